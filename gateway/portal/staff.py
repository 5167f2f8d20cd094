"""Staff pages: each department's console, with its queue of service requests, and the
tools the department owns (gateway.blueprints.staff.TOOLS): admissions opens student
accounts; student services finds, locks and unlocks accounts and reads the audit log.
Each tool makes the same identity call as the JSON API, through the same function.
The tools over enrollment (admission, records, holds, semesters, programmes, tutors) add
their pages to this blueprint from gateway.portal.admissions, .programmes and .tutors."""
from __future__ import annotations

import functools

from flask import Blueprint, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from pydantic import ValidationError as PydanticError

from campus.errors import AlreadyExists, DeadlineExceeded, InvalidArgument, NotFound, Unavailable
from cms.requests.v1 import requests_pb2
from gateway import schemas
from gateway.blueprints import staff as staff_api
from gateway.context import current
from gateway.portal import account_forms as forms
from gateway.portal import session
from gateway.portal.admission_forms import FindStudent
from gateway.portal.pages import forbidden, page
from gateway.portal.vocabulary import ACCOUNT_KINDS, ACCOUNT_STATUSES, AUDIT_EVENTS, DEPARTMENT_NAMES
from gateway.security import declare_audience
from services.requests import domain as requests_domain

bp = Blueprint("portal_staff", __name__, url_prefix="/staff")

#: The tools' links on the console, each for the departments that own its tool (a tool may
#: have more than one page); the admissions, programmes, tutors and examinations pages are in
#: gateway.portal.admissions, .programmes, .tutors, .examinations, .results and .cases, on this blueprint.
TOOL_LINKS = (("student_accounts", "portal_staff.new_student", _l("Open a student account")),
              ("account_locks", "portal_staff.accounts", _l("Find, lock or unlock an account")),
              ("audit_log", "portal_staff.audit", _l("Audit log of sign-ins and accounts")),
              ("admissions", "portal_staff.new_admission", _l("Admit a student")),
              ("admissions", "portal_staff.admission_files", _l("Admit a file of students (CSV)")),
              ("holds", "portal_staff.find_student", _l("Find a student by registration number")),
              ("semesters", "portal_staff.semesters", _l("Semesters: admission and registration windows")),
              ("programmes", "portal_staff.programmes", _l("Programmes: courses, schemes of studies and offerings")),
              ("tutors", "portal_staff.tutors", _l("Tutors of my centre")),
              ("exam_centres", "portal_staff.exam_centres", _l("Exam centres: seats and candidates")),
              ("date_sheets", "portal_staff.date_sheets", _l("Date sheets: papers of each programme")),
              ("documents", "portal_staff.find_documents", _l("Documents issued to a student: see or revoke")),
              ("marks", "portal_staff.marks", _l("Marks: one paper at a time, or a file")),
              ("publication", "portal_staff.publication", _l("Results: figures and publication")),
              ("exam_cases", "portal_staff.exam_cases", _l("Re-checking and change of centre: paid requests")),
              ("treasury", "portal_staff.treasury", _l("A student's account or a challan: cancel, counter payment")),
              ("settlements", "portal_staff.settlements", _l("Banks' settlement files: reconcile")),
              ("settlements", "portal_staff.unmatched", _l("Unmatched payments: post or refund")),
              ("fees", "portal_staff.fees", _l("Fee schedule: fees, late fees and double fees by date")),
              ("refunds", "portal_staff.refunds", _l("Refunds of fee: decide")),
              ("financial_aid", "portal_staff.financial_aid", _l("Financial aid and scholarships: decide")),
              ("treasury_figures", "portal_staff.treasury_figures", _l("Collections and outstanding dues: charts")),
              ("helpdesk", "portal_staff.complaints", _l("Help desk: complaints from anyone, answer them")),
              ("faq", "portal_staff.faq", _l("FAQ: the answers anyone can search")),
              ("announcements", "portal_staff.announcements", _l("Announcements to students, with deadlines")),
              ("deliveries", "portal_staff.deliveries", _l("Emails and text messages: those not sent")),
              ("webhooks", "portal_staff.webhooks", _l("Partner systems told of events (webhooks)")),
              ("tracking", "portal_staff.tracking", _l("Degrees and transcripts: verification, objections, dispatch")),
              ("parcels", "portal_staff.parcels", _l("Books mailing: dispatch a semester, delivered or returned")))


