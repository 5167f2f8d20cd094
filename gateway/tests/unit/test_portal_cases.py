"""Examinations' paid cases (re-checking, a change of examination centre) on an app that talks
to nothing: exams' answers and refusals stand in for the service, so that the page lists the
open (or decided) cases with what the officer needs, each decision form sends the JSON API's
own body to its own function, every refusal is said next to the field it names (in English
and Urdu), a decision comes back to the queue saying the outcome and the note sent, and
nothing is a 500. Her results page says when re-checking revised a course."""
import html as entities
import re

import pytest

from campus import auth
from campus.errors import DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from gateway import dashboard, schemas
from gateway.tests.unit.exams_pages import answers, page_app, signed_in

STUDENT = auth.Caller(kind=auth.STUDENT, subject="22P-123456")
EXAMS = auth.Caller(kind=auth.STAFF, subject="exams.officer", department="examinations")
STUDENT_SERVICES = auth.Caller(kind=auth.STAFF, subject="student.services", department="student_services")
ADMISSIONS = auth.Caller(kind=auth.STAFF, subject="admissions.officer", department="admissions")

RECHECK_NUMBER, MOVE_NUMBER = "SR-2026-000101", "SR-2026-000102"
RECHECK = {"request_number": RECHECK_NUMBER, "registration_number": "22P-123456", "kind": "rechecking",
           "details": "8603: please re-check my paper", "status": "open", "opened_at": "2026-12-06T05:00:00Z",
           "decided_at": None, "decided_by": None, "note": None, "semester": "Autumn 2025",
           "roll_number": "BM214365", "program_code": "BED15", "centre_code": "ISB-01", "papers": [
               {"course_code": "8601", "title": "General Methods of Teaching", "date": None, "start": None,
                "end": None},
               {"course_code": "8603", "title": "Curriculum Development", "date": None, "start": None, "end": None}]}
MOVE = {**RECHECK, "request_number": MOVE_NUMBER, "kind": "centre_change", "details": "Transferred to Karachi",
        "semester": "Spring 2026", "roll_number": "BO680724", "papers": []}
GROUNDS = [{"code": "change_of_residence", "title": "Change of residence"}, {"code": "marriage", "title": "Marriage"},
           {"code": "transfer", "title": "Transfer of service (own or spouse's)"}]
CENTRES = {"semester": "Spring 2026", "unplaced": 0, "centres": [
    {"code": "ISB-01", "region": "ISB", "name": "Islamabad Model College for Girls", "address": "F-7/3, Islamabad",
     "capacity": 400, "active": True, "seated": 1},
    {"code": "ISB-02", "region": "ISB", "name": "Federal Government School", "address": "G-9/4, Islamabad",
     "capacity": 0, "active": False, "seated": 0},
    {"code": "ISB-03", "region": "ISB", "name": "Islamabad College for Boys", "address": "G-6/3, Islamabad",
     "capacity": 300, "active": True, "seated": 0},
    {"code": "KHI-01", "region": "KHI", "name": "Government College for Women", "address": "Karimabad, Karachi",
     "capacity": 500, "active": True, "seated": 0}]}
UNCHANGED = {**RECHECK, "status": "unchanged", "decided_at": "2026-12-06T06:00:00Z", "decided_by": "exams.officer",
             "note": "8603 re-checked: the marks stand as they were"}
REJECTED = {**MOVE, "status": "rejected", "decided_at": "2026-12-06T07:00:00Z", "decided_by": "exams.officer",
            "note": "Attested transfer order missing"}

R, M = f"case-{RECHECK_NUMBER.lower()}", f"case-{MOVE_NUMBER.lower()}"   # each case's form prefix


@pytest.fixture(scope="module")
def app():
    return page_app()


#: The API's functions these pages may call, each failing the test unless it gives the answer.
SILENT = ("cases_of", "decide_recheck", "decide_centre_change", "centres_of")


@pytest.fixture
def as_who(app, monkeypatch):
    """A test client signed in as `who`; exams answer nothing unless a test says so."""
    sign_in = signed_in(app, monkeypatch, SILENT)
    monkeypatch.setattr(dashboard, "tile", lambda *_args: pytest.fail("her results must not be asked"))
    return sign_in




