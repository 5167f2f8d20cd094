"""A request worked through in the portal, in a real browser against the whole stack.

The student attaches a document to her request (a script dressed as a PDF is refused next
to the field), writes to the officials; student services finds it in its console by its
filters, asks her a question, keeps an internal note; she sees the question on her phone
in Urdu, answers it; the department approves it and she reads the decision. Accessibility
(axe-core) throughout."""
from playwright.sync_api import expect

from campus import testing
from campus.tests import hostile_files
from services import demo
from tests import browser
from tests.e2e.test_portal_finance import no_serious_violations, overflow, sign_out
from tests.stack import bearer, login

AYESHA = demo.STUDENT["registration_number"]
SERVICES = "student.services"


def test_a_question_answered_and_a_decision_read(page, base_url, http):
    student = bearer(login(http, AYESHA))
    number = http.post("/api/v1/me/requests", headers=student, json={
        "category": "general_query", "subtype": "general_query", "details": "When is the 8602 workshop?"},
    ).json()["request_number"]

    browser.sign_in(page, base_url, AYESHA)
    page.goto(f"{base_url}/student/requests/{number}")
    page.set_input_files("[data-document-form] #file", files=[{
        "name": "notes.pdf", "mimeType": "application/pdf", "buffer": hostile_files.HOSTILE["script_renamed_pdf"][1]}])
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.click("[data-document-form] button")
    assert posted.value.status == 400
    expect(page.locator("#file-error")).to_be_visible()
    no_serious_violations(page, "a document refused")
    page.set_input_files("[data-document-form] #file", files=[{
        "name": "timetable.pdf", "mimeType": "application/pdf", "buffer": hostile_files.good_pdf()}])
    page.click("[data-document-form] button")
    expect(page.locator("[data-documents] li")).to_have_count(1)
    expect(page.locator("[data-documents] li a")).to_have_text("timetable.pdf")
    with page.expect_download() as downloaded:
        page.click("[data-documents] li a")
    assert downloaded.value.suggested_filename == "timetable.pdf"
    page.fill("[data-message-form] #text", "Is it on a Sunday?")
    page.click("[data-message-form] button")
    expect(page.locator("[data-done]")).to_be_visible()
    expect(page.locator('[data-thread] li[data-author="student"] .message')).to_have_text("Is it on a Sunday?")
    sign_out(page)

    browser.sign_in(page, base_url, SERVICES)
    page.select_option("[data-queue-filters] #subtype", "general_query")
    page.click("[data-queue-filters] button")
    page.click(f'[data-queue] tr[data-request="{number}"] a')
    expect(page.locator("h1")).to_have_text("General Query")
    expect(page.locator('[data-thread] li[data-author="student"]')).to_have_count(1)
    page.click("[data-decision-form] button")  # no decision chosen: said next to it
    expect(page.locator("#decision-error")).to_be_visible()
    page.check("#decision-request_information")
    page.fill("[data-decision-form] #reason", "Which regional centre are you enrolled at?")
    page.click("[data-decision-form] button")
    expect(page.locator('[data-request-status="awaiting_student"]')).to_be_visible()
    page.fill("[data-message-form] #text", "Workshops differ by centre")
    page.check("[data-message-form] #internal")
    page.click("[data-message-form] button")
    expect(page.locator("[data-thread] li[data-internal]")).to_have_count(1)
    page.click("[data-assignment-form] button[name=to_me]")
    expect(page.locator("[data-assigned]")).to_have_attribute("data-assigned", SERVICES)
    no_serious_violations(page, "the department's page of a request")
    sign_out(page)

    browser.sign_in(page, base_url, AYESHA, lang="ur")
    page.set_viewport_size(browser.PHONE)
    page.goto(f"{base_url}/student/requests/{number}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("[data-asked]")).to_contain_text("Which regional centre are you enrolled at?")
    expect(page.locator("[data-thread] li[data-internal]")).to_have_count(0)  # the note is not hers
    assert overflow(page) <= 0, f"her request is {overflow(page)}px wider than a 360px phone"
    no_serious_violations(page, "her request in Urdu on a phone")
    page.fill("[data-message-form] #text", "Islamabad")
    page.click("[data-message-form] button")
    expect(page.locator('[data-request-status="in_process"]')).to_be_visible()
    sign_out(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    browser.sign_in(page, base_url, SERVICES)
    page.goto(f"{base_url}/staff?mine=1")
    page.click(f'[data-queue] tr[data-request="{number}"] a')
    page.check("#decision-approve")
    page.fill("[data-decision-form] #reason", "Saturday 10 January, 10:00, Islamabad.")
    page.click("[data-decision-form] button")
    expect(page.locator('[data-request-status="resolved"]')).to_be_visible()
    sign_out(page)

    browser.sign_in(page, base_url, AYESHA)
    page.goto(f"{base_url}/student/requests/{number}")
    expect(page.locator('[data-request-status="resolved"]')).to_be_visible()
    expect(page.locator("[data-history] li").last).to_contain_text("Saturday 10 January, 10:00, Islamabad.")


def test_another_department_finds_no_such_request(page, base_url, http):
    student = bearer(login(http, AYESHA))
    number = http.post("/api/v1/me/requests", headers=student, json={
        "category": "general_query", "subtype": "general_query", "details": "Not for examinations"},
    ).json()["request_number"]
    browser.sign_in(page, base_url, "exams.officer")
    response = page.goto(f"{base_url}/staff/requests/{number}")
    assert response.status == 404


def test_a_correction_filed_decided_field_by_field_and_applied(page, base_url, http):
    """Zainab asks to correct her father's name and her mobile; admissions refuse the father's
    name without a document, she attaches her CNIC, admissions approve it and refuse the
    mobile with a reason; enrollment applies the approved field: her profile shows it."""
    zainab = demo.REGISTRANT["registration_number"]
    browser.sign_in(page, base_url, zainab)
    page.goto(f"{base_url}/student/requests/new")
    page.click("[data-correction-link]")
    expect(page.locator('[data-field="father_name"] [data-current]')).to_have_text("Akhtar Hussain")
    page.fill("#cnic", "12345")  # not a CNIC: said next to the field
    page.click("[data-correction-form] button")
    expect(page.locator("#cnic-error")).to_be_visible()
    no_serious_violations(page, "a correction refused")
    page.fill("#cnic", "")
    page.fill("#father_name", "Akhtar Hussain Shah")
    page.fill("#mobile", "0300-7654321")
    page.fill("#details", "My father's name is incomplete; new SIM")
    page.click("[data-correction-form] button")
    expect(page.locator("[data-done]")).to_be_visible()
    number = page.locator("h1 + p .code").inner_text()
    expect(page.locator('[data-corrections] tr[data-correction="father_name"]')).to_have_attribute(
        "data-decision", "pending")
    sign_out(page)

    browser.sign_in(page, base_url, "admissions.officer")
    page.goto(f"{base_url}/staff/requests/{number}")
    page.check("#decision-father_name-approve")
    page.check("#decision-mobile-refuse")
    page.fill("#reason-mobile", "Call the helpline from the new number first")
    page.click("[data-corrections-form] button")
    expect(page.locator("#corrections-error")).to_be_visible()  # no document of hers yet
    no_serious_violations(page, "a correction's decisions")
    sign_out(page)

    browser.sign_in(page, base_url, zainab)
    page.goto(f"{base_url}/student/requests/{number}")
    page.set_input_files("[data-document-form] #file", files=[{
        "name": "cnic.jpg", "mimeType": "image/jpeg", "buffer": hostile_files.good_jpeg()}])
    page.click("[data-document-form] button")
    expect(page.locator("[data-documents] li")).to_have_count(1)
    sign_out(page)

    browser.sign_in(page, base_url, "admissions.officer")
    page.goto(f"{base_url}/staff/requests/{number}")
    page.check("#decision-father_name-approve")
    page.check("#decision-mobile-refuse")
    page.fill("#reason-mobile", "Call the helpline from the new number first")
    page.click("[data-corrections-form] button")
    expect(page.locator('[data-request-status="resolved"]')).to_be_visible()
    sign_out(page)

    student = bearer(login(http, zainab))
    testing.wait_until(lambda: http.get("/api/v1/me/profile", headers=student).json()["data"]["father_name"]
                 == "Akhtar Hussain Shah", what="enrollment to apply the correction")
    profile = http.get("/api/v1/me/profile", headers=student).json()["data"]
    assert profile["mobile"] != "03007654321"  # refused: not applied
    browser.sign_in(page, base_url, zainab)
    page.goto(f"{base_url}/student/requests/{number}")
    expect(page.locator('[data-corrections] tr[data-correction="mobile"]')).to_contain_text(
        "Call the helpline from the new number first")
