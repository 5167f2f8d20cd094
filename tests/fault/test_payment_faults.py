"""Money moves exactly once, whatever the bank, the broker or the consumer do."""
import datetime as dt
import json
import random
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx

from campus import testing
from tests.fault.helpers import (
    BANK,
    file_fee_request,
    file_fee_requests,
    history_of,
    listening,
    outbox_events,
    pay_all,
    payment,
    query,
    rabbitmq,
    status_of,
    tran_auth_id,
)


def test_the_same_payment_100_times_some_at_once_is_one_payment_and_one_event(http, stack):
    student, request = file_fee_request(http)
    body = payment(request, tran_auth_id("RP"))

    def pay(_):
        with httpx.Client(base_url=stack.gateway_url(), timeout=30) as client:
            response = client.post("/api/v1/bank/bill-payment", auth=BANK, json=body)
            return response.status_code, response.json()

    answers = [pay(0) for _ in range(20)]                        # one after another
    with ThreadPoolExecutor(max_workers=16) as pool:              # and 80 at once
        answers += list(pool.map(pay, range(80)))
    assert len(answers) == 100
    assert {(status, a["response_Code"], a["identification_parameter"]) for status, a in answers} == {
        (200, "00", answers[0][1]["identification_parameter"])}

    consumer = request["challan"]["consumer_number"]
    payments = query(stack, "finance", "SELECT count(*) FROM bank_payments WHERE consumer_number = :c", c=consumer)
    assert payments[0][0] == 1
    events = [json.loads(e) for (e,) in query(stack, "finance",
                                              "SELECT envelope FROM outbox WHERE event_type = 'challan_paid'")]
    assert len([e for e in events if e["data"]["consumer_number"] == consumer]) == 1
    testing.wait_until(lambda: status_of(http, student, request) == "in_process", timeout=30,
                       what="the request to be in process")
    history = http.get(f"/api/v1/me/requests/{request['request_number']}", headers=student).json()["history"]
    assert [h["status"] for h in history] == ["awaiting_payment", "in_process"]


def test_the_same_tran_auth_id_with_another_amount_is_refused(http):
    _, request = file_fee_request(http)
    key = tran_auth_id("RA")
    first = http.post("/api/v1/bank/bill-payment", auth=BANK, json=payment(request, key)).json()
    assert first["response_Code"] == "00"
    other = http.post("/api/v1/bank/bill-payment", auth=BANK,
                      json=payment(request, key, amount=request["challan"]["amount"] + 1000)).json()
    assert other["response_Code"] == "03"
    again = http.post("/api/v1/bank/bill-payment", auth=BANK, json=payment(request, key)).json()
    assert again == first


def test_a_payment_recorded_while_the_broker_is_down_still_reaches_the_request(http, stack):
    student, request = file_fee_request(http)
    rabbitmq("stop_app")
    try:
        answer = http.post("/api/v1/bank/bill-payment", auth=BANK, json=payment(request, tran_auth_id("BD")))
        assert answer.status_code == 200 and answer.json()["response_Code"] == "00"
        time.sleep(2)  # the relay tries, fails and backs off: the event waits in the outbox
        pending = query(stack, "finance", "SELECT count(*) FROM outbox WHERE published_at IS NULL "
                                          "AND event_type = 'challan_paid'")[0][0]
        assert pending >= 1
        assert status_of(http, student, request) == "awaiting_payment"
    finally:
        rabbitmq("start_app")
    testing.wait_until(lambda: status_of(http, student, request) == "in_process", timeout=90,
                       what="the request to be in process once the broker is back")