def open_cases(*cases, by_status: dict | None = None):
    """cases_of: these open cases, and the decided ones by status."""
    def answer(who, status, kind):
        found = list(cases) if status == "open" else (by_status or {}).get(status, [])
        return {"cases": [c for c in found if not kind or c["kind"] == kind], "grounds": GROUNDS}
    return answer


def text(response) -> str:
    return response.get_data(as_text=True)


def error_of(html: str, field: str) -> str:
    found = re.search(rf'<p class="error" id="{re.escape(field)}-error">([^<]*)</p>', html)
    return entities.unescape(found[1]) if found else ""


def problem_of(html: str) -> str:
    found = re.search(r'<p class="error" role="alert" id="form-error">([^<]*)</p>', html)
    return entities.unescape(found[1]) if found else ""


def case_of(html: str, number: str) -> str:
    return html.split(f'data-case="{number}"', 1)[1].split("</li>", 1)[0]


# -- who the pages are for -------------------------------------------------------------------------
def test_each_page_declares_its_audience(app):
    for endpoint in ("exam_cases", "decide_recheck", "decide_centre_change"):
        assert app.view_functions[f"portal_staff.{endpoint}"].audience == {"staff:examinations"}, endpoint


@pytest.mark.parametrize(("who", "method", "path"), [
    (ADMISSIONS, "get", "/staff/exam-cases"), (STUDENT_SERVICES, "get", "/staff/exam-cases?view=decided"),
    (STUDENT, "get", "/staff/exam-cases"), (ADMISSIONS, "post", f"/staff/exam-cases/{RECHECK_NUMBER}/recheck"),
    (STUDENT_SERVICES, "post", f"/staff/exam-cases/{MOVE_NUMBER}/centre-change"),
])
def test_others_get_the_403_page(as_who, who, method, path):
    assert getattr(as_who(who), method)(path).status_code == 403


# -- the open cases ----------------------------------------------------------------------------------
def test_the_open_cases_with_what_the_officer_needs_and_a_form_each(as_who, monkeypatch):
    sent, centres = [], []
    answers(monkeypatch, "cases_of", open_cases(RECHECK, MOVE), sent)
    answers(monkeypatch, "centres_of", CENTRES, centres)
    page = as_who(EXAMS).get("/staff/exam-cases")
    html = text(page)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert sent == [(EXAMS, "open", "")] and centres == [(EXAMS,)]
    assert re.findall(r'data-case="([\w-]+)" data-kind="(\w+)" data-status="open"', html) == [
        (RECHECK_NUMBER, "rechecking"), (MOVE_NUMBER, "centre_change")]
    recheck = case_of(html, RECHECK_NUMBER)
    for shown in ('data-registration-number>22P-123456<', "data-roll-number>BM214365<", "data-semester>Autumn 2025<",
                  "data-program>BED15<", 'data-centre="ISB-01"', "Islamabad Model College for Girls",
                  "8603: please re-check my paper", "Re-checking of answer scripts"):
        assert shown in recheck, shown
    assert "data-decide-recheck" in recheck and f'action="/staff/exam-cases/{RECHECK_NUMBER}/recheck#{R}"' in recheck
    courses = recheck.split(f'name="{R}-course_code"', 1)[1].split("</select>")[0]
    assert re.findall(r'<option value="(\w*)">', courses) == ["", "8601", "8603"]
    assert f'name="{R}-changed" id="{R}-changed-no" value="no"' in recheck
    assert f'name="{R}-assignment_marks"' in recheck and f'name="{R}-final_exam_marks"' in recheck

    move = case_of(html, MOVE_NUMBER)
    assert "data-decide-centre-change" in move and "Transferred to Karachi" in move
    grounds = move.split(f'name="{M}-ground"', 1)[1].split("</select>")[0]
    assert re.findall(r'<option value="(\w*)">', grounds) == ["", "change_of_residence", "marriage", "transfer"]
    assert "Transfer of service (own or spouse's)" in grounds
    centre = move.split(f'name="{M}-centre_code"', 1)[1].split("</select>")[0]
    assert re.findall(r'<optgroup label="(\w+)">', centre) == ["ISB", "KHI"]
    # Open centres only, and not the one she sits at already.
    assert re.findall(r'<option value="([\w-]*)"', centre) == ["", "ISB-03", "KHI-01"]


