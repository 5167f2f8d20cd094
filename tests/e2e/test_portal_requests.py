"""The student's service requests in the portal, in a real browser against the whole stack:
the catalogue with her fees, filing (errors next to their fields, a double submit filing
once), the request with its challan, the bank paying it, someone else's request, Urdu on
a phone, accessibility."""
import datetime as dt
import random
import re
import time

import httpx
import pytest
from playwright.sync_api import expect

from campus import money
from services import demo
from tests import browser
from tests.stack import bearer, login

STUDENT = "22P-123456"                  # Ayesha Siddiqui, B.Ed: the urgent degree fee is Rs 2,000 for her
BANK = ("ABL", "Demo@2026")
URGENT_DEGREE = "other_fee_challan/degree_fee_urgent"
REQUEST_PAGE = re.compile(r"/student/requests/SR-\d{4}-\d{6}$")


def karachi_now():
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=5)))


def file_in_the_portal(page, base_url, choice: str, details: str = "", lang: str = "en") -> str:
    page.goto(f"{base_url}/student/requests/new?lang={lang}")
    page.check(f'input[name=choice][value="{choice}"]')
    page.fill("textarea[name=details]", details)
    page.click("form.form button[type=submit]")
    expect(page).to_have_url(REQUEST_PAGE)
    return page.url.rsplit("/", 1)[1]


def pay(base_url: str, consumer_number: str, amount_paisa: int) -> dict:
    now = karachi_now()
    return httpx.post(f"{base_url}/api/v1/bank/bill-payment", auth=BANK, timeout=15, json={
        "consumer_number": consumer_number, "bank_mnemonic": "ABL",
        "tran_auth_id": f"P{random.randint(0, 99999):05d}", "transaction_amount": money.to_one_link(amount_paisa),
        "tran_date": now.strftime("%Y%m%d"), "tran_time": now.strftime("%H%M%S")}).json()


def test_a_student_files_a_fee_request_pays_its_challan_at_the_bank_and_sees_it_in_process(page, base_url):
    browser.sign_in(page, base_url, STUDENT)
    page.click('[data-tile="requests"] a[href$="/student/requests/new"]')    # from the dashboard's tile
    urgent = page.locator('[data-subtype="degree_fee_urgent"]')
    expect(urgent).to_contain_text("Certificate/Diploma/Degree Fee – Urgent")
    expect(urgent.locator(".fee")).to_have_text("Fee: Rs 2,000")          # her level's fee, not the lowest
    expect(urgent.locator(".fee")).to_have_attribute("data-fee", "200000")

    number = file_in_the_portal(page, base_url, URGENT_DEGREE, "Degree needed for a job")
    expect(page.locator("h1")).to_have_text("Certificate/Diploma/Degree Fee – Urgent")
    expect(page.locator("[data-request-status]")).to_have_text("Awaiting payment")
    challan = page.locator("[data-challan]")
    consumer_number = challan.locator("[data-consumer-number]").inner_text().strip()
    assert re.fullmatch(r"\d{18}", consumer_number), consumer_number
    expect(challan.locator("[data-amount]")).to_have_text("Rs 2,000")
    expect(challan.locator("[data-challan-status]")).to_have_text("Unpaid")
    expect(challan).to_contain_text("1LINK")
    expect(challan).to_contain_text(consumer_number)

    assert pay(base_url, consumer_number, 200000)["response_Code"] == "00"
    deadline = time.monotonic() + 30
    while page.locator("[data-request-status]").get_attribute("data-request-status") != "in_process":
        assert time.monotonic() < deadline, "the request did not move to in process within 30 seconds"
        time.sleep(0.5)
        page.reload()
    expect(page.locator("[data-request-status]")).to_have_text("In process")
    expect(challan.locator("[data-challan-status]")).to_have_text("Paid")
    expect(page.locator("[data-history] li")).to_have_count(2)

    page.click('nav.pages a[href$="/student/requests"]')
    listed = page.locator(f'[data-request="{number}"]')
    expect(listed).to_contain_text("In process")
    expect(listed).to_contain_text(consumer_number)
    page.click('nav.pages a[href$="/student"]')
    page.click(f'[data-tile="requests"] a:has-text("{number}")')
    expect(page).to_have_url(re.compile(f"/student/requests/{number}$"))


