"""Admissions' programmes tool, as a page: every programme with its scheme of studies, the
forms to add a course and to put it in (or take it out of) a programme's scheme, and a
semester's offerings with a form to offer a course and a withdraw button on each.

The same functions as the JSON API (gateway.blueprints.records for the changes,
gateway.blueprints.public for the prospectus and the offerings); enrollment's refusals
are said next to the field, or the course, they name."""
from __future__ import annotations

import re

from flask import redirect, request, url_for
from flask_babel import lazy_gettext as _l

from campus import clock
from campus.errors import AlreadyExists, DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from campus.semesters import parse_semester
from gateway.blueprints import public as public_api
from gateway.blueprints import records as records_api
from gateway.portal import admission_forms as forms
from gateway.portal.pages import page
from gateway.portal.staff import bp, department_of, tool
from gateway.portal.tutors import nearby

NOT_ANSWERING = (Unavailable, DeadlineExceeded)
#: What a 303 back to the page may say was done (?done=), of the course in ?course=.
DONE = ("added", "scheduled", "unscheduled", "offered", "withdrawn")
NO_SUCH_SEMESTER = _l("There is no such semester in the calendar.")
#: The offer form's prefix: its course code is not the scheme form's (ids unique on the page).
OFFER = "offer"


@bp.get("/programmes", endpoint="programmes")
@tool("programmes")
def programmes(caller):
    """The programmes and their schemes; ?semester=: that semester's offerings too."""
    picker = forms.OfferingsSemester(request.args)
    if not request.args.get("semester"):
        return _programmes_page(caller, picker, "")
    if not picker.validate():
        return _programmes_page(caller, picker, "", status=400)
    return _programmes_page(caller, picker, str(parse_semester(picker.semester.data)))


def _programmes_page(caller, picker, semester: str, *, course_form=None, scheme_form=None, offer_form=None,
                     withdrawing: tuple[str, str] | None = None, status: int = 200, problem=None):
    """The page as it stands; a form just posted keeps what was sent, and a refused withdrawal
    (course, reason) is said next to that course's button."""
    catalogue, offerings = _catalogue(), None
    if semester:
        offerings = _offerings(semester, picker)
    if status == 200 and (catalogue is None or offerings == "unavailable"):
        status = 503
    if status == 200 and picker.errors:
        status = 404
    scheme_form = scheme_form or forms.SetSchemeCourse(formdata=None, data={"semester": semester})
    scheme_form.offer(catalogue or [])
    return page("portal/staff/programmes.html", caller=caller, picker=picker, semester=semester,
                catalogue=catalogue, offerings=offerings if isinstance(offerings, dict) else None,
                offerings_unavailable=offerings == "unavailable", status=status, problem=problem,
                department=department_of(caller), nearby=nearby(clock.karachi_today()),
                course_form=course_form or forms.AddCourse(formdata=None, data={"semester": semester}),
                scheme_form=scheme_form,
                offer_form=offer_form or forms.OfferCourse(formdata=None, prefix=OFFER, data={"semester": semester}),
                withdraw_form=forms.WithdrawCourse(formdata=None), withdrawing=withdrawing or ("", ""),
                done=_done(), course=_code_said("course"), opened=_code_said("programme"))


def _done() -> str:
    """What the 303 says was done, to a course it names ('' otherwise: nothing to say)."""
    done = request.args.get("done", "")
    return done if done in DONE and _code_said("course") else ""


def _catalogue() -> list[dict] | None:
    """Every programme with its scheme; None while enrollment does not answer."""
    try:
        return public_api.programs_catalogue()["programs"]
    except NOT_ANSWERING:
        return None


def _offerings(semester: str, picker) -> dict | str | None:
    """The semester's offerings; "unavailable" while enrollment does not answer; None (said
    next to the picker) for a semester the calendar lacks."""
    try:
        return public_api.offerings_of(semester)
    except NotFound:
        picker.semester.errors = [*picker.semester.errors, NO_SUCH_SEMESTER]
        return None
    except NOT_ANSWERING:
        return "unavailable"


def _code_said(name: str) -> str:
    """The course (or programme) the 303's ?course= (?programme=) names, if it is a code."""
    code = request.args.get(name, "")
    return code if re.match(r"^[A-Za-z0-9]{2,12}$", code) else ""


def _semester_of(form) -> str:
    """The page's semester a form came back with ('' if it is not one)."""
    try:
        return str(parse_semester(form.semester.data or ""))
    except InvalidArgument:
        return ""


def _picker(semester: str):
    return forms.OfferingsSemester(formdata=None, data={"semester": semester})