def test_a_consumer_that_dies_after_its_effect_before_the_ack_causes_no_second_effect(http, stack):
    stack.kill("requests-consumer")
    doomed = testing.Process("requests-consumer-failpoint", ["-m", "services.requests", "consume"],
                             {**stack.env, "CAMPUS_FAILPOINTS": "consumer.after_commit"})
    try:
        testing.consumer_ready(doomed, stack.env["AMQP_URL"], "evt-finance-challan_paid--requests.on_challan_paid")
        student, request = file_fee_request(http)
        answer = http.post("/api/v1/bank/bill-payment", auth=BANK, json=payment(request, tran_auth_id("CD")))
        assert answer.json()["response_Code"] == "00"
        testing.wait_until(lambda: not doomed.alive(), timeout=30, what="the consumer to die at the failpoint")
        assert doomed.popen.returncode == 75, doomed.output()[-2000:]
        assert status_of(http, student, request) == "in_process"  # the effect was committed
    finally:
        doomed.stop()
        stack.revive("requests-consumer")
    # The unacknowledged message comes back to the revived consumer, which must skip it.
    queue = "evt-finance-challan_paid--requests.on_challan_paid"
    testing.wait_until(lambda: testing.queue_depth(stack.env["AMQP_URL"], queue) == 0, timeout=60,
                       what="the redelivered message to be consumed")
    history = http.get(f"/api/v1/me/requests/{request['request_number']}", headers=student).json()["history"]
    assert [h["status"] for h in history] == ["awaiting_payment", "in_process"]
    changes = query(stack, "requests", "SELECT count(*) FROM outbox WHERE event_type = 'request_status_changed' "
                                       "AND envelope LIKE :n", n=f"%{request['request_number']}%")[0][0]
    assert changes == 1


#: Challans paid at once in the load test, and the student who files them all (a demo
#: student no other fault test signs in as: her dashboard is not the one the others read).
AT_ONCE = 1000
MANY_REQUESTS_STUDENT = "23L-204518"


def test_1000_payments_at_once_over_1000_challans_are_each_recorded_once_each_event_once(stack):
    _, requests = file_fee_requests(stack, AT_ONCE, username=MANY_REQUESTS_STUDENT, threads=16)
    consumers = [r["challan"]["consumer_number"] for r in requests]
    numbers = [r["request_number"] for r in requests]
    assert len(set(consumers)) == len(set(numbers)) == AT_ONCE

    bodies = [payment(r, tran_auth_id("MP")) for r in requests]
    sent = bodies + bodies[::10]                                   # a tenth of them twice: the bank's replays
    random.Random(AT_ONCE).shuffle(sent)
    answers = pay_all(stack, sent, threads=32)
    refused = [(body["consumer_number"], status, a) for body, (status, a) in zip(sent, answers, strict=True)
               if status != 200 or a.get("response_Code") != "00"]
    assert not refused, f"{len(refused)} refused, first: {refused[:3]}"
    identified: dict[str, set[str]] = {}
    for body, (_, answer) in zip(sent, answers, strict=True):
        identified.setdefault(body["tran_auth_id"], set()).add(answer["identification_parameter"])
    assert all(len(ids) == 1 for ids in identified.values())      # a replay gets the first answer

    recorded = dict(query(stack, "finance", "SELECT consumer_number, count(*) FROM bank_payments "
                                            "WHERE consumer_number = ANY(:c) GROUP BY consumer_number", c=consumers))
    assert recorded == dict.fromkeys(consumers, 1)
    events = Counter(e["data"]["consumer_number"] for e, _ in outbox_events(stack, "finance", "challan_paid"))
    assert {c: events[c] for c in consumers} == dict.fromkeys(consumers, 1)

    def in_process() -> bool:
        return query(stack, "requests", "SELECT count(*) FROM service_requests WHERE request_number = ANY(:n) "
                                        "AND status = 'in_process'", n=numbers)[0][0] == AT_ONCE
    testing.wait_until(in_process, timeout=120, interval=0.5, what=f"all {AT_ONCE} requests to be in process")
    moved = dict(query(stack, "requests", "SELECT r.request_number, count(*) FROM status_history h "
                                          "JOIN service_requests r ON r.id = h.request_id "
                                          "WHERE r.request_number = ANY(:n) AND h.status = 'in_process' "
                                          "GROUP BY r.request_number", n=numbers))
    assert moved == dict.fromkeys(numbers, 1)


