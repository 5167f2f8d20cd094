"""Admissions' programmes tool and the public prospectus on an app that talks to nothing:
enrollment's answers and refusals stand in for the service, so that every form sends the
API's own body, each refusal is said next to its field (a refused withdrawal next to its
course) in English and Urdu, and nothing is a 500."""
import re

import pytest

from campus import auth
from campus.errors import AlreadyExists, DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from gateway import schemas
from gateway.blueprints import public as public_api
from gateway.blueprints import records as records_api
from gateway.portal import session
from gateway.tests.unit.test_portal_admissions import (
    ADMISSIONS,
    EXAMS,
    ISLAMABAD,
    STUDENT_SERVICES,
    answers,
    app,  # noqa: F401 - the fixture
    error_of,
    problem_of,
    text,
)

BED15 = {"code": "BED15", "title": "B.Ed (1.5 Years)", "level": "bed", "level_title": "Bachelor of Education",
         "duration_semesters": 3, "max_duration_years": 4, "credit_hours_total": 54, "max_semester_credit_hours": 18,
         "scheme": [{"semester_number": 1, "code": "8601", "title": "General Methods of Teaching", "credit_hours": 3,
                     "practical_credit_hours": 0},
                    {"semester_number": 1, "code": "8602", "title": "Educational Assessment", "credit_hours": 3,
                     "practical_credit_hours": 1},
                    {"semester_number": 2, "code": "8604", "title": "Research Methods", "credit_hours": 3,
                     "practical_credit_hours": 0}]}
MATRIC = {"code": "MATRIC", "title": "Matric (Secondary School Certificate)", "level": "matric",
          "level_title": "Matric", "duration_semesters": 4, "max_duration_years": 5, "credit_hours_total": 0,
          "max_semester_credit_hours": 24, "scheme": []}
CATALOGUE = {"programs": [MATRIC, BED15]}
SPRING = {"semester": "Spring 2026", "courses": [
    {"code": "8604", "title": "Research Methods", "credit_hours": 3, "practical_credit_hours": 0},
    {"code": "8605", "title": "Educational Leadership", "credit_hours": 3, "practical_credit_hours": 1}]}
COURSE = {"code": "8620", "title": "Early Childhood Education", "credit_hours": "3", "practical_credit_hours": "1",
          "semester": "Autumn 2027"}


@pytest.fixture
def as_staff(app, monkeypatch):  # noqa: F811 - the fixture imported above
    """A test client signed in as `who`; the prospectus is CATALOGUE, and enrollment answers
    nothing else unless a test says so."""
    def sign_in(who: auth.Caller | None = ADMISSIONS):
        monkeypatch.setattr(session, "page_caller", lambda: who)
        return app.test_client()
    for name in ("add_course", "set_scheme_course", "set_offering"):
        answers(monkeypatch, name, AssertionError(f"enrollment must not be asked ({name})"))
    monkeypatch.setattr(public_api, "programs_catalogue", lambda: CATALOGUE)
    monkeypatch.setattr(public_api, "offerings_of", _offerings({"Spring 2026": SPRING}))
    return sign_in


def _offerings(by_semester: dict):
    def offerings_of(semester: str) -> dict:
        if semester not in by_semester:
            raise NotFound(f"no semester '{semester}'", field="semester")
        return by_semester[semester]
    return offerings_of


def away(*_args, **_kwargs):
    raise Unavailable("enrollment is down")


# -- who may -----------------------------------------------------------------------------------
@pytest.mark.parametrize("who", [STUDENT_SERVICES, ISLAMABAD, EXAMS])
def test_the_programmes_tool_is_admissions_own(as_staff, who):
    assert as_staff(who).get("/staff/programmes").status_code == 403
    assert as_staff(who).post("/staff/programmes/offerings/withdraw", data={}).status_code == 403


