"""Webhooks to a partner system: registered by student services over gRPC, an event from a
real consumer on real RabbitMQ queued once per partner, POSTed to a real HTTP server with
a signature it verifies and a delivery ID it deduplicates on; a partner that fails is
retried, then dead-lettered and redelivered from the log."""
import json

import pytest
import sqlalchemy as sa

from campus import clock, testing
from campus.errors import AlreadyExists, InvalidArgument, PermissionDenied
from campus.events import envelope_for
from cms.notifications.v1 import notifications_pb2 as pb
from cms.requests.v1.events_pb2 import ComplaintFiled, RequestSubmitted
from services.notifications import webhooks
from services.notifications.models import webhook_deliveries

QUEUE = "evt-requests-request_submitted--notifications.on_request_submitted"


@pytest.fixture(scope="module")
def receiver():
    with testing.HttpReceiver("/cms-events") as partner_system:
        yield partner_system


@pytest.fixture(scope="module")
def partner(as_gateway, users, receiver):
    desk = users.staff("student.services", "student_services")
    registered = as_gateway.call("notifications", "RegisterPartner", pb.RegisterPartnerRequest(
        name="LMS", url=receiver.url, events=["request_submitted", "result_published"]), caller=desk)
    assert registered.secret and registered.active
    return registered


@pytest.fixture(scope="module")
def consumer(runtime, amqp_url):
    with testing.running_consumer("notifications", runtime.config.database_url, amqp_url, QUEUE) as process:
        yield process


@pytest.fixture(scope="module")
def runtime(users, amqp_url, tmp_path_factory):
    from services.notifications import seed
    from services.notifications.bootstrap import SERVICE
    with testing.service_runtime(SERVICE, users, amqp_url=amqp_url, var_dir=tmp_path_factory.mktemp("var"),
                                 webhook_max_attempts=3) as runtime:
        seed.seed(runtime)
        yield runtime


def queued(runtime, event_id):
    with runtime.db.sessions() as session:
        return session.execute(sa.select(webhook_deliveries).where(webhook_deliveries.c.event_id == event_id)).all()


def test_an_event_reaches_the_partner_signed_once_however_often_it_arrives(runtime, amqp_url, consumer, partner,
                                                                           receiver):
    envelope = envelope_for("requests", RequestSubmitted(
        request_number="SR-2026-000901", registration_number="22P-123456", category="general_query",
        subtype="general_query", department="student_services", status="submitted"))
    testing.publish(amqp_url, envelope)
    testing.wait_until(lambda: queued(runtime, envelope["event_id"]), what="the webhook delivery")
    testing.publish(amqp_url, envelope)  # redelivered
    testing.wait_until(lambda: testing.queue_depth(amqp_url, QUEUE) == 0, what="the queue to drain")
    assert len(queued(runtime, envelope["event_id"])) == 1

    assert webhooks.send_pending(runtime) == 1
    headers, body = receiver.received[-1]
    assert webhooks.verify(partner.secret, headers, body)
    assert headers["X-CMS-Event"] == "request_submitted" and headers["X-CMS-Delivery"].startswith("whd_")
    sent = json.loads(body)
    assert sent["event_id"] == envelope["event_id"] and sent["data"]["request_number"] == "SR-2026-000901"
    assert queued(runtime, envelope["event_id"])[0].status == "delivered"
    assert webhooks.send_pending(runtime) == 0


def test_what_a_partner_did_not_subscribe_to_or_may_not_see_is_not_sent(runtime, amqp_url, consumer, partner):
    complaint = envelope_for("requests", ComplaintFiled(complaint_number="HD-2026-000999", name="X",
                                                        email="x@example.pk", filed_at=clock.iso(clock.utcnow())))
    with runtime.db.unit_of_work() as uow:
        from campus.events import Event
        assert webhooks.forward(uow, Event.from_envelope(complaint)) == 0
        uow.commit()
    assert not queued(runtime, complaint["event_id"])


