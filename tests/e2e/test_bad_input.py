"""Bad input everywhere gets a 4xx problem details body naming the field, never a 500,
and writes nothing."""
import pytest

from tests.stack import bearer, login

BANK = ("ABL", "Demo@2026")
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def student(stack):
    from tests.stack import client
    with client(stack) as http:
        return bearer(login(http, "22P-123456"))


def assert_problem(response, status, field=None):
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"]
    if field is not None:
        assert field in [e["field"] for e in body.get("errors", [])], body
    return body


@pytest.mark.parametrize("path", ["/api/v1/auth/login", "/api/v1/auth/password/forgot", "/api/v1/auth/refresh",
                                  "/api/v1/auth/activate", "/api/v1/auth/password/reset"])
def test_malformed_json_on_public_endpoints(http, path):
    assert_problem(http.post(path, content='{"username": ', headers={"Content-Type": "application/json"}), 400, "body")
    assert_problem(http.post(path, content="username=x", headers={"Content-Type": "text/plain"}), 415)
    assert_problem(http.post(path, json=[1, 2]), 400, "body")


@pytest.mark.parametrize("body, field", [
    ({"username": 22, "password": "x"}, "username"),
    ({"username": "22P-123456"}, "password"),
    ({"username": "22P-123456", "password": "p" * 129}, "password"),
    ({"username": "u" * 65, "password": "x"}, "username"),
    ({"username": "22P-123456", "password": "x", "admin": True}, "admin"),
])
def test_login_field_errors(http, body, field):
    assert_problem(http.post("/api/v1/auth/login", json=body), 400, field)


def test_a_malformed_registration_number_names_the_field(http):
    assert_problem(http.post("/api/v1/auth/login", json={"username": "22P-12", "password": "Demo@2026"}), 400,
                   "username")


def test_wrong_credentials_are_401_problem(http):
    body = assert_problem(http.post("/api/v1/auth/login", json={"username": "22P-999999", "password": "Nope12345"}),
                          401)
    assert "password" in body["detail"].lower()


@pytest.mark.parametrize("body, field", [
    ({"category": "no_such_category", "subtype": "general_query"}, "category"),
    ({"category": "other_fee_challan", "subtype": "no_such_subtype"}, "subtype"),
    ({"category": "fee_refund", "subtype": "degree_fee_urgent"}, "subtype"),
    ({"category": "general_query", "subtype": "general_query", "details": "x" * 2001}, "details"),
    ({"category": 7, "subtype": "general_query"}, "category"),
    ({"category": "GENERAL QUERY!", "subtype": "general_query"}, "category"),
    ({"subtype": "general_query"}, "category"),
    ({"category": "general_query", "subtype": "general_query", "details": ["a"]}, "details"),
])
def test_filing_field_errors_write_nothing(http, student, body, field):
    before = len(http.get("/api/v1/me/requests", headers=student).json()["requests"])
    assert_problem(http.post("/api/v1/me/requests", headers=student, json=body), 400, field)
    assert len(http.get("/api/v1/me/requests", headers=student).json()["requests"]) == before


@pytest.mark.parametrize("body, field", [
    ({"category": "general_query", "subtype": "general_query", "details": "a\u0000b"}, "details"),
    ({"category": "general_query", "subtype": "general_query", "details": "bell\u0007"}, "details"),
])
def test_control_characters_are_refused_before_anything_is_written(http, student, body, field):
    before = len(http.get("/api/v1/me/requests", headers=student).json()["requests"])
    assert_problem(http.post("/api/v1/me/requests", headers=student, json=body), 400, field)
    assert len(http.get("/api/v1/me/requests", headers=student).json()["requests"]) == before


def test_line_breaks_in_details_are_fine(http, student):
    filed = http.post("/api/v1/me/requests", headers=student, json={
        "category": "general_query", "subtype": "general_query", "details": "Dear sir,\n\tmy question..."})
    assert filed.status_code == 201 and filed.json()["details"].startswith("Dear sir,\n")


def test_a_negative_bank_amount_is_refused_with_04(http):
    problem = assert_problem(http.post("/api/v1/bank/bill-payment", auth=BANK, json={
        "consumer_number": "100710000000000017", "bank_mnemonic": "ABL", "tran_auth_id": "NEG001",
        "transaction_amount": "-0000000012000", "tran_date": "20261125", "tran_time": "101500"}), 400,
        "transaction_amount")
    assert problem["response_Code"] == "04"


