"""Notifications against the whole stack: a request filed is acknowledged in her inbox, by
email (var/mail/) and by text message (var/sms/), each naming its number, once; staff's
announcements reach exactly whom they are for; the pages, in English and in Urdu on a phone."""
import datetime as dt
from pathlib import Path

from playwright.sync_api import expect

from campus import clock, testing
from services import demo
from tests import browser
from tests.e2e.test_portal_finance import no_serious_violations, overflow, sign_out
from tests.stack import bearer, login, mails_to

BILAL = demo.CLASSMATE        # Lahore
AYESHA = demo.STUDENT         # Islamabad
NOTIFICATIONS_FROM = "notifications@cms.edu.pk"


def inbox(http, who, **params):
    found = http.get("/api/v1/me/notifications", headers=who, params=params)
    assert found.status_code == 200, found.text
    return found.json()


def text_messages(stack, mobile: str) -> list[str]:
    folder = Path(stack.env["CAMPUS_VAR_DIR"]) / "sms"
    texts = [p.read_text() for p in sorted(folder.glob("*.txt"))] if folder.exists() else []
    return [t for t in texts if f"To: {mobile}\n" in t]


def test_a_filed_request_is_acknowledged_once_in_her_inbox_by_email_and_by_text(http, stack):
    bilal = bearer(login(http, BILAL["registration_number"]))
    filed = http.post("/api/v1/me/requests", headers=bilal, json={
        "category": "general_query", "subtype": "general_query", "details": "When do workshops start?"})
    assert filed.status_code == 201, filed.text
    number = filed.json()["request_number"]

    def acknowledged():
        return next((n for n in inbox(http, bilal)["notifications"] if number in n["title"]), None)
    item = testing.wait_until(acknowledged, timeout=30, what=f"the acknowledgement of {number}")
    assert set(item) >= {"id", "title", "body", "created_at", "read"} and item["read"] is False
    assert number in item["body"] and item["link"] == f"/student/requests/{number}"
    urdu = next(n for n in inbox(http, bilal, lang="ur")["notifications"] if n["id"] == item["id"])
    assert number in urdu["title"] and "درخواست" in urdu["title"]

    mails = testing.wait_until(lambda: [m for m in mails_to(stack, BILAL["email"], NOTIFICATIONS_FROM) if number in m],
                               timeout=30, what="the acknowledgement by email")
    texts = testing.wait_until(lambda: [t for t in text_messages(stack, BILAL["mobile"]) if number in t],
                               timeout=30, what="the acknowledgement by text message")
    assert len(mails) == 1 and len(texts) == 1

    ayesha = bearer(login(http, AYESHA["registration_number"]))
    assert http.post(f"/api/v1/me/notifications/{item['id']}/read", headers=ayesha).status_code == 404
    before = inbox(http, bilal)["unread"]
    read = http.post(f"/api/v1/me/notifications/{item['id']}/read", headers=bilal)
    assert read.status_code == 200 and read.json()["unread"] == before - 1
    assert http.post("/api/v1/me/notifications/all/read", headers=bilal).json()["unread"] == 0
    assert http.post("/api/v1/me/notifications/x7/read", headers=bilal).status_code == 404


def test_announcements_reach_exactly_whom_they_are_for(http):
    services = bearer(login(http, "student.services"))
    deadline = (clock.karachi_today() + dt.timedelta(days=9)).isoformat()
    posted = http.post("/api/v1/staff/announcements", headers={**services, "Idempotency-Key": "lhr-books-1"}, json={
        "audience": "region", "audience_value": "LHR", "title_en": "Lahore: collect your books",
        "body_en": "Books of Spring 2027 are at the Lahore regional office.", "title_ur": "لاہور: کتابیں وصول کریں",
        "body_ur": "بہار 2027 کی کتابیں لاہور علاقائی دفتر میں موجود ہیں۔", "deadline": deadline})
    assert posted.status_code == 201, posted.text
    again = http.post("/api/v1/staff/announcements", headers={**services, "Idempotency-Key": "lhr-books-1"},
                      json={"audience": "region", "audience_value": "LHR", "title_en": "Lahore: collect your books",
                            "body_en": "Books of Spring 2027 are at the Lahore regional office."})
    assert again.json()["id"] == posted.json()["id"] and posted.json()["audience_size"] >= 1

    bilal = bearer(login(http, BILAL["registration_number"]))
    ayesha = bearer(login(http, AYESHA["registration_number"]))
    seen = next(n for n in inbox(http, bilal)["notifications"] if n["title"] == "Lahore: collect your books")
    assert seen["deadline"] == deadline and seen["id"].startswith("a")
    assert "Lahore: collect your books" not in str(inbox(http, ayesha))

    islamabad = bearer(login(http, "regional.islamabad"))
    refused = http.post("/api/v1/staff/announcements", headers=islamabad, json={
        "audience": "all", "title_en": "To everyone", "body_en": "From Islamabad"})
    assert refused.status_code == 403 and refused.json()["errors"][0]["field"] == "audience"
    late = http.post("/api/v1/staff/announcements", headers=services, json={
        "audience": "all", "title_en": "Old", "body_en": "Old news", "deadline": "2020-01-01"})
    assert late.status_code == 400 and late.json()["errors"][0]["field"] == "deadline"
    assert http.post("/api/v1/staff/announcements", headers=ayesha, json={
        "audience": "all", "title_en": "Hi", "body_en": "Hi"}).status_code == 403

    withdrawn = http.post(f"/api/v1/staff/announcements/{posted.json()['id']}/withdraw", headers=services)
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn"] is True
    assert "Lahore: collect your books" not in str(inbox(http, bilal))
    listed = http.get("/api/v1/staff/notifications/deliveries", headers=services, params={"status": "sent"})
    assert listed.status_code == 200 and listed.json()["counts"]["sent"] >= 1
    assert BILAL["email"] not in listed.text and "b***@example.pk" in listed.text  # addresses are masked
    exams = bearer(login(http, "exams.officer"))
    assert http.get("/api/v1/staff/notifications/deliveries", headers=exams).status_code == 403


