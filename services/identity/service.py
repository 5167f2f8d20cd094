"""Identity use cases for signing in: login, refresh, logout, bank authentication and
password change (first-login activation: activation.py). Every change is one unit of work."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from campus import clock, identifiers
from campus.auth import Caller
from campus.db import Database
from campus.errors import FailedPrecondition, InvalidArgument, TooManyAttempts, Unauthenticated
from cms.identity.v1 import events_pb2
from services.identity import admission_facts, domain, keys, mfa, store
from services.identity.config import IdentityConfig
from services.identity.domain import Client
from services.identity.models import accounts, refresh_tokens
from services.identity.passwords import Passwords

USERS = (domain.STUDENT, domain.STAFF)
MAX_SECRET = 256   # longer cannot be a password we set; refuse before hashing it
#: What checking a credential can find: right, wrong, or a right first-login credential
#: (activation code, legacy initial password) past its deadline, which is refused like a wrong one.
RIGHT, WRONG, EXPIRED = "right", "wrong", "expired"


@dataclass
class Identity:
    """What the use cases work with; built once per process by the composition root."""
    db: Database
    config: IdentityConfig
    keys: keys.SigningKeys
    passwords: Passwords

    @classmethod
    def from_runtime(cls, runtime) -> Identity:
        config = runtime.config
        return cls(runtime.db, config, keys.load(config), Passwords(
            time_cost=config.argon2_time_cost, memory_kib=config.argon2_memory_kib,
            parallelism=config.argon2_parallelism, budget_mib=config.hashing_memory_mib,
            wait_seconds=config.hashing_wait_seconds, retry_after_seconds=config.hashing_retry_after_seconds))

    @property
    def refresh_ttl(self) -> dt.timedelta:
        return dt.timedelta(days=self.config.refresh_token_ttl_days)


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_in: int
    account: sa.Row
    #: Only from the sign-in that confirmed an MFA enrolment: shown once, stored as digests.
    recovery_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MfaChallenge:
    """A right password that still needs a one-time code (and, before enrolment, a secret to enrol)."""
    account: sa.Row
    enrolment: mfa.Status | None = None


def secret(value: str, field: str) -> str:
    if not value:
        raise InvalidArgument(f"{field} is required", field=field)
    if len(value) > MAX_SECRET:
        raise InvalidArgument(f"{field} is longer than {MAX_SECRET} characters", field=field)
    return value


# -- guards shared by every attempt at a credential ---------------------------------------------
def guard(idn: Identity, username: str, client: Client) -> None:
    """Refuse a client group that must wait, before its password is even looked at."""
    now = clock.utcnow()
    with idn.db.unit_of_work() as uow:
        failures, recent, last_success = store.throttle_state(uow.session, username, client.group, now)
        wait = domain.retry_after(failures, recent, now, last_success)
        detail = f"retry after {wait}s"
        address_wait = _address_wait(idn, uow.session, client, now)
        if address_wait > wait:
            wait, detail = address_wait, f"address failed on too many accounts; retry after {address_wait}s"
        if wait:
            store.audit(uow.session, "login_throttled", username, client, detail)
            uow.commit()
            raise TooManyAttempts(f"too many failed attempts; try again in {wait} seconds", retry_after=wait)


def _address_wait(idn: Identity, session, client: Client, now) -> int:
    """The budget of failed sign-ins per client group across every account name (0: go ahead)."""
    limit = idn.config.address_failed_accounts
    if not limit or not client.group:  # no address known: nothing to count it by
        return 0
    return domain.address_retry_after(store.address_failures(session, client.group, now, limit), now, limit)


def failed(idn: Identity, username: str, client: Client, event: str, detail: str) -> None:
    with idn.db.unit_of_work() as uow:
        store.record_failure(uow.session, username, client.group, clock.utcnow())
        store.audit(uow.session, event, username, client, detail)
        uow.commit()


def check_credential(idn: Identity, account: sa.Row | None, given: str) -> str:
    """Check a password, or the activation code of an account that has no password yet:
    RIGHT, WRONG, or EXPIRED when it is a first-login credential past `activation_expires_at`
    (an activation code, or the legacy initial password). Exactly one argon2 verification
    whatever the account, so timing says nothing."""
    if account is None:
        idn.passwords.verify(None, given)
        return WRONG
    deadline = account.activation_expires_at
    expired = deadline is not None and clock.as_utc(deadline) <= clock.utcnow()
    if account.password_hash is None:
        code = domain.normalize_code(given)
        if admission_facts.is_activation_digest(account.activation_code_hash):
            idn.passwords.verify(None, given)  # the one argon2 verification, for the timing's sake
            right = admission_facts.activation_matches(idn.config, account.username, account.activation_code_hash,
                                                       code)
        else:  # a code issued before codes were digested
            right = idn.passwords.verify(account.activation_code_hash, code)
        expired = expired or deadline is None  # a code without a deadline never works
    else:
        right = idn.passwords.verify(account.password_hash, given)
    if not right:
        return WRONG
    return EXPIRED if expired else RIGHT


def refused_event(verdict: str, account: sa.Row | None, event: str, detail: str) -> tuple[str, str]:
    """The audit event and detail of a refused credential: an expired first-login
    credential gets its own event, so staff can tell the student why."""
    if verdict != EXPIRED:
        return event, detail
    if account.password_hash is None:
        return "activation_code_expired", "the activation code has expired"
    return "legacy_password_expired", "the initial password has expired"


def _refuse_unless_active(idn: Identity, account: sa.Row, client: Client) -> None:
    if account.status == domain.ACTIVE:
        return
    reason, detail = (("ACCOUNT_LOCKED", "account locked") if account.status == domain.LOCKED
                      else ("PASSWORD_CHANGE_REQUIRED", "password change required"))
    with idn.db.unit_of_work() as uow:
        store.clear_failures(uow.session, account.username, client.group)
        store.audit(uow.session, "login_failed", account.username, client, detail)
        uow.commit()
    raise FailedPrecondition(f"cannot sign in: {detail}", reason=reason)


def _tokens(idn: Identity, account: sa.Row, session_id: str, refresh_token: str) -> Tokens:
    ttl = idn.config.access_token_ttl_seconds
    access = idn.keys.signer.sign(subject=account.username, kind=account.kind, ttl_seconds=ttl,
                                  department=account.department or "", centre=account.centre or "",
                                  session_id=session_id)
    return Tokens(access, refresh_token, ttl, account)


def _open(idn: Identity, uow, account_id: int, client: Client) -> Tokens:
    """A new session for a user who just proved who they are: a sign-in, which also makes
    the client's group a known one for this account."""
    now = clock.utcnow()
    session_id, refresh_token = store.open_session(uow.session, account_id, client, idn.refresh_ttl)
    store.update_account(uow.session, account_id, last_login_at=now)
    account = store.account_by_id(uow.session, account_id)
    store.remember_client(uow.session, account.username, client.group, now)
    return _tokens(idn, account, session_id, refresh_token)


