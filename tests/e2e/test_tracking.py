"""Degree tracking against the whole stack, in a real browser: a paid urgent degree fee opens
an application; examinations verify it and return it with an objection (her degree is held,
the public sees the reason by her roll number); she answers on her page with a document and
it is back in verification; examinations print it, dispatch hands it to a courier and records
delivery; each stage reaches her by email. Refusals by rule and by department are 4xx,
shown next to their field on the pages; the public page in Urdu on a phone."""
import datetime as dt

from playwright.sync_api import expect

from campus import testing
from campus.tests import hostile_files
from services import demo
from tests import browser
from tests.e2e.test_notifications import NOTIFICATIONS_FROM
from tests.e2e.test_portal_finance import no_serious_violations, overflow, sign_out
from tests.e2e.test_portal_requests import pay
from tests.stack import bearer, login, mails_to

AYESHA = demo.STUDENT
REASON = "The Matric certificate is not attested"
WANTED = "Attested copy of the Matric certificate"


def paid_degree_application(http, base_url, student) -> tuple[str, str]:
    """File and pay an urgent degree fee; (request number, tracking ID) once tracking opened it."""
    filed = http.post("/api/v1/me/requests", headers=student, json={
        "category": "other_fee_challan", "subtype": "degree_fee_urgent", "details": "Degree for a job (tracking)"})
    assert filed.status_code == 201, filed.text
    number, challan = filed.json()["request_number"], filed.json()["challan"]
    assert pay(base_url, challan["consumer_number"], challan["amount"])["response_Code"] == "00"

    def opened():
        found = http.get("/api/v1/me/tracking", headers=student).json()["data"]["applications"]
        return next((a for a in found if a["request_number"] == number), None)
    application = testing.wait_until(opened, timeout=30, what=f"the application of {number}")
    assert (application["stage"], application["section"], application["urgent"]) == ("received", "in_process", True)
    return number, application["tracking_id"]


def stage(http, who, tracking_id, **body):
    return http.post(f"/api/v1/staff/tracking/{tracking_id}/stage", headers=who, json=body)