def department_of(caller) -> str:
    """The caller's department as the page's language names it."""
    return DEPARTMENT_NAMES.get(caller.department, caller.department)


def tool(name: str):
    """A page of one department's tool: staff of any other department get the 403 page."""
    def decorate(view):
        @session.page_for("staff")
        @functools.wraps(view)
        def wrapper(caller, *args, **kwargs):
            if not staff_api.owns(caller, name):
                return forbidden()
            return view(caller, *args, **kwargs)
        return declare_audience(wrapper, *(f"staff:{department}" for department in staff_api.TOOLS[name]))
    return decorate


def _tools_of(caller) -> list[tuple[str, str]]:
    return [(url_for(endpoint), label) for name, endpoint, label in TOOL_LINKS if staff_api.owns(caller, name)]


@bp.get("", endpoint="console")
@session.page_for("staff")
def console(caller):
    """The department's console: its service requests as filtered (open ones, oldest first,
    unless asked otherwise), each with its service level, and its tools."""
    queue, unavailable, status = [], False, 200
    try:
        wanted = schemas.QueueQuery.model_validate({k: v for k, v in request.args.items() if v and k in QUEUE_FILTERS})
    except PydanticError:
        wanted, status = schemas.QueueQuery(), 400
    if request.args.get("mine"):
        wanted = wanted.model_copy(update={"assigned_to": caller.subject})
    try:
        answer = current().clients.call("requests", "ListDepartmentQueue", requests_pb2.ListDepartmentQueueRequest(
            department=caller.department, status=wanted.status or "", limit=100, subtype=wanted.subtype or "",
            older_than_days=wanted.older_than_days, assigned_to=(wanted.assigned_to or "").lower(),
            overdue_only=wanted.overdue), caller=caller, timeout=current().config.tile_timeout_seconds * 2)
        # Staff see whose request it is: the registration number the student API leaves out.
        queue = [{**schemas.RequestSummary.from_message(r).body(), "registration_number": r.registration_number}
                 for r in answer.requests]
    except (Unavailable, DeadlineExceeded):
        unavailable = True
    finder = FindStudent(formdata=None) if staff_api.owns(caller, "holds") else None
    figures = _queue_figures(caller)
    return page("portal/staff/console.html", caller=caller, queue=queue, queue_unavailable=unavailable,
                figures=figures, age_chart=_age_chart(figures) if figures else None,
                department=department_of(caller), tools=_tools_of(caller), finder=finder, wanted=wanted,
                mine=bool(request.args.get("mine")), subtypes=_subtypes_of(caller.department), status=status,
                statuses=QUEUE_STATUSES)


def _queue_figures(caller) -> dict | None:
    """The department's service-level figures (None when requests cannot say right now)."""
    try:
        found = current().clients.call("requests", "GetQueueFigures", requests_pb2.GetQueueFiguresRequest(),
                                       caller=caller, timeout=current().config.tile_timeout_seconds * 2)
    except (Unavailable, DeadlineExceeded):
        return None
    decided = found.decided_on_time + found.decided_late
    return {"buckets": [(b.label, b.within_level, b.overdue) for b in found.buckets], "open": found.open_total,
            "overdue": found.overdue_total, "escalated": found.escalated_total, "on_time": found.decided_on_time,
            "decided": decided, "compliance": round(100 * found.decided_on_time / decided) if decided else None}


def _age_chart(figures: dict):
    """How long the open requests have waited, within their level and overdue: an SVG drawn
    on the server (the figures are in a table beneath it too)."""
    import pygal

    from gateway.portal.results import chart_svg
    if not figures["open"]:
        return None
    labels = [label for label, _w, _o in figures["buckets"]]
    return chart_svg(pygal.StackedBar, "queue-ages", _("Open requests by days with us"), labels, [
        (_("Within the service level"), [within for _label, within, _late in figures["buckets"]]),
        (_("Overdue"), [late for _label, _within, late in figures["buckets"]])], y_title=_("Requests"))


#: What the console's queue may be filtered by (schemas.QueueQuery's fields; `mine` besides).
QUEUE_FILTERS = ("status", "subtype", "older_than_days", "overdue")
QUEUE_STATUSES = requests_domain.STATUSES


