"""The help desk against the whole stack: a complaint filed without signing in (its bot
check solved, a replay refused), looked up by its number and email, answered by student
services; in the portal too, in Urdu on a phone. The test reads the picture's digits from
the challenge with the gateway's secret, as no test can read a picture."""
from playwright.sync_api import expect

from gateway import challenge
from gateway.config import DEV_SESSION_SECRET
from tests import browser
from tests.e2e.test_portal_finance import no_serious_violations, overflow, sign_out
from tests.stack import bearer, login

PROBLEM = "application/problem+json"


def solved(http) -> dict:
    fresh = http.get("/api/v1/public/complaints/challenge").json()
    return {"challenge_id": fresh["challenge_id"],
            "challenge_answer": challenge.digits_of(DEV_SESSION_SECRET, fresh["challenge_id"])}


def complaint(**fields) -> dict:
    return {"name": "Sana Javed", "email": "sana@example.pk", "category": "login_problem",
            "text": "I cannot sign in since my password reset", **fields}


def test_a_complaint_without_signing_in_its_look_up_and_answer(http):
    check = solved(http)
    filed = http.post("/api/v1/public/complaints", data=complaint(**check),
                      files={"file": ("screen.png", challenge.picture("12345", seed=1), "image/png")})
    assert filed.status_code == 201, filed.text
    number = filed.json()["complaint_number"]
    replayed = http.post("/api/v1/public/complaints", data=complaint(**check))
    assert replayed.status_code == 409 and replayed.json()["errors"][0]["field"] == "challenge_answer"
    wrong = http.post("/api/v1/public/complaints", data=complaint(**{**solved(http), "challenge_answer": "00000"}))
    assert wrong.status_code == 400 and wrong.headers["Content-Type"].startswith(PROBLEM)
    assert wrong.json()["errors"][0]["field"] == "challenge_answer"

    status = http.get(f"/api/v1/public/complaints/{number}", params={"contact": "Sana@Example.pk"})
    assert status.status_code == 200 and status.json()["status"] == "open"
    assert http.get(f"/api/v1/public/complaints/{number}", params={"contact": "x@example.pk"}).status_code == 404

    services = bearer(login(http, "student.services"))
    document = http.get(f"/api/v1/staff/complaints/{number}/document", headers=services)
    assert document.status_code == 200 and document.headers["Content-Type"] == "image/png"
    answered = http.post(f"/api/v1/staff/complaints/{number}/answer", headers=services,
                         json={"answer": "Your account is unlocked: sign in again.", "close": True})
    assert answered.status_code == 200 and answered.json()["status"] == "closed"
    seen = http.get(f"/api/v1/public/complaints/{number}", params={"contact": "sana@example.pk"}).json()
    assert seen["answer"] == "Your account is unlocked: sign in again." and "answered_by" not in seen
    exams = bearer(login(http, "exams.officer"))
    assert http.get("/api/v1/staff/complaints", headers=exams).status_code == 403


def test_the_help_desk_pages(page, base_url):
    page.goto(f"{base_url}/login")
    page.click("[data-help-link]")
    expect(page.locator("h1")).to_have_text("Help desk")
    form = page.locator("[data-complaint-form]")
    form.locator("#name").fill("Sana Javed")
    form.locator("#email").fill("sana.javed@example.pk")
    form.locator("#category-login_problem").check()
    form.locator("#text").fill("The portal says my account is locked")
    form.locator("#challenge_answer").fill("00000")  # wrong: said next to it, a new picture
    form.locator("button").click()
    expect(page.locator("#challenge_answer-error")).to_be_visible()
    no_serious_violations(page, "the help desk's form refused")
    token = page.locator("[data-complaint-form] input[name=challenge_id]").input_value()
    page.fill("#challenge_answer", challenge.digits_of(DEV_SESSION_SECRET, token))
    page.click("[data-complaint-form] button")
    number = page.locator("[data-complaint-number]").inner_text()
    assert number.startswith("HD-")

    browser.sign_in(page, base_url, "student.services")
    page.click("[data-tools] a[href='/staff/complaints']")
    page.click(f'[data-complaints] tr[data-complaint="{number}"] a')
    page.fill("[data-answer-form] #answer", "Unlocked. Sign in with your password.")
    page.click("[data-answer-form] button")
    expect(page.locator('[data-complaint-status="answered"]')).to_be_visible()
    no_serious_violations(page, "a complaint answered")
    sign_out(page)

    page.set_viewport_size(browser.PHONE)
    page.goto(f"{base_url}/help/status?lang=ur")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.fill("#complaint_number", number.lower())
    page.fill("#contact", "sana.javed@example.pk")
    page.click("[data-complaint-lookup] button")
    expect(page.locator("[data-answer]")).to_contain_text("Unlocked. Sign in with your password.")
    assert overflow(page) <= 0, f"the look-up is {overflow(page)}px wider than a 360px phone"
    no_serious_violations(page, "a complaint's answer in Urdu on a phone")
    page.goto(f"{base_url}/help")
    assert overflow(page) <= 0, f"the help desk form is {overflow(page)}px wider than a 360px phone"
