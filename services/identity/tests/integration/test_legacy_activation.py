"""The legacy initial password through identity's real gRPC server on PostgreSQL: it works
only with the admission record's CNIC or date of birth, allows 5 wrong tries per account,
then stops working for good and identity mails an activation code instead; every step
is in the audit log."""
import pytest
import sqlalchemy as sa

from campus.errors import InvalidArgument, Unauthenticated
from cms.identity.v1 import identity_pb2 as pb
from services.identity.models import accounts
from services.identity.tests.integration.support import CNIC, DATE_OF_BIRTH, NEW_PASSWORD, unique_ip


def legacy_of(account) -> str:
    return "ui" + account.username[-4:]   # Ayesha Siddiqui: the name's last two letters


def activate(idp, account, code=None, **facts):
    return idp.call("Activate", pb.ActivateRequest(
        username=account.username, code=legacy_of(account) if code is None else code, new_password=NEW_PASSWORD,
        client=pb.ClientInfo(ip=unique_ip(), user_agent="pytest"), **facts))


def row_of(idp, username):
    with idp.runtime.db.sessions() as s:
        return s.execute(sa.select(accounts).where(accounts.c.username == username)).one()


def events(idp, username, prefix=("legacy_", "activation_")):
    return [(e.event, e.detail) for e in idp.audit(username) if e.event.startswith(prefix)]


def mailed_code(message) -> str:
    return message.get_content().split("choose your password:")[1].split()[0]


def test_the_legacy_password_alone_is_not_enough_and_either_fact_completes_it(idp):
    by_cnic = idp.create_student("legacy")
    with pytest.raises(InvalidArgument) as missing:
        activate(idp, by_cnic)
    assert missing.value.field == "cnic" and missing.value.reason == "LEGACY_FACT_REQUIRED"
    tokens = activate(idp, by_cnic, cnic=CNIC.replace("-", ""))   # dashes or none
    assert tokens.account.status == "active" and idp.check(tokens)
    assert events(idp, by_cnic.username) == [
        ("legacy_attempt", "with no second fact"), ("legacy_fact_missing", "asked for cnic or date_of_birth"),
        ("legacy_attempt", "with cnic"), ("activation_completed", "legacy password with cnic")]
    assert row_of(idp, by_cnic.username).legacy_failed_attempts == 0   # a missing fact is no guess

    by_birth = idp.create_student("legacy", cnic="")   # admissions gave only the date of birth
    assert activate(idp, by_birth, date_of_birth=DATE_OF_BIRTH).account.status == "active"
    created = [e.detail for e in idp.audit(by_birth.username) if e.event == "account_created"]
    assert created[0].endswith("policy legacy, second fact: date_of_birth")


def test_a_malformed_fact_names_its_field(idp):
    account = idp.create_student("legacy")
    for facts, field in (({"cnic": "3740565432104x"}, "cnic"), ({"date_of_birth": "2003-02-30"}, "date_of_birth"),
                         ({"cnic": "٣٧٤٠٥٦٥٤٣٢١٠٤"}, "cnic")):   # Arabic-Indic digits are not ASCII
        with pytest.raises(InvalidArgument) as bad:
            activate(idp, account, **facts)
        assert bad.value.field == field
    with pytest.raises(InvalidArgument) as bad:
        idp.create_student("legacy", date_of_birth="14-08-2003")
    assert bad.value.field == "date_of_birth"
    assert row_of(idp, account.username).legacy_failed_attempts == 0


