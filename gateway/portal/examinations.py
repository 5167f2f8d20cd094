"""Examinations in the portal: the student's exam schedule and roll number slip, the public
copy of a slip and the verification page every printed QR code points to, and the
examinations department's tools (exam centres, date sheets, the documents issued to a student).

Each page calls the same function as its JSON twin (gateway.blueprints.examinations), never
the API over HTTP. The pages join the portal's student, public and staff blueprints; exams'
refusals are said next to the field they name, in the page's language."""
from __future__ import annotations

import datetime as dt
import functools
import re
from urllib.parse import unquote, urlsplit

from flask import redirect, request, url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from pydantic import ValidationError as PydanticError
from wtforms import BooleanField, HiddenField, StringField
from wtforms.validators import DataRequired, Length, Regexp, ValidationError

from campus import clock, identifiers
from campus.documents import MAX_ID_LENGTH
from campus.errors import DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from campus.semesters import parse_semester
from gateway import schemas
from gateway.blueprints import examinations as exams_api
from gateway.blueprints import staff as staff_api
from gateway.context import current
from gateway.limits import limiter
from gateway.portal import session
from gateway.portal.admission_forms import FORM_NOT_ACCEPTED, SEMESTER, FindStudent, _field, _ModelForm
from gateway.portal.pages import error_page, forbidden, page
from gateway.portal.public import bp as public_bp
from gateway.portal.staff import bp as staff_bp
from gateway.portal.staff import department_of, tool
from gateway.portal.student import bp as student_bp
from gateway.portal.tutors import nearby
from gateway.problems import Problem
from gateway.security import declare_audience

NOT_ANSWERING = (Unavailable, DeadlineExceeded)

# -- the words for exams' codes -----------------------------------------------------------------
DOCUMENT_TYPES = {"roll_number_slip": _l("Roll number slip"), "transcript": _l("Transcript"),
                  "challan": _l("Fee challan")}
ISSUERS = {"exams": _l("Controller of Examinations"), "finance": _l("Treasury")}
#: The key facts a document carries, as the verification page names them (in this order).
FACT_NAMES = {"name": _l("Name"), "registration_number": _l("Registration number"),
              "roll_number": _l("Roll number"), "program": _l("Programme"), "semester": _l("Semester"),
              "centre": _l("Exam centre"), "semesters": _l("Semesters with results"),
              "last_semester": _l("Last semester"), "cgpa": _l("CGPA"),
              "consumer_number": _l("Consumer number"), "amount": _l("Amount"), "due_date": _l("Due date")}
#: Why a document was revoked, when the system did it (else the officer's words, as written).
REVOCATION_REASONS = {"superseded by a new copy": _l("A newer copy of this document was issued: only that copy "
                                                     "is valid.")}
STATUSES = {"genuine": _l("Genuine"), "revoked": _l("Revoked")}

PROGRAM = _l("A programme code is letters and digits, like BED15.")
REGISTRATION_NUMBER = _l("A registration number looks like 22P-123456.")
CENTRE_CODE = _l("A centre code is letters, digits and hyphens, like ISB-03.")
REGION = _l("A region is a regional centre's code, 2 to 10 letters or digits, like ISB.")
COURSE_CODE = _l("A course code is letters and digits, like 8601.")
DATE = _l("Enter the date as year-month-day, like 2026-12-09.")
TIME = _l("Enter the time as hours:minutes (24 hours), like 09:00 or 14:00.")


def paper_day(value: str | None) -> str:
    """A paper's date (YYYY-MM-DD) with its weekday, in the page's language ('' for none)."""
    try:
        return format_date(dt.date.fromisoformat(value), format="full") if value else ""
    except ValueError:
        return value or ""


def _semester(value: str) -> str:
    """A semester as exams name it (Spring 2026), '' when it is not one."""
    try:
        return str(parse_semester(value or ""))
    except InvalidArgument:
        return ""