def test_only_re_checks_need_no_list_of_centres(as_who, monkeypatch):
    answers(monkeypatch, "cases_of", open_cases(RECHECK))
    page = as_who(EXAMS).get("/staff/exam-cases")                    # centres_of would fail the test
    assert page.status_code == 200 and "data-decide-recheck" in text(page)


@pytest.mark.parametrize(("query", "kind"), [("?kind=rechecking", "rechecking"), ("?kind=centre_change",
                                                                                   "centre_change"),
                                             ("?kind=nonsense", "")])
def test_the_kind_is_asked_of_exams_and_kept_by_the_tabs(as_who, monkeypatch, query, kind):
    sent = []
    answers(monkeypatch, "cases_of", open_cases(), sent)
    html = text(as_who(EXAMS).get(f"/staff/exam-cases{query}"))
    assert sent == [(EXAMS, "open", kind)] and "data-no-cases" in html
    decided_tab = re.search(r'<a href="([^"]+)"[^>]*>Decided cases<', html)[1]
    assert decided_tab == entities.escape(f"/staff/exam-cases?view=decided{'&kind=' + kind if kind else ''}")


def test_the_decided_cases_newest_first_with_the_outcome_and_the_note_sent(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "cases_of", open_cases(by_status={"unchanged": [UNCHANGED], "rejected": [REJECTED]}), sent)
    html = text(as_who(EXAMS).get("/staff/exam-cases?view=decided"))
    assert sorted(s[1] for s in sent) == ["approved", "rejected", "revised", "unchanged"]
    assert re.findall(r'data-case="([\w-]+)"', html) == [MOVE_NUMBER, UNCHANGED["request_number"]]
    assert "<form method=\"post\"" not in html
    move = case_of(html, MOVE_NUMBER)
    assert "Change of centre refused" in move and "Attested transfer order missing" in move
    assert "Re-checked: the marks stand as they were" in case_of(html, RECHECK_NUMBER)
    answers(monkeypatch, "cases_of", open_cases(by_status={"unchanged": [UNCHANGED]}), sent := [])
    as_who(EXAMS).get("/staff/exam-cases?view=decided&kind=rechecking")
    assert sent == [(EXAMS, "revised", "rechecking"), (EXAMS, "unchanged", "rechecking")]


def test_with_exams_away_the_page_says_so(as_who, monkeypatch):
    answers(monkeypatch, "cases_of", Unavailable("exams is down"))
    page = as_who(EXAMS).get("/staff/exam-cases")
    assert page.status_code == 503 and "cases cannot be shown right now" in text(page)
    answers(monkeypatch, "cases_of", DeadlineExceeded("slow"))
    assert as_who(EXAMS).get("/staff/exam-cases?view=decided").status_code == 503


def test_with_the_centres_away_the_new_centre_is_typed(as_who, monkeypatch):
    answers(monkeypatch, "cases_of", open_cases(MOVE))
    answers(monkeypatch, "centres_of", Unavailable("exams is down"))
    page = as_who(EXAMS).get("/staff/exam-cases")
    html = text(page)
    assert page.status_code == 200
    assert re.search(rf'<input[^>]*name="{M}-centre_code"[^>]*type="text"', html)
    assert "the list of centres cannot be shown right now" in html


# -- re-checking ---------------------------------------------------------------------------------------
def recheck(client, lang: str = "en", **values):
    data = {f"{R}-{name}": value for name, value in {"course_code": "8603", "changed": "no", **values}.items()}
    return client.post(f"/staff/exam-cases/{RECHECK_NUMBER}/recheck?lang={lang}", data=data)


