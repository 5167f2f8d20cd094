"""The staff pages over enrollment (admission, files, a student's record and holds, the
semesters, a regional office's tutors) on an app that talks to nothing: enrollment's
answers and refusals stand in for the service, so that each refusal is said next to its
field in English and Urdu, every form sends the API's own body, and nothing is a 500."""
import csv
import html as entities
import io
import re

import pytest

from campus import auth, testing
from campus.errors import AlreadyExists, DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from campus.grpc_client import ServiceClients
from gateway import schemas
from gateway.app import create_app
from gateway.blueprints import public as public_api
from gateway.blueprints import records as records_api
from gateway.blueprints.staff import TOOLS
from gateway.config import GatewayConfig
from gateway.context import Gateway
from gateway.portal import admission_forms, session
from gateway.portal.staff import TOOL_LINKS
from services.enrollment.domain import ADMISSION_FIELDS

ADMISSIONS = auth.Caller(kind=auth.STAFF, subject="admissions.officer", department="admissions")
STUDENT_SERVICES = auth.Caller(kind=auth.STAFF, subject="student.services", department="student_services")
ISLAMABAD = auth.Caller(kind=auth.STAFF, subject="regional.islamabad", department="regional", centre="ISB")
EXAMS = auth.Caller(kind=auth.STAFF, subject="exams.officer", department="examinations")
BATCH = "0b6a2f7e-1111-4222-8333-444455556666"
REGNO = "27S-000042"

FORM = {"full_name": "Kiran Shahzadi", "father_name": "Shahzad Ahmed", "cnic": "37405-5555555-2",
        "date_of_birth": "2001-07-14", "gender": "female", "postal_address": "House 5, Street 8, G-11/1, Islamabad",
        "mobile": "0301-5555555", "email": "kiran@example.pk", "program_code": "BED15", "centre_code": "ISB",
        "admission_semester": "Spring 2027", "idempotency_key": "k" * 32}
PROFILE = {"registration_number": REGNO, "full_name": "Kiran Shahzadi", "father_name": "Shahzad Ahmed",
           "gender": "female", "date_of_birth": "2001-07-14", "cnic": "37405-5555555-2", "email": "kiran@example.pk",
           "mobile": "03015555555", "postal_address": "House 5, Street 8, G-11/1, Islamabad",
           "program": {"code": "BED15", "title": "B.Ed (1.5 Years)", "level": "bed"},
           "regional_centre": {"code": "ISB", "name": "Islamabad"}, "admission_semester": "Spring 2027",
           "current_semester": "Spring 2027", "status": "active"}
RECORD = {"student": PROFILE, "admitted_by": "admissions.officer", "admitted_at": "2026-12-06T05:00:00Z",
          "account_opened_at": "2026-12-06T05:00:01Z",
          "history": [{"field": "mobile", "old_value": "03001111111", "new_value": "03015555555",
                       "changed_at": "2026-12-06T06:00:00Z", "changed_by": "admissions.officer",
                       "source": "by hand: CR form 77"}]}
HOLD = {"code": "missing_documents", "title": "Missing documents", "action": "Send them.",
        "blocks": ["registration", "transcript", "degree"], "reference": "Attested B.A. transcript",
        "raised_at": "2026-12-06T05:00:00Z", "note": "Bring it to the centre"}
DUES = {**HOLD, "code": "unpaid_dues", "title": "Unpaid dues", "reference": "100710000000000042", "note": ""}
SEMESTERS = {"semesters": [
    {"code": "Spring 2027", "starts_on": "2027-04-01", "admission": {"opens": "2026-12-01", "closes": "2027-03-31"},
     "registration": {"opens": "2026-12-01", "closes": "2027-03-31"}},
    {"code": "Autumn 2027", "starts_on": "2027-10-01", "admission": {"opens": "2027-08-01", "closes": "2027-09-30"},
     "registration": {"opens": "2027-08-01", "closes": "2027-09-30"}}]}
TUTORS = {"semester": "Spring 2026", "centre": "ISB", "tutors": [
    {"tutor_id": 7, "name": "Dr. Tahira Bibi", "postal_address": "Model School, F-8/2, Islamabad",
     "phone": "03005551111", "email": "tahira.bibi@example.pk",
     "offerings": [{"course_code": "8604", "course_title": "Research Methods", "capacity": 30, "allocated": 1}]}],
    "offerings": [{"course_code": "8601", "course_title": "General Methods of Teaching", "students": 3,
                   "allocated": 0, "capacity": 0},
                  {"course_code": "8604", "course_title": "Research Methods", "students": 1, "allocated": 1,
                   "capacity": 30}]}


PROGRAMMES = {"programs": [{"code": "MATRIC", "title": "Matric (Secondary School Certificate)"},
                          {"code": "BED15", "title": "B.Ed (1.5 Years)"}]}
CENTRES = {"centres": [{"code": "ISB", "name": "Islamabad"}, {"code": "LHR", "name": "Lahore"}]}


def batch(status: str, **changes) -> dict:
    return {"batch_id": BATCH, "file_name": "spring-2027.csv", "status": status, "total": 400, "processed": 150,
            "refused": [], "created_at": "2026-12-06T05:00:00Z", "finished_at": None,
            "created_by": "admissions.officer", "error": "", **changes}


@pytest.fixture(scope="module")
def app():
    config = GatewayConfig(environment="test", max_upload_bytes=64 * 1024)  # small enough to exceed here
    made = create_app(config, Gateway(config, ServiceClients(testing.service_tokens("gateway")),
                                      testing.TestUsers().verifier))
    made.config["WTF_CSRF_ENABLED"] = False  # the CSRF token is the browser tests' (and the battery's)
    return made


