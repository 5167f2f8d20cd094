"""First sign-in: the mailed activation code, or the legacy initial password together with
a fact of the admission record (CNIC or date of birth), buys a password of the student's
own and a session.

The legacy initial password (the name's last two letters, the number's last four digits)
is at most 676 guesses, none for whoever knows the name. So it works only with a second
fact that admissions gave when it opened the account (admission_facts: where it comes
from, and why), and only until MAX_ATTEMPTS wrong tries (a wrong password or a wrong
fact) of the account: then it stops working for good and identity mails an activation
code instead, as for a new account. An account without a fact on file falls back at the
first try with the right password. Every step is in the audit log: `legacy_attempt`, then
`legacy_password_wrong`, `legacy_fact_missing`, `legacy_fact_wrong`, `legacy_fallback` or
`activation_completed`.

Whoever guesses five times makes the student get a mailed code: that is the price of a
limit per account, and a cheap one (the code reaches only her mailbox)."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from campus import clock, identifiers
from campus.errors import InvalidArgument, Unauthenticated
from services.identity import admin, admission_facts, domain, store
from services.identity.admission_facts import MAX_ATTEMPTS, Facts, matches, on_file
from services.identity.domain import Client
from services.identity.models import accounts
from services.identity.service import (
    EXPIRED,
    RIGHT,
    USERS,
    Identity,
    Tokens,
    _open,
    check_credential,
    failed,
    guard,
    refused_event,
    secret,
    set_password,
)

WRONG_CODE = "wrong username or activation code"
RETIRED = ("the initial password no longer works: an activation code has been mailed to the account's "
           "email address; use it instead")


def activate(idn: Identity, username: str, code: str, new_password: str, client: Client, *,
             cnic: str = "", date_of_birth: str = "") -> Tokens:
    username = identifiers.username(username)
    secret(code, "code")
    facts = Facts.parse(cnic, date_of_birth)  # their form, whoever asks: it says nothing about the account
    guard(idn, username, client)
    with idn.db.sessions() as session:
        account = store.find_account(session, username, USERS)
    pending = account if account is not None and account.status in domain.MUST_SET_PASSWORD else None
    verdict = check_credential(idn, pending, code)
    if verdict != EXPIRED and _is_legacy(pending):
        return _legacy(idn, pending, verdict == RIGHT, code, new_password, facts, client)
    if verdict != RIGHT:
        failed(idn, username, client,
               *refused_event(verdict, pending, "login_failed", "activation: wrong username or code"))
        raise Unauthenticated(WRONG_CODE)
    _check_new_password(pending, code, new_password)
    return _complete(idn, pending, new_password, client, "")


def _is_legacy(account: sa.Row | None) -> bool:
    """Still waiting for its first sign-in with the legacy initial password."""
    return account is not None and account.status == domain.PASSWORD_CHANGE_REQUIRED \
        and account.password_hash is not None


def _check_new_password(account: sa.Row, code: str, new_password: str) -> None:
    domain.check_password_policy(new_password, account.username, full_name=account.full_name)
    if domain.normalize_code(new_password) == domain.normalize_code(code):
        raise InvalidArgument("new_password must differ from the activation code", field="new_password")


def _complete(idn: Identity, account: sa.Row, new_password: str, client: Client, detail: str,
              facts: Facts | None = None) -> Tokens:
    wrong_fact = None
    with idn.db.unit_of_work() as uow:
        if facts is not None:
            # Decided under the account's lock, so parallel tries cannot exceed the limit.
            locked = store.find_account(uow.session, account.username, USERS, for_update=True)
            if not _is_legacy(locked) or locked.legacy_failed_attempts >= MAX_ATTEMPTS:
                raise Unauthenticated(WRONG_CODE)  # activated or fallen back meanwhile
            if not matches(idn.config, locked, facts):
                wrong_fact = _count_wrong_fact(uow, locked, facts, client)
        if wrong_fact is None:
            if not set_password(idn, uow, account, new_password, "activation",
                                only_if_status=domain.MUST_SET_PASSWORD):
                raise Unauthenticated(WRONG_CODE)  # activated or locked meanwhile
            tokens = _open(idn, uow, account.id, client)
            if facts is not None:
                store.audit(uow.session, "legacy_attempt", account.username, client, _with(facts))
            store.audit(uow.session, "activation_completed", account.username, client, detail)
        uow.commit()
    if wrong_fact is not None:
        _refuse_wrong_fact(idn, account, facts, client, wrong_fact)
    return tokens


def _with(facts: Facts) -> str:
    return "with " + (" and ".join(facts.given()) or "no second fact")


def _legacy(idn: Identity, account: sa.Row, password_right: bool, code: str, new_password: str, facts: Facts,
            client: Client) -> Tokens:
    if account.legacy_failed_attempts >= MAX_ATTEMPTS:
        # Counted out, but the fallback did not happen (identity was too busy to hash the code): now.
        if not password_right:
            failed(idn, account.username, client, "legacy_password_wrong", "wrong initial password: no attempts left")
        _fall_back_now(idn, account, client, facts, f"{MAX_ATTEMPTS} wrong attempts")
        raise Unauthenticated(RETIRED, reason="LEGACY_PASSWORD_RETIRED") if password_right \
            else Unauthenticated(WRONG_CODE)
    if not password_right:
        _count_wrong(idn, account, client, facts, "legacy_password_wrong", "wrong initial password")
        raise Unauthenticated(WRONG_CODE)
    if not on_file(account):
        _fall_back_now(idn, account, client, facts, "no second fact on file")
        raise Unauthenticated(RETIRED, reason="LEGACY_PASSWORD_RETIRED")
    if not facts:
        with idn.db.unit_of_work() as uow:  # not a guess: it does not count
            store.audit(uow.session, "legacy_attempt", account.username, client, _with(facts))
            store.audit(uow.session, "legacy_fact_missing", account.username, client, "asked for cnic or date_of_birth")
            uow.commit()
        raise InvalidArgument("cnic or date_of_birth (from the admission record) is required with the initial "
                              "password", field="cnic", reason="LEGACY_FACT_REQUIRED")
    _check_new_password(account, code, new_password)
    return _complete(idn, account, new_password, client, f"legacy password {_with(facts)}", facts)


def _count(uow, account: sa.Row) -> int | None:
    """One more wrong try, atomically; the new count, or None when the account no longer
    waits for the legacy password (activated or fallen back meanwhile)."""
    return uow.session.execute(
        sa.update(accounts).where(accounts.c.id == account.id, accounts.c.status == domain.PASSWORD_CHANGE_REQUIRED,
                                  accounts.c.password_hash.is_not(None))
        .values(legacy_failed_attempts=accounts.c.legacy_failed_attempts + 1)
        .returning(accounts.c.legacy_failed_attempts)).scalar()


def _count_wrong(idn: Identity, account: sa.Row, client: Client, facts: Facts, event: str, what: str) -> int | None:
    with idn.db.unit_of_work() as uow:
        attempts = _count(uow, account)
        store.record_failure(uow.session, account.username, client.group, clock.utcnow())
        store.audit(uow.session, "legacy_attempt", account.username, client, _with(facts))
        store.audit(uow.session, event, account.username, client,
                    f"{what}: attempt {attempts} of {MAX_ATTEMPTS}" if attempts else what)
        uow.commit()
    if attempts is not None and attempts >= MAX_ATTEMPTS:
        _fall_back_now(idn, account, client, None, f"{MAX_ATTEMPTS} wrong attempts")
    return attempts


def _count_wrong_fact(uow, account: sa.Row, facts: Facts, client: Client) -> int:
    attempts = _count(uow, account)
    store.record_failure(uow.session, account.username, client.group, clock.utcnow())
    store.audit(uow.session, "legacy_attempt", account.username, client, _with(facts))
    store.audit(uow.session, "legacy_fact_wrong", account.username, client,
                f"{' and '.join(facts.given())} not the admission record's: attempt {attempts} of {MAX_ATTEMPTS}")
    return attempts


def _refuse_wrong_fact(idn: Identity, account: sa.Row, facts: Facts, client: Client, attempts: int):
    if attempts >= MAX_ATTEMPTS:
        _fall_back_now(idn, account, client, None, f"{MAX_ATTEMPTS} wrong attempts")
        raise Unauthenticated(RETIRED, reason="LEGACY_PASSWORD_RETIRED")
    field, left = facts.given()[0], MAX_ATTEMPTS - attempts
    raise Unauthenticated(f"{field} does not match the admission record; {left} attempt{'s' * (left != 1)} left "
                          "before the initial password stops working", field=field, reason="LEGACY_FACT_WRONG")


def _fall_back_now(idn: Identity, account: sa.Row, client: Client, facts: Facts | None, why: str) -> None:
    """Retire the legacy initial password for good and mail an activation code instead."""
    code = domain.new_activation_code()
    code_hash = admission_facts.activation_digest(idn.config, account.username, code)
    with idn.db.unit_of_work() as uow:
        retired = uow.session.execute(sa.update(accounts).where(
            accounts.c.id == account.id, accounts.c.status == domain.PASSWORD_CHANGE_REQUIRED,
            accounts.c.password_hash.is_not(None)).values(
            status=domain.ACTIVATION_PENDING, password_hash=None, activation_code_hash=code_hash,
            activation_expires_at=clock.utcnow() + dt.timedelta(days=idn.config.activation_code_days),
            admission_cnic_digest=None, admission_dob_digest=None, legacy_failed_attempts=0)).rowcount
        if not retired:
            return  # fallen back (or activated) meanwhile: one code, one mail
        if facts is not None:
            store.audit(uow.session, "legacy_attempt", account.username, client, _with(facts))
        if account.email:
            store.queue_mail(uow.session, account.email, admin.ACTIVATION_SUBJECT,
                             admin.activation_mail(account.full_name, account.username, code, idn))
            mailed = "activation code mailed"
        else:
            mailed = "no email address on file: no code mailed, student services must help"
        store.audit(uow.session, "legacy_fallback", account.username, client, f"{why}; {mailed}")
        uow.commit()