def test_marks_that_stand_are_sent_as_the_apis_body_and_the_outcome_is_said(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "decide_recheck", UNCHANGED, sent)
    done = recheck(as_who(EXAMS), assignment_marks="90")              # typed, but the marks stand
    assert done.status_code == 303
    assert done.headers["Location"] == f"/staff/exam-cases?decided={RECHECK_NUMBER}&outcome=unchanged#decided"
    assert sent == [(EXAMS, RECHECK_NUMBER, schemas.DecideRecheck(course_code="8603", changed=False, note=""))]
    answers(monkeypatch, "cases_of", open_cases(MOVE, by_status={"unchanged": [UNCHANGED]}))
    answers(monkeypatch, "centres_of", CENTRES)
    html = text(as_who(EXAMS).get(done.headers["Location"]))
    notice = html.split('id="decided"', 1)[1].split("</section>", 1)[0]
    assert f'data-decided="{RECHECK_NUMBER}" data-outcome="unchanged"' in html
    assert f"Request {RECHECK_NUMBER} is decided: Re-checked: the marks stand as they were." in notice
    assert "8603 re-checked: the marks stand as they were" in notice
    assert f'data-case="{RECHECK_NUMBER}"' not in html                # no longer open


def test_revised_marks_and_the_note_are_sent(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "decide_recheck", {**UNCHANGED, "status": "revised"}, sent)
    done = recheck(as_who(EXAMS), changed="yes", final_exam_marks="55", note="  Re-totalled: 38 was 55  ")
    assert done.status_code == 303 and done.headers["Location"].endswith("outcome=revised#decided")
    assert sent == [(EXAMS, RECHECK_NUMBER, schemas.DecideRecheck(
        course_code="8603", changed=True, assignment_marks=None, final_exam_marks=55, note="Re-totalled: 38 was 55"))]


@pytest.mark.parametrize(("values", "field", "said"), [
    ({"changed": "yes"}, "final_exam_marks", "Give the re-checked marks, or say they did not change."),
    ({"changed": ""}, "changed", "Say whether the marks changed."),
    ({"changed": "maybe"}, "changed", "Say whether the marks changed."),
    ({"course_code": ""}, "course_code", "Choose the course that was re-checked."),
    ({"course_code": "86-03"}, "course_code", "Choose the course that was re-checked."),
    ({"changed": "yes", "final_exam_marks": "101"}, "final_exam_marks", "A mark is a whole number from 0 to 100."),
    ({"changed": "yes", "assignment_marks": "ninety"}, "assignment_marks", "A mark is a whole number from 0 to 100."),
    ({"note": "x" * 301}, "note", "Write the note in at most 300 characters."),
])
def test_what_the_api_would_refuse_is_said_next_to_the_field_and_nothing_is_sent(as_who, monkeypatch, values,
                                                                                 field, said):
    answers(monkeypatch, "cases_of", open_cases(RECHECK))
    refused = recheck(as_who(EXAMS), **values)
    html = text(refused)
    assert refused.status_code == 400 and error_of(html, f"{R}-{field}") == said
    assert html.count('class="error"') == 1


def test_a_refused_form_keeps_what_was_typed(as_who, monkeypatch):
    answers(monkeypatch, "cases_of", open_cases(RECHECK))
    html = text(recheck(as_who(EXAMS), changed="yes", assignment_marks="ninety", note="Checked twice"))
    form = case_of(html, RECHECK_NUMBER)
    assert '<option selected value="8603">' in form and f'id="{R}-changed-yes" value="yes" checked' in form
    assert 'value="ninety"' in form and "Checked twice</textarea>" in form


@pytest.mark.parametrize(("lang", "error", "field", "said"), [
    ("en", InvalidArgument("no published result of 8604 in Autumn 2025 to re-check", field="course_code"),
     "course_code", "She has no published result of this course to re-check: choose one of her published courses."),
    ("ur", InvalidArgument("no published result of 8604 in Autumn 2025 to re-check", field="course_code"),
     "course_code", "اس کورس کا اس کا کوئی شائع شدہ نتیجہ نہیں جس کی دوبارہ جانچ ہو: اس کے شائع شدہ کورسز میں سے "
                    "ایک منتخب کریں۔"),
    ("en", InvalidArgument("give the re-checked marks, or say they did not change", field="final_exam_marks"),
     "final_exam_marks", "Give the re-checked marks, or say they did not change."),
    ("en", InvalidArgument("note contains control characters", field="note"), "note",
     "Write the note in at most 300 characters."),
])
def test_exams_refusal_of_a_re_check_is_said_next_to_its_field(as_who, monkeypatch, lang, error, field, said):
    answers(monkeypatch, "cases_of", open_cases(RECHECK))
    answers(monkeypatch, "decide_recheck", error)
    refused = recheck(as_who(EXAMS), lang=lang, course_code="8601")
    assert refused.status_code == 400 and error_of(text(refused), f"{R}-{field}") == said


