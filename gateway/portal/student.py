"""The student's pages: the dashboard of tiles, each from its own service."""
from __future__ import annotations

from flask import Blueprint

from gateway import dashboard
from gateway.context import current
from gateway.portal import session
from gateway.portal.pages import page

bp = Blueprint("portal_student", __name__, url_prefix="/student")


@bp.get("", endpoint="dashboard")
@session.page_for("student")
def dashboard_page(caller):
    """The same data as GET /api/v1/me/dashboard, from the same function."""
    return page("portal/student/dashboard.html", caller=caller, **dashboard.for_student(current(), caller))

