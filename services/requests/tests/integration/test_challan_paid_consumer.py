"""The challan_paid consumer against real RabbitMQ and PostgreSQL, in its own process."""
import json

import pytest
import sqlalchemy as sa

from campus import dead_letters, testing
from campus.events import envelope_for
from cms.exams.v1.events_pb2 import ExamCaseDecided
from cms.finance.v1.events_pb2 import ChallanPaid, ChallanPaymentReversed
from cms.requests.v1 import requests_pb2 as pb
from services.requests.models import service_requests, status_history

QUEUE = "evt-finance-challan_paid--requests.on_challan_paid"


@pytest.fixture(scope="module")
def consumer(requests_runtime, amqp_url):
    with testing.running_consumer("requests", requests_runtime.config.database_url, amqp_url, QUEUE) as process:
        yield process


def paid_event(filed):
    return envelope_for("finance", ChallanPaid(
        consumer_number=filed.challan.consumer_number, registration_number=filed.registration_number,
        fee_code="degree_urgent", reference=filed.request_number, amount_paisa=filed.challan.amount_paisa,
        paid_at="2026-11-25T05:15:00Z", bank_mnemonic="ABL", tran_auth_id="X00001"))


def status_of(runtime, number):
    with runtime.db.sessions() as s:
        return s.scalar(sa.select(service_requests.c.status).where(service_requests.c.request_number == number))


def outbox_types(runtime, number):
    with runtime.db.sessions() as s:
        rows = s.execute(sa.select(runtime.db.outbox.c.event_type, runtime.db.outbox.c.envelope)).all()
    return sorted(t for t, e in rows if json.loads(e)["data"].get("request_number") == number)


def file(gateway, users, subtype="degree_fee_urgent"):
    return gateway.call("requests", "FileRequest", pb.FileRequestRequest(
        registration_number="22P-123456", category="other_fee_challan", subtype=subtype, details="x"),
        caller=users.student("22P-123456"))


def test_a_paid_challan_moves_its_request_to_in_process_once(gateway, users, requests_runtime, amqp_url, consumer):
    filed = file(gateway, users)
    event = paid_event(filed)
    testing.publish(amqp_url, event)
    testing.wait_until(lambda: status_of(requests_runtime, filed.request_number) == "in_process",
                       what="the request to be in process")
    assert outbox_types(requests_runtime, filed.request_number) == [
        "degree_application_filed", "request_paid", "request_status_changed", "request_submitted"]

    testing.publish(amqp_url, event)  # redelivered: must change nothing
    testing.wait_until(lambda: testing.queue_depth(amqp_url, QUEUE) == 0, what="the queue to drain")
    with requests_runtime.db.sessions() as s:
        request_id = s.scalar(sa.select(service_requests.c.id).where(
            service_requests.c.request_number == filed.request_number))
        assert s.scalar(sa.select(sa.func.count()).select_from(status_history).where(
            status_history.c.request_id == request_id)) == 2
        assert s.scalar(sa.select(sa.func.count()).select_from(requests_runtime.db.processed_events).where(
            requests_runtime.db.processed_events.c.event_id == event["event_id"])) == 1
    assert len(outbox_types(requests_runtime, filed.request_number)) == 4


def test_a_challan_for_another_purpose_changes_nothing(requests_runtime, amqp_url, consumer):
    event = envelope_for("finance", ChallanPaid(consumer_number="100710000000000017", reference="ADM-AUTUMN-2025-X",
                                                registration_number="22P-123456", amount_paisa=1))
    testing.publish(amqp_url, event)
    processed = requests_runtime.db.processed_events
    testing.wait_until(lambda: _count(requests_runtime, processed, event["event_id"]) == 1,
                       what="the event to be handled")


