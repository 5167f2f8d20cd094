"""Every operation of the OpenAPI document, fed generated input (valid and not), every
answer checked by every schemathesis check: no 500, every status code, media type,
header and body as documented, valid input accepted and invalid input refused. Driven
from the document the gateway serves, so a new endpoint is covered the day it is
documented, and the document cannot drift from what the gateway does.

Each operation runs as whoever may call it: a student, the staff of its department, a
bank. Operations that would end the shared session or change a demo password are left
out; the staff account actions act on a throwaway student, the FAQ edits on an article of
the fuzzer's own (the demo articles stay as they are)."""
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.specs.openapi.checks import positive_data_acceptance

from campus import testing
from campus.grpc_client import ServiceClients
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.context import Gateway
from tests.stack import bearer, client, create_student, login

# Operations that would end the shared session or change a demo password mid-run.
SKIPPED = {("POST", "/api/v1/auth/logout"), ("POST", "/api/v1/auth/password/change")}
# Well-formed but refused for what the data says, not the form: a category or subtype not
# in the catalogue, a reset token never issued (or used, or expired), a programme, centre
# or semester that is not (open) in the reference data, an age outside admission's range,
# a window that closes before it opens, a file that is not the form's columns, a course
# the semester does not offer. Exactly these 400s (None: any message on those fields).
DATA_REFUSALS = {
    ("POST", "/api/v1/me/requests"): ({"category", "subtype"}, "unknown "),
    ("POST", "/api/v1/auth/password/reset"): ({"token"}, "this reset link is invalid"),
    ("POST", "/api/v1/staff/admissions"): (
        {"program_code", "centre_code", "admission_semester", "date_of_birth"}, None),
    ("POST", "/api/v1/staff/admissions/files"): ({"file"}, None),
    ("PUT", "/api/v1/staff/semesters"): ({"admission_closes", "registration_closes"}, None),
    ("PATCH", "/api/v1/staff/students/{registration_number}/record"): ({"date_of_birth"}, None),
    ("POST", "/api/v1/staff/tutors/allocations"): ({"course_code"}, None),
    ("PUT", "/api/v1/staff/tutors/offerings"): ({"course_code"}, None),
    # a rule between two fields, which the document cannot state: practical hours within the credit hours
    ("POST", "/api/v1/staff/courses"): ({"practical_credit_hours"}, None),
    # a paper that ends before it starts (two fields again); the title of a course exams has not
    # seen yet; free text that NFKC normalisation makes longer than its limit
    ("PUT", "/api/v1/staff/date-sheets/papers"): ({"end", "course_title"}, None),
    ("PUT", "/api/v1/staff/exam-centres"): ({"name", "address"}, None),
    # a paper the roll number does not sit; a file that is not the form's columns
    ("POST", "/api/v1/staff/marks"): ({"course_code"}, None),
    ("POST", "/api/v1/staff/marks/files"): ({"file"}, None),
    # a case decided with what its kind needs: a published result of that course, a hardship,
    # an open centre; a refusal says why
    ("POST", "/api/v1/staff/exam-cases/{request_number}/recheck"): ({"course_code", "final_exam_marks"}, None),
    ("POST", "/api/v1/staff/exam-cases/{request_number}/centre-change"): ({"ground", "centre_code", "note"}, None),
    # a settlement file is read whole: its rows, and the bank (a collecting bank's mnemonic)
    ("POST", "/api/v1/staff/treasury/settlements"): (
        {"file", "bank_mnemonic", "tran_date", "tran_auth_id", "consumer_number", "amount"}, None),
    # treasury's reasons must say something once trimmed; a counter payment is the amount the
    # challan asks for on that day, not in the future
    ("POST", "/api/v1/staff/treasury/challans/{consumer_number}/cancel"): ({"reason"}, None),
    ("POST", "/api/v1/staff/treasury/challans/{consumer_number}/supersede"): ({"reason"}, None),
    ("POST", "/api/v1/staff/treasury/challans/{consumer_number}/payment"): ({"reason", "amount", "paid_on"}, None),
    ("POST", "/api/v1/staff/treasury/unmatched/{unmatched_id}"): ({"reason"}, None),
    # a refund is decided on one of its request's grounds, for one of her paid challans; a refusal says why
    ("POST", "/api/v1/staff/treasury/refunds/{request_number}"): ({"ground", "consumer_number", "note"}, None),
    # an award says how much; a refusal says why
    ("POST", "/api/v1/staff/financial-aid/{request_number}"): ({"amount", "note"}, None),
    # a fee the schedule has, at a level it has, from today or later
    ("PUT", "/api/v1/staff/treasury/fees"): ({"fee_code", "level", "applies_from", "title"}, None),
    ("POST", "/api/v1/staff/treasury/challans"): ({"fee_code", "level", "description", "payer_name"}, None),
    ("POST", "/api/v1/staff/treasury/recoveries/{request_number}"): ({"note"}, None),
    # a document is decided by its content (PDF, JPEG or PNG with nothing active in it); a
    # message's text that NFKC normalisation makes longer than its limit; a refusal or a
    # question must say why once trimmed; the request must be decidable (409, not 400)
    ("POST", "/api/v1/me/requests/{request_number}/attachments"): ({"file"}, None),
    ("POST", "/api/v1/staff/requests/{request_number}/attachments"): ({"file"}, None),
    ("POST", "/api/v1/me/requests/{request_number}/comments"): ({"text"}, None),
    ("POST", "/api/v1/staff/requests/{request_number}/comments"): ({"text"}, None),
    ("POST", "/api/v1/staff/requests/{request_number}/decision"): ({"reason"}, None),
    # a correction's decision names each of its pending fields once; a refusal says why
    ("POST", "/api/v1/staff/requests/{request_number}/corrections"): ({"decisions", "reason"}, None),
    # a complaint's bot check is solved by reading a picture (no document can say the digits);
    # its contact and name are checked as the services check them
    ("POST", "/api/v1/public/complaints"): (
        {"challenge_answer", "email", "mobile", "name", "registration_number", "text", "file"}, None),
    ("POST", "/api/v1/staff/complaints/{complaint_number}/answer"): ({"answer"}, None),
    # an audience's value is a programme's code, a centre's or a semester as the audience says
    # (one field decides another's form); a deadline is a real day, today or later; texts
    # that NFKC normalisation makes longer than their limit
    ("POST", "/api/v1/staff/announcements"): (
        {"audience_value", "deadline", "title_en", "body_en", "title_ur", "body_ur"}, None),
    # a partner's URL must parse as one (a host, no credentials); its name is unique (409)
    ("POST", "/api/v1/staff/webhooks"): ({"name", "url"}, None),
    # a stage move the rules refuse is 409; dispatching needs its courier and number (one field
    # decides others); texts that NFKC normalisation makes longer than their limit
    ("POST", "/api/v1/staff/tracking/{tracking_id}/stage"): (
        {"stage", "note", "courier", "courier_tracking_number"}, None),
    ("POST", "/api/v1/staff/tracking/{tracking_id}/objection"): ({"reason", "documents"}, None),
    # books are looked up by a roll number or an admission challan number: one of the two
    ("GET", "/api/v1/public/books"): ({"roll_number"}, None),
    # a semester's parcels: every line a known roll number, once, not already sent
    ("POST", "/api/v1/staff/parcels/dispatch"): ({"file", "semester", "note"} | {"registry_number"}, None),
    ("POST", "/api/v1/staff/parcels/{registry_number}/status"): ({"status", "note", "semester"}, None),
    # an answer's documents are read for what they are (a PDF, JPEG or PNG), not their names
    ("POST", "/api/v1/me/tracking/{tracking_id}/objection-response"): (
        {"text", "file", "file2", "file3", "documents", "tracking_id"}, None),
}
REFUSALS = ["400", "401", "403", "404", "405", "406", "409", "413", "414", "415", "422", "428", "429", "5xx"]
# Failed sign-ins throttle their source: the fuzzer's come from an address of its own.
FUZZER = {"X-Forwarded-For": "198.51.100.77"}
BANK = ("ABL", "Demo@2026")

