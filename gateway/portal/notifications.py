"""Notifications in the portal: a student's notifications (read and unread, announcements
with their deadlines), staff's announcements, and student services' view of the messages
that could not be sent. The calls are the JSON API's (gateway.blueprints.notifications)."""
from __future__ import annotations

import uuid

from flask import redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from campus import clock
from campus.errors import AlreadyExists, DeadlineExceeded, InvalidArgument, NotFound, PermissionDenied, Unavailable
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


# -- partner systems' webhooks ----------------------------------------------------------------------
EVENT_NAMES = {"student_admitted": _l("A student admitted"), "personal_info_changed": _l("Her record corrected"),
               "registration_confirmed": _l("A registration confirmed (fee paid)"),
               "tutor_allocated": _l("A tutor allocated"), "slip_issued": _l("A roll number slip issued"),
               "result_published": _l("A result published"), "challan_issued": _l("A challan issued"),
               "challan_paid": _l("A challan paid"), "request_submitted": _l("A service request filed"),
               "request_status_changed": _l("A service request's status changed"),
               "degree_status_changed": _l("A degree application moved on"),
               "parcel_status_changed": _l("A parcel of books dispatched, delivered or returned")}
WEBHOOK_STATUSES = {"pending": _l("Waiting to be sent"), "delivered": _l("Delivered"),
                    "dead": _l("Given up after every retry")}


class PartnerForm(FlaskForm):
    name = StringField(_l("Partner system"), description=_l("Like LMS or Library."),
                       validators=[DataRequired(_l("Name the partner system.")), Length(max=60)])
    url = StringField(_l("Its address for events"), description=_l("Where events are posted, like "
                                                                    "https://lms.example.edu.pk/cms-events."),
                      validators=[DataRequired(_l("Give its address.")), Length(max=500),
                                  Regexp(r"^https?://\S+$", message=_l("An address starting with https://."))])
    events = SelectMultipleField(_l("The events it is told of"), choices=list(EVENT_NAMES.items()),
                                validators=[DataRequired(_l("Choose at least one event."))])


class PartnerSwitch(FlaskForm):
    """Only the CSRF token: the button pressed says pause or resume."""


def _webhooks_page(caller, form: PartnerForm, *, registered: dict | None = None, status: int = 200):
    try:
        found = notifications_api.partners_of(caller)["partners"]
    except NOT_ANSWERING:
        found, status = None, 503
    return page("portal/staff/webhooks.html", caller=caller, department=department_of(caller), form=form,
                partners=found, registered=registered, event_names=EVENT_NAMES, switch=PartnerSwitch(),
                statuses=WEBHOOK_STATUSES, status=status)


@staff_bp.route("/webhooks", methods=["GET", "POST"], endpoint="webhooks")
@tool("webhooks")
def webhooks_page(caller):
    """Partner systems told of events (GET/POST /api/v1/staff/webhooks). A new one's secret
    is shown on the answer to its registration, once."""
    if request.method == "GET":
        return _webhooks_page(caller, PartnerForm(formdata=None))
    form = PartnerForm()
    if not form.validate_on_submit():
        return _webhooks_page(caller, form, status=400)
    try:
        registered = notifications_api.register_partner(caller, {"name": form.name.data.strip(),
                                                                 "url": form.url.data.strip(),
                                                                 "events": form.events.data})
    except (InvalidArgument, AlreadyExists) as refused:
        target = form[refused.field] if refused.field in form._fields else form.name
        target.errors = [*target.errors, _l("Not accepted: %(why)s", why=refused.message)]
        return _webhooks_page(caller, form, status=400 if isinstance(refused, InvalidArgument) else 409)
    except NOT_ANSWERING:
        return _webhooks_page(caller, form, status=503)
    return _webhooks_page(caller, PartnerForm(formdata=None), registered=registered)


@staff_bp.get("/webhooks/<partner_id>", endpoint="webhook_partner")
@tool("webhooks")
def webhook_partner(caller, partner_id):
    """One partner's delivery log: each delivery's id, event, answer and tries."""
    shown = request.args.get("status", "")
    shown = shown if shown in WEBHOOK_STATUSES else ""
    try:
        partner = next((p for p in notifications_api.partners_of(caller)["partners"] if str(p["id"]) == partner_id),
                       None)
        if partner is None:
            return error_page(404)
        log, status = notifications_api.webhook_log(caller, partner_id, shown, 100)["deliveries"], 200
    except (NotFound, Problem):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return page("portal/staff/webhook_partner.html", caller=caller, department=department_of(caller),
                partner=partner, log=log, shown=shown, statuses=WEBHOOK_STATUSES, event_names=EVENT_NAMES,
                switch=PartnerSwitch(), done=request.args.get("done", ""), status=status)


@staff_bp.post("/webhooks/<partner_id>/status", endpoint="webhook_partner_status")
@tool("webhooks")
def webhook_partner_status(caller, partner_id):
    if not PartnerSwitch().validate_on_submit() or request.form.get("active") not in ("yes", "no"):
        return error_page(400)
    try:
        notifications_api.set_partner_active(caller, partner_id, request.form["active"] == "yes")
    except (NotFound, Problem):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".webhook_partner", partner_id=partner_id, done="switched"), code=303)


@staff_bp.post("/webhooks/<partner_id>/deliveries/<webhook_delivery_id>/redeliver", endpoint="webhook_redeliver")
@tool("webhooks")
def webhook_redeliver(caller, partner_id, webhook_delivery_id):
    if not PartnerSwitch().validate_on_submit():
        return error_page(400)
    try:
        notifications_api.redeliver(caller, webhook_delivery_id)
    except (NotFound, Problem):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".webhook_partner", partner_id=partner_id, done="redelivered"), code=303)
