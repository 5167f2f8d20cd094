"""The examinations pages on an app that talks to nothing: exams' answers and refusals stand in
for the service, so that the student's schedule, the public slip, the verification page and
the examinations department's tools each call the JSON API's own function with its own body,
say every refusal next to the field it names (in English and Urdu), and are never a 500."""
import html as entities
import re

import pytest

from campus import auth
from campus.errors import DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from cms.documents.v1 import documents_pb2 as docs
from gateway import schemas
from gateway.problems import Problem
from gateway.tests.unit.exams_pages import answers, page_app, signed_in

STUDENT = auth.Caller(kind=auth.STUDENT, subject="22P-123456")
EXAMS = auth.Caller(kind=auth.STAFF, subject="exams.officer", department="examinations")
STUDENT_SERVICES = auth.Caller(kind=auth.STAFF, subject="student.services", department="student_services")
ADMISSIONS = auth.Caller(kind=auth.STAFF, subject="admissions.officer", department="admissions")
ISLAMABAD = auth.Caller(kind=auth.STAFF, subject="regional.islamabad", department="regional", centre="ISB")

SCHEDULE = {"semester": "Spring 2026", "roll_number": "BO680724", "program_code": "BED15",
            "program": "B.Ed (1.5 Years)",
            "centre": {"code": "ISB-01", "name": "Islamabad Model College for Girls", "address": "F-7/3, Islamabad",
                       "region": "ISB"},
            "papers": [{"course_code": "8604", "title": "Research Methods in Education", "date": "2026-12-09",
                        "start": "09:00", "end": "12:00"},
                       {"course_code": "8607", "title": "Teaching Practice", "date": None, "start": None,
                        "end": None}]}
SLIP = docs.PdfDocument(content=b"%PDF-1.4 slip", file_name="roll-number-slip-BO680724.pdf",
                        document_id="aaa.bbb.ccc")
GENUINE = {"status": "genuine", "document_type": "roll_number_slip", "issued_at": "2026-12-06T05:00:00Z",
           "issuer": "exams", "serial": "RNS0A1B2C3D4E5F6A7B",
           "facts": [{"name": "name", "value": "Ay**** Si******"}, {"name": "registration_number",
                                                                    "value": "22P-123456"},
                     {"name": "roll_number", "value": "BO680724"}, {"name": "program", "value": "BED15"},
                     {"name": "semester", "value": "Spring 2026"}, {"name": "centre", "value": "ISB-01"}],
           "revoked_at": None, "revocation_reason": None}
REVOKED = {**GENUINE, "status": "revoked", "serial": "RNS00000000000000001", "revoked_at": "2026-12-07T06:00:00Z",
           "revocation_reason": "issued in error"}
CENTRES = {"semester": "Spring 2026", "unplaced": 3, "centres": [
    {"code": "ISB-01", "region": "ISB", "name": "Islamabad Model College for Girls", "address": "F-7/3, Islamabad",
     "capacity": 400, "active": True, "seated": 1},
    {"code": "ISB-02", "region": "ISB", "name": "Federal Government School", "address": "G-9/4, Islamabad",
     "capacity": 0, "active": False, "seated": 0}]}
CENTRE = {"code": "GLT-01", "region": "GLT", "name": "Government College Gilgit", "address": "Jutial, Gilgit",
          "capacity": "250", "active": "y"}
SHEET = {"semester": "Spring 2027", "program_code": "BED15", "papers": [
    {"course_code": "8601", "title": "General Methods of Teaching", "date": "2027-11-22", "start": "14:00",
     "end": "17:00"}]}
PAPER = {"semester": "Spring 2027", "program": "BED15", "course_code": "8603", "title": "", "date": "2027-11-30",
         "start": "14:00", "end": "17:00"}
PREFIX = f"revoke-{GENUINE['serial'].lower()}"


@pytest.fixture(scope="module")
def app():
    return page_app(public_document_rate_limit="100000/minute")


