"""Examinations' paid cases in the portal, in a real browser against the whole stack: the demo
student files a re-checking request and a change of examination centre through the API and
pays both challans at the bank; exams open a case for each, and the exams officer finds them
from the console with her registration and roll number, semester, programme, centre and what
she wrote; the page fits a phone in Urdu; the officer records the re-check as unchanged (the
outcome and the note sent are said), is told next to the field that a refusal needs a note,
refuses the change with one, and finds both among the decided cases; the student reads the
note on her request, and her results say nothing was revised; accessibility (axe-core).

The stack is shared by the session: other tests rely on her centre (ISB-01) and her Autumn
2025 grades, so nothing here approves a change of centre or revises a mark."""
import datetime as dt

from playwright.sync_api import expect

from campus import money, testing
from services import demo
from tests import browser
from tests.stack import bearer, login

AYESHA = demo.STUDENT["registration_number"]             # 22P-123456: BM214365 (Autumn 2025), BO680724 at ISB-01
EXAMS = "exams.officer"
REFUSAL = "Attested transfer order missing (portal test)"


def no_serious_violations(page, what: str) -> None:
    if browser.axe_installed():  # installed by make test; without it the rest of the test still runs
        assert browser.serious_violations(page) == [], what


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def sign_out(page) -> None:
    page.click(".logout button[type=submit]")
    expect(page.locator(".logout")).to_have_count(0)


def _file_and_pay(http, student, subtype, details, tran_auth_id):
    """As tests/e2e/test_exams.py files and pays one: the request, then its challan at the bank."""
    filed = http.post("/api/v1/me/requests", headers=student, json={
        "category": "other_fee_challan", "subtype": subtype, "details": details})
    assert filed.status_code == 201, filed.text
    request = filed.json()
    now = dt.datetime.now(dt.timezone(dt.timedelta(hours=5)))
    paid = http.post("/api/v1/bank/bill-payment", auth=("ABL", "Demo@2026"), json={
        "consumer_number": request["challan"]["consumer_number"], "bank_mnemonic": "ABL",
        "tran_auth_id": tran_auth_id, "transaction_amount": money.to_one_link(request["challan"]["amount"]),
        "tran_date": now.strftime("%Y%m%d"), "tran_time": now.strftime("%H%M%S")}).json()
    assert paid["response_Code"] == "00", paid
    return request["request_number"]


def wait_for_cases(page, base_url: str, *numbers: str) -> None:
    """Exams open a case when requests say the challan is paid: the page shows it from then."""
    def shown():
        page.goto(f"{base_url}/staff/exam-cases")
        return all(page.locator(f'[data-case="{n}"]').count() == 1 for n in numbers)
    testing.wait_until(shown, timeout=30, interval=0.5, what="exams to open both cases")


