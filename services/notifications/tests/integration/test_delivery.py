"""From a real event to a file in var/mail/ and var/sms/: the consumer in its own process on
real RabbitMQ and PostgreSQL, the sender loop with its file backends, enrollment asked (a
double under enrollment's real caller policy) where no event said where a student lives;
exactly once per event and recipient, retries, the dead letter and its retry, the digest."""
import datetime as dt
import email
import json

import pytest
import sqlalchemy as sa

from campus import clock, testing
from campus.errors import NotFound
from campus.events import envelope_for
from campus.grpc_server import GrpcServer
from cms.enrollment.v1 import enrollment_pb2 as enrollment_pb
from cms.enrollment.v1 import enrollment_pb2_grpc
from cms.enrollment.v1.events_pb2 import StudentAdmitted
from cms.finance.v1.events_pb2 import ChallanPaid
from cms.notifications.v1 import notifications_pb2 as pb
from cms.requests.v1.events_pb2 import ComplaintFiled, RequestEscalated, RequestStatusChanged, RequestSubmitted
from services.notifications import digest, seed, sender
from services.notifications.bootstrap import SERVICE
from services.notifications.models import deliveries, escalations, inbox

QUEUE = "evt-requests-request_submitted--notifications.on_request_submitted"
SANA = "23L-222333"   # admitted before notifications knew her: enrollment is asked


class EnrollmentDouble(enrollment_pb2_grpc.EnrollmentServiceServicer):
    def GetStudentProfile(self, request, context):
        if request.registration_number != SANA:
            raise NotFound("no such student", field="registration_number")
        return enrollment_pb.StudentProfile(
            registration_number=SANA, full_name="Sana Javed", email="sana.javed@example.pk", mobile="03331234567",
            program=enrollment_pb.Program(code="BA", level="ba"),
            regional_centre=enrollment_pb.RegionalCentre(code="LHR"), current_semester="Autumn 2026")


@pytest.fixture(scope="module")
def enrollment_addr(users):
    server = GrpcServer(bind="127.0.0.1:0", workers=2, access=users.verifier, grace_seconds=0,
                        service_tokens=testing.service_tokens("enrollment"))
    testing.serve_double(server, "enrollment", EnrollmentDouble())
    yield f"127.0.0.1:{server.start()}"
    server.stop()


