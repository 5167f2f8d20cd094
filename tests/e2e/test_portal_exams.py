"""Examinations in the portal, in a real browser against the whole stack: the demo student
opens her exam schedule from the dashboard and downloads her roll number slip (a real PDF,
read back); a student without a roll number is told when it comes; anyone prints the slip
from the home page by programme, semester and registration number, and a wrong combination
is said on the form; the verification page every QR code points to says Genuine for the
slip's code, Not issued for a forged one, and Revoked (with the reason) once examinations
revoke it on the student's documents page; the exams officer adds a centre, changes it,
puts a paper on a date sheet, moves it and is told next to the field when it ends before it
starts; Urdu, right to left, on a phone; accessibility (axe-core).

The stack is shared by the session: the centre here is GLT-01 (a region no candidate is
from, so nobody's seat changes) and the date sheet is BED15's Spring 2028 (no candidate sits
it); test_exams.py revokes one of her slips too, and a slip printed after a revocation is a
new document, so each test fetches the slip it verifies."""
import io
import re
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import expect

from services import demo
from tests import browser
from tests.stack import bearer, login

AYESHA = demo.STUDENT["registration_number"]             # 22P-123456: BO680724 for Spring 2026 at ISB-01
NO_ROLL_NUMBER = demo.CLASSMATE["registration_number"]   # 23L-204518: no registration confirmed
PAPERS = {"8604": "2026-12-09", "8605": "2026-12-12", "8606": "2026-12-16"}
EXAMS = "exams.officer"
SHEET = {"semester": "Spring 2028", "program": "BED15"}


def pdf_text(content: bytes) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(content)).pages)


def no_serious_violations(page, what: str) -> None:
    if browser.axe_installed():  # installed by make test; without it the rest of the test still runs
        assert browser.serious_violations(page) == [], what


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def slip_document_id(http) -> str:
    """Her slip's document ID as the JSON API prints it now (its X-Document-Id)."""
    slip = http.get("/api/v1/me/roll-number-slip.pdf", headers=bearer(login(http, AYESHA)))
    assert slip.status_code == 200, slip.text
    return slip.headers["X-Document-Id"]


# -- the student's ----------------------------------------------------------------------------------
def test_she_opens_her_schedule_from_the_dashboard_and_downloads_her_slip(page, base_url):
    browser.sign_in(page, base_url, AYESHA)
    page.click('[data-tile="exam_schedule"] a[href$="/student/exam-schedule"]')
    expect(page.locator("h1")).to_have_text("My exam schedule")
    expect(page.locator("[data-roll-number]")).to_have_text("BO680724")
    expect(page.locator("[data-centre]")).to_have_attribute("data-centre", "ISB-01")
    expect(page.locator("[data-centre-address]")).not_to_be_empty()
    rows = page.locator("[data-papers] tr[data-paper]")
    expect(rows).to_have_count(3)
    assert rows.evaluate_all("rows => rows.map(r => [r.dataset.paper, r.dataset.date])") == [list(p) for p in
                                                                                          PAPERS.items()]
    expect(page.locator('tr[data-paper="8604"] [data-day]')).to_have_text("Wednesday, December 9, 2026")
    expect(page.locator('tr[data-paper="8604"] [data-time]')).to_have_text("09:00–12:00")
    no_serious_violations(page, "her exam schedule")

    with page.expect_download() as downloaded:
        page.click("[data-slip]")
    content = Path(downloaded.value.path()).read_bytes()
    assert content.startswith(b"%PDF")
    assert downloaded.value.suggested_filename == "roll-number-slip-BO680724.pdf"
    text = pdf_text(content)
    for printed in ("Roll Number Slip", "Ayesha Siddiqui", "BO680724", "/verify/"):
        assert printed in text

    # The same page, fetched with her session: the document's ID and never a cached copy.
    answer = page.request.get(f"{base_url}/student/roll-number-slip.pdf")
    assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
    assert answer.headers["cache-control"] == "no-store" and answer.headers["x-document-id"].count(".") == 2


def test_a_student_without_a_roll_number_is_told_when_it_comes(page, base_url):
    browser.sign_in(page, base_url, NO_ROLL_NUMBER)
    page.goto(f"{base_url}/student/exam-schedule")
    expect(page.locator("[data-no-roll-number]")).to_contain_text("once its fee challan is paid")
    expect(page.locator("[data-slip]")).to_have_count(0)
    page.goto(f"{base_url}/student/roll-number-slip.pdf")               # no slip to print: back to the page
    expect(page).to_have_url(re.compile(r"/student/exam-schedule$"))


