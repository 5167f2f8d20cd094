"""Notifications in the portal: a student's notifications (read and unread, announcements
with their deadlines), staff's announcements, and student services' view of the messages
that could not be sent. The calls are the JSON API's (gateway.blueprints.notifications)."""
from __future__ import annotations

import uuid

from flask import redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from campus import clock
from campus.errors import DeadlineExceeded, InvalidArgument, NotFound, PermissionDenied, Unavailable
from gateway.blueprints import notifications as notifications_api
from gateway.portal import forms, i18n, session
from gateway.portal.pages import error_page, page
from gateway.portal.staff import bp as staff_bp
from gateway.portal.staff import department_of, tool
from gateway.portal.student import bp as student_bp
from gateway.problems import Problem

NOT_ANSWERING = (Unavailable, DeadlineExceeded)
AUDIENCES = {"all": _l("Every student"), "program": _l("The students of a programme"),
             "region": _l("The students of a regional centre"), "semester": _l("The students of a semester")}
DELIVERY_STATUSES = {"pending": _l("Waiting to be sent"), "sent": _l("Sent"),
                     "dead": _l("Given up after every retry"), "no_address": _l("No address on record")}
CHANNELS = {"email": _l("Email"), "sms": _l("Text message")}


def _lang() -> str:
    return "ur" if i18n.language() == "ur" else "en"


# -- the student's notifications ------------------------------------------------------------------
class MarkRead(FlaskForm):
    """Only the CSRF token: the path says which notification."""


@student_bp.get("/notifications", endpoint="notifications")
@session.page_for("student")
def notifications_page(caller):
    """Her notifications, newest first, unread ones marked (GET /api/v1/me/notifications)."""
    unread_only = request.args.get("show") == "unread"
    try:
        inbox, status = notifications_api.inbox_of(caller, _lang(), unread_only=unread_only, limit=50), 200
    except NOT_ANSWERING:
        inbox, status = None, 503
    return page("portal/student/notifications.html", caller=caller, inbox=inbox, unread_only=unread_only,
                form=MarkRead(), today=clock.karachi_today().isoformat(), done=request.args.get("done", ""),
                status=status)


@student_bp.post("/notifications/<notification_id>/read", endpoint="notification_read")
@session.page_for("student")
def notification_read(caller, notification_id):
    """Mark one (or, with `all`, every) notification read, then back to the list."""
    if not MarkRead().validate_on_submit():
        return error_page(400)
    try:
        notifications_api.mark_read(caller, notification_id)
    except (NotFound, InvalidArgument, Problem):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".notifications", done="read"), code=303)


# -- announcements --------------------------------------------------------------------------------
class AnnouncementForm(FlaskForm):
    audience = RadioField(_l("Who is it for?"), choices=list(AUDIENCES.items()), default="all",
                          validators=[DataRequired(_l("Choose who it is for."))])
    audience_value = StringField(_l("Programme code, centre code or semester"),
                                 description=_l("Like BED15, ISB or Spring 2027; leave it empty for every student."),
                                 validators=[Optional(), Length(max=40), Regexp(r"^[A-Za-z0-9 ]*$", message=_l(
                                     "Letters, digits and spaces only."))])
    title_en = StringField(_l("Title (English)"), validators=[DataRequired(_l("Write the title.")),
                                                              Length(max=150)])
    body_en = TextAreaField(_l("Announcement (English)"), filters=[forms._one_line_break], validators=[
        DataRequired(_l("Write the announcement.")), Length(max=2000), forms._plain_text])
    title_ur = StringField(_l("Title (Urdu)"), validators=[Optional(), Length(max=150)])
    body_ur = TextAreaField(_l("Announcement (Urdu)"), filters=[forms._one_line_break],
                            description=_l("Without Urdu, Urdu readers see the English."),
                            validators=[Optional(), Length(max=2000), forms._plain_text])
    deadline = StringField(_l("Deadline (optional)"), description=_l("The last day to act, as YYYY-MM-DD."),
                           validators=[Optional(), Regexp(r"^\d{4}-\d{2}-\d{2}$", message=_l(
                               "Write the date as YYYY-MM-DD."))])
    key = HiddenField()  # publishes once, however often the form is sent

    def fields(self) -> dict:
        return {f: (self[f].data or "").strip() for f in ("audience", "audience_value", "title_en", "body_en",
                                                          "title_ur", "body_ur", "deadline")}


