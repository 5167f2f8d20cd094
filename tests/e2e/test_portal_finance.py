"""Finance in the portal, in a real browser against the whole stack.

The student: from the dashboard to her financial account (every ledger entry with the
balance after it, her challans), a challan with how to pay it at the collecting banks and
its three-copy PDF; in Urdu on a phone. Treasury: from the console to a student's ledger
(who posted each entry), a challan refused a wrong counter payment next to the field then
paid, another cancelled; a bank's settlement file refused line by line, then reconciled, and
the money the bank never reported posted from the unmatched queue; the report on a phone in
Urdu; accessibility (axe-core) throughout. Other departments get 403."""
import datetime as dt

from playwright.sync_api import expect

from campus import testing
from services import demo
from tests import browser
from tests.stack import bearer, login

AYESHA = demo.STUDENT["registration_number"]
TREASURY = "treasury.officer"


def no_serious_violations(page, what: str) -> None:
    if browser.axe_installed():
        assert browser.serious_violations(page) == [], what


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def sign_out(page) -> None:
    page.click(".logout button[type=submit]")
    expect(page.locator(".logout")).to_have_count(0)


def file_fee_request(http, student, details: str) -> dict:
    filed = http.post("/api/v1/me/requests", headers=student, json={
        "category": "other_fee_challan", "subtype": "course_change_fee", "details": details})
    assert filed.status_code == 201, filed.text
    return filed.json()


def today() -> dt.datetime:
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=5)))


def test_she_reads_her_account_and_prints_a_challan(page, base_url, http):
    student = bearer(login(http, AYESHA))
    challan = file_fee_request(http, student, "8610 to 8615 (portal finance)")["challan"]
    number = challan["consumer_number"]

    browser.sign_in(page, base_url, AYESHA)
    page.click("[data-finance-link]")
    expect(page.locator("h1")).to_have_text("My financial account")
    card = page.locator(f'[data-challans] [data-challan="{number}"]')
    expect(card).to_have_attribute("data-status", "unpaid")
    charge = page.locator(f'[data-ledger] tr[data-consumer-number="{number}"]')
    expect(charge.first).to_have_attribute("data-entry", "charge")
    expect(charge.first.locator("[data-debit]")).to_have_attribute("data-debit", str(challan["amount"]))
    last_balance = page.locator("[data-ledger] tbody tr").last.locator("[data-balance]")
    expect(last_balance).to_have_attribute("data-balance", page.locator("[data-balance]").first.get_attribute(
        "data-balance"))
    no_serious_violations(page, "her financial account")

    card.locator("a").first.click()
    expect(page.locator("[data-consumer-number]")).to_have_text(number)
    steps = page.locator(".steps")
    expect(steps).to_contain_text("Allied Bank Limited, Habib Bank Limited")
    with page.expect_download() as download:
        steps.locator("[data-pdf]").click()
    assert download.value.suggested_filename == f"challan-{number}.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    no_serious_violations(page, "a challan")

    # Someone else's challan does not exist for her.
    classmate = bearer(login(http, demo.CLASSMATE["registration_number"]))
    theirs = file_fee_request(http, classmate, "Bilal's course change (portal finance)")["challan"]["consumer_number"]
    for path in (f"/student/challans/{theirs}", f"/student/challans/{theirs}.pdf"):
        assert page.goto(f"{base_url}{path}").status == 404, path

    # In Urdu, on a phone: the account and its history fit.
    page.set_viewport_size(browser.PHONE)
    page.goto(f"{base_url}/student/finance?lang=ur")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("[data-ledger]")).to_be_visible()
    assert overflow(page) <= 0, f"the account is {overflow(page)}px wider than a 360px phone"
    no_serious_violations(page, "her account in Urdu on a phone")
    page.goto(f"{base_url}/student/finance?lang=en")


