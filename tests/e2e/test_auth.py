"""Signing in and everything around it, through the gateway, with identity's real mail."""
import re

import pytest

from campus import testing
from tests.stack import (
    NEW_PASSWORD,
    activated_student,
    activation_code,
    bearer,
    create_student,
    login,
    new_regno,
    wait_for_mail,
)


def refused_soon(http, tokens) -> bool:
    """Revocation reaches every gateway worker within its session-check window."""
    return testing.wait_until(lambda: http.get("/api/v1/auth/me", headers=bearer(tokens)).status_code == 401,
                              timeout=10, what="the old token to be refused")


@pytest.fixture
def admissions(http):
    return bearer(login(http, "admissions.officer"))


def test_login_answers_the_pinned_shape(http):
    tokens = login(http, "22P-123456")
    assert tokens["token_type"] == "Bearer" and isinstance(tokens["expires_in"], int) and tokens["refresh_token"]
    assert tokens["account"]["username"] == "22P-123456" and tokens["account"]["kind"] == "student"
    me = http.get("/api/v1/auth/me", headers=bearer(tokens)).json()
    assert me["status"] == "active"


def test_unknown_user_and_wrong_password_look_the_same(http):
    unknown = http.post("/api/v1/auth/login", json={"username": new_regno(), "password": "Whatever123"})
    wrong = http.post("/api/v1/auth/login", json={"username": "exams.officer", "password": "Whatever123"})
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json()["detail"] == wrong.json()["detail"]


def test_first_sign_in_with_an_activation_code(http, stack, admissions):
    regno, mail = create_student(http, admissions)
    code = activation_code(stack, mail)
    refused = http.post("/api/v1/auth/login", json={"username": regno, "password": code})
    assert refused.status_code == 403 and refused.json()["code"] == "PASSWORD_CHANGE_REQUIRED"
    activated = http.post("/api/v1/auth/activate", json={"username": regno, "code": code,
                                                         "new_password": NEW_PASSWORD})
    assert activated.status_code == 200, activated.text
    assert http.get("/api/v1/me/dashboard", headers=bearer(activated.json())).status_code == 200
    assert http.post("/api/v1/auth/activate", json={"username": regno, "code": code,
                                                    "new_password": "Another2026x"}).status_code in (400, 401, 409)
    assert login(http, regno, NEW_PASSWORD)["account"]["status"] == "active"


def test_first_sign_in_with_the_legacy_initial_password(http, admissions):
    regno, _ = create_student(http, admissions, policy="legacy", name="Ayesha Siddiqui")
    legacy = "ui" + regno[-4:]  # last two characters of the name, last four digits of the number
    refused = http.post("/api/v1/auth/login", json={"username": regno, "password": legacy})
    assert refused.status_code == 403 and refused.json()["code"] == "PASSWORD_CHANGE_REQUIRED"
    activated = http.post("/api/v1/auth/activate", json={"username": regno, "code": legacy,
                                                         "new_password": NEW_PASSWORD})
    assert activated.status_code == 200, activated.text


def test_refresh_rotates_and_a_reused_refresh_token_ends_the_session(http):
    first = login(http, "22P-123456")
    second = http.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200 and second.json()["refresh_token"] != first["refresh_token"]
    reused = http.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reused.status_code == 401
    refused_soon(http, second.json())


def test_logout_ends_the_session(http):
    tokens = login(http, "22P-123456")
    assert http.post("/api/v1/auth/logout", headers=bearer(tokens)).status_code == 204
    refused_soon(http, tokens)
    assert http.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).status_code == 401


def test_forgot_and_reset_password(http, stack, admissions):
    regno, mail, _, before = activated_student(http, stack, admissions)
    answers = [http.post("/api/v1/auth/password/forgot", json={"username": name}) for name in (regno, new_regno())]
    assert [a.status_code for a in answers] == [202, 202] and answers[0].json() == answers[1].json()
    token = re.search(r"reset-password#token=(\S+)", wait_for_mail(stack, mail, count=2)).group(1)
    assert http.post("/api/v1/auth/password/reset", json={"token": token,
                                                          "new_password": "Karachi2026xyz"}).status_code == 204
    refused_soon(http, before)  # a reset ends every session
    assert login(http, regno, "Karachi2026xyz")
    again = http.post("/api/v1/auth/password/reset", json={"token": token, "new_password": "Quetta2026xyz"})
    assert again.status_code == 400 and again.json()["errors"][0]["field"] == "token"