@pytest.mark.parametrize(("error", "status", "said"), [
    (FailedPrecondition("this case was decided (unchanged) on 2026-12-06", field="request_number"), 409,
     f"Request {RECHECK_NUMBER} was decided already: see the decided cases."),
    (FailedPrecondition("she has no roll number: nothing to re-check or move", field="request_number"), 409,
     f"Request {RECHECK_NUMBER} has no roll number: there is nothing to re-check or move."),
    (NotFound("no rechecking case for this request", field="request_number"), 404,
     "There is no such case (any more)."),
    (Unavailable("exams is down"), 503, "The decision cannot be saved right now. Please try again in a little while."),
])
def test_a_case_decided_already_gone_or_exams_away_is_said_on_the_page(as_who, monkeypatch, error, status, said):
    answers(monkeypatch, "cases_of", open_cases(RECHECK))
    answers(monkeypatch, "decide_recheck", error)
    refused = recheck(as_who(EXAMS), note="kept")
    assert refused.status_code == status and problem_of(text(refused)) == said


def test_a_form_posted_for_a_case_of_the_other_kind_is_refused_not_a_500(as_who, monkeypatch):
    answers(monkeypatch, "cases_of", open_cases(MOVE))
    answers(monkeypatch, "centres_of", CENTRES)
    refused = as_who(EXAMS).post(f"/staff/exam-cases/{MOVE_NUMBER}/recheck", data={f"{M}-changed": "no"})
    assert refused.status_code == 400 and "data-decide-centre-change" in text(refused)
    answers(monkeypatch, "decide_recheck", NotFound("no rechecking case for this request", field="request_number"))
    refused = as_who(EXAMS).post(f"/staff/exam-cases/{MOVE_NUMBER}/recheck", data={
        f"{M}-changed": "no", f"{M}-course_code": "8603"})
    assert refused.status_code == 404 and problem_of(text(refused)) == "There is no such case (any more)."


def test_a_malformed_request_number_is_a_404_and_nothing_is_asked(as_who):
    assert as_who(EXAMS).post("/staff/exam-cases/SR-2026/recheck").status_code == 404
    assert as_who(EXAMS).post("/staff/exam-cases/not-a-request/centre-change").status_code == 404


# -- a change of centre ------------------------------------------------------------------------------
def move(client, lang: str = "en", **values):
    data = {f"{M}-{name}": value for name, value in values.items()}
    return client.post(f"/staff/exam-cases/{MOVE_NUMBER}/centre-change?lang={lang}", data=data)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Say why the change is refused: the student reads it."),
    ("ur", "بتائیں کہ تبدیلی کیوں نامنظور ہے: طالب علم یہ پڑھے گا۔"),
])
def test_a_refusal_needs_a_note(as_who, monkeypatch, lang, said):
    answers(monkeypatch, "cases_of", open_cases(MOVE))
    answers(monkeypatch, "centres_of", CENTRES)
    refused = move(as_who(EXAMS), lang, decision="refuse", note="   ")
    html = text(refused)
    assert refused.status_code == 400 and error_of(html, f"{M}-note") == said
    assert f'id="{M}-decision-refuse" value="refuse" checked' in html


def test_a_refusal_with_its_note_is_sent_and_said(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "decide_centre_change", REJECTED, sent)
    done = move(as_who(EXAMS), decision="refuse", ground="transfer", centre_code="KHI-01",
                note="Attested transfer order missing")
    assert done.status_code == 303
    assert done.headers["Location"] == f"/staff/exam-cases?decided={MOVE_NUMBER}&outcome=rejected#decided"
    assert sent == [(EXAMS, MOVE_NUMBER, schemas.DecideCentreChange(approve=False,
                                                                    note="Attested transfer order missing"))]
    answers(monkeypatch, "cases_of", open_cases(by_status={"rejected": [REJECTED]}))
    html = text(as_who(EXAMS).get(done.headers["Location"].replace("#decided", "&lang=ur")))
    assert f"درخواست {MOVE_NUMBER} کا فیصلہ ہو گیا: مرکز کی تبدیلی نامنظور۔" in html
    assert "Attested transfer order missing" in html.split('id="decided"', 1)[1]


