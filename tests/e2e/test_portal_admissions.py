"""The staff pages over enrollment in a real browser against the whole stack: admissions
admits a student through the form (and the same form sent again admits nobody new), sends a
file with a bad line and sees the line next to its reason, sends a good file and follows it
to its report, opens a record, corrects the mobile and sees the history, places and lifts a
hold, and moves a semester's windows; a regional office adds a tutor, gives her a course and
allocates its students, and another centre's office sees none of it; a page in Urdu on a
phone; axe-core.

The e2e stack is shared by the whole session: every student here has a CNIC and e-mail of
its own (42101-8xxxxxx-x, portal.*@example.pk), and the tutor is one no other test adds."""
import csv
import io
import re

import pytest
from playwright.sync_api import expect

from campus import testing
from tests import browser
from tests.e2e.test_portal_requests import pay
from tests.stack import NEW_PASSWORD, activation_code, bearer, client, login

SUBMIT = "main form.form button[type=submit]"
#: A student admitted at the Islamabad centre into B.Ed for Spring 2027 (admission is open
#: for it in the demo data); each test gives her a CNIC and e-mail of her own.
STUDENT = {"full_name": "Sadia Parveen", "father_name": "Ghulam Rasool", "date_of_birth": "2000-05-21",
           "gender": "female", "postal_address": "House 7, Street 3, I-8/4, Islamabad", "mobile": "0312-5551234",
           "program_code": "BED15", "centre_code": "ISB", "admission_semester": "Spring 2027"}
COLUMNS = ("full_name", "father_name", "cnic", "date_of_birth", "gender", "postal_address", "mobile", "email",
           "program_code", "centre_code", "admission_semester")
TUTOR = {"name": "Ms. Nadia Farooq", "postal_address": "Govt. Girls High School, I-9/1, Islamabad",
         "phone": "0334-5550707", "email": "nadia.farooq@example.pk"}


@pytest.fixture(scope="module", autouse=True)
def enrollment_answers_staff(stack):
    """Right after the stack starts, a service refuses staff until its feed of ended sessions
    is fresh (503): wait for that first, or the admission form's first semester is not filled in."""
    with client(stack) as http:
        admissions = bearer(login(http, "admissions.officer"))
        testing.wait_until(lambda: http.get("/api/v1/staff/semesters", headers=admissions).status_code == 200,
                           timeout=30, interval=0.5, what="enrollment to answer admissions")


def student(n: int, **changes) -> dict:
    return {**STUDENT, "cnic": f"42101-8{n:06d}-2", "email": f"portal.admitted.{n}@example.pk", **changes}


def admitted(http, record: dict) -> str:
    """A student admitted over the API; her registration number."""
    answer = http.post("/api/v1/staff/admissions", headers=bearer(login(http, "admissions.officer")), json=record)
    assert answer.status_code == 201, answer.text
    return answer.json()["student"]["registration_number"]


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def no_serious_violations(page, what: str) -> None:
    if browser.axe_installed():  # installed by make test; without it the rest of the test still runs
        assert browser.serious_violations(page) == [], what


def fill(page, values: dict) -> None:
    for name, value in values.items():
        if name in ("gender", "program_code", "centre_code"):
            page.select_option(f"select[name={name}]", value)
        else:
            page.fill(f"[name={name}]", value)


