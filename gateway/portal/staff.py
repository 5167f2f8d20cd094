"""Staff pages: each department's console, with its queue of service requests."""
from __future__ import annotations

from flask import Blueprint
from flask_babel import lazy_gettext as _l

from campus.errors import DeadlineExceeded, Unavailable
from cms.requests.v1 import requests_pb2
from gateway import schemas
from gateway.context import current
from gateway.portal import session
from gateway.portal.pages import page

bp = Blueprint("portal_staff", __name__, url_prefix="/staff")

DEPARTMENT_NAMES = {
    "admissions": _l("Admissions"), "examinations": _l("Examinations"), "treasury": _l("Treasury"),
    "regional": _l("Regional office"), "dispatch": _l("Dispatch and mailing"),
    "student_services": _l("Student services"),
}


@bp.get("", endpoint="console")
@session.page_for("staff")
def console(caller):
    """The department's console: its open service requests, oldest first."""
    queue, unavailable = [], False
    try:
        answer = current().clients.call("requests", "ListDepartmentQueue", requests_pb2.ListDepartmentQueueRequest(
            department=caller.department, limit=100), caller=caller, timeout=current().config.tile_timeout_seconds * 2)
        # Staff see whose request it is: the registration number the student API leaves out.
        queue = [{**schemas.RequestSummary.from_message(r).body(), "registration_number": r.registration_number}
                 for r in answer.requests]
    except (Unavailable, DeadlineExceeded):
        unavailable = True
    return page("portal/staff/console.html", caller=caller, queue=queue, queue_unavailable=unavailable,
                department=DEPARTMENT_NAMES.get(caller.department, caller.department))