def test_signed_out_her_pages_ask_to_sign_in_first(page, base_url):
    for path in ("/student/exam-schedule", "/student/roll-number-slip.pdf"):
        page.goto(f"{base_url}{path}")
        expect(page).to_have_url(re.compile(r"/login\?next="))


# -- the public slip -------------------------------------------------------------------------------
def fill_slip_form(page, program: str, semester: str, registration_number: str) -> None:
    page.fill("[data-public-slip] [name=program]", program)
    page.fill("[data-public-slip] [name=semester]", semester)
    page.fill("[data-public-slip] [name=registration_number]", registration_number)


def test_anyone_prints_the_slip_from_the_home_page_and_a_wrong_combination_is_said(page, base_url):
    page.goto(f"{base_url}/?lang=en")
    page.click("main a[href='/roll-number-slip']")
    expect(page.locator("[data-also-valid]")).to_have_text("This copy is also valid to appear in exam centres.")
    no_serious_violations(page, "the public slip form")

    fill_slip_form(page, "BED15", "Spring 2026", "22P123456")
    page.click("[data-public-slip] button[type=submit]")
    expect(page.locator("#registration_number-error")).to_have_text("A registration number looks like 22P-123456.")

    fill_slip_form(page, "ADE", "Spring 2026", AYESHA)                # someone else's programme
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.click("[data-public-slip] button[type=submit]")
    assert posted.value.status == 404
    expect(page.locator("#form-error")).to_contain_text("No roll number slip matches this programme, semester and "
                                                        "registration number.")
    expect(page.locator("[data-public-slip] [name=program]")).to_have_value("ADE")
    no_serious_violations(page, "the public slip form with its message")

    fill_slip_form(page, "bed15", "spring 2026", AYESHA.lower())
    with page.expect_download() as downloaded, page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.click("[data-public-slip] button[type=submit]")
    content = Path(downloaded.value.path()).read_bytes()
    assert content.startswith(b"%PDF") and posted.value.headers["cache-control"] == "no-store"
    text = pdf_text(content)
    assert "This copy is also valid to appear in exam centres" in text and "BO680724" in text

    # The slip's own code verifies, from the header the PDF came with.
    page.goto(f"{base_url}/verify/{posted.value.headers['x-document-id']}")
    expect(page.locator("#verdict")).to_have_text("Genuine")


def test_the_public_slip_form_refuses_a_post_without_its_csrf_token(http):
    http.get("/roll-number-slip")
    refused = http.post("/roll-number-slip", data={"program": "BED15", "semester": "Spring 2026",
                                                   "registration_number": AYESHA})
    assert refused.status_code == 400 and not refused.content.startswith(b"%PDF")


