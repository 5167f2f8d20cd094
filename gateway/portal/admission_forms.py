"""The forms of the staff tools over enrollment (Flask-WTF: each carries its CSRF token):
admitting a student, or a CSV file of them; correcting a record; a hold placed by hand; a
semester's windows; a regional office's tutors.

Each form's body is the JSON API's own request model (gateway.schemas), so the page refuses
what the API refuses, next to the field. What enrollment then refuses (a programme it does
not know, a semester not admitting) comes back naming its field, and is said next to it in
the page's language."""
from __future__ import annotations

import re
import secrets
import typing

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp
from wtforms.widgets import TextInput

from campus import identifiers
from campus.errors import InvalidArgument
from gateway import schemas
from gateway.portal.account_forms import CNIC_FORM, DATE_FORM
from gateway.portal.forms import IDEMPOTENCY_KEY
from gateway.portal.vocabulary import GENDERS
from services.enrollment.domain import AGE_RANGE

#: The admission form's fields and a bulk file's columns, in the API's order.
ADMISSION_FIELDS = tuple(schemas.AdmitStudent.model_fields)
#: The codes of the holds a department places (and lifts) by hand.
HAND_PLACED = typing.get_args(schemas.PlaceHold.model_fields["code"].annotation)
FORM_NOT_ACCEPTED = _l("The form could not be accepted. Please check it and submit again.")

NAME = _l("Enter the name as on the CNIC, up to 120 characters.")
EMAIL = _l("Enter a valid email address, like name@example.pk.")
MOBILE = _l("A mobile number is 10 to 15 digits, like 0300-1234567.")
ADDRESS = _l("Enter the full postal address, at least 10 characters: books and letters are sent there.")
SEMESTER = _l("Enter a semester like Spring 2027.")
AGE = _l("The date of birth gives an age outside %(youngest)s to %(oldest)s years. Check it against the CNIC.",
         youngest=AGE_RANGE[0], oldest=AGE_RANGE[1])


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


def _field(label, description=None, required=None, validators=()):
    first = [DataRequired(required)] if required else [Optional()]
    return StringField(label, description=description, validators=[*first, *validators], filters=[_stripped])


class _ModelForm(FlaskForm):
    """A form whose body is one of the API's request models: a refusal of the model, or of
    enrollment, lands on the field it names (else on FIRST), in the page's language."""
    FIRST = ""
    #: What each field takes, said when the API's model refuses it.
    MESSAGES: dict = {}
    #: What enrollment's refusal of a field means, when the model took it (else MESSAGES).
    REFUSALS: dict = {}

    def refuse(self, field: str | None, message=None) -> None:
        target = self._fields.get(field or "")
        if target is None or isinstance(target, HiddenField):  # not a field she can put right
            target, message = self[self.FIRST], FORM_NOT_ACCEPTED
        message = message or self.MESSAGES.get(field, FORM_NOT_ACCEPTED)
        if message not in target.errors:
            target.errors = [*target.errors, message]

    def refuse_as_enrollment(self, refused: InvalidArgument) -> None:
        self.refuse(refused.field, self.REFUSALS.get(refused.field))

    def model(self, model: type[BaseModel], values: dict):
        """The API's request model of `values`, or None with each refusal on its field."""
        try:
            return model.model_validate(values)
        except PydanticError as invalid:
            for problem in invalid.errors():
                self.refuse(self.field_of(problem["loc"]))
            return None

    def field_of(self, location: tuple) -> str:
        return str(location[0]) if location else self.FIRST


# -- admitting one student ---------------------------------------------------------------
class ChoiceOrText(SelectField):
    """A select, or a text input when there is no list to choose from (AdmitStudent.offer_centres)."""

    def _value(self) -> str:  # what a text input shows: SelectField has none of its own
        return self.data or ""


GENDER_CHOICES = [("", _l("Choose")), *GENDERS.items()]