@pytest.fixture
def as_staff(app, monkeypatch):
    """A test client signed in as `who`; enrollment answers nothing unless a test says so."""
    def sign_in(who: auth.Caller = ADMISSIONS):
        monkeypatch.setattr(session, "page_caller", lambda: who)
        return app.test_client()
    for name in ("admit", "submit_file", "admission_file", "admission_report", "student_record", "correct_record",
                 "holds_of", "place_hold", "lift_hold", "semesters", "set_windows", "tutors", "add_tutor",
                 "assign_tutor", "allocate_tutors"):
        monkeypatch.setattr(records_api, name, _unasked(name))
    monkeypatch.setattr(public_api, "programs_catalogue", lambda: PROGRAMMES)
    monkeypatch.setattr(public_api, "centres_list", lambda: CENTRES)
    answers(monkeypatch, "admission_files", {"batches": []})   # the upload page lists the recent files
    return sign_in


def _unasked(name):
    def call(*_args, **_kwargs):
        raise AssertionError(f"enrollment must not be asked ({name})")
    return call


def answers(monkeypatch, name: str, answer, sent: list | None = None):
    """Enrollment's answer to one of the records functions: a value, or an error it raises;
    each call's arguments (after the caller) go to `sent`."""
    def call(_who, *args):
        if sent is not None:
            sent.append(args)
        if isinstance(answer, Exception):
            raise answer
        return answer
    monkeypatch.setattr(records_api, name, call)


def text(response) -> str:
    return response.get_data(as_text=True)


def error_of(html: str, field: str) -> str:
    found = re.search(rf'<p class="error" id="{field}-error">([^<]*)</p>', html)
    return entities.unescape(found[1]) if found else ""


def problem_of(html: str) -> str:
    found = re.search(r'<p class="error" role="alert" id="form-error">([^<]*)</p>', html)
    return entities.unescape(found[1]) if found else ""


# -- who sees which tool ------------------------------------------------------------------
def test_each_tool_link_is_a_page_of_its_tool_and_declares_its_departments(app):
    for name, endpoint, _label in TOOL_LINKS:
        view = app.view_functions[endpoint]
        assert view.audience == {f"staff:{d}" for d in TOOLS[name]}, endpoint


@pytest.mark.parametrize(("who", "links", "finder"), [
    (ADMISSIONS, ["/staff/students/new", "/staff/admissions/new", "/staff/admissions/files", "/staff/students",
                  "/staff/semesters", "/staff/programmes", "/staff/announcements"], True),
    (STUDENT_SERVICES, ["/staff/accounts", "/staff/audit", "/staff/students", "/staff/financial-aid",
                        "/staff/complaints", "/staff/faq", "/staff/announcements", "/staff/deliveries",
                        "/staff/webhooks", "/staff/tracking"], True),
    (ISLAMABAD, ["/staff/tutors", "/staff/announcements"], False),
    (EXAMS, ["/staff/exam-centres", "/staff/date-sheets", "/staff/documents", "/staff/marks", "/staff/publication",
             "/staff/exam-cases", "/staff/announcements", "/staff/tracking"], False),
])
def test_the_console_links_each_department_to_its_own_tools(app, as_staff, monkeypatch, who, links, finder):
    monkeypatch.setattr(app.extensions["cms_gateway"], "clients", _NoQueue())
    html = text(as_staff(who).get("/staff"))
    assert re.findall(r'<li><a href="([^"]+)">', html.split("data-tools", 1)[-1].split("</nav>")[0]) == links
    assert ("data-find-student" in html) is finder


class _NoQueue:
    def call(self, *_args, **_kwargs):
        raise Unavailable("requests is down")


@pytest.mark.parametrize(("who", "path"), [
    (STUDENT_SERVICES, "/staff/admissions/new"), (STUDENT_SERVICES, "/staff/semesters"),
    (ISLAMABAD, "/staff/students/22P-123456"), (ADMISSIONS, "/staff/tutors"), (EXAMS, "/staff/admissions/files"),
    (EXAMS, f"/staff/admissions/files/{BATCH}/report"), (ADMISSIONS, "/staff/tutors?semester=Spring+2026"),
])
def test_another_departments_tools_are_403_pages(as_staff, who, path):
    assert as_staff(who).get(path).status_code == 403


def test_student_services_may_not_post_a_correction(as_staff):
    assert as_staff(STUDENT_SERVICES).post(f"/staff/students/{REGNO}/record", data={"reason": "x"}).status_code == 403


# -- admitting one student ---------------------------------------------------------------
def test_the_admission_form_starts_with_the_semester_admitting_today(as_staff, monkeypatch):
    answers(monkeypatch, "semesters", SEMESTERS)
    page = as_staff().get("/staff/admissions/new")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    html = text(page)
    assert re.search(r'name="admission_semester"[^>]*value="Spring 2027"', html)
    assert re.search(r'<input id="idempotency_key" name="idempotency_key" type="hidden" value="[\w-]{32}">', html)
    for name in ADMISSION_FIELDS:
        assert f'name="{name}"' in html, name
    assert 'type="date"' in html and '<option value="female">Female</option>' in html
    assert '<option value="BED15">BED15 · B.Ed (1.5 Years)</option>' in html