def test_the_pages_show_what_the_json_api_says(page, base_url, http):
    """The filing page's fees and a filed request's page come from the same functions as
    GET /api/v1/requests/catalogue and GET /api/v1/me/requests/<number>."""
    student = bearer(login(http, STUDENT))
    api = http.get("/api/v1/requests/catalogue", headers=student).json()
    browser.sign_in(page, base_url, STUDENT)
    page.goto(f"{base_url}/student/requests/new")
    shown = {s.get_attribute("data-subtype"): int(s.locator(".fee").get_attribute("data-fee"))
             for s in page.locator("[data-subtype]").all()}
    # A correction is filed on its own page (her record's values beside the new ones): a link here.
    assert shown == {s["code"]: s["fee"] for c in api["categories"] for s in c["subtypes"]
                     if c["code"] != "personal_info_correction"}
    expect(page.locator('[data-category="personal_info_correction"] [data-correction-link]')).to_be_visible()

    number = file_in_the_portal(page, base_url, "other_fee_challan/course_change_fee", "8604 to 8609")
    filed = http.get(f"/api/v1/me/requests/{number}", headers=student).json()
    assert filed["details"] == "8604 to 8609" and filed["status"] == "awaiting_payment"
    expect(page.locator("[data-consumer-number]")).to_have_text(filed["challan"]["consumer_number"])
    expect(page.locator("[data-request-status]")).to_have_attribute("data-request-status", filed["status"])


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a_bad_submission_says_what_is_wrong_next_to_each_field_and_keeps_what_was_typed(page, base_url, lang):
    browser.sign_in(page, base_url, STUDENT, lang=lang)
    page.goto(f"{base_url}/student/requests/new?lang={lang}")
    page.fill("textarea[name=details]", "My books have not arrived")
    page.click("form.form button[type=submit]")                      # no subtype chosen
    expect(page.locator("#choice-error")).to_have_text(
        {"en": "Choose the request you want to file.", "ur": "وہ درخواست منتخب کریں جو آپ دینا چاہتے ہیں۔"}[lang])
    expect(page.locator("textarea[name=details]")).to_have_value("My books have not arrived")
    expect(page.locator("#details-error")).to_have_count(0)

    # The browser is told the API's limit (2,000); one that lets more through (an old phone's,
    # a paste) gets the server's answer, next to the field.
    expect(page.locator("textarea[name=details]")).to_have_attribute("maxlength", "2000")
    page.eval_on_selector("textarea[name=details]", "t => t.removeAttribute('maxlength')")
    too_long = "x" * 2001
    page.check('input[name=choice][value="helpdesk_complaint/books_not_received"]')
    page.fill("textarea[name=details]", too_long)
    page.click("form.form button[type=submit]")
    expect(page.locator("#details-error")).to_have_text(
        {"en": "Please keep the details within 2000 characters.",
         "ur": "براہِ کرم تفصیل 2000 حروف کے اندر رکھیں۔"}[lang])
    expect(page.locator("textarea[name=details]")).to_have_value(too_long)
    expect(page.locator("textarea[name=details]")).to_have_attribute("aria-invalid", "true")
    expect(page.locator('input[name=choice][value="helpdesk_complaint/books_not_received"]')).to_be_checked()
    expect(page.locator("#choice-error")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/student/requests/new"))


def test_the_same_form_submitted_twice_files_one_request(page, base_url):
    browser.sign_in(page, base_url, STUDENT)
    page.goto(f"{base_url}/student/requests")
    before = page.locator("[data-request]").count()
    page.goto(f"{base_url}/student/requests/new")
    form = {"csrf_token": page.input_value("input[name=csrf_token]"),
            "idempotency_key": page.input_value("input[name=idempotency_key]"),
            "choice": "general_query/general_query", "details": "When are the exams?"}
    first = page.request.post(f"{base_url}/student/requests/new", form=form, max_redirects=0)
    second = page.request.post(f"{base_url}/student/requests/new", form=form, max_redirects=0)
    assert first.status == second.status == 303
    assert first.headers["location"] == second.headers["location"]
    assert REQUEST_PAGE.search(first.headers["location"])
    page.goto(f"{base_url}/student/requests")
    expect(page.locator("[data-request]")).to_have_count(before + 1)

    # A double click on the button itself (no JavaScript to stop it) files once too.
    page.goto(f"{base_url}/student/requests/new")
    page.check('input[name=choice][value="general_query/general_query"]')
    page.dblclick("form.form button[type=submit]")
    expect(page).to_have_url(REQUEST_PAGE)
    page.goto(f"{base_url}/student/requests")
    expect(page.locator("[data-request]")).to_have_count(before + 2)


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_someone_elses_request_is_a_page_not_found(page, base_url, stack, http, lang):
    # Another student with a record of her own (a new account has none to file against).
    tokens = login(http, demo.CLASSMATE["registration_number"])
    theirs = http.post("/api/v1/me/requests", headers=bearer(tokens), json={
        "category": "general_query", "subtype": "general_query", "details": "Mine, not Ayesha's"})
    assert theirs.status_code == 201, theirs.text
    number = theirs.json()["request_number"]

    browser.sign_in(page, base_url, STUDENT, lang=lang)
    for path in (number, "SR-2099-999999", "not-a-number"):
        answer = page.goto(f"{base_url}/student/requests/{path}?lang={lang}")
        assert answer.status == 404, path
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("h1")).to_have_text({"en": "Page not found", "ur": "صفحہ نہیں ملا"}[lang])
        expect(page.locator("body")).not_to_contain_text("Mine, not Ayesha's")


