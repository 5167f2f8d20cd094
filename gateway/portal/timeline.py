"""One case timeline in the portal: a request's whole story across the services, with the
next step and the end's likely dates (GET /api/v1/me/cases/<n>, the same function)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from campus.errors import DeadlineExceeded, InvalidArgument, NotFound, Unavailable
from gateway.blueprints import case_timeline
from gateway.portal import session
from gateway.portal.pages import error_page, page
from gateway.portal.student import bp as student_bp
from gateway.problems import Problem

SOURCES = {"requests": _l("Request"), "finance": _l("Fee"), "tracking": _l("Degree tracking")}


@student_bp.get("/cases/<request_number>", endpoint="case")
@session.page_for("student")
def case_page(caller, request_number):
    """Filed, challan issued and paid, decisions, tracking stages, dispatch and delivery,
    oldest first; what comes next and when, as "usually within N days"."""
    try:
        found = case_timeline.case_of(caller, request_number)
    except (NotFound, InvalidArgument, Problem):
        return error_page(404)
    except (Unavailable, DeadlineExceeded):
        return error_page(503)
    return page("portal/student/case.html", caller=caller, case=found, sources=SOURCES)
