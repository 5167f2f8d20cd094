"""The FAQ against the whole stack: searched by anyone in English and Urdu (the seed's
"AIOU CMS Portal an Overview" first), read, voted on, kept by student services; the pages
on a phone in Urdu."""
from playwright.sync_api import expect

from tests import browser
from tests.e2e.test_portal_finance import no_serious_violations, overflow
from tests.stack import bearer, login


def test_the_faq_is_searched_read_voted_and_kept(http):
    found = http.get("/api/v1/public/faq", params={"q": "registration number login"})
    assert found.status_code == 200
    articles = found.json()["articles"]
    assert {"id", "title", "snippet"} <= set(articles[0])
    overview = next(a for a in articles if a["title"] == "AIOU CMS Portal an Overview")
    urdu = http.get("/api/v1/public/faq", params={"q": "رجسٹریشن نمبر", "lang": "ur"}).json()["articles"]
    assert overview["id"] in [a["id"] for a in urdu]
    read = http.get(f"/api/v1/public/faq/{overview['id']}", params={"lang": "ur"}).json()
    assert read["lang"] == "ur" and read["title"] == "اے آئی او یو سی ایم ایس پورٹل کا تعارف"
    voted = http.post(f"/api/v1/public/faq/{overview['id']}/vote", json={"helpful": True}).json()
    assert voted["helpful_yes"] >= 1 and voted["views"] >= read["views"]
    assert http.get("/api/v1/public/faq/999999").status_code == 404
    assert http.get("/api/v1/public/faq", params={"q": 'x" OR 1=1 --'}).status_code == 200

    services = bearer(login(http, "student.services"))
    made = http.post("/api/v1/staff/faq", headers=services, json={
        "category": "books", "title_en": "When do my books arrive?",
        "body_en": "Books are mailed by post within three weeks of registration; track them on your dashboard."})
    assert made.status_code == 201, made.text
    assert made.json()["id"] in [a["id"] for a in http.get(
        "/api/v1/public/faq", params={"q": "books mailed weeks"}).json()["articles"]]
    exams = bearer(login(http, "exams.officer"))
    assert http.post("/api/v1/staff/faq", headers=exams, json={
        "category": "books", "title_en": "x", "body_en": "y"}).status_code == 403


def test_the_faq_pages(page, base_url):
    page.goto(f"{base_url}/?lang=en")
    page.click("a[href='/faq']")
    page.fill("[data-faq-search] #q", "service request number")
    page.click("[data-faq-search] button")
    page.locator("[data-faq-results] a", has_text="AIOU CMS Portal an Overview").click()
    expect(page.locator("h1")).to_have_text("AIOU CMS Portal an Overview")
    page.click("[data-helpful] button[value=yes]")
    expect(page.locator("[data-voted]")).to_be_visible()
    no_serious_violations(page, "an FAQ article")

    page.set_viewport_size(browser.PHONE)
    page.goto(f"{base_url}/faq?lang=ur&q=پاس ورڈ")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("[data-faq-results] li").first).to_be_visible()
    assert overflow(page) <= 0, f"the FAQ is {overflow(page)}px wider than a 360px phone"
    no_serious_violations(page, "the FAQ in Urdu on a phone")

    page.set_viewport_size({"width": 1280, "height": 900})
    browser.sign_in(page, base_url, "student.services")
    page.click("[data-tools] a[href='/staff/faq']")
    form = page.locator("[data-faq-form]")
    form.locator("#category-degrees").check()
    form.locator("#title_en").fill("How long does an urgent degree take?")
    form.locator("#body_en").fill("About two weeks from the paid challan, then it goes by courier.")
    form.locator("#title_ur").fill("فوری ڈگری میں کتنا وقت لگتا ہے؟")
    form.locator("#body_ur").fill("ادا شدہ چالان کے بعد تقریباً دو ہفتے، پھر کورئیر سے بھیجی جاتی ہے۔")
    form.locator("button").click()
    expect(page.locator("[data-done]")).to_be_visible()
    no_serious_violations(page, "student services' FAQ page")
    page.goto(f"{base_url}/faq?q=urgent+degree+courier")
    expect(page.locator("[data-faq-results]")).to_contain_text("How long does an urgent degree take?")
