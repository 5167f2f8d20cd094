"""Course registration, her courses of any semester and her holds in the portal, in a real
browser against the whole stack: the registrant opens registration from the dashboard,
leaves her failed course out and is told so next to the courses, registers, sees the
challan, the bank pays it and the page shows her confirmed; her courses page shows the new
semester beside the old; a student who may not register is told why, in English and in
Urdu on a phone; accessibility.

The registrant here is demo.REGISTRANT_2: test_registration.py registers demo.REGISTRANT
over the API in the same stack, and one student registers once."""
import re

import pytest
from playwright.sync_api import expect

from campus import testing
from services import demo
from tests import browser
from tests.e2e.test_portal_requests import pay

REGISTRANT = demo.REGISTRANT_2["registration_number"]    # 24F-100002: Autumn 2025 published, 8602 failed
NOT_ELIGIBLE = demo.STUDENT["registration_number"]       # 22P-123456: Spring 2026's results not published yet
SUBMIT = "form.form button[type=submit]"
RESULTS_NOT_PUBLISHED = {
    "en": "The results of your last semester are not published yet: you can register once they are.",
    "ur": "آپ کے پچھلے سمسٹر کے نتائج ابھی شائع نہیں ہوئے: ان کے شائع ہونے پر آپ رجسٹریشن کر سکیں گے۔",
}


def course(page, code: str):
    return page.locator(f'[data-course="{code}"] input[name=courses]')


def status_of(page) -> str:
    return page.locator("[data-registration-status]").get_attribute("data-registration-status") or ""


def no_serious_violations(page, what: str) -> None:
    if browser.axe_installed():  # installed by make test; without it the rest of the test still runs
        assert browser.serious_violations(page) == [], what


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_the_registrant_registers_from_the_dashboard_pays_and_is_confirmed(page, base_url):
    browser.sign_in(page, base_url, REGISTRANT)
    page.click('[data-tile="registration"] a[href$="/student/registration"]')
    expect(page.locator("[data-semester]")).to_have_text("Spring 2027")
    expect(page.locator("form[data-eligible=true]")).to_be_visible()
    expect(course(page, "8602")).to_be_checked()                     # her failed course, checked to begin with
    expect(page.locator('[data-course="8602"]')).to_contain_text("must be registered again")
    for code in ("8604", "8605", "8606"):
        expect(course(page, code)).not_to_be_checked()
    no_serious_violations(page, "the registration form")

    # Leaving the failed course out: enrollment refuses it, and the page says so next to the courses.
    course(page, "8602").uncheck()
    course(page, "8604").check()
    page.click(SUBMIT)
    expect(page.locator("#courses-error")).to_have_text("Courses you failed must be registered again: "
                                                        "keep 8602 checked.")
    expect(course(page, "8602")).not_to_be_checked()                 # what she sent, as she sent it
    expect(course(page, "8604")).to_be_checked()
    no_serious_violations(page, "the registration form with its error")

    course(page, "8602").check()
    course(page, "8605").check()
    page.click(SUBMIT)
    expect(page).to_have_url(re.compile(r"/student/registration$"))   # 303 back to the page
    expect(page.locator("[data-registration-status]")).to_have_text("Awaiting payment")
    expect(page.locator("[data-registration] [data-course]")).to_have_count(3)
    challan = page.locator("[data-challan]")
    consumer_number = challan.locator("[data-consumer-number]").inner_text().strip()
    assert re.fullmatch(r"\d{18}", consumer_number), consumer_number
    expect(challan.locator("[data-amount]")).to_have_attribute("data-amount", str(9 * 108750))  # 9 credit hours
    expect(challan).to_contain_text("1LINK")
    expect(page.locator("input[name=courses]")).to_have_count(0)     # registered: nothing more to choose
    no_serious_violations(page, "the registration awaiting payment")

    assert pay(base_url, consumer_number, 9 * 108750)["response_Code"] == "00"
    def confirmed() -> bool:  # finance -> challan_paid -> enrollment's consumer, within seconds
        page.reload()
        return status_of(page) == "confirmed"
    testing.wait_until(confirmed, timeout=30, interval=0.5, what="the registration to show confirmed")
    expect(page.locator("[data-registration-status]")).to_have_text("Confirmed")
    expect(page.locator("[data-challan]")).to_have_count(0)

    page.click('[data-registration] a[href*="/student/courses"]')
    expect(page.locator("h1 [data-semester]")).to_have_text("Spring 2027")
    expect(page.locator("[data-courses] [data-course]")).to_have_count(3)
    expect(page.locator("[data-no-tutors]")).to_contain_text("one to two weeks after the semester starts")
    page.click('[data-semesters] a:has-text("Autumn 2025")')
    expect(page.locator("h1 [data-semester]")).to_have_text("Autumn 2025")
    expect(page.locator("[data-courses] [data-course]")).to_have_count(3)
    expect(page.locator('[data-course="8601"]')).to_be_visible()