def test_the_notification_pages(page, base_url):
    browser.sign_in(page, base_url, "student.services")
    page.click("[data-tools] a[href='/staff/announcements']")
    form = page.locator("[data-announcement-form]")
    form.locator("#audience-program").check()
    form.locator("#audience_value").fill("BED15")
    form.locator("#title_en").fill("B.Ed: assignment 2 due")
    form.locator("#body_en").fill("Send assignment 2 of every course to your tutor.")
    form.locator("#deadline").fill("31-12-2026")  # not a date: said next to the field
    form.locator("button[type=submit]").click()
    expect(page.locator("#deadline-error")).to_be_visible()
    no_serious_violations(page, "an announcement refused")
    page.fill("#deadline", (clock.karachi_today() + dt.timedelta(days=5)).isoformat())
    page.fill("#title_ur", "بی ایڈ: دوسری مشق")
    page.click("[data-announcement-form] button[type=submit]")
    expect(page.locator("[data-done]")).to_be_visible()
    expect(page.locator("[data-announcements]")).to_contain_text("B.Ed: assignment 2 due")
    page.goto(f"{base_url}/staff/deliveries?status=sent")
    expect(page.locator("h1")).to_have_text("Emails and text messages")
    no_serious_violations(page, "the emails and text messages")
    sign_out(page)

    browser.sign_in(page, base_url, demo.REGISTRANT_2["registration_number"])
    tile = page.locator('[data-tile="notifications"]')
    expect(tile).to_contain_text("B.Ed: assignment 2 due")
    tile.locator("a", has_text="All notifications").click()
    item = page.locator("[data-notifications] li", has_text="B.Ed: assignment 2 due")
    expect(item).to_have_attribute("data-read", "no")
    item.locator("button").click()
    expect(page.locator("[data-done]")).to_be_visible()
    expect(page.locator("[data-notifications] li", has_text="B.Ed: assignment 2 due")).to_have_attribute(
        "data-read", "yes")
    no_serious_violations(page, "her notifications")

    page.set_viewport_size(browser.PHONE)
    page.goto(f"{base_url}/student/notifications?lang=ur")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("[data-notifications]")).to_contain_text("بی ایڈ: دوسری مشق")
    assert overflow(page) <= 0, f"her notifications are {overflow(page)}px wider than a 360px phone"
    no_serious_violations(page, "her notifications in Urdu on a phone")
    page.goto(f"{base_url}/student?lang=ur")
    expect(page.locator('[data-tile="notifications"]')).to_contain_text("بی ایڈ: دوسری مشق")


def test_a_partner_system_is_told_of_a_filed_request_by_a_signed_webhook(http):
    from services.notifications import webhooks
    with testing.HttpReceiver("/cms-events") as receiver:
        services = bearer(login(http, "student.services"))
        registered = http.post("/api/v1/staff/webhooks", headers=services, json={
            "name": "LMS (e2e)", "url": receiver.url, "events": ["request_submitted"]})
        assert registered.status_code == 201, registered.text
        secret = registered.json()["secret"]
        bilal = bearer(login(http, BILAL["registration_number"]))
        number = http.post("/api/v1/me/requests", headers=bilal, json={
            "category": "general_query", "subtype": "general_query", "details": "For the LMS"}).json()["request_number"]

        def told():
            return [(h, b) for h, b in receiver.received if number.encode() in b]
        headers, body = testing.wait_until(told, timeout=30, what="the partner's delivery")[0]
    assert webhooks.verify(secret, headers, body)
    log = http.get(f"/api/v1/staff/webhooks/{registered.json()['id']}/deliveries", headers=services).json()
    assert headers["X-CMS-Delivery"] in [d["id"] for d in log["deliveries"]]
    listed = http.get("/api/v1/staff/webhooks", headers=services).json()
    assert "secret" not in next(p for p in listed["partners"] if p["name"] == "LMS (e2e)")
    refused = http.post("/api/v1/staff/webhooks", headers=services, json={
        "name": "Nope", "url": "https://lms.example.edu.pk/in", "events": ["complaint_filed"]})
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"].startswith("events")


def test_the_partner_systems_pages(page, base_url):
    browser.sign_in(page, base_url, "student.services")
    page.click("[data-tools] a[href='/staff/webhooks']")
    form = page.locator("[data-partner-form]")
    form.locator("#name").fill("Library (page)")
    form.locator("#url").fill("https://library.example.edu.pk/cms-events")
    form.locator("button[type=submit]").click()  # no event chosen: said next to the list
    expect(page.locator("#events-error")).to_be_visible()
    page.check("#events-result_published")
    page.click("[data-partner-form] button[type=submit]")
    expect(page.locator("[data-secret]")).to_be_visible()
    no_serious_violations(page, "a partner system registered")
    page.locator("[data-partners] a", has_text="Library (page)").click()
    expect(page.locator("h1")).to_have_text("Library (page)")
    page.click("button[name=active][value=no]")
    expect(page.locator("button[name=active][value=yes]")).to_be_visible()
    no_serious_violations(page, "a partner's delivery log")
    page.goto(f"{base_url}/staff/webhooks?lang=ur")
    expect(page.locator("h1")).to_have_text("شراکت دار نظام")
