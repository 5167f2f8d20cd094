"""The results pages on an app that talks to nothing: exams' answers and refusals stand in for
the service, so that her results (with the GPA chart), her transcript, the public result card,
the marks forms and files and the publication page each call the JSON API's own function with
its own body, say every refusal next to the field it names (in English and Urdu), draw their
charts as inline SVG without a script, and are never a 500."""
import html as entities
import io
import json
import re

import pytest

from campus import auth
from campus.errors import DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from cms.documents.v1 import documents_pb2 as docs
from gateway import dashboard, schemas
from gateway.app import UPLOAD_ENDPOINTS
from gateway.portal import results as results_pages
from gateway.portal import session
from gateway.tests.unit.exams_pages import answers, page_app, signed_in

STUDENT = auth.Caller(kind=auth.STUDENT, subject="22P-123456")
EXAMS = auth.Caller(kind=auth.STAFF, subject="exams.officer", department="examinations")
STUDENT_SERVICES = auth.Caller(kind=auth.STAFF, subject="student.services", department="student_services")
ADMISSIONS = auth.Caller(kind=auth.STAFF, subject="admissions.officer", department="admissions")

COURSE = {"course_code": "8601", "course_title": "General Methods of Teaching", "credit_hours": 3,
          "assignment_marks": 70, "final_exam_marks": 60, "total_marks": 63, "grade": "B", "remarks": "pass"}
AUTUMN = {"semester": "Autumn 2025", "published_on": "2026-02-10", "gpa": "2.90", "courses": [
    COURSE, {**COURSE, "course_code": "8603", "course_title": "Curriculum Development", "total_marks": 38,
             "grade": "F", "remarks": "fail"},
    {**COURSE, "course_code": "8602", "assignment_marks": None, "final_exam_marks": None, "total_marks": None,
     "grade": "", "remarks": "RL"}]}
SPRING = {**AUTUMN, "semester": "Spring 2026", "published_on": "2026-08-01", "gpa": "3.10"}
RESULTS = {"status": "ok", "data": {"semesters": [AUTUMN, SPRING], "cgpa": "3.00"}}
NO_GPA = {"status": "ok", "data": {"semesters": [{**AUTUMN, "gpa": None}], "cgpa": None}}
TRANSCRIPT = docs.PdfDocument(content=b"%PDF-1.4 transcript", file_name="transcript-22P-123456.pdf",
                              document_id="aaa.bbb.ccc")
CARD = {"roll_number": "BM214365", "name": "Ayesha Siddiqui", "semester": "Autumn 2025", "program_code": "BED15",
        "program": "B.Ed (1.5 Years)", "gpa": "2.90", "remarks": "pass", "published_on": "2026-02-10",
        "revised_at": None, "revision": None, "courses": [
            {"code": "8601", "title": "General Methods of Teaching", "credit_hours": 3, "assignment_marks": 70,
             "final_exam_marks": 60, "total_marks": 63, "grade": "B", "remarks": "pass"}]}
RECORDED = {"roll_number": "BO680724", "registration_number": "22P-123456", "semester": "Spring 2026",
            "course_code": "8604", "total_marks": 76, "grade": "B", "remarks": "pass"}
FILE_ID = "0f8b1c7e-2a3d-4e5f-8a9b-0c1d2e3f4a5b"
QUEUED = {"file_id": FILE_ID, "file_name": "spring.csv", "status": "queued", "total": 4, "processed": 1,
          "refused": 0, "error": None, "created_by": "exams.officer", "created_at": "2026-12-06T05:00:00Z",
          "finished_at": None}
REFUSED = {**QUEUED, "status": "refused", "processed": 0, "refused": 1, "finished_at": "2026-12-06T05:00:01Z"}
REPORT = "line,field,reason\n3,roll_number,no candidate has this roll number\n"
STATS = {"semester": "Spring 2026", "program_code": "BED15", "candidates": 3, "published": False, "courses": [
    {"key": "8604", "title": "Research Methods in Education", "results": 3, "passed": 2, "failed": 1, "late": 0,
     "pass_rate": 66.7, "average_total": "61.3",
     "grades": [{"grade": "A", "count": 1}, {"grade": "B", "count": 1}, {"grade": "F", "count": 1}]},
    {"key": "8605", "title": "Teaching of Urdu", "results": 1, "passed": 0, "failed": 0, "late": 1,
     "pass_rate": None, "average_total": None, "grades": []}],
    "centres": [{"key": "ISB-01", "title": "Islamabad Model College for Girls", "results": 4, "passed": 2,
                 "failed": 1, "late": 1, "pass_rate": 66.7, "average_total": "61.3", "grades": []}]}