def test_the_dashboard_links_to_her_courses_and_her_holds_and_she_has_none(page, base_url):
    browser.sign_in(page, base_url, NOT_ELIGIBLE)
    page.click('[data-tile="courses"] a[href$="/student/courses"]')
    expect(page.locator("h1 [data-semester]")).to_have_text("Spring 2026")
    expect(page.locator('[data-course="8604"] [data-tutor]')).to_contain_text("Dr. Tahira Bibi")
    expect(page.locator('[data-course="8604"]')).to_contain_text("tahira.bibi@example.pk")
    expect(page.locator("[data-assignments]")).to_have_attribute("data-assignments", "lms")   # B.Ed: on the LMS
    expect(page.locator("[data-no-tutors]")).to_have_count(0)
    page.click('nav.pages a[href$="/student"]')
    page.click('[data-tile="registration"] a[href$="/student/holds"]')
    expect(page.locator("h1")).to_have_text("Holds on my studies")
    expect(page.locator("[data-no-holds]")).to_contain_text("No holds")
    expect(page.locator("[data-holds]")).to_have_count(0)


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a_student_who_may_not_register_is_told_why_in_her_language_on_a_phone(browser_type, base_url, lang):
    with browser_type.launch(**browser.launch_args()) as chromium:
        page = chromium.new_page(viewport=browser.PHONE)
        browser.sign_in(page, base_url, NOT_ELIGIBLE, lang=lang)
        page.goto(f"{base_url}/student/registration?lang={lang}")
        expect(page.locator("html")).to_have_attribute("dir", {"en": "ltr", "ur": "rtl"}[lang])
        reasons = page.locator('[data-eligible="false"] [data-reason]')
        expect(reasons).to_have_count(1)
        expect(reasons).to_have_attribute("data-reason", "previous_semester_incomplete")
        expect(reasons).to_have_text(RESULTS_NOT_PUBLISHED[lang])
        expect(page.locator("input[name=courses]")).to_have_count(0)
        assert overflow(page) <= 0, f"the registration page is {overflow(page)}px wider than a 360px phone"


def test_the_registration_pages_fit_a_phone_in_urdu(browser_type, base_url):
    with browser_type.launch(**browser.launch_args()) as chromium:
        page = chromium.new_page(viewport=browser.PHONE)
        browser.sign_in(page, base_url, REGISTRANT, lang="ur")
        for path in ("/student/registration", "/student/courses", "/student/courses?semester=Autumn 2025",
                     "/student/holds", "/student"):
            page.goto(f"{base_url}{path}{'&' if '?' in path else '?'}lang=ur")
            expect(page.locator("html")).to_have_attribute("dir", "rtl")
            assert overflow(page) <= 0, f"{path} is {overflow(page)}px wider than a 360px phone"


def test_signed_out_the_registration_pages_ask_to_sign_in_first(page, base_url):
    for path in ("/student/registration", "/student/courses", "/student/holds"):
        page.goto(f"{base_url}{path}")
        expect(page).to_have_url(re.compile(r"/login\?next="))


@pytest.mark.skipif(not browser.axe_installed(), reason="axe-core is installed by make test")
@pytest.mark.parametrize("lang", ["en", "ur"])
def test_no_serious_accessibility_violations_on_the_registration_pages(page, base_url, lang):
    browser.sign_in(page, base_url, NOT_ELIGIBLE, lang=lang)
    for path in ("/student/registration", "/student/courses", "/student/holds"):
        page.goto(f"{base_url}{path}?lang={lang}")
        assert browser.serious_violations(page) == [], path