def test_treasury_pays_cancels_reconciles_and_posts(page, base_url, http):
    student = bearer(login(http, AYESHA))
    to_pay = file_fee_request(http, student, "8611 to 8616 (treasury counter)")["challan"]
    to_cancel = file_fee_request(http, student, "8612 to 8617 (treasury cancels)")["challan"]
    unreported = file_fee_request(http, student, "8613 to 8618 (bank never reported)")["challan"]
    file_fee_request(http, student, "8616 to 8621 (left unpaid: a due of BED15)")
    to_replace = file_fee_request(http, student, "8617 to 8622 (challan lost)")["challan"]

    browser.sign_in(page, base_url, TREASURY)
    page.click("[data-tools] a[href='/staff/treasury']")
    page.fill("#registration_number", AYESHA)
    page.locator("[data-find-account] button").click()
    expect(page.locator("h1")).to_have_text(f"Account of {AYESHA}")
    expect(page.locator(f'[data-ledger] tr[data-consumer-number="{to_pay["consumer_number"]}"] [data-posted-by]')
           ).to_contain_text("requests")
    no_serious_violations(page, "a student's account")

    # A challan by hand, from her account.
    issue = page.locator("[data-issue]")
    issue.locator("#fee_code").select_option("degree_duplicate")
    issue.locator("#level").select_option("bed")
    issue.locator("#description").fill("Duplicate degree (portal)")
    issue.locator("button").click()
    expect(page.locator("[data-done]")).to_be_visible()
    expect(page.locator("[data-challan-status]")).to_have_attribute("data-challan-status", "unpaid")
    no_serious_violations(page, "a challan issued by hand")
    page.goto(f"{base_url}/staff/treasury/students/{AYESHA}")

    # A counter payment: the wrong amount is refused next to the field, the right one taken.
    page.locator(f'[data-challan="{to_pay["consumer_number"]}"] a').click()
    form = page.locator("[data-payment]")
    form.locator("#amount").fill("1")
    form.locator("#reason").fill("Paid at the treasury counter, receipt 77")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.locator("button").click()
    assert posted.value.status == 400
    expect(page.locator("#amount-error")).to_be_visible()
    no_serious_violations(page, "a refused counter payment")
    page.locator("[data-payment] #amount").fill(f"{to_pay['amount'] / 100:.2f}")
    page.locator("[data-payment] button").click()
    expect(page.locator("[data-done]")).to_be_visible()
    expect(page.locator("[data-challan-status]")).to_have_attribute("data-challan-status", "paid")

    # A challan replaced by a new one: the old one names it, and stops asking.
    page.goto(f"{base_url}/staff/treasury/challans/{to_replace['consumer_number']}")
    page.locator("[data-replace] input[name=replace-reason]").fill("Lost by the student; a fresh due date (portal)")
    page.locator("[data-replace] button").click()
    expect(page.locator("[data-done]")).to_be_visible()
    expect(page.locator("h1")).not_to_contain_text(to_replace["consumer_number"])
    page.goto(f"{base_url}/staff/treasury/challans/{to_replace['consumer_number']}")
    expect(page.locator("[data-superseded-by]")).to_be_visible()
    no_serious_violations(page, "a replaced challan")

    # A cancellation needs its reason.
    page.goto(f"{base_url}/staff/treasury/challans/{to_cancel['consumer_number']}")
    page.locator("[data-cancel] button").click()
    expect(page.locator("[data-cancel] .error")).to_be_visible()
    page.locator("[data-cancel] input[name=reason]").fill("Issued twice by mistake (portal)")
    page.locator("[data-cancel] button").click()
    expect(page.locator("[data-challan-status]")).to_have_attribute("data-challan-status", "blocked")

    # A settlement file: a bad line refuses it whole, named; the right file is reconciled.
    page.goto(f"{base_url}/staff/treasury/settlements")
    day = today().strftime("%Y%m%d")
    line = f"{day},PF0001,{unreported['consumer_number']},{unreported['amount'] / 100:.2f}"
    page.select_option("#bank_mnemonic", "ABL")
    page.set_input_files("#file", files=[{"name": "abl.csv", "mimeType": "text/csv", "buffer": (
        f"tran_date,tran_auth_id,consumer_number,amount\n{line}\n2026-13-01,PF0002,1007,10.00\n").encode()}])
    page.locator("[data-settlement-upload] button").click()
    expect(page.locator('[data-refused-lines] tr[data-line="3"]')).to_have_attribute("data-field", "tran_date")
    expect(page.locator("#file-error")).to_be_visible()
    no_serious_violations(page, "a refused settlement file")
    page.select_option("#bank_mnemonic", "ABL")
    page.set_input_files("#file", files=[{"name": "abl.csv", "mimeType": "text/csv", "buffer": (
        f"tran_date,tran_auth_id,consumer_number,amount\n{line}\n").encode()}])
    page.locator("[data-settlement-upload] button").click()
    expect(page.locator("h1")).to_have_text("Settlement report")
    expect(page.locator('[data-finding="unrecorded"] tr[data-tran-auth-id="PF0001"]')).to_be_visible()
    no_serious_violations(page, "a settlement report")
    page.set_viewport_size(browser.PHONE)
    page.goto(page.url + "?lang=ur")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert overflow(page) <= 0, f"the report is {overflow(page)}px wider than a 360px phone"
    page.set_viewport_size({"width": 1280, "height": 900})

    # The unmatched queue: posted to its challan; her request moves on by itself.
    page.goto(f"{base_url}/staff/treasury/unmatched?lang=en")
    waiting = page.locator('[data-unmatched] [data-payment="PF0001"]')
    waiting.locator('input[value="post"]').check()
    waiting.locator("input[name$=reason]").fill("ABL settlement of today (portal)")
    waiting.locator("button").click()
    expect(page.locator("[data-done]")).to_be_visible()
    expect(page.locator('[data-unmatched] [data-payment="PF0001"]')).to_have_count(0)
    no_serious_violations(page, "the unmatched queue")
    testing.wait_until(lambda: http.get("/api/v1/me/finance", headers=student).json()["data"]["challans"] and any(
        c["consumer_number"] == unreported["consumer_number"] and c["status"] == "paid"
        for c in http.get("/api/v1/me/finance", headers=student).json()["data"]["challans"]),
        timeout=30, what="the posted payment on her account")

    # The figures: today's collections by bank (the counter's TRSY among them) and the dues by programme.
    page.goto(f"{base_url}/staff/treasury/figures?days=7")
    expect(page.locator('[data-chart="collections"] svg')).to_be_visible()
    expect(page.locator('[data-totals] [data-bank="ABL"]')).to_be_visible()
    expect(page.locator('[data-chart="dues"] svg')).to_be_visible()
    expect(page.locator('[data-dues] tr[data-program="BED15"]')).to_be_visible()
    no_serious_violations(page, "the figures")
    page.set_viewport_size(browser.PHONE)
    page.goto(f"{base_url}/staff/treasury/figures?days=30&lang=ur")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert overflow(page) <= 0, f"the figures are {overflow(page)}px wider than a 360px phone"
    no_serious_violations(page, "the figures in Urdu on a phone")