#: The API's functions these pages may call, each failing the test unless it gives the answer.
SILENT = ("schedule_of", "slip_of", "public_slip", "verification", "centres_of", "set_centre", "date_sheet",
          "set_paper", "documents_of", "revoke")


@pytest.fixture
def as_who(app, monkeypatch):
    """A test client signed in as `who` (None: anyone); exams answer nothing unless a test says so."""
    sign_in = signed_in(app, monkeypatch, SILENT)
    return sign_in




def text(response) -> str:
    return response.get_data(as_text=True)


def error_of(html: str, field: str) -> str:
    found = re.search(rf'<p class="error" id="{re.escape(field)}-error">([^<]*)</p>', html)
    return entities.unescape(found[1]) if found else ""


def problem_of(html: str) -> str:
    found = re.search(r'<p class="error" role="alert" id="form-error">([^<]*)</p>', html)
    return entities.unescape(found[1]) if found else ""


# -- who each page is for ------------------------------------------------------------------------
def test_each_page_declares_its_audience(app):
    views = app.view_functions
    for endpoint in ("exam_centres", "set_exam_centre"):
        assert views[f"portal_staff.{endpoint}"].audience == {"staff:examinations"}, endpoint
    for endpoint in ("date_sheets", "set_paper", "remove_paper", "find_documents", "revoke_document"):
        assert views[f"portal_staff.{endpoint}"].audience == {"staff:examinations"}, endpoint
    assert views["portal_staff.student_documents"].audience == {"staff:examinations", "staff:student_services"}
    for endpoint in ("exam_schedule", "roll_number_slip"):
        assert views[f"portal_student.{endpoint}"].audience == {"student"}, endpoint
    for endpoint in ("roll_number_slip", "verify", "verify_form"):
        assert not getattr(views[f"portal_public.{endpoint}"], "audience", None), endpoint


@pytest.mark.parametrize(("who", "path"), [
    (ADMISSIONS, "/staff/exam-centres"), (STUDENT_SERVICES, "/staff/date-sheets"), (ISLAMABAD, "/staff/documents"),
    (STUDENT_SERVICES, "/staff/documents"), (ADMISSIONS, "/staff/students/22P-123456/documents"),
])
def test_another_departments_get_the_403_page(as_who, who, path):
    assert as_who(who).get(path).status_code == 403


def test_only_examinations_revoke(as_who):
    refused = as_who(STUDENT_SERVICES).post(f"/staff/documents/{GENUINE['serial']}/revoke",
                                            data={f"{PREFIX}-reason": "x"})
    assert refused.status_code == 403


def test_the_home_page_links_the_public_slip_and_verification(as_who):
    html = text(as_who(None).get("/"))
    assert 'href="/roll-number-slip"' in html and 'href="/verify"' in html


# -- the student's schedule and slip ------------------------------------------------------------
def test_her_schedule_shows_her_roll_number_centre_and_papers(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "schedule_of", SCHEDULE, sent)
    page = as_who(STUDENT).get("/student/exam-schedule")
    html = text(page)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert sent == [(STUDENT, "22P-123456", "")]
    assert '<span class="code" data-roll-number>BO680724</span>' in html
    assert "Islamabad Model College for Girls" in html and "F-7/3, Islamabad" in html
    assert re.findall(r'data-paper="(\w+)"', html) == ["8604", "8607"]
    assert "Wednesday, December 9, 2026" in html and "09:00–12:00" in html
    assert "To be announced" in html.split('data-paper="8607"', 1)[1]
    assert 'href="/student/roll-number-slip.pdf?semester=Spring+2026"' in html


def test_her_schedule_of_another_semester_and_one_that_is_not(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "schedule_of", SCHEDULE, sent)
    assert as_who(STUDENT).get("/student/exam-schedule?semester=spring+2026").status_code == 200
    assert sent == [(STUDENT, "22P-123456", "Spring 2026")]
    assert as_who(STUDENT).get("/student/exam-schedule?semester=Summer+2026").status_code == 404