load_all_checks()
ALL_CHECKS = CHECKS.get_all()


def _document() -> dict:
    """The document is static: read it from an app that talks to nothing."""
    config = GatewayConfig(environment="test")
    clients = ServiceClients(testing.service_tokens("gateway"))
    app = create_app(config, Gateway(config, clients, testing.TestUsers().verifier))
    return app.test_client().get("/api/v1/openapi.json").get_json()


def _operations():
    # Credentials are the test's to give, not generated: each case is sent as its audience.
    # Input too large to read is refused before it is: 413 (the body limit) and 414 (the HTTP
    # server's request line) are refusals of invalid data as much as a 400.
    config = schemathesis.Config.from_dict({"generation": {"with-security-parameters": False}, "checks": {
        "negative_data_rejection": {"expected-statuses": REFUSALS}}})
    schema = schemathesis.openapi.from_dict(_document(), config=config)
    return [op for op in (result.ok() for result in schema.get_all_operations())
            if (op.method.upper(), op.path) not in SKIPPED]


def _has_input(operation) -> bool:
    """Whether there is anything to make invalid."""
    return bool(list(operation.iter_parameters())) or len(operation.body) > 0


OPERATIONS = _operations()
CASES = [pytest.param(op, mode, id=f"{op.method.upper()} {op.path} {mode.value}")
         for op in OPERATIONS for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
         if mode is GenerationMode.POSITIVE or _has_input(op)]