def test_a_partner_that_is_down_is_retried_then_dead_lettered_and_redelivered(runtime, as_gateway, users, partner,
                                                                              receiver):
    from campus.events import Event, envelope_for
    from cms.exams.v1.events_pb2 import ResultPublished
    envelope = envelope_for("exams", ResultPublished(registration_number="22P-123456", semester="Spring 2026"))
    with runtime.db.unit_of_work() as uow:
        webhooks.forward(uow, Event.from_envelope(envelope))
        uow.commit()
    receiver.answer = 503
    for _ in range(runtime.config.webhook_max_attempts):
        webhooks.send_pending(runtime)
        with runtime.db.unit_of_work() as uow:
            uow.session.execute(sa.update(webhook_deliveries).where(webhook_deliveries.c.status == "pending")
                                .values(next_attempt_at=clock.utcnow()))
            uow.commit()
    dead = queued(runtime, envelope["event_id"])[0]
    assert (dead.status, dead.attempts, dead.last_status_code, dead.last_error) == ("dead", 3, 503, "HTTP 503")
    ids = {h["X-CMS-Delivery"] for h, b in receiver.received if json.loads(b)["event_id"] == envelope["event_id"]}
    assert ids == {dead.id}  # every retry under the same delivery ID

    desk = users.staff("student.services", "student_services")
    log = as_gateway.call("notifications", "ListWebhookDeliveries", pb.ListWebhookDeliveriesRequest(
        partner_id=partner.partner_id, status="dead"), caller=desk)
    assert [d.delivery_id for d in log.deliveries] == [dead.id]
    receiver.answer = 200
    as_gateway.call("notifications", "RedeliverWebhook", pb.RedeliverWebhookRequest(delivery_id=dead.id), caller=desk)
    assert webhooks.send_pending(runtime) == 1
    assert queued(runtime, envelope["event_id"])[0].status == "delivered"
    listed = as_gateway.call("notifications", "ListPartners", pb.ListPartnersRequest(), caller=desk)
    lms = next(p for p in listed.partners if p.name == "LMS")
    assert lms.secret == "" and lms.deliveries["delivered"] >= 2  # the secret is shown once only


def test_partners_are_registered_by_student_services_with_good_data_only(as_gateway, users, receiver):
    desk = users.staff("student.services", "student_services")

    def register(**fields):
        values = {"name": "Library", "url": receiver.url, "events": ["result_published"], **fields}
        return as_gateway.call("notifications", "RegisterPartner", pb.RegisterPartnerRequest(**values), caller=desk)
    for fields, field in [({"url": "ftp://lms.example.pk/in"}, "url"), ({"url": "https://u:p@lms.example.pk/"}, "url"),
                          ({"events": ["complaint_filed"]}, "events"), ({"events": []}, "events"),
                          ({"name": ""}, "name")]:
        with pytest.raises(InvalidArgument) as refused:
            register(**fields)
        assert refused.value.field == field
    register()
    with pytest.raises(AlreadyExists):
        register()
    with pytest.raises(PermissionDenied):
        as_gateway.call("notifications", "RegisterPartner", pb.RegisterPartnerRequest(
            name="Rogue", url=receiver.url, events=["result_published"]), caller=users.staff("exams.officer",
                                                                                            "examinations"))
    off = as_gateway.call("notifications", "ListPartners", pb.ListPartnersRequest(), caller=desk)
    library = next(p for p in off.partners if p.name == "Library")
    paused = as_gateway.call("notifications", "SetPartnerActive", pb.SetPartnerActiveRequest(
        partner_id=library.partner_id, active=False), caller=desk)
    assert paused.active is False


def test_a_paused_partner_s_events_wait_for_it(runtime, as_gateway, users, receiver):
    from campus.events import Event
    from cms.exams.v1.events_pb2 import ResultPublished
    desk = users.staff("student.services", "student_services")
    archive = as_gateway.call("notifications", "RegisterPartner", pb.RegisterPartnerRequest(
        name="Archive", url=receiver.url + "?archive", events=["result_published"]), caller=desk)
    as_gateway.call("notifications", "SetPartnerActive", pb.SetPartnerActiveRequest(
        partner_id=archive.partner_id, active=False), caller=desk)
    envelope = envelope_for("exams", ResultPublished(registration_number="23L-204518", semester="Spring 2026"))
    with runtime.db.unit_of_work() as uow:
        webhooks.forward(uow, Event.from_envelope(envelope))
        uow.commit()
    webhooks.send_pending(runtime)
    waiting = [r for r in queued(runtime, envelope["event_id"]) if r.partner_id == archive.partner_id]
    assert [r.status for r in waiting] == ["pending"]  # kept, not sent, while paused
    as_gateway.call("notifications", "SetPartnerActive", pb.SetPartnerActiveRequest(
        partner_id=archive.partner_id, active=True), caller=desk)
    webhooks.send_pending(runtime)
    assert [r.status for r in queued(runtime, envelope["event_id"]) if r.partner_id == archive.partner_id] == [
        "delivered"]