def _back(semester: str, done: str, course: str, anchor: str, programme: str | None = None):
    return redirect(url_for(".programmes", semester=semester or None, done=done, course=course.strip().upper(),
                            programme=programme, _anchor=anchor), code=303)


# -- a course, and a programme's scheme -------------------------------------------------------
@bp.post("/programmes/courses", endpoint="add_course")
@tool("programmes")
def add_course(caller):
    """A new course (POST /api/v1/staff/courses); then it can be put in a scheme and offered."""
    form = forms.AddCourse()
    semester = _semester_of(form)
    body = form.body()
    if body is None:
        return _programmes_page(caller, _picker(semester), semester, course_form=form, status=400)
    try:
        records_api.add_course(caller, body)
    except AlreadyExists:
        form.refuse("code", form.TAKEN)
        return _programmes_page(caller, _picker(semester), semester, course_form=form, status=409)
    except InvalidArgument as refused:
        form.refuse_as_enrollment(refused)
        return _programmes_page(caller, _picker(semester), semester, course_form=form, status=400)
    except NOT_ANSWERING:
        return _programmes_page(caller, _picker(semester), semester, course_form=form, status=503, problem=_l(
            "The course cannot be added right now. Please try again in a little while."))
    return _back(semester, "added", body.code, "scheme")


@bp.post("/programmes/scheme", endpoint="set_scheme_course")
@tool("programmes")
def set_scheme_course(caller):
    """Put a course in a programme's scheme at a semester of it, or take it out with 0
    (PUT /api/v1/staff/programs/scheme)."""
    form = forms.SetSchemeCourse()
    semester = _semester_of(form)
    body = form.body()
    if body is None:
        return _programmes_page(caller, _picker(semester), semester, scheme_form=form, status=400)
    try:
        records_api.set_scheme_course(caller, body)
    except (InvalidArgument, NotFound) as refused:
        form.refuse_as_enrollment(refused)
        return _programmes_page(caller, _picker(semester), semester, scheme_form=form, status=400)
    except NOT_ANSWERING:
        return _programmes_page(caller, _picker(semester), semester, scheme_form=form, status=503, problem=_l(
            "The scheme of studies cannot be changed right now. Please try again in a little while."))
    done = "scheduled" if body.semester_number else "unscheduled"
    return _back(semester, done, body.course_code, f"programme-{body.program_code.lower()}", body.program_code)


# -- a semester's offerings --------------------------------------------------------------------
@bp.post("/programmes/offerings", endpoint="offer_course")
@tool("programmes")
def offer_course(caller):
    """Offer a course in the page's semester (PUT /api/v1/staff/semesters/offerings)."""
    form = forms.OfferCourse(prefix=OFFER)
    semester = _semester_of(form)
    if not semester:  # the hidden semester was tampered with: nothing to offer it in
        return _programmes_page(caller, _picker(""), "", status=400, problem=forms.FORM_NOT_ACCEPTED)
    body = form.body()
    if body is None:
        return _programmes_page(caller, _picker(semester), semester, offer_form=form, status=400)
    try:
        records_api.set_offering(caller, body)
    except (InvalidArgument, NotFound) as refused:
        if refused.field == "semester":
            return _programmes_page(caller, _picker(semester), semester, status=404)
        form.refuse_as_enrollment(refused)
        return _programmes_page(caller, _picker(semester), semester, offer_form=form, status=400)
    except NOT_ANSWERING:
        return _programmes_page(caller, _picker(semester), semester, offer_form=form, status=503, problem=_l(
            "The course cannot be offered right now. Please try again in a little while."))
    return _back(semester, "offered", body.course_code, "offerings")


@bp.post("/programmes/offerings/withdraw", endpoint="withdraw_course")
@tool("programmes")
def withdraw_course(caller):
    """Withdraw a course from the semester; refused (next to its button) while students are
    registered for it."""
    form = forms.WithdrawCourse()
    body = form.body()
    if body is None:
        semester = _semester_of(form)
        return _programmes_page(caller, _picker(semester), semester, status=400, problem=forms.FORM_NOT_ACCEPTED)
    semester = str(parse_semester(body.semester))
    try:
        records_api.set_offering(caller, body)
    except FailedPrecondition:
        return _programmes_page(caller, _picker(semester), semester, status=409,
                                withdrawing=(body.course_code.strip().upper(), form.REGISTERED))
    except (InvalidArgument, NotFound):
        return _programmes_page(caller, _picker(semester), semester, status=400, problem=forms.FORM_NOT_ACCEPTED)
    except NOT_ANSWERING:
        return _programmes_page(caller, _picker(semester), semester, status=503, problem=_l(
            "The course cannot be withdrawn right now. Please try again in a little while."))
    return _back(semester, "withdrawn", body.course_code, "offerings")