class AdmitStudent(_ModelForm):
    """The fields of POST /api/v1/staff/admissions, and its Idempotency-Key made when the form
    was first shown: sent twice, the form admits her once."""
    full_name = _field(_l("Full name"), required=_l("Enter the student's full name."))
    father_name = _field(_l("Father's name"), required=_l("Enter the father's name."))
    cnic = _field(_l("CNIC"), _l("As on the card (a B-form for a child), like 37405-6543210-4."),
                  required=_l("Enter the CNIC."))
    date_of_birth = _field(_l("Date of birth"), required=_l("Enter the date of birth."))
    gender = SelectField(_l("Gender"), choices=GENDER_CHOICES, validate_choice=False,
                         validators=[DataRequired(_l("Choose female, male or other."))])
    postal_address = _field(_l("Postal address"), _l("Books and letters are sent here."),
                            required=_l("Enter the postal address."))
    mobile = _field(_l("Mobile"), required=_l("Enter the mobile number."))
    email = _field(_l("Email"), _l("The activation code of the student's portal account is mailed here."),
                   required=_l("Enter the email address."))
    program_code = SelectField(_l("Programme"), choices=[], validate_choice=False,  # the view sets the choices
                               validators=[DataRequired(_l("Choose the programme."))])
    centre_code = ChoiceOrText(_l("Regional centre"), choices=[], validate_choice=False,  # the view sets the choices
                               validators=[DataRequired(_l("Choose the regional centre."))])
    admission_semester = _field(_l("Admission semester"), _l("A semester whose admission is open, like Spring 2027."),
                                required=_l("Enter the admission semester."))
    idempotency_key = HiddenField(default=lambda: secrets.token_urlsafe(24), validators=[
        DataRequired(), Regexp(IDEMPOTENCY_KEY)])

    FIRST = "full_name"
    MESSAGES = {
        "full_name": NAME, "father_name": NAME, "cnic": CNIC_FORM, "date_of_birth": DATE_FORM,
        "gender": _l("Choose female, male or other."), "postal_address": ADDRESS, "mobile": MOBILE, "email": EMAIL,
        "program_code": _l("Choose the programme."),
        "centre_code": _l("A regional centre code is 2 to 10 letters, like ISB."),
        "admission_semester": SEMESTER,
    }
    REFUSALS = {
        "program_code": _l("No programme has this code."),
        "centre_code": _l("No regional centre has this code."),
        "admission_semester": _l("Admission to this semester is not open."),
        "date_of_birth": AGE,
    }
    ALREADY_ADMITTED = _l("This person (CNIC) is already admitted to this programme.")

    def body(self) -> schemas.AdmitStudent | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.AdmitStudent, {name: self[name].data or "" for name in ADMISSION_FIELDS})

    def fresh_key(self) -> None:
        self.idempotency_key.data = secrets.token_urlsafe(24)

    def offer(self, programmes: list[dict]) -> None:
        """The programmes to choose from (enrollment's reference data), by code and title."""
        self.program_code.choices = [("", _l("Choose"))] + [(p["code"], f"{p['code']} · {p['title']}")
                                                            for p in programmes]

    def offer_centres(self, centres: list[dict]) -> None:
        """The regional centres by name, their codes sent. None (enrollment not answering): the
        code typed, as the form took it before there was a list to choose from."""
        if centres:
            self.centre_code.choices = [("", _l("Choose"))] + [(c["code"], c["name"]) for c in centres]
            return
        self.centre_code.widget = TextInput()
        self.centre_code.label.text = _l("Regional centre code")
        self.centre_code.description = _l("Like ISB (Islamabad), LHR (Lahore) or FSD (Faisalabad).")
        self.centre_code.validators = [DataRequired(_l("Enter the regional centre's code."))]


# -- a file of students --------------------------------------------------------------------
#: What each column of a bulk file takes (the upload page's description of the columns).
COLUMN_HINTS = {
    "full_name": _l("The student's full name, as on the CNIC."),
    "father_name": _l("The father's name."),
    "cnic": _l("13 digits, dashes optional, like 37405-6543210-4."),
    "date_of_birth": _l("Year-month-day, like 2003-08-14."),
    "gender": _l("female, male or other."),
    "postal_address": _l("Where books and letters are sent: at least 10 characters."),
    "mobile": _l("10 to 15 digits, like 0300-1234567."),
    "email": _l("The activation code of the portal account is mailed here."),
    "program_code": _l("The programme's code, like BED15, ADE, ADBA or MATRIC."),
    "centre_code": _l("The regional centre's code, like ISB, LHR or FSD."),
    "admission_semester": _l("A semester whose admission is open, like Spring 2027."),
}
MAX_CSV_CHARACTERS = next(m.max_length for m in schemas.AdmissionFile.model_fields["csv"].metadata
                          if getattr(m, "max_length", None))


