"""The registration, courses and holds pages on an app that talks to nothing: enrollment's
answers and refusals stand in for the service, so that every refusal shows its own words
next to the courses (or as a problem on the page), in English and Urdu, and never a 500;
and every code enrollment speaks has the portal's words."""
import importlib.util
import inspect
import re

import pytest

from campus import auth, testing
from campus.errors import AlreadyExists, DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from campus.grpc_client import ServiceClients
from gateway.app import create_app
from gateway.blueprints import student as student_api
from gateway.config import GatewayConfig
from gateway.context import Gateway
from gateway.portal import session
from gateway.portal.vocabulary import COURSE_REFUSALS, HOLD_ACTIONS, HOLD_TITLES, REGISTRATION_REASONS
from services.enrollment import domain, registration
from services.enrollment import migrations as enrollment_migrations

STUDENT = auth.Caller(kind=auth.STUDENT, subject="24F-100002")
OFFERED = [{"code": "8602", "title": "Educational Assessment and Evaluation", "credit_hours": 3, "required": True},
           {"code": "8604", "title": "Philosophy of Education", "credit_hours": 3, "required": False},
           {"code": "8605", "title": "Educational Psychology", "credit_hours": 3, "required": False}]
CHALLAN = {"consumer_number": "100710000000000099", "amount": 978750, "amount_display": "9,787.50",
           "currency": "PKR", "due_date": "2027-01-15"}


def overview(**changes) -> dict:
    seen = {"semester": "Spring 2027", "window": {"opens": "2026-12-03", "closes": "2027-03-31"}, "eligible": True,
            "reasons": [], "courses": OFFERED, "credit_limit": 18, "registration": None}
    return {**seen, **changes}


def registered(status: str, **changes) -> dict:
    return {"semester": "Spring 2027", "status": status, "courses": OFFERED, "credit_hours": 9, "challan": CHALLAN,
            "registered_at": "2026-12-06T05:00:00Z", "confirmed_at": None, "lapsed_at": None, **changes}


@pytest.fixture(scope="module")
def app():
    config = GatewayConfig(environment="test")
    made = create_app(config, Gateway(config, ServiceClients(testing.service_tokens("gateway")),
                                      testing.TestUsers().verifier))
    made.config["WTF_CSRF_ENABLED"] = False  # the CSRF token is the browser tests' (and the battery's)
    return made


@pytest.fixture
def client(app, monkeypatch):
    monkeypatch.setattr(session, "page_caller", lambda: STUDENT)
    return app.test_client()


def answers(monkeypatch, name: str, answer):
    """Enrollment's answer to one of the student API's functions: a value, or an error it raises."""
    def call(*_args, **_kwargs):
        if isinstance(answer, Exception):
            raise answer
        return answer
    monkeypatch.setattr(student_api, name, call)


def text(response) -> str:
    return response.get_data(as_text=True)


# -- the words ----------------------------------------------------------------------------
def test_every_reason_enrollment_gives_has_the_portals_words():
    said = inspect.getsource(domain) + inspect.getsource(registration)
    assert set(re.findall(r'Reason\("(\w+)"', said)) == set(REGISTRATION_REASONS)


def test_every_refusal_of_the_courses_has_the_portals_words():
    said = inspect.getsource(domain.check_selection)  # ALREADY_REGISTERED is a 409 about her registration
    assert set(re.findall(r'field="courses",\s+reason="(\w+)"', said)) == set(COURSE_REFUSALS)


