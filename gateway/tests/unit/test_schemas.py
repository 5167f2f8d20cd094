"""The documented formats say exactly what the services accept, and the document says
exactly what the gateway answers: checked here against the services' own rules."""
import datetime as dt
import re

import email_validator
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campus import identifiers, testing
from campus.errors import InvalidArgument
from campus.grpc_client import ServiceClients
from cms.exams.v1 import exams_pb2
from cms.finance.v1 import finance_pb2
from cms.requests.v1 import requests_pb2
from gateway import schemas
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.context import Gateway
from services.requests.domain import parse_request_number
from services.tracking.domain import parse_tracking_id

FAST = settings(max_examples=300, deadline=None, derandomize=True, database=None)


def _strptime_ok(value: str, layout: str) -> bool:
    try:
        dt.datetime.strptime(value, layout)
        return True
    except ValueError:
        return False


@pytest.mark.parametrize("year", ["0001", "0004", "0100", "0400", "1900", "2000", "2024", "2026", "9999", "0000"])
def test_a_bank_date_matches_exactly_when_finance_can_read_it(year):
    pattern = re.compile(schemas.YYYYMMDD)
    for month_day in range(10000):
        value = f"{year}{month_day:04d}"
        assert bool(pattern.match(value)) == _strptime_ok(value, "%Y%m%d"), value


def test_a_bank_time_matches_exactly_when_finance_can_read_it():
    pattern = re.compile(schemas.HHMMSS)
    for hour in range(100):
        for minute in range(100):
            for second in (0, 9, 30, 59, 60, 61, 99):
                value = f"{hour:02d}{minute:02d}{second:02d}"
                assert bool(pattern.match(value)) == _strptime_ok(value, "%H%M%S"), value


@FAST
@given(st.from_regex(schemas.EMAIL, fullmatch=True))
def test_every_documented_email_is_one_identity_accepts(address):
    email_validator.validate_email(address, check_deliverability=False)


@pytest.mark.parametrize("address", ["a@b.test", "a@b.LOCAL", "a@b.localhost", "a@b.invalid", "a@b.onion",
                                     "a@b.arpa", "a@ab--cd.pk", "a..b@c.pk", "a@b", "a b@c.pk"])
def test_what_identity_refuses_is_not_documented_as_an_email(address):
    assert not re.match(schemas.EMAIL, address)


@pytest.mark.parametrize("address", ["ayesha@example.pk", "first.last+tag@mail.aiou.edu.pk", "a@b.info",
                                     "x_y@students.online", "a@b.tests"])
def test_ordinary_addresses_are_documented(address):
    assert re.match(schemas.EMAIL, address)


@FAST
@given(st.from_regex(schemas.USERNAME, fullmatch=True))
def test_every_documented_username_is_one_identity_accepts(name):
    identifiers.username(name)


@FAST
@given(st.from_regex(schemas.REQUEST_NUMBER, fullmatch=True))
def test_every_documented_request_number_is_accepted(number):
    parse_request_number(number)


@FAST
@given(st.from_regex(schemas.TRACKING_ID, fullmatch=True))
def test_every_documented_tracking_id_is_accepted(tracking_id):
    parse_tracking_id(tracking_id)


@FAST
@given(st.text(max_size=12))
def test_filled_text_is_what_the_gateway_and_the_services_keep_and_require(value):
    kept = not identifiers.CONTROL.search(value)  # the gateway refuses control characters anywhere
    try:
        identifiers.text(value, "reason", max_length=200, required=True)
    except InvalidArgument:
        kept = False
    assert bool(re.match(schemas.FILLED_TEXT, value)) == kept


@pytest.mark.parametrize("value", ["   ", "\u3000\u00a0", "\n\t"])
def test_blank_text_is_not_filled(value):
    assert not re.match(schemas.FILLED_TEXT, value)
    assert re.match(schemas.TEXT, value)


def test_unicode_digits_are_no_identifiers():
    # "٢٢" are Arabic-Indic digits: Python's \d would take them.
    with pytest.raises(InvalidArgument):
        identifiers.registration_number("٢٢P-123456")