def test_the_tools_pages_declare_admissions_and_the_prospectus_is_for_anyone(app):  # noqa: F811
    for endpoint in ("programmes", "add_course", "set_scheme_course", "offer_course", "withdraw_course"):
        assert app.view_functions[f"portal_staff.{endpoint}"].audience == {"staff:admissions"}, endpoint
    assert not getattr(app.view_functions["portal_public.programmes"], "audience", None)


# -- the programmes and their schemes ------------------------------------------------------------
def test_every_programme_with_its_level_credit_hours_duration_limit_and_scheme(as_staff):
    page = as_staff().get("/staff/programmes")
    html = text(page)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert re.findall(r'data-programme="(\w+)"', html) == ["MATRIC", "BED15"]
    bed15 = html.split('data-programme="BED15"', 1)[1]
    assert '<dd lang="en" data-level="bed">Bachelor of Education</dd>' in bed15
    assert "<dd data-credit-hours>54</dd>" in bed15 and "<dd data-credit-limit>18</dd>" in bed15
    assert "<dd data-duration>3 semesters, at most 4 years</dd>" in bed15
    assert re.findall(r'data-semester-number="(\d+)"', bed15) == ["1", "2"]
    hours = dict(re.findall(r'<tr data-course="(\w+)">.*?data-hours>([^<]+)</td>', bed15))
    assert hours == {"8601": "3", "8602": "3(2+1)", "8604": "3"}
    assert "data-no-scheme" in html.split('data-programme="BED15"', 1)[0]      # Matric has no scheme yet
    assert '<option value="BED15">BED15 · B.Ed (1.5 Years)</option>' in html    # the scheme form's programmes
    assert "data-offered-courses" not in html                                   # no semester chosen


def test_the_page_in_urdu(as_staff):
    html = text(as_staff().get("/staff/programmes?semester=Spring+2026&lang=ur"))
    assert 'dir="rtl"' in html and "اسکیم آف اسٹڈیز" in html and "3 سمسٹر، زیادہ سے زیادہ 4 سال" in html
    assert "Spring 2026 میں پیش کردہ کورسز" in html


def test_with_enrollment_away_the_forms_still_show_and_it_is_a_503_not_a_500(as_staff, monkeypatch):
    monkeypatch.setattr(public_api, "programs_catalogue", away)
    monkeypatch.setattr(public_api, "offerings_of", away)
    page = as_staff().get("/staff/programmes?semester=Spring+2026")
    html = text(page)
    assert page.status_code == 503 and "The programmes cannot be shown right now" in html
    assert "offerings cannot be shown right now" in html and "data-add-course" in html


# -- a course ------------------------------------------------------------------------------------
def test_adding_a_course_sends_the_apis_body_and_comes_back_to_the_semester(as_staff, monkeypatch):
    sent = []
    answers(monkeypatch, "add_course", {}, sent)
    made = as_staff().post("/staff/programmes/courses", data=COURSE)
    assert made.status_code == 303
    assert made.headers["Location"].endswith("/staff/programmes?semester=Autumn+2027&done=added&course=8620#scheme")
    assert sent == [(schemas.AddCourse(code="8620", title="Early Childhood Education", credit_hours=3,
                                       practical_credit_hours=1),)]
    html = text(as_staff().get("/staff/programmes?done=added&course=8620"))
    assert "Course 8620 is added" in html
    assert "data-done" not in text(as_staff().get("/staff/programmes?done=added&course=<b>"))  # only a code


def test_no_practical_hours_are_sent_as_0(as_staff, monkeypatch):
    sent = []
    answers(monkeypatch, "add_course", {}, sent)
    as_staff().post("/staff/programmes/courses", data={**COURSE, "practical_credit_hours": ""})
    assert sent[0][0].practical_credit_hours == 0