PUBLISHED = {"semester": "Autumn 2025", "program_code": "BED15", "published_on": "2026-02-10",
             "published_at": "2026-02-10T05:00:00Z", "published_by": "exams.officer", "candidates": 2, "results": 6}


@pytest.fixture(scope="module")
def app():
    return page_app()


#: The API's functions these pages may call, each failing the test unless it gives the answer.
SILENT = ("public_result", "transcript_of", "record_marks", "submit_marks", "marks_file", "marks_files",
          "statistics_of", "publish", "publications_of")


@pytest.fixture
def as_who(app, monkeypatch):
    """A test client signed in as `who` (None: anyone); exams answer nothing unless a test says so."""
    sign_in = signed_in(app, monkeypatch, SILENT)
    monkeypatch.setattr(dashboard, "tile", lambda *_args: pytest.fail("her results must not be asked"))
    return sign_in




def her_results(monkeypatch, tile: dict, sent: list | None = None):
    def call(gateway, name, who):
        if sent is not None:
            sent.append((name, who))
        return tile
    monkeypatch.setattr(dashboard, "tile", call)


def text(response) -> str:
    return response.get_data(as_text=True)


def error_of(html: str, field: str) -> str:
    found = re.search(rf'<p class="error" id="{re.escape(field)}-error">([^<]*)</p>', html)
    return entities.unescape(found[1]) if found else ""


def problem_of(html: str) -> str:
    found = re.search(r'<p class="error" role="alert" id="form-error">([^<]*)</p>', html)
    return entities.unescape(found[1]) if found else ""


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, flags=re.S)


# -- who each page is for ------------------------------------------------------------------------
def test_each_page_declares_its_audience(app):
    views = app.view_functions
    for endpoint in ("marks", "marks_files", "marks_file", "marks_report", "publication", "publish"):
        assert views[f"portal_staff.{endpoint}"].audience == {"staff:examinations"}, endpoint
    for endpoint in ("results", "transcript"):
        assert views[f"portal_student.{endpoint}"].audience == {"student"}, endpoint
    for endpoint in ("results", "result"):
        assert not getattr(views[f"portal_public.{endpoint}"], "audience", None), endpoint
    assert "portal_staff.marks_files" in UPLOAD_ENDPOINTS  # a file of marks may be larger than a form


@pytest.mark.parametrize(("who", "path"), [
    (ADMISSIONS, "/staff/marks"), (STUDENT_SERVICES, "/staff/publication"),
    (ADMISSIONS, f"/staff/marks/files/{FILE_ID}"), (STUDENT, "/staff/marks"), (EXAMS, "/student/results"),
])
def test_others_get_the_403_page(as_who, who, path):
    assert as_who(who).get(path).status_code == 403


def test_the_home_page_links_the_public_results(as_who):
    assert 'href="/results"' in text(as_who(None).get("/"))


def test_her_dashboard_links_her_results_and_transcript_without_asking_more(as_who, monkeypatch):
    tiles = {name: {"status": "ok", "data": None} for name in dashboard.TILES}
    tiles["results"] = RESULTS
    monkeypatch.setattr(dashboard, "for_student", lambda *_: {"student": {"registration_number": "22P-123456"},
                                                             "tiles": tiles})
    html = text(as_who(STUDENT).get("/student"))
    results_tile = html.split('data-tile="results"', 1)[1].split("</section>", 1)[0]
    transcript_tile = html.split('data-tile="transcript"', 1)[1].split("</section>", 1)[0]
    assert 'href="/student/results"' in results_tile
    assert 'href="/student/transcript.pdf"' in transcript_tile and 'href="/student/results"' in transcript_tile