def test_her_schedule_in_urdu_right_to_left(as_who, monkeypatch):
    answers(monkeypatch, "schedule_of", SCHEDULE)
    html = text(as_who(STUDENT).get("/student/exam-schedule?lang=ur"))
    assert '<html lang="ur" dir="rtl">' in html
    assert "میرا امتحانی شیڈول" in html and "رول نمبر" in html and "بدھ، 9 دسمبر، 2026" in html


def test_a_centre_not_given_yet_is_said(as_who, monkeypatch):
    answers(monkeypatch, "schedule_of", {**SCHEDULE, "centre": None})
    html = text(as_who(STUDENT).get("/student/exam-schedule"))
    assert "every centre of your region is full" in html


def test_without_a_roll_number_she_is_told_when_it_comes(as_who, monkeypatch):
    answers(monkeypatch, "schedule_of", NotFound("no roll number yet: it is given when a registration is confirmed"))
    page = as_who(STUDENT).get("/student/exam-schedule")
    html = text(page)
    assert page.status_code == 200 and "data-no-roll-number" in html
    assert "once its fee challan is paid" in html and 'href="/student/registration"' in html
    assert "data-slip" not in html


def test_with_exams_away_her_schedule_is_a_503_page_that_says_so(as_who, monkeypatch):
    answers(monkeypatch, "schedule_of", DeadlineExceeded("slow"))
    page = as_who(STUDENT).get("/student/exam-schedule")
    assert page.status_code == 503 and "cannot be shown right now" in text(page)


def test_her_slip_is_a_pdf_to_keep_from_the_apis_function(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "slip_of", SLIP, sent)
    pdf = as_who(STUDENT).get("/student/roll-number-slip.pdf?semester=Spring+2026")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert pdf.headers["Content-Disposition"] == 'attachment; filename="roll-number-slip-BO680724.pdf"'
    assert pdf.headers["X-Document-Id"] == "aaa.bbb.ccc" and pdf.headers["Cache-Control"] == "no-store"
    assert sent == [(STUDENT, "22P-123456", "Spring 2026")]


def test_her_slip_without_a_roll_number_goes_back_to_her_schedule(as_who, monkeypatch):
    answers(monkeypatch, "slip_of", NotFound("no roll number yet"))
    sent_back = as_who(STUDENT).get("/student/roll-number-slip.pdf")
    assert sent_back.status_code == 303 and sent_back.headers["Location"].endswith("/student/exam-schedule")
    answers(monkeypatch, "slip_of", Unavailable("exams is down"))
    assert as_who(STUDENT).get("/student/roll-number-slip.pdf").status_code == 503


def test_staff_and_strangers_do_not_get_a_students_schedule(as_who):
    assert as_who(EXAMS).get("/student/exam-schedule").status_code == 403
    assert as_who(None).get("/student/roll-number-slip.pdf").status_code == 302   # to sign in


# -- the public slip --------------------------------------------------------------------------------
SLIP_FORM = {"program": "bed15", "semester": "spring 2026", "registration_number": "22p-123456"}


def test_the_public_slip_form_says_the_copy_is_valid(as_who):
    html = text(as_who(None).get("/roll-number-slip"))
    assert "This copy is also valid to appear in exam centres." in html
    assert 'name="registration_number"' in html


def test_the_public_slip_is_the_pdf_of_the_apis_function(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "public_slip", SLIP, sent)
    pdf = as_who(None).post("/roll-number-slip", data=SLIP_FORM)
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF") and pdf.headers["X-Document-Id"] == "aaa.bbb.ccc"
    assert pdf.headers["Cache-Control"] == "no-store"
    assert sent == [("bed15", "spring 2026", "22p-123456")]  # exams normalise them, as for the API


