"""Accounts through identity's real gRPC server on PostgreSQL: creation, locking, look-ups,
the audit log, bad input and the demo seed."""
import pytest
import sqlalchemy as sa

from campus.errors import (
    AlreadyExists,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    Unauthenticated,
)
from cms.identity.v1 import identity_pb2 as pb
from services import demo
from services.identity.bootstrap import SERVICE
from services.identity.models import accounts, audit_events, mail_outbox, sessions
from services.identity.tests.integration.support import NEW_PASSWORD, unique_ip, unique_regno


def lock(idp, username, caller=None, reason="fee fraud under investigation"):
    return idp.call("LockAccount", pb.LockAccountRequest(username=username, reason=reason),
                    caller=caller or idp.staff("student_services"))


def test_lock_ends_every_session_and_publishes_account_locked(idp):
    username, first = idp.active_student()
    second = idp.login(username, NEW_PASSWORD)
    assert lock(idp, username).status == "locked"
    assert not idp.check(first) and not idp.check(second)
    with pytest.raises(Unauthenticated):
        idp.call("Refresh", pb.RefreshRequest(refresh_token=second.refresh_token))
    [event] = [e["data"] for e in idp.outbox("account_locked") if e["data"]["username"] == username]
    assert (event["locked_by"], event["reason"], event["kind"]) == (
        "student.services", "fee fraud under investigation", "student")
    with pytest.raises(FailedPrecondition) as locked:
        idp.login(username, NEW_PASSWORD)
    assert locked.value.reason == "ACCOUNT_LOCKED"
    with pytest.raises(Unauthenticated) as wrong:  # a wrong password learns nothing of the lock
        idp.login(username, "Guess-1234", ip=unique_ip())
    assert wrong.value.message == "wrong username or password"
    lock(idp, username)  # locking again changes nothing
    assert len([e for e in idp.outbox("account_locked") if e["data"]["username"] == username]) == 1


def test_unlock_lets_the_student_back_in(idp):
    username, before_lock = idp.active_student()
    lock(idp, username)
    account = idp.call("UnlockAccount", pb.UnlockAccountRequest(username=username),
                       caller=idp.staff("student_services"))
    assert account.status == "active"
    assert not idp.check(before_lock)  # revoked by the lock, not merely hidden while locked
    assert idp.login(username, NEW_PASSWORD).account.status == "active"
    events = [e.event for e in idp.audit(username)]
    assert "account_locked" in events and "account_unlocked" in events


def test_only_student_services_lock_accounts(idp):
    username, tokens = idp.active_student()
    for caller in (idp.staff("admissions"), idp.caller(tokens)):
        with pytest.raises(PermissionDenied):
            lock(idp, username, caller=caller)
    with pytest.raises(NotFound):
        lock(idp, "99X-999999")


def test_banks_can_be_locked_too(idp):
    lock(idp, "ABL")
    with pytest.raises(FailedPrecondition) as locked:
        idp.call("AuthenticateBank", pb.AuthenticateBankRequest(bank_mnemonic="ABL", secret=demo.PASSWORD))
    assert locked.value.reason == "ACCOUNT_LOCKED"
    idp.call("UnlockAccount", pb.UnlockAccountRequest(username="ABL"), caller=idp.staff("student_services"))
    idp.call("AuthenticateBank", pb.AuthenticateBankRequest(bank_mnemonic="ABL", secret=demo.PASSWORD))


def test_staff_find_a_bank_by_its_mnemonic_as_written(idp):
    """Bank ABL is stored as ABL: GetAccount, LockAccount and ListAuditEvents find it so."""
    staff = idp.staff("student_services")
    bank = idp.call("GetAccount", pb.GetAccountRequest(username=" ABL "), caller=staff)
    assert (bank.username, bank.kind) == ("ABL", "bank")
    idp.call("AuthenticateBank", pb.AuthenticateBankRequest(bank_mnemonic="ABL", secret=demo.PASSWORD))
    events = idp.call("ListAuditEvents", pb.ListAuditEventsRequest(username="ABL", limit=500), caller=staff).events
    assert events and {e.username for e in events} == {"ABL"} and "bank_authenticated" in {e.event for e in events}
    with pytest.raises(NotFound):  # a staff-style name is another account altogether
        idp.call("GetAccount", pb.GetAccountRequest(username="abl"), caller=staff)