# -- forms ----------------------------------------------------------------------------------------
class PublicSlip(_ModelForm):
    """The public copy of a slip: programme, semester and registration number must all match."""
    program = _field(_l("Programme code"), _l("As on your admission letter, like BED15."),
                     required=_l("Enter your programme's code."),
                     validators=[Length(max=20, message=PROGRAM), Regexp(schemas.PROGRAM_CODE, message=PROGRAM)])
    semester = _field(_l("Semester"), _l("The semester of the exams, like Spring 2026."), required=SEMESTER,
                      validators=[Length(max=20, message=SEMESTER), Regexp(schemas.SEMESTER, message=SEMESTER)])
    registration_number = _field(_l("Registration number"), _l("Like 22P-123456."),
                                 required=_l("Enter your registration number."),
                                 validators=[Regexp(schemas.REGISTRATION_NUMBER, message=REGISTRATION_NUMBER)])

    FIRST = "registration_number"
    MESSAGES = {"program": PROGRAM, "semester": SEMESTER,
                "registration_number": REGISTRATION_NUMBER}
    NO_MATCH = _l("No roll number slip matches this programme, semester and registration number. Check all three "
                  "against your admission letter; a slip is issued once your registration is confirmed (its fee "
                  "paid).")

    def body(self) -> schemas.PublicSlipQuery | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.PublicSlipQuery, {name: self[name].data or "" for name in
                                                    ("program", "semester", "registration_number")})

    def refuse_as_exams(self, refused: InvalidArgument) -> None:
        self.refuse({"program_code": "program"}.get(refused.field or "", refused.field))


def _document_code(form, field) -> None:
    """What was pasted (the QR code's whole address, or the code at its end) as a document ID."""
    pasted = (field.data or "").strip()
    if "/verify/" in pasted:
        pasted = unquote(urlsplit(pasted).path.rsplit("/verify/", 1)[-1]).strip("/")
    if len(pasted) > MAX_ID_LENGTH or not re.match(schemas.DOCUMENT_ID, pasted):
        raise ValidationError(_l("Paste the whole address under the document's QR code, or the code at its end."))
    field.data = pasted


