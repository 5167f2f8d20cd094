"""Notifications: a student's inbox (her own notifications and the announcements that reach
her), announcements by staff, and the messages that could not be sent. The portal's pages
(gateway.portal.notifications) call the same functions."""
from __future__ import annotations

import re

from flask import Blueprint

from campus import auth
from cms.notifications.v1 import notifications_pb2 as pb
from gateway import schemas
from gateway.blueprints.staff import TOOLS
from gateway.context import current
from gateway.openapi import BEARER, SIGNED_IN, WITH_BODY, answers, api
from gateway.problems import Problem
from gateway.security import caller, staff_only, student_only

inbox_bp = Blueprint("notifications", __name__, url_prefix="/api/v1/me/notifications")
announcements_bp = Blueprint("announcements", __name__, url_prefix="/api/v1/staff/announcements")
deliveries_bp = Blueprint("deliveries", __name__, url_prefix="/api/v1/staff/notifications/deliveries")
BLUEPRINTS = (inbox_bp, announcements_bp, deliveries_bp)
ANNOUNCING = TOOLS["announcements"]
DELIVERY_DESK = TOOLS["deliveries"]
NOTIFICATION_ID = re.compile(schemas.NOTIFICATION_ID)
ROW_NUMBER = re.compile(schemas.ROW_ID)


def _private(response):
    # Personal records and a partner's secret: never kept by a cache or a shared browser.
    response.headers.setdefault("Cache-Control", "no-store")
    return response


def _call(who: auth.Caller, method: str, message):
    return current().clients.call("notifications", method, message, caller=who)


# -- what the API and the portal both do ------------------------------------------------------
def inbox_of(who: auth.Caller, lang: str = "en", *, unread_only: bool = False, limit: int = 20) -> dict:
    found = _call(who, "ListInbox", pb.ListInboxRequest(registration_number=who.subject, unread_only=unread_only,
                                                        limit=limit))
    return schemas.Inbox.from_message(found, lang).body()


def mark_read(who: auth.Caller, notification_id: str) -> dict:
    if not NOTIFICATION_ID.fullmatch(notification_id):
        raise Problem(404, "no such notification", field="notification_id", kind="not-found")
    return schemas.Unread(unread=_call(who, "MarkRead", pb.MarkReadRequest(
        registration_number=who.subject, id=notification_id)).unread).body()


def announcements_of(who: auth.Caller) -> dict:
    found = _call(who, "ListAnnouncements", pb.ListAnnouncementsRequest(limit=100))
    return schemas.Announcements(announcements=[schemas.AnnouncementView.from_message(a)
                                                for a in found.announcements]).body()


def announce(who: auth.Caller, fields: dict, idempotency_key: str = "") -> dict:
    return schemas.AnnouncementView.from_message(_call(who, "PublishAnnouncement", pb.PublishAnnouncementRequest(
        idempotency_key=idempotency_key, **fields))).body()


def withdraw(who: auth.Caller, announcement_id: str) -> dict:
    return schemas.AnnouncementView.from_message(_call(who, "WithdrawAnnouncement", pb.WithdrawAnnouncementRequest(
        announcement_id=row_number(announcement_id, "announcement_id")))).body()


def deliveries_of(who: auth.Caller, status: str = "", limit: int = 50) -> dict:
    found = _call(who, "ListDeliveries", pb.ListDeliveriesRequest(status=status, limit=limit))
    return schemas.Deliveries(deliveries=[schemas.DeliveryView.from_message(d) for d in found.deliveries],
                              counts=dict(found.counts)).body()


def retry(who: auth.Caller, delivery_id: str) -> dict:
    return schemas.DeliveryView.from_message(_call(who, "RetryDelivery", pb.RetryDeliveryRequest(
        delivery_id=row_number(delivery_id, "delivery_id")))).body()


def row_number(text: str, field: str) -> int:
    if not ROW_NUMBER.fullmatch(text):
        raise Problem(404, f"no such {field.removesuffix('_id')}", field=field, kind="not-found")
    return int(text)