def test_overlong_idempotency_key(http, student):
    assert_problem(http.post("/api/v1/me/requests", headers={**student, "Idempotency-Key": "k" * 81},
                             json={"category": "general_query", "subtype": "general_query"}), 400, "Idempotency-Key")


def test_bad_path_parameters(http, student):
    assert_problem(http.get("/api/v1/me/requests/not-a-number", headers=student), 400, "request_number")
    assert_problem(http.get("/api/v1/me/challans/12ab", headers=student), 400, "consumer_number")


def test_bad_tokens(http):
    assert_problem(http.get("/api/v1/me/dashboard", headers={"Authorization": "Bearer not.a.jwt"}), 401)
    assert_problem(http.get("/api/v1/me/dashboard", headers={"Authorization": "Basic eDp5"}), 401)
    forged = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIyMlAtMTIzNDU2Iiwia2luZCI6InN0dWRlbnQifQ.x"
    assert_problem(http.get("/api/v1/me/dashboard", headers={"Authorization": f"Bearer {forged}"}), 401)


@pytest.mark.parametrize("change, field", [
    ({"transaction_amount": "200000"}, "transaction_amount"),
    ({"transaction_amount": 200000}, "transaction_amount"),
    ({"tran_date": "2026-11-25"}, "tran_date"),
    ({"tran_time": "10:15"}, "tran_time"),
    ({"tran_auth_id": "TOOLONG1"}, "tran_auth_id"),
    ({"consumer_number": "1234567890123456789"}, "consumer_number"),
    ({"bank_mnemonic": "ABL-BANK-X"}, "bank_mnemonic"),
])
def test_bank_payment_field_errors_carry_response_code_04(http, change, field):
    body = {"consumer_number": "100710000000000017", "bank_mnemonic": "ABL", "tran_auth_id": "BAD001",
            "transaction_amount": "+0000000200000", "tran_date": "20261125", "tran_time": "101500", **change}
    problem = assert_problem(http.post("/api/v1/bank/bill-payment", auth=BANK, json=body), 400, field)
    assert problem["response_Code"] == "04"


def test_bank_authentication(http):
    body = {"consumer_number": "100710000000000017", "bank_mnemonic": "ABL"}
    assert assert_problem(http.post("/api/v1/bank/bill-inquiry", json=body), 401)["response_Code"] == "04"
    assert_problem(http.post("/api/v1/bank/bill-inquiry", auth=("ABL", "wrong-secret"), json=body), 401)
    assert_problem(http.post("/api/v1/bank/bill-inquiry", auth=BANK, json={**body, "bank_mnemonic": "HBL"}), 403,
                   "bank_mnemonic")


def test_unknown_consumer_number_is_01_not_an_error(http):
    answer = http.post("/api/v1/bank/bill-inquiry", auth=BANK, json={"consumer_number": "100719999999999999",
                                                                     "bank_mnemonic": "ABL"})
    assert answer.status_code == 200 and answer.json()["response_Code"] == "01"


def test_staff_create_student_field_errors(http):
    staff = bearer(login(http, "admissions.officer"))
    for body, field in [({"registration_number": "22-123456", "full_name": "A B", "email": "a@b.pk"},
                         "registration_number"),
                        ({"registration_number": "24B-000002", "full_name": "A B", "email": "not-an-email"}, "email"),
                        ({"registration_number": "24B-000003", "full_name": "A" * 121, "email": "a@b.pk"},
                         "full_name")]:
        assert_problem(http.post("/api/v1/staff/students", headers=staff, json=body), 400, field)
    other_department = bearer(login(http, "treasury.officer"))
    assert_problem(http.post("/api/v1/staff/students", headers=other_department, json={
        "registration_number": "24B-000004", "full_name": "A B", "email": "a@b.pk"}), 403)


def test_unknown_routes_and_methods_are_problems(http):
    assert_problem(http.get("/api/v1/nothing-here"), 404)
    assert_problem(http.delete("/api/v1/auth/login"), 405)


def test_oversized_body_is_413(http):
    assert_problem(http.post("/api/v1/auth/login", content=b'{"username": "' + b"x" * 70000 + b'"}',
                             headers={"Content-Type": "application/json"}), 413)