def test_an_approval_is_sent_with_its_ground_and_centre(as_who, monkeypatch):
    sent = []
    answers(monkeypatch, "decide_centre_change", {**REJECTED, "status": "approved"}, sent)
    done = move(as_who(EXAMS), decision="approve", ground="transfer", centre_code="KHI-01")
    assert done.status_code == 303 and done.headers["Location"].endswith("outcome=approved#decided")
    assert sent == [(EXAMS, MOVE_NUMBER, schemas.DecideCentreChange(approve=True, ground="transfer",
                                                                    centre_code="KHI-01", note=""))]


def test_an_approval_needs_its_ground_and_centre_and_a_decision_is_needed(as_who, monkeypatch):
    answers(monkeypatch, "cases_of", open_cases(MOVE))
    answers(monkeypatch, "centres_of", CENTRES)
    html = text(move(as_who(EXAMS), decision="approve"))
    assert error_of(html, f"{M}-ground") == "Choose the hardship: a centre is changed only for one."
    assert error_of(html, f"{M}-centre_code") == "Choose her new exam centre."
    refused = move(as_who(EXAMS), note="no decision")
    assert refused.status_code == 400
    assert error_of(text(refused), f"{M}-decision") == "Choose whether to approve or refuse the change."


@pytest.mark.parametrize(("error", "status", "field", "said"), [
    (InvalidArgument("a centre is changed only for a hardship: transfer, marriage or change of residence",
                     field="ground"), 400, "ground", "Choose the hardship: a centre is changed only for one."),
    (InvalidArgument("no open exam centre with this code", field="centre_code"), 400, "centre_code",
     "No open exam centre has this code: choose one from the list."),
    (InvalidArgument("she already sits at this centre", field="centre_code"), 400, "centre_code",
     "She already sits at this centre: choose another."),
    (FailedPrecondition("her centre was changed once in this program already (the most allowed): refuse it, saying "
                        "so", field="request_number"), 409, "decision",
     "Her centre was changed in this programme already, as often as is allowed: refuse this request, saying so."),
])
def test_exams_refusal_of_a_change_is_said_next_to_its_field(as_who, monkeypatch, error, status, field, said):
    answers(monkeypatch, "cases_of", open_cases(MOVE))
    answers(monkeypatch, "centres_of", CENTRES)
    answers(monkeypatch, "decide_centre_change", error)
    refused = move(as_who(EXAMS), decision="approve", ground="marriage", centre_code="ISB-03")
    html = text(refused)
    assert refused.status_code == status and error_of(html, f"{M}-{field}") == said
    assert '<option selected value="ISB-03">' in html and '<option selected value="marriage">' in html


# -- her results: a course revised by re-checking -------------------------------------------------------
COURSE = {"course_code": "8603", "course_title": "Curriculum Development", "credit_hours": 3, "assignment_marks": 70,
          "final_exam_marks": 55, "total_marks": 59, "grade": "C", "remarks": "pass",
          "revised_at": "2026-03-01T05:00:00Z"}
RESULTS = {"status": "ok", "data": {"cgpa": "2.90", "semesters": [{
    "semester": "Autumn 2025", "published_on": "2026-02-10", "gpa": "2.90",
    "courses": [COURSE, {**COURSE, "course_code": "8601", "revised_at": None}]}]}}


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "revised on Mar 1, 2026 after re-checking"),
    ("ur", "دوبارہ جانچ کے بعد 1 مارچ، 2026 کو نظرِ ثانی"),
])
def test_her_results_say_which_course_re_checking_revised_and_when(as_who, monkeypatch, lang, said):
    monkeypatch.setattr(dashboard, "tile", lambda *_args: RESULTS)
    html = text(as_who(STUDENT).get(f"/student/results?lang={lang}"))
    revised = html.split('data-course="8603"', 1)[1].split("</tr>", 1)[0]
    assert f'data-revised="2026-03-01T05:00:00Z">{said}<' in revised
    assert "data-revised" not in html.split('data-course="8601"', 1)[1].split("</tr>", 1)[0]