class CsvFileForm(_ModelForm):
    """A CSV file (multipart) sent on as the text of an API body `SCHEMA` (file_name, csv):
    a bulk admission, a file of marks. Subclasses give the field, `SCHEMA`, `MESSAGES` and
    the service's refusals of a file as a whole (`FILE_REFUSALS`)."""
    SCHEMA: type = schemas.AdmissionFile
    FIRST = "file"
    NOT_CSV = _l("Send a .csv file: in Excel, Save As \"CSV UTF-8 (Comma delimited)\".")
    NOT_UTF8 = _l("The file is not UTF-8 text: in Excel, Save As \"CSV UTF-8 (Comma delimited)\" and send it again.")
    FILE_REFUSALS = (
        ("missing:", _l("The file's first line must name the columns. Missing: %(columns)s.")),
        ("no rows", _l("The file has no rows under its first line.")),
        ("at most", _l("The file has too many rows: split it into files of at most %(rows)s rows.")),
    )

    def upload(self):
        """The file's name and text as the API takes them, or None with the error on the field."""
        if not self.validate_on_submit():
            return None
        sent = self.file.data
        name = _file_name(sent.filename or "")
        if not name.lower().endswith(".csv"):
            self.refuse("file", self.NOT_CSV)
            return None
        try:  # the gateway bounds the upload's size (GATEWAY_MAX_UPLOAD_BYTES)
            text = sent.read().decode("utf-8")
        except UnicodeDecodeError:
            self.refuse("file", self.NOT_UTF8)
            return None
        return self.model(self.SCHEMA, {"file_name": name, "csv": text})

    def field_of(self, location: tuple) -> str:
        return "file"  # the model's csv and file_name are both the file sent