# -- the student's inbox ------------------------------------------------------------------------
@inbox_bp.get("")
@student_only
@api.validate(query=schemas.InboxQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.Inbox), tags=["student"],
              security=BEARER)
def get_notifications(query: schemas.InboxQuery):
    """Her notifications (what happened to her requests, challans, registration, results,
    degree) and the announcements that reach her, newest first, with how many are unread."""
    return inbox_of(caller(), query.lang, unread_only=query.unread_only, limit=query.limit)


@inbox_bp.post("/<notification_id>/read")
@student_only
@api.validate(resp=answers(*SIGNED_IN, 404, HTTP_200=schemas.Unread), tags=["student"], security=BEARER)
def post_read(notification_id: str):
    """Mark one notification read (`all`: every one); answers how many remain unread."""
    return mark_read(caller(), notification_id)


# -- announcements ------------------------------------------------------------------------------
@announcements_bp.get("")
@staff_only(*ANNOUNCING)
@api.validate(resp=answers(*SIGNED_IN, HTTP_200=schemas.Announcements), tags=["staff"], security=BEARER)
def list_announcements():
    """The newest announcements (a regional office: its centre's), with the students each reaches."""
    return announcements_of(caller())


@announcements_bp.post("")
@staff_only(*ANNOUNCING)
@api.validate(json=schemas.AnnouncementBody, headers=schemas.AnnouncementHeaders,
              resp=answers(*SIGNED_IN, *WITH_BODY, HTTP_201=schemas.AnnouncementView), tags=["staff"],
              security=BEARER)
def post_announcement(json: schemas.AnnouncementBody, headers: schemas.AnnouncementHeaders):
    """Announce to every student, a program's, a regional centre's or a semester's, with a
    deadline if it has one: it shows at once in each of their notifications. A regional
    office announces to its own centre only (403 naming `audience`)."""
    return announce(caller(), json.model_dump(), headers.idempotency_key or ""), 201


@announcements_bp.post("/<announcement_id>/withdraw")
@staff_only(*ANNOUNCING)
@api.validate(resp=answers(*SIGNED_IN, 404, HTTP_200=schemas.AnnouncementView), tags=["staff"], security=BEARER)
def post_withdrawal(announcement_id: str):
    """Take an announcement out of every inbox (a mistake, a cancelled event)."""
    return withdraw(caller(), announcement_id)


# -- messages that could not be sent ---------------------------------------------------------------
@deliveries_bp.get("")
@staff_only(*DELIVERY_DESK)
@api.validate(query=schemas.DeliveryQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.Deliveries),
              tags=["staff"], security=BEARER)
def list_deliveries(query: schemas.DeliveryQuery):
    """Student services: the emails and text messages, newest first (`dead`: given up after
    every retry), with counts by status. Addresses are masked; texts are not kept."""
    return deliveries_of(caller(), query.status or "", query.limit)


@deliveries_bp.post("/<delivery_id>/retry")
@staff_only(*DELIVERY_DESK)
@api.validate(resp=answers(*SIGNED_IN, 404, HTTP_200=schemas.DeliveryView), tags=["staff"], security=BEARER)
def post_retry(delivery_id: str):
    """Send a dead-lettered message again once its provider is back."""
    return retry(caller(), delivery_id)


# -- partner systems' webhooks --------------------------------------------------------------------
webhooks_bp = Blueprint("webhooks", __name__, url_prefix="/api/v1/staff/webhooks")
BLUEPRINTS = (*BLUEPRINTS, webhooks_bp)
for _blueprint in BLUEPRINTS:
    _blueprint.after_request(_private)
WEBHOOK_KEEPERS = TOOLS["webhooks"]
WEBHOOK_DELIVERY_ID = re.compile(schemas.WEBHOOK_DELIVERY_ID)


def partners_of(who: auth.Caller) -> dict:
    found = _call(who, "ListPartners", pb.ListPartnersRequest())
    return schemas.Partners(partners=[schemas.PartnerView.from_message(p) for p in found.partners],
                            events=list(found.events)).body()