# -- use cases ---------------------------------------------------------------------------------
def login(idn: Identity, username: str, password: str, client: Client, otp: str = "") -> Tokens | MfaChallenge:
    username = identifiers.username(username)
    secret(password, "password")
    otp = mfa.otp_of(otp)
    guard(idn, username, client)
    with idn.db.sessions() as session:
        account = store.find_account(session, username, USERS)
    verdict = check_credential(idn, account, password)
    if verdict != RIGHT:
        failed(idn, username, client, *refused_event(verdict, account, "login_failed", "wrong username or password"))
        raise Unauthenticated(domain.WRONG_CREDENTIALS)
    _refuse_unless_active(idn, account, client)
    with idn.db.unit_of_work() as uow:
        step = mfa.second_factor(idn, uow, account, otp, client)
        if step.done:
            if idn.passwords.needs_rehash(account.password_hash):
                store.update_account(uow.session, account.id, password_hash=idn.passwords.hash(password))
            store.clear_failures(uow.session, username, client.group)
            tokens = _open(idn, uow, account.id, client)
            store.audit(uow.session, "login_succeeded", username, client, f"mfa: {step.how}" if step.how else "")
        if not step.wrong:
            uow.commit()
    if step.wrong:
        # A right password with a wrong code is a failed sign-in like any other.
        failed(idn, username, client, "login_failed", "wrong one-time code")
        raise Unauthenticated("wrong one-time code", reason="MFA_CODE_WRONG")
    if not step.done:
        return MfaChallenge(account, step.enrolment)
    return Tokens(tokens.access_token, tokens.refresh_token, tokens.expires_in, tokens.account,
                  tuple(step.recovery_codes))


