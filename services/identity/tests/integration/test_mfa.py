"""Staff MFA through identity's real gRPC server on PostgreSQL: who must use it, sign-in
with a TOTP code or a recovery code, replays refused, enrolment at sign-in and from the
account page, recovery codes, turning it off."""
import itertools
import time

import pytest
import sqlalchemy as sa

from campus import clock
from campus.errors import FailedPrecondition, InvalidArgument, PermissionDenied, Unauthenticated
from cms.identity.v1 import identity_pb2 as pb
from services import demo
from services.identity import mfa
from services.identity.models import accounts, login_throttle, mfa_credentials, mfa_recovery_codes
from services.identity.tests.integration.support import unique_ip

_staff_numbers = itertools.count(1)


def new_staff(idp, department: str) -> str:
    """A staff member of `department` with the demo password and no MFA yet."""
    username = f"mfa.{department[:8]}.{next(_staff_numbers)}{int(time.time()) % 100000}"
    now = clock.utcnow()
    with idp.runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.insert(accounts).values(
            username=username, kind="staff", full_name="Test Staff", department=department, status="active",
            password_hash=idp.runtime_passwords.hash(demo.PASSWORD), created_at=now, password_changed_at=now))
        uow.commit()
    return username


def code(secret: str, steps_ahead: int = 0) -> str:
    return mfa.totp(secret).at((int(time.time()) // mfa.STEP_SECONDS + steps_ahead) * mfa.STEP_SECONDS)


@pytest.fixture(autouse=True)
def _passwords(idp):
    from services.identity.service import Identity
    idp.runtime_passwords = Identity.from_runtime(idp.runtime).passwords


def test_who_must_use_mfa_follows_the_lock_policy():
    assert mfa.lock_departments() == {"student_services"}
    required = {d for d in ("admissions", "examinations", "treasury", "regional", "dispatch", "student_services")
                if mfa.required_for_department("staff", d)}
    assert required == {"examinations", "treasury", "student_services"}
    assert not mfa.required_for_department("student", "")


def test_demo_staff_who_must_use_mfa_need_a_code_and_get_tokens_with_one(idp):
    for username in ("treasury.officer", "exams.officer", "student.services"):
        ip = unique_ip()
        challenge = idp.login(username, otp="", ip=ip)
        assert challenge.mfa_required and not challenge.access_token and not challenge.refresh_token
        assert not challenge.HasField("mfa_enrolment")  # enrolled by the seed: no secret handed out
        tokens = idp.login(username, otp=code(demo.MFA_SECRET, 1), ip=ip)
        assert tokens.access_token and not tokens.mfa_required and idp.check(tokens)
        assert [e.event for e in idp.audit(username)][-2:] == ["mfa_challenged", "login_succeeded"]


def test_a_code_works_once_and_a_wrong_code_is_a_failed_sign_in(idp):
    username = new_staff(idp, "treasury")
    enrolment = idp.login(username, otp="").mfa_enrolment
    first = code(enrolment.secret)
    idp.login(username, otp=first)
    ip = unique_ip()
    with pytest.raises(Unauthenticated) as replayed:
        idp.login(username, otp=first, ip=ip)  # the same code again
    assert replayed.value.reason == "MFA_CODE_WRONG"
    with pytest.raises(Unauthenticated):
        idp.login(username, otp="000000" if code(enrolment.secret, 1) != "000000" else "111111", ip=ip)
    with idp.runtime.db.sessions() as s:
        assert s.scalar(sa.select(login_throttle.c.failures).where(
            login_throttle.c.username == username, login_throttle.c.ip == ip)) == 2
    assert [e.detail for e in idp.audit(username) if e.event == "login_failed"] == ["wrong one-time code"] * 2
    assert idp.login(username, otp=code(enrolment.secret, 1), ip=ip).access_token  # a later step is fine


def test_a_wrong_password_with_a_right_code_is_refused_as_a_wrong_password(idp):
    username = new_staff(idp, "examinations")
    secret = idp.login(username, otp="").mfa_enrolment.secret
    with pytest.raises(Unauthenticated) as wrong:
        idp.login(username, password="Not-the-password-1", otp=code(secret))
    assert wrong.value.reason == "UNAUTHENTICATED"


def test_enrolment_at_sign_in_hands_out_the_secret_until_confirmed_then_never(idp):
    username = new_staff(idp, "student_services")
    first = idp.login(username, otp="")
    second = idp.login(username, otp="")
    assert first.mfa_required and first.mfa_enrolment.secret
    assert second.mfa_enrolment.secret != first.mfa_enrolment.secret  # each answer a fresh one
    assert second.mfa_enrolment.otpauth_uri.startswith("otpauth://totp/CMS:")
    with pytest.raises(Unauthenticated):
        idp.login(username, otp=code(first.mfa_enrolment.secret))  # the earlier secret is gone
    tokens = idp.login(username, otp=code(second.mfa_enrolment.secret, 1))
    assert tokens.access_token and len(tokens.recovery_codes) == mfa.RECOVERY_CODES
    assert len(set(tokens.recovery_codes)) == mfa.RECOVERY_CODES
    again = idp.login(username, otp="")
    assert again.mfa_required and not again.HasField("mfa_enrolment")
    status = idp.call("GetMfaStatus", pb.GetMfaStatusRequest(), caller=idp.caller(tokens))
    assert (status.enrolled, status.required, status.recovery_codes_left) == (True, True, 10)
    assert not status.HasField("enrolment") and not status.recovery_codes
    with idp.runtime.db.sessions() as s:
        stored = s.scalar(sa.select(mfa_credentials.c.secret_encrypted).join(
            accounts, accounts.c.id == mfa_credentials.c.account_id).where(accounts.c.username == username))
        hashes = list(s.execute(sa.select(mfa_recovery_codes.c.code_hash).join(
            accounts, accounts.c.id == mfa_recovery_codes.c.account_id).where(accounts.c.username == username)
        ).scalars())
    assert second.mfa_enrolment.secret not in stored and stored.startswith("v1.")
    assert not set(tokens.recovery_codes) & set(hashes)
    events = [e.event for e in idp.audit(username)]
    assert events.count("mfa_enrolment_started") == 2 and "mfa_enrolled" in events


def test_a_recovery_code_signs_in_once(idp):
    username = new_staff(idp, "treasury")
    secret = idp.login(username, otp="").mfa_enrolment.secret
    codes = idp.login(username, otp=code(secret)).recovery_codes
    tokens = idp.login(username, otp=codes[3].lower().replace("-", " "))  # as typed
    assert tokens.access_token
    with pytest.raises(Unauthenticated):
        idp.login(username, otp=codes[3])
    status = idp.call("GetMfaStatus", pb.GetMfaStatusRequest(), caller=idp.caller(tokens))
    assert status.recovery_codes_left == 9
    assert "mfa_recovery_code_used" in [e.event for e in idp.audit(username)]


def test_optional_departments_enrol_from_the_account_page_and_may_turn_it_off(idp):
    username = new_staff(idp, "dispatch")
    tokens = idp.login(username, otp="")
    assert tokens.access_token  # optional: not enrolled, no code needed
    me = idp.caller(tokens)
    assert not idp.call("GetMfaStatus", pb.GetMfaStatusRequest(), caller=me).enrolled
    pending = idp.call("BeginMfaEnrolment", pb.BeginMfaEnrolmentRequest(), caller=me)
    secret = pending.enrolment.secret
    assert secret and not pending.enrolled and not pending.required
    with pytest.raises(InvalidArgument) as wrong:
        idp.call("ConfirmMfaEnrolment", pb.MfaCodeRequest(otp="12345x"), caller=me)
    assert wrong.value.field == "otp"
    done = idp.call("ConfirmMfaEnrolment", pb.MfaCodeRequest(otp=code(secret)), caller=me)
    assert done.enrolled and len(done.recovery_codes) == 10 and not done.HasField("enrolment")
    with pytest.raises(FailedPrecondition):
        idp.call("BeginMfaEnrolment", pb.BeginMfaEnrolmentRequest(), caller=me)  # no second secret
    assert idp.login(username, otp="").mfa_required
    used = code(secret, 1)
    fresh = idp.call("RegenerateRecoveryCodes", pb.MfaCodeRequest(otp=used), caller=me)
    assert len(fresh.recovery_codes) == 10 and not set(fresh.recovery_codes) & set(done.recovery_codes)
    with pytest.raises(InvalidArgument):  # a code already used is not a fresh one
        idp.call("DisableMfa", pb.MfaCodeRequest(otp=used), caller=me)
    with pytest.raises(InvalidArgument):  # nor is a recovery code
        idp.call("DisableMfa", pb.MfaCodeRequest(otp=fresh.recovery_codes[0]), caller=me)
    time.sleep(max(0.0, (int(time.time()) // 30 + 1) * 30 - time.time()) + 0.1)  # the next step
    off = idp.call("DisableMfa", pb.MfaCodeRequest(otp=code(secret, 1)), caller=me)
    assert not off.enrolled
    assert idp.login(username, otp="").access_token
    assert {"mfa_enrolled", "mfa_recovery_codes_replaced", "mfa_disabled", "mfa_code_wrong"} <= {
        e.event for e in idp.audit(username)}


def test_departments_that_require_mfa_cannot_turn_it_off(idp):
    username = new_staff(idp, "examinations")
    secret = idp.login(username, otp="").mfa_enrolment.secret
    me = idp.caller(idp.login(username, otp=code(secret)))
    with pytest.raises(FailedPrecondition) as refused:
        idp.call("DisableMfa", pb.MfaCodeRequest(otp=code(secret, 1)), caller=me)
    assert refused.value.reason == "MFA_REQUIRED_FOR_DEPARTMENT"


def test_students_have_no_mfa_pages(idp):
    student = idp.caller(idp.login(demo.STUDENT["registration_number"]))
    with pytest.raises(PermissionDenied):
        idp.call("GetMfaStatus", pb.GetMfaStatusRequest(), caller=student)
    with pytest.raises(PermissionDenied):
        idp.call("BeginMfaEnrolment", pb.BeginMfaEnrolmentRequest(), caller=student)