def test_a_payment_that_arrives_before_the_filing_finished_is_adopted(requests_runtime, amqp_url, consumer):
    from services.requests import service
    filing, subtype = service.validate(requests_runtime.db, service.Filing(
        "22P-123456", "other_fee_challan", "degree_fee_urgent", "paid early"), 2000)
    stalled = service.open_filing(requests_runtime.db, filing, subtype, centre="ISB")
    testing.publish(amqp_url, envelope_for("finance", ChallanPaid(
        consumer_number="100710000000000991", registration_number="22P-123456", fee_code="degree_urgent",
        reference=stalled.request_number, amount_paisa=200000, paid_at="2026-11-25T05:15:00Z")))
    testing.wait_until(lambda: status_of(requests_runtime, stalled.request_number) == "in_process",
                       what="the early-paid request to be in process")
    adopted = service.get_request(requests_runtime.db, stalled.request_number)
    assert (adopted.consumer_number, adopted.amount_paisa) == ("100710000000000991", 200000)


def test_a_payment_for_a_request_that_is_not_here_is_dead_lettered(amqp_url, consumer):
    before = testing.queue_depth(amqp_url, "requests.dead-letters")
    testing.publish(amqp_url, envelope_for("finance", ChallanPaid(
        consumer_number="100710000000000999", registration_number="22P-123456", reference="SR-2026-999999",
        amount_paisa=200000)))
    testing.wait_until(lambda: testing.queue_depth(amqp_url, "requests.dead-letters") == before + 1, timeout=30,
                       what="the orphan payment in the dead-letter queue")
    testing.wait_until(lambda: testing.queue_depth(amqp_url, QUEUE) == 0, what="the queue to drain")
    assert consumer.alive()


def test_a_malformed_event_is_dead_lettered_not_lost(amqp_url, consumer):
    before = testing.queue_depth(amqp_url, "requests.dead-letters")
    testing.publish(amqp_url, {"event_id": "bad-1", "event_type": "challan_paid", "source": "finance",
                               "data": {"amount_paisa": "not a number"}})
    testing.wait_until(lambda: testing.queue_depth(amqp_url, "requests.dead-letters") == before + 1, timeout=30,
                       what="the malformed event in the dead-letter queue")
    assert consumer.alive()

    letters = dead_letters.inspect(amqp_url, "requests")
    assert ("bad-1", QUEUE, "delivery_limit") in [(d.event_id, d.queue, d.reason) for d in letters]
    depth = testing.queue_depth(amqp_url, "requests.dead-letters")
    assert depth == len(letters)  # listing keeps them

    replayed = dead_letters.inspect(amqp_url, "requests", replay=True)
    assert len(replayed) == depth
    # Still failing: they go round their deliveries again and come back, not lost either way.
    testing.wait_until(lambda: testing.queue_depth(amqp_url, "requests.dead-letters") == depth
                       and testing.queue_depth(amqp_url, QUEUE) == 0, timeout=40, what="the replayed events to return")


def _count(runtime, table, event_id):
    with runtime.db.sessions() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(table).where(table.c.event_id == event_id))


def test_a_body_that_is_not_json_is_dead_lettered_and_the_consumer_lives(amqp_url, consumer):
    import pika
    before = testing.queue_depth(amqp_url, "requests.dead-letters")
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    connection.channel().basic_publish("finance.events", "challan_paid", b"{not json",
                                       pika.BasicProperties(content_type="application/json", delivery_mode=2))
    connection.close()
    testing.wait_until(lambda: testing.queue_depth(amqp_url, "requests.dead-letters") == before + 1, timeout=30,
                       what="the undecodable message in the dead-letter queue")
    assert consumer.alive(), consumer.output()[-2000:]


def history_notes(runtime, number):
    """Each line of the request's history as "note (who)"."""
    with runtime.db.sessions() as s:
        lines = sa.select(status_history.c.note, status_history.c.actor)
        return [f"{r.note} ({r.actor})" for r in s.execute(lines.join(
            service_requests, service_requests.c.id == status_history.c.request_id).where(
            service_requests.c.request_number == number).order_by(status_history.c.id))]


