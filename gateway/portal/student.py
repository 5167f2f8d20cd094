"""The student's pages: the dashboard of tiles, each from its own service, her service
requests (the list, filing one from the catalogue, one request with its challan), course
registration with its challan, her courses of any semester, and her holds."""
from __future__ import annotations

from flask import Blueprint, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from campus.errors import (
    AlreadyExists,
    DeadlineExceeded,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    Unavailable,
)
from gateway import dashboard
from gateway.blueprints import public as public_api
from gateway.blueprints import student as student_api
from gateway.context import current
from gateway.portal import forms, i18n, session
from gateway.portal.pages import error_page, page
from gateway.portal.vocabulary import (
    COURSE_REFUSALS,
    HOLD_ACTIONS,
    HOLD_TITLES,
    REGISTRATION_REASONS,
)
from services.finance import domain as fee_rules

bp = Blueprint("portal_student", __name__, url_prefix="/student")

NOT_ANSWERING = (Unavailable, DeadlineExceeded)


@bp.get("", endpoint="dashboard")
@session.page_for("student")
def dashboard_page(caller):
    """The same data as GET /api/v1/me/dashboard, from the same function."""
    return page("portal/student/dashboard.html", caller=caller, **dashboard.for_student(current(), caller))


@bp.get("/requests", endpoint="requests")
@session.page_for("student")
def requests_page(caller):
    """Her requests, newest first (GET /api/v1/me/requests, the same function)."""
    try:
        mine, unavailable = student_api.requests_of(caller)["requests"], False
    except NOT_ANSWERING:
        mine, unavailable = [], True
    return page("portal/student/requests.html", caller=caller, requests=mine, unavailable=unavailable,
                status=503 if unavailable else 200)


def _catalogue_for(caller) -> dict:
    """The JSON catalogue for her level, each subtype saying whether its fee is hers: a fee by
    level she has no row for shows the lowest, and is not hers to be charged."""
    level = public_api.student_level(caller)
    catalogue = public_api.catalogue_for(level)
    for category in catalogue["categories"]:
        for sub in category["subtypes"]:
            sub["fee_is_hers"] = (not sub["fee_varies_by_level"]
                                  or fee_rules.level_fee(sub["fees_by_level"] or {}, level) is not None)
    return catalogue


@bp.route("/requests/new", methods=["GET", "POST"], endpoint="new_request")
@session.page_for("student")
def new_request_page(caller):
    """File a request: POST, then 303 to the request's page. The hidden idempotency key is
    the API's Idempotency-Key: a double submit files once."""
    catalogue = _catalogue_for(caller)
    offered = {f"{c['code']}/{s['code']}" for c in catalogue["categories"] for s in c["subtypes"]}
    form = forms.FileRequest(offered)
    if request.method == "GET":
        return page("portal/student/new_request.html", caller=caller, form=form, catalogue=catalogue,
                    details_max=forms.DETAILS_MAX_LENGTH)
    status, problem = 400, None
    if form.validate_on_submit():
        category, subtype = form.choice.data.split("/", 1)
        try:
            filed = student_api.file_for(caller, category=category, subtype=subtype, details=form.details.data,
                                         idempotency_key=form.idempotency_key.data)
            return redirect(url_for(".request", request_number=filed["request_number"]), code=303)
        except InvalidArgument as refused:
            if refused.field == "details":
                form.details.errors.append(_l("Please check the details."))
            else:
                form.choice.errors.append(_l("This request cannot be filed. Choose another, or contact "
                                             "student services."))
        except FailedPrecondition:
            status = 409
            form.choice.errors.append(_l("The fee for this request is not set for your programme. "
                                         "Please contact student services."))
        except AlreadyExists:  # the key of a form that already filed something else (the back button)
            status = 409
            form.fresh_key()
            problem = _l("This form has already filed a request (see My requests). "
                         "Submit again to file this one as well.")
        except NOT_ANSWERING:  # the same key again will finish this same filing
            status = 503
            problem = _l("Filing is not available right now. Please try again in a little while.")
    elif form.idempotency_key.errors:
        form.fresh_key()
        problem = _l("The form could not be accepted. Please check it and submit again.")
    return page("portal/student/new_request.html", caller=caller, form=form, catalogue=catalogue,
                details_max=forms.DETAILS_MAX_LENGTH, problem=problem, status=status)


# -- course registration ------------------------------------------------------------------
STANDING = ("awaiting_payment", "confirmed")  # a registration that holds: nothing more to register


def _reasons(seen: dict) -> list[tuple[str, str]]:
    """Every reason she may not register as (code, sentence): in her language where the code
    is known (the semester and its window from the answer's fields), else as the service
    said it, in English."""
    window = seen["window"] or {}
    values = {"semester": seen["semester"], "opens": i18n.date(window.get("opens")),
              "closes": i18n.date(window.get("closes"))}
    said = [(r["code"], str(REGISTRATION_REASONS[r["code"]]) % values if r["code"] in REGISTRATION_REASONS
             else r["message"]) for r in seen["reasons"]]
    return list(dict.fromkeys(said))  # two holds are one sentence: say it once