class VerifyCode(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET: it changes nothing and should be linkable

    code = StringField(_l("Address or code of the document"), description=_l(
        "Scan the QR code on the document, or type the address printed under it."), validators=[
        DataRequired(_l("Paste the address or code from the document.")), _document_code])


class CentresFilter(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET

    region = _field(_l("Region"), _l("A regional centre's code, like ISB; empty: every region."),
                    validators=[Length(max=10, message=REGION), Regexp(r"^[A-Za-z0-9]*$", message=REGION)])
    semester = _field(_l("Semester"), _l("Empty: the latest semester with candidates."),
                      validators=[Length(max=20, message=SEMESTER), Regexp(schemas.SEMESTER, message=SEMESTER)])


class SetCentre(_ModelForm):
    """An exam centre added or changed (PUT /api/v1/staff/exam-centres)."""
    code = _field(_l("Centre code"), _l("Like ISB-03. A code that exists already changes that centre."),
                  required=_l("Enter the centre's code."))
    region = _field(_l("Region"), _l("The regional centre whose candidates sit here, like ISB."),
                    required=_l("Enter the region."))
    name = _field(_l("Name"), _l("The hall or school, like Federal Government College."),
                  required=_l("Enter the centre's name."))
    address = _field(_l("Address of the centre"), required=_l("Enter the centre's address."))
    capacity = _field(_l("Seats"), _l("How many candidates it can seat, 0 to 100000."),
                      required=_l("Enter how many candidates it can seat."))
    active = BooleanField(_l("Open for exams"), description=_l("Uncheck to close the centre: no new candidate is "
                                                               "seated there."))

    FIRST = "code"
    MESSAGES = {"code": CENTRE_CODE, "region": REGION, "name": _l("Enter a name of up to 120 characters."),
                "address": _l("Enter an address of up to 300 characters."),
                "capacity": _l("Enter a number of seats from 0 to 100000."), "active": FORM_NOT_ACCEPTED}
    MOVED = _l("Candidates are seated at this centre: it cannot move to another region.")

    def body(self) -> schemas.SetExamCentre | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.SetExamCentre, {"code": self.code.data or "", "region": self.region.data or "",
                                                  "name": self.name.data or "", "address": self.address.data or "",
                                                  "capacity": self.capacity.data or "", "active": self.active.data})

    @classmethod
    def of(cls, centre: dict | None) -> SetCentre:
        if centre is None:
            return cls(formdata=None, data={"active": True})
        return cls(formdata=None, data={name: centre[name] for name in
                                        ("code", "region", "name", "address", "capacity", "active")})


class DateSheetPicker(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET

    semester = _field(_l("Semester"), required=SEMESTER,
                      validators=[Length(max=20, message=SEMESTER), Regexp(schemas.SEMESTER, message=SEMESTER)])
    program = _field(_l("Programme code"), _l("Like BED15."), required=_l("Enter the programme's code."),
                     validators=[Length(max=20, message=PROGRAM), Regexp(schemas.PROGRAM_CODE, message=PROGRAM)])


class SetPaper(_ModelForm):
    """A paper put on a programme's date sheet, or moved (PUT /api/v1/staff/date-sheets/papers)."""
    course_code = _field(_l("Course code"), _l("Like 8601."), required=_l("Enter the course code."))
    title = _field(_l("Title"), _l("Needed only for a course no candidate sits yet."))
    date = _field(_l("Date"), _l("The day of the paper."), required=_l("Enter the date of the paper."))
    start = _field(_l("Starts"), _l("Pakistan time."), required=_l("Enter when it starts."))
    end = _field(_l("Ends"), _l("Pakistan time."), required=_l("Enter when it ends."))
    semester = HiddenField()
    program = HiddenField()

    FIRST = "course_code"
    MESSAGES = {"course_code": COURSE_CODE, "title": _l("Enter a title of up to 120 characters."), "date": DATE,
                "start": TIME, "end": TIME}
    REFUSALS = {"end": _l("A paper must end after it starts."),
                "title": _l("Give the course's title: no candidate sits this course yet.")}
    #: Exams' names of the fields, where they are not the form's.
    EXAMS_FIELDS = {"course_title": "title", "program_code": "program"}

    def body(self) -> schemas.SetDateSheetPaper | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.SetDateSheetPaper, {f: self[f].data or "" for f in
                                                      schemas.SetDateSheetPaper.model_fields})

    def refuse_as_exams(self, refused: InvalidArgument) -> None:
        field = self.EXAMS_FIELDS.get(refused.field or "", refused.field)
        self.refuse(field, self.REFUSALS.get(field or ""))


class RemovePaper(FlaskForm):
    """A paper's remove button: its semester, programme and course as hidden fields."""
    semester = HiddenField()
    program = HiddenField()
    course_code = HiddenField()

    def body(self) -> schemas.RemoveDateSheetPaper | None:
        """The API's body, or None: hidden fields that do not make one were tampered with."""
        if not self.validate_on_submit():
            return None
        try:
            return schemas.RemoveDateSheetPaper(semester=self.semester.data or "", program=self.program.data or "",
                                                course_code=self.course_code.data or "")
        except PydanticError:
            return None


class RevokeDocument(_ModelForm):
    """A document revoked with a reason; each document's form has its serial as prefix."""
    reason = _field(_l("Reason"), _l("Said on the verification page, like \"issued in error\"."),
                    required=_l("Say why the document is revoked."), validators=[
                        Length(max=300, message=_l("Say why in 1 to 300 characters."))])
    registration_number = HiddenField()  # the page to come back to

    FIRST = "reason"
    MESSAGES = {"reason": _l("Say why in 1 to 300 characters.")}

    def body(self) -> schemas.RevokeDocument | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.RevokeDocument, {"reason": self.reason.data or ""})


def revoke_prefix(serial: str) -> str:
    return f"revoke-{serial.lower()}"