def test_changing_the_password_ends_the_other_sessions(http, stack, admissions):
    regno, _, _, phone = activated_student(http, stack, admissions)
    laptop = login(http, regno, NEW_PASSWORD)
    changed = http.post("/api/v1/auth/password/change", headers=bearer(laptop), json={
        "current_password": NEW_PASSWORD, "new_password": "Multan2026xyz"})
    assert changed.status_code == 200
    refused_soon(http, phone)
    assert http.get("/api/v1/auth/me", headers=bearer(changed.json())).status_code == 200
    weak = http.post("/api/v1/auth/password/change", headers=bearer(changed.json()), json={
        "current_password": "Multan2026xyz", "new_password": "password"})
    assert weak.status_code == 400 and weak.json()["errors"][0]["field"] == "new_password"


def test_a_locked_account_is_signed_out_and_cannot_sign_in(http, stack, admissions):
    regno, _, code, tokens = activated_student(http, stack, admissions)
    services = bearer(login(http, "student.services"))
    assert http.post(f"/api/v1/staff/accounts/{regno}/lock", headers=admissions,
                     json={"reason": "reported stolen"}).status_code == 403
    locked = http.post(f"/api/v1/staff/accounts/{regno}/lock", headers=services, json={"reason": "reported stolen"})
    assert locked.status_code == 200 and locked.json()["status"] == "locked"
    refused_soon(http, tokens)
    attempt = http.post("/api/v1/auth/login", json={"username": regno, "password": NEW_PASSWORD})
    assert attempt.status_code == 423 and attempt.json()["code"] == "ACCOUNT_LOCKED"
    assert http.post(f"/api/v1/staff/accounts/{regno}/unlock", headers=services).json()["status"] == "active"
    assert login(http, regno, NEW_PASSWORD)
    audit = http.get(f"/api/v1/staff/accounts/{regno}/audit", headers=services).json()["events"]
    events = {e["event"] for e in audit}
    assert {"account_created", "activation_completed", "account_locked", "account_unlocked",
            "login_succeeded"} <= events
    assert NEW_PASSWORD not in str(audit) and code not in str(audit)


def test_repeated_failures_throttle_the_source_not_the_account(http, stack, admissions):
    regno, _, _, _ = activated_student(http, stack, admissions)
    statuses = [http.post("/api/v1/auth/login", json={"username": regno, "password": "Wrong2026xx"},
                          headers={"X-Forwarded-For": "203.0.113.9"}).status_code for _ in range(7)]
    assert statuses[:5] == [401] * 5 and statuses[-1] == 429
    attacker = http.post("/api/v1/auth/login", json={"username": regno, "password": NEW_PASSWORD},
                         headers={"X-Forwarded-For": "203.0.113.9"})
    assert attacker.status_code == 429 and int(attacker.headers["Retry-After"]) > 0
    # The owner, elsewhere, is not locked out by someone guessing at their account.
    owner = http.post("/api/v1/auth/login", json={"username": regno, "password": NEW_PASSWORD},
                      headers={"X-Forwarded-For": "198.51.100.7"})
    assert owner.status_code == 200, owner.text


# -- staff MFA (pinned: login takes an optional otp) -----------------------------------------
def test_staff_who_must_use_mfa_get_mfa_required_without_a_code(http):
    answer = http.post("/api/v1/auth/login", json={"username": "treasury.officer", "password": "Demo@2026"})
    assert answer.status_code == 401 and answer.headers["Content-Type"] == "application/problem+json"
    body = answer.json()
    assert body["mfa_required"] is True and body["code"] == "MFA_REQUIRED" and "access_token" not in body
    assert "mfa_enrolment" not in body  # enrolled (demo secret): no secret handed out
    assert answer.headers["Cache-Control"] == "no-store"


def test_staff_sign_in_with_a_code_and_a_wrong_code_fails(http):
    from tests import otp
    tokens = login(http, "exams.officer")  # sends the next code of the demo secret
    assert tokens["account"]["department"] == "examinations"
    used = otp.code_for("exams.officer")
    assert http.post("/api/v1/auth/login", json={"username": "exams.officer", "password": "Demo@2026",
                                                 "otp": used}).status_code == 200
    again = http.post("/api/v1/auth/login", json={"username": "exams.officer", "password": "Demo@2026",
                                                  "otp": used})
    assert again.status_code == 401 and again.json()["code"] == "MFA_CODE_WRONG"
    assert http.post("/api/v1/auth/login", json={"username": "exams.officer", "password": "Demo@2026",
                                                 "otp": "12"}).status_code == 400


def test_students_and_optional_departments_sign_in_without_a_code(http):
    assert login(http, "22P-123456")["access_token"]
    assert login(http, "admissions.officer")["access_token"]