@pytest.mark.parametrize(("field", "value", "english"), [
    ("code", "8-620", "A course code is 2 to 12 letters and digits"),
    ("code", "", "Enter the course code."),
    ("title", "", "Enter the course's title."),
    ("credit_hours", "13", "Enter credit hours from 1 to 12."),
    ("credit_hours", "three", "Enter credit hours from 1 to 12."),
    ("practical_credit_hours", "-1", "Practical credit hours are from 0 to the credit hours."),
])
def test_a_course_the_api_would_refuse_is_said_next_to_its_field_and_nothing_is_sent(as_staff, field, value,
                                                                                     english):
    refused = as_staff().post("/staff/programmes/courses", data={**COURSE, field: value})
    html = text(refused)
    assert refused.status_code == 400 and english in error_of(html, field)
    assert 'value="Early Childhood Education"' in html or field == "title"     # what was typed stays


@pytest.mark.parametrize(("error", "field", "status", "english", "urdu"), [
    (AlreadyExists("course 8620 exists already", field="code"), "code", 409,
     "A course has this code already.", "اس کوڈ کا کورس پہلے سے موجود ہے۔"),
    (InvalidArgument("practical_credit_hours must be between 0 and the credit hours",
                     field="practical_credit_hours"), "practical_credit_hours", 400,
     "Practical credit hours are from 0 to the credit hours.", "عملی کریڈٹ آورز 0 سے کل کریڈٹ آورز تک"),
])
@pytest.mark.parametrize("lang", ["en", "ur"])
def test_enrollments_refusal_of_a_course_is_said_next_to_its_field(as_staff, monkeypatch, error, field, status,
                                                                   english, urdu, lang):
    answers(monkeypatch, "add_course", error)
    refused = as_staff().post(f"/staff/programmes/courses?lang={lang}", data=COURSE)
    assert refused.status_code == status and {"en": english, "ur": urdu}[lang] in error_of(text(refused), field)


# -- a programme's scheme ------------------------------------------------------------------------
def test_putting_a_course_in_a_scheme_and_taking_it_out(as_staff, monkeypatch):
    sent = []
    answers(monkeypatch, "set_scheme_course", BED15, sent)
    form = {"program_code": "BED15", "course_code": "8620", "semester_number": "3", "semester": ""}
    made = as_staff().post("/staff/programmes/scheme", data=form)
    assert made.status_code == 303
    assert made.headers["Location"].endswith("?done=scheduled&course=8620&programme=BED15#programme-bed15")
    out = as_staff().post("/staff/programmes/scheme", data={**form, "semester_number": "0"})
    assert "done=unscheduled" in out.headers["Location"]
    assert sent == [(schemas.SetSchemeCourse(program_code="BED15", course_code="8620", semester_number=n),)
                    for n in (3, 0)]
    html = text(as_staff().get("/staff/programmes?done=scheduled&course=8620&programme=BED15"))
    assert re.search(r'data-programme="BED15".*?<details open data-scheme>', html, re.S)   # its scheme shown
    assert not re.search(r'data-programme="MATRIC"[^>]*>\s*<h3[^§]*?<details open', html.split("BED15")[0])


@pytest.mark.parametrize(("error", "field", "english"), [
    (NotFound("no course '9999'", field="course_code"), "course_code", "No course has this code: add it first."),
    (NotFound("no programme 'BED99'", field="program_code"), "program_code", "No programme has this code."),
    (InvalidArgument("semester_number must be between 1 and 3 (0 takes it out)", field="semester_number"),
     "semester_number", "The programme has fewer semesters than that"),
])
def test_enrollments_refusal_of_a_scheme_is_said_next_to_its_field(as_staff, monkeypatch, error, field, english):
    answers(monkeypatch, "set_scheme_course", error)
    refused = as_staff().post("/staff/programmes/scheme", data={"program_code": "BED15", "course_code": "9999",
                                                                "semester_number": "7"})
    assert refused.status_code == 400 and english in error_of(text(refused), field)


@pytest.mark.parametrize(("changes", "field", "english"), [
    ({"program_code": ""}, "program_code", "Choose the programme."),
    ({"semester_number": "17"}, "semester_number", "from 1 to 16, or 0"),
    ({"semester_number": ""}, "semester_number", "Enter the semester of the programme, or 0."),
])
def test_a_scheme_the_api_would_refuse_is_said_next_to_its_field(as_staff, changes, field, english):
    refused = as_staff().post("/staff/programmes/scheme", data={"program_code": "BED15", "course_code": "8620",
                                                                "semester_number": "3", **changes})
    assert refused.status_code == 400 and english in error_of(text(refused), field)