# -- her results ------------------------------------------------------------------------------------
def test_her_results_newest_first_with_gpa_cgpa_marks_and_remarks_in_words(as_who, monkeypatch):
    sent = []
    her_results(monkeypatch, RESULTS, sent)
    page = as_who(STUDENT).get("/student/results")
    html = text(page)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert sent == [("results", STUDENT)]
    assert re.findall(r'<section aria-labelledby="semester-[\w-]+" data-semester="([\w ]+)"', html) == [
        "Spring 2026", "Autumn 2025"]
    assert 'data-cgpa="3.00"' in html and 'data-gpa="3.10"' in html and 'data-gpa="2.90"' in html
    autumn = html.split('data-semester="Autumn 2025"', 1)[1]
    row = autumn.split('data-course="8601"', 1)[1].split("</tr>", 1)[0]
    assert "<td>70</td>" in row and "<td>60</td>" in row and "<td data-total>63</td>" in row and ">Pass<" in row
    assert ">Fail<" in autumn.split('data-course="8603"', 1)[1].split("</tr>", 1)[0]
    late = autumn.split('data-course="8602"', 1)[1].split("</tr>", 1)[0]
    assert "Result late" in late and "<td data-total>—</td>" in late
    assert 'href="/student/transcript.pdf"' in html


def test_her_gpa_chart_is_inline_svg_without_a_script_oldest_semester_first(as_who, monkeypatch):
    her_results(monkeypatch, RESULTS)
    html = text(as_who(STUDENT).get("/student/results"))
    [chart] = svgs(html)
    assert 'id="chart-gpa"' in chart and 'role="img"' in chart and 'aria-label="My GPA by semester"' in chart
    assert "<script" not in html and "<style" not in chart and "style=" not in chart
    assert chart.index("Autumn 2025") < chart.index("Spring 2026")
    assert "<?xml" not in html


def test_with_one_semester_the_chart_shows_its_point(as_who, monkeypatch):
    her_results(monkeypatch, {"status": "ok", "data": {"semesters": [AUTUMN], "cgpa": "2.90"}})
    [chart] = svgs(text(as_who(STUDENT).get("/student/results")))
    assert chart.count('class="dot reactive') == 1 and "Autumn 2025" in chart


def test_without_a_gpa_there_is_no_chart_and_a_sentence_why(as_who, monkeypatch):
    her_results(monkeypatch, NO_GPA)
    html = text(as_who(STUDENT).get("/student/results"))
    assert svgs(html) == [] and "data-no-chart" in html and "not graded on the GPA scale" in html
    assert "No CGPA" in html


def test_her_results_and_chart_in_urdu(as_who, monkeypatch):
    her_results(monkeypatch, RESULTS)
    html = text(as_who(STUDENT).get("/student/results?lang=ur"))
    assert '<html lang="ur" dir="rtl">' in html and "<h1>میرے نتائج</h1>" in html
    [chart] = svgs(html)
    assert 'aria-label="سمسٹر وار میرا جی پی اے"' in chart and "جی پی اے" in chart
    assert ">فیل<" in html and "نتیجہ باقی" in html


@pytest.mark.parametrize("tile", [{"status": "ok", "data": None}, {"status": "ok", "data": {"semesters": [],
                                                                                             "cgpa": None}}])
def test_with_nothing_published_she_is_told_so(as_who, monkeypatch, tile):
    her_results(monkeypatch, tile)
    html = text(as_who(STUDENT).get("/student/results"))
    assert "data-no-results" in html and "data-transcript" not in html and svgs(html) == []


def test_with_exams_away_her_results_are_a_503_page(as_who, monkeypatch):
    her_results(monkeypatch, {"status": "unavailable", "data": None})
    page = as_who(STUDENT).get("/student/results")
    assert page.status_code == 503 and "cannot be shown right now" in text(page)


def test_her_transcript_is_a_pdf_to_keep_from_the_apis_function(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "transcript_of", TRANSCRIPT, sent)
    pdf = as_who(STUDENT).get("/student/transcript.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF") and pdf.headers["X-Document-Id"] == "aaa.bbb.ccc"
    assert pdf.headers["Content-Disposition"] == 'attachment; filename="transcript-22P-123456.pdf"'
    assert pdf.headers["Cache-Control"] == "no-store" and sent == [(STUDENT, "22P-123456")]