def test_treasury_tools_are_treasury_own(page, base_url):
    browser.sign_in(page, base_url, "student.services")
    for path in ("/staff/treasury", "/staff/treasury/settlements", "/staff/treasury/unmatched"):
        assert page.goto(f"{base_url}{path}").status == 403, path


def test_treasury_decides_a_refund_and_her_request_closes(page, base_url, http):
    student = bearer(login(http, AYESHA))
    paid = file_fee_request(http, student, "8614 to 8619 (paid twice by mistake)")
    challan = paid["challan"]
    assert http.post("/api/v1/bank/bill-payment", auth=("HBL", "Demo@2026"), json={
        "consumer_number": challan["consumer_number"], "bank_mnemonic": "HBL", "tran_auth_id": "PFR001",
        "transaction_amount": f"+{challan['amount']:013d}", "tran_date": today().strftime("%Y%m%d"),
        "tran_time": "110000"}).json()["response_Code"] == "00"
    filed = http.post("/api/v1/me/requests", headers=student, json={
        "category": "fee_refund", "subtype": "refund_excess_payment",
        "details": f"I paid challan {challan['consumer_number']} and my course change was not needed (portal)"})
    assert filed.status_code == 201, filed.text
    number = filed.json()["request_number"]

    browser.sign_in(page, base_url, TREASURY)
    page.click("[data-tools] a[href='/staff/treasury/refunds']")
    expect(page.locator("h1")).to_have_text("Refunds of fee")

    def listed():
        page.goto(f"{base_url}/staff/treasury/refunds")
        return page.locator(f'[data-case="{number}"]').count() == 1
    testing.wait_until(listed, timeout=30, interval=0.5, what="finance to open the refund case")
    case = page.locator(f'[data-case="{number}"]')
    expect(case.locator("[data-details]")).to_contain_text(challan["consumer_number"])
    no_serious_violations(page, "the refund cases")

    prefix = f"#case-{number.lower()}"
    case.locator('input[value="refuse"]').check()
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        case.locator("button[type=submit]").click()
    assert posted.value.status == 400
    expect(page.locator(f"{prefix}-note-error")).to_be_visible()
    no_serious_violations(page, "a refusal without its note")
    case = page.locator(f'[data-case="{number}"]')
    case.locator('input[value="approve"]').check()
    page.select_option(f"{prefix}-consumer_number", challan["consumer_number"])
    page.select_option(f"{prefix}-ground", "excess_payment")
    case.locator("button[type=submit]").click()
    expect(page.locator('[data-done="approved"]')).to_be_visible()

    url = f"/api/v1/me/requests/{number}"
    testing.wait_until(lambda: http.get(url, headers=student).json()["status"] == "resolved", timeout=30,
                       what="the refund request to be resolved")
    assert "Refund of Rs" in http.get(url, headers=student).json()["history"][-1]["note"]
    ledger = http.get("/api/v1/me/finance", headers=student).json()["data"]["ledger"]
    mine = [e["kind"] for e in ledger if e["consumer_number"] == challan["consumer_number"]]
    assert mine[-2:] == ["refund_granted", "refund_paid"]