# -- verification ----------------------------------------------------------------------------------
def test_her_slips_code_is_genuine_and_a_forged_one_was_not_issued(page, base_url, http):
    document_id = slip_document_id(http)
    page.goto(f"{base_url}/verify/{document_id}?lang=en")
    expect(page.locator("#verdict")).to_have_text("Genuine")
    expect(page.locator("[data-document-type]")).to_have_text("Roll number slip")
    expect(page.locator("[data-issued-at]")).not_to_be_empty()
    facts = {"name": "Ay**** Si******", "registration_number": AYESHA, "roll_number": "BO680724",
             "program": "BED15", "semester": "Spring 2026", "centre": "ISB-01"}
    for name, value in facts.items():
        expect(page.locator(f'[data-fact="{name}"]')).to_have_text(value)
    expect(page.locator("dt", has_text="Roll number")).to_be_visible()
    no_serious_violations(page, "a genuine document")

    header, payload, signature = document_id.split(".")
    answer = page.goto(f"{base_url}/verify/{header}.{payload}.{signature[:-6]}AAAAAA")
    assert answer.status == 404
    expect(page.locator("#verdict")).to_have_text("Not issued by the university")
    expect(page.locator("[data-verdict]")).to_have_attribute("data-verdict", "not-issued")
    assert page.goto(f"{base_url}/verify/not-a-document").status == 404
    no_serious_violations(page, "a forged document")

    # The form without a code: the whole address pasted goes to the same page.
    page.goto(f"{base_url}/verify")
    page.fill("[data-verify-form] [name=code]", f"{base_url}/verify/{document_id}")
    page.click("[data-verify-form] button[type=submit]")
    expect(page).to_have_url(re.compile(rf"/verify/{re.escape(document_id)}$"))
    expect(page.locator("#verdict")).to_have_text("Genuine")
    page.goto(f"{base_url}/verify?code=nonsense")
    expect(page.locator("#code-error")).to_contain_text("Paste the whole address")


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_verification_page_on_a_phone_without_javascript(browser_type, base_url, http, lang):
    document_id = slip_document_id(http)
    with browser_type.launch(**browser.launch_args()) as chromium:
        context = chromium.new_context(viewport=browser.PHONE, java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{base_url}/verify/{document_id}?lang={lang}")
        expect(page.locator("html")).to_have_attribute("dir", {"en": "ltr", "ur": "rtl"}[lang])
        expect(page.locator("#verdict")).to_have_text({"en": "Genuine", "ur": "اصلی"}[lang])
        expect(page.locator('[data-fact="roll_number"]')).to_have_text("BO680724")
        font_size = page.locator("#verdict").evaluate("h => parseFloat(getComputedStyle(h).fontSize)")
        assert font_size >= 32, f"the verdict is {font_size}px: it must be large"
        assert overflow(page) <= 0, f"the verification page is {overflow(page)}px wider than a 360px phone"
        context.close()


def test_her_schedule_and_the_slip_form_fit_a_phone_in_urdu(browser_type, base_url):
    with browser_type.launch(**browser.launch_args()) as chromium:
        page = chromium.new_page(viewport=browser.PHONE)
        page.goto(f"{base_url}/roll-number-slip?lang=ur")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        expect(page.locator("h1")).to_have_text("رول نمبر سلپ")
        assert overflow(page) <= 0, f"the slip form is {overflow(page)}px wider than a 360px phone"
        browser.sign_in(page, base_url, AYESHA, lang="ur")
        page.goto(f"{base_url}/student/exam-schedule?lang=ur")
        expect(page.locator("h1")).to_have_text("میرا امتحانی شیڈول")
        expect(page.locator('tr[data-paper="8604"] [data-day]')).to_have_text("بدھ، 9 دسمبر، 2026")
        assert overflow(page) <= 0, f"her exam schedule is {overflow(page)}px wider than a 360px phone"


# -- examinations' tools ------------------------------------------------------------------------------
def test_the_exams_officer_revokes_a_slip_and_its_page_says_revoked(page, base_url, http):
    document_id = slip_document_id(http)
    page.goto(f"{base_url}/verify/{document_id}")
    serial = page.locator("[data-serial]").inner_text().strip()

    browser.sign_in(page, base_url, EXAMS)
    page.click("[data-tools] a[href='/staff/documents']")
    page.fill("[data-find-documents] [name=registration_number]", AYESHA.lower())
    page.click("[data-find-documents] button[type=submit]")
    expect(page).to_have_url(re.compile(rf"/staff/students/{AYESHA}/documents$"))
    document = page.locator(f'[data-document="{serial}"]')
    expect(document).to_have_attribute("data-status", "genuine")
    no_serious_violations(page, "her documents")

    document.locator("button[type=submit]").click()                 # no reason: said next to the field
    reason = f"#revoke-{serial.lower()}-reason"
    expect(page.locator(f"{reason}-error")).to_have_text("Say why the document is revoked.")
    page.fill(reason, "issued in error (portal test)")
    page.locator(f'[data-document="{serial}"] button[type=submit]').click()
    expect(page.locator("[data-done]")).to_contain_text(f"Document {serial} is revoked")
    expect(page.locator(f'[data-document="{serial}"]')).to_have_attribute("data-status", "revoked")

    page.goto(f"{base_url}/verify/{document_id}")
    expect(page.locator("#verdict")).to_have_text("Revoked")
    expect(page.locator("[data-reason]")).to_have_text("issued in error (portal test)")
    expect(page.locator("[data-revoked-at]")).not_to_be_empty()
    no_serious_violations(page, "a revoked document")
    assert slip_document_id(http) != document_id                     # printed again: a new, genuine document


def test_the_exams_officer_adds_a_centre_and_changes_it(page, base_url):
    browser.sign_in(page, base_url, EXAMS)
    page.click("[data-tools] a[href='/staff/exam-centres']")
    expect(page.locator('tr[data-centre="ISB-01"]')).to_be_visible()
    expect(page.locator("[data-unplaced]")).to_be_visible()
    no_serious_violations(page, "the exam centres")

    form = "[data-set-centre]"
    for name, value in {"code": "GLT-01", "region": "GLT", "name": "Government College Gilgit",
                        "address": "Jutial, Gilgit", "capacity": "-5"}.items():
        page.fill(f"{form} [name={name}]", value)
    page.click(f"{form} button[type=submit]")
    expect(page.locator("#capacity-error")).to_have_text("Enter a number of seats from 0 to 100000.")
    expect(page.locator(f"{form} [name=name]")).to_have_value("Government College Gilgit")
    page.fill(f"{form} [name=capacity]", "250")
    page.click(f"{form} button[type=submit]")
    expect(page).to_have_url(re.compile(r"region=GLT.*centre=GLT-01"))
    expect(page.locator("[data-done]")).to_have_text("Centre GLT-01 is saved.")
    row = page.locator('tr[data-centre="GLT-01"]')
    expect(row.locator("[data-capacity]")).to_have_text("250")
    expect(row.locator("[data-seated]")).to_have_text("0")

    row.locator("a", has_text="Change").click()
    expect(page.locator(f"{form} [name=code]")).to_have_value("GLT-01")
    page.fill(f"{form} [name=capacity]", "300")
    page.click(f"{form} button[type=submit]")
    expect(page.locator('tr[data-centre="GLT-01"] [data-capacity]')).to_have_text("300")


def test_the_exams_officer_puts_a_paper_on_a_date_sheet_and_moves_it(page, base_url):
    browser.sign_in(page, base_url, EXAMS)
    page.click("[data-tools] a[href='/staff/date-sheets']")
    page.fill("[data-sheet-picker] [name=semester]", SHEET["semester"])
    page.fill("[data-sheet-picker] [name=program]", SHEET["program"])
    page.click("[data-sheet-picker] button[type=submit]")
    expect(page.locator("h1 [data-sheet]")).to_have_text("BED15")

    form = "[data-set-paper]"
    page.fill(f"{form} [name=course_code]", "8699")                  # a course no candidate sits: needs its title
    page.fill(f"{form} [name=date]", "2028-11-20")
    page.fill(f"{form} [name=start]", "14:00")
    page.fill(f"{form} [name=end]", "11:00")                         # ends before it starts
    page.click(f"{form} button[type=submit]")
    expect(page.locator("#end-error")).to_have_text("A paper must end after it starts.")
    page.fill(f"{form} [name=end]", "17:00")
    page.click(f"{form} button[type=submit]")
    expect(page.locator("#title-error")).to_have_text("Give the course's title: no candidate sits this course yet.")
    page.fill(f"{form} [name=title]", "Teaching Practice")
    page.click(f"{form} button[type=submit]")
    expect(page.locator("[data-done]")).to_have_text(re.compile("Paper 8699 is on the date sheet"))
    row = page.locator('tr[data-paper="8699"]')
    expect(row).to_have_attribute("data-date", "2028-11-20")
    no_serious_violations(page, "the date sheet")

    row.locator("a", has_text="Move").click()                       # the form, filled with the paper
    expect(page.locator(f"{form} [name=course_code]")).to_have_value("8699")
    page.fill(f"{form} [name=date]", "2028-11-27")
    page.fill(f"{form} [name=start]", "09:00")
    page.fill(f"{form} [name=end]", "12:00")
    page.click(f"{form} button[type=submit]")
    moved = page.locator('tr[data-paper="8699"]')
    expect(moved).to_have_attribute("data-date", "2028-11-27")
    expect(moved).to_have_attribute("data-start", "09:00")
    expect(page.locator("tr[data-paper]")).to_have_count(1)          # moved, not added twice

    page.locator('tr[data-paper="8699"] button[name=remove]').click()
    expect(page.locator("[data-done]")).to_have_text("Paper 8699 is taken off the date sheet.")
    expect(page.locator("tr[data-paper]")).to_have_count(0)


def test_the_exam_tools_are_examinations_own(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    for path in ("/staff/exam-centres", "/staff/date-sheets", "/staff/documents",
                 f"/staff/students/{AYESHA}/documents"):
        assert page.goto(f"{base_url}{path}").status == 403, path