class AdmissionFile(CsvFileForm):
    """A CSV file (multipart), sent to enrollment as the text of POST /api/v1/staff/admissions/files."""
    file = FileField(_l("CSV file"), validators=[FileRequired(_l("Choose the CSV file to send."))])

    SCHEMA = schemas.AdmissionFile
    MESSAGES = {"file": _l("The file is empty or larger than %(megabytes)s MB: split it into smaller files.",
                           megabytes=MAX_CSV_CHARACTERS // (1024 * 1024))}

    def refuse_as_enrollment(self, refused: InvalidArgument) -> None:
        for words, message in self.FILE_REFUSALS:
            if words in refused.message:
                self.refuse("file", _filled(message, refused.message))
                return
        self.refuse("file")


def _file_name(name: str) -> str:
    """The file's own name (a browser may send a path), without control characters."""
    return identifiers.CONTROL.sub("", name.replace("\\", "/").rsplit("/", 1)[-1])[:120]


def _filled(message, said: str) -> str:
    """A file refusal in the page's language, with the columns or the row limit enrollment named."""
    missing = said.split("missing:", 1)[-1].strip() if "missing:" in said else ""
    limit = re.search(r"at most (\d+)", said)
    return str(message) % {"columns": missing, "rows": f"{int(limit[1]):,}" if limit else ""}


# -- a student's record and her holds -------------------------------------------------------
class FindStudent(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET: it changes nothing and should be linkable

    registration_number = _field(_l("Registration number"), required=_l("Enter the registration number."),
                                 validators=[Regexp(schemas.REGISTRATION_NUMBER,
                                                    message=_l("A registration number looks like 22P-123456."))])
    NOT_FOUND = _l("No student has this registration number.")


#: What a correction may change (schemas.RecordChanges), in the form's order.
CORRECTABLE = tuple(schemas.RecordChanges.model_fields)


class CorrectRecord(_ModelForm):
    """The record's correctable fields, shown as they stand; only those changed are sent
    (PATCH /api/v1/staff/students/<number>/record), with the reason."""
    full_name = _field(_l("Full name"))
    father_name = _field(_l("Father's name"))
    cnic = _field(_l("CNIC"))
    date_of_birth = _field(_l("Date of birth"))
    postal_address = _field(_l("Postal address"))
    mobile = _field(_l("Mobile"))
    email = _field(_l("Email"))
    reason = _field(_l("Reason for the correction"), _l("Like the number of the correction form, up to 50 characters."),
                    required=_l("Say why the record is corrected."))

    FIRST = "reason"
    MESSAGES = {**{f: AdmitStudent.MESSAGES[f] for f in CORRECTABLE},
                "reason": _l("Say why in 1 to 50 characters.")}
    REFUSALS = {"date_of_birth": AGE}
    UNCHANGED = _l("Change at least one field before saving.")

    def body(self, student: dict) -> schemas.CorrectRecord | None:
        """The fields that differ from the record as shown, or None with the errors on the form."""
        if not self.validate_on_submit():
            return None
        changes = {f: self[f].data or "" for f in CORRECTABLE if (self[f].data or "") != str(student.get(f) or "")}
        if not changes:
            self.refuse("changes")
            return None
        return self.model(schemas.CorrectRecord, {"changes": changes, "reason": self.reason.data})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.changes_errors = []  # none of the fields changed: said above them all

    def refuse(self, field: str | None, message=None) -> None:
        if field == "changes":
            self.changes_errors = [self.UNCHANGED]
            return
        super().refuse(field, message)

    def field_of(self, location: tuple) -> str:
        # a change's refusal is at ("changes", field)
        return str(location[1]) if len(location) > 1 and location[0] == "changes" else super().field_of(location)

    @classmethod
    def of(cls, student: dict) -> CorrectRecord:
        return cls(formdata=None, data={f: student.get(f, "") for f in CORRECTABLE})


class PlaceHold(_ModelForm):
    """A missing-documents hold: what is missing (its reference) and a note for the student."""
    reference = _field(_l("Missing document"), _l("What the student must send, like \"Attested B.A. transcript\"."),
                       required=_l("Say which document is missing."))
    note = TextAreaField(_l("Note for the student (optional)"), filters=[_stripped],
                         validators=[Optional(), Length(max=300, message=_l("Use at most 300 characters."))])

    FIRST = "reference"
    MESSAGES = {"reference": _l("Say which document is missing, in 1 to 60 characters."),
                "note": _l("Use at most 300 characters.")}

    def body(self) -> schemas.PlaceHold | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.PlaceHold, {"code": HAND_PLACED[0], "reference": self.reference.data,
                                              "note": (self.note.data or "").replace("\r\n", "\n")})


class LiftHold(FlaskForm):
    """One hold's lift button: its code and reference as hidden fields."""
    code = HiddenField(validators=[DataRequired()])
    reference = HiddenField(validators=[DataRequired(), Length(max=60)])


# -- a semester's windows -------------------------------------------------------------------
def slug(semester: str) -> str:
    """A semester as a form's prefix (ids unique on the page): spring-2027."""
    return re.sub(r"[^a-z0-9]+", "-", semester.strip().lower()).strip("-") or "semester"


def _date(label):
    return StringField(label, filters=[_stripped], validators=[
        DataRequired(DATE_FORM), Regexp(schemas.ISO_DATE, message=DATE_FORM)])


class SemesterWindows(_ModelForm):
    """One semester's admission and registration windows (PUT /api/v1/staff/semesters);
    each form on the page has the semester as its prefix."""
    admission_opens = _date(_l("Admission opens"))
    admission_closes = _date(_l("Admission closes"))
    registration_opens = _date(_l("Registration opens"))
    registration_closes = _date(_l("Registration closes"))

    FIRST = "admission_closes"
    BACKWARDS = _l("A window must open on or before the day it closes.")
    MESSAGES = {"admission_closes": BACKWARDS, "registration_closes": BACKWARDS,
                "admission_opens": DATE_FORM, "registration_opens": DATE_FORM}

    def body(self, code: str) -> schemas.SetWindows | None:
        if not self.validate_on_submit():
            return None
        for window in ("admission", "registration"):
            # ISO dates compare as text
            if self[f"{window}_opens"].data > self[f"{window}_closes"].data:
                self.refuse(f"{window}_closes", self.BACKWARDS)
        if self.errors:
            return None
        return self.model(schemas.SetWindows, {"code": code, **{
            window: {"opens": self[f"{window}_opens"].data, "closes": self[f"{window}_closes"].data}
            for window in ("admission", "registration")}})

    def field_of(self, location: tuple) -> str:
        # the model's ("admission", "closes") is this form's admission_closes
        return "_".join(str(p) for p in location[:2]) if len(location) > 1 else super().field_of(location)

    def refuse_as_enrollment(self, refused: InvalidArgument) -> None:
        # enrollment names the window ("admission") or its closing day ("admission_closes")
        field = refused.field or ""
        self.refuse(field if field.endswith("_closes") else f"{field}_closes", self.BACKWARDS)

    @classmethod
    def of(cls, semester: dict) -> SemesterWindows:
        return cls(formdata=None, prefix=slug(semester["code"]), data={
            f"{window}_{end}": semester[window][end] for window in ("admission", "registration")
            for end in ("opens", "closes")})


# -- a regional office's tutors -------------------------------------------------------------
class TutorsSemester(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET

    semester = _field(_l("Semester"), required=SEMESTER, validators=[
        Length(max=20, message=SEMESTER), Regexp(schemas.SEMESTER, message=SEMESTER)])


class AddTutor(_ModelForm):
    """A tutor engaged at the officer's own centre (POST /api/v1/staff/tutors)."""
    name = _field(_l("Name"), required=_l("Enter the tutor's name."))
    postal_address = _field(_l("Postal address"), _l("Students post their assignments here."),
                            required=_l("Enter the tutor's postal address."))
    phone = _field(_l("Phone"), required=_l("Enter the tutor's phone number."))
    email = _field(_l("Email"), required=_l("Enter the tutor's email address."))
    semester = HiddenField()  # the page to come back to

    FIRST = "name"
    MESSAGES = {"name": _l("Enter a name of up to 120 characters."), "postal_address": ADDRESS,
                "phone": _l("A phone number is 10 to 15 digits, like 0300-1234567."), "email": EMAIL}

    def body(self) -> schemas.AddTutor | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.AddTutor, {f: self[f].data or "" for f in schemas.AddTutor.model_fields})


class AssignTutor(_ModelForm):
    """A tutor of the centre teaches a course in the semester, for at most `capacity` students."""
    tutor_id = SelectField(_l("Tutor"), choices=[], validate_choice=False,
                           validators=[DataRequired(_l("Choose the tutor."))])
    course_code = _field(_l("Course code"), _l("Like 8601."), required=_l("Enter the course code."))
    capacity = _field(_l("Students the tutor can take"), _l("1 to 500."), required=_l("Enter how many students."))
    semester = HiddenField()

    FIRST = "tutor_id"
    MESSAGES = {"tutor_id": _l("Choose the tutor."),
                "course_code": _l("A course code is letters and digits, like 8601."),
                "capacity": _l("Enter a number of students from 1 to 500."), "semester": SEMESTER}
    REFUSALS = {"tutor_id": _l("This tutor is not one of your centre's."),
                "course_code": _l("This course is not offered in this semester."),
                "capacity": _l("The tutor already has more students in this course than that: give at least as many "
                               "places as the tutor has students.")}

    def body(self) -> schemas.AssignTutor | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.AssignTutor, {"tutor_id": self.tutor_id.data, "semester": self.semester.data or "",
                                                "course_code": self.course_code.data,
                                                "capacity": self.capacity.data})


class AllocateTutors(FlaskForm):
    """An offering's allocate button: its semester and course as hidden fields."""
    semester = HiddenField()
    course_code = HiddenField()

    def body(self) -> schemas.AllocateTutors | None:
        """The API's body, or None: hidden fields that do not make one were tampered with."""
        if not self.validate_on_submit():
            return None
        try:
            return schemas.AllocateTutors(semester=self.semester.data or "", course_code=self.course_code.data or "")
        except PydanticError:
            return None


# -- admissions' programmes: courses, schemes of studies, offerings ----------------------------
COURSE_CODE = _l("A course code is 2 to 12 letters and digits, like 8601.")
NO_COURSE = _l("No course has this code: add it first.")


class OfferingsSemester(TutorsSemester):
    """The semester whose offerings the programmes page shows (a look-up by GET)."""


class AddCourse(_ModelForm):
    """A new course, its theory and practical credit hours (POST /api/v1/staff/courses)."""
    code = _field(_l("Course code"), _l("Like 8601."), required=_l("Enter the course code."))
    title = _field(_l("Title"), _l("As in the prospectus, like Educational Psychology."),
                   required=_l("Enter the course's title."))
    credit_hours = _field(_l("Credit hours"), _l("1 to 12, the practical hours included."),
                          required=_l("Enter the credit hours."))
    practical_credit_hours = _field(_l("Practical credit hours"), _l("Of the credit hours: 1 for 3(2+1); 0 or empty "
                                                                      "for none."))
    semester = HiddenField()  # the page to come back to

    FIRST = "code"
    MESSAGES = {"code": COURSE_CODE, "title": _l("Enter a title of up to 120 characters."),
                "credit_hours": _l("Enter credit hours from 1 to 12."),
                "practical_credit_hours": _l("Practical credit hours are from 0 to the credit hours.")}
    TAKEN = _l("A course has this code already.")

    def body(self) -> schemas.AddCourse | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.AddCourse, {"code": self.code.data, "title": self.title.data,
                                              "credit_hours": self.credit_hours.data,
                                              "practical_credit_hours": self.practical_credit_hours.data or "0"})