# -- the student's -----------------------------------------------------------------------------
@student_bp.get("/exam-schedule", endpoint="exam_schedule")
@session.page_for("student")
def exam_schedule(caller):
    """Her roll number, exam centre and papers (GET /api/v1/me/exam-schedule, the same
    function), for her latest semester or ?semester=; the slip to download."""
    semester = request.args.get("semester", "").strip()
    if semester and not _semester(semester):
        return error_page(404)
    schedule, no_roll_number, unavailable = None, False, False
    try:
        schedule = exams_api.schedule_of(caller, caller.subject, _semester(semester))
    except NotFound:  # no registration of hers is confirmed yet: no roll number
        no_roll_number = True
    except InvalidArgument:
        return error_page(404)
    except NOT_ANSWERING:
        unavailable = True
    return page("portal/student/exam_schedule.html", caller=caller, schedule=schedule, semester=_semester(semester),
                no_roll_number=no_roll_number, unavailable=unavailable, paper_day=paper_day,
                status=503 if unavailable else 200)


@student_bp.get("/roll-number-slip.pdf", endpoint="roll_number_slip")
@session.page_for("student")
def roll_number_slip(caller):
    """Her roll number slip as a PDF to keep (GET /api/v1/me/roll-number-slip.pdf, the same function)."""
    semester = request.args.get("semester", "").strip()
    if semester and not _semester(semester):
        return error_page(404)
    try:
        slip = exams_api.slip_of(caller, caller.subject, _semester(semester))
    except NotFound:  # no roll number yet: the schedule page says why
        return redirect(url_for(".exam_schedule"), code=303)
    except InvalidArgument:
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return pdf_download(slip)


def pdf_download(document):
    response = exams_api.pdf_response(document, download=True)
    response.headers["Cache-Control"] = "no-store"  # personal: never kept by a shared cache or computer
    return response


# -- the public's ----------------------------------------------------------------------------------
@public_bp.route("/roll-number-slip", methods=["GET", "POST"], endpoint="roll_number_slip")
@limiter.limit(lambda: current().config.public_document_rate_limit, methods=["POST"])
def public_roll_number_slip():
    """The slip by programme, semester and registration number (GET
    /api/v1/public/roll-number-slip.pdf, the same function): a PDF, or the form with what is wrong."""
    form = PublicSlip()
    caller = session.page_caller()
    if request.method == "GET":
        return page("portal/slip.html", caller=caller, form=form)
    body = form.body()
    if body is None:
        return page("portal/slip.html", caller=caller, form=form, status=400)
    try:
        slip = exams_api.public_slip(body.program, body.semester, body.registration_number)
    except NotFound:
        return page("portal/slip.html", caller=caller, form=form, status=404, problem=form.NO_MATCH)
    except InvalidArgument as refused:
        form.refuse_as_exams(refused)
        return page("portal/slip.html", caller=caller, form=form, status=400)
    except NOT_ANSWERING:
        return page("portal/slip.html", caller=caller, form=form, status=503, problem=_l(
            "Slips cannot be printed right now. Please try again in a little while."))
    return pdf_download(slip)


@public_bp.get("/verify", endpoint="verify_form")
def verify_form():
    """Paste the address (or the code) of a document's QR code: on to its verification."""
    form = VerifyCode(request.args)
    if "code" in request.args and form.validate():
        return redirect(url_for(".verify", document_id=form.code.data), code=303)
    return page("portal/verify.html", caller=session.page_caller(), form=form, seen=None,
                status=400 if "code" in request.args else 200)


@public_bp.get("/verify/<document_id>", endpoint="verify")
def verify(document_id):
    """What every printed QR code points to: genuine or revoked, the document's type, date of
    issue and key facts (GET /api/v1/public/verify/<id>, the same function); a code this
    university did not issue is a 404 that says so."""
    caller, form = session.page_caller(), VerifyCode(formdata=None)
    try:
        seen = exams_api.verification(document_id)
    except (Problem, NotFound, InvalidArgument) as refused:
        if isinstance(refused, Problem) and refused.status != 404:
            raise
        return _verify_page(caller, form, None, status=404, not_issued=True)
    except NOT_ANSWERING:
        return _verify_page(caller, form, None, status=503, unavailable=True)
    return _verify_page(caller, form, seen)


def _verify_page(caller, form, seen: dict | None, *, status: int = 200, **state):
    response = page("portal/verify.html", caller=caller, form=form, seen=seen, status=status,
                    document_types=DOCUMENT_TYPES, fact_names=FACT_NAMES, issuers=ISSUERS,
                    revocation_reasons=REVOCATION_REASONS, statuses=STATUSES, **state)
    response.headers["Cache-Control"] = "no-store"  # a document may be revoked at any moment
    return response