def test_a_paid_examinations_request_goes_to_exams_and_its_decision_closes_it(gateway, users, requests_runtime,
                                                                             amqp_url, consumer):
    filed = file(gateway, users, subtype="answer_script_rechecking")
    testing.publish(amqp_url, paid_event(filed))
    testing.wait_until(lambda: status_of(requests_runtime, filed.request_number) == "in_process",
                       what="the request to be in process")
    with requests_runtime.db.sessions() as s:
        paid = [json.loads(e)["data"] for e in s.scalars(sa.select(requests_runtime.db.outbox.c.envelope).where(
            requests_runtime.db.outbox.c.event_type == "request_paid"))]
    told = [p for p in paid if p["request_number"] == filed.request_number]
    assert told and (told[0]["subtype"], told[0]["department"], told[0]["details"]) == (
        "answer_script_rechecking", "examinations", "x")

    decided = envelope_for("exams", ExamCaseDecided(
        request_number=filed.request_number, registration_number="22P-123456", kind="rechecking",
        outcome="revised", note="8602 re-checked: the marks were revised", decided_by="exams.officer"))
    testing.publish(amqp_url, decided)
    testing.wait_until(lambda: status_of(requests_runtime, filed.request_number) == "resolved",
                       what="the request to be resolved")
    testing.publish(amqp_url, decided)  # redelivered
    testing.wait_until(lambda: testing.queue_depth(amqp_url, "evt-exams-exam_case_decided--requests."
                                                              "on_exam_case_decided") == 0, what="the queue to drain")
    assert history_notes(requests_runtime, filed.request_number)[-1] == (
        "8602 re-checked: the marks were revised (exams.officer)")

    refused = file(gateway, users, subtype="exam_centre_change")
    testing.publish(amqp_url, paid_event(refused))
    testing.wait_until(lambda: status_of(requests_runtime, refused.request_number) == "in_process", what="paid")
    testing.publish(amqp_url, envelope_for("exams", ExamCaseDecided(
        request_number=refused.request_number, registration_number="22P-123456", kind="centre_change",
        outcome="rejected", note="no hardship shown", decided_by="exams.officer")))
    testing.wait_until(lambda: status_of(requests_runtime, refused.request_number) == "rejected", what="rejected")


def reversed_event(filed):
    return envelope_for("finance", ChallanPaymentReversed(
        consumer_number=filed.challan.consumer_number, registration_number=filed.registration_number,
        fee_code="degree_urgent", reference=filed.request_number, amount_paisa=filed.challan.amount_paisa,
        bank_mnemonic="ABL", tran_auth_id="X00001", reversed_at="2026-11-25T06:00:00Z"))


def history_of(runtime, number):
    with runtime.db.sessions() as s:
        return s.execute(sa.select(status_history.c.status, status_history.c.note).join(
            service_requests, service_requests.c.id == status_history.c.request_id).where(
            service_requests.c.request_number == number).order_by(status_history.c.id)).all()


def test_a_reversed_payment_sends_its_request_back_to_awaiting_payment_once(
        gateway, users, requests_runtime, amqp_url, consumer):
    filed = file(gateway, users)
    testing.publish(amqp_url, paid_event(filed))
    testing.wait_until(lambda: status_of(requests_runtime, filed.request_number) == "in_process",
                       what="the request to be in process")
    event = reversed_event(filed)
    testing.publish(amqp_url, event)
    testing.publish(amqp_url, event)  # redelivered: changes nothing more
    testing.wait_until(lambda: status_of(requests_runtime, filed.request_number) == "awaiting_payment",
                       what="the request to await its payment again")
    testing.wait_until(lambda: _count(requests_runtime, requests_runtime.db.processed_events,
                                      event["event_id"]) == 1, what="the reversal to be handled")
    notes = history_of(requests_runtime, filed.request_number)
    assert notes[-1] == ("awaiting_payment", f"challan {filed.challan.consumer_number}: payment reversed by ABL")
    assert [status for status, _ in notes].count("awaiting_payment") == 2  # filed, then reversed: once