def test_who_may_create_student_accounts(idp, as_enrollment):
    request = pb.CreateStudentAccountRequest(registration_number=unique_regno(), full_name="Saira Bano",
                                             email="saira@example.pk", initial_password_policy="legacy")
    _, student = idp.active_student()
    for caller in (idp.caller(student), idp.staff("treasury")):
        with pytest.raises(PermissionDenied):
            idp.call("CreateStudentAccount", request, caller=caller)
    with pytest.raises(Unauthenticated):  # the gateway opens none by itself: admissions do, through it
        idp.call("CreateStudentAccount", request)
    # Enrollment opens the account of a student it admits (issue 8), as itself on its sweep.
    opened_by_enrollment = as_enrollment.call("identity", "CreateStudentAccount", pb.CreateStudentAccountRequest(
        registration_number=unique_regno(), full_name="Sana Bibi", email="sana@example.pk"))
    assert opened_by_enrollment.status == "activation_pending"
    admissions = idp.staff("admissions")
    created = idp.call("CreateStudentAccount", request, caller=admissions)
    assert (created.kind, created.status) == ("student", "password_change_required")
    assert idp.call("CreateStudentAccount", request, caller=admissions) == created  # a retry
    request.full_name = "Someone Else"
    with pytest.raises(AlreadyExists) as taken:
        idp.call("CreateStudentAccount", request, caller=admissions)
    assert taken.value.field == "registration_number"


def test_get_account_for_oneself_or_staff(idp):
    username, tokens = idp.active_student()
    mine = idp.call("GetAccount", pb.GetAccountRequest(username=username), caller=idp.caller(tokens))
    assert (mine.username, mine.kind, mine.last_login_at != "") == (username, "student", True)
    with pytest.raises(PermissionDenied):
        idp.call("GetAccount", pb.GetAccountRequest(username=demo.STUDENT["registration_number"]),
                 caller=idp.caller(tokens))
    staff = idp.call("GetAccount", pb.GetAccountRequest(username="treasury.officer"), caller=idp.staff("dispatch"))
    assert (staff.kind, staff.department) == ("staff", "treasury")


def test_audit_log_lists_events_and_never_a_secret(idp, identity_runtime):
    account = idp.create_student("activation")
    code = idp.mails_to(account.email)[0].get_content().split("choose your password:")[1].split()[0]
    tokens = idp.call("Activate", pb.ActivateRequest(username=account.username, code=code, new_password=NEW_PASSWORD,
                                                     client=pb.ClientInfo(ip="192.0.2.55", user_agent="Firefox")))
    refreshed = idp.call("Refresh", pb.RefreshRequest(refresh_token=tokens.refresh_token))
    with pytest.raises(Unauthenticated):
        idp.login(account.username, "Wrong-Guess-1", ip=unique_ip())
    listed = idp.call("ListAuditEvents", pb.ListAuditEventsRequest(username=account.username, limit=10),
                      caller=idp.staff("student_services")).events
    assert [e.event for e in listed] == ["login_failed", "token_refreshed", "activation_completed",
                                         "account_created"]
    assert listed[2].ip == "192.0.2.55"
    secrets = [code, NEW_PASSWORD, "Wrong-Guess-1", tokens.refresh_token, refreshed.refresh_token,
               tokens.access_token, demo.PASSWORD]
    with identity_runtime.db.sessions() as s:
        rows = s.execute(sa.select(audit_events)).all()
    text = " ".join(str(tuple(r)) for r in rows)
    assert rows and not [secret for secret in secrets if secret in text]
    with pytest.raises(PermissionDenied):
        idp.call("ListAuditEvents", pb.ListAuditEventsRequest(username=account.username),
                 caller=idp.staff("admissions"))