@pytest.mark.parametrize(("field", "value", "english"), [
    ("program", "B ED", "A programme code is letters and digits, like BED15."),
    ("semester", "Summer 2026", "Enter a semester like Spring 2027."),
    ("registration_number", "22P123456", "A registration number looks like 22P-123456."),
    ("registration_number", "", "Enter your registration number."),
])
def test_a_slip_the_api_would_refuse_is_said_next_to_its_field(as_who, field, value, english):
    refused = as_who(None).post("/roll-number-slip", data={**SLIP_FORM, field: value})
    assert refused.status_code == 400 and error_of(text(refused), field) == english


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a_wrong_combination_is_said_on_the_form_never_a_500(as_who, monkeypatch, lang):
    answers(monkeypatch, "public_slip", NotFound("no roll number slip for this program, semester and registration"))
    refused = as_who(None).post(f"/roll-number-slip?lang={lang}", data={**SLIP_FORM, "program": "ADE"})
    html = text(refused)
    assert refused.status_code == 404
    said = {"en": "No roll number slip matches this programme",
            "ur": "اس پروگرام، سمسٹر اور رجسٹریشن نمبر کی کوئی رول نمبر سلپ نہیں ملی"}
    assert problem_of(html).startswith(said[lang])
    assert 'value="ADE"' in html                                           # what was typed stays


def test_exams_refusal_of_a_field_is_said_next_to_it(as_who, monkeypatch):
    answers(monkeypatch, "public_slip", InvalidArgument("program_code must be a program's code", field="program_code"))
    refused = as_who(None).post("/roll-number-slip", data=SLIP_FORM)
    assert refused.status_code == 400 and error_of(text(refused), "program") == "A programme code is letters and " \
                                                                                "digits, like BED15."


def test_with_exams_away_the_public_slip_says_to_try_again(as_who, monkeypatch):
    answers(monkeypatch, "public_slip", Unavailable("exams is down"))
    refused = as_who(None).post("/roll-number-slip", data=SLIP_FORM)
    assert refused.status_code == 503 and "try again in a little while" in problem_of(text(refused))


# -- verification ------------------------------------------------------------------------------------
def test_a_genuine_document_says_so_with_its_type_date_and_facts(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "verification", GENUINE, sent)
    page = as_who(None).get("/verify/aaa.bbb.ccc")
    html = text(page)
    assert page.status_code == 200 and sent == [("aaa.bbb.ccc",)] and page.headers["Cache-Control"] == "no-store"
    assert '<h1 id="verdict">Genuine</h1>' in html and 'data-verdict="genuine"' in html
    assert ">Roll number slip</h2>" in html and "Dec 6, 2026" in html and "Controller of Examinations" in html
    facts = {name: re.sub(r"<[^>]+>", "", value) for name, value in
             re.findall(r"<dt>([^<]+)</dt>\s*<dd data-fact=\"\w+\"[^>]*>(.+?)</dd>", html)}
    assert facts == {"Name": "Ay**** Si******", "Registration number": "22P-123456", "Roll number": "BO680724",
                     "Programme": "BED15", "Semester": "Spring 2026", "Exam centre": "ISB-01"}
    assert "data-revocation" not in html


def test_a_revoked_document_says_so_with_the_reason_and_date_in_urdu(as_who, monkeypatch):
    answers(monkeypatch, "verification", REVOKED)
    html = text(as_who(None).get("/verify/aaa.bbb.ccc?lang=ur"))
    assert '<html lang="ur" dir="rtl">' in html and '<h1 id="verdict">منسوخ</h1>' in html
    assert '<dd data-reason><bdi lang="en">issued in error</bdi></dd>' in html and "7 دسمبر، 2026" in html
    assert "<dt>رول نمبر</dt>" in html


def test_a_copy_superseded_by_the_system_says_so_in_the_pages_words(as_who, monkeypatch):
    answers(monkeypatch, "verification", {**REVOKED, "revocation_reason": "superseded by a new copy"})
    html = text(as_who(None).get("/verify/aaa.bbb.ccc"))
    assert "A newer copy of this document was issued: only that copy is valid." in html


