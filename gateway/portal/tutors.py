"""A regional office's tutors, as a page: its own centre's tutors (the centre is the
officer's, from her token) with what each teaches in a semester, each course's load, and
the forms to add a tutor, give her a course and allocate a course's students.

The same functions as the JSON API (gateway.blueprints.records); enrollment decides whose
tutors an office sees, so another centre's office sees none of these."""
from __future__ import annotations

import datetime as dt

from flask import redirect, request, url_for
from flask_babel import lazy_gettext as _l

from campus import clock
from campus.errors import DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from campus.semesters import Semester, parse_semester
from gateway.blueprints import records as records_api
from gateway.portal import admission_forms as forms
from gateway.portal.pages import page
from gateway.portal.staff import bp, department_of, tool

NOT_ANSWERING = (Unavailable, DeadlineExceeded)
#: What a 303 back to the page may say was done (?done=).
DONE = ("added", "assigned")


@bp.get("/tutors", endpoint="tutors")
@tool("tutors")
def tutors(caller):
    """?semester=: the centre's tutors and courses in that semester; none: the officer picks one."""
    picker = forms.TutorsSemester(request.args)
    if not request.args.get("semester"):
        return _tutors_page(caller, picker, "")
    if not picker.validate():
        return _tutors_page(caller, picker, "", status=400)
    return _tutors_page(caller, picker, str(parse_semester(picker.semester.data)))


def _tutors_page(caller, picker, semester: str, *, add_form=None, assign_form=None, status: int = 200,
                 problem=None):
    seen, unavailable = None, False
    if semester:
        try:
            seen = records_api.tutors(caller, semester)
        except NOT_ANSWERING:
            unavailable, status = True, 503
    assign_form = assign_form or forms.AssignTutor(formdata=None, data={"semester": semester})
    assign_form.tutor_id.choices = [("", _l("Choose"))] + [(str(t["tutor_id"]), t["name"])
                                                            for t in (seen or {}).get("tutors", [])]
    return page("portal/staff/tutors.html", caller=caller, picker=picker, semester=semester, seen=seen,
                unavailable=unavailable, status=status, problem=problem, department=department_of(caller),
                add_form=add_form or forms.AddTutor(formdata=None, data={"semester": semester}),
                assign_form=assign_form, nearby=nearby(clock.karachi_today()), allocation=_allocation(),
                done=request.args.get("done", "") if request.args.get("done") in DONE else "")


def nearby(today: dt.date) -> list[str]:
    """The semester running today, the one before and the one after: links to pick from (any
    other may be typed; the programmes page's offerings pick from them too). Spring runs from
    April, Autumn from October."""
    running = Semester(today.year, 1) if today.month >= 10 else Semester(today.year, 0) if today.month >= 4 \
        else Semester(today.year - 1, 1)
    index = running.year * 2 + running.term_index
    return [str(Semester(i // 2, i % 2)) for i in (index - 1, index, index + 1)]


def _allocation() -> dict | None:
    """The allocation just made, from the 303's query (?course=&allocated=&waiting=)."""
    args = request.args
    if not (args.get("allocated", "").isdigit() and args.get("waiting", "").isdigit()):
        return None
    return {"course": args.get("course", "")[:12], "allocated": int(args["allocated"]),
            "waiting": int(args["waiting"])}


def _semester_of(form) -> str:
    """The page's semester a form came back with ('' if it is not one)."""
    try:
        return str(parse_semester(form.semester.data or ""))
    except InvalidArgument:
        return ""


def _back(semester: str, **said):
    return redirect(url_for(".tutors", semester=semester or None, **said), code=303)


@bp.post("/tutors", endpoint="add_tutor")
@tool("tutors")
def add_tutor(caller):
    """Engage a tutor at the officer's own centre (POST /api/v1/staff/tutors)."""
    form = forms.AddTutor()
    semester = _semester_of(form)
    body = form.body()
    if body is None:
        return _tutors_page(caller, _picker(semester), semester, add_form=form, status=400)
    try:
        records_api.add_tutor(caller, body)
    except InvalidArgument as refused:
        form.refuse(refused.field)
        return _tutors_page(caller, _picker(semester), semester, add_form=form, status=400)
    except NOT_ANSWERING:
        return _tutors_page(caller, _picker(semester), semester, add_form=form, status=503, problem=_l(
            "The tutor cannot be added right now. Please try again in a little while."))
    return _back(semester, done="added")


@bp.post("/tutors/offerings", endpoint="assign_tutor")
@tool("tutors")
def assign_tutor(caller):
    """A tutor teaches a course in the semester for at most `capacity` students
    (PUT /api/v1/staff/tutors/offerings)."""
    form = forms.AssignTutor()
    semester = _semester_of(form)
    body = form.body()
    if body is None:
        return _tutors_page(caller, _picker(semester), semester, assign_form=form, status=400)
    try:
        records_api.assign_tutor(caller, body)
    except (InvalidArgument, NotFound, FailedPrecondition) as refused:
        form.refuse_as_enrollment(refused)
        return _tutors_page(caller, _picker(semester), semester, assign_form=form,
                            status=409 if isinstance(refused, FailedPrecondition) else 400)
    except NOT_ANSWERING:
        return _tutors_page(caller, _picker(semester), semester, assign_form=form, status=503, problem=_l(
            "The course cannot be given to the tutor right now. Please try again in a little while."))
    return _back(semester, done="assigned")


@bp.post("/tutors/allocations", endpoint="allocate_tutors")
@tool("tutors")
def allocate_tutors(caller):
    """Give the course's confirmed students without a tutor the least loaded tutor with a
    place (POST /api/v1/staff/tutors/allocations); the page says how many still wait."""
    form = forms.AllocateTutors()
    body = form.body()
    if body is None:
        semester = _semester_of(form)
        return _tutors_page(caller, _picker(semester), semester, status=400, problem=forms.FORM_NOT_ACCEPTED)
    semester = str(parse_semester(body.semester))
    try:
        allocation = records_api.allocate_tutors(caller, semester, body.course_code)
    except (InvalidArgument, NotFound):
        return _tutors_page(caller, _picker(semester), semester, status=400, problem=forms.FORM_NOT_ACCEPTED)
    except NOT_ANSWERING:
        return _tutors_page(caller, _picker(semester), semester, status=503, problem=_l(
            "Tutors cannot be allocated right now. Please try again in a little while."))
    return _back(semester, course=body.course_code, **allocation)


def _picker(semester: str):
    return forms.TutorsSemester(formdata=None, data={"semester": semester})
