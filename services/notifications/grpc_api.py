"""NotificationsService over gRPC: each method declares who may call it (@rpc);
it parses, calls the use case and maps the result."""
from __future__ import annotations

from campus import auth, clock, identifiers
from campus.policy import OWN, rpc
from campus.runtime import Runtime
from cms.notifications.v1 import notifications_pb2 as pb
from cms.notifications.v1 import notifications_pb2_grpc
from services.notifications import domain, service, webhooks

#: Who speaks to students: a regional office only to its own centre (service.check_audience).
ANNOUNCING = {"student_services", "admissions", "examinations", "treasury", "regional"}
#: Who looks after the messages that could not be sent, and the partner systems' webhooks.
DELIVERY_DESK = {"student_services"}


def notification_message(item: service.Item) -> pb.Notification:
    return pb.Notification(id=item.id, kind=item.kind, created_at=clock.iso(item.created_at), read=item.read,
                           deadline=item.deadline.isoformat() if item.deadline else "", **item.text)


def announcement_message(row, audience_size: int = 0) -> pb.Announcement:
    return pb.Announcement(
        announcement_id=row.id, audience=row.audience, audience_value=row.audience_value, title_en=row.title_en,
        body_en=row.body_en, title_ur=row.title_ur, body_ur=row.body_ur,
        deadline=row.deadline.isoformat() if row.deadline else "", published_by=row.published_by,
        published_at=clock.iso(row.published_at), withdrawn=row.withdrawn_at is not None,
        audience_size=audience_size)


def delivery_message(row) -> pb.Delivery:
    # A student is named by her registration number; anyone else only by a masked address.
    recipient = domain.mask(row.channel, row.recipient) if row.recipient == row.address else row.recipient
    return pb.Delivery(delivery_id=row.id, channel=row.channel, kind=row.kind, recipient=recipient,
                       address=domain.mask(row.channel, row.address), status=row.status, attempts=row.attempts,
                       last_error=row.last_error or "", created_at=clock.iso(row.created_at),
                       sent_at=clock.iso(row.sent_at), reference=row.reference)


def partner_message(row, counts: dict[str, int] | None = None, secret: str = "") -> pb.Partner:
    return pb.Partner(partner_id=row.id, name=row.name, url=row.url, events=row.events.split(","), active=row.active,
                      created_by=row.created_by, created_at=clock.iso(row.created_at), secret=secret,
                      deliveries=counts or {})


def webhook_delivery_message(row) -> pb.WebhookDelivery:
    return pb.WebhookDelivery(delivery_id=row.id, partner_id=row.partner_id, event_id=row.event_id,
                              event_type=row.event_type, status=row.status, attempts=row.attempts,
                              last_status_code=row.last_status_code or 0, last_error=row.last_error or "",
                              created_at=clock.iso(row.created_at), delivered_at=clock.iso(row.delivered_at))


class NotificationsServicer(notifications_pb2_grpc.NotificationsServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db
        self.production = runtime.config.environment == "production"

    @rpc(students=OWN)
    def ListInbox(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        items, unread = service.inbox_of(self.db, regno, limit=request.limit, unread_only=request.unread_only)
        return pb.ListInboxResponse(notifications=[notification_message(i) for i in items], unread=unread)

    @rpc(students=OWN)
    def MarkRead(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        return pb.MarkReadResponse(unread=service.mark_read(self.db, regno, (request.id or "").strip()))

    @rpc(staff=ANNOUNCING)
    def PublishAnnouncement(self, request, context):
        caller = auth.current_caller()
        draft = service.parse_draft(request)
        service.check_audience(caller, draft)
        row = service.publish(self.db, caller, draft, request.idempotency_key)
        return announcement_message(row, service.reach_of(self.db, row))

    @rpc(staff=ANNOUNCING)
    def ListAnnouncements(self, request, context):
        found = service.list_announcements(self.db, auth.current_caller(), request.limit)
        return pb.ListAnnouncementsResponse(announcements=[announcement_message(r, n) for r, n in found])

    @rpc(staff=ANNOUNCING)
    def WithdrawAnnouncement(self, request, context):
        row = service.withdraw(self.db, auth.current_caller(), request.announcement_id)
        return announcement_message(row, service.reach_of(self.db, row))

    @rpc(staff=DELIVERY_DESK)
    def ListDeliveries(self, request, context):
        rows, counts = service.list_deliveries(self.db, (request.status or "").strip(), request.limit)
        return pb.ListDeliveriesResponse(deliveries=[delivery_message(r) for r in rows], counts=counts)

    @rpc(staff=DELIVERY_DESK)
    def RetryDelivery(self, request, context):
        return delivery_message(service.retry(self.db, request.delivery_id))

    @rpc(staff=DELIVERY_DESK)
    def RegisterPartner(self, request, context):
        row, secret = webhooks.register(self.db, auth.current_caller(), name=request.name, url=request.url,
                                        events=list(request.events), production=self.production)
        return partner_message(row, secret=secret)

    @rpc(staff=DELIVERY_DESK)
    def ListPartners(self, request, context):
        return pb.ListPartnersResponse(partners=[partner_message(row, counts) for row, counts
                                                in webhooks.partners(self.db)], events=webhooks.EVENTS)

    @rpc(staff=DELIVERY_DESK)
    def SetPartnerActive(self, request, context):
        return partner_message(webhooks.set_active(self.db, request.partner_id, request.active))

    @rpc(staff=DELIVERY_DESK)
    def ListWebhookDeliveries(self, request, context):
        rows = webhooks.deliveries(self.db, request.partner_id, (request.status or "").strip(), request.limit)
        return pb.ListWebhookDeliveriesResponse(deliveries=[webhook_delivery_message(r) for r in rows])

    @rpc(staff=DELIVERY_DESK)
    def RedeliverWebhook(self, request, context):
        return webhook_delivery_message(webhooks.redeliver(self.db, (request.delivery_id or "").strip()[:40]))