@pytest.mark.parametrize("refusal", [Problem(404, "no such document"), NotFound("no such document")])
def test_a_forged_code_is_a_404_that_says_the_university_did_not_issue_it(as_who, monkeypatch, refusal):
    answers(monkeypatch, "verification", refusal)
    page = as_who(None).get("/verify/forged.code.here")
    assert page.status_code == 404 and "Not issued by the university" in text(page)


def test_with_the_issuer_away_verification_is_a_503_page(as_who, monkeypatch):
    answers(monkeypatch, "verification", Unavailable("exams is down"))
    page = as_who(None).get("/verify/aaa.bbb.ccc")
    assert page.status_code == 503 and "cannot be checked right now" in text(page)


@pytest.mark.parametrize(("pasted", "goes_to"), [
    ("https://portal.example.pk/verify/aaa.bbb-_.ccc", "/verify/aaa.bbb-_.ccc"),
    ("  aaa.bbb.ccc ", "/verify/aaa.bbb.ccc"),
    ("http://127.0.0.1:8080/verify/aaa.bbb.ccc/", "/verify/aaa.bbb.ccc"),
])
def test_a_pasted_address_or_code_goes_to_its_verification(as_who, pasted, goes_to):
    went = as_who(None).get("/verify", query_string={"code": pasted})
    assert went.status_code == 303 and went.headers["Location"] == goes_to


@pytest.mark.parametrize("pasted", ["not a code", "https://evil.example/other/a.b.c", "", "a.b.c.d"])
def test_what_is_not_a_code_is_said_next_to_the_field(as_who, pasted):
    refused = as_who(None).get("/verify", query_string={"code": pasted})
    assert refused.status_code == 400 and error_of(text(refused), "code")


# -- exam centres ------------------------------------------------------------------------------------
def test_the_centres_with_seats_seated_and_the_unplaced(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "centres_of", CENTRES, sent)
    page = as_who(EXAMS).get("/staff/exam-centres?region=isb")
    html = text(page)
    assert page.status_code == 200 and sent == [(EXAMS, "ISB", "")]
    assert re.findall(r'<tr data-centre="([\w-]+)"', html) == ["ISB-01", "ISB-02"]
    assert 'data-unplaced="3"' in html and "Candidates without a centre: 3." in html
    row = html.split('data-centre="ISB-01"', 1)[1].split("</tr>", 1)[0]
    assert "<td data-capacity>400</td>" in row and "<td data-seated>1</td>" in row


def test_change_fills_the_form_with_the_centre(as_who, monkeypatch):
    answers(monkeypatch, "centres_of", CENTRES)
    html = text(as_who(EXAMS).get("/staff/exam-centres?change=ISB-02"))
    form = html.split("data-set-centre", 1)[1]
    assert 'value="ISB-02"' in form and 'value="Federal Government School"' in form and 'value="0"' in form
    assert re.search(r'<input[^>]*id="active"[^>]*>', form)[0].count("checked") == 0


def test_adding_a_centre_sends_the_apis_body_and_goes_to_its_region(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "set_centre", {**CENTRE, "capacity": 250, "active": True, "seated": 0}, sent)
    done = as_who(EXAMS).post("/staff/exam-centres", data=CENTRE)
    assert done.status_code == 303
    assert done.headers["Location"] == "/staff/exam-centres?region=GLT&done=saved&centre=GLT-01#centres"
    assert sent == [(EXAMS, schemas.SetExamCentre(code="GLT-01", region="GLT", name="Government College Gilgit",
                                                  address="Jutial, Gilgit", capacity=250, active=True))]
    closed = []
    answers(monkeypatch, "set_centre", {**CENTRE, "capacity": 250, "active": False, "seated": 0}, closed)
    as_who(EXAMS).post("/staff/exam-centres", data={k: v for k, v in CENTRE.items() if k != "active"})
    assert closed[0][1].active is False