class SetSchemeCourse(_ModelForm):
    """A course put in a programme's scheme of studies at one of its semesters, or taken out
    (0) (PUT /api/v1/staff/programs/scheme)."""
    program_code = SelectField(_l("Programme"), choices=[], validate_choice=False,  # the view sets the choices
                               validators=[DataRequired(_l("Choose the programme."))])
    course_code = _field(_l("Course code"), _l("Like 8601."), required=_l("Enter the course code."))
    semester_number = _field(_l("Semester of the programme"), _l("1 for its first semester; 0 takes the course out "
                                                                 "of the scheme."),
                             required=_l("Enter the semester of the programme, or 0."))
    semester = HiddenField()

    FIRST = "program_code"
    MESSAGES = {"program_code": _l("Choose the programme."), "course_code": COURSE_CODE,
                "semester_number": _l("Enter a semester of the programme from 1 to 16, or 0.")}
    REFUSALS = {"program_code": _l("No programme has this code."), "course_code": NO_COURSE,
                "semester_number": _l("The programme has fewer semesters than that: give one of its semesters, or 0 "
                                      "to take the course out.")}

    def body(self) -> schemas.SetSchemeCourse | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.SetSchemeCourse, {f: self[f].data for f in schemas.SetSchemeCourse.model_fields})

    def offer(self, programmes: list[dict]) -> None:
        self.program_code.choices = [("", _l("Choose"))] + [(p["code"], f"{p['code']} · {p['title']}")
                                                            for p in programmes]


class OfferCourse(_ModelForm):
    """A course offered in the page's semester (PUT /api/v1/staff/semesters/offerings, offered)."""
    course_code = _field(_l("Course code"), _l("Like 8601."), required=_l("Enter the course code."))
    semester = HiddenField()

    FIRST = "course_code"
    MESSAGES = {"course_code": COURSE_CODE, "semester": SEMESTER}
    REFUSALS = {"course_code": NO_COURSE}

    def body(self, offered: bool = True) -> schemas.SetOffering | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.SetOffering, {"semester": self.semester.data or "",
                                                "course_code": self.course_code.data, "offered": offered})


class WithdrawCourse(FlaskForm):
    """A course's withdraw button: its semester and code as hidden fields."""
    semester = HiddenField()
    course_code = HiddenField()
    #: Enrollment refuses to withdraw a course students are registered for.
    REGISTERED = _l("Students are registered for this course in this semester: it cannot be withdrawn.")

    def body(self) -> schemas.SetOffering | None:
        """The API's body, or None: hidden fields that do not make one were tampered with."""
        if not self.validate_on_submit():
            return None
        try:
            return schemas.SetOffering(semester=self.semester.data or "", course_code=self.course_code.data or "",
                                       offered=False)
        except PydanticError:
            return None