def refresh(idn: Identity, refresh_token: str, client: Client) -> Tokens:
    digest = domain.token_digest(secret(refresh_token, "refresh_token"))
    invalid = Unauthenticated("refresh token is not valid; sign in again")
    with idn.db.unit_of_work() as uow:
        token = uow.session.execute(sa.select(refresh_tokens).where(refresh_tokens.c.token_hash == digest)).first()
        if token is None:
            raise invalid
        row = store.session_row(uow.session, token.session_id)
        # The atomic update decides between two presentations of the same token.
        rotated = token.used_at is None and uow.session.execute(sa.update(refresh_tokens).where(
            refresh_tokens.c.id == token.id, refresh_tokens.c.used_at.is_(None)).values(
            used_at=clock.utcnow())).rowcount == 1
        if not rotated:
            # A rotated token came back: it was stolen, or its thief already used it.
            store.revoke_session(uow, token.session_id, "refresh_reuse")
            store.audit(uow.session, "refresh_reuse_detected", row.username, client,
                        f"session {token.session_id[:8]} revoked")
            uow.commit()
            raise invalid
        now = clock.utcnow()
        if clock.as_utc(token.expires_at) <= now or not domain.session_active(
                row.revoked_at, clock.as_utc(row.expires_at), row.status, now):
            raise invalid
        new_token = store.issue_refresh_token(uow.session, token.session_id, idn.refresh_ttl)
        account = store.find_account(uow.session, row.username)
        store.audit(uow.session, "token_refreshed", row.username, client)
        uow.commit()
    return _tokens(idn, account, token.session_id, new_token)


def logout(idn: Identity, caller: Caller, client: Client) -> None:
    with idn.db.unit_of_work() as uow:
        if caller.session_id and store.revoke_session(uow, caller.session_id, "logout"):
            store.audit(uow.session, "logout", caller.subject, client)
        uow.commit()


def check_session(idn: Identity, session_id: str) -> bool:
    with idn.db.sessions() as session:
        return store.is_session_active(session, session_id)


def authenticate_bank(idn: Identity, mnemonic: str, bank_secret: str, client: Client) -> Tokens:
    """A bank's short access token: no session and no refresh token, it signs in per call."""
    mnemonic = identifiers.bank_mnemonic(mnemonic)
    secret(bank_secret, "secret")
    guard(idn, mnemonic, client)
    with idn.db.sessions() as session:
        account = store.find_account(session, mnemonic, (domain.BANK,))
    if check_credential(idn, account, bank_secret) != RIGHT:
        failed(idn, mnemonic, client, "bank_authentication_failed", "wrong mnemonic or secret")
        raise Unauthenticated("wrong bank mnemonic or secret")
    _refuse_unless_active(idn, account, client)
    with idn.db.unit_of_work() as uow:
        now = clock.utcnow()
        values = {"last_login_at": now}
        if idn.passwords.needs_rehash(account.password_hash):
            values["password_hash"] = idn.passwords.hash(bank_secret)
        store.update_account(uow.session, account.id, **values)
        store.clear_failures(uow.session, mnemonic, client.group)
        store.remember_client(uow.session, mnemonic, client.group, now)
        store.audit(uow.session, "bank_authenticated", mnemonic, client)
        uow.commit()
    ttl = idn.config.bank_token_ttl_seconds
    return Tokens(idn.keys.signer.sign(subject=mnemonic, kind=domain.BANK, ttl_seconds=ttl), "", ttl, account)


def set_password(idn: Identity, uow, account: sa.Row, password: str, how: str,
                 *, only_if_status: tuple[str, ...] = domain.UNLOCKED) -> bool:
    """Store a new password, end every session, forget the account's failed attempts and
    publish PasswordChanged. Does nothing and returns False unless the account is (still)
    in one of `only_if_status`: a lock or an activation made meanwhile wins, and a
    password is never what unlocks an account."""
    now = clock.utcnow()
    changed = uow.session.execute(sa.update(accounts).where(
        accounts.c.id == account.id, accounts.c.status.in_(only_if_status)).values(
        password_hash=idn.passwords.hash(password), password_changed_at=now, status=domain.ACTIVE,
        activation_code_hash=None, activation_expires_at=None,
        # The legacy policy's second fact is no longer needed by anyone: forgotten.
        admission_cnic_digest=None, admission_dob_digest=None, legacy_failed_attempts=0)).rowcount
    if not changed:
        return False
    store.revoke_all_sessions(uow, account.id, f"password_{how}")
    store.clear_failures(uow.session, account.username)
    uow.record(events_pb2.PasswordChanged(username=account.username, kind=account.kind,
                                          changed_at=clock.iso(now), how=how))
    return True