def test_a_reversal_after_the_decision_leaves_the_decision_and_says_so(
        gateway, users, requests_runtime, amqp_url, consumer):
    filed = file(gateway, users)
    with requests_runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(service_requests).where(
            service_requests.c.request_number == filed.request_number).values(status="resolved"))
        uow.commit()
    event = reversed_event(filed)
    testing.publish(amqp_url, event)
    testing.wait_until(lambda: _count(requests_runtime, requests_runtime.db.processed_events,
                                      event["event_id"]) == 1, what="the reversal to be handled")
    assert status_of(requests_runtime, filed.request_number) == "resolved"
    assert history_of(requests_runtime, filed.request_number)[-1][1].endswith("after it was resolved")
    assert "payment_reversed_after_decision" in outbox_types(requests_runtime, filed.request_number)  # treasury told


def test_a_replaced_challan_is_followed_and_its_payment_moves_the_request(
        gateway, users, requests_runtime, amqp_url, consumer):
    from cms.finance.v1.events_pb2 import ChallanSuperseded
    filed = file(gateway, users)
    replaced = envelope_for("finance", ChallanSuperseded(
        old_consumer_number=filed.challan.consumer_number, new_consumer_number="100710000000006666",
        registration_number=filed.registration_number, reference=filed.request_number,
        amount_paisa=filed.challan.amount_paisa, due_date="2026-12-31"))
    testing.publish(amqp_url, replaced)
    testing.publish(amqp_url, replaced)  # redelivered: once
    testing.wait_until(lambda: _count(requests_runtime, requests_runtime.db.processed_events,
                                      replaced["event_id"]) == 1, what="the replacement to be handled")
    paid = envelope_for("finance", ChallanPaid(
        consumer_number="100710000000006666", registration_number=filed.registration_number,
        fee_code="degree_urgent", reference=filed.request_number, amount_paisa=filed.challan.amount_paisa,
        paid_at="2026-11-25T05:15:00Z", bank_mnemonic="ABL", tran_auth_id="X00009"))
    testing.publish(amqp_url, paid)
    testing.wait_until(lambda: status_of(requests_runtime, filed.request_number) == "in_process",
                       what="the new challan's payment to move the request")
    notes = [note for _status, note in history_of(requests_runtime, filed.request_number)]
    assert notes.count(f"challan {filed.challan.consumer_number} replaced by 100710000000006666") == 1


def closed_event(filed, why: str, consumer_number: str = ""):
    from cms.finance.v1.events_pb2 import ChallanClosed
    return envelope_for("finance", ChallanClosed(
        consumer_number=consumer_number or filed.challan.consumer_number, registration_number=filed.registration_number,
        fee_code="degree_urgent", reference=filed.request_number, why=why, note=f"{why} (test)",
        closed_at="2026-12-20T19:00:00Z"))


def test_an_unpaid_request_is_turned_down_when_its_challan_lapses_once(
        gateway, users, requests_runtime, amqp_url, consumer):
    filed = file(gateway, users)
    event = closed_event(filed, "expired")
    testing.publish(amqp_url, event)
    testing.publish(amqp_url, event)  # redelivered: turned down once
    testing.wait_until(lambda: status_of(requests_runtime, filed.request_number) == "rejected",
                       what="the request to be turned down")
    testing.wait_until(lambda: testing.queue_depth(amqp_url, "evt-finance-challan_closed--requests.on_challan_closed")
                       == 0, what="the queue to drain")
    rejected = [n for s, n in history_of(requests_runtime, filed.request_number) if s == "rejected"]
    assert rejected == ["Turned down: the fee was not paid by the challan's last day. File a new request if you "
                        "still need it."]
    assert outbox_types(requests_runtime, filed.request_number).count("request_status_changed") == 1


def test_a_replaced_or_an_old_challan_closing_turns_nothing_down(gateway, users, requests_runtime, amqp_url, consumer):
    filed = file(gateway, users)
    superseded, stale = closed_event(filed, "superseded"), closed_event(filed, "cancelled", "100710000000005555")
    for event in (superseded, stale):
        testing.publish(amqp_url, event)
    testing.wait_until(lambda: all(_count(requests_runtime, requests_runtime.db.processed_events, e["event_id"]) == 1
                                   for e in (superseded, stale)), what="both to be handled")
    assert status_of(requests_runtime, filed.request_number) == "awaiting_payment"
