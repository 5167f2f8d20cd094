"""The portal in a real browser (Debian's chromium through Playwright) against the whole
stack: signing in, every tile, Urdu, a phone's width, signing out, CSRF, accessibility."""
import re

import httpx
import pytest
from playwright.sync_api import expect

from tests import browser
from tests.stack import client

STUDENT, STAFF = "22P-123456", "student.services"
JSON_TILES = ("profile", "courses", "results", "finance", "requests", "tracking", "account", "notifications")


def test_the_home_and_sign_in_pages_are_html_with_the_pinned_fields(stack):
    with client(stack) as http:
        for path in ("/", "/login", "/track"):
            response = http.get(path)
            assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
        form = http.get("/login").text
        assert 'name="username"' in form and 'name="password"' in form and 'name="csrf_token"' in form


def test_a_student_signs_in_and_sees_every_tile_with_live_data(page, base_url):
    browser.sign_in(page, base_url, STUDENT)
    expect(page).to_have_url(re.compile(r"/student$"))
    for name in JSON_TILES:
        expect(page.locator(f'[data-tile="{name}"]')).to_have_attribute("data-status", "ok")
    expect(page.locator('[data-tile="courses"]')).to_contain_text("8604")       # her Spring 2026 courses
    expect(page.locator('[data-tile="finance"]')).to_contain_text("Paid")      # the paid semester fee
    expect(page.locator("h1")).to_contain_text("Ayesha Siddiqui")
    assert page.locator("form[action*=logout], a[href*=logout]").count() >= 1


def test_staff_sign_in_and_land_on_their_departments_queue(page, base_url):
    browser.sign_in(page, base_url, STAFF)
    expect(page).to_have_url(re.compile(r"/staff$"))
    expect(page.locator("[data-queue]")).to_have_attribute("data-queue", "student_services")
    expect(page.locator("h1")).to_have_text("Student services")


def test_the_urdu_switch_turns_the_page_right_to_left_and_back(page, base_url):
    browser.sign_in(page, base_url, STUDENT)
    page.click('nav.langs a[lang="ur"]')
    expect(page.locator("html")).to_have_attribute("lang", "ur")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator('[data-tile="courses"] h2')).to_have_text("میرے کورسز")
    page.goto(f"{base_url}/")                      # remembered in a cookie on the next page
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.goto(f"{base_url}/student?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")


def test_urdu_is_first_chosen_from_the_browsers_languages(browser_type, base_url):
    with browser_type.launch(**browser.launch_args()) as chromium:
        page = chromium.new_page(locale="ur-PK")
        page.goto(f"{base_url}/login")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_dashboard_fits_a_phone(browser_type, base_url, lang):
    with browser_type.launch(**browser.launch_args()) as chromium:
        page = chromium.new_page(viewport=browser.PHONE)
        browser.sign_in(page, base_url, STUDENT, lang=lang)
        expect(page.locator('[data-tile="results"]')).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page is {overflow}px wider than a 360px phone"


def test_signing_out_ends_the_page_session_and_its_cookie(page, base_url):
    browser.sign_in(page, base_url, STUDENT)
    expect(page).to_have_url(re.compile(r"/student$"))
    cookies = page.context.cookies()
    page.click("form.logout button")
    expect(page).to_have_url(re.compile(r"/login"))
    page.goto(f"{base_url}/student")
    expect(page).to_have_url(re.compile(r"/login\?next=/student"))
    # The cookie from before sign-out, replayed, opens nothing: the identity session is over.
    replay = {c["name"]: c["value"] for c in cookies}
    answer = httpx.get(f"{base_url}/student", cookies=replay, follow_redirects=False)
    assert answer.status_code == 302 and "/login" in answer.headers["location"]


def test_a_form_posted_without_its_csrf_token_is_refused(stack):
    with client(stack) as http:
        http.get("/login")
        refused = http.post("/login", data={"username": STUDENT, "password": "Demo@2026"})
        assert refused.status_code == 400 and refused.headers["content-type"].startswith("text/html")
        assert "cms_session" not in refused.headers.get("set-cookie", "") or "/student" not in refused.text
        assert http.get("/student").status_code == 302  # nobody was signed in by the refused form


def test_a_wrong_password_is_shown_next_to_the_field_and_the_username_kept(page, base_url):
    browser.sign_in(page, base_url, STUDENT, password="Wrong-pass1")
    expect(page.locator("#password-error")).to_be_visible()
    expect(page.locator("input[name=username]")).to_have_value(STUDENT)
    expect(page.locator("input[name=password]")).to_have_value("")


def test_public_tracking_says_an_unknown_id_next_to_the_field(page, base_url):
    page.goto(f"{base_url}/track?lang=ur")
    page.fill("input[name=tracking_id]", "ebn-agz-2g33")   # well formed, lower case: nobody's
    page.click("form.form button[type=submit]")
    expect(page.locator("#tracking_id-error")).to_have_text("اس ٹریکنگ آئی ڈی کی کوئی درخواست نہیں۔")


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_not_found_and_forbidden_pages_in_both_languages(page, base_url, lang):
    answer = page.goto(f"{base_url}/no-such-page?lang={lang}")
    assert answer.status == 404
    expect(page.locator("html")).to_have_attribute("lang", lang)
    browser.sign_in(page, base_url, STAFF, lang=lang)
    assert page.goto(f"{base_url}/student").status == 403


@pytest.mark.skipif(not browser.axe_installed(), reason="axe-core is installed by make test")
@pytest.mark.parametrize("lang", ["en", "ur"])
def test_no_serious_accessibility_violations(page, base_url, lang):
    for path in ("/", "/login", "/track", "/no-such-page"):
        page.goto(f"{base_url}{path}?lang={lang}")
        assert browser.serious_violations(page) == [], path
    browser.sign_in(page, base_url, STUDENT, lang=lang)
    assert browser.serious_violations(page) == [], "/student"
    page.context.clear_cookies()
    browser.sign_in(page, base_url, STAFF, lang=lang)
    assert browser.serious_violations(page) == [], "/staff"


def test_pages_load_only_what_the_gateway_serves_and_are_never_framed(stack):
    with client(stack) as http:
        headers = http.get("/login").headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["referrer-policy"] == "same-origin"