def _course_refusal(refused: InvalidArgument, seen: dict | None) -> str:
    """The service's refusal of her courses, by its reason, with her own required courses
    and credit limit from the page's answer."""
    message = COURSE_REFUSALS.get(refused.reason)
    if message is None:
        return _l("These courses cannot be registered. Please check them, or contact your regional centre.")
    offered = (seen or {}).get("courses", [])
    return str(message) % {"courses": ", ".join(c["code"] for c in offered if c["required"]),
                           "limit": (seen or {}).get("credit_limit", "")}


def _not_registrable(refused: FailedPrecondition | AlreadyExists | NotFound) -> str:
    """Why no registration can be made now (a 409): the page below shows how things stand."""
    if isinstance(refused, AlreadyExists):
        return _l("You are already registered for this semester with other courses: your registration is shown below.")
    if isinstance(refused, NotFound):
        return _l("This semester is not open for registration.")
    if refused.field == "level":  # finance has no fee rate for her level: no challan can be made
        return _l("The fee for your programme is not set yet, so no challan can be made. "
                  "Please contact your regional centre.")
    return {"WINDOW_CLOSED": _l("Registration for this semester has closed."),
            "WINDOW_NOT_OPEN": _l("Registration for this semester has not opened yet.")}.get(
        refused.reason, _l("You cannot register for this semester now: the reasons are shown below."))


def _registration_page(caller, form, seen: dict | None, *, status: int = 200, problem=None,
                       unavailable: bool = False, no_record: bool = False):
    if seen is not None and request.method == "GET":
        form.semester.data = seen["semester"]
        form.courses.data = [c["code"] for c in seen["courses"] if c["required"]]
    registration = (seen or {}).get("registration")
    return page("portal/student/registration.html", caller=caller, form=form, seen=seen, problem=problem,
                registration=registration, registered=bool(registration) and registration["status"] in STANDING,
                reasons=_reasons(seen) if seen else [], known_reasons=REGISTRATION_REASONS, unavailable=unavailable,
                no_record=no_record, status=status)


@bp.route("/registration", methods=["GET", "POST"], endpoint="registration")
@session.page_for("student")
def registration_page(caller):
    """The semester open for registration, whether she may register and why not, the
    courses offered to her; a POST registers her (GET/POST /api/v1/me/registration, the same
    functions) and 303s back here, which then shows the registration and its challan."""
    form = forms.RegisterCourses()
    try:
        seen = student_api.registration_of(caller)
    except NOT_ANSWERING:
        return _registration_page(caller, form, None, status=503, unavailable=True)
    except NotFound:  # no student record yet (a new account): nothing to register against
        return _registration_page(caller, form, None, no_record=True)
    if request.method == "GET":
        return _registration_page(caller, form, seen)
    if not form.validate_on_submit():
        return _registration_page(caller, form, seen, status=400)
    try:
        student_api.register_for(caller, form.courses.data, form.semester.data)
        return redirect(url_for(".registration"), code=303)
    except InvalidArgument as refused:
        if refused.field != "courses":  # the page's own semester, tampered with
            return _registration_page(caller, form, seen, status=400,
                                      problem=_l("The form could not be accepted. Please check it and submit again."))
        form.courses.errors.append(_course_refusal(refused, seen))
        return _registration_page(caller, form, seen, status=400)
    except (FailedPrecondition, AlreadyExists, NotFound) as refused:
        return _registration_page(caller, form, _fresh(caller, seen), status=409, problem=_not_registrable(refused))
    except NOT_ANSWERING:  # the same courses again finish this same registration
        return _registration_page(caller, form, seen, status=503, problem=_l(
            "Registration is not available right now. Please submit again in a little while."))


def _fresh(caller, seen: dict) -> dict:
    """The registration as it stands after a refusal (it may have changed since the page was shown)."""
    try:
        return student_api.registration_of(caller)
    except (*NOT_ANSWERING, NotFound):
        return seen


# -- her courses of any semester, and her holds -------------------------------------------
@bp.get("/courses", endpoint="courses")
@session.page_for("student")
def courses_page(caller):
    """Her courses and tutors in a semester (?semester=; none: the latest she has), with
    every other semester she has courses in (GET /api/v1/me/courses, the same function)."""
    semester = request.args.get("semester", "").strip()
    if len(semester) > 20:
        return error_page(404)
    try:
        mine, unavailable = student_api.courses_of(caller, semester), False
    except (InvalidArgument, NotFound):  # not a semester, or no record of her
        return error_page(404)
    except NOT_ANSWERING:
        mine, unavailable = None, True
    return page("portal/student/courses.html", caller=caller, mine=mine, unavailable=unavailable,
                status=503 if unavailable else 200)


@bp.get("/holds", endpoint="holds")
@session.page_for("student")
def holds_page(caller):
    """What holds her: each hold, what she must do and what it blocks (GET /api/v1/me/holds)."""
    try:
        held, unavailable = student_api.holds_of(caller)["holds"], False
    except NotFound:  # no student record: nothing can hold her
        held, unavailable = [], False
    except NOT_ANSWERING:
        held, unavailable = [], True
    return page("portal/student/holds.html", caller=caller, holds=held, unavailable=unavailable,
                hold_titles=HOLD_TITLES, hold_actions=HOLD_ACTIONS, status=503 if unavailable else 200)
