"""Two-step sign-in in the portal, in a real browser: the code at sign-in, and the security
page of a department where it is optional (set up with the QR code's key, recovery codes
shown once, then turned off again with a fresh code), in English and Urdu."""
import time

import pytest
from playwright.sync_api import expect

from services.identity import mfa
from tests import browser

OPTIONAL = "regional.islamabad"


def fresh_code(secret: str, used: set[str]) -> str:
    """A code of `secret` identity has not seen yet (each time step is accepted once)."""
    while True:
        code = mfa.totp(secret).now()
        if code not in used:
            used.add(code)
            return code
        time.sleep(1)


def test_a_staff_member_who_must_use_mfa_is_asked_for_the_code(page, base_url):
    page.goto(f"{base_url}/login")
    page.fill("input[name=username]", "treasury.officer")
    page.fill("input[name=password]", "Demo@2026")
    page.click("form.form button[type=submit]")
    expect(page.locator("#otp-error")).to_contain_text("6-digit code")
    browser.sign_in(page, base_url, "treasury.officer")  # with the code this time
    expect(page).to_have_url(f"{base_url}/staff")


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_an_optional_department_sets_up_two_step_sign_in_and_turns_it_off(page, base_url, lang):
    browser.sign_in(page, base_url, OPTIONAL, lang=lang)
    page.goto(f"{base_url}/account/security")
    expect(page.locator("[data-mfa=off]")).to_be_visible()
    page.click("form[action$='/account/security/start'] button")
    expect(page.locator("figure.qr svg")).to_be_visible()
    secret = page.locator("[data-mfa-secret]").inner_text().strip()
    used: set[str] = set()
    page.fill("input[name=otp]", "000000" if mfa.totp(secret).now() != "000000" else "111111")
    page.click("form[action$='/account/security/confirm'] button")
    expect(page.locator("#otp-error")).to_be_visible()            # next to the field
    page.fill("input[name=otp]", fresh_code(secret, used))
    page.click("form[action$='/account/security/confirm'] button")
    codes = page.locator("[data-recovery-codes] code").all_inner_texts()
    assert len(codes) == 10 and len(set(codes)) == 10
    if lang == "en":
        assert browser.serious_violations(page) == [] if browser.axe_installed() else True
    page.click("a[href='/account/security']")
    expect(page.locator("[data-mfa=on]")).to_be_visible()
    assert secret not in page.content()                          # never shown again
    # Signing in now needs a code; a recovery code does it once.
    page.context.clear_cookies()
    browser.sign_in(page, base_url, OPTIONAL, lang=lang)
    expect(page.locator("#otp-error")).to_be_visible()
    page.fill("input[name=password]", "Demo@2026")
    page.fill("input[name=otp]", codes[0])
    page.click("form.form button[type=submit]")
    expect(page).to_have_url(f"{base_url}/staff")
    page.goto(f"{base_url}/account/security")
    page.fill("input[name=disable-otp]", fresh_code(secret, used))
    page.click("form[action$='/account/security/disable'] button")
    expect(page.locator("[data-mfa-disabled]")).to_be_visible()
    page.context.clear_cookies()
    browser.sign_in(page, base_url, OPTIONAL, lang=lang)
    expect(page).to_have_url(f"{base_url}/staff")