def test_the_portals_hold_words_are_enrollments_own_in_english():
    path = next(iter(enrollment_migrations.__path__)) + "/0005_course_registration_and_holds.py"
    spec = importlib.util.spec_from_file_location("enrollment_0005", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    for code, title, action, _blocks, _placed_by in migration.HOLD_TYPES:
        assert (str(HOLD_TITLES[code]), str(HOLD_ACTIONS[code])) == (title, action), code


# -- the registration page ----------------------------------------------------------------
def test_an_eligible_student_sees_her_courses_with_the_failed_one_checked_and_uncheckable(client, monkeypatch):
    answers(monkeypatch, "registration_of", overview())
    page = client.get("/student/registration")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    html = text(page)
    assert re.search(r'<input type="checkbox" name="courses" id="course-8602" value="8602" checked>', html)
    assert re.search(r'<input type="checkbox" name="courses" id="course-8604" value="8604">', html)
    assert "disabled" not in html                       # a disabled checkbox would not be sent
    assert "Failed: must be registered again" in html and "up to 18 credit hours" in html
    assert 'name="semester" type="hidden" value="Spring 2027"' in html


def test_registering_is_a_303_back_to_the_page(client, monkeypatch):
    sent = {}

    def register_for(who, courses, semester):
        sent.update(who=who.subject, courses=courses, semester=semester)
        return overview(registration=registered("awaiting_payment"))
    monkeypatch.setattr(student_api, "register_for", register_for)
    answers(monkeypatch, "registration_of", overview())
    made = client.post("/student/registration", data={"courses": ["8602", "8604"], "semester": "Spring 2027"})
    assert made.status_code == 303 and made.headers["Location"].endswith("/student/registration")
    assert sent == {"who": "24F-100002", "courses": ["8602", "8604"], "semester": "Spring 2027"}


@pytest.mark.parametrize(("reason", "english", "urdu"), [
    ("FAILED_COURSE_LEFT_OUT", "Courses you failed must be registered again: keep 8602 checked.",
     "جن کورسز میں آپ فیل ہوئے ان میں دوبارہ رجسٹریشن لازمی ہے: 8602 منتخب رہنے دیں۔"),
    ("CREDIT_LIMIT_EXCEEDED", "These courses come to more than 18 credit hours, the most you may take in a semester.",
     "یہ کورسز 18 کریڈٹ آورز سے زیادہ ہیں"),
    ("COURSE_NOT_OFFERED", "A course you chose is not offered to you this semester.", "پیش نہیں کیا جا رہا"),
    ("NO_COURSES", "Choose at least one course.", "کم از کم ایک کورس منتخب کریں۔"),
    ("SOMETHING_NEW", "These courses cannot be registered.", "ان کورسز میں رجسٹریشن نہیں ہو سکتی۔"),
])
@pytest.mark.parametrize("lang", ["en", "ur"])
def test_each_refusal_of_the_courses_is_said_next_to_them_in_her_language(client, monkeypatch, reason, english,
                                                                          urdu, lang):
    answers(monkeypatch, "registration_of", overview())
    answers(monkeypatch, "register_for", InvalidArgument("refused", field="courses", reason=reason))
    refused = client.post(f"/student/registration?lang={lang}", data={"courses": ["8604"], "semester": "Spring 2027"})
    assert refused.status_code == 400
    error = re.search(r'<p class="error" id="courses-error">([^<]*)</p>', text(refused))
    assert error and {"en": english, "ur": urdu}[lang] in error[1]
    assert 'aria-describedby="courses-hint courses-error"' in text(refused)
    # what she sent stays as she sent it: the failed course unchecked, 8604 checked
    assert re.search(r'id="course-8604" value="8604" checked', text(refused))
    assert not re.search(r'id="course-8602" value="8602" checked', text(refused))


@pytest.mark.parametrize(("error", "status", "words"), [
    (FailedPrecondition("closed", field="semester", reason="WINDOW_CLOSED"), 409,
     "Registration for this semester has closed."),
    (FailedPrecondition("not yet", field="semester", reason="WINDOW_NOT_OPEN"), 409,
     "Registration for this semester has not opened yet."),
    (FailedPrecondition("not eligible", field="semester", reason="NOT_ELIGIBLE"), 409,
     "You cannot register for this semester now"),
    (FailedPrecondition("no fee rate for level 'bed'", field="level"), 409, "The fee for your programme is not set"),
    (AlreadyExists("other courses", field="courses", reason="ALREADY_REGISTERED"), 409,
     "You are already registered for this semester with other courses"),
    (NotFound("no semester 'Autumn 2040'", field="semester"), 409, "This semester is not open for registration."),
    (Unavailable("finance is down"), 503, "Registration is not available right now."),
    (DeadlineExceeded("too slow"), 503, "Registration is not available right now."),
    (InvalidArgument("semester must be a semester", field="semester"), 400, "The form could not be accepted."),
])
def test_a_refusal_to_register_at_all_is_a_problem_on_the_page_never_a_500(client, monkeypatch, error, status, words):
    answers(monkeypatch, "registration_of", overview())
    answers(monkeypatch, "register_for", error)
    refused = client.post("/student/registration", data={"courses": ["8602", "8604"], "semester": "Spring 2027"})
    assert refused.status_code == status
    problem = re.search(r'<p class="error" role="alert" id="form-error">([^<]*)</p>', text(refused))
    assert problem and words in problem[1]


def test_courses_the_api_would_not_take_are_refused_before_enrollment_is_asked(client, monkeypatch):
    answers(monkeypatch, "registration_of", overview())
    answers(monkeypatch, "register_for", AssertionError("enrollment must not be asked"))
    for courses in (["86 02"], ["8602"] * 21, ["x" * 13]):
        refused = client.post("/student/registration", data={"courses": courses, "semester": "Spring 2027"})
        assert refused.status_code == 400
        assert "Choose your courses from the list." in text(refused)
    refused = client.post("/student/registration", data={"courses": ["8602"], "semester": "Summer 2027"})
    assert refused.status_code == 400


def test_with_enrollment_away_the_page_says_so_with_a_503(client, monkeypatch):
    answers(monkeypatch, "registration_of", Unavailable("enrollment is down"))
    page = client.get("/student/registration")
    assert page.status_code == 503 and "Course registration is not available right now." in text(page)


def test_a_student_without_a_record_is_told_so(client, monkeypatch):
    answers(monkeypatch, "registration_of", NotFound("no student with this registration number"))
    page = client.get("/student/registration")
    assert page.status_code == 200 and "Your student record is not ready yet" in text(page)


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_every_reason_she_may_not_register_is_in_her_language_and_an_unknown_one_as_enrollment_said_it(
        client, monkeypatch, lang):
    reasons = [{"code": "window_closed", "message": "Registration for Spring 2027 closed on 2027-03-31."},
               {"code": "previous_semester_incomplete", "message": "The results of Autumn 2025 are not published"},
               {"code": "hold", "message": "Unpaid dues: pay them"}, {"code": "hold", "message": "Missing documents"},
               {"code": "something_new", "message": "A rule the portal has no words for yet."}]
    answers(monkeypatch, "registration_of", overview(eligible=False, reasons=reasons))
    html = text(client.get(f"/student/registration?lang={lang}"))
    said = re.findall(r'<li data-reason="(\w+)"( lang="en")?>([^<]*)</li>', html)
    assert [(code, marked) for code, marked, _sentence in said] == [
        ("window_closed", ""), ("previous_semester_incomplete", ""), ("hold", ""), ("something_new", ' lang="en"')]
    assert said[3][2] == "A rule the portal has no words for yet."
    if lang == "en":
        assert said[0][2] == "Registration for Spring 2027 closed on Mar 31, 2027."
        assert said[1][2].startswith("The results of your last semester are not published yet")
    else:
        assert said[1][2].startswith("آپ کے پچھلے سمسٹر کے نتائج ابھی شائع نہیں ہوئے")
    assert 'name="courses"' not in html and 'href="/student/holds"' in html


def test_awaiting_payment_shows_the_challan_and_how_to_pay_it_and_no_form(client, monkeypatch):
    answers(monkeypatch, "registration_of", overview(registration=registered("awaiting_payment")))
    html = text(client.get("/student/registration"))
    assert 'data-registration-status="awaiting_payment">Awaiting payment<' in html
    assert '<dd class="code" data-consumer-number>100710000000000099</dd>' in html
    assert 'data-amount="978750">Rs 9,787.5<' in html and "1LINK" in html
    assert "your registration is confirmed by itself" in html
    assert 'name="courses"' not in html


def test_confirmed_shows_no_challan_to_pay_and_links_to_her_courses(client, monkeypatch):
    confirmed = registered("confirmed", confirmed_at="2026-12-07T05:00:00Z")
    answers(monkeypatch, "registration_of", overview(registration=confirmed))
    html = text(client.get("/student/registration?lang=ur"))
    assert 'data-registration-status="confirmed">پکی<' in html
    assert "data-challan" not in html and 'name="courses"' not in html
    assert 'href="/student/courses?semester=Spring+2027"' in html


def test_a_lapsed_registration_says_why_and_she_may_register_again(client, monkeypatch):
    answers(monkeypatch, "registration_of", overview(registration=registered("lapsed", lapsed_at="2027-01-20")))
    html = text(client.get("/student/registration"))
    assert 'data-registration-status="lapsed">Lapsed<' in html
    assert "its challan was not paid by its due date" in html and "You may register again below" in html
    assert "data-challan" not in html and 'name="courses"' in html


# -- her courses, her holds ---------------------------------------------------------------
def test_before_tutors_are_allocated_the_courses_page_says_when_they_will_be(client, monkeypatch):
    courses = {"semester": "Spring 2027", "semesters": ["Spring 2027", "Autumn 2025"], "assignments": "lms",
               "courses": [{**c, "tutor": None} for c in OFFERED]}
    answers(monkeypatch, "courses_of", courses)
    html = text(client.get("/student/courses"))
    assert "Tutors are allocated one to two weeks after the semester starts." in html
    assert '<p data-assignments="lms">Submit your assignments online, on the LMS.</p>' in html
    assert 'href="/student/courses?semester=Autumn+2025"' in html
    assert 'aria-current="page"><strong>Spring 2027</strong>' in html


@pytest.mark.parametrize(("error", "status"), [(InvalidArgument("not a semester", field="semester"), 404),
                                               (NotFound("no student"), 404), (Unavailable("down"), 503)])
def test_a_courses_page_that_cannot_be_answered_is_a_404_or_a_503(client, monkeypatch, error, status):
    answers(monkeypatch, "courses_of", error)
    assert client.get("/student/courses?semester=Summer+2026").status_code == status
    assert client.get("/student/courses?semester=" + "x" * 200).status_code == 404


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_each_hold_says_what_to_do_and_what_it_stops_in_her_language(client, monkeypatch, lang):
    holds = [{"code": "unpaid_dues", "title": "Unpaid dues", "action": "Pay it.",
              "blocks": ["registration", "transcript", "degree"], "reference": "100710000000000042",
              "raised_at": "2026-11-02T19:00:00Z", "note": "Rs 2,000 due on 2026-11-01"},
             {"code": "new_kind", "title": "A new kind of hold", "action": "Ask your regional centre.",
              "blocks": ["degree"], "reference": "", "raised_at": "2026-11-02T19:00:00Z", "note": ""}]
    answers(monkeypatch, "holds_of", {"holds": holds})
    html = text(client.get(f"/student/holds?lang={lang}"))
    blocks = re.findall(r"<span data-blocks>([^<]*)</span>", html)
    if lang == "en":
        assert "<strong>Unpaid dues</strong>" in html and "the hold ends by itself" in html
        assert blocks[0] == "Course registration · Transcript · Degree"
    else:
        assert "<strong>غیر ادا شدہ واجبات</strong>" in html
        assert blocks[0] == "کورس رجسٹریشن · ٹرانسکرپٹ · ڈگری"
    assert '<strong lang="en">A new kind of hold</strong>' in html and "Ask your regional centre." in html
    assert "100710000000000042" in html and "Rs 2,000 due on 2026-11-01" in html


def test_no_holds_says_so(client, monkeypatch):
    answers(monkeypatch, "holds_of", {"holds": []})
    page = client.get("/student/holds")
    assert page.status_code == 200 and "No holds" in text(page)
    answers(monkeypatch, "holds_of", DeadlineExceeded("slow"))
    assert client.get("/student/holds").status_code == 503
