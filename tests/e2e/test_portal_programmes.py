"""Admissions' programmes tool and the public prospectus in a real browser against the whole
stack: admissions add a course, put it in BED15's scheme, offer it in Autumn 2027 and
withdraw it; withdrawing 8604 from Spring 2026 (the demo student is registered for it) is
refused next to the course; the prospectus shows BED15's scheme to anyone, in Urdu on a
phone too; the admission form chooses the centre by name; the upload page lists a file just
sent; axe-core.

The e2e stack is shared by the whole session: the course here is 8620, which no other test
adds (the API's test adds 8610 to BED15's semester 3 and offers it in Autumn 2027)."""
import re

import pytest
from playwright.sync_api import expect

from tests import browser
from tests.e2e.test_portal_admissions import (  # noqa: F401 - its autouse fixture: enrollment answers staff first
    admission_file,
    enrollment_answers_staff,
    overflow,
    send_file,
    student,
)

COURSE = {"code": "8620", "title": "Early Childhood Education", "credit_hours": "3", "practical_credit_hours": "1"}


def offered(page) -> list[str]:
    return page.locator("[data-offered-courses] tr[data-offered]").evaluate_all(
        "rows => rows.map(r => r.dataset.offered)")


def test_admissions_add_a_course_put_it_in_a_scheme_offer_it_and_withdraw_it(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    page.click("[data-tools] a[href='/staff/programmes']")
    expect(page.locator('[data-programme="BED15"]')).to_be_visible()

    # A course the API would refuse: said next to its field, what was typed stays.
    for name, value in {**COURSE, "practical_credit_hours": "4"}.items():
        page.fill(f"[data-add-course] [name={name}]", value)
    page.click("[data-add-course] button[type=submit]")
    expect(page.locator("#practical_credit_hours-error")).to_have_text(
        "Practical credit hours are from 0 to the credit hours.")
    expect(page.locator("[data-add-course] [name=title]")).to_have_value(COURSE["title"])
    page.fill("[data-add-course] [name=practical_credit_hours]", "1")
    page.click("[data-add-course] button[type=submit]")
    expect(page.locator("[data-done]")).to_have_text(re.compile("Course 8620 is added"))

    # Added again: refused next to its code.
    for name, value in COURSE.items():
        page.fill(f"[data-add-course] [name={name}]", value)
    page.click("[data-add-course] button[type=submit]")
    expect(page.locator("#code-error")).to_have_text("A course has this code already.")

    # Into BED15's scheme at its third semester: its scheme shows it, as 3(2+1).
    page.select_option("[data-scheme-form] select[name=program_code]", "BED15")
    page.fill("[data-scheme-form] [name=course_code]", "8620")
    page.fill("[data-scheme-form] [name=semester_number]", "9")
    page.click("[data-scheme-form] button[type=submit]")
    expect(page.locator("#semester_number-error")).to_contain_text("The programme has fewer semesters than that")
    page.fill("[data-scheme-form] [name=semester_number]", "3")
    page.click("[data-scheme-form] button[type=submit]")
    expect(page).to_have_url(re.compile(r"done=scheduled.*#programme-bed15$"))
    row = page.locator('[data-programme="BED15"] table[data-semester-number="3"] tr[data-course="8620"]')
    expect(row).to_be_visible()
    expect(row.locator("[data-hours]")).to_have_text("3(2+1)")

    # Offered in Autumn 2027, then withdrawn.
    page.fill("#offerings input[name=semester]", "Autumn 2027")
    page.click("#offerings form[method=get] button[type=submit]")
    expect(page.locator("#offerings h3[data-semester]")).to_have_attribute("data-semester", "Autumn 2027")
    page.fill("[data-offer] input[name=offer-course_code]", "8620")
    page.click("[data-offer] button[type=submit]")
    expect(page.locator("[data-done]")).to_have_text("Course 8620 is offered in Autumn 2027.")
    assert "8620" in offered(page)
    page.locator('tr[data-offered="8620"] button[name=withdraw]').click()
    expect(page.locator("[data-done]")).to_have_text("Course 8620 is withdrawn from Autumn 2027.")
    assert "8620" not in offered(page)

    # Out of the scheme again with 0 (the prospectus shows it no more).
    page.select_option("[data-scheme-form] select[name=program_code]", "BED15")
    page.fill("[data-scheme-form] [name=course_code]", "8620")
    page.fill("[data-scheme-form] [name=semester_number]", "0")
    page.click("[data-scheme-form] button[type=submit]")
    expect(page.locator("[data-done]")).to_have_text("Course 8620 is taken out of the scheme of studies.")
    expect(page.locator('[data-programme="BED15"] tr[data-course="8620"]')).to_have_count(0)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Students are registered for this course in this semester: it cannot be withdrawn."),
    ("ur", "اس سمسٹر میں اس کورس کے لیے طلبہ رجسٹرڈ ہیں: اسے واپس نہیں لیا جا سکتا۔")])
