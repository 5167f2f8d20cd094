"""The student's pages: the dashboard of tiles, each from its own service, and her service
requests (the list, filing one from the catalogue, one request with its challan)."""
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
from gateway.portal import forms, session
from gateway.portal.pages import error_page, page
from gateway.portal.vocabulary import DEPARTMENT_NAMES
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


@bp.get("/requests/<request_number>", endpoint="request")
@session.page_for("student")
def request_page(caller, request_number):
    """One request with its history and its challan. Someone else's does not exist for her: 404."""
    try:
        filed = student_api.request_of(caller, request_number)
    except (InvalidArgument, NotFound):
        return error_page(404)
    challan, challan_unavailable = None, False
    if filed["challan"]:
        try:
            challan = student_api.challan_of(caller, filed["challan"]["consumer_number"])
        except (*NOT_ANSWERING, NotFound):
            challan_unavailable = True
    return page("portal/student/request.html", caller=caller, filed=filed, challan=challan,
                challan_unavailable=challan_unavailable,
                department=DEPARTMENT_NAMES.get(filed["department"], filed["department"]))
