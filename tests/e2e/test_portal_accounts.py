"""The account pages and the staff tools in a real browser against the whole stack:
admissions opens an account, the student activates it, forgets her password and resets
it (with and without JavaScript), changes it; student services locks and unlocks her
and reads the audit log. Always new students: the demo accounts' passwords are shared."""
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from campus import testing
from tests import browser
from tests.stack import (
    NEW_PASSWORD,
    activated_student,
    activation_code,
    bearer,
    client,
    create_student,
    login,
    new_regno,
    wait_for_mail,
)

STUDENT = "22P-123456"


@pytest.fixture
def admissions(http):
    return bearer(login(http, "admissions.officer"))


def submit(page):
    page.click("main form.form button[type=submit]")


def fill_passwords(page, password, again=None):
    page.fill("input[name=new_password]", password)
    page.fill("input[name=new_password_again]", password if again is None else again)


def reset_path(body: str) -> str:
    """The mailed link's path and fragment, on this test stack's gateway."""
    link = re.search(r"(\S+/reset-password#token=\S+)", body).group(1)
    parts = urlsplit(link)
    return f"{parts.path}#{parts.fragment}"


def printed_code(body: str) -> str:
    """The code the mail prints on a line of its own, for a browser without JavaScript."""
    return re.search(r"^\s{4}(\S+)\s*$", body, re.M).group(1)


def ask_for_reset(page, base_url, username):
    page.goto(f"{base_url}/login")
    page.click("a[href='/forgot-password']")
    page.fill("input[name=username]", username)
    submit(page)
    expect(page.locator("[data-sent]")).to_be_visible()
    return page.locator("[data-sent]").inner_text()


def refused_soon(http, tokens) -> bool:
    return testing.wait_until(lambda: http.get("/api/v1/auth/me", headers=bearer(tokens)).status_code == 401,
                              timeout=10, what="the old token to be refused")


def test_admissions_opens_an_account_and_the_student_activates_it_on_the_page(page, base_url, stack):
    browser.sign_in(page, base_url, "admissions.officer")
    page.click("[data-tools] a[href='/staff/students/new']")
    regno = new_regno()
    mail = f"{regno.lower()}@example.pk"
    page.fill("input[name=registration_number]", regno.lower())
    page.fill("input[name=full_name]", "Sana Baloch")
    page.fill("input[name=email]", mail)
    submit(page)
    expect(page.locator("[data-opened]")).to_have_attribute("data-opened", regno)
    page.context.clear_cookies()

    code = activation_code(stack, mail)
    page.goto(f"{base_url}/")
    page.click("main a[href='/activate']")
    page.fill("input[name=username]", regno)
    page.fill("input[name=code]", code)
    fill_passwords(page, NEW_PASSWORD)
    submit(page)
    expect(page).to_have_url(re.compile(r"/student$"))
    expect(page.locator("h1")).to_contain_text(regno)          # signed in as her (no enrollment record yet)
    expect(page.locator('[data-tile="account"]')).to_have_attribute("data-status", "ok")


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_legacy_initial_password_asks_for_the_cnic_or_date_of_birth_on_the_page(page, base_url, lang):
    """Admissions opens a legacy account with the admission form's date of birth; the
    student's initial password works on /activate only together with it."""
    browser.sign_in(page, base_url, "admissions.officer", lang=lang)
    page.goto(f"{base_url}/staff/students/new")
    regno = new_regno()
    page.fill("input[name=registration_number]", regno)
    page.fill("input[name=full_name]", "Sana Baloch")
    page.fill("input[name=email]", f"{regno.lower()}@example.pk")
    page.select_option("select[name=initial_password_policy]", "legacy")
    submit(page)                                                   # no CNIC, no date of birth: asked for
    expect(page.locator("#cnic-error")).to_have_text(
        {"en": "For the initial password, enter the student's CNIC or date of birth from the admission form.",
         "ur": "ابتدائی پاس ورڈ کے لیے داخلہ فارم سے طالب علم کا شناختی کارڈ نمبر یا تاریخِ پیدائش لکھیں۔"}[lang])
    page.fill("input[name=date_of_birth]", "2003-08-14")
    submit(page)
    expect(page.locator("[data-opened]")).to_have_attribute("data-opened", regno)
    page.context.clear_cookies()

    page.goto(f"{base_url}/activate?lang={lang}")
    page.fill("input[name=username]", regno)
    page.fill("input[name=code]", "ch" + regno[-4:])               # Sana Baloch: the name's last two letters
    fill_passwords(page, NEW_PASSWORD)
    submit(page)                                                   # the initial password alone
    expect(page.locator("#cnic-error")).to_have_text(
        {"en": "With the initial password, enter your CNIC or your date of birth as on your admission form.",
         "ur": "ابتدائی پاس ورڈ کے ساتھ اپنا شناختی کارڈ نمبر یا تاریخِ پیدائش لکھیں، جیسا کہ آپ کے داخلہ فارم پر ہے۔"
         }[lang])
    expect(page.locator("input[name=cnic]")).to_have_attribute("aria-invalid", "true")
    page.fill("input[name=date_of_birth]", "2003-08-15")           # a wrong date of birth
    fill_passwords(page, NEW_PASSWORD)
    submit(page)
    expect(page.locator("#date_of_birth-error")).to_contain_text({"en": "does not match your admission record",
                                                                   "ur": "داخلے کے ریکارڈ سے مطابقت"}[lang])
    page.fill("input[name=date_of_birth]", "2003-08-14")
    fill_passwords(page, NEW_PASSWORD)
    submit(page)
    expect(page).to_have_url(re.compile(r"/student$"))
    expect(page.locator("h1")).to_contain_text(regno)