@pytest.fixture(scope="module")
def identities(stack):
    with client(stack) as http:
        admissions = bearer(login(http, "admissions.officer"))
        throwaway, _ = create_student(http, admissions, name="Fuzz Target")
        services = bearer(login(http, "student.services"))
        article = http.post("/api/v1/staff/faq", headers=services, json={
            "category": "portal", "title_en": "Fuzz target", "body_en": "An article the fuzzer may rewrite."})
        assert article.status_code == 201, article.text
        return {"student": bearer(login(http, "22P-123456")), "admissions": admissions,
                "student_services": services, "throwaway": throwaway, "faq_article": str(article.json()["id"]),
                "regional": bearer(login(http, "regional.islamabad")),
                "examinations": bearer(login(http, "exams.officer")),
                "treasury": bearer(login(http, "treasury.officer")),
                "dispatch": bearer(login(http, "dispatch.officer"))}


#: The staff routes of each department other than student services, by path prefix.
STAFF_AUDIENCES = [("/api/v1/staff/admissions", "admissions"), ("/api/v1/staff/semesters", "admissions"),
                   ("/api/v1/staff/courses", "admissions"), ("/api/v1/staff/programs", "admissions"),
                   ("/api/v1/staff/tutors", "regional"), ("/api/v1/staff/exam-centres", "examinations"),
                   ("/api/v1/staff/date-sheets", "examinations"), ("/api/v1/staff/documents", "examinations"),
                   ("/api/v1/staff/results", "examinations"), ("/api/v1/staff/marks", "examinations"),
                   ("/api/v1/staff/exam-cases", "examinations"), ("/api/v1/staff/treasury", "treasury"),
                   ("/api/v1/staff/tracking", "examinations"), ("/api/v1/staff/parcels", "dispatch")]


def _as_whom(operation, identities) -> tuple[dict, dict, dict]:
    """(headers, transport keyword arguments, fixed path parameters) for the operation's audience."""
    path = operation.path
    if path.startswith("/api/v1/bank/"):
        return {}, {"auth": BANK}, {}
    if path == "/api/v1/staff/students":
        return identities["admissions"], {}, {}
    if path.startswith("/api/v1/staff/accounts/"):
        return identities["student_services"], {}, {"username": identities["throwaway"]}
    if path.startswith("/api/v1/staff/faq/"):  # rewrite an article of its own, never the demo's
        return identities["student_services"], {}, {"article_id": identities["faq_article"]}
    for prefix, department in STAFF_AUDIENCES:
        if path.startswith(prefix):
            return identities[department], {}, {}
    if path.endswith("/record"):
        return identities["admissions"], {}, {}
    if path.startswith("/api/v1/staff/"):
        return identities["student_services"], {}, {}
    return identities["student"], {}, {}


def _data_refusal(operation, case, response) -> bool:
    """Whether a refusal of valid input is one of the two the data decides."""
    expected = DATA_REFUSALS.get((operation.method.upper(), operation.path))
    if expected is None or response.status_code != 400 or not case.meta.generation.mode.is_positive:
        return False
    fields, message = expected
    errors = response.json().get("errors", [])
    return bool(errors) and all(e["field"] in fields and (message is None or e["message"].startswith(message))
                                for e in errors)


@pytest.mark.parametrize("operation, mode", CASES)
def test_every_operation_answers_as_documented(operation, mode, stack, identities):
    headers, transport, path_parameters = _as_whom(operation, identities)
    if mode is GenerationMode.NEGATIVE:
        path_parameters = {}  # an invalid username names no account
    strategy = operation.as_strategy(generation_mode=mode, path_parameters=path_parameters or None)
    data_decides = (operation.method.upper(), operation.path) in DATA_REFUSALS

    @given(case=strategy)
    @settings(max_examples=15, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def call(case):
        sent = {**(case.headers or {}), **headers, **FUZZER}
        excluded = [positive_data_acceptance] if data_decides else []
        response = case.call_and_validate(base_url=stack.gateway_url(), headers=sent, checks=ALL_CHECKS,
                                          excluded_checks=excluded, **transport)
        if data_decides and case.meta.generation.mode.is_positive and response.status_code in (400, 422):
            assert _data_refusal(operation, case, response), (
                f"valid input refused: {case.method} {case.formatted_path} -> {response.status_code}: "
                f"{response.text[:400]}")

    call()