class Withdraw(FlaskForm):
    """Only the CSRF token."""


def _announcements_page(caller, form: AnnouncementForm, *, status: int = 200):
    try:
        found = notifications_api.announcements_of(caller)["announcements"]
    except NOT_ANSWERING:
        found, status = None, 503
    return page("portal/staff/announcements.html", caller=caller, department=department_of(caller), form=form,
                announcements=found, audiences=AUDIENCES, withdraw=Withdraw(), done=request.args.get("done", ""),
                today=clock.karachi_today().isoformat(), status=status)


@staff_bp.route("/announcements", methods=["GET", "POST"], endpoint="announcements")
@tool("announcements")
def announcements(caller):
    """Announce to students (GET/POST /api/v1/staff/announcements); a regional office to its
    own centre's, whatever the form says."""
    if request.method == "GET":
        form = AnnouncementForm(formdata=None, key=uuid.uuid4().hex)
        if caller.centre:
            form.audience.data, form.audience_value.data = "region", caller.centre
        return _announcements_page(caller, form)
    form = AnnouncementForm()
    if not form.validate_on_submit():
        return _announcements_page(caller, form, status=400)
    try:
        notifications_api.announce(caller, form.fields(), form.key.data or "")
    except (InvalidArgument, PermissionDenied) as refused:
        target = form[refused.field] if refused.field in form._fields else form.title_en
        target.errors = [*target.errors, _l("Not accepted: %(why)s", why=refused.message)]
        return _announcements_page(caller, form, status=400 if isinstance(refused, InvalidArgument) else 403)
    except NOT_ANSWERING:
        return _announcements_page(caller, form, status=503)
    return redirect(url_for(".announcements", done="published"), code=303)


@staff_bp.post("/announcements/<announcement_id>/withdraw", endpoint="announcement_withdraw")
@tool("announcements")
def announcement_withdraw(caller, announcement_id):
    if not Withdraw().validate_on_submit():
        return error_page(400)
    try:
        notifications_api.withdraw(caller, announcement_id)
    except (NotFound, InvalidArgument, Problem):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".announcements", done="withdrawn"), code=303)


# -- messages that could not be sent ----------------------------------------------------------------
class Retry(FlaskForm):
    """Only the CSRF token."""


@staff_bp.get("/deliveries", endpoint="deliveries")
@tool("deliveries")
def deliveries(caller):
    """Every email and text message's fate; the dead ones can be sent again."""
    shown = request.args.get("status", "dead")
    shown = shown if shown in DELIVERY_STATUSES or shown == "" else "dead"
    try:
        found, status = notifications_api.deliveries_of(caller, shown, 100), 200
    except NOT_ANSWERING:
        found, status = None, 503
    return page("portal/staff/deliveries.html", caller=caller, department=department_of(caller), found=found,
                shown=shown, statuses=DELIVERY_STATUSES, channels=CHANNELS, retry=Retry(),
                done=request.args.get("done", ""), status=status)


@staff_bp.post("/deliveries/<delivery_id>/retry", endpoint="delivery_retry")
@tool("deliveries")
def delivery_retry(caller, delivery_id):
    if not Retry().validate_on_submit():
        return error_page(400)
    try:
        notifications_api.retry(caller, delivery_id)
    except (NotFound, InvalidArgument, Problem):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".deliveries", status="pending", done="retried"), code=303)
