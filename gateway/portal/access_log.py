"""Who looked at my record, in the portal: every staff read or change of her records, from
every service that keeps them (GET /api/v1/me/access-log, the same function)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from campus.errors import DeadlineExceeded, Unavailable
from gateway.blueprints import access_log as access_api
from gateway.portal import session
from gateway.portal.pages import page
from gateway.portal.student import bp as student_bp
from gateway.portal.vocabulary import DEPARTMENT_NAMES

RECORDS = {"profile": _l("your profile"), "results": _l("your results"), "ledger": _l("your fee account"),
           "requests": _l("your requests"), "applications": _l("your degree and transcript applications")}
ACTIONS = {"read": _l("Looked at"), "change": _l("Changed")}


@student_bp.get("/access-log", endpoint="access_log")
@session.page_for("student")
def access_log_page(caller):
    """Each staff read or change of her records, newest first; her own reads are not listed."""
    try:
        found, status = access_api.entries_for(caller), 200
    except (Unavailable, DeadlineExceeded):
        found, status = None, 503
    return page("portal/student/access_log.html", caller=caller, found=found, records=RECORDS, actions=ACTIONS,
                department_names=DEPARTMENT_NAMES, status=status)
