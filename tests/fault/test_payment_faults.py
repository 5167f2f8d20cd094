"""Money moves exactly once, whatever the bank, the broker or the consumer do."""
import json
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from campus import testing
from tests.fault.helpers import BANK, file_fee_request, payment, query, rabbitmq, status_of, tran_auth_id


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