def test_before_any_result_her_transcript_goes_back_to_a_clear_message(as_who, monkeypatch):
    answers(monkeypatch, "transcript_of", NotFound("no published results yet"))
    back = as_who(STUDENT).get("/student/transcript.pdf")
    assert back.status_code == 303 and back.headers["Location"] == "/student/results?transcript=none"
    her_results(monkeypatch, {"status": "ok", "data": None})
    html = text(as_who(STUDENT).get("/student/results?transcript=none"))
    assert "data-no-transcript" in html and "none of yours is published yet" in html
    answers(monkeypatch, "transcript_of", Unavailable("exams is down"))
    assert as_who(STUDENT).get("/student/transcript.pdf").status_code == 503


# -- the public result card ----------------------------------------------------------------------
def published(monkeypatch, card: dict, sent: list | None = None):
    payload = json.dumps(card).encode()
    answers(monkeypatch, "public_result", (payload, "0123abcd"), sent)


@pytest.mark.parametrize("path", ["/results?roll_number=+bm214365+", "/results/BM214365"])
def test_a_card_by_roll_number_with_its_courses_gpa_and_remarks(as_who, monkeypatch, path):
    sent = []
    published(monkeypatch, CARD, sent)
    page = as_who(None).get(path)
    html = text(page)
    assert page.status_code == 200 and sent[0][0].upper() == "BM214365"
    assert 'data-card="BM214365"' in html and "Ayesha Siddiqui" in html and "B.Ed (1.5 Years)" in html
    assert "<dd data-gpa><strong>2.90</strong></dd>" in html and "<strong>Pass</strong>" in html
    assert '<td data-grade><strong>B</strong></td>' in html and "data-revised" not in html
    assert page.headers["Cache-Control"].startswith("public") and page.headers["ETag"] == '"0123abcd-en"'
    assert "<script" not in html and "<img" not in html


def test_the_card_page_asks_no_session_and_revalidates(as_who, monkeypatch):
    published(monkeypatch, CARD)
    client = as_who(None)
    monkeypatch.setattr(session, "page_caller", lambda: pytest.fail("the card page looks up no session"))
    again = client.get("/results/BM214365", headers={"If-None-Match": '"0123abcd-en"'})
    assert again.status_code == 304 and again.data == b""
    assert client.get("/results/BM214365?lang=ur", headers={"If-None-Match": '"0123abcd-en"'}).status_code == 200


def test_a_revised_card_says_when_and_a_re_appear_says_so_in_urdu(as_who, monkeypatch):
    published(monkeypatch, {**CARD, "remarks": "re-appear", "revised_at": "2026-03-01T05:00:00Z", "revision": "2"})
    html = text(as_who(None).get("/results/BM214365?lang=ur"))
    assert "data-revised" in html and "1 مارچ، 2026" in html and "فیل کورسز میں دوبارہ امتحان" in html


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "No published result has this roll number."),
    ("ur", "اس رول نمبر کا کوئی شائع شدہ نتیجہ نہیں۔"),
])
def test_an_unknown_roll_number_is_said_on_the_form(as_who, monkeypatch, lang, said):
    published(monkeypatch, CARD)
    answers(monkeypatch, "public_result", NotFound("no published result for this roll number"))
    refused = as_who(None).get(f"/results?roll_number=ZZ999999&lang={lang}")
    html = text(refused)
    assert refused.status_code == 404 and problem_of(html).startswith(said) and 'value="ZZ999999"' in html
    assert refused.headers["Cache-Control"] == "no-store"
    assert as_who(None).get("/results/ZZ999999").status_code == 404


@pytest.mark.parametrize(("path", "said"), [
    ("/results?roll_number=B0680724", "A roll number is two letters and six digits, like BM214365."),
    ("/results?roll_number=", "Enter your roll number."),
    ("/results/BM2143650", "A roll number is two letters and six digits, like BM214365."),
])
def test_a_malformed_roll_number_is_said_next_to_the_field_and_nothing_is_asked(as_who, path, said):
    refused = as_who(None).get(path)
    assert refused.status_code == 400 and error_of(text(refused), "roll_number") == said