# -- examinations: exam centres -------------------------------------------------------------------
@staff_bp.get("/exam-centres", endpoint="exam_centres")
@tool("exam_centres")
def exam_centres(caller):
    """The centres (of ?region=) with their seats and the candidates seated in the semester
    (?semester=; none: the latest), how many have no centre, and the form to add or change
    one (?change=<code> fills it with that centre)."""
    return _centres_page(caller, CentresFilter(request.args))


def _centres_page(caller, picker, *, centre_form=None, status: int = 200, problem=None):
    seen, unavailable = None, False
    if picker.validate():
        try:
            seen = exams_api.centres_of(caller, (picker.region.data or "").upper(), _semester(picker.semester.data))
        except InvalidArgument as refused:
            target = picker.semester if refused.field == "semester" else picker.region
            target.errors = [*target.errors, SEMESTER if refused.field == "semester" else REGION]
            status = 400 if status == 200 else status
        except NOT_ANSWERING:
            unavailable = True
            status = 503 if status == 200 else status
    elif status == 200:
        status = 400
    if centre_form is None:
        changing = request.args.get("change", "").strip().upper()
        centre = next((c for c in (seen or {}).get("centres", []) if c["code"] == changing), None)
        centre_form = SetCentre.of(centre)
    return page("portal/staff/exam_centres.html", caller=caller, picker=picker, seen=seen, unavailable=unavailable,
                centre_form=centre_form, status=status, problem=problem, department=department_of(caller),
                done=request.args.get("done", "") == "saved", saved=_code_said("centre", schemas.CENTRE_CODE))


def _code_said(name: str, pattern: str) -> str:
    """A code the 303's query names (?centre=, ?course=), if it is one."""
    said = request.args.get(name, "")
    return said.upper() if re.match(pattern, said) else ""


@staff_bp.post("/exam-centres", endpoint="set_exam_centre")
@tool("exam_centres")
def set_exam_centre(caller):
    """Add an exam centre or change one, then 303 to its region's centres."""
    form = SetCentre()
    picker = CentresFilter(formdata=None)
    body = form.body()
    if body is None:
        return _centres_page(caller, picker, centre_form=form, status=400)
    try:
        saved = exams_api.set_centre(caller, body)
    except FailedPrecondition:
        form.refuse("region", form.MOVED)
        return _centres_page(caller, picker, centre_form=form, status=409)
    except InvalidArgument as refused:
        form.refuse(refused.field)
        return _centres_page(caller, picker, centre_form=form, status=400)
    except NOT_ANSWERING:
        return _centres_page(caller, picker, centre_form=form, status=503, problem=_l(
            "The centre cannot be saved right now. Please try again in a little while."))
    return redirect(url_for(".exam_centres", region=saved["region"], done="saved", centre=saved["code"],
                            _anchor="centres"), code=303)


# -- examinations: date sheets ------------------------------------------------------------------
@staff_bp.get("/date-sheets", endpoint="date_sheets")
@tool("date_sheets")
def date_sheets(caller):
    """A programme's date sheet for a semester (?semester=&program=), the form to put or move
    a paper (?move=<course> fills it with that paper) and each paper's remove button."""
    picker = DateSheetPicker(request.args)
    if not request.args.get("semester") and not request.args.get("program"):
        return _date_sheet_page(caller, picker, "", "")
    if not picker.validate():
        return _date_sheet_page(caller, picker, "", "", status=400)
    return _date_sheet_page(caller, picker, _semester(picker.semester.data), picker.program.data.upper())