@pytest.mark.parametrize(("field", "value", "english"), [
    ("capacity", "-1", "Enter a number of seats from 0 to 100000."),
    ("capacity", "many", "Enter a number of seats from 0 to 100000."),
    ("code", "ISB 03", "A centre code is letters, digits and hyphens, like ISB-03."),
    ("region", "", "Enter the region."),
])
def test_a_centre_the_api_would_refuse_is_said_next_to_its_field_and_nothing_is_sent(as_who, monkeypatch, field,
                                                                                      value, english):
    answers(monkeypatch, "centres_of", CENTRES)
    refused = as_who(EXAMS).post("/staff/exam-centres", data={**CENTRE, field: value})
    html = text(refused)
    assert refused.status_code == 400 and error_of(html, field) == english
    assert 'value="Government College Gilgit"' in html                     # what was typed stays


@pytest.mark.parametrize(("error", "field", "status", "english"), [
    (InvalidArgument("region must be a regional centre's code", field="region"), "region", 400,
     "A region is a regional centre's code, 2 to 10 letters or digits, like ISB."),
    (FailedPrecondition("candidates are seated at this centre", field="region"), "region", 409,
     "Candidates are seated at this centre: it cannot move to another region."),
])
def test_exams_refusal_of_a_centre_is_said_next_to_its_field(as_who, monkeypatch, error, field, status, english):
    answers(monkeypatch, "centres_of", CENTRES)
    answers(monkeypatch, "set_centre", error)
    refused = as_who(EXAMS).post("/staff/exam-centres", data=CENTRE)
    assert refused.status_code == status and error_of(text(refused), field) == english


def test_with_exams_away_the_centres_are_a_503_page_with_the_form(as_who, monkeypatch):
    answers(monkeypatch, "centres_of", Unavailable("exams is down"))
    page = as_who(EXAMS).get("/staff/exam-centres")
    assert page.status_code == 503 and "cannot be shown right now" in text(page) and "data-set-centre" in text(page)


# -- date sheets -------------------------------------------------------------------------------------
def test_a_date_sheet_with_each_papers_move_link_and_remove_button(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "date_sheet", SHEET, sent)
    html = text(as_who(EXAMS).get("/staff/date-sheets?semester=spring+2027&program=bed15"))
    assert sent == [("Spring 2027", "BED15")]
    row = html.split('data-paper="8601"', 1)[1].split("</tr>", 1)[0]
    assert "Monday, November 22, 2027" in row and "14:00–17:00" in row
    assert "move=8601" in row and 'name="course_code" value="8601"' in row
    form = html.split("data-set-paper", 1)[1]
    assert 'name="semester" value="Spring 2027"' in form and 'name="program" value="BED15"' in form


def test_move_fills_the_form_with_the_paper(as_who, monkeypatch):
    answers(monkeypatch, "date_sheet", SHEET)
    form = text(as_who(EXAMS).get("/staff/date-sheets?semester=Spring+2027&program=BED15&move=8601")).split(
        "data-set-paper", 1)[1]
    assert 'value="8601"' in form and 'value="2027-11-22"' in form and 'value="14:00"' in form


def test_no_sheet_is_asked_for_until_both_are_chosen(as_who):
    assert as_who(EXAMS).get("/staff/date-sheets").status_code == 200
    refused = as_who(EXAMS).get("/staff/date-sheets?semester=Spring+2027")
    assert refused.status_code == 400 and error_of(text(refused), "program") == "Enter the programme's code."


def test_putting_a_paper_sends_the_apis_body_and_comes_back_to_the_sheet(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "set_paper", SHEET, sent)
    done = as_who(EXAMS).post("/staff/date-sheets/papers", data=PAPER)
    assert done.status_code == 303
    assert done.headers["Location"] == ("/staff/date-sheets?semester=Spring+2027&program=BED15&done=set&course=8603"
                                        "#papers")
    assert sent == [{"semester": "Spring 2027", "program": "BED15", "course_code": "8603", "title": "",
                     "date": "2027-11-30", "start": "14:00", "end": "17:00"}]