def test_the_form_alone_and_exams_away(as_who, monkeypatch):
    page = as_who(None).get("/results")
    assert page.status_code == 200 and "data-find-result" in text(page) and "data-card" not in text(page)
    answers(monkeypatch, "public_result", DeadlineExceeded("slow"))
    away = as_who(None).get("/results/BM214365")
    assert away.status_code == 503 and "try again in a little while" in problem_of(text(away))


# -- marks: one paper -------------------------------------------------------------------------------
PAPER = {"roll_number": "bo680724", "course_code": "8604", "assignment_marks": "82", "final_exam_marks": "74",
         "workshop_attendance": "95"}


def test_one_papers_marks_are_sent_as_the_apis_body_and_the_grade_is_shown(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "record_marks", RECORDED, sent)
    answers(monkeypatch, "marks_files", {"files": []})
    page = as_who(EXAMS).post("/staff/marks", data=PAPER)
    html = text(page)
    assert page.status_code == 200
    assert sent == [(EXAMS, schemas.RecordMarks(roll_number="bo680724", course_code="8604", assignment_marks=82,
                                                final_exam_marks=74, workshop_attendance=95))]
    assert 'data-recorded="BO680724"' in html and "<dd data-grade><strong>B</strong></dd>" in html
    assert "<dd data-total>76</dd>" in html and ">Pass<" in html
    form = html.split("data-record-marks", 1)[1]
    assert 'value="BO680724"' in form.split('name="course_code"', 1)[0]     # kept for her next paper
    assert 'value="82"' not in form


def test_an_empty_mark_is_awaited(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "record_marks", {**RECORDED, "total_marks": None, "grade": "", "remarks": "RL"}, sent)
    answers(monkeypatch, "marks_files", {"files": []})
    html = text(as_who(EXAMS).post("/staff/marks", data={**PAPER, "final_exam_marks": "", "workshop_attendance": ""}))
    assert sent[0][1].final_exam_marks is None and sent[0][1].workshop_attendance is None
    assert "Result late" in html.split("data-recorded", 1)[1]


@pytest.mark.parametrize(("field", "value", "english"), [
    ("final_exam_marks", "101", "A mark is a whole number from 0 to 100; leave it empty while it is awaited."),
    ("assignment_marks", "eighty", "A mark is a whole number from 0 to 100; leave it empty while it is awaited."),
    ("workshop_attendance", "-1",
     "Workshop attendance is a percentage from 0 to 100; leave it empty where there is no workshop."),
    ("roll_number", "B0680724", "A roll number is two letters and six digits, like BM214365."),
    ("roll_number", "", "Enter the roll number."),
    ("course_code", "86-04", "A course code is letters and digits, like 8601."),
])
def test_marks_the_api_would_refuse_are_said_next_to_the_field_and_nothing_is_sent(as_who, monkeypatch, field,
                                                                                   value, english):
    answers(monkeypatch, "marks_files", {"files": []})
    refused = as_who(EXAMS).post("/staff/marks", data={**PAPER, field: value})
    html = text(refused)
    assert refused.status_code == 400 and error_of(html, field) == english
    assert 'value="8604"' in html or field == "course_code"               # what was typed stays


@pytest.mark.parametrize(("lang", "error", "field", "status", "said"), [
    ("en", NotFound("no candidate has this roll number", field="roll_number"), "roll_number", 404,
     "No candidate has this roll number."),
    ("ur", NotFound("no candidate has this roll number", field="roll_number"), "roll_number", 404,
     "اس رول نمبر کا کوئی امیدوار نہیں۔"),
    ("en", InvalidArgument("BO680724 does not sit paper 8699", field="course_code"), "course_code", 400,
     "This candidate does not sit this paper."),
    ("en", InvalidArgument("final_exam_marks must be between 0 and 100", field="final_exam_marks"),
     "final_exam_marks", 400, "A mark is a whole number from 0 to 100; leave it empty while it is awaited."),
    ("en", FailedPrecondition("a published result never changes", field="course_code"), "course_code", 409,
     "This result is published: it changes now only through re-checking."),
])
def test_exams_refusal_of_marks_is_said_next_to_its_field(as_who, monkeypatch, lang, error, field, status, said):
    answers(monkeypatch, "record_marks", error)
    answers(monkeypatch, "marks_files", {"files": []})
    refused = as_who(EXAMS).post(f"/staff/marks?lang={lang}", data=PAPER)
    assert refused.status_code == status and error_of(text(refused), field) == said


