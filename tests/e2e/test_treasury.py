"""Finance end to end over HTTP, real PostgreSQL and RabbitMQ: the printed challan, a bank's
settlement reconciled by treasury, money the bank never told us of posted to its challan
(and the request it paid for moving on), a challan cancelled."""
import datetime as dt
import io

import pypdf

from campus import money, testing
from tests.stack import bearer, login

ABL, HBL = ("ABL", "Demo@2026"), ("HBL", "Demo@2026")


def today():
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=5)))


def file_fee_request(http, student, details):
    filed = http.post("/api/v1/me/requests", headers=student, json={
        "category": "other_fee_challan", "subtype": "course_change_fee", "details": details})
    assert filed.status_code == 201, filed.text
    return filed.json()


def test_her_challan_prints_as_three_copies_and_nobody_else_prints_it(http):
    student = bearer(login(http, "22P-123456"))
    number = file_fee_request(http, student, "8606 to 8611")["challan"]["consumer_number"]
    pdf = http.get(f"/api/v1/me/challans/{number}.pdf", headers=student)
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    for copy in ("Bank Copy", "University Copy", "Student Copy", number):
        assert copy in text
    verified = http.get(f"/api/v1/public/verify/{pdf.headers['X-Document-Id']}").json()
    assert verified["status"] == "genuine"
    classmate = bearer(login(http, "23L-204518"))
    assert http.get(f"/api/v1/me/challans/{number}.pdf", headers=classmate).status_code == 404
    assert http.get("/api/v1/public/banks").json()["banks"] == [
        {"mnemonic": "ABL", "name": "Allied Bank Limited"}, {"mnemonic": "HBL", "name": "Habib Bank Limited"}]


def test_treasury_reconciles_a_settlement_and_posts_the_money_the_bank_never_reported(http):
    student = bearer(login(http, "22P-123456"))
    treasury = bearer(login(http, "treasury.officer"))
    reported = file_fee_request(http, student, "8607 to 8612")
    unreported = file_fee_request(http, student, "8608 to 8613")
    day = today().strftime("%Y%m%d")
    amount = reported["challan"]["amount"]
    assert http.post("/api/v1/bank/bill-payment", auth=HBL, json={
        "consumer_number": reported["challan"]["consumer_number"], "bank_mnemonic": "HBL", "tran_auth_id": "SE2E01",
        "transaction_amount": money.to_one_link(amount), "tran_date": day, "tran_time": "093000"}
    ).json()["response_Code"] == "00"
    rows = [f"{day},SE2E01,{reported['challan']['consumer_number']},{amount / 100:.2f}",
            f"{day},SE2E02,{unreported['challan']['consumer_number']},{amount / 100:.2f}"]
    content = ("tran_date,tran_auth_id,consumer_number,amount\n" + "\n".join(rows) + "\n").encode()
    answer = http.post("/api/v1/staff/treasury/settlements", headers=treasury,
                       data={"bank_mnemonic": "HBL"}, files={"file": ("hbl-settlement.csv", content, "text/csv")})
    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert report["matched"] == 1 and report["mismatched"] == []
    assert [x["tran_auth_id"] for x in report["unrecorded"]] == ["SE2E02"]
    assert {"matched", "unrecorded", "missing", "mismatched"} <= set(report)
    csv = http.get(f"/api/v1/staff/treasury/settlements/{report['settlement_id']}/report.csv", headers=treasury)
    assert csv.status_code == 200 and "unrecorded" in csv.text and "SE2E02" in csv.text

    queue = http.get("/api/v1/staff/treasury/unmatched", headers=treasury).json()["payments"]
    waiting = next(p for p in queue if p["tran_auth_id"] == "SE2E02")
    assert waiting["challan_status"] == "unpaid"
    posted = http.post(f"/api/v1/staff/treasury/unmatched/{waiting['id']}", headers=treasury,
                       json={"action": "post", "reason": "HBL settlement, paid at the branch"})
    assert posted.status_code == 200 and posted.json()["status"] == "posted", posted.text
    url = f"/api/v1/me/requests/{unreported['request_number']}"
    testing.wait_until(lambda: http.get(url, headers=student).json()["status"] == "in_process", timeout=30,
                       what="the request paid through the settlement to be in process")
    assert http.get("/api/v1/staff/treasury/unmatched", headers=student).status_code == 403

    figures = http.get("/api/v1/staff/treasury/figures?days=7", headers=treasury).json()
    day = today().date().isoformat()
    today_hbl = [c for c in figures["collections"] if c["bank_mnemonic"] == "HBL" and c["day"] == day]
    assert today_hbl and today_hbl[0]["amount"] >= amount
    assert any(d["program_code"] == "BED15" for d in figures["outstanding"])
    assert http.get("/api/v1/staff/treasury/figures?days=400", headers=treasury).status_code == 400