# -- one description of each response --------------------------------------------------
def test_a_request_without_history_has_no_history_key_and_one_with_has():
    message = requests_pb2.ServiceRequest(request_number="SR-2026-000001", status="awaiting_payment",
                                          category="other_fee_challan", subtype="degree_fee_urgent")
    message.challan.consumer_number, message.challan.amount_paisa = "100710000000000025", 200000
    message.challan.due_date = "2026-12-15"
    summary = schemas.RequestSummary.from_message(message).body()
    assert "history" not in summary
    assert summary["challan"] == {"consumer_number": "100710000000000025", "amount": 200000,
                                  "amount_display": "Rs 2,000", "currency": "PKR", "due_date": "2026-12-15"}
    assert schemas.RequestView.from_message(message).body()["history"] == []
    assert schemas.RequestSummary.from_message(requests_pb2.ServiceRequest()).body()["challan"] is None


def test_component_marks_are_null_where_not_shown():
    response = exams_pb2.GetResultsResponse()
    semester = response.semesters.add(semester="Autumn 2019", published_on="2020-02-01")
    semester.courses.add(course_code="0411", grade="B", components_shown=False, assignment_marks=20)
    body = schemas.Results.from_message(response).body()
    course = body["semesters"][0]["courses"][0]
    assert body["semesters"][0]["gpa"] is None
    assert (course["assignment_marks"], course["final_exam_marks"], course["total_marks"]) == (None, None, None)


def test_the_bank_answer_for_an_unknown_consumer_is_its_code_alone():
    answer = finance_pb2.BillInquiryResponse(response_code="01")
    assert schemas.BillInquiryAnswer.from_message(answer).body() == {"response_Code": "01"}
    found = schemas.BillInquiryAnswer.from_message(finance_pb2.BillInquiryResponse(
        response_code="00", bill_status="U", amount_within_due_date_paisa=200000)).body()
    assert found["amount_within_dueDate"] == "+0000000200000" and found["amount_paid"] == ""
    assert len(found) == 11


# -- the document ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def document():
    config = GatewayConfig(environment="test")
    clients = ServiceClients(testing.service_tokens("gateway"))
    app = create_app(config, Gateway(config, clients, testing.TestUsers().verifier))
    return app.test_client().get("/api/v1/openapi.json").get_json()


def _operations(document):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            yield f"{method.upper()} {path}", operation


def test_every_error_is_problem_details_and_no_answer_is_spectree_s_own(document):
    for name, operation in _operations(document):
        for status, response in operation["responses"].items():
            media = set(response.get("content", {}))
            ref = str(response.get("content", {}))
            assert "ValidationError" not in ref, name
            if status.startswith(("4", "5")) and status != "414" and not name.endswith("/readyz"):
                assert media == {"application/problem+json"}, (name, status)
            if "ProblemDetails" in ref:
                assert media == {"application/problem+json"}, (name, status)
    assert not [key for key in document["components"]["schemas"] if key.startswith("ValidationError")]


def test_every_path_parameter_has_its_format(document):
    for name, operation in _operations(document):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                assert parameter["schema"].get("pattern"), (name, parameter["name"])


def test_filing_documents_the_optional_idempotency_key_and_its_limit(document):
    parameters = document["paths"]["/api/v1/me/requests"]["post"]["parameters"]
    key = next(p for p in parameters if p["name"] == "Idempotency-Key")
    assert key["in"] == "header" and not key.get("required")
    assert key["schema"]["anyOf"][0]["maxLength"] == 80


def test_the_results_route_documents_its_304_and_etag(document):
    responses = document["paths"]["/api/v1/me/results"]["get"]["responses"]
    assert "ETag" in responses["304"]["headers"] and "ETag" in responses["200"]["headers"]


def test_a_partner_url_the_schema_accepts_is_one_the_gateway_reads():
    # The gateway refuses control characters in any JSON field before anything else, so the
    # schema must not call such a URL valid (a caller refused for it would never hear 403).
    from pydantic import ValidationError

    from gateway.schemas import PartnerBody
    assert PartnerBody(name="LMS", url="https://lms.example.pk/in", events=["result_published"])
    for url in ("https://lms.example.pk/\x01", "https://lms\x7f.example.pk", "https://lms example.pk"):
        with pytest.raises(ValidationError):
            PartnerBody(name="LMS", url=url, events=["result_published"])