def test_admitting_sends_the_apis_body_with_the_forms_key_and_names_the_number(as_staff, monkeypatch):
    sent = []
    answers(monkeypatch, "admit", {"student": PROFILE, "account_status": "opened"}, sent)
    client = as_staff()
    made = client.post("/staff/admissions/new", data=FORM)
    assert made.status_code == 303
    assert made.headers["Location"].endswith(f"/staff/admissions/new?admitted={REGNO}&account=opened")
    [(body, key)] = sent
    assert isinstance(body, schemas.AdmitStudent) and key == "k" * 32
    assert body.model_dump() == {k: v for k, v in FORM.items() if k != "idempotency_key"}
    answers(monkeypatch, "semesters", SEMESTERS)
    for lang, said in (("en", "The student's portal account is open"), ("ur", "طالب علم کا پورٹل اکاؤنٹ کھل گیا ہے")):
        html = text(client.get(f"/staff/admissions/new?admitted={REGNO}&account=opened&lang={lang}"))
        assert f'data-admitted="{REGNO}"' in html and said in html
        assert f'href="/staff/students/{REGNO}"' in html
    tampered = text(client.get("/staff/admissions/new?admitted=<b>x</b>&account=nonsense"))
    assert "data-admitted" not in tampered


@pytest.mark.parametrize(("field", "value", "english"), [
    ("cnic", "3740555555", "A CNIC is 13 digits"),
    ("date_of_birth", "14/07/2001", "Enter the date as year-month-day"),
    ("gender", "f", "Choose female, male or other."),
    ("postal_address", "G-11", "at least 10 characters"),
    ("mobile", "phone", "A mobile number is 10 to 15 digits"),
    ("email", "kiran@", "Enter a valid email address"),
    ("program_code", "", "Choose the programme."),
    ("centre_code", "I5B", "A regional centre code is 2 to 10 letters"),
    ("admission_semester", "Summer 2027", "Enter a semester like Spring 2027."),
    ("full_name", "", "Enter the student's full name."),
])
def test_what_the_api_would_refuse_is_said_next_to_its_field_and_nothing_is_sent(as_staff, field, value, english):
    refused = as_staff().post("/staff/admissions/new", data={**FORM, field: value})
    html = text(refused)
    assert refused.status_code == 400 and english in error_of(html, field)
    assert f'aria-describedby="{field}-hint {field}-error"' in html or f'aria-describedby="{field}-error"' in html
    assert 'value="Kiran Shahzadi"' in html or field == "full_name"         # what was typed stays


@pytest.mark.parametrize(("error", "field", "status", "english", "urdu"), [
    (InvalidArgument("no programme 'BED99'", field="program_code"), "program_code", 400,
     "No programme has this code.", "اس کوڈ کا کوئی پروگرام نہیں۔"),
    (InvalidArgument("no regional centre 'XYZ'", field="centre_code"), "centre_code", 400,
     "No regional centre has this code.", "اس کوڈ کا کوئی علاقائی مرکز نہیں۔"),
    (InvalidArgument("admission to Spring 2030 is not open", field="admission_semester"), "admission_semester", 400,
     "Admission to this semester is not open.", "اس سمسٹر میں داخلہ کھلا نہیں ہے۔"),
    (InvalidArgument("date_of_birth gives an age of 5", field="date_of_birth"), "date_of_birth", 400,
     "The date of birth gives an age outside 12 to 100 years.", "12 سے 100 سال"),
    (InvalidArgument("email is not valid: no", field="email"), "email", 400,
     "Enter a valid email address", "درست ای میل پتا لکھیں"),
    (AlreadyExists("already admitted", field="cnic", reason="ALREADY_ADMITTED"), "cnic", 409,
     "This person (CNIC) is already admitted to this programme.", "پہلے ہی داخلہ مل چکا ہے"),
])
@pytest.mark.parametrize("lang", ["en", "ur"])
def test_enrollments_refusals_are_said_next_to_their_field_in_the_pages_language(as_staff, monkeypatch, error,
                                                                                field, status, english, urdu, lang):
    answers(monkeypatch, "admit", error)
    refused = as_staff().post(f"/staff/admissions/new?lang={lang}", data=FORM)
    assert refused.status_code == status
    assert {"en": english, "ur": urdu}[lang] in error_of(text(refused), field)


def test_with_enrollment_away_the_same_form_keeps_its_key_so_sending_it_again_admits_once(as_staff, monkeypatch):
    answers(monkeypatch, "admit", DeadlineExceeded("slow"))
    refused = as_staff().post("/staff/admissions/new", data=FORM)
    html = text(refused)
    assert refused.status_code == 503 and "the student is admitted once" in problem_of(html)
    assert f'name="idempotency_key" type="hidden" value="{"k" * 32}"' in html


def test_a_tampered_key_is_refused_with_a_fresh_one(as_staff):
    refused = as_staff().post("/staff/admissions/new", data={**FORM, "idempotency_key": "short"})
    html = text(refused)
    assert refused.status_code == 400 and "The form could not be accepted" in problem_of(html)
    assert not re.search(r'name="idempotency_key" type="hidden" value="short"', html)


# -- a file of students --------------------------------------------------------------------
def upload(client, content: bytes, name: str = "spring-2027.csv", lang: str = "en"):
    return client.post(f"/staff/admissions/files?lang={lang}", data={"file": (io.BytesIO(content), name)},
                       content_type="multipart/form-data")