def test_the_exams_officer_decides_a_re_check_and_refuses_a_change_of_centre(page, base_url, http):
    student = bearer(login(http, AYESHA))
    recheck = _file_and_pay(http, student, "answer_script_rechecking", "8603: please re-check my paper (portal)",
                            "PCS001")
    move = _file_and_pay(http, student, "exam_centre_change", "Transferred to Karachi (portal)", "PCS002")

    browser.sign_in(page, base_url, EXAMS)
    page.click("[data-tools] a[href='/staff/exam-cases']")
    expect(page.locator("h1")).to_have_text("Re-checking and change of centre")
    wait_for_cases(page, base_url, recheck, move)

    case = page.locator(f'[data-case="{recheck}"]')
    expect(case).to_have_attribute("data-kind", "rechecking")
    expect(case.locator("[data-registration-number]")).to_have_text(AYESHA)
    expect(case.locator("[data-roll-number]")).to_have_text("BM214365")        # her latest published candidature
    expect(case.locator("[data-semester]")).to_have_text("Autumn 2025")
    expect(case.locator("[data-program]")).to_have_text("BED15")
    expect(case.locator("[data-details]")).to_have_text("8603: please re-check my paper (portal)")
    changing = page.locator(f'[data-case="{move}"]')
    expect(changing.locator("[data-roll-number]")).to_have_text("BO680724")
    expect(changing.locator("[data-centre]")).to_have_attribute("data-centre", "ISB-01")
    prefix = f"#case-{move.lower()}"
    centres = page.locator(f"{prefix}-centre_code")
    assert centres.locator("optgroup").count() >= 1                           # open centres, by region
    expect(centres.locator('option[value="ISB-01"]')).to_have_count(0)         # not the one she sits at
    expect(page.locator(f"{prefix}-ground option")).to_have_count(4)           # Choose, and the three hardships
    no_serious_violations(page, "the open cases")

    # In Urdu, right to left, on a phone: the cases and their forms fit.
    page.set_viewport_size(browser.PHONE)
    page.goto(f"{base_url}/staff/exam-cases?lang=ur")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("دوبارہ جانچ اور امتحانی مرکز کی تبدیلی")
    expect(page.locator(f'[data-case="{move}"] [data-decide-centre-change]')).to_be_visible()
    assert overflow(page) <= 0, f"the cases are {overflow(page)}px wider than a 360px phone"
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/staff/exam-cases?lang=en")

    # The re-check: the marks of 8603 stand (her grades are other tests' too).
    form = page.locator(f'[data-case="{recheck}"] [data-decide-recheck]')
    form.locator("select").select_option("8603")
    form.locator('input[value="no"]').check()
    form.locator("button[type=submit]").click()
    notice = page.locator(f'[data-decided="{recheck}"]')
    expect(notice).to_have_attribute("data-outcome", "unchanged")
    expect(notice).to_contain_text("Re-checked: the marks stand as they were")
    expect(notice.locator("[data-note]")).to_have_text("8603 re-checked: the marks stand as they were")
    expect(page.locator(f'[data-case="{recheck}"]')).to_have_count(0)
    no_serious_violations(page, "a decided re-check")

    # The change of centre, refused: first without a note (said next to it), then with one.
    form = page.locator(f'[data-case="{move}"] [data-decide-centre-change]')
    form.locator('input[value="refuse"]').check()
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        form.locator("button[type=submit]").click()
    assert posted.value.status == 400
    expect(page.locator(f"{prefix}-note-error")).to_have_text("Say why the change is refused: the student reads it.")
    expect(page.locator(f'{prefix}-decision-refuse')).to_be_checked()
    no_serious_violations(page, "a refusal without its note")
    page.fill(f"{prefix}-note", REFUSAL)
    page.locator(f'[data-case="{move}"] [data-decide-centre-change] button[type=submit]').click()
    notice = page.locator(f'[data-decided="{move}"]')
    expect(notice).to_have_attribute("data-outcome", "rejected")
    expect(notice.locator("[data-note]")).to_have_text(REFUSAL)

    page.locator("[data-views] a", has_text="Decided cases").click()
    for number, outcome in ((recheck, "unchanged"), (move, "rejected")):
        decided = page.locator(f'[data-case="{number}"]')
        expect(decided).to_have_attribute("data-status", outcome)
    expect(page.locator(f'[data-case="{move}"] [data-note]')).to_have_text(REFUSAL)
    no_serious_violations(page, "the decided cases")

    # Requests close both; she reads the note on her request, and nothing of hers was revised.
    url = f"/api/v1/me/requests/{move}"
    testing.wait_until(lambda: http.get(url, headers=student).json()["status"] == "rejected", timeout=30,
                       what="requests to close the refused change of centre")
    sign_out(page)
    browser.sign_in(page, base_url, AYESHA)
    page.goto(f"{base_url}/student/requests/{move}")
    expect(page.locator("[data-history]")).to_contain_text(REFUSAL)
    page.goto(f"{base_url}/student/results")
    expect(page.locator('[data-semester="Autumn 2025"] tr[data-course="8603"]')).to_be_visible()
    expect(page.locator("[data-revised]")).to_have_count(0)


def test_the_cases_are_examinations_own(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    assert page.goto(f"{base_url}/staff/exam-cases").status == 403
    sign_out(page)
    browser.sign_in(page, base_url, "student.services")
    assert page.goto(f"{base_url}/staff/exam-cases?view=decided").status == 403