def test_signed_out_the_request_pages_ask_to_sign_in_first(page, base_url):
    for path in ("/student/requests", "/student/requests/new", "/student/requests/SR-2026-000001"):
        page.goto(f"{base_url}{path}")
        expect(page).to_have_url(re.compile(r"/login\?next="))


def test_the_request_pages_fit_a_phone_in_urdu(browser_type, base_url):
    def overflow(page):
        return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")

    with browser_type.launch(**browser.launch_args()) as chromium:
        page = chromium.new_page(viewport=browser.PHONE)
        browser.sign_in(page, base_url, STUDENT, lang="ur")
        page.goto(f"{base_url}/student/requests/new?lang=ur")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        assert overflow(page) <= 0, f"the filing page is {overflow(page)}px wider than a 360px phone"
        page.click("form.form button[type=submit]")                  # and with its errors
        expect(page.locator("#choice-error")).to_be_visible()
        assert overflow(page) <= 0, f"the filing page with errors is {overflow(page)}px too wide"
        number = file_in_the_portal(page, base_url, URGENT_DEGREE, "نوکری کے لیے ڈگری درکار ہے", lang="ur")
        assert overflow(page) <= 0, f"the request page is {overflow(page)}px wider than a 360px phone"
        page.goto(f"{base_url}/student/requests?lang=ur")
        expect(page.locator(f'[data-request="{number}"]')).to_be_visible()
        assert overflow(page) <= 0, f"the list of requests is {overflow(page)}px wider than a 360px phone"


@pytest.mark.skipif(not browser.axe_installed(), reason="axe-core is installed by make test")
@pytest.mark.parametrize("lang", ["en", "ur"])
def test_no_serious_accessibility_violations_on_the_request_pages(page, base_url, lang):
    browser.sign_in(page, base_url, STUDENT, lang=lang)
    number = file_in_the_portal(page, base_url, "other_fee_challan/course_change_fee", "8604 to 8609", lang=lang)
    for path in ("/student/requests", "/student/requests/new", f"/student/requests/{number}"):
        page.goto(f"{base_url}{path}?lang={lang}")
        assert browser.serious_violations(page) == [], path
    page.goto(f"{base_url}/student/requests/new?lang={lang}")
    page.click("form.form button[type=submit]")                      # with its errors showing
    assert browser.serious_violations(page) == [], "/student/requests/new with errors"