def test_the_upload_page_describes_every_column_and_offers_a_sample(as_staff):
    html = text(as_staff().get("/staff/admissions/files"))
    assert re.findall(r'data-column="(\w+)"', html) == list(ADMISSION_FIELDS)
    assert 'enctype="multipart/form-data"' in html and 'accept=".csv,text/csv"' in html
    assert 'href="/staff/admissions/sample.csv"' in html


def test_the_sample_file_names_the_columns_enrollment_reads_and_its_rows_are_valid(as_staff):
    sample = as_staff().get("/staff/admissions/sample.csv")
    assert sample.mimetype == "text/csv" and 'attachment; filename="admissions-sample.csv"' in \
        sample.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(text(sample))))
    assert tuple(rows[0]) == ADMISSION_FIELDS and len(rows) == 2
    for row in rows:
        schemas.AdmitStudent.model_validate(row)


def test_a_file_goes_to_enrollment_as_text_and_its_page_follows(as_staff, monkeypatch):
    sent = []
    answers(monkeypatch, "submit_file", batch("queued"), sent)
    content = "\ufeff" + ",".join(ADMISSION_FIELDS) + "\nKiran,Shahzad,..."
    made = upload(as_staff(), content.encode(), name="uploads/spring-2027.csv")
    assert made.status_code == 303 and made.headers["Location"].endswith(f"/staff/admissions/files/{BATCH}")
    assert sent == [("spring-2027.csv", content)]


@pytest.mark.parametrize(("content", "name", "english"), [
    (b"a,b\n1,2\n", "students.xlsx", 'Send a .csv file: in Excel, Save As "CSV UTF-8 (Comma delimited)".'),
    ("full_name\nZa\xefnab\n".encode("latin-1"), "students.csv", "The file is not UTF-8 text"),
    (b"", "students.csv", "The file is empty or larger than 4 MB"),
])
def test_a_file_that_is_not_a_utf8_csv_is_refused_before_enrollment_is_asked(as_staff, content, name, english):
    refused = upload(as_staff(), content, name=name)
    assert refused.status_code == 400 and english in error_of(text(refused), "file")


@pytest.mark.parametrize(("lang", "said"), [("en", "Split an admission file into smaller files"),
                                            ("ur", "داخلے کی فائل کو چھوٹی فائلوں میں تقسیم کریں")])
def test_a_file_over_the_upload_limit_is_a_413_page_saying_what_to_do(as_staff, lang, said):
    refused = upload(as_staff(), b"x" * (65 * 1024), lang=lang)
    assert refused.status_code == 413 and said in text(refused)


def test_no_file_at_all_is_said_next_to_the_field(as_staff):
    refused = as_staff().post("/staff/admissions/files", data={}, content_type="multipart/form-data")
    assert refused.status_code == 400 and "Choose the CSV file to send." in error_of(text(refused), "file")


@pytest.mark.parametrize(("said", "english", "urdu"), [
    ("the file's first line must name the columns; missing: cnic, email",
     "The file's first line must name the columns. Missing: cnic, email.", "یہ نہیں ہیں: cnic, email"),
    ("the file has no rows under its header", "The file has no rows under its first line.",
     "فائل میں پہلی سطر کے نیچے کوئی سطر نہیں۔"),
    ("a file may have at most 20000 rows; split it", "files of at most 20,000 rows", "20,000 سطروں"),
])
@pytest.mark.parametrize("lang", ["en", "ur"])
def test_enrollments_refusal_of_a_whole_file_is_said_in_the_pages_language(as_staff, monkeypatch, said, english,
                                                                          urdu, lang):
    answers(monkeypatch, "submit_file", InvalidArgument(said, field="file"))
    refused = upload(as_staff(), b"full_name\nx\n", lang=lang)
    assert refused.status_code == 400 and {"en": english, "ur": urdu}[lang] in error_of(text(refused), "file")


def test_while_a_file_is_applied_its_page_shows_the_progress_and_refreshes_itself(as_staff, monkeypatch):
    answers(monkeypatch, "admission_file", batch("applying"))
    html = text(as_staff().get(f"/staff/admissions/files/{BATCH}"))
    assert '<meta http-equiv="refresh" content="2">' in html
    assert '<progress id="file-progress" value="150" max="400">' in html and 'data-progress="150/400"' in html
    assert "data-report" not in html


def test_an_applied_file_stops_refreshing_and_offers_its_report(as_staff, monkeypatch):
    answers(monkeypatch, "admission_file", batch("applied", processed=400, finished_at="2026-12-06T05:01:00Z"))
    html = text(as_staff().get(f"/staff/admissions/files/{BATCH}?lang=ur"))
    assert "http-equiv" not in html and 'data-status="applied"' in html
    assert f'href="/staff/admissions/files/{BATCH}/report"' in html
    assert "مکمل: سب کو داخلہ مل گیا" in html


def test_a_refused_file_lists_each_line_next_to_its_reason(as_staff, monkeypatch):
    refused = [{"line": 3, "field": "cnic", "message": "the same person and programme as line 2"},
               {"line": 5, "field": "program_code", "message": "no programme 'BED99'"}]
    answers(monkeypatch, "admission_file", batch("refused", processed=0, refused=refused))
    html = text(as_staff().get(f"/staff/admissions/files/{BATCH}"))
    rows = re.findall(r'<tr data-line="(\d+)" data-field="(\w+)"><td>\d+</td><td class="code column">[\w<>]+</td>'
                      r'<td><bdi lang="en">([^<]*)</bdi></td></tr>', html)
    assert rows == [("3", "cnic", "the same person and programme as line 2"),
                    ("5", "program_code", "no programme &#39;BED99&#39;")]
    assert "http-equiv" not in html and "<progress" not in html and "data-report" in html