@pytest.mark.parametrize("method, request_, field", [
    ("Login", pb.LoginRequest(username="22-123456 x", password="x"), "username"),
    ("Login", pb.LoginRequest(username=demo.STUDENT["registration_number"], password="p" * 300), "password"),
    ("Login", pb.LoginRequest(username=demo.STUDENT["registration_number"], password=""), "password"),
    ("Login", pb.LoginRequest(username="22P-123456", password="x", client=pb.ClientInfo(ip="not-an-ip")),
     "client.ip"),
    ("Refresh", pb.RefreshRequest(refresh_token="r" * 1000), "refresh_token"),
    ("CheckSession", pb.CheckSessionRequest(session_id="s" * 100), "session_id"),
    ("AuthenticateBank", pb.AuthenticateBankRequest(bank_mnemonic="NOT A BANK", secret="x"), "bank_mnemonic"),
    ("RequestPasswordReset", pb.RequestPasswordResetRequest(username="a" * 100), "username"),
])
def test_bad_input_from_the_public_names_the_field(idp, method, request_, field):
    with pytest.raises(InvalidArgument) as bad:
        idp.call(method, request_)
    assert bad.value.field == field


def test_whatever_the_client_info_holds_an_attempt_gets_an_answer(idp):
    """The user agent is the browser's to choose and the gateway forwards it: a NUL, which
    PostgreSQL cannot store, or an address with a long zone must not break the audit."""
    hostile = [pb.ClientInfo(ip=unique_ip(), user_agent="Mozilla/5.0\x00\x1b[2J"),
               pb.ClientInfo(ip="fe80::1%" + "x" * 60, user_agent="pytest")]
    for client in hostile:
        with pytest.raises(Unauthenticated):
            idp.call("Login", pb.LoginRequest(username="22P-123456", password="Wrong-Guess-1", client=client))
    events = [e for e in idp.audit("22P-123456") if e.event == "login_failed"][-2:]
    assert [(e.ip, e.user_agent) for e in events] == [(hostile[0].ip, "Mozilla/5.0[2J"), ("fe80::1", "pytest")]


@pytest.mark.parametrize("change, field", [
    ({"registration_number": "22-123456"}, "registration_number"),
    ({"full_name": "A" * 121}, "full_name"),
    ({"full_name": ""}, "full_name"),
    ({"email": "not-an-email"}, "email"),
    ({"email": ""}, "email"),               # the activation code has to go somewhere
    ({"mobile": "call me"}, "mobile"),
    ({"initial_password_policy": "none"}, "initial_password_policy"),
])
def test_bad_account_details_name_the_field(idp, change, field):
    request = pb.CreateStudentAccountRequest(registration_number=unique_regno(), full_name="Saira Bano",
                                             email="saira@example.pk", mobile="0300-1234567")
    for key, value in change.items():
        setattr(request, key, value)
    with pytest.raises(InvalidArgument) as bad:
        idp.call("CreateStudentAccount", request, caller=idp.staff("admissions"))
    assert bad.value.field == field


def test_audit_limit_is_checked(idp):
    with pytest.raises(InvalidArgument) as bad:
        idp.call("ListAuditEvents", pb.ListAuditEventsRequest(limit=100000), caller=idp.staff("student_services"))
    assert bad.value.field == "limit"


def test_seed_is_idempotent_and_everyone_can_sign_in(idp, identity_runtime):
    def snapshot():
        with identity_runtime.db.sessions() as s:
            return s.execute(sa.select(accounts.c.username, accounts.c.password_hash, accounts.c.status)
                             .order_by(accounts.c.username)).all()
    before = snapshot()
    SERVICE.seed_function()(identity_runtime)
    assert snapshot() == before
    for staff in demo.STAFF:
        signed_in = idp.caller(idp.login(staff["username"]))
        assert (signed_in.department, signed_in.centre) == (staff["department"], staff.get("centre", ""))
    seeded = {r.username: r.status for r in before}
    assert {demo.STUDENT["registration_number"], "ABL", *(s["username"] for s in demo.STAFF)} <= set(seeded)


def test_nothing_secret_is_left_in_sessions_or_sent_mail(identity_runtime):
    with identity_runtime.db.sessions() as s:
        assert not s.scalar(sa.select(sa.func.count()).select_from(mail_outbox).where(
            mail_outbox.c.status == "sent", mail_outbox.c.body != ""))
        assert s.scalar(sa.select(sa.func.count()).select_from(sessions)) > 0