def _date_sheet_page(caller, picker, semester: str, program: str, *, paper_form=None, status: int = 200,
                     problem=None):
    sheet, unavailable = None, False
    if semester and program:
        try:
            sheet = exams_api.date_sheet(semester, program)
        except InvalidArgument as refused:
            target = picker.semester if refused.field == "semester" else picker.program
            target.errors = [*target.errors, SEMESTER if refused.field == "semester" else PROGRAM]
            semester = program = ""
            status = 400 if status == 200 else status
        except NOT_ANSWERING:
            unavailable = True
            status = 503 if status == 200 else status
    if paper_form is None:
        moving = request.args.get("move", "").strip().upper()
        paper = next((p for p in (sheet or {}).get("papers", []) if p["course_code"] == moving), None)
        paper_form = SetPaper(formdata=None, data={"semester": semester, "program": program, **(paper or {})})
    return page("portal/staff/date_sheets.html", caller=caller, picker=picker, semester=semester, program=program,
                sheet=sheet, unavailable=unavailable, paper_form=paper_form, remove_form=RemovePaper(formdata=None),
                status=status, problem=problem, department=department_of(caller), paper_day=paper_day,
                nearby=nearby(clock.karachi_today()), done=_paper_done(),
                course=_code_said("course", schemas.COURSE_CODE))


def _paper_done() -> str:
    done = request.args.get("done", "")
    return done if done in ("set", "removed") and _code_said("course", schemas.COURSE_CODE) else ""


def _sheet_of(form) -> tuple[str, str]:
    """The page's semester and programme a form came back with ('' for what is not one)."""
    program = (form.program.data or "").strip().upper()
    return _semester(form.semester.data), program if re.match(schemas.PROGRAM_CODE, program) else ""


def _picker(semester: str, program: str) -> DateSheetPicker:
    return DateSheetPicker(formdata=None, data={"semester": semester, "program": program})


def _back_to_sheet(semester: str, program: str, done: str, course: str):
    return redirect(url_for(".date_sheets", semester=semester, program=program, done=done,
                            course=course.strip().upper(), _anchor="papers"), code=303)


@staff_bp.post("/date-sheets/papers", endpoint="set_paper")
@tool("date_sheets")
def set_paper(caller):
    """Put a paper on the date sheet, or move it; slips printed afterwards show it."""
    form = SetPaper()
    semester, program = _sheet_of(form)
    if not (semester and program):  # the hidden semester or programme was tampered with
        return _date_sheet_page(caller, _picker("", ""), "", "", status=400, problem=FORM_NOT_ACCEPTED)
    body = form.body()
    if body is None:
        return _date_sheet_page(caller, _picker(semester, program), semester, program, paper_form=form, status=400)
    try:
        exams_api.set_paper(caller, semester=body.semester, program=body.program, course_code=body.course_code,
                            title=body.title, date=body.date, start=body.start, end=body.end)
    except InvalidArgument as refused:
        form.refuse_as_exams(refused)
        return _date_sheet_page(caller, _picker(semester, program), semester, program, paper_form=form, status=400)
    except NOT_ANSWERING:
        return _date_sheet_page(caller, _picker(semester, program), semester, program, paper_form=form, status=503,
                                problem=_l("The date sheet cannot be changed right now. Please try again in a "
                                           "little while."))
    return _back_to_sheet(semester, program, "set", body.course_code)


@staff_bp.post("/date-sheets/papers/remove", endpoint="remove_paper")
@tool("date_sheets")
def remove_paper(caller):
    """Take a paper off the date sheet."""
    form = RemovePaper()
    semester, program = _sheet_of(form)
    body = form.body()
    if body is None:
        return _date_sheet_page(caller, _picker(semester, program), semester, program, status=400,
                                problem=FORM_NOT_ACCEPTED)
    try:
        exams_api.set_paper(caller, semester=body.semester, program=body.program, course_code=body.course_code,
                            remove=True)
    except (NotFound, InvalidArgument):
        return _date_sheet_page(caller, _picker(semester, program), semester, program, status=404, problem=_l(
            "This paper is not on the date sheet (any more)."))
    except NOT_ANSWERING:
        return _date_sheet_page(caller, _picker(semester, program), semester, program, status=503, problem=_l(
            "The date sheet cannot be changed right now. Please try again in a little while."))
    return _back_to_sheet(semester, program, "removed", body.course_code)