@pytest.mark.parametrize("answer", [NotFound("no such admission file", field="batch_id")])
def test_an_unknown_file_is_a_404_and_a_malformed_id_asks_nobody(as_staff, monkeypatch, answer):
    assert as_staff().get("/staff/admissions/files/not-a-uuid").status_code == 404
    answers(monkeypatch, "admission_file", answer)
    assert as_staff().get(f"/staff/admissions/files/{BATCH}").status_code == 404
    answers(monkeypatch, "admission_file", Unavailable("down"))
    assert as_staff().get(f"/staff/admissions/files/{BATCH}").status_code == 503


def test_the_report_is_a_csv_attachment_once_there_is_one(as_staff, monkeypatch):
    answers(monkeypatch, "admission_report", (batch("applied"), "registration_number\n27S-000001\n"))
    report = as_staff().get(f"/staff/admissions/files/{BATCH}/report")
    assert report.status_code == 200 and report.mimetype == "text/csv"
    assert report.headers["Content-Disposition"] == 'attachment; filename="spring-2027-applied-report.csv"'
    assert text(report) == "registration_number\n27S-000001\n"
    answers(monkeypatch, "admission_report", (batch("queued"), ""))
    assert as_staff().get(f"/staff/admissions/files/{BATCH}/report").status_code == 404


# -- a student: record, history, corrections, holds --------------------------------------------
def test_admissions_see_the_record_its_history_the_correction_form_and_the_holds(as_staff, monkeypatch):
    answers(monkeypatch, "student_record", RECORD)
    answers(monkeypatch, "holds_of", {"holds": [HOLD, DUES]})
    html = text(as_staff().get(f"/staff/students/{REGNO.lower()}"))
    assert f'data-record="{REGNO}"' in html and "Kiran Shahzadi" in html
    assert re.search(r'<tr data-change="mobile"><td>Mobile</td><td>03001111111</td><td>03015555555</td>', html)
    assert "At the desk: CR form 77" in html
    assert re.search(r'id="mobile" name="mobile" type="tel" value="03015555555"', html)
    lifts = re.findall(r'<li data-hold="(\w+)" data-reference="[^"]*">.*?(name="lift")?.*?</li>', html, re.S)
    assert [code for code, _ in lifts] == ["missing_documents", "unpaid_dues"]
    assert html.count('name="lift"') == 1                    # only the hold placed by hand is lifted here
    assert 'name="reference" value="Attested B.A. transcript"' in html and "data-place-hold" in html


def test_student_services_see_her_holds_only(as_staff, monkeypatch):
    answers(monkeypatch, "holds_of", {"holds": []})           # student_record is not theirs: never asked
    html = text(as_staff(STUDENT_SERVICES).get(f"/staff/students/{REGNO}"))
    assert "data-record" not in html and "data-correct" not in html
    assert "data-no-holds" in html and "data-place-hold" in html


@pytest.mark.parametrize("path", ["/staff/students/27S-999999", "/staff/students/not-a-number",
                                  "/staff/students?registration_number=27S-99"])
def test_a_student_who_is_not_there_is_said_next_to_the_finder(as_staff, monkeypatch, path):
    answers(monkeypatch, "student_record", NotFound("no student with this registration number"))
    answers(monkeypatch, "holds_of", NotFound("no student with this registration number"))
    page = as_staff().get(path)
    assert page.status_code in (400, 404)
    assert error_of(text(page), "registration_number") in ("No student has this registration number.",
                                                           "A registration number looks like 22P-123456.")


def test_the_finder_goes_on_to_her_page(as_staff):
    found = as_staff().get("/staff/students?registration_number=+27s-000042+")
    assert found.status_code == 303 and found.headers["Location"].endswith(f"/staff/students/{REGNO}")


def test_a_record_away_is_a_503_page_never_a_500(as_staff, monkeypatch):
    answers(monkeypatch, "student_record", Unavailable("down"))
    page = as_staff().get(f"/staff/students/{REGNO}")
    assert page.status_code == 503 and "cannot be shown right now" in text(page)


def correction(**changes) -> dict:
    fields = {f: PROFILE[f] for f in admission_forms.CORRECTABLE}
    return {**fields, "reason": "CR form 78", **changes}


def test_a_correction_sends_only_what_changed_and_goes_back_to_the_history(as_staff, monkeypatch):
    answers(monkeypatch, "student_record", RECORD)
    sent = []
    answers(monkeypatch, "correct_record", RECORD, sent)
    made = as_staff().post(f"/staff/students/{REGNO}/record", data=correction(mobile="0333-1234567"))
    assert made.status_code == 303 and made.headers["Location"].endswith(
        f"/staff/students/{REGNO}?done=corrected#history")
    assert sent == [(REGNO, {"mobile": "0333-1234567"}, "CR form 78")]


@pytest.mark.parametrize(("changes", "field", "english"), [
    ({}, "changes", "Change at least one field before saving."),
    ({"mobile": "03"}, "mobile", "A mobile number is 10 to 15 digits"),
    ({"mobile": "0333-1234567", "reason": ""}, "reason", "Say why the record is corrected."),
    ({"email": "kiran@"}, "email", "Enter a valid email address"),
])
def test_a_correction_the_api_would_refuse_is_said_next_to_its_field(as_staff, monkeypatch, changes, field,
                                                                     english):
    answers(monkeypatch, "student_record", RECORD)
    answers(monkeypatch, "holds_of", {"holds": []})
    refused = as_staff().post(f"/staff/students/{REGNO}/record", data=correction(**changes))
    html = text(refused)
    assert refused.status_code == 400
    said = re.search(r'<p class="error" role="alert" id="changes-error">([^<]*)</p>', html)[1] \
        if field == "changes" else error_of(html, field)
    assert english in said