def test_with_exams_away_the_marks_page_still_has_its_forms(as_who, monkeypatch):
    answers(monkeypatch, "marks_files", Unavailable("exams is down"))
    page = as_who(EXAMS).get("/staff/marks")
    html = text(page)
    assert page.status_code == 200 and "data-record-marks" in html and "data-marks-file" in html
    assert "recent files cannot be shown" in html
    answers(monkeypatch, "record_marks", DeadlineExceeded("slow"))
    refused = as_who(EXAMS).post("/staff/marks", data=PAPER)
    assert refused.status_code == 503 and "send them again" in problem_of(text(refused))


# -- marks: a file ----------------------------------------------------------------------------------
GOOD_CSV = b"roll_number,course_code,assignment_marks,final_exam_marks\nBO680724,8605,70,60\n"


def upload(client, content: bytes, name: str = "spring.csv"):
    return client.post("/staff/marks/files", data={"file": (io.BytesIO(content), name)},
                       content_type="multipart/form-data")


def test_a_file_is_sent_as_the_apis_text_and_goes_to_its_page(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "submit_marks", (QUEUED, "line,field,reason\n"), sent)
    done = upload(as_who(EXAMS), GOOD_CSV)
    assert done.status_code == 303 and done.headers["Location"] == f"/staff/marks/files/{FILE_ID}"
    assert sent == [(EXAMS, "spring.csv", GOOD_CSV.decode())]


@pytest.mark.parametrize(("content", "name", "said"), [
    (GOOD_CSV, "marks.xlsx", "Send a .csv file"),
    ("roll_number\nBO680724 é".encode("latin-1"), "marks.csv", "The file is not UTF-8 text"),
    (b"", "marks.csv", "The file is empty"),
])
def test_a_file_that_is_not_a_csv_is_said_next_to_the_field(as_who, monkeypatch, content, name, said):
    answers(monkeypatch, "marks_files", {"files": []})
    refused = upload(as_who(EXAMS), content, name)
    assert refused.status_code == 400 and error_of(text(refused), "file").startswith(said)


@pytest.mark.parametrize(("message", "said"), [
    ("the file's first line must name the columns; missing: final_exam_marks",
     "The file's first line must name the columns. Missing: final_exam_marks."),
    ("the file has no rows under its header", "The file has no rows under its first line."),
    ("a file may have at most 200000 rows; split it",
     "The file has too many rows: split it into files of at most 200,000 rows."),
])
def test_exams_refusal_of_a_whole_file_is_said_next_to_the_field(as_who, monkeypatch, message, said):
    answers(monkeypatch, "submit_marks", InvalidArgument(message, field="file"))
    answers(monkeypatch, "marks_files", {"files": []})
    refused = upload(as_who(EXAMS), GOOD_CSV)
    assert refused.status_code == 400 and error_of(text(refused), "file") == said


def test_a_file_being_applied_refreshes_itself_with_its_progress(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "marks_file", (QUEUED, "line,field,reason\n"), sent)
    html = text(as_who(EXAMS).get(f"/staff/marks/files/{FILE_ID}"))
    assert sent == [(EXAMS, FILE_ID)]
    assert '<meta http-equiv="refresh" content="2">' in html
    assert '<progress id="file-progress" value="1" max="4">' in html and 'data-progress="1/4"' in html
    assert "data-report" not in html


