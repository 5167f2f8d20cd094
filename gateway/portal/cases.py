"""Examinations' paid cases in the portal: a student's request for re-checking of answer
scripts, or for a change of examination centre, once its challan is paid (exams open a case
for it). The department sees the open ones (or the decided ones), each with her registration
and roll number, semester, programme, her centre and what she wrote, and decides each:
re-checked with the marks changed or standing, or the centre changed for a hardship or
refused with a note she reads.

Each page calls the same function as its JSON twin (gateway.blueprints.examinations:
cases_of, decide_recheck, decide_centre_change, centres_of), never the API over HTTP; the
pages join the portal's staff blueprint. Exams' refusals are said next to the field they
name, in the page's language; a decision goes back to the queue (303), which says the
outcome and the note sent to the student."""
from __future__ import annotations

import re

from flask import redirect, request, url_for
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, ValidationError
from wtforms.widgets import TextInput

from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from gateway import schemas
from gateway.blueprints import examinations as exams_api
from gateway.portal.admission_forms import FORM_NOT_ACCEPTED, ChoiceOrText, _field, _ModelForm, _stripped
from gateway.portal.examinations import CENTRE_CODE, NOT_ANSWERING
from gateway.portal.forms import _one_line_break
from gateway.portal.pages import error_page, page
from gateway.portal.staff import bp as staff_bp
from gateway.portal.staff import department_of, tool

# -- the words for exams' codes -----------------------------------------------------------------
KINDS = {"rechecking": _l("Re-checking of answer scripts"), "centre_change": _l("Change of examination centre")}
OUTCOMES = {"open": _l("Open"), "revised": _l("Re-checked: the marks were revised"),
            "unchanged": _l("Re-checked: the marks stand as they were"),
            "approved": _l("Change of centre approved"), "rejected": _l("Change of centre refused")}
#: The decided statuses of each kind, as the page's "decided" tab asks for them.
DECIDED = {"rechecking": ("revised", "unchanged"), "centre_change": ("approved", "rejected")}
#: The hardships that allow a change of centre (exams keep them as data; these are their words).
GROUNDS = {"transfer": _l("Transfer of service (own or spouse's)"), "marriage": _l("Marriage"),
           "change_of_residence": _l("Change of residence")}
VIEWS = ("open", "decided")

NOTE_LENGTH = _l("Write the note in at most 300 characters.")
MARK = _l("A mark is a whole number from 0 to 100.")


def _one_of(*values: str, message):
    def check(form, field) -> None:
        if field.data not in values:
            field.data = None
            raise ValidationError(message)
    return check


def _note(label, description):
    return TextAreaField(label, description=description, filters=[_one_line_break, _stripped], validators=[
        Length(max=300, message=NOTE_LENGTH)])


# -- forms ----------------------------------------------------------------------------------------
class DecideRecheck(_ModelForm):
    """The outcome of a re-check (POST /api/v1/staff/exam-cases/<number>/recheck): the course,
    whether the marks changed (then the re-checked marks) and the note she reads."""
    course_code = SelectField(_l("Course re-checked"), description=_l("One of the papers she sat."), choices=[],
                              validate_choice=False)  # the page offers her papers
    changed = RadioField(_l("Did the marks change?"), choices=[
        SelectChoice("no", _l("No: the marks stand as they were")),
        SelectChoice("yes", _l("Yes: the re-checked marks are below"))],
        validate_choice=False, validators=[_one_of("no", "yes", message=_l("Say whether the marks changed."))])
    assignment_marks = _field(_l("Re-checked assignment marks"), _l("Out of 100; empty: as they were."))
    final_exam_marks = _field(_l("Re-checked final exam marks"), _l("Out of 100; empty: as they were."))
    note = _note(_l("Note to the student"), _l("Optional: she reads it with the outcome. Empty: she is told which "
                                               "course was re-checked and whether its marks changed."))

    FIRST = "course_code"
    MESSAGES = {"course_code": _l("Choose the course that was re-checked."), "changed": FORM_NOT_ACCEPTED,
                "assignment_marks": MARK, "final_exam_marks": MARK, "note": NOTE_LENGTH}
    REFUSALS = {"course_code": _l("She has no published result of this course to re-check: choose one of her "
                                  "published courses."),
                "final_exam_marks": _l("Give the re-checked marks, or say they did not change.")}

    def body(self) -> schemas.DecideRecheck | None:
        if not self.validate_on_submit():
            return None
        changed = self.changed.data == "yes"
        if not self.course_code.data:
            self.refuse("course_code")
        if changed and not (self.assignment_marks.data or self.final_exam_marks.data):
            self.refuse("final_exam_marks", self.REFUSALS["final_exam_marks"])
        if self.errors:
            return None
        marks = {name: (self[name].data or None) if changed else None
                 for name in ("assignment_marks", "final_exam_marks")}
        return self.model(schemas.DecideRecheck, {"course_code": self.course_code.data, "changed": changed,
                                                  "note": self.note.data or "", **marks})

    def offer(self, case: dict) -> None:
        """Her papers of the candidature re-checked, by code and title."""
        self.course_code.choices = [SelectChoice("", _l("Choose")), *(
            SelectChoice(p["course_code"], f"{p['course_code']} · {p['title']}") for p in case.get("papers") or [])]

    def refuse_as_exams(self, refused: InvalidArgument) -> None:
        self.refuse(refused.field, self.REFUSALS.get(refused.field or ""))