def test_enrollments_refusal_of_a_date_of_birth_is_said_in_urdu(as_staff, monkeypatch):
    answers(monkeypatch, "student_record", RECORD)
    answers(monkeypatch, "holds_of", {"holds": []})
    answers(monkeypatch, "correct_record", InvalidArgument("age of 5", field="date_of_birth"))
    refused = as_staff().post(f"/staff/students/{REGNO}/record?lang=ur", data=correction(date_of_birth="2021-01-01"))
    assert refused.status_code == 400 and "12 سے 100 سال" in error_of(text(refused), "date_of_birth")


def test_placing_a_hold_sends_missing_documents_and_lifting_names_it(as_staff, monkeypatch):
    placed, lifted = [], []
    answers(monkeypatch, "place_hold", HOLD, placed)
    answers(monkeypatch, "lift_hold", {"holds": []}, lifted)
    client = as_staff(STUDENT_SERVICES)
    made = client.post(f"/staff/students/{REGNO}/holds", data={"reference": " Attested B.A. transcript ",
                                                                 "note": "Bring it\r\nto the centre"})
    assert made.status_code == 303 and made.headers["Location"].endswith("?done=held#holds")
    assert placed == [(REGNO, "missing_documents", "Attested B.A. transcript", "Bring it\nto the centre")]
    made = client.post(f"/staff/students/{REGNO}/holds/lift", data={"code": "missing_documents",
                                                                      "reference": "Attested B.A. transcript"})
    assert made.status_code == 303 and made.headers["Location"].endswith("?done=lifted#holds")
    assert lifted == [(REGNO, "missing_documents", "Attested B.A. transcript")]


def test_a_hold_without_its_document_or_lifted_meanwhile_is_said_on_the_page(as_staff, monkeypatch):
    answers(monkeypatch, "student_record", RECORD)
    answers(monkeypatch, "holds_of", {"holds": []})
    refused = as_staff().post(f"/staff/students/{REGNO}/holds?lang=ur", data={"reference": ""})
    assert refused.status_code == 400 and "بتائیں کہ کون سی دستاویز نہیں ملی۔" in error_of(text(refused), "reference")
    answers(monkeypatch, "lift_hold", NotFound("no such hold on this student", field="reference"))
    gone = as_staff().post(f"/staff/students/{REGNO}/holds/lift", data={"code": "missing_documents",
                                                                         "reference": "x"})
    assert gone.status_code == 409 and "it may have been lifted already" in problem_of(text(gone))


# -- the semesters' windows ------------------------------------------------------------------
def test_each_semester_has_its_own_form_with_its_dates(as_staff, monkeypatch):
    answers(monkeypatch, "semesters", SEMESTERS)
    html = text(as_staff().get("/staff/semesters"))
    assert re.search(r'id="spring-2027-admission_opens" name="spring-2027-admission_opens" required type="date" '
                     r'value="2026-12-01"', html)
    assert 'id="autumn-2027-registration_closes"' in html
    assert html.count('name="semester" value=') == 2
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids must be unique on the page"


def windows(code="Autumn 2027", prefix="autumn-2027", **dates) -> dict:
    given = {"admission_opens": "2027-07-15", "admission_closes": "2027-09-30", "registration_opens": "2027-08-01",
             "registration_closes": "2027-10-15", **dates}
    return {"semester": code, **{f"{prefix}-{k}": v for k, v in given.items()}}


def test_moving_a_semesters_windows_sends_the_apis_body(as_staff, monkeypatch):
    sent = []
    answers(monkeypatch, "set_windows", SEMESTERS["semesters"][1], sent)
    moved = as_staff().post("/staff/semesters", data=windows())
    assert moved.status_code == 303 and moved.headers["Location"].endswith(
        "/staff/semesters?moved=Autumn+2027#autumn-2027")
    [(body,)] = sent
    assert body == schemas.SetWindows(code="Autumn 2027", admission={"opens": "2027-07-15", "closes": "2027-09-30"},
                                      registration={"opens": "2027-08-01", "closes": "2027-10-15"})


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_a_window_that_closes_before_it_opens_is_said_next_to_its_closing_day(as_staff, monkeypatch, lang):
    answers(monkeypatch, "semesters", SEMESTERS)
    refused = as_staff().post(f"/staff/semesters?lang={lang}", data=windows(registration_closes="2027-07-01"))
    html = text(refused)
    assert refused.status_code == 400
    assert error_of(html, "autumn-2027-registration_closes") == {
        "en": "A window must open on or before the day it closes.",
        "ur": "مدت بند ہونے کے دن یا اس سے پہلے کھلنی چاہیے۔"}[lang]
    assert 'value="2027-07-01"' in html                       # what was sent stays
    assert error_of(html, "spring-2027-registration_closes") == ""


