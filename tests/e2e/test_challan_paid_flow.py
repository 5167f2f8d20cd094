"""The flow that proves the architecture, over HTTP, real PostgreSQL and RabbitMQ:
a student files a fee-bearing request -> requests asks finance for a challan -> the bank
inquires and pays -> finance publishes challan_paid through its outbox -> requests moves
the request to in process -> the dashboard shows it (and tracking opens the degree application)."""
import datetime as dt

from campus import money, testing
from tests.stack import bearer, login

BANK = ("ABL", "Demo@2026")


def today():
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=5)))


def test_fee_bearing_request_reaches_in_process_after_the_bank_pays(http):
    student = bearer(login(http, "22P-123456"))
    catalogue = http.get("/api/v1/requests/catalogue", headers=student).json()
    fee_challans = next(c for c in catalogue["categories"] if c["code"] == "other_fee_challan")
    urgent = next(s for s in fee_challans["subtypes"] if s["code"] == "degree_fee_urgent")
    assert urgent["title"] == "Certificate/Diploma/Degree Fee – Urgent"

    filed = http.post("/api/v1/me/requests", headers=student, json={
        "category": "other_fee_challan", "subtype": "degree_fee_urgent", "details": "Degree needed for a job"})
    assert filed.status_code == 201, filed.text
    request = filed.json()
    assert request["status"] == "awaiting_payment"
    challan = request["challan"]
    assert challan["amount"] == urgent["fee"] == 200000  # B.Ed urgent: Rs 2,000, in paisa
    assert filed.headers["Location"] == f"/api/v1/me/requests/{request['request_number']}"

    inquiry = http.post("/api/v1/bank/bill-inquiry", auth=BANK, json={
        "consumer_number": challan["consumer_number"], "bank_mnemonic": "ABL"}).json()
    assert inquiry["response_Code"] == "00" and inquiry["bill_status"] == "U"
    assert inquiry["amount_within_dueDate"] == money.to_one_link(challan["amount"]) == "+0000000200000"
    assert inquiry["due_date"] == challan["due_date"].replace("-", "")

    payment = http.post("/api/v1/bank/bill-payment", auth=BANK, json={
        "consumer_number": challan["consumer_number"], "bank_mnemonic": "ABL", "tran_auth_id": "E2E001",
        "transaction_amount": inquiry["amount_within_dueDate"], "tran_date": today().strftime("%Y%m%d"),
        "tran_time": today().strftime("%H%M%S")}).json()
    assert payment["response_Code"] == "00"

    url = f"/api/v1/me/requests/{request['request_number']}"
    testing.wait_until(lambda: http.get(url, headers=student).json()["status"] == "in_process", timeout=30,
                       what="the request to be in process")
    history = [h["status"] for h in http.get(url, headers=student).json()["history"]]
    assert history == ["awaiting_payment", "in_process"]

    dashboard = http.get("/api/v1/me/dashboard", headers=student).json()
    shown = {r["request_number"]: r for r in dashboard["tiles"]["requests"]["data"]["requests"]}
    assert shown[request["request_number"]]["status"] == "in_process"
    paid = {c["consumer_number"]: c for c in dashboard["tiles"]["finance"]["data"]["challans"]}
    assert paid[challan["consumer_number"]]["status"] == "paid"

    # The paid degree fee opened a degree application in tracking (requests -> tracking event).
    def application():
        tiles = http.get("/api/v1/me/dashboard", headers=student).json()["tiles"]
        apps = tiles["tracking"]["data"]["applications"] if tiles["tracking"]["status"] == "ok" else []
        return next((a for a in apps if a["request_number"] == request["request_number"]), None)
    opened = testing.wait_until(application, timeout=30, what="the degree application")
    public = http.get(f"/api/v1/public/degree-tracking/{opened['tracking_id']}")
    assert public.status_code == 200
    assert public.json()["stage"] == opened["stage"] and "request_number" not in public.json()


def test_the_bank_sees_a_paid_challan_as_paid(http):
    student = bearer(login(http, "22P-123456"))
    request = http.post("/api/v1/me/requests", headers=student, json={
        "category": "other_fee_challan", "subtype": "course_change_fee", "details": "8604 to 8609"}).json()
    number = request["challan"]["consumer_number"]
    pay = {"consumer_number": number, "bank_mnemonic": "ABL", "tran_auth_id": "E2E002",
           "transaction_amount": money.to_one_link(request["challan"]["amount"]),
           "tran_date": today().strftime("%Y%m%d"), "tran_time": "120000"}
    assert http.post("/api/v1/bank/bill-payment", auth=BANK, json=pay).json()["response_Code"] == "00"
    inquiry = http.post("/api/v1/bank/bill-inquiry", auth=BANK, json={"consumer_number": number,
                                                                       "bank_mnemonic": "ABL"}).json()
    assert (inquiry["bill_status"], inquiry["tran_auth_id"]) == ("P", "E2E002")
    assert inquiry["amount_paid"] == pay["transaction_amount"]


def test_a_bank_reverses_its_payment_and_the_request_awaits_payment_again(http):
    student = bearer(login(http, "22P-123456"))
    request = http.post("/api/v1/me/requests", headers=student, json={
        "category": "other_fee_challan", "subtype": "course_change_fee", "details": "8605 to 8610"}).json()
    number = request["challan"]["consumer_number"]
    hbl = ("HBL", "Demo@2026")
    pay = {"consumer_number": number, "bank_mnemonic": "HBL", "tran_auth_id": "E2E003",
           "transaction_amount": money.to_one_link(request["challan"]["amount"]),
           "tran_date": today().strftime("%Y%m%d"), "tran_time": "120000"}
    assert http.post("/api/v1/bank/bill-payment", auth=hbl, json=pay).json()["response_Code"] == "00"
    url = f"/api/v1/me/requests/{request['request_number']}"
    testing.wait_until(lambda: http.get(url, headers=student).json()["status"] == "in_process", timeout=30,
                       what="the request to be in process")

    reversal = {"consumer_number": number, "bank_mnemonic": "HBL", "tran_auth_id": "E2E003",
                "tran_date": today().strftime("%Y%m%d"), "tran_time": "121500"}
    foreign = http.post("/api/v1/bank/bill-reversal", auth=BANK, json={**reversal, "bank_mnemonic": "ABL"})
    assert foreign.json()["response_Code"] == "01"  # ABL did not take this payment
    for _ in range(2):  # the first reverses it, the replay gets the same answer
        answer = http.post("/api/v1/bank/bill-reversal", auth=hbl, json=reversal)
        assert answer.status_code == 200 and answer.json()["response_Code"] == "00", answer.text
    bad = http.post("/api/v1/bank/bill-reversal", auth=hbl, json={**reversal, "tran_time": "256000"})
    assert bad.status_code == 400 and bad.json()["response_Code"] == "04"

    testing.wait_until(lambda: http.get(url, headers=student).json()["status"] == "awaiting_payment", timeout=30,
                       what="the request to await its payment again")
    assert [h["status"] for h in http.get(url, headers=student).json()["history"]] == [
        "awaiting_payment", "in_process", "awaiting_payment"]
    finance = http.get("/api/v1/me/finance", headers=student).json()["data"]
    mine = [e for e in finance["ledger"] if e["consumer_number"] == number]
    assert [(e["kind"], e["debit"], e["credit"]) for e in mine] == [
        ("charge", 50000, 0), ("payment", 0, 50000), ("payment_reversed", 50000, 0)]
    assert finance["ledger"][-1]["balance"] == finance["balance"]
    assert set(finance["ledger"][0]) >= {"posted_at", "description", "debit", "credit", "balance"}