def test_student_services_award_financial_aid_and_her_request_closes(page, base_url, http):
    student = bearer(login(http, AYESHA))
    filed = http.post("/api/v1/me/requests", headers=student, json={
        "category": "financial_aid", "subtype": "need_based_financial_aid",
        "details": "My father retired this year; I support two sisters (portal)"})
    assert filed.status_code == 201, filed.text
    number = filed.json()["request_number"]

    browser.sign_in(page, base_url, "student.services")
    page.click("[data-tools] a[href='/staff/financial-aid']")
    expect(page.locator("h1")).to_have_text("Financial aid and scholarships")

    def listed():
        page.goto(f"{base_url}/staff/financial-aid")
        return page.locator(f'[data-case="{number}"]').count() == 1
    testing.wait_until(listed, timeout=30, interval=0.5, what="finance to open the aid case")
    case = page.locator(f'[data-case="{number}"]')
    expect(case.locator("[data-latest-fee]")).to_have_attribute("data-latest-fee", "paid")
    no_serious_violations(page, "the aid cases")

    prefix = f"#aid-{number.lower()}"
    case.locator('input[value="award"]').check()
    page.fill(f"{prefix}-amount", "abc")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        case.locator("button[type=submit]").click()
    assert posted.value.status == 400
    expect(page.locator(f"{prefix}-amount-error")).to_be_visible()
    page.fill(f"{prefix}-amount", "1000")
    page.locator(f'[data-case="{number}"] button[type=submit]').click()
    expect(page.locator('[data-done="awarded"]')).to_be_visible()

    url = f"/api/v1/me/requests/{number}"
    testing.wait_until(lambda: http.get(url, headers=student).json()["status"] == "resolved", timeout=30,
                       what="the aid request to be resolved")
    assert "Financial aid of Rs 1,000.00 awarded" in http.get(url, headers=student).json()["history"][-1]["note"]
    kinds = [e["kind"] for e in http.get("/api/v1/me/finance", headers=student).json()["data"]["ledger"]]
    assert kinds[-2:] == ["concession", "refund_paid"]

    page.set_viewport_size(browser.PHONE)
    page.goto(f"{base_url}/staff/financial-aid?status=awarded&lang=ur")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert overflow(page) <= 0, f"the aid cases are {overflow(page)}px wider than a 360px phone"


def test_treasury_announces_a_fee_from_a_later_day(page, base_url, http):
    treasury = bearer(login(http, TREASURY))
    # a week ahead, not tomorrow: a run that crosses midnight in Karachi must not find the fee in force
    later = (today() + dt.timedelta(days=7)).date().isoformat()
    browser.sign_in(page, base_url, TREASURY)
    page.click("[data-tools] a[href='/staff/treasury/fees']")
    expect(page.locator("h1")).to_have_text("Fee schedule")
    form = page.locator("[data-set-fee]")
    form.locator("#fee_code").select_option("document_verification")
    form.locator("#level").select_option("*")
    form.locator("#title").fill("Verification of Transcript/Certificate/Diploma/Degree Fee")
    form.locator("#amount").fill("1200")
    form.locator("#applies_from").fill("2020-01-02")  # the past stays as it was: said next to the field
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.locator("button").click()
    assert posted.value.status == 400
    expect(page.locator("#applies_from-error")).to_be_visible()
    no_serious_violations(page, "a fee refused for a past day")
    page.locator("[data-set-fee] #applies_from").fill(later)
    page.locator("[data-set-fee] button").click()
    expect(page.locator("[data-done]")).to_be_visible()
    expect(page.locator(f'[data-fees] tr[data-fee="document_verification"][data-from="{later}"]')).to_be_visible()
    fees = http.get("/api/v1/staff/treasury/fees", headers=treasury).json()["fees"]
    assert [(f["amount"], f["applies_from"]) for f in fees if f["fee_code"] == "document_verification"][-1] == (
        120000, later)
    catalogue = http.get("/api/v1/requests/catalogue").json()["categories"]  # today's fee is unchanged
    verification = next(s for c in catalogue for s in c["subtypes"] if s["code"] == "document_verification_fee")
    assert verification["fee"] == 100000