def test_a_settlement_with_bad_rows_is_refused_whole_naming_each(http):
    treasury = bearer(login(http, "treasury.officer"))
    content = b"tran_date,tran_auth_id,consumer_number,amount\n20261301,SB0001,1007,20\n20261206,SB0002,12,2,000\n"
    answer = http.post("/api/v1/staff/treasury/settlements", headers=treasury, data={"bank_mnemonic": "ABL"},
                       files={"file": ("bad.csv", content, "text/csv")})
    assert answer.status_code == 400
    errors = answer.json()["errors"]
    assert {"field": "tran_date", "message": "line 2: not a date (YYYYMMDD or YYYY-MM-DD)"} in errors
    assert any(e["field"] == "file" and e["message"].startswith("line 3: more values") for e in errors)
    not_multipart = http.post("/api/v1/staff/treasury/settlements", headers=treasury, json={"bank_mnemonic": "ABL"})
    assert not_multipart.status_code == 400 and not_multipart.json()["errors"][0]["field"] == "file"


def test_treasury_cancels_an_unpaid_challan_and_the_bank_sees_it_blocked(http):
    student = bearer(login(http, "22P-123456"))
    treasury = bearer(login(http, "treasury.officer"))
    number = file_fee_request(http, student, "8609 to 8614")["challan"]["consumer_number"]
    cancelled = http.post(f"/api/v1/staff/treasury/challans/{number}/cancel", headers=treasury,
                          json={"reason": "issued twice by mistake"})
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "blocked", cancelled.text
    inquiry = http.post("/api/v1/bank/bill-inquiry", auth=ABL, json={"consumer_number": number,
                                                                      "bank_mnemonic": "ABL"}).json()
    assert inquiry["bill_status"] == "B"
    account = http.get("/api/v1/staff/treasury/students/22P-123456/account", headers=treasury).json()
    cancellation = [e for e in account["ledger"] if e["consumer_number"] == number][-1]
    assert cancellation["kind"] == "cancellation"
    assert cancellation["posted_by"].startswith("staff:treasury.officer@treasury")


def test_treasury_issues_a_challan_by_hand_once_per_key(http):
    treasury = bearer(login(http, "treasury.officer"))
    body = {"registration_number": "22P-123456", "fee_code": "degree_duplicate", "level": "bed",
            "description": "Duplicate degree (affidavit received)"}
    key = {"Idempotency-Key": "hand-issued-e2e-1"}
    first = http.post("/api/v1/staff/treasury/challans", headers={**treasury, **key}, json=body)
    again = http.post("/api/v1/staff/treasury/challans", headers={**treasury, **key}, json=body)
    assert first.status_code == again.status_code == 201, first.text
    assert first.json()["consumer_number"] == again.json()["consumer_number"]
    assert first.json()["amount"] == 200000 and first.json()["status"] == "unpaid"
    assert first.headers["Location"].endswith(first.json()["consumer_number"])
    unknown = http.post("/api/v1/staff/treasury/challans", headers=treasury, json={**body, "fee_code": "lunch_fee"})
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "fee_code"