def test_the_new_student_form_shows_the_apis_refusals_next_to_each_field(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer", lang="ur")
    page.goto(f"{base_url}/staff/students/new")
    page.fill("input[name=registration_number]", "22P-12")
    page.fill("input[name=full_name]", "Sana Baloch")
    page.fill("input[name=email]", "not-an-address")
    submit(page)
    expect(page.locator("#registration_number-error")).to_have_text("رجسٹریشن نمبر اس طرح کا ہوتا ہے: 22P-123456")
    expect(page.locator("#email-error")).to_be_visible()
    expect(page.locator("input[name=full_name]")).to_have_value("Sana Baloch")


def test_forgot_password_then_the_mailed_link_fills_the_code(page, base_url, stack, http, admissions):
    regno, mail, _, before = activated_student(http, stack, admissions)
    answer = ask_for_reset(page, base_url, regno)
    assert ask_for_reset(page, base_url, new_regno()) == answer  # nobody's: the same answer
    body = wait_for_mail(stack, mail, count=2)

    page.goto(f"{base_url}{reset_path(body)}")
    expect(page.locator("input[name=token]")).to_have_value(printed_code(body))
    assert "#" not in page.url and "token" not in page.url       # out of the address bar and the history
    fill_passwords(page, "Karachi2026xyz")
    submit(page)
    expect(page).to_have_url(re.compile(r"/login\?reset=1$"))
    expect(page.locator("[data-reset]")).to_be_visible()
    refused_soon(http, before)                                    # a reset ends every session
    browser.sign_in(page, base_url, regno, password="Karachi2026xyz")
    expect(page).to_have_url(re.compile(r"/student$"))


def test_without_javascript_the_code_from_the_mail_is_pasted(page, base_url, stack, http, admissions):
    regno, mail, _, _ = activated_student(http, stack, admissions)
    context = page.context.browser.new_context(java_script_enabled=False)
    try:
        nojs = context.new_page()
        ask_for_reset(nojs, base_url, regno)
        body = wait_for_mail(stack, mail, count=2)
        nojs.goto(f"{base_url}{reset_path(body)}")
        expect(nojs.locator("input[name=token]")).to_have_value("")  # nothing reads the fragment
        nojs.fill("input[name=token]", printed_code(body))
        fill_passwords(nojs, "Quetta2026xyz")
        submit(nojs)
        expect(nojs).to_have_url(re.compile(r"/login\?reset=1$"))
        browser.sign_in(nojs, base_url, regno, password="Quetta2026xyz")
        expect(nojs).to_have_url(re.compile(r"/student$"))
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_mismatched_and_weak_new_passwords_are_shown_next_to_the_field(page, base_url, stack, http, admissions,
                                                                      lang):
    regno, mail = create_student(http, admissions)
    code = activation_code(stack, mail)
    page.goto(f"{base_url}/activate?lang={lang}")
    page.fill("input[name=username]", regno)
    page.fill("input[name=code]", code)
    fill_passwords(page, NEW_PASSWORD, again="Lahore2026xyZ")
    submit(page)
    expect(page.locator("#new_password_again-error")).to_have_text(
        {"en": "The two new passwords are not the same.", "ur": "دونوں نئے پاس ورڈ ایک جیسے نہیں ہیں۔"}[lang])
    expect(page.locator("input[name=username]")).to_have_value(regno)   # what was typed is kept...
    expect(page.locator("input[name=code]")).to_have_value(code)
    expect(page.locator("input[name=new_password]")).to_have_value("")  # ...passwords excepted

    fill_passwords(page, "Quiet-Harbour-Lantern")                         # identity's policy: no digit
    submit(page)
    expect(page.locator("#new_password-error")).to_have_text(
        {"en": "Use at least one letter and one digit.", "ur": "کم از کم ایک حرف اور ایک ہندسہ استعمال کریں۔"}[lang])
    expect(page.locator("input[name=new_password]")).to_have_attribute("aria-invalid", "true")
    fill_passwords(page, f"{regno}x")                                     # her registration number in it
    submit(page)
    expect(page.locator("#new_password-error")).to_contain_text(
        {"en": "registration number", "ur": "رجسٹریشن نمبر"}[lang])


def test_changing_the_password_keeps_this_page_session_and_ends_the_others(page, base_url, stack, http,
                                                                          admissions):
    regno, _, _, phone = activated_student(http, stack, admissions)
    browser.sign_in(page, base_url, regno, password=NEW_PASSWORD)
    expect(page).to_have_url(re.compile(r"/student$"))
    page.click("header a.account")
    page.fill("input[name=current_password]", NEW_PASSWORD)
    fill_passwords(page, "Multan2026xyz", again="Multan2026xy")
    submit(page)
    expect(page.locator("#new_password_again-error")).to_be_visible()
    expect(page.locator("input[name=current_password]")).to_have_value("")
    page.fill("input[name=current_password]", NEW_PASSWORD)
    fill_passwords(page, "Multan2026xyz")
    submit(page)
    expect(page.locator("[data-changed]")).to_be_visible()
    refused_soon(http, phone)                     # the API token from before stops working
    page.goto(f"{base_url}/student")              # and this page session goes on, on the new tokens
    expect(page).to_have_url(re.compile(r"/student$"))
    assert login(http, regno, "Multan2026xyz")


def test_student_services_locks_and_unlocks_and_reads_both_in_the_audit_log(page, base_url, stack, http,
                                                                           admissions):
    regno, _, _, _ = activated_student(http, stack, admissions)
    browser.sign_in(page, base_url, regno, password=NEW_PASSWORD)
    expect(page).to_have_url(re.compile(r"/student$"))
    context = page.context.browser.new_context()
    try:
        staff = context.new_page()
        browser.sign_in(staff, base_url, "student.services")
        staff.click("[data-tools] a[href='/staff/accounts']")
        staff.fill("input[name=username]", regno.lower())
        submit(staff)
        expect(staff.locator("[data-account]")).to_have_attribute("data-status", "active")
        staff.click("button[name=lock]")                         # no reason: refused next to the field
        expect(staff.locator("#reason-error")).to_be_visible()
        staff.fill("input[name=reason]", "phone reported stolen")
        staff.click("button[name=lock]")
        expect(staff.locator("[data-account]")).to_have_attribute("data-status", "locked")

        def signed_out() -> bool:
            page.goto(f"{base_url}/student")
            return "/login" in page.url
        testing.wait_until(signed_out, timeout=15, what="the locked student's page session to end")

        staff.click("button[name=unlock]")
        expect(staff.locator("[data-account]")).to_have_attribute("data-status", "active")
        staff.click("[data-account] a[href*='/staff/audit']")
        expect(staff.locator("tr[data-event=account_locked]")).to_have_count(1)
        expect(staff.locator("tr[data-event=account_unlocked]")).to_have_count(1)
        expect(staff.locator("tr[data-event=account_locked]")).to_contain_text("phone reported stolen")
        staff.goto(f"{base_url}/staff/audit?lang=ur")             # everyone's events, in Urdu
        expect(staff.locator("tr[data-event]").first).to_be_visible()
    finally:
        context.close()
    browser.sign_in(page, base_url, regno, password=NEW_PASSWORD)  # unlocked: she signs in again
    expect(page).to_have_url(re.compile(r"/student$"))


@pytest.mark.parametrize("who,allowed,refused", [
    ("exams.officer", ["/staff/exam-centres", "/staff/date-sheets", "/staff/documents", "/staff/marks",
                       "/staff/publication", "/staff/exam-cases", "/staff/announcements", "/staff/tracking"],
     ["/staff/students/new", "/staff/accounts", "/staff/audit", "/staff/webhooks"]),
    ("admissions.officer", ["/staff/students/new", "/staff/admissions/new", "/staff/admissions/files",
                            "/staff/students", "/staff/semesters", "/staff/programmes", "/staff/announcements"],
     ["/staff/accounts", "/staff/audit", "/staff/deliveries"]),
    ("student.services", ["/staff/accounts", "/staff/audit", "/staff/students", "/staff/financial-aid",
                          "/staff/complaints", "/staff/faq", "/staff/announcements", "/staff/deliveries",
                          "/staff/webhooks", "/staff/tracking"],
     ["/staff/students/new", "/staff/treasury"]),
    ("treasury.officer", ["/staff/treasury", "/staff/treasury/settlements", "/staff/treasury/unmatched",
                          "/staff/treasury/fees", "/staff/treasury/refunds", "/staff/financial-aid",
                          "/staff/treasury/figures", "/staff/announcements"],
     ["/staff/accounts", "/staff/exam-cases", "/staff/complaints"]),
    (STUDENT, [], ["/staff/students/new", "/staff/accounts", "/staff/audit", "/staff/treasury"]),
])
def test_each_department_sees_and_opens_only_its_own_tools(page, base_url, who, allowed, refused):
    browser.sign_in(page, base_url, who)
    if who != STUDENT:
        links = page.locator("[data-tools] a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert links == allowed
    for path in refused:
        answer = page.goto(f"{base_url}{path}")
        assert answer.status == 403, path
        expect(page.locator("h1")).to_have_text("Not for you")


def test_account_forms_refuse_a_post_without_its_csrf_token(stack):
    with client(stack) as http:
        for path, data in (("/forgot-password", {"username": STUDENT}),
                           ("/activate", {"username": STUDENT, "code": "x" * 8, "new_password": NEW_PASSWORD,
                                          "new_password_again": NEW_PASSWORD}),
                           ("/reset-password", {"token": "x" * 40, "new_password": NEW_PASSWORD,
                                                "new_password_again": NEW_PASSWORD})):
            http.get(path)
            refused = http.post(path, data=data)
            assert refused.status_code == 400 and refused.headers["content-type"].startswith("text/html"), path


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_account_pages_fit_a_phone(browser_type, base_url, lang):
    with browser_type.launch(**browser.launch_args()) as chromium:
        page = chromium.new_page(viewport=browser.PHONE)
        for path in ("/forgot-password", "/reset-password", "/activate"):
            page.goto(f"{base_url}{path}?lang={lang}")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} is {overflow}px wider than a 360px phone"
        browser.sign_in(page, base_url, "student.services", lang=lang)
        for path in ("/account/password", "/staff/accounts?username=22P-123456", "/staff/audit"):
            page.goto(f"{base_url}{path}")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} is {overflow}px wider than a 360px phone"


