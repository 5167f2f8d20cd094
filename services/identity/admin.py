"""Account administration: creating student accounts, locking and unlocking, look-ups
and the audit log."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from campus import clock, identifiers
from campus.auth import Caller
from campus.errors import AlreadyExists, InvalidArgument, NotFound
from cms.identity.v1 import events_pb2
from services.identity import admission_facts, domain, store
from services.identity.domain import Client
from services.identity.models import accounts, audit_events
from services.identity.service import Identity

POLICIES = ("activation", "legacy")
ACTIVATION_SUBJECT = "Activate your CMS account"


def _by(caller: Caller) -> str:
    return caller.subject or caller.service


def create_student_account(idn: Identity, caller: Caller, *, registration_number: str, full_name: str,
                           email: str, mobile: str, policy: str, cnic: str = "", date_of_birth: str = "") -> sa.Row:
    """A student's account, waiting for its first login. Calling again for the same
    student returns the account unchanged, so enrollment may retry.

    With the legacy policy, `cnic` and `date_of_birth` (either or both) are the admission
    record's: the legacy initial password works only together with one of them
    (admission_facts). Without either, it never does: the student's first try mails an
    activation code. Both policies need an email address (the fallback mails one too)."""
    regno = identifiers.registration_number(registration_number)
    full_name = identifiers.person_name(full_name, "full_name")
    policy = policy or "activation"
    if policy not in POLICIES:
        raise InvalidArgument("initial_password_policy must be activation or legacy",
                              field="initial_password_policy")
    facts = admission_facts.Facts.parse(cnic, date_of_birth)
    values = {"email": identifiers.email(email, required=True), "mobile": identifiers.mobile(mobile)}
    code = None
    if policy == "activation":
        code = domain.new_activation_code()
        values.update(status=domain.ACTIVATION_PENDING,
                      activation_code_hash=admission_facts.activation_digest(idn.config, regno, code),
                      activation_expires_at=clock.utcnow() + dt.timedelta(days=idn.config.activation_code_days))
    else:
        # Anyone who knows the name and the number can work this password out: it opens
        # the first login only, only for legacy_password_days, and only with a fact of the
        # admission record (kept as keyed digests; an activation-code account keeps none).
        values.update(status=domain.PASSWORD_CHANGE_REQUIRED,
                      password_hash=idn.passwords.hash(domain.legacy_initial_password(full_name, regno)),
                      activation_expires_at=clock.utcnow() + dt.timedelta(days=idn.config.legacy_password_days),
                      **admission_facts.digests(idn.config, regno, facts))
    with idn.db.unit_of_work() as uow:
        existing = store.find_account(uow.session, regno)
        if existing is not None:
            return _same_student(existing, full_name)
        uow.session.execute(sa.insert(accounts).values(
            username=regno, kind=domain.STUDENT, full_name=full_name, created_at=clock.utcnow(), **values))
        if code:
            store.queue_mail(uow.session, values["email"], ACTIVATION_SUBJECT,
                             activation_mail(full_name, regno, code, idn))
        detail = f"by {_by(caller)}, policy {policy}"
        if policy == "legacy":
            detail += f", second fact: {' and '.join(facts.given()) or 'none'}"
        store.audit(uow.session, "account_created", regno, Client(), detail)
        try:
            uow.commit()
        except sa.exc.IntegrityError:
            pass  # created meanwhile by a parallel call: answer with that one
    return _same_student(get_account(idn, regno), full_name)


def _same_student(account: sa.Row, full_name: str) -> sa.Row:
    if account.kind != domain.STUDENT or account.full_name.casefold() != full_name.casefold():
        raise AlreadyExists("another account has this registration number", field="registration_number")
    return account


def activation_mail(full_name: str, regno: str, code: str, idn: Identity) -> str:
    return (f"Dear {full_name},\n\nYour CMS account {regno} is ready. Sign in at "
            f"{idn.config.portal_base_url}/activate with your registration number and this "
            f"activation code, then choose your password:\n\n    {code}\n\n"
            f"The code expires in {idn.config.activation_code_days} days.\n")


def get_account(idn: Identity, username: str) -> sa.Row:
    with idn.db.sessions() as session:
        account = store.find_account(session, username)
    if account is None:
        raise NotFound("no account with this username", field="username")
    return account


def lock_account(idn: Identity, caller: Caller, username: str, reason: str) -> sa.Row:
    reason = identifiers.text(reason, "reason", max_length=200, required=True)
    with idn.db.unit_of_work() as uow:
        account = store.find_account(uow.session, username, for_update=True)
        if account is None:
            raise NotFound("no account with this username", field="username")
        if account.status != domain.LOCKED:
            store.update_account(uow.session, account.id, status=domain.LOCKED,
                                 status_before_lock=account.status, lock_reason=reason)
            store.revoke_all_sessions(uow, account.id, "account_locked")
            uow.record(events_pb2.AccountLocked(username=account.username, kind=account.kind, reason=reason,
                                                locked_by=_by(caller), locked_at=clock.iso(clock.utcnow())))
            store.audit(uow.session, "account_locked", account.username, Client(), f"by {_by(caller)}: {reason}")
        uow.commit()
    return get_account(idn, username)


def unlock_account(idn: Identity, caller: Caller, username: str) -> sa.Row:
    with idn.db.unit_of_work() as uow:
        account = store.find_account(uow.session, username, for_update=True)
        if account is None:
            raise NotFound("no account with this username", field="username")
        if account.status == domain.LOCKED:
            store.update_account(uow.session, account.id, status=account.status_before_lock or domain.ACTIVE,
                                 status_before_lock=None, lock_reason=None)
            store.clear_failures(uow.session, account.username)  # a fresh start from every IP
            store.audit(uow.session, "account_unlocked", account.username, Client(), f"by {_by(caller)}")
        uow.commit()
    return get_account(idn, username)


def audit_log(idn: Identity, username: str, limit: int) -> list[sa.Row]:
    query = sa.select(audit_events).order_by(audit_events.c.occurred_at.desc(), audit_events.c.id.desc())
    if username:
        query = query.where(audit_events.c.username == username)
    with idn.db.sessions() as session:
        return list(session.execute(query.limit(limit)))