def test_enrollments_refusal_of_a_window_and_an_unknown_semester_never_a_500(as_staff, monkeypatch):
    answers(monkeypatch, "semesters", SEMESTERS)
    answers(monkeypatch, "set_windows", InvalidArgument("must open before it closes", field="admission_closes"))
    refused = as_staff().post("/staff/semesters", data=windows())
    assert refused.status_code == 400 and "must open on or before" in error_of(text(refused),
                                                                                 "autumn-2027-admission_closes")
    tampered = as_staff().post("/staff/semesters", data=windows(code="Summer 2027", prefix="summer-2027"))
    assert tampered.status_code == 400 and "could not be accepted" in problem_of(text(tampered))
    answers(monkeypatch, "semesters", Unavailable("down"))
    assert as_staff().get("/staff/semesters").status_code == 503


# -- a regional office's tutors ----------------------------------------------------------------
def test_without_a_semester_the_officer_picks_one_and_may_add_a_tutor(as_staff):
    html = text(as_staff(ISLAMABAD).get("/staff/tutors"))
    assert 'name="semester"' in html and "data-add-tutor" in html and "data-offerings" not in html
    assert re.findall(r'<a href="/staff/tutors\?semester=(\w+\+\d+)"', html)  # nearby semesters to pick from


def test_the_centres_tutors_their_courses_and_each_courses_load(as_staff, monkeypatch):
    sent = []
    answers(monkeypatch, "tutors", TUTORS, sent)
    html = text(as_staff(ISLAMABAD).get("/staff/tutors?semester=spring+2026"))
    assert sent == [("Spring 2026",)]
    assert '<span class="code" data-centre>ISB</span>' in html
    assert re.search(r'<tr data-offering="8601">.*?<td data-students>3</td><td data-with-tutor>0</td>'
                     r'<td data-places>0</td>.*?name="allocate"', html, re.S)
    assert 'data-offering="8604"' in html and html.count('name="allocate"') == 1   # 8604 has all its tutors
    assert re.search(r'<span data-teaches="8604">.*1 of 30 places taken', html)
    assert '<option value="7">Dr. Tahira Bibi</option>' in html


def test_a_semester_that_is_not_one_is_said_next_to_the_picker(as_staff):
    refused = as_staff(ISLAMABAD).get("/staff/tutors?semester=Summer+2026&lang=ur")
    assert refused.status_code == 400 and error_of(text(refused), "semester") == "سمسٹر اس طرح لکھیں: Spring 2027"


def test_adding_a_tutor_sends_the_apis_body_and_comes_back_to_the_semester(as_staff, monkeypatch):
    sent = []
    answers(monkeypatch, "add_tutor", TUTORS["tutors"][0], sent)
    made = as_staff(ISLAMABAD).post("/staff/tutors", data={
        "name": "Ms. Rabia Noor", "postal_address": "Girls College, G-10/4, Islamabad", "phone": "0333-5550303",
        "email": "rabia.noor@example.pk", "semester": "Spring 2026"})
    assert made.status_code == 303
    assert made.headers["Location"].endswith("/staff/tutors?semester=Spring+2026&done=added")
    assert sent == [(schemas.AddTutor(name="Ms. Rabia Noor", postal_address="Girls College, G-10/4, Islamabad",
                                      phone="0333-5550303", email="rabia.noor@example.pk"),)]


def test_a_tutor_the_api_would_refuse_is_said_next_to_the_field(as_staff, monkeypatch):
    answers(monkeypatch, "tutors", TUTORS)
    refused = as_staff(ISLAMABAD).post("/staff/tutors", data={"name": "Ms. Rabia Noor", "postal_address": "G-10",
                                                              "phone": "x", "email": "r@", "semester": "Spring 2026"})
    html = text(refused)
    assert refused.status_code == 400
    assert "at least 10 characters" in error_of(html, "postal_address")
    assert "A phone number is 10 to 15 digits" in error_of(html, "phone") and error_of(html, "email")


def test_assigning_a_course_and_each_of_enrollments_refusals(as_staff, monkeypatch):
    answers(monkeypatch, "tutors", TUTORS)
    sent = []
    answers(monkeypatch, "assign_tutor", TUTORS["tutors"][0], sent)
    form = {"tutor_id": "7", "course_code": "8601", "capacity": "30", "semester": "Spring 2026"}
    made = as_staff(ISLAMABAD).post("/staff/tutors/offerings", data=form)
    assert made.status_code == 303 and made.headers["Location"].endswith("semester=Spring+2026&done=assigned")
    assert sent == [(schemas.AssignTutor(tutor_id=7, semester="Spring 2026", course_code="8601", capacity=30),)]
    for error, field, status, said in (
            (NotFound("no such tutor at your centre", field="tutor_id"), "tutor_id", 400, "not one of your centre's"),
            (InvalidArgument("Spring 2026 does not offer '9999'", field="course_code"), "course_code", 400,
             "not offered in this semester"),
            (FailedPrecondition("she already has 12 students", field="capacity"), "capacity", 409,
             "give at least as many places")):
        answers(monkeypatch, "assign_tutor", error)
        refused = as_staff(ISLAMABAD).post("/staff/tutors/offerings", data=form)
        assert refused.status_code == status and said in error_of(text(refused), field)
    refused = as_staff(ISLAMABAD).post("/staff/tutors/offerings", data={**form, "capacity": "501"})
    assert refused.status_code == 400 and "from 1 to 500" in error_of(text(refused), "capacity")


@pytest.mark.parametrize(("waiting", "english"), [
    (0, "8601: 3 students given a tutor now; nobody waits."),
    (2, "8601: 3 students given a tutor now; 2 still wait because the tutors' places are full.")])