# -- a student's documents: examinations (and student services, to read) -------------------------
def document_readers(view):
    """A page of the documents issued to a student: examinations and student services read it."""
    readers = exams_api.DOCUMENT_READERS

    @session.page_for("staff")
    @functools.wraps(view)
    def wrapper(caller, *args, **kwargs):
        if caller.department not in readers:
            return forbidden()
        return view(caller, *args, **kwargs)
    return declare_audience(wrapper, *(f"staff:{department}" for department in readers))


@staff_bp.get("/documents", endpoint="find_documents")
@tool("documents")
def find_documents(caller):
    """Find a student by registration number: on to the documents issued to her."""
    finder = FindStudent(request.args)
    if "registration_number" not in request.args:
        return _documents_page(caller, finder, None, None)
    if not finder.validate():
        return _documents_page(caller, finder, None, None, status=400)
    regno = identifiers.registration_number(finder.registration_number.data)
    return redirect(url_for(".student_documents", registration_number=regno), code=303)


@staff_bp.get("/students/<registration_number>/documents", endpoint="student_documents")
@document_readers
def student_documents(caller, registration_number):
    return _student_documents(caller, registration_number)


def _student_documents(caller, registration_number: str, *, revoking: tuple[str, RevokeDocument] | None = None,
                       status: int = 200, problem=None):
    """Her documents, newest first, each with a revoke form while it stands (examinations only)."""
    finder = FindStudent(formdata=None, data={"registration_number": registration_number})
    try:
        regno = identifiers.registration_number(registration_number)
        issued = exams_api.documents_of(caller, regno)["documents"]
    except (InvalidArgument, NotFound):
        finder.registration_number.errors = [FindStudent.NOT_FOUND]
        return _documents_page(caller, finder, None, None, status=404)
    except NOT_ANSWERING:
        return _documents_page(caller, finder, registration_number, None, status=503, unavailable=True)
    revokes = staff_api.owns(caller, "documents")
    forms = {}
    for document in issued if revokes else []:
        if document["status"] == "genuine":
            serial = document["serial"]
            forms[serial] = (revoking[1] if revoking and revoking[0] == serial else
                             RevokeDocument(formdata=None, prefix=revoke_prefix(serial),
                                            data={"registration_number": regno}))
    return _documents_page(caller, finder, regno, issued, revoke_forms=forms, status=status, problem=problem)


def _documents_page(caller, finder, regno: str | None, issued: list[dict] | None, *, status: int = 200,
                    **context):
    context.setdefault("revoke_forms", {})
    return page("portal/staff/documents.html", caller=caller, finder=finder, regno=regno, issued=issued,
                status=status, department=department_of(caller), document_types=DOCUMENT_TYPES,
                fact_names=FACT_NAMES, revocation_reasons=REVOCATION_REASONS, statuses=STATUSES,
                done=request.args.get("done", "") == "revoked", revoked=_code_said("serial", schemas.DOCUMENT_SERIAL),
                finds=staff_api.owns(caller, "documents"), **context)


@staff_bp.post("/documents/<serial>/revoke", endpoint="revoke_document")
@tool("documents")
def revoke_document(caller, serial):
    """Revoke a document: its verification page says so from now on, with the reason."""
    serial = (serial or "").strip().upper()
    if not re.match(schemas.DOCUMENT_SERIAL, serial):
        return error_page(404)
    form = RevokeDocument(prefix=revoke_prefix(serial))
    regno = (form.registration_number.data or "").strip().upper()
    if not re.match(schemas.REGISTRATION_NUMBER, regno):  # the page to come back to, tampered with
        return error_page(400)
    body = form.body()
    if body is None:
        return _student_documents(caller, regno, revoking=(serial, form), status=400)
    try:
        exams_api.revoke(caller, serial, body.reason)
    except InvalidArgument as refused:
        form.refuse(refused.field)
        return _student_documents(caller, regno, revoking=(serial, form), status=400)
    except NotFound:
        return _student_documents(caller, regno, status=404, problem=_l("There is no such document."))
    except NOT_ANSWERING:
        return _student_documents(caller, regno, revoking=(serial, form), status=503, problem=_l(
            "The document cannot be revoked right now. Please try again in a little while."))
    return redirect(url_for(".student_documents", registration_number=regno, done="revoked", serial=serial,
                            _anchor=f"document-{serial.lower()}"), code=303)