# -- a semester's offerings ----------------------------------------------------------------------
def test_a_semesters_offerings_each_with_its_withdraw_button_and_the_offer_form(as_staff):
    html = text(as_staff().get("/staff/programmes?semester=spring+2026"))
    assert re.findall(r'<tr data-offered="(\w+)">', html) == ["8604", "8605"]
    assert html.count('name="withdraw"') == 2 and 'aria-label="Withdraw 8605 from Spring 2026"' in html
    assert '<td class="code">3(2+1)</td>' in html
    assert 'name="offer-course_code"' in html and 'name="offer-semester" value="Spring 2026"' in html
    assert re.findall(r'href="/staff/programmes\?semester=(\w+\+\d+)#offerings"', html)   # nearby semesters
    ids = re.findall(r' id="([^"]+)"', html)
    assert len([i for i in ids if "csrf" not in i]) == len({i for i in ids if "csrf" not in i}), "unique ids"


@pytest.mark.parametrize(("query", "status", "english"), [
    ("Summer+2026", 400, "Enter a semester like Spring 2027."),
    ("Spring+2040", 404, "There is no such semester in the calendar."),
])
def test_a_semester_that_is_not_one_is_said_next_to_the_picker(as_staff, query, status, english):
    refused = as_staff().get(f"/staff/programmes?semester={query}")
    assert refused.status_code == status and error_of(text(refused), "semester") == english


def test_offering_a_course_sends_the_apis_body(as_staff, monkeypatch):
    sent = []
    answers(monkeypatch, "set_offering", SPRING, sent)
    made = as_staff().post("/staff/programmes/offerings", data={"offer-course_code": " 8620 ",
                                                                "offer-semester": "Spring 2026"})
    assert made.status_code == 303
    assert made.headers["Location"].endswith("?semester=Spring+2026&done=offered&course=8620#offerings")
    assert sent == [(schemas.SetOffering(semester="Spring 2026", course_code="8620", offered=True),)]
    html = text(as_staff().get("/staff/programmes?semester=Spring+2026&done=offered&course=8620&lang=ur"))
    assert "کورس 8620، Spring 2026 میں پیش کر دیا گیا۔" in html


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_offering_a_course_nobody_added_is_said_next_to_the_course_code(as_staff, monkeypatch, lang):
    answers(monkeypatch, "set_offering", NotFound("no course '9999'", field="course_code"))
    refused = as_staff().post(f"/staff/programmes/offerings?lang={lang}", data={
        "offer-course_code": "9999", "offer-semester": "Spring 2026"})
    assert refused.status_code == 400
    assert error_of(text(refused), "offer-course_code") == {
        "en": "No course has this code: add it first.", "ur": "اس کوڈ کا کوئی کورس نہیں: پہلے اسے شامل کریں۔"}[lang]
    bad = as_staff().post("/staff/programmes/offerings", data={"offer-course_code": "86-20",
                                                               "offer-semester": "Spring 2026"})
    assert bad.status_code == 400 and "2 to 12 letters and digits" in error_of(text(bad), "offer-course_code")


def test_withdrawing_a_course_sends_offered_false(as_staff, monkeypatch):
    sent = []
    answers(monkeypatch, "set_offering", SPRING, sent)
    made = as_staff().post("/staff/programmes/offerings/withdraw", data={"semester": "Spring 2026",
                                                                         "course_code": "8605"})
    assert made.status_code == 303 and made.headers["Location"].endswith("done=withdrawn&course=8605#offerings")
    assert sent == [(schemas.SetOffering(semester="Spring 2026", course_code="8605", offered=False),)]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Students are registered for this course in this semester: it cannot be withdrawn."),
    ("ur", "اس سمسٹر میں اس کورس کے لیے طلبہ رجسٹرڈ ہیں: اسے واپس نہیں لیا جا سکتا۔")])