def test_allocating_says_how_many_were_given_a_tutor_and_how_many_wait(as_staff, monkeypatch, waiting, english):
    sent = []
    answers(monkeypatch, "allocate_tutors", {"allocated": 3, "waiting": waiting}, sent)
    client = as_staff(ISLAMABAD)
    made = client.post("/staff/tutors/allocations", data={"semester": "Spring 2026", "course_code": "8601"})
    assert made.status_code == 303 and sent == [("Spring 2026", "8601")]
    answers(monkeypatch, "tutors", TUTORS)
    html = text(client.get(made.headers["Location"]))
    assert re.search(rf'data-allocated="3" data-waiting="{waiting}">\s*{re.escape(english)}', html.replace(
        "&#39;", "'"))


def test_tampered_allocation_and_enrollment_away_are_pages_not_500s(as_staff, monkeypatch):
    refused = as_staff(ISLAMABAD).post("/staff/tutors/allocations", data={"semester": "x", "course_code": "8601"})
    assert refused.status_code == 400 and "could not be accepted" in problem_of(text(refused))
    answers(monkeypatch, "tutors", Unavailable("down"))
    assert as_staff(ISLAMABAD).get("/staff/tutors?semester=Spring+2026").status_code == 503


def test_with_the_programmes_away_the_forms_still_show_and_say_nothing_wrong(as_staff, monkeypatch):
    def away():
        raise Unavailable("enrollment is down")
    monkeypatch.setattr(public_api, "programs_catalogue", away)
    answers(monkeypatch, "semesters", Unavailable("enrollment is down"))
    page = as_staff().get("/staff/admissions/new")
    assert page.status_code == 200 and '<option value="">Choose</option></select>' in text(page)
    files = as_staff().get("/staff/admissions/files")
    assert files.status_code == 200 and "data-programmes" not in text(files)


def test_the_upload_page_lists_the_programmes_codes(as_staff):
    html = text(as_staff().get("/staff/admissions/files"))
    assert re.findall(r'<dt class="code">(\w+)</dt><dd lang="en">', html) == ["MATRIC", "BED15"]


# -- the regional centre to choose, the recent files -------------------------------------------
def test_the_regional_centre_is_chosen_by_name_and_its_code_sent(as_staff, monkeypatch):
    answers(monkeypatch, "semesters", SEMESTERS)
    html = text(as_staff().get("/staff/admissions/new"))
    assert re.search(r'<select id="centre_code" name="centre_code" required><option value="">Choose</option>'
                     r'<option value="ISB">Islamabad</option><option value="LHR">Lahore</option></select>', html)
    refused = as_staff().post("/staff/admissions/new?lang=ur", data={**FORM, "centre_code": ""})
    assert refused.status_code == 400 and error_of(text(refused), "centre_code") == "علاقائی مرکز منتخب کریں۔"


def test_with_the_centres_away_the_code_is_typed_as_before(as_staff, monkeypatch):
    monkeypatch.setattr(public_api, "centres_list", lambda: (_ for _ in ()).throw(Unavailable("down")))
    answers(monkeypatch, "semesters", SEMESTERS)
    html = text(as_staff().get("/staff/admissions/new"))
    assert re.search(r'<input [^>]*id="centre_code" name="centre_code" placeholder="ISB" required[^>]* type="text"',
                     html)
    assert "Like ISB (Islamabad)" in html and "<select id=\"centre_code\"" not in html
    refused = as_staff().post("/staff/admissions/new", data={**FORM, "centre_code": ""})
    assert error_of(text(refused), "centre_code") == "Enter the regional centre's code."
    sent = []
    answers(monkeypatch, "admit", {"student": PROFILE, "account_status": "opened"}, sent)
    assert as_staff().post("/staff/admissions/new", data=FORM).status_code == 303 and sent[0][0].centre_code == "ISB"


def test_the_upload_page_lists_the_recent_files_each_linked_to_its_page(as_staff, monkeypatch):
    sent = []
    answers(monkeypatch, "admission_files", {"batches": [batch("applying"), batch(
        "refused", batch_id="1b6a2f7e-1111-4222-8333-444455556666", file_name="bad.csv", processed=0)]}, sent)
    html = text(as_staff().get("/staff/admissions/files"))
    assert sent == [(20,)]
    files = re.findall(r'<li data-file="([\w-]+)" data-status="(\w+)">\s*<a href="([^"]+)" class="code">([^<]+)</a>'
                       r'\s*<span data-file-status>([^<]+)</span>\s*<span class="muted">([^<]+)</span>', html)
    assert [f[:5] for f in files] == [
        (BATCH, "applying", f"/staff/admissions/files/{BATCH}", "spring-2027.csv", "Being applied · 150 of 400"),
        ("1b6a2f7e-1111-4222-8333-444455556666", "refused", "/staff/admissions/files/1b6a2f7e-1111-4222-8333-"
         "444455556666", "bad.csv", "Refused: nobody admitted")]
    assert files[0][5].startswith("Sent by admissions.officer, Dec 6, 2026")


def test_the_recent_files_away_or_none_leave_the_upload_form(as_staff, monkeypatch):
    html = text(as_staff().get("/staff/admissions/files?lang=ur"))
    assert "data-no-files" in html and "ابھی تک داخلے کی کوئی فائل نہیں بھیجی گئی۔" in html
    answers(monkeypatch, "admission_files", DeadlineExceeded("slow"))
    page = as_staff().get("/staff/admissions/files")
    assert page.status_code == 200 and "The recent files cannot be shown right now" in text(page)
    assert 'enctype="multipart/form-data"' in text(page)