@pytest.mark.parametrize(("field", "value", "english"), [
    ("start", "9am", "Enter the time as hours:minutes (24 hours), like 09:00 or 14:00."),
    ("end", "25:00", "Enter the time as hours:minutes (24 hours), like 09:00 or 14:00."),
    ("date", "30/11/2027", "Enter the date as year-month-day, like 2026-12-09."),
    ("course_code", "86 03", "A course code is letters and digits, like 8601."),
])
def test_a_paper_the_api_would_refuse_is_said_next_to_its_field_and_nothing_is_sent(as_who, monkeypatch, field,
                                                                                     value, english):
    answers(monkeypatch, "date_sheet", SHEET)
    refused = as_who(EXAMS).post("/staff/date-sheets/papers", data={**PAPER, field: value})
    assert refused.status_code == 400 and error_of(text(refused), field) == english


@pytest.mark.parametrize(("lang", "error", "field", "said"), [
    ("en", InvalidArgument("a paper must end after it starts", field="end"), "end",
     "A paper must end after it starts."),
    ("ur", InvalidArgument("a paper must end after it starts", field="end"), "end",
     "پرچہ شروع ہونے کے بعد ہی ختم ہو سکتا ہے۔"),
    ("en", InvalidArgument("course_title is required", field="course_title"), "title",
     "Give the course's title: no candidate sits this course yet."),
    ("en", InvalidArgument("program_code must be a program's code", field="program_code"), "course_code",
     "The form could not be accepted. Please check it and submit again."),
])
def test_exams_refusal_of_a_paper_is_said_next_to_its_field(as_who, monkeypatch, lang, error, field, said):
    answers(monkeypatch, "date_sheet", SHEET)
    answers(monkeypatch, "set_paper", error)
    refused = as_who(EXAMS).post(f"/staff/date-sheets/papers?lang={lang}", data=PAPER)
    assert refused.status_code == 400 and error_of(text(refused), field) == said


def test_a_tampered_sheet_changes_nothing(as_who):
    refused = as_who(EXAMS).post("/staff/date-sheets/papers", data={**PAPER, "program": "B ED"})
    assert refused.status_code == 400 and "could not be accepted" in problem_of(text(refused))


def test_removing_a_paper(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "set_paper", SHEET, sent)
    form = {"semester": "Spring 2027", "program": "BED15", "course_code": "8601"}
    done = as_who(EXAMS).post("/staff/date-sheets/papers/remove", data=form)
    assert done.status_code == 303 and "done=removed&course=8601" in done.headers["Location"]
    assert sent == [{"semester": "Spring 2027", "program": "BED15", "course_code": "8601", "remove": True}]
    answers(monkeypatch, "set_paper", NotFound("this paper is not on the date sheet", field="course_code"))
    answers(monkeypatch, "date_sheet", SHEET)
    gone = as_who(EXAMS).post("/staff/date-sheets/papers/remove", data=form)
    assert gone.status_code == 404 and "not on the date sheet" in problem_of(text(gone))


@pytest.mark.parametrize("path", ["/staff/date-sheets/papers", "/staff/date-sheets/papers/remove"])
def test_with_exams_away_a_change_is_a_503_that_says_to_try_again(as_who, monkeypatch, path):
    answers(monkeypatch, "set_paper", DeadlineExceeded("slow"))
    answers(monkeypatch, "date_sheet", DeadlineExceeded("slow"))
    refused = as_who(EXAMS).post(path, data=PAPER)
    assert refused.status_code == 503 and "try again in a little while" in problem_of(text(refused))


# -- a student's documents ---------------------------------------------------------------------------
def test_the_finder_goes_to_the_students_documents(as_who):
    went = as_who(EXAMS).get("/staff/documents?registration_number=22p-123456")
    assert went.status_code == 303 and went.headers["Location"] == "/staff/students/22P-123456/documents"
    refused = as_who(EXAMS).get("/staff/documents?registration_number=22P123456")
    assert refused.status_code == 400 and error_of(text(refused), "registration_number")