def test_a_refused_file_lists_its_refused_lines_and_its_report(as_who, monkeypatch):
    answers(monkeypatch, "marks_file", (REFUSED, REPORT))
    html = text(as_who(EXAMS).get(f"/staff/marks/files/{FILE_ID}"))
    assert "http-equiv" not in html and "<progress" not in html
    assert re.findall(r'<tr data-line="(\d+)" data-field="(\w+)">', html) == [("3", "roll_number")]
    assert "no candidate has this roll number" in html and f'href="/staff/marks/files/{FILE_ID}/report"' in html
    report = as_who(EXAMS).get(f"/staff/marks/files/{FILE_ID}/report")
    assert report.status_code == 200 and report.mimetype == "text/csv" and report.get_data(as_text=True) == REPORT
    assert report.headers["Content-Disposition"] == 'attachment; filename="spring-refused-report.csv"'


def test_an_applied_file_is_full_and_still_has_a_report(as_who, monkeypatch):
    applied = {**QUEUED, "status": "applied", "processed": 4, "finished_at": "2026-12-06T05:00:05Z"}
    answers(monkeypatch, "marks_file", (applied, "line,field,reason\n"))
    html = text(as_who(EXAMS).get(f"/staff/marks/files/{FILE_ID}"))
    assert 'data-status="applied"' in html and 'value="4" max="4"' in html and "data-report" in html


def test_no_such_file_and_no_report_while_it_is_applied(as_who, monkeypatch):
    assert as_who(EXAMS).get("/staff/marks/files/not-a-file").status_code == 404
    answers(monkeypatch, "marks_file", NotFound("no such marks file", field="file_id"))
    assert as_who(EXAMS).get(f"/staff/marks/files/{FILE_ID}").status_code == 404
    answers(monkeypatch, "marks_file", (QUEUED, ""))
    assert as_who(EXAMS).get(f"/staff/marks/files/{FILE_ID}/report").status_code == 404


def test_the_recent_files_are_listed(as_who, monkeypatch):
    answers(monkeypatch, "marks_files", {"files": [REFUSED]})
    html = text(as_who(EXAMS).get("/staff/marks"))
    assert f'data-file="{FILE_ID}" data-status="refused"' in html and "1 lines refused" in html


# -- publication ------------------------------------------------------------------------------------
def test_the_figures_as_charts_and_tables_with_the_publish_form(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "statistics_of", STATS, sent)
    answers(monkeypatch, "publications_of", {"publications": [PUBLISHED]})
    page = as_who(EXAMS).get("/staff/publication?semester=spring+2026&program=bed15")
    html = text(page)
    assert page.status_code == 200 and sent == [(EXAMS, "Spring 2026", "BED15")]
    charts = svgs(html)
    assert [re.search(r'id="chart-([\w-]+)"', c)[1] for c in charts] == ["pass-by-course", "grades", "pass-by-centre"]
    assert "<script" not in html and not any("<style" in c or "style=" in c for c in charts)
    assert all('role="img"' in c for c in charts)
    grades = charts[1]
    assert ">A<" in grades and ">F<" in grades                             # the grades' legend
    rows = dict(re.findall(r'<tr data-key="([\w-]+)" data-pass-rate="([\d.]*)">', html))
    assert rows == {"8604": "66.7", "8605": "", "ISB-01": "66.7"}
    assert "A: 1" in html.split('data-key="8604"', 1)[1].split("</tr>", 1)[0]
    form = html.split("data-publish", 1)[1]
    assert 'name="semester" value="Spring 2026"' in form and 'name="program" value="BED15"' in form
    assert 'name="checked"' in form
    assert 'data-publication="BED15 Autumn 2025"' in html


def test_a_published_semester_has_no_publish_form(as_who, monkeypatch):
    answers(monkeypatch, "statistics_of", {**STATS, "semester": "Autumn 2025", "published": True})
    answers(monkeypatch, "publications_of", {"publications": [PUBLISHED]})
    html = text(as_who(EXAMS).get("/staff/publication?semester=Autumn+2025&program=BED15"))
    assert 'data-state="published"' in html and "data-publish>" not in html and "data-published-on" in html


def test_nothing_is_asked_until_both_are_chosen(as_who, monkeypatch):
    answers(monkeypatch, "publications_of", {"publications": []})
    assert as_who(EXAMS).get("/staff/publication").status_code == 200
    refused = as_who(EXAMS).get("/staff/publication?semester=Summer+2026&program=BED15")
    assert refused.status_code == 400 and error_of(text(refused), "semester") == "Enter a semester like Spring 2027."