def register_partner(who: auth.Caller, fields: dict) -> dict:
    return schemas.PartnerView.from_message(_call(who, "RegisterPartner", pb.RegisterPartnerRequest(**fields))).body()


def set_partner_active(who: auth.Caller, partner_id: str, active: bool) -> dict:
    return schemas.PartnerView.from_message(_call(who, "SetPartnerActive", pb.SetPartnerActiveRequest(
        partner_id=row_number(partner_id, "partner_id"), active=active))).body()


def webhook_log(who: auth.Caller, partner_id: str, status: str = "", limit: int = 50) -> dict:
    found = _call(who, "ListWebhookDeliveries", pb.ListWebhookDeliveriesRequest(
        partner_id=row_number(partner_id, "partner_id"), status=status, limit=limit))
    return schemas.WebhookDeliveries(deliveries=[schemas.WebhookDeliveryView.from_message(d)
                                                 for d in found.deliveries]).body()


def redeliver(who: auth.Caller, delivery_id: str) -> dict:
    if not WEBHOOK_DELIVERY_ID.fullmatch(delivery_id):
        raise Problem(404, "no such delivery", field="webhook_delivery_id", kind="not-found")
    return schemas.WebhookDeliveryView.from_message(_call(who, "RedeliverWebhook", pb.RedeliverWebhookRequest(
        delivery_id=delivery_id))).body()


@webhooks_bp.get("")
@staff_only(*WEBHOOK_KEEPERS)
@api.validate(resp=answers(*SIGNED_IN, HTTP_200=schemas.Partners), tags=["staff"], security=BEARER)
def list_partners():
    """Student services: the partner systems told of events, with their deliveries by status."""
    return partners_of(caller())


@webhooks_bp.post("")
@staff_only(*WEBHOOK_KEEPERS)
@api.validate(json=schemas.PartnerBody, resp=answers(*SIGNED_IN, *WITH_BODY, 409, HTTP_201=schemas.PartnerView),
              tags=["staff"], security=BEARER)
def post_partner(json: schemas.PartnerBody):
    """Register a partner system for some events. The answer carries its `secret`, shown
    this once: each delivery's `X-CMS-Signature` is `sha256=` HMAC-SHA256 under it of
    `<X-CMS-Timestamp>.<body>`; `X-CMS-Delivery` is the same on every retry."""
    return register_partner(caller(), json.model_dump()), 201


@webhooks_bp.post("/<partner_id>/status")
@staff_only(*WEBHOOK_KEEPERS)
@api.validate(json=schemas.PartnerActive, resp=answers(*SIGNED_IN, *WITH_BODY, 404, HTTP_200=schemas.PartnerView),
              tags=["staff"], security=BEARER)
def post_partner_status(partner_id: str, json: schemas.PartnerActive):
    """Pause a partner's deliveries (they wait) or resume them."""
    return set_partner_active(caller(), partner_id, json.active)


@webhooks_bp.get("/<partner_id>/deliveries")
@staff_only(*WEBHOOK_KEEPERS)
@api.validate(query=schemas.WebhookDeliveryQuery, resp=answers(*SIGNED_IN, 400, 404,
                                                                HTTP_200=schemas.WebhookDeliveries),
              tags=["staff"], security=BEARER)
def list_webhook_deliveries(partner_id: str, query: schemas.WebhookDeliveryQuery):
    """A partner's delivery log, newest first: each attempt's answer, and the dead ones."""
    return webhook_log(caller(), partner_id, query.status or "", query.limit)


@webhooks_bp.post("/deliveries/<webhook_delivery_id>/redeliver")
@staff_only(*WEBHOOK_KEEPERS)
@api.validate(resp=answers(*SIGNED_IN, 404, HTTP_200=schemas.WebhookDeliveryView), tags=["staff"], security=BEARER)
def post_redelivery(webhook_delivery_id: str):
    """Send a delivery again, under the same id."""
    return redeliver(caller(), webhook_delivery_id)