def test_her_documents_each_with_its_status_and_a_revoke_form_while_it_stands(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "documents_of", {"documents": [GENUINE, REVOKED]}, sent)
    html = text(as_who(EXAMS).get("/staff/students/22p-123456/documents"))
    assert sent == [(EXAMS, "22P-123456")]
    assert re.findall(r'data-document="(\w+)" data-status="(\w+)"', html) == [(GENUINE["serial"], "genuine"),
                                                                              (REVOKED["serial"], "revoked")]
    assert html.count("data-revoke>") == 1 and f'name="{PREFIX}-reason"' in html
    assert "issued in error" in html.split(f'data-document="{REVOKED["serial"]}"', 1)[1]


def test_student_services_read_her_documents_but_revoke_nothing(as_who, monkeypatch):
    answers(monkeypatch, "documents_of", {"documents": [GENUINE]})
    page = as_who(STUDENT_SERVICES).get("/staff/students/22P-123456/documents")
    assert page.status_code == 200 and "data-revoke" not in text(page) and "data-find-documents" not in text(page)


def test_no_such_student_and_exams_away(as_who, monkeypatch):
    assert as_who(EXAMS).get("/staff/students/nobody/documents").status_code == 404
    answers(monkeypatch, "documents_of", Unavailable("exams is down"))
    assert as_who(EXAMS).get("/staff/students/22P-123456/documents").status_code == 503


def test_revoking_sends_the_reason_and_comes_back_to_her_documents(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "revoke", REVOKED, sent)
    done = as_who(EXAMS).post(f"/staff/documents/{GENUINE['serial']}/revoke", data={
        f"{PREFIX}-reason": " issued in error ", f"{PREFIX}-registration_number": "22P-123456"})
    assert done.status_code == 303
    assert done.headers["Location"] == (f"/staff/students/22P-123456/documents?done=revoked&serial={GENUINE['serial']}"
                                        f"#document-{GENUINE['serial'].lower()}")
    assert sent == [(EXAMS, GENUINE["serial"], "issued in error")]


@pytest.mark.parametrize(("lang", "said"), [("en", "Say why the document is revoked."),
                                            ("ur", "لکھیں کہ دستاویز کیوں منسوخ کی جا رہی ہے۔")])
def test_a_revocation_without_a_reason_is_said_next_to_it(as_who, monkeypatch, lang, said):
    answers(monkeypatch, "documents_of", {"documents": [GENUINE]})
    refused = as_who(EXAMS).post(f"/staff/documents/{GENUINE['serial']}/revoke?lang={lang}", data={
        f"{PREFIX}-reason": "  ", f"{PREFIX}-registration_number": "22P-123456"})
    assert refused.status_code == 400 and error_of(text(refused), f"{PREFIX}-reason") == said


def test_exams_refusal_of_a_reason_is_said_next_to_it(as_who, monkeypatch):
    answers(monkeypatch, "documents_of", {"documents": [GENUINE]})
    answers(monkeypatch, "revoke", InvalidArgument("reason is longer than 300 characters", field="reason"))
    refused = as_who(EXAMS).post(f"/staff/documents/{GENUINE['serial']}/revoke", data={
        f"{PREFIX}-reason": "x", f"{PREFIX}-registration_number": "22P-123456"})
    assert refused.status_code == 400 and error_of(text(refused), f"{PREFIX}-reason") == "Say why in 1 to 300 " \
                                                                                         "characters."


def test_a_tampered_revocation_revokes_nothing(as_who):
    assert as_who(EXAMS).post("/staff/documents/RNS-1/revoke", data={}).status_code == 404
    assert as_who(EXAMS).post(f"/staff/documents/{GENUINE['serial']}/revoke", data={
        f"{PREFIX}-reason": "x", f"{PREFIX}-registration_number": "../x"}).status_code == 400