def _subtypes_of(department: str) -> list[tuple[str, str]]:
    """The department's kinds of request (code, title), for the queue's filter; none if the
    catalogue cannot be had (the filter is then by status and age only)."""
    from gateway.blueprints.public import catalogue_for
    try:
        categories = catalogue_for(None)["categories"]
    except (Unavailable, DeadlineExceeded):
        return []
    return [(s["code"], s["title"]) for c in categories for s in c["subtypes"] if s["department"] == department]


# -- admissions: a new student's account ----------------------------------------------------
@bp.route("/students/new", methods=["GET", "POST"])
@tool("student_accounts")
def new_student(caller):
    """The fields and checks of POST /api/v1/staff/students; the activation code goes by mail."""
    form = forms.NewStudent()
    status = 200
    if request.method == "POST":
        body = form.body()
        status = 400
        if body is not None:
            try:
                account = staff_api.open_student_account(caller, body)
            except AlreadyExists:
                form.refuse("registration_number", forms.NewStudent.TAKEN)
                status = 409
            except InvalidArgument as refused:
                legacy = refused.field == "full_name" and body.initial_password_policy == "legacy"
                form.refuse(refused.field or "registration_number", forms.NewStudent.LEGACY_NAME if legacy else None)
            else:
                return redirect(url_for("portal_staff.new_student", opened=account.username), code=303)
    return page("portal/staff/new_student.html", caller=caller, form=form, status=status,
                department=department_of(caller), opened=request.args.get("opened", "")[:20])


# -- student services: accounts, locks and the audit log -------------------------------------
def _accounts_page(caller, username: str | None = None, *, lock_form=None, status: int = 200):
    """The look-up (by GET, `username` None) or the account a lock or unlock was posted for."""
    if username is None:
        finder = forms.FindAccount(request.args)
        if "username" in request.args:
            if finder.validate():
                username = finder.username.data
            else:
                status = 400
    else:
        finder = forms.FindAccount(formdata=None, data={"username": username})
    account = None
    if username:
        try:
            account = staff_api.find_account(caller, username)
        except (NotFound, InvalidArgument):
            finder.username.errors.append(_l("No account has this registration number or login."))
            status = 404 if status == 200 else status
    return page("portal/staff/accounts.html", caller=caller, finder=finder, account=account,
                lock_form=lock_form or forms.LockAccount(formdata=None), unlock_form=forms.UnlockAccount(),
                status=status, department=department_of(caller), done=request.args.get("done", ""),
                account_statuses=ACCOUNT_STATUSES, account_kinds=ACCOUNT_KINDS)


@bp.get("/accounts")
@tool("account_locks")
def accounts(caller):
    """Find an account by registration number or login; lock or unlock it from there."""
    return _accounts_page(caller)


@bp.post("/accounts/<username>/lock")
@tool("account_locks")
def lock(caller, username):
    """Lock with a reason: every session of the account ends at once."""
    form = forms.LockAccount()
    if not form.validate_on_submit():
        return _accounts_page(caller, username, lock_form=form, status=400)
    try:
        account = staff_api.lock(caller, username, form.reason.data.strip())
    except InvalidArgument:
        form.reason.errors.append(_l("Use 3 to 200 characters."))
        return _accounts_page(caller, username, lock_form=form, status=400)
    return redirect(url_for("portal_staff.accounts", username=account.username, done="locked"), code=303)


@bp.post("/accounts/<username>/unlock")
@tool("account_locks")
def unlock(caller, username):
    if not forms.UnlockAccount().validate_on_submit():
        return _accounts_page(caller, username, status=400)
    account = staff_api.unlock(caller, username)
    return redirect(url_for("portal_staff.accounts", username=account.username, done="unlocked"), code=303)


@bp.get("/audit")
@tool("audit_log")
def audit(caller):
    """Authentication events, newest first; one account's when a username is given."""
    form = forms.AuditFilter(request.args)
    events, status = [], 200
    if form.validate():
        events = list(staff_api.audit_log(caller, form.username.data or "", 100).events)
    else:
        status = 400
    return page("portal/staff/audit.html", caller=caller, form=form, events=events, status=status,
                department=department_of(caller), audit_events=AUDIT_EVENTS)