def test_a_payment_made_while_the_finance_relay_is_dead_is_published_once_when_it_is_back(http, stack):
    student, request = file_fee_request(http)
    consumer = request["challan"]["consumer_number"]
    with listening(stack, "finance", "challan_paid") as arrived:
        stack.kill("finance-relay")                                # SIGKILL, wherever it was in its loop
        try:
            answer = http.post("/api/v1/bank/bill-payment", auth=BANK, json=payment(request, tran_auth_id("RK")))
            assert answer.status_code == 200 and answer.json()["response_Code"] == "00", answer.text
            ledger = query(stack, "finance", "SELECT kind FROM ledger_entries WHERE consumer_number = :c "
                                             "ORDER BY id", c=consumer)
            assert [kind for (kind,) in ledger] == ["charge", "payment"]
            time.sleep(1)  # five of a live relay's polls: nothing may publish it now
            waiting = outbox_events(stack, "finance", "challan_paid", consumer_number=consumer)
            assert [published for _, published in waiting] == [False]
            assert status_of(http, student, request) == "awaiting_payment"
            assert not [e for e in arrived() if e["data"]["consumer_number"] == consumer]
        finally:
            stack.revive("finance-relay")
        testing.wait_until(lambda: status_of(http, student, request) == "in_process", timeout=60,
                           what="the request to be in process once the relay is back")
        testing.wait_until(lambda: outbox_events(stack, "finance", "challan_paid", consumer_number=consumer)[0][1],
                           timeout=30, what="the event to be marked published")
        published = [e["event_id"] for e in arrived() if e["data"]["consumer_number"] == consumer]
    assert published == [waiting[0][0]["event_id"]]
    assert history_of(stack, request["request_number"]) == ["awaiting_payment", "in_process"]


def test_a_reversal_while_the_broker_is_down_sends_the_request_back_to_awaiting_payment_once(http, stack):
    student, request = file_fee_request(http)
    consumer, key = request["challan"]["consumer_number"], tran_auth_id("RV")
    paid = http.post("/api/v1/bank/bill-payment", auth=BANK, json=payment(request, key))
    assert paid.json()["response_Code"] == "00", paid.text
    testing.wait_until(lambda: status_of(http, student, request) == "in_process", timeout=30,
                       what="the request to be in process")
    now = dt.datetime.now(dt.timezone(dt.timedelta(hours=5)))
    reversal = {"consumer_number": consumer, "bank_mnemonic": "ABL", "tran_auth_id": key,
                "tran_date": now.strftime("%Y%m%d"), "tran_time": now.strftime("%H%M%S")}
    rabbitmq("stop_app")
    try:
        for _ in range(2):  # the reversal, and the bank's replay of it
            answer = http.post("/api/v1/bank/bill-reversal", auth=BANK, json=reversal)
            assert answer.status_code == 200 and answer.json()["response_Code"] == "00", answer.text
        time.sleep(2)  # the relay tries, fails and backs off: the event waits in the outbox
        waiting = outbox_events(stack, "finance", "challan_payment_reversed", consumer_number=consumer)
        assert [published for _, published in waiting] == [False]
        assert status_of(http, student, request) == "in_process"
    finally:
        rabbitmq("start_app")
    testing.wait_until(lambda: status_of(http, student, request) == "awaiting_payment", timeout=90,
                       what="the request to await its payment again once the broker is back")
    testing.wait_until(lambda: outbox_events(stack, "finance", "challan_payment_reversed",
                                             consumer_number=consumer)[0][1],
                       timeout=30, what="the reversal's event to be marked published")
    queue = "evt-finance-challan_payment_reversed--requests.on_challan_payment_reversed"
    testing.wait_until(lambda: testing.queue_depth(stack.env["AMQP_URL"], queue) == 0, timeout=30,
                       what="every reversal event to be consumed")
    assert history_of(stack, request["request_number"]) == ["awaiting_payment", "in_process", "awaiting_payment"]
    moved_back = outbox_events(stack, "requests", "request_status_changed",
                               request_number=request["request_number"], to_status="awaiting_payment")
    assert len(moved_back) == 1