def test_an_application_is_returned_answered_and_delivered(page, base_url, http, stack):
    ayesha = bearer(login(http, AYESHA["registration_number"]))
    _number, tracking_id = paid_degree_application(http, base_url, ayesha)
    exams, dispatch = bearer(login(http, "exams.officer")), bearer(login(http, "dispatch.officer"))

    # Refused by department (403) and by rule (409), each a problem naming what is wrong.
    wrong = stage(http, dispatch, tracking_id, stage="verification")
    assert wrong.status_code == 403 and wrong.headers["content-type"].startswith("application/problem+json")
    early = stage(http, exams, tracking_id, stage="printing")
    assert early.status_code == 409 and early.json()["errors"][0]["field"] == "stage", early.text
    assert stage(http, exams, tracking_id, stage="verification", note="Checked against the result").status_code == 200
    returned = http.post(f"/api/v1/staff/tracking/{tracking_id}/objection", headers=exams,
                         json={"reason": REASON, "documents": [WANTED]})
    assert returned.status_code == 200, returned.text
    assert (returned.json()["stage"], returned.json()["section"]) == ("objection", "incomplete_returned")

    # Her degree is held while the objection is open.
    testing.wait_until(lambda: [h for h in http.get("/api/v1/me/holds", headers=ayesha).json()["holds"]
                                if h["code"] == "degree_objection" and h["reference"] == tracking_id],
                       timeout=30, what="the degree objection hold")
    # The public, by her roll number: the stage and the reason, nothing personal.
    public = http.get("/api/v1/public/degree-tracking", params={"roll_number": AYESHA["roll_number"]})
    assert public.status_code == 200, public.text
    listed = next(a for a in public.json()["applications"] if a["tracking_id"] == tracking_id)
    assert (listed["stage"], listed["section"], listed["objection"]["reason"]) == (
        "objection", "incomplete_returned", REASON)
    assert not {"registration_number", "request_number", "filed_at"} & set(listed)
    bad = http.get("/api/v1/public/degree-tracking", params={"roll_number": "12"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "roll_number"

    # She answers on her page: an empty answer is refused next to its field, then a document.
    browser.sign_in(page, base_url, AYESHA["registration_number"])
    page.click(f'[data-tile="tracking"] a:has-text("{tracking_id}")')
    card = page.locator(f'[data-application="{tracking_id}"]')
    expect(card).to_have_attribute("data-stage", "objection")
    expect(card).to_contain_text(REASON)
    expect(card).to_contain_text(WANTED)
    no_serious_violations(page, "her applications with an objection")
    card.locator("form[data-answer] button[type=submit]").click()
    expect(page.locator("#text-error")).to_be_visible()
    card = page.locator(f'[data-application="{tracking_id}"]')
    card.locator("textarea[name=text]").fill("The attested copy is attached")
    card.locator("input[name=file]").set_input_files(
        files=[{"name": "matric.pdf", "mimeType": "application/pdf", "buffer": hostile_files.good_pdf()}])
    card.locator("form[data-answer] button[type=submit]").click()
    expect(page.locator("[data-done]")).to_be_visible()
    expect(page.locator(f'[data-application="{tracking_id}"]')).to_have_attribute("data-stage", "verification")
    testing.wait_until(lambda: not [h for h in http.get("/api/v1/me/holds", headers=ayesha).json()["holds"]
                                    if h["reference"] == tracking_id], timeout=30, what="the hold to clear")
    sign_out(page)

    # Examinations see her answer and print; dispatch cannot without a courier.
    browser.sign_in(page, base_url, "exams.officer")
    page.goto(f"{base_url}/staff/tracking")
    row = page.locator(f'[data-queue] tr[data-application="{tracking_id}"]')
    expect(row).to_contain_text("Urgent")
    row.locator("a").click()
    expect(page.locator("[data-document]")).to_have_text("matric.pdf")
    no_serious_violations(page, "an application for examinations")
    for next_stage in ("printing", "ready"):
        page.select_option("select[name=stage]", next_stage)
        page.click("form[data-move] button[type=submit]")
        expect(page.locator("[data-done]")).to_be_visible()
        expect(page.locator("dd[data-stage]")).to_contain_text("Printing" if next_stage == "printing" else "Ready")
    expect(page.locator("form[data-move]")).to_have_count(0)   # the rest is dispatch's
    sign_out(page)

    browser.sign_in(page, base_url, "dispatch.officer")
    page.goto(f"{base_url}/staff/tracking/{tracking_id}")
    page.click("form[data-move] button[type=submit]")            # no courier
    expect(page.locator("#courier-error")).to_be_visible()
    page.fill("input[name=courier]", "TCS")
    page.fill("input[name=courier_tracking_number]", "TCS-7712044")
    page.click("form[data-move] button[type=submit]")
    expect(page.locator("dd[data-stage]")).to_contain_text("Dispatched")
    page.select_option("select[name=stage]", "delivered")
    page.click("form[data-move] button[type=submit]")
    expect(page.locator("dd[data-stage]")).to_contain_text("Delivered")
    expect(page.locator("[data-history] li")).to_have_count(8)   # verification twice: before and after

    # Each stage reached her by email, naming the tracking ID.
    def each_stage():
        found = [m for m in mails_to(stack, AYESHA["email"], NOTIFICATIONS_FROM) if tracking_id in m]
        return found if len(found) >= 8 else None
    mails = testing.wait_until(each_stage, timeout=60, what="an email for each stage")
    assert any("objection" in m for m in mails)


def test_the_public_looks_up_a_roll_number_in_urdu_on_a_phone(page, base_url, http):
    ayesha = bearer(login(http, AYESHA["registration_number"]))
    _number, tracking_id = paid_degree_application(http, base_url, ayesha)
    page.set_viewport_size(browser.PHONE)
    page.goto(f"{base_url}/track?lang=ur&roll_number=12")
    expect(page.locator("#roll_number-error")).to_be_visible()
    page.goto(f"{base_url}/track?lang=ur&roll_number={AYESHA['roll_number']}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    in_process = page.locator('[data-list="in_process"]')
    expect(in_process).to_contain_text("زیرِ کارروائی درخواستیں")
    expect(in_process.locator(f'[data-application="{tracking_id}"]')).to_be_visible()
    expect(page.locator('[data-list="incomplete_returned"]')).to_be_visible()
    assert AYESHA["full_name"] not in page.content() and AYESHA["registration_number"] not in page.content()
    assert overflow(page) <= 0, f"the look-up is {overflow(page)}px wider than a 360px phone"
    no_serious_violations(page, "the public look-up by roll number in Urdu on a phone")
    page.goto(f"{base_url}/track?lang=en&tracking_id={tracking_id}")
    expect(page.locator("dd[data-stage]")).to_have_text("Received")
    expect(page.locator("[data-stages] li")).to_have_count(1)


def test_her_case_tells_its_whole_story_and_when_it_will_end(page, base_url, http):
    ayesha = bearer(login(http, AYESHA["registration_number"]))
    number, tracking_id = paid_degree_application(http, base_url, ayesha)
    assert stage(http, bearer(login(http, "exams.officer")), tracking_id, stage="verification").status_code == 200

    found = http.get(f"/api/v1/me/cases/{number}", headers=ayesha)
    assert found.status_code == 200, found.text
    case = found.json()
    assert (case["request_number"], case["tracking_id"], case["incomplete"]) == (number, tracking_id, False)
    events = case["events"]
    assert {e["source"] for e in events} == {"requests", "finance", "tracking"}
    moments = [dt.datetime.fromisoformat(e["at"]) for e in events]
    assert moments == sorted(moments)
    whats = [e["what"] for e in events]
    assert any(w.startswith("Challan ") and "issued for Rs 2,000" in w for w in whats)
    assert "Paid at ABL" in whats
    assert f"Application {tracking_id}: Verification" in whats
    assert case["next_step"]["what"] == f"Application {tracking_id}: Printing"
    assert case["eta"] and case["eta"] >= events[0]["at"][:10]   # the pace of recent cases, or the target
    assert http.get(f"/api/v1/me/cases/{number}", headers=bearer(login(http, demo.CLASSMATE["registration_number"]))
                    ).status_code == 404
    assert http.get("/api/v1/me/cases/SR-1", headers=ayesha).status_code == 400

    browser.sign_in(page, base_url, AYESHA["registration_number"])
    page.goto(f"{base_url}/student/requests/{number}")
    page.click("[data-case-link]")
    expect(page.locator("[data-events] li[data-source=finance]")).to_have_count(2)
    expect(page.locator("[data-next-step]")).to_contain_text("Printing")
    no_serious_violations(page, "her case's whole story")
    page.set_viewport_size(browser.PHONE)
    page.goto(f"{base_url}/student/cases/{number}?lang=ur")
    expect(page.locator("[data-next-step] h2")).to_have_text("آگے کیا ہو گا")
    expect(page.locator("[data-events]")).to_contain_text(f"درخواست {tracking_id}")
    assert overflow(page) <= 0, f"her case is {overflow(page)}px wider than a 360px phone"
    no_serious_violations(page, "her case in Urdu on a phone")
    page.goto(f"{base_url}/student/cases/{number}?lang=en")