class DecideCentreChange(_ModelForm):
    """A change of centre approved for a hardship, or refused with a note she reads
    (POST /api/v1/staff/exam-cases/<number>/centre-change)."""
    decision = RadioField(_l("Decision"), choices=[
        SelectChoice("approve", _l("Approve: she sits at another centre")),
        SelectChoice("refuse", _l("Refuse: say why in the note"))],
        validate_choice=False, validators=[_one_of("approve", "refuse", message=_l(
            "Choose whether to approve or refuse the change."))])
    ground = SelectField(_l("Hardship"), description=_l("When approving: a centre is changed only for one of these, "
                                                        "with attested documents."),
                         choices=[], validate_choice=False)  # the page offers exams' grounds
    centre_code = ChoiceOrText(_l("New exam centre"), description=_l("When approving: open centres, by region."),
                               choices=[], validate_choice=False)  # the page offers exams' open centres
    note = _note(_l("Note to the student"), _l("Needed when refusing: she reads why. When approving, empty: she "
                                               "is told her new centre's name and address."))

    FIRST = "decision"
    MESSAGES = {"decision": FORM_NOT_ACCEPTED, "ground": _l("Choose the hardship."),
                "centre_code": CENTRE_CODE, "note": NOTE_LENGTH}
    NO_GROUND = _l("Choose the hardship: a centre is changed only for one.")
    NO_CENTRE = _l("Choose her new exam centre.")
    NO_NOTE = _l("Say why the change is refused: the student reads it.")
    REFUSALS = {"ground": NO_GROUND, "centre_code": _l("No open exam centre has this code: choose one from the "
                                                       "list.")}
    SAME_CENTRE = _l("She already sits at this centre: choose another.")
    CHANGED_BEFORE = _l("Her centre was changed in this programme already, as often as is allowed: refuse this "
                        "request, saying so.")

    def body(self) -> schemas.DecideCentreChange | None:
        if not self.validate_on_submit():
            return None
        approve = self.decision.data == "approve"
        if approve and not self.ground.data:
            self.refuse("ground", self.NO_GROUND)
        if approve and not self.centre_code.data:
            self.refuse("centre_code", self.NO_CENTRE)
        if not approve and not self.note.data:
            self.refuse("note", self.NO_NOTE)
        if self.errors:
            return None
        return self.model(schemas.DecideCentreChange, {
            "approve": approve, "ground": self.ground.data if approve else "",
            "centre_code": (self.centre_code.data or "").strip().upper() if approve else "",
            "note": self.note.data or ""})

    def offer(self, grounds: list[dict], centres: list[dict] | None, current: str | None) -> None:
        """Exams' hardships, and their open centres grouped by region (her own left out). No
        list (exams not answering): the centre's code typed."""
        self.ground.choices = [SelectChoice("", _l("Choose")), *(
            SelectChoice(g["code"], GROUNDS.get(g["code"], g["title"])) for g in grounds)]
        if centres is None:
            self.centre_code.widget = TextInput()
            self.centre_code.description = _l("When approving: the centre's code, like ISB-03 (the list of centres "
                                              "cannot be shown right now).")
            return
        self.centre_code.choices = [SelectChoice("", _l("Choose")), *(
            SelectChoice(c["code"], f"{c['code']} · {c['name']}", optgroup=c["region"])
            for c in sorted(centres, key=lambda c: (c["region"], c["code"])) if c["active"] and c["code"] != current)]

    def refuse_as_exams(self, refused: InvalidArgument) -> None:
        if refused.field == "centre_code" and "already sits" in (refused.message or ""):
            self.refuse("centre_code", self.SAME_CENTRE)
        elif refused.field == "note" and not self.note.data:
            self.refuse("note", self.NO_NOTE)
        else:
            self.refuse(refused.field, self.REFUSALS.get(refused.field or ""))


FORMS = {"rechecking": DecideRecheck, "centre_change": DecideCentreChange}


def form_prefix(request_number: str) -> str:
    return f"case-{request_number.lower()}"


# -- the page -----------------------------------------------------------------------------------
def _choice(name: str, allowed) -> str:
    value = request.args.get(name, "")
    return value if value in allowed else ""


@staff_bp.get("/exam-cases", endpoint="exam_cases")
@tool("exam_cases")
def exam_cases(caller):
    """The open cases, oldest first, each with its decision form (?view=decided: the decided
    ones, newest first, with the note each student was sent); ?kind= one kind only."""
    return _cases_page(caller, _choice("view", VIEWS) or "open", _choice("kind", KINDS))