def test_five_wrong_tries_retire_the_legacy_password_and_mail_an_activation_code(idp):
    account = idp.create_student("legacy")
    with pytest.raises(Unauthenticated) as wrong_password:
        activate(idp, account, code="ui0000", cnic=CNIC)
    assert wrong_password.value.message == "wrong username or activation code"   # as for anyone
    for left in (3, 2, 1):
        with pytest.raises(Unauthenticated) as wrong_fact:
            activate(idp, account, cnic="61101-0000000-0")
        assert wrong_fact.value.reason == "LEGACY_FACT_WRONG" and wrong_fact.value.field == "cnic"
        assert f"{left} attempt" in wrong_fact.value.message
    assert row_of(idp, account.username).legacy_failed_attempts == 4
    assert not idp.mails_to(account.email)
    with pytest.raises(Unauthenticated) as fifth:
        activate(idp, account, date_of_birth="2003-08-15")
    assert fifth.value.reason == "LEGACY_PASSWORD_RETIRED"

    # For good: the right password and the right fact no longer open it...
    with pytest.raises(Unauthenticated) as after:
        activate(idp, account, cnic=CNIC)
    assert after.value.message == "wrong username or activation code"
    row = row_of(idp, account.username)
    assert row.status == "activation_pending" and row.password_hash is None
    assert (row.admission_cnic_digest, row.admission_dob_digest) == (None, None)
    # ...the mailed activation code does, once.
    mails = idp.mails_to(account.email)
    assert len(mails) == 1 and mails[0]["Subject"] == "Activate your CMS account"
    tokens = activate(idp, account, code=mailed_code(mails[0]))
    assert tokens.account.status == "active" and idp.check(tokens)

    assert events(idp, account.username) == [
        ("legacy_attempt", "with cnic"), ("legacy_password_wrong", "wrong initial password: attempt 1 of 5"),
        *[event for n in (2, 3, 4) for event in (
            ("legacy_attempt", "with cnic"),
            ("legacy_fact_wrong", f"cnic not the admission record's: attempt {n} of 5"))],
        ("legacy_attempt", "with date_of_birth"),
        ("legacy_fact_wrong", "date_of_birth not the admission record's: attempt 5 of 5"),
        ("legacy_fallback", "5 wrong attempts; activation code mailed"),
        ("activation_completed", "")]
    # Every wrong try is a failed sign-in for throttling too; a reused legacy password at
    # the end is refused like a wrong code.
    assert [e.event for e in idp.audit(account.username)].count("login_failed") == 1


def test_five_wrong_passwords_fall_back_too_and_say_nothing_to_the_guesser(idp):
    account = idp.create_student("legacy")
    for n in range(5):
        with pytest.raises(Unauthenticated) as wrong:
            activate(idp, account, code=f"ui{n:04d}", date_of_birth=DATE_OF_BIRTH)
        assert wrong.value.message == "wrong username or activation code" and wrong.value.reason == "UNAUTHENTICATED"
    assert row_of(idp, account.username).status == "activation_pending"
    assert len(idp.mails_to(account.email)) == 1
    assert ("legacy_fallback", "5 wrong attempts; activation code mailed") in events(idp, account.username)


def test_an_account_without_a_fact_on_file_falls_back_at_the_first_right_try(idp):
    account = idp.create_student("legacy", cnic="", date_of_birth="")   # as every account made before 0008
    assert [e.detail for e in idp.audit(account.username) if e.event == "account_created"][0].endswith(
        "second fact: none")
    with pytest.raises(Unauthenticated) as retired:
        activate(idp, account, cnic=CNIC)
    assert retired.value.reason == "LEGACY_PASSWORD_RETIRED"
    assert events(idp, account.username) == [
        ("legacy_attempt", "with cnic"), ("legacy_fallback", "no second fact on file; activation code mailed")]
    tokens = activate(idp, account, code=mailed_code(idp.mails_to(account.email)[0]))
    assert tokens.account.status == "active"


def test_a_password_reset_forgets_the_facts(idp):
    from services.identity.tests.integration.test_passwords import request_reset, reset_link_token
    account = idp.create_student("legacy")
    assert row_of(idp, account.username).admission_cnic_digest
    request_reset(idp, account.username)
    idp.call("ResetPassword", pb.ResetPasswordRequest(token=reset_link_token(idp.mails_to(account.email)[-1]),
                                                      new_password="Reset-Done-42", client=pb.ClientInfo()))
    row = row_of(idp, account.username)
    assert (row.status, row.admission_cnic_digest, row.admission_dob_digest) == ("active", None, None)