def test_publishing_needs_the_box_ticked(as_who, monkeypatch):
    answers(monkeypatch, "statistics_of", STATS)
    answers(monkeypatch, "publications_of", {"publications": []})
    refused = as_who(EXAMS).post("/staff/publication", data={"semester": "Spring 2026", "program": "BED15"})
    assert refused.status_code == 400 and error_of(text(refused), "checked").startswith("Tick the box")


def test_publishing_sends_the_apis_body_and_comes_back_to_the_figures(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "publish", PUBLISHED, sent)
    done = as_who(EXAMS).post("/staff/publication", data={"semester": "autumn 2025", "program": "bed15",
                                                          "checked": "y"})
    assert done.status_code == 303
    assert done.headers["Location"] == ("/staff/publication?semester=Autumn+2025&program=BED15&done=published"
                                        "#published")
    assert sent == [(EXAMS, "Autumn 2025", "BED15")]
    answers(monkeypatch, "statistics_of", {**STATS, "semester": "Autumn 2025", "published": True})
    answers(monkeypatch, "publications_of", {"publications": [PUBLISHED]})
    html = text(as_who(EXAMS).get(done.headers["Location"]))
    assert "BED15 Autumn 2025 is published: 2 candidates" in html


@pytest.mark.parametrize(("lang", "error", "said"), [
    ("en", FailedPrecondition("BED15 Autumn 2025 was published on 2026-02-10: a grade changes now only through "
                              "re-checking", field="program_code"),
     "BED15 Autumn 2025 was already published on Feb 10, 2026: a grade changes now only through re-checking."),
    ("en", FailedPrecondition("no candidate sat BED15 in Autumn 2025", field="program_code"),
     "Nobody sat BED15 in Autumn 2025: there are no results to publish."),
    ("ur", FailedPrecondition("no candidate sat BED15 in Autumn 2025", field="program_code"),
     "Autumn 2025 میں BED15 کا امتحان کسی نے نہیں دیا: شائع کرنے کے لیے کوئی نتیجہ نہیں۔"),
])
def test_a_409_is_said_clearly(as_who, monkeypatch, lang, error, said):
    answers(monkeypatch, "publish", error)
    answers(monkeypatch, "statistics_of", {**STATS, "semester": "Autumn 2025"})
    answers(monkeypatch, "publications_of", {"publications": []})
    refused = as_who(EXAMS).post(f"/staff/publication?lang={lang}", data={
        "semester": "Autumn 2025", "program": "BED15", "checked": "y"})
    assert refused.status_code == 409 and problem_of(text(refused)) == said


def test_a_tampered_publication_publishes_nothing(as_who, monkeypatch):
    answers(monkeypatch, "publications_of", {"publications": []})
    refused = as_who(EXAMS).post("/staff/publication", data={"semester": "Summer 2026", "program": "B ED",
                                                             "checked": "y"})
    assert refused.status_code == 400 and "could not be accepted" in problem_of(text(refused))


def test_with_exams_away_the_figures_say_so(as_who, monkeypatch):
    answers(monkeypatch, "statistics_of", Unavailable("exams is down"))
    answers(monkeypatch, "publications_of", Unavailable("exams is down"))
    page = as_who(EXAMS).get("/staff/publication?semester=Spring+2026&program=BED15")
    assert page.status_code == 503 and "figures cannot be shown right now" in text(page)


# -- the charts themselves --------------------------------------------------------------------------
def test_a_chart_is_svg_fit_to_put_inline(app):
    with app.test_request_context("/?lang=en"):
        chart = str(results_pages.pass_rate_chart("x", "Pass rate by course", STATS["courses"]))
    assert chart.startswith("<svg") and chart.endswith("</svg>")
    for absent in ("<script", "<style", "style=", "<!--", "<desc", "tooltip-overlay", "activate-serie", "<?xml"):
        assert absent not in chart, absent
    assert results_pages.grades_chart([STATS["courses"][1]]) is None