def _cases_page(caller, view: str, kind: str, *, posted: tuple[str, _ModelForm] | None = None, status: int = 200,
                problem=None):
    cases, grounds, unavailable = None, [], False
    try:
        if view == "open":
            seen = exams_api.cases_of(caller, "open", kind)
            cases, grounds = seen["cases"], seen["grounds"]
        else:
            cases = []
            for outcome in (DECIDED[kind] if kind else (*DECIDED["rechecking"], *DECIDED["centre_change"])):
                cases += exams_api.cases_of(caller, outcome, kind)["cases"]
            cases.sort(key=lambda c: c["decided_at"] or "", reverse=True)
    except NOT_ANSWERING:
        cases, unavailable = None, True
        status = 503 if status == 200 else status
    centres = None
    if view == "open" and any(c["kind"] == "centre_change" for c in cases or []):
        try:
            centres = exams_api.centres_of(caller)["centres"]
        except NOT_ANSWERING:
            centres = None
    forms = {}
    for case in (cases or []) if view == "open" else []:
        number = case["request_number"]
        kept = posted and posted[0] == number and isinstance(posted[1], FORMS[case["kind"]])
        form = posted[1] if kept else FORMS[case["kind"]](formdata=None, prefix=form_prefix(number))
        if case["kind"] == "rechecking":
            form.offer(case)
        else:
            form.offer(grounds, centres, case["centre_code"])
        forms[number] = form
    return page("portal/staff/exam_cases.html", caller=caller, view=view, kind=kind, cases=cases, forms=forms,
                centre_names={c["code"]: c for c in centres or []}, unavailable=unavailable, status=status,
                problem=problem, department=department_of(caller), kinds=KINDS, outcomes=OUTCOMES,
                decided=_just_decided(caller) if status == 200 else None)


def _just_decided(caller) -> dict | None:
    """The case the 303 after a decision names (?decided=<number>&outcome=), with the note
    sent as exams now have it (without it when exams do not answer, or list it no more)."""
    number, outcome = request.args.get("decided", "").upper(), _choice("outcome", OUTCOMES)
    if not re.match(schemas.REQUEST_NUMBER, number) or outcome in ("", "open"):
        return None
    said = {"request_number": number, "status": outcome, "note": None}
    try:
        found = exams_api.cases_of(caller, outcome, "")["cases"]
    except NOT_ANSWERING:
        return said
    return next((c for c in found if c["request_number"] == number), said)


def _decide(caller, request_number: str, kind: str):
    number = (request_number or "").strip().upper()
    if not re.match(schemas.REQUEST_NUMBER, number):
        return error_page(404)
    view_kind = _choice("kind", KINDS)
    form = FORMS[kind](prefix=form_prefix(number))
    body = form.body()
    if body is None:
        return _cases_page(caller, "open", view_kind, posted=(number, form), status=400)
    decide = exams_api.decide_recheck if kind == "rechecking" else exams_api.decide_centre_change
    try:
        decided = decide(caller, number, body)
    except InvalidArgument as refused:
        form.refuse_as_exams(refused)
        return _cases_page(caller, "open", view_kind, posted=(number, form), status=400)
    except FailedPrecondition as refused:
        said = refused.message or ""
        if "program already" in said:  # changed as often as exams allow (once, as they keep it)
            form.refuse("decision", DecideCentreChange.CHANGED_BEFORE)
            return _cases_page(caller, "open", view_kind, posted=(number, form), status=409)
        problem = (_l("Request %(number)s has no roll number: there is nothing to re-check or move.", number=number)
                   if "no roll number" in said else
                   _l("Request %(number)s was decided already: see the decided cases.", number=number))
        return _cases_page(caller, "open", view_kind, status=409, problem=problem)
    except NotFound:
        return _cases_page(caller, "open", view_kind, status=404, problem=_l(
            "There is no such case (any more)."))
    except NOT_ANSWERING:
        return _cases_page(caller, "open", view_kind, posted=(number, form), status=503, problem=_l(
            "The decision cannot be saved right now. Please try again in a little while."))
    return redirect(url_for(".exam_cases", kind=view_kind or None, decided=decided["request_number"],
                            outcome=decided["status"], _anchor="decided"), code=303)


@staff_bp.post("/exam-cases/<request_number>/recheck", endpoint="decide_recheck")
@tool("exam_cases")
def decide_recheck(caller, request_number):
    """A re-check's outcome: the marks revised (her result says so) or standing; the request is
    closed and she is told, with the note."""
    return _decide(caller, request_number, "rechecking")


@staff_bp.post("/exam-cases/<request_number>/centre-change", endpoint="decide_centre_change")
@tool("exam_cases")
def decide_centre_change(caller, request_number):
    """A change of centre approved (a hardship, once per programme) or refused with a note."""
    return _decide(caller, request_number, "centre_change")