def change_password(idn: Identity, caller: Caller, current: str, new: str, client: Client) -> Tokens:
    secret(current, "current_password")
    with idn.db.sessions() as session:
        account = store.find_account(session, caller.subject, USERS)
        if account is None or not store.is_session_active(session, caller.session_id):
            raise Unauthenticated("this session has ended; sign in again")
    guard(idn, account.username, client)
    if not idn.passwords.verify(account.password_hash, current):
        failed(idn, account.username, client, "login_failed", "password change: wrong current password")
        raise InvalidArgument("current_password is wrong", field="current_password")
    domain.check_password_policy(new, account.username, full_name=account.full_name)
    if new == current:
        raise InvalidArgument("new_password must differ from the current one", field="new_password")
    with idn.db.unit_of_work() as uow:
        if not set_password(idn, uow, account, new, "change", only_if_status=(domain.ACTIVE,)):
            raise Unauthenticated("this session has ended; sign in again")  # locked meanwhile
        tokens = _open(idn, uow, account.id, client)
        store.audit(uow.session, "password_changed", account.username, client)
        uow.commit()
    return tokens


# -- MFA from the account page (staff) -------------------------------------------------------
def _staff_account(idn: Identity, caller: Caller) -> sa.Row:
    with idn.db.sessions() as session:
        account = store.find_account(session, caller.subject, (domain.STAFF,))
        if account is None or not store.is_session_active(session, caller.session_id):
            raise Unauthenticated("this session has ended; sign in again")
    return account


def mfa_status(idn: Identity, caller: Caller) -> mfa.Status:
    account = _staff_account(idn, caller)
    with idn.db.sessions() as session:
        return mfa.status(session, account)


def begin_mfa_enrolment(idn: Identity, caller: Caller, client: Client) -> mfa.Status:
    account = _staff_account(idn, caller)
    with idn.db.unit_of_work() as uow:
        pending = mfa.start_enrolment(idn, uow.session, account)
        store.audit(uow.session, "mfa_enrolment_started", account.username, client, "from the account page")
        uow.commit()
    return pending


def _fresh_code(idn: Identity, account: sa.Row, otp: str, client: Client, *, confirmed: bool, what: str) -> None:
    """A current TOTP code (never a recovery code), or a failed attempt counted like a wrong password."""
    otp = mfa.otp_of(otp)
    if not otp:
        raise InvalidArgument("otp is required", field="otp")
    guard(idn, account.username, client)
    with idn.db.unit_of_work() as uow:
        row = mfa.credential(uow.session, account.id)
        if row is None or (row.confirmed_at is not None) != confirmed:
            raise FailedPrecondition("two-step sign-in is not set up" if confirmed
                                     else "start the enrolment first", reason="MFA_NOT_ENROLLED")
        right = mfa.check_totp(idn, uow.session, account, row, otp)
        if right:
            uow.commit()
    if not right:
        failed(idn, account.username, client, "mfa_code_wrong", what)
        raise InvalidArgument("otp is not the current code of your authenticator", field="otp")


def confirm_mfa_enrolment(idn: Identity, caller: Caller, otp: str, client: Client) -> mfa.Status:
    account = _staff_account(idn, caller)
    _fresh_code(idn, account, otp, client, confirmed=False, what="enrolment")
    with idn.db.unit_of_work() as uow:
        codes = mfa.confirm(uow.session, account.id)
        store.audit(uow.session, "mfa_enrolled", account.username, client, "from the account page")
        uow.commit()
    return mfa.Status(enrolled=True, required=mfa.required_for(account), recovery_codes_left=len(codes),
                      recovery_codes=codes)


def regenerate_recovery_codes(idn: Identity, caller: Caller, otp: str, client: Client) -> mfa.Status:
    account = _staff_account(idn, caller)
    _fresh_code(idn, account, otp, client, confirmed=True, what="new recovery codes")
    with idn.db.unit_of_work() as uow:
        codes = mfa.replace_recovery_codes(uow.session, account.id)
        store.audit(uow.session, "mfa_recovery_codes_replaced", account.username, client)
        uow.commit()
    return mfa.Status(enrolled=True, required=mfa.required_for(account), recovery_codes_left=len(codes),
                      recovery_codes=codes)


def disable_mfa(idn: Identity, caller: Caller, otp: str, client: Client) -> mfa.Status:
    account = _staff_account(idn, caller)
    if mfa.required_for(account):
        raise FailedPrecondition("your department requires two-step sign-in", reason="MFA_REQUIRED_FOR_DEPARTMENT")
    _fresh_code(idn, account, otp, client, confirmed=True, what="turning MFA off")
    with idn.db.unit_of_work() as uow:
        mfa.remove(uow.session, account.id)
        store.audit(uow.session, "mfa_disabled", account.username, client)
        uow.commit()
    return mfa.Status(enrolled=False, required=False)