def test_a_course_students_are_registered_for_is_refused_next_to_its_withdraw_button(as_staff, monkeypatch, lang,
                                                                                     said):
    answers(monkeypatch, "set_offering", FailedPrecondition("students are registered for this course in this "
                                                            "semester", field="course_code"))
    refused = as_staff().post(f"/staff/programmes/offerings/withdraw?lang={lang}", data={
        "semester": "Spring 2026", "course_code": "8604"})
    html = text(refused)
    assert refused.status_code == 409
    row = re.search(r'<tr data-offered="8604">.*?</tr>', html, re.S)[0]
    assert 'aria-describedby="withdraw-8604-error"' in row
    assert re.search(r'<p class="error" id="withdraw-8604-error" role="alert">([^<]*)</p>', row)[1] == \
        said.replace("'", "&#39;")
    assert "withdraw-8605-error" not in html


@pytest.mark.parametrize(("data", "answer"), [
    ({"semester": "Summer 2026", "course_code": "8604"}, None),              # tampered with
    ({"semester": "Spring 2026", "course_code": "86 04"}, None),
    ({"semester": "Spring 2026", "course_code": "8604"}, NotFound("no semester", field="semester")),
])
def test_a_tampered_withdrawal_is_a_page_that_says_so(as_staff, monkeypatch, data, answer):
    if answer:
        answers(monkeypatch, "set_offering", answer)
    refused = as_staff().post("/staff/programmes/offerings/withdraw", data=data)
    assert refused.status_code == 400 and "could not be accepted" in problem_of(text(refused))


@pytest.mark.parametrize(("path", "data"), [
    ("/staff/programmes/courses", COURSE),
    ("/staff/programmes/scheme", {"program_code": "BED15", "course_code": "8620", "semester_number": "3"}),
    ("/staff/programmes/offerings", {"offer-course_code": "8620", "offer-semester": "Spring 2026"}),
    ("/staff/programmes/offerings/withdraw", {"semester": "Spring 2026", "course_code": "8604"}),
])
def test_enrollment_away_is_a_503_page_that_says_to_try_again(as_staff, monkeypatch, path, data):
    for name in ("add_course", "set_scheme_course", "set_offering"):
        answers(monkeypatch, name, DeadlineExceeded("slow"))
    refused = as_staff().post(path, data=data)
    assert refused.status_code == 503 and "Please try again in a little while." in problem_of(text(refused))


def test_an_offer_without_its_semester_offers_nothing(as_staff):
    refused = as_staff().post("/staff/programmes/offerings", data={"offer-course_code": "8620"})
    assert refused.status_code == 400 and "could not be accepted" in problem_of(text(refused))


# -- the public prospectus -----------------------------------------------------------------------
@pytest.mark.parametrize("who", [None, ADMISSIONS])
def test_the_prospectus_is_for_anyone_with_every_scheme(as_staff, monkeypatch, who):
    monkeypatch.setattr(records_api, "admission_files", away)  # nothing of staff's is asked
    page = as_staff(who).get("/programmes")
    html = text(page)
    assert page.status_code == 200
    assert re.findall(r'data-programme="(\w+)"', html) == ["MATRIC", "BED15"]
    assert html.count("<details open data-scheme>") == 2
    assert '<a href="#programme-bed15" class="code">BED15</a>' in html
    assert "3(2+1)" in html and "data-add-course" not in html


def test_the_prospectus_in_urdu_and_with_enrollment_away(as_staff, monkeypatch):
    html = text(as_staff(None).get("/programmes?lang=ur"))
    assert 'dir="rtl"' in html and "پروگرام اور اسکیم آف اسٹڈیز" in html and "سمسٹر 1" in html
    monkeypatch.setattr(public_api, "programs_catalogue", away)
    page = as_staff(None).get("/programmes")
    assert page.status_code == 503 and "The programmes cannot be shown right now" in text(page)


def test_the_home_page_links_the_prospectus(as_staff):
    assert 'href="/programmes"' in text(as_staff(None).get("/"))