@pytest.mark.skipif(not browser.axe_installed(), reason="axe-core is installed by make test")
@pytest.mark.parametrize("lang", ["en", "ur"])
def test_no_serious_accessibility_violations_on_the_account_pages(page, base_url, lang):
    for path in ("/forgot-password", "/forgot-password?sent=1", "/reset-password", "/activate"):
        page.goto(f"{base_url}{path}{'&' if '?' in path else '?'}lang={lang}")
        assert browser.serious_violations(page) == [], path
    page.fill("input[name=username]", "22P-000000")        # errors on the page, as a person sees them
    submit(page)
    expect(page.locator(".error").first).to_be_visible()
    assert browser.serious_violations(page) == [], "/activate with errors"
    browser.sign_in(page, base_url, STUDENT, lang=lang)
    page.goto(f"{base_url}/account/password")
    assert browser.serious_violations(page) == [], "/account/password"
    for staff, paths in (("admissions.officer", ["/staff", "/staff/students/new"]),
                         ("student.services", ["/staff", "/staff/accounts?username=22P-123456",
                                               "/staff/audit?username=22P-123456"])):
        page.context.clear_cookies()
        browser.sign_in(page, base_url, staff, lang=lang)
        for path in paths:
            page.goto(f"{base_url}{path}")
            assert browser.serious_violations(page) == [], path