def test_withdrawing_a_course_students_are_registered_for_is_refused_next_to_it(page, base_url, lang, said):
    browser.sign_in(page, base_url, "admissions.officer", lang=lang)
    page.goto(f"{base_url}/staff/programmes?semester=Spring+2026&lang={lang}")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.locator('tr[data-offered="8604"] button[name=withdraw]').click()
    answer = posted.value
    assert answer.status == 409
    expect(page.locator("#withdraw-8604-error")).to_have_text(said)
    expect(page.locator('tr[data-offered="8604"] button[name=withdraw]')).to_have_attribute(
        "aria-describedby", "withdraw-8604-error")
    assert "8604" in offered(page)                                   # still offered
    if browser.axe_installed():
        assert browser.serious_violations(page) == [], "the refused withdrawal"


def test_the_prospectus_shows_bed15s_scheme_to_anyone_from_the_home_page(page, base_url):
    page.goto(f"{base_url}/?lang=en")
    page.click("main a[href='/programmes']")
    bed15 = page.locator('[data-programme="BED15"]')
    expect(bed15.locator("h2")).to_contain_text("BED15")
    expect(bed15.locator('table[data-semester-number="1"] tr[data-course="8601"]')).to_be_visible()
    expect(bed15.locator('tr[data-course="8604"]')).to_be_visible()
    expect(page.locator("[data-add-course]")).to_have_count(0)
    if browser.axe_installed():
        assert browser.serious_violations(page) == [], "the prospectus"


def test_the_prospectus_in_urdu_on_a_phone(browser_type, base_url):
    with browser_type.launch(**browser.launch_args()) as chromium:
        page = chromium.new_page(viewport=browser.PHONE)
        page.goto(f"{base_url}/programmes?lang=ur")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        expect(page.locator("h1")).to_have_text("پروگرام اور اسکیم آف اسٹڈیز")
        bed15 = page.locator('[data-programme="BED15"]')
        expect(bed15.locator('table[data-semester-number="1"] caption')).to_have_text("سمسٹر 1")
        expect(bed15.locator('tr[data-course="8601"]')).to_be_visible()
        assert overflow(page) <= 0, f"the prospectus is {overflow(page)}px wider than a 360px phone"


def test_the_admission_forms_centre_is_chosen_by_name(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    page.goto(f"{base_url}/staff/admissions/new")
    islamabad = page.locator("select[name=centre_code] option[value=ISB]")
    expect(islamabad).to_have_text("Islamabad")


def test_the_upload_page_lists_a_file_just_sent(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    send_file(page, base_url, "programmes-listed.csv", admission_file([student(300)]))
    batch_id = page.url.rsplit("/", 1)[-1]
    page.goto(f"{base_url}/staff/admissions/files")
    listed = page.locator(f'[data-recent-files] li[data-file="{batch_id}"]')
    expect(listed).to_contain_text("programmes-listed.csv")
    expect(listed).to_contain_text("admissions.officer")
    listed.locator("a").click()
    expect(page).to_have_url(re.compile(rf"/staff/admissions/files/{batch_id}$"))


@pytest.mark.parametrize("who", ["student.services", "regional.islamabad", "22P-123456"])
def test_the_programmes_tool_is_a_403_for_everyone_else(page, base_url, who):
    browser.sign_in(page, base_url, who)
    assert page.goto(f"{base_url}/staff/programmes").status == 403


def test_the_programmes_forms_refuse_a_post_without_its_csrf_token(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    for path, form in (("/staff/programmes/courses", COURSE),
                       ("/staff/programmes/offerings/withdraw", {"semester": "Spring 2026", "course_code": "8605"})):
        assert page.request.post(f"{base_url}{path}", form=form, max_redirects=0).status == 400, path


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_programmes_page_fits_a_phone(browser_type, base_url, lang):
    with browser_type.launch(**browser.launch_args()) as chromium:
        page = chromium.new_page(viewport=browser.PHONE)
        browser.sign_in(page, base_url, "admissions.officer", lang=lang)
        for path in ("/staff/programmes", "/staff/programmes?semester=Spring+2026", "/staff/admissions/files"):
            page.goto(f"{base_url}{path}{'&' if '?' in path else '?'}lang={lang}")
            assert overflow(page) <= 0, f"{path} is {overflow(page)}px wider than a 360px phone"


@pytest.mark.skipif(not browser.axe_installed(), reason="axe-core is installed by make test")
@pytest.mark.parametrize("lang", ["en", "ur"])
def test_no_serious_accessibility_violations_on_the_programmes_page(page, base_url, lang):
    browser.sign_in(page, base_url, "admissions.officer", lang=lang)
    page.goto(f"{base_url}/staff/programmes?semester=Spring+2026&lang={lang}")
    page.locator('[data-programme="BED15"] summary').click()           # a scheme open, as she reads it
    assert browser.serious_violations(page) == [], "/staff/programmes"
    page.click("[data-add-course] button[type=submit]")                 # errors on the page
    expect(page.locator("#code-error")).to_be_visible()
    assert browser.serious_violations(page) == [], "/staff/programmes with its errors"