@pytest.fixture(scope="module")
def runtime(users, enrollment_addr, amqp_url, tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    with testing.service_runtime(SERVICE, users, amqp_url=amqp_url, peers={"enrollment": enrollment_addr},
                                 var_dir=var) as runtime:
        seed.seed(runtime)
        yield runtime


@pytest.fixture(scope="module")
def consumer(runtime, amqp_url):
    with testing.running_consumer("notifications", runtime.config.database_url, amqp_url, QUEUE) as process:
        yield process


def deliver(amqp_url, source, message):
    envelope = envelope_for(source, message)
    testing.publish(amqp_url, envelope)
    return envelope


def rows(runtime, table, *where):
    with runtime.db.sessions() as session:
        return session.execute(sa.select(table).where(*where).order_by(table.c.id)).all()


def files(runtime, folder):
    directory = runtime.config.var_dir / folder
    return sorted(directory.glob("*")) if directory.exists() else []


def last_mail(runtime):
    mail = email.message_from_bytes(files(runtime, "mail")[-1].read_bytes())
    return mail, mail.get_payload(decode=True).decode()


def test_a_submitted_request_is_acknowledged_once_by_inbox_email_and_sms(runtime, amqp_url, consumer):
    envelope = deliver(amqp_url, "requests", RequestSubmitted(
        request_number="SR-2026-000555", registration_number="22P-123456", category="degree",
        subtype="degree_urgent", department="examinations", status="awaiting_payment"))
    testing.wait_until(lambda: len(rows(runtime, deliveries, deliveries.c.event_id == envelope["event_id"])) == 2,
                       what="two deliveries")
    testing.publish(amqp_url, envelope)  # delivered again, as after a crash before the ack
    testing.wait_until(lambda: testing.queue_depth(amqp_url, QUEUE) == 0, what="the queue to drain")
    assert len(rows(runtime, inbox, inbox.c.event_id == envelope["event_id"])) == 1
    assert len(rows(runtime, deliveries, deliveries.c.event_id == envelope["event_id"])) == 2

    assert sender.send_pending(runtime) >= 2
    assert sender.send_pending(runtime) == 0  # nothing goes twice
    mail, body = last_mail(runtime)
    assert mail["To"] == "ayesha.siddiqui@example.pk" and "SR-2026-000555" in mail["Subject"]
    assert "SR-2026-000555" in body and "درخواست" in body  # English, then Urdu
    sms = files(runtime, "sms")[-1].read_text()
    assert "To: 03001234567" in sms and "SR-2026-000555" in sms
    sent = rows(runtime, deliveries, deliveries.c.event_id == envelope["event_id"])
    assert {r.status for r in sent} == {"sent"} and all(r.attempts == 1 for r in sent)


def test_a_rejection_tells_her_why(runtime, amqp_url, consumer):
    envelope = deliver(amqp_url, "requests", RequestStatusChanged(
        request_number="SR-2026-000556", registration_number="22P-123456", from_status="in_process",
        to_status="rejected", note="the affidavit is not attested"))
    testing.wait_until(lambda: rows(runtime, inbox, inbox.c.event_id == envelope["event_id"]), what="inbox row")
    params = json.loads(rows(runtime, inbox, inbox.c.event_id == envelope["event_id"])[0].params)
    assert params["status"] == "rejected" and "not attested" in params["note_en"]


def test_a_complaint_is_acknowledged_at_the_address_it_gave_and_in_no_inbox(runtime, amqp_url, consumer):
    envelope = deliver(amqp_url, "requests", ComplaintFiled(
        complaint_number="HD-2026-000077", registration_number="22P-123456", name="Someone",
        email="someone@example.pk", mobile="", category="login", filed_at=clock.iso(clock.utcnow())))
    testing.wait_until(lambda: rows(runtime, deliveries, deliveries.c.event_id == envelope["event_id"]),
                       what="the acknowledgement")
    queued = rows(runtime, deliveries, deliveries.c.event_id == envelope["event_id"])
    assert [(r.channel, r.address) for r in queued] == [("email", "someone@example.pk")]
    assert not rows(runtime, inbox, inbox.c.event_id == envelope["event_id"])  # a number typed is not a sign-in
    sender.send_pending(runtime)
    assert "HD-2026-000077" in last_mail(runtime)[1]


def test_a_new_student_s_addresses_come_from_her_admission_and_others_from_enrollment(runtime, amqp_url, consumer):
    deliver(amqp_url, "enrollment", StudentAdmitted(
        registration_number="26A-000111", full_name="Hina Rauf", program_code="ADE", regional_centre="KHI",
        admission_semester="Autumn 2026", email="hina.rauf@example.pk", mobile="03121234567"))
    paid = [deliver(amqp_url, "finance", ChallanPaid(
        consumer_number=f"10000000000{n}", registration_number=regno, amount_paisa=240000, bank_mnemonic="ABL"))
        for n, regno in enumerate(("26A-000111", SANA, "99X-000000"))]
    testing.wait_until(lambda: sum(len(rows(runtime, deliveries, deliveries.c.event_id == e["event_id"]))
                                   for e in paid) == 6, what="six deliveries")
    sender.send_pending(runtime)
    by_student = {r.recipient: r for e in paid for r in rows(
        runtime, deliveries, deliveries.c.event_id == e["event_id"], deliveries.c.channel == "email")}
    assert by_student["26A-000111"].status == "sent" and by_student[SANA].status == "sent"
    assert by_student["99X-000000"].status == "no_address"  # enrollment does not know him
    sent_to = [email.message_from_bytes(f.read_bytes())["To"] for f in files(runtime, "mail") if f.suffix == ".eml"]
    assert "hina.rauf@example.pk" in sent_to and "sana.javed@example.pk" in sent_to


def test_a_provider_that_fails_is_retried_then_dead_lettered_and_staff_retry_it(runtime, monkeypatch, as_gateway,
                                                                                 users):
    from campus.db import new_id
    from services.notifications import service
    with runtime.db.unit_of_work() as uow:
        service.notify_student(uow, new_id(), "result_published", "22P-123456", {"semester": "Spring 2026"},
                               reference="Spring 2026", channels=("sms",))
        uow.commit()

    def down(config, row, address, text):
        raise ConnectionError("provider down")
    monkeypatch.setitem(sender.SMS_BACKENDS, "file", down)
    for _attempt in range(runtime.config.delivery_max_attempts):
        sender.send_pending(runtime)
        with runtime.db.unit_of_work() as uow:  # its back-off has passed
            uow.session.execute(sa.update(deliveries).where(deliveries.c.status == "pending")
                                .values(next_attempt_at=clock.utcnow()))
            uow.commit()
    dead = rows(runtime, deliveries, deliveries.c.kind == "result_published")[-1]
    assert (dead.status, dead.attempts, dead.last_error) == ("dead", runtime.config.delivery_max_attempts,
                                                             "ConnectionError")
    desk = users.staff("student.services", "student_services")
    listed = as_gateway.call("notifications", "ListDeliveries", pb.ListDeliveriesRequest(status="dead"), caller=desk)
    assert dead.id in [d.delivery_id for d in listed.deliveries] and listed.counts["dead"] >= 1
    monkeypatch.undo()
    retried = as_gateway.call("notifications", "RetryDelivery", pb.RetryDeliveryRequest(delivery_id=dead.id),
                              caller=desk)
    assert (retried.status, retried.attempts) == ("pending", 0)
    sender.send_pending(runtime)
    assert rows(runtime, deliveries, deliveries.c.id == dead.id)[0].status == "sent"


def test_the_head_of_a_department_gets_one_digest_a_day(runtime, amqp_url, consumer):
    for number in ("SR-2026-000601", "SR-2026-000602"):
        deliver(amqp_url, "requests", RequestEscalated(
            request_number=number, registration_number="22P-123456", department="admissions",
            subtype="correction_name", due_by="2026-11-30", escalated_at=clock.iso(clock.utcnow())))
    testing.wait_until(lambda: len(rows(runtime, escalations)) >= 2, what="escalations kept")
    morning = dt.datetime.combine(clock.karachi_today(), dt.time(runtime.config.digest_hour, 5),
                                  tzinfo=clock.KARACHI)
    digest.send_digests(runtime, now=morning - dt.timedelta(hours=1))   # before the hour: nothing
    assert not rows(runtime, deliveries, deliveries.c.kind == "escalation_digest")
    digest.send_digests(runtime, now=morning)
    digest.send_digests(runtime, now=morning + dt.timedelta(hours=2))  # a second pass adds nothing
    queued = rows(runtime, deliveries, deliveries.c.kind == "escalation_digest")
    assert len(queued) == 1 and queued[0].address == "head.admissions@cms.edu.pk"
    sender.send_pending(runtime)
    mail, text = last_mail(runtime)
    assert mail["To"] == "head.admissions@cms.edu.pk" and mail["Subject"] == "2 overdue requests in Admissions"
    assert "SR-2026-000601" in text and "SR-2026-000602" in text


def test_an_sms_provider_over_http_gets_the_message_its_key_and_a_reference(tmp_path):
    import types

    from services.notifications.config import NotificationsConfig
    with testing.HttpReceiver() as provider:
        config = NotificationsConfig(environment="test", var_dir=tmp_path, sms_backend="http", sms_url=provider.url,
                                     sms_api_key="provider-key-123")
        row = types.SimpleNamespace(id=42, kind="request_submitted",
                                    params=json.dumps({"request_number": "SR-2026-000777"}))
        assert "200" in sender.send_sms(config, row, "03001234567")
        headers, body = provider.received[-1]
        sent = json.loads(body)
        assert headers["Authorization"] == "Bearer provider-key-123"
        assert (sent["to"], sent["from"], sent["reference"]) == ("03001234567", "AIOU", "delivery42")
        assert "SR-2026-000777" in sent["text"]
        provider.answer = 502
        with pytest.raises(Exception, match="502"):  # a refusal is a failed attempt, retried
            sender.send_sms(config, row, "03001234567")
    with pytest.raises(ValueError, match="NOTIFICATIONS_SMS_URL"):
        NotificationsConfig(environment="test", sms_backend="http")