def admission_file(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def send_file(page, base_url: str, name: str, content: bytes) -> None:
    page.goto(f"{base_url}/staff/admissions/files")
    page.set_input_files("input[name=file]", files=[{"name": name, "mimeType": "text/csv", "buffer": content}])
    page.click(SUBMIT)
    expect(page).to_have_url(re.compile(r"/staff/admissions/files/[0-9a-f-]{36}$"))


# -- admitting -------------------------------------------------------------------------------
def test_admissions_admits_a_student_through_the_form_and_the_same_form_again_admits_nobody_new(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    page.click("[data-tools] a[href='/staff/admissions/new']")
    expect(page.locator("input[name=admission_semester]")).to_have_value("Spring 2027")   # admitting today
    no_serious_violations(page, "the admission form")
    record = student(1)
    fill(page, {k: v for k, v in record.items() if k != "admission_semester"})
    sent = {"csrf_token": page.input_value("input[name=csrf_token]"),
            "idempotency_key": page.input_value("input[name=idempotency_key]"), **record}
    page.click(SUBMIT)
    notice = page.locator("[data-admitted]")
    expect(notice).to_be_visible()
    regno = notice.get_attribute("data-admitted")
    assert re.fullmatch(r"27S-\d{6}", regno), regno
    expect(notice).to_contain_text(regno)
    expect(notice).to_contain_text("portal account")
    expect(page.locator("input[name=full_name]")).to_have_value("")                       # a fresh form

    # The same form sent again (a double click, the back button): the same student, nobody new.
    again = page.request.post(f"{base_url}/staff/admissions/new", form=sent, max_redirects=0)
    assert again.status == 303 and f"admitted={regno}" in again.headers["location"]

    # Another form for the same person and programme: refused next to the CNIC.
    fill(page, {k: v for k, v in record.items() if k != "admission_semester"})
    page.click(SUBMIT)
    expect(page.locator("#cnic-error")).to_have_text("This person (CNIC) is already admitted to this programme.")
    expect(page.locator("input[name=cnic]")).to_have_attribute("aria-invalid", "true")
    no_serious_violations(page, "the admission form with its error")

    page.goto(f"{base_url}/staff/students/{regno}")
    expect(page.locator(f'[data-record="{regno}"]')).to_contain_text("Sadia Parveen")


def test_the_forms_refusals_are_next_to_their_fields(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    page.goto(f"{base_url}/staff/admissions/new")
    fill(page, student(2, cnic="4210-18", postal_address="I-8", program_code="BED15", mobile="12"))
    page.fill("input[name=admission_semester]", "Summer 2027")
    page.click(SUBMIT)
    expect(page.locator("#cnic-error")).to_have_text("A CNIC is 13 digits, like 37405-6543210-4.")
    expect(page.locator("#postal_address-error")).to_contain_text("at least 10 characters")
    expect(page.locator("#mobile-error")).to_contain_text("10 to 15 digits")
    expect(page.locator("#admission_semester-error")).to_have_text("Enter a semester like Spring 2027.")
    expect(page.locator("input[name=full_name]")).to_have_value("Sadia Parveen")          # what was typed stays
    page.fill("input[name=cnic]", "42101-8000002-2")
    page.fill("input[name=postal_address]", STUDENT["postal_address"])
    page.fill("input[name=mobile]", STUDENT["mobile"])
    page.fill("input[name=admission_semester]", "Spring 2030")                         # not admitting
    page.click(SUBMIT)
    expect(page.locator("#admission_semester-error")).to_have_text("Admission to this semester is not open.")


# -- a file of students ------------------------------------------------------------------------
def test_a_file_with_a_bad_line_admits_nobody_and_shows_the_line_next_to_its_reason(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    page.click("[data-tools] a[href='/staff/admissions/files']")
    expect(page.locator("[data-columns] [data-column]")).to_have_count(len(COLUMNS))
    rows = [student(100), student(101, cnic="4210-1"), student(102)]
    send_file(page, base_url, "spring-bad.csv", admission_file(rows))
    expect(page.locator("[data-batch]")).to_have_attribute("data-status", "refused")
    refused = page.locator("[data-refused] tr[data-line]")
    expect(refused).to_have_count(1)
    expect(refused).to_have_attribute("data-line", "3")                # the header is line 1
    expect(refused).to_have_attribute("data-field", "cnic")
    expect(refused.locator("td").nth(2)).to_contain_text("13 digits")
    report = page.request.get(page.locator("a[data-report]").get_attribute("href"))
    assert report.ok and "spring-bad-refused-report.csv" in report.headers["content-disposition"]
    assert list(csv.reader(io.StringIO(report.text())))[1][:2] == ["3", "cnic"]
    no_serious_violations(page, "a refused file's page")

    # Nobody of it was admitted: the good lines can be sent again on their own.
    send_file(page, base_url, "spring-good-lines.csv", admission_file([rows[0], rows[2]]))
    expect(page.locator("[data-batch]")).not_to_have_attribute("data-status", "refused")


def test_a_good_file_shows_its_progress_then_applied_with_its_report(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    rows = [student(200 + i, full_name=f"Student Portal {i}") for i in range(60)]
    send_file(page, base_url, "spring-portal.csv", admission_file(rows))
    expect(page.locator("progress#file-progress")).to_have_attribute("max", "60")
    if page.locator("[data-batch]").get_attribute("data-status") in ("queued", "applying"):
        expect(page.locator('meta[http-equiv="refresh"]')).to_have_attribute("content", "2")
    # The page refreshes itself until enrollment has applied the file: nothing clicked here.
    expect(page.locator("[data-batch]")).to_have_attribute("data-status", "applied", timeout=60_000)
    expect(page.locator("progress#file-progress")).to_have_attribute("value", "60")
    expect(page.locator('meta[http-equiv="refresh"]')).to_have_count(0)
    with page.expect_download() as downloading:
        page.click("a[data-report]")
    download = downloading.value
    assert download.suggested_filename == "spring-portal-applied-report.csv"
    with open(download.path(), encoding="utf-8") as report:
        numbers = [row["registration_number"] for row in csv.DictReader(report)]
    assert len(numbers) == 60 and all(re.fullmatch(r"27S-\d{6}", n) for n in numbers)


def test_the_sample_file_downloads_with_the_columns(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    page.goto(f"{base_url}/staff/admissions/files")
    with page.expect_download() as downloading:
        page.click("a[data-sample]")
    with open(downloading.value.path(), encoding="utf-8") as sample:
        assert tuple(next(csv.reader(sample))) == COLUMNS


# -- a student's record and holds ----------------------------------------------------------------
def test_a_record_is_corrected_with_its_history_and_a_hold_placed_and_lifted(page, base_url, http):
    regno = admitted(http, student(3))
    browser.sign_in(page, base_url, "admissions.officer")
    page.fill("[data-find-student] input[name=registration_number]", regno.lower())   # the console's finder
    page.click("[data-find-student] button")
    expect(page).to_have_url(re.compile(rf"/staff/students/{regno}$"))
    expect(page.locator("[data-history]")).to_contain_text("No changes since admission.")
    no_serious_violations(page, "a student's record")

    page.fill("[data-correct] input[name=mobile]", "0345-1112223")
    page.click("[data-correct] button[type=submit]")                    # no reason: refused next to it
    expect(page.locator("#reason-error")).to_have_text("Say why the record is corrected.")
    page.fill("[data-correct] input[name=reason]", "CR form 81")
    page.click("[data-correct] button[type=submit]")
    expect(page).to_have_url(re.compile(r"done=corrected#history$"))
    change = page.locator('[data-history] tr[data-change="mobile"]')
    expect(change).to_have_count(1)
    expect(change).to_contain_text("03125551234")                       # the old value, as enrollment kept it
    expect(change).to_contain_text("03451112223")
    expect(change).to_contain_text("admissions.officer")
    expect(change).to_contain_text("At the desk: CR form 81")
    expect(page.locator("[data-mobile]")).to_have_text("03451112223")

    page.fill("[data-place-hold] input[name=reference]", "Attested Matric certificate")
    page.fill("[data-place-hold] textarea[name=note]", "Bring it to the Islamabad centre")
    page.click("[data-place-hold] button[name=place]")
    hold = page.locator('[data-holds] li[data-hold="missing_documents"]')
    expect(hold).to_contain_text("Missing documents")
    expect(hold).to_contain_text("Attested Matric certificate")
    expect(hold).to_contain_text("Bring it to the Islamabad centre")

    # Student services see her holds (and lift one), never her record.
    context = page.context.browser.new_context()
    try:
        desk = context.new_page()
        browser.sign_in(desk, base_url, "student.services")
        desk.goto(f"{base_url}/staff/students/{regno}")
        expect(desk.locator('[data-holds] li[data-hold="missing_documents"]')).to_have_count(1)
        expect(desk.locator("[data-record]")).to_have_count(0)
        expect(desk.locator("[data-correct]")).to_have_count(0)
    finally:
        context.close()

    hold.locator("button[name=lift]").click()
    expect(page).to_have_url(re.compile(r"done=lifted#holds$"))
    expect(page.locator("[data-holds] [data-no-holds]")).to_be_visible()


def test_a_number_nobody_has_is_said_next_to_the_finder(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer", lang="ur")
    answer = page.goto(f"{base_url}/staff/students/27S-999999")
    assert answer.status == 404
    expect(page.locator("#registration_number-error")).to_have_text("اس رجسٹریشن نمبر کا کوئی طالب علم نہیں۔")


# -- the semesters' windows -------------------------------------------------------------------
def test_admissions_move_a_semesters_windows(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    page.click("[data-tools] a[href='/staff/semesters']")
    autumn = page.locator('[data-semester="Autumn 2027"]')
    autumn.locator("summary").click()
    autumn.locator("input[name$=admission_opens]").fill("2027-07-15")
    autumn.locator("input[name$=admission_closes]").fill("2027-07-01")       # closes before it opens
    autumn.locator("button[type=submit]").click()
    autumn = page.locator('[data-semester="Autumn 2027"]')
    expect(autumn.locator("#autumn-2027-admission_closes-error")).to_have_text(
        "A window must open on or before the day it closes.")
    autumn.locator("input[name$=admission_closes]").fill("2027-09-15")
    autumn.locator("button[type=submit]").click()
    expect(page.locator("[data-moved]")).to_have_attribute("data-moved", "Autumn 2027")
    expect(page.locator('[data-semester="Autumn 2027"] [data-window="admission"]')).to_contain_text(
        "Jul 15, 2027 to Sep 15, 2027")


# -- a regional office's tutors -------------------------------------------------------------------
def confirmed_student(http, stack, base_url: str, record: dict, course: str) -> str:
    """A student admitted, her account activated, registered for `course` in Spring 2027 and
    her challan paid: confirmed, she waits for a tutor."""
    regno = admitted(http, record)
    activated = http.post("/api/v1/auth/activate", json={
        "username": regno, "code": activation_code(stack, record["email"]), "new_password": NEW_PASSWORD})
    assert activated.status_code == 200, activated.text
    mine = bearer(login(http, regno, NEW_PASSWORD))
    made = http.post("/api/v1/me/registration", headers=mine, json={"courses": [course]})
    assert made.status_code in (200, 201), made.text
    challan = made.json()["registration"]["challan"]
    assert pay(base_url, challan["consumer_number"], challan["amount"])["response_Code"] == "00"
    testing.wait_until(lambda: http.get("/api/v1/me/registration", headers=mine).json()["registration"]["status"]
                       == "confirmed", timeout=30, interval=0.5, what="her registration to be confirmed")
    return regno


def load(page, course: str) -> dict:
    row = page.locator(f'[data-offerings] tr[data-offering="{course}"]')
    return {name: int(row.locator(f"[data-{name}]").inner_text()) for name in ("students", "with-tutor", "places")}


def test_a_regional_office_adds_a_tutor_gives_her_a_course_and_allocates_its_students(page, base_url, http,
                                                                                       stack):
    confirmed_student(http, stack, base_url, student(4), "8601")
    browser.sign_in(page, base_url, "regional.islamabad")
    page.click("[data-tools] a[href='/staff/tutors']")
    page.fill("input[name=semester]", "Spring 2027")
    page.click("main form[method=get] button[type=submit]")
    expect(page.locator("[data-centre]")).to_have_text("ISB")
    before = load(page, "8601")
    assert before["students"] > before["with-tutor"], before              # she waits for a tutor
    no_serious_violations(page, "the tutors page")

    fill(page, TUTOR)
    page.click("[data-add-tutor] button[type=submit]")
    expect(page.locator("main .notice")).to_have_text("The tutor is added to your centre.")
    expect(page).to_have_url(re.compile(r"semester=Spring\+2027"))            # back to the same semester
    expect(page.locator("[data-tutors] [data-name]", has_text=TUTOR["name"])).to_have_count(1)

    page.select_option("[data-assign] select[name=tutor_id]", label=TUTOR["name"])
    page.fill("[data-assign] input[name=course_code]", "8601")
    page.fill("[data-assign] input[name=capacity]", "5")
    page.click("[data-assign] button[type=submit]")
    expect(page.locator("main .notice")).to_have_text("The course is given to the tutor.")
    nadia = page.locator("[data-tutors] li[data-tutor]", has_text=TUTOR["name"])
    expect(nadia.locator('[data-teaches="8601"]')).to_contain_text("0 of 5 places taken")

    page.locator('[data-offerings] tr[data-offering="8601"] button[name=allocate]').click()
    allocation = page.locator("[data-allocated]")
    expect(allocation).to_contain_text("8601:")
    waiting = before["students"] - before["with-tutor"]
    given = int(allocation.get_attribute("data-allocated"))
    assert given == min(waiting, 5) and int(allocation.get_attribute("data-waiting")) == waiting - given
    assert load(page, "8601")["with-tutor"] == before["with-tutor"] + given
    expect(nadia.locator('[data-teaches="8601"]')).to_contain_text(f"{given} of 5 places taken")

    # Lahore's office sees none of Islamabad's tutors.
    context = page.context.browser.new_context()
    try:
        lahore = context.new_page()
        browser.sign_in(lahore, base_url, "regional.lahore")
        lahore.goto(f"{base_url}/staff/tutors?semester=Spring+2027")
        expect(lahore.locator("[data-centre]")).to_have_text("LHR")
        expect(lahore.locator("main")).not_to_contain_text(TUTOR["name"])
        expect(lahore.locator('[data-offerings] tr[data-offering="8601"]')).to_have_count(0)
    finally:
        context.close()


def test_the_tutors_refusals_are_next_to_their_fields(page, base_url):
    browser.sign_in(page, base_url, "regional.lahore", lang="ur")
    page.goto(f"{base_url}/staff/tutors?semester=Summer+2026&lang=ur")
    expect(page.locator("#semester-error")).to_have_text("سمسٹر اس طرح لکھیں: Spring 2027")
    page.goto(f"{base_url}/staff/tutors?lang=ur")
    fill(page, {**TUTOR, "name": "Mr. Kashif Mehmood", "phone": "12", "email": "kashif@"})
    page.click("[data-add-tutor] button[type=submit]")
    expect(page.locator("#phone-error")).to_contain_text("فون نمبر 10 سے 15 ہندسوں کا ہوتا ہے")
    expect(page.locator("#email-error")).to_have_text("درست ای میل پتا لکھیں، جیسے name@example.pk")
    expect(page.locator("input[name=name]")).to_have_value("Mr. Kashif Mehmood")


# -- who may, languages, phones, accessibility ----------------------------------------------------
@pytest.mark.parametrize(("who", "refused"), [
    ("regional.islamabad", ["/staff/admissions/new", "/staff/admissions/files", "/staff/students/22P-123456",
                            "/staff/semesters"]),
    ("student.services", ["/staff/admissions/new", "/staff/semesters", "/staff/tutors"]),
    ("admissions.officer", ["/staff/tutors"]),
    ("22P-123456", ["/staff/admissions/new", "/staff/students/22P-123456", "/staff/tutors"]),
])
def test_each_new_tool_is_a_403_for_everyone_else(page, base_url, who, refused):
    browser.sign_in(page, base_url, who)
    for path in refused:
        assert page.goto(f"{base_url}{path}").status == 403, path


def test_the_forms_refuse_a_post_without_its_csrf_token(page, base_url):
    browser.sign_in(page, base_url, "admissions.officer")
    for path, form in (("/staff/admissions/new", student(5)), ("/staff/semesters", {"semester": "Autumn 2027"}),
                       ("/staff/students/22P-123456/holds", {"reference": "x"})):
        assert page.request.post(f"{base_url}{path}", form=form, max_redirects=0).status == 400, path


def test_the_admission_form_in_urdu_on_a_phone(browser_type, base_url):
    with browser_type.launch(**browser.launch_args()) as chromium:
        page = chromium.new_page(viewport=browser.PHONE)
        browser.sign_in(page, base_url, "admissions.officer", lang="ur")
        page.goto(f"{base_url}/staff/admissions/new?lang=ur")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        expect(page.locator("h1")).to_have_text("طالب علم کو داخلہ دیں")
        page.fill("input[name=admission_semester]", "")
        page.click(SUBMIT)
        expect(page.locator("#full_name-error")).to_have_text("طالب علم کا پورا نام لکھیں۔")
        expect(page.locator("#program_code-error")).to_have_text("پروگرام منتخب کریں۔")
        expect(page.locator("#admission_semester-error")).to_have_text("داخلے کا سمسٹر لکھیں۔")
        assert overflow(page) <= 0, f"the admission form is {overflow(page)}px wider than a 360px phone"


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_new_pages_fit_a_phone(browser_type, base_url, lang, http):
    # Whatever staff typed, without a space to break at (as the API's fuzzer types), must
    # not widen the page: a tutor's name, address and e-mail, and the select that lists her.
    office = bearer(login(http, "regional.islamabad"))
    long_tutor = http.post("/api/v1/staff/tutors", headers=office, json={
        "name": "Mr. " + "Abdulrahmanabdulqadir" * 5, "postal_address": "House-" + "9" * 120,
        "phone": "03335550999", "email": "a" * 32 + "@" + "b" * 20 + "." + "c" * 20 + ".pk"})
    assert long_tutor.status_code == 201, long_tutor.text
    with browser_type.launch(**browser.launch_args()) as chromium:
        for who, paths in (("admissions.officer", ["/staff", "/staff/admissions/new", "/staff/admissions/files",
                                                   "/staff/students/22P-123456", "/staff/semesters"]),
                           ("regional.islamabad", ["/staff/tutors", "/staff/tutors?semester=Spring+2026"])):
            page = chromium.new_page(viewport=browser.PHONE)
            browser.sign_in(page, base_url, who, lang=lang)
            for path in paths:
                page.goto(f"{base_url}{path}{'&' if '?' in path else '?'}lang={lang}")
                assert overflow(page) <= 0, f"{path} is {overflow(page)}px wider than a 360px phone"
            page.close()


@pytest.mark.skipif(not browser.axe_installed(), reason="axe-core is installed by make test")
@pytest.mark.parametrize("lang", ["en", "ur"])
def test_no_serious_accessibility_violations_on_the_new_pages(page, base_url, lang):
    browser.sign_in(page, base_url, "admissions.officer", lang=lang)
    for path in ("/staff", "/staff/admissions/new", "/staff/admissions/files", "/staff/students/22P-123456",
                 "/staff/students?registration_number=x", "/staff/semesters"):
        page.goto(f"{base_url}{path}{'&' if '?' in path else '?'}lang={lang}")
        assert browser.serious_violations(page) == [], path
    page.goto(f"{base_url}/staff/admissions/new?lang={lang}")
    page.click(SUBMIT)                                                    # errors on the page, as she sees them
    expect(page.locator(".error").first).to_be_visible()
    assert browser.serious_violations(page) == [], "the admission form with its errors"
    page.context.clear_cookies()
    browser.sign_in(page, base_url, "regional.islamabad", lang=lang)
    page.goto(f"{base_url}/staff/tutors?semester=Spring+2026&lang={lang}")
    assert browser.serious_violations(page) == [], "/staff/tutors"
