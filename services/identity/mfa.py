"""Staff MFA: TOTP (RFC 6238, pyotp) with one-time recovery codes.

Who must use it: staff of treasury and examinations, and every department that may lock
accounts, read from LockAccount's declared caller policy (grpc_api) so that granting
the lock to another department makes its staff use MFA too. Other staff may enrol from
their account page and turn it off again.

The TOTP secret is stored encrypted (AES-256-GCM, bound to the account's username) and is
shown only while enrolment is pending; recovery codes are stored as digests only. A code
is accepted once: the time step of the last accepted code is kept, and only a later one
is good (one step of clock drift either way is forgiven).

A staff member who must use MFA but has not enrolled is enrolled at sign-in: a right
password without a code answers with a fresh secret (mfa_required, enrolment), and the
next sign-in with a code of that secret confirms it and returns the recovery codes once.
"""
from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import hmac
import os
import re
import secrets
from dataclasses import dataclass, field

import pyotp
import sqlalchemy as sa
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from campus import clock
from campus.errors import FailedPrecondition, InvalidArgument
from services.identity import domain, store
from services.identity.domain import Client
from services.identity.models import mfa_credentials, mfa_recovery_codes

#: Departments whose staff always sign in with a second factor, besides those who may lock accounts.
ALWAYS_REQUIRED = frozenset({"treasury", "examinations"})
ISSUER = "CMS"
STEP_SECONDS = 30
DRIFT_STEPS = 1
RECOVERY_CODES = 10
RECOVERY_LENGTH = 10          # from domain.CODE_ALPHABET: about 49 bits each
TOTP_PATTERN = re.compile(r"^[0-9]{6}$")
MAX_OTP = 32


@functools.cache
def lock_departments() -> frozenset[str]:
    """The departments LockAccount's declared policy lets lock accounts (every one for ALL)."""
    from campus import registry
    from campus.policy import ALL, policy_of
    from services.identity.grpc_api import IdentityServicer
    policy = policy_of(IdentityServicer, "LockAccount")
    if policy.staff == ALL:
        return frozenset(registry.departments())
    return frozenset(policy.staff)


def required_for_department(kind: str, department: str) -> bool:
    return kind == domain.STAFF and (department in ALWAYS_REQUIRED or department in lock_departments())


def required_for(account: sa.Row) -> bool:
    return required_for_department(account.kind, account.department or "")


# -- codes, free of I/O --------------------------------------------------------------------
class _Totp(pyotp.TOTP):
    """Every secret identity makes has 160 bits (new_secret). pyotp refuses fewer than 112
    bits; the pinned demo secret (demo.MFA_SECRET, 16 base32 characters) has 80, so
    that is the least a stored secret may have."""
    min_secret_length_bits = 80


def totp(secret: str) -> pyotp.TOTP:
    return _Totp(secret)


def new_secret() -> str:
    return pyotp.random_base32()  # 160 bits, as RFC 4226 recommends


def provisioning_uri(secret: str, username: str) -> str:
    return totp(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def matching_step(secret: str, code: str, now: dt.datetime) -> int | None:
    """The time step whose TOTP code `code` is (drift forgiven), or None."""
    if not TOTP_PATTERN.match(code):
        return None
    generator = totp(secret)
    current = int(now.timestamp()) // STEP_SECONDS
    found = None
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if hmac.compare_digest(generator.at(step * STEP_SECONDS), code):
            found = step  # keep looping: every candidate costs the same
    return found


def normalize_otp(code: str) -> str:
    """A code as typed: spaces and dashes dropped, case ignored (recovery codes)."""
    return re.sub(r"[\s-]", "", code or "").upper()


def new_recovery_codes() -> list[str]:
    codes = ["".join(secrets.choice(domain.CODE_ALPHABET) for _ in range(RECOVERY_LENGTH))
             for _ in range(RECOVERY_CODES)]
    return [f"{c[:5]}-{c[5:]}" for c in codes]


def recovery_digest(account_id: int, code: str) -> str:
    return hashlib.sha256(f"{account_id}:{normalize_otp(code)}".encode()).hexdigest()


# -- the secret at rest ----------------------------------------------------------------------
@functools.cache
def _key(configured: str, signing_key_file: str) -> bytes:
    """IDENTITY_MFA_ENCRYPTION_KEY when set, else a key derived from the signing key file
    (provisioned in production, generated locally): never a development constant."""
    material = configured.encode() if configured else open(signing_key_file, "rb").read()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"cms identity mfa secret v1").derive(material)


def _cipher(idn) -> AESGCM:
    return AESGCM(_key(idn.config.mfa_encryption_key.get_secret_value(), str(idn.config.signing_key_file)))


def encrypt(idn, username: str, secret: str) -> str:
    nonce = os.urandom(12)
    sealed = _cipher(idn).encrypt(nonce, secret.encode(), username.encode())
    return "v1." + base64.urlsafe_b64encode(nonce + sealed).decode()


def decrypt(idn, username: str, stored: str) -> str:
    raw = base64.urlsafe_b64decode(stored.removeprefix("v1."))
    return _cipher(idn).decrypt(raw[:12], raw[12:], username.encode()).decode()


# -- what the use cases work with --------------------------------------------------------------
@dataclass(frozen=True)
class Status:
    enrolled: bool
    required: bool
    recovery_codes_left: int = 0
    secret: str = ""               # only while enrolment is pending, to the person enrolling
    otpauth_uri: str = ""
    recovery_codes: list[str] = field(default_factory=list)   # only the once they are made


def credential(session, account_id: int) -> sa.Row | None:
    return session.execute(sa.select(mfa_credentials).where(mfa_credentials.c.account_id == account_id)).first()


def codes_left(session, account_id: int) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(mfa_recovery_codes).where(
        mfa_recovery_codes.c.account_id == account_id, mfa_recovery_codes.c.used_at.is_(None)))


def status(session, account: sa.Row) -> Status:
    row = credential(session, account.id)
    enrolled = row is not None and row.confirmed_at is not None
    return Status(enrolled=enrolled, required=required_for(account),
                  recovery_codes_left=codes_left(session, account.id) if enrolled else 0)


def start_enrolment(idn, session, account: sa.Row) -> Status:
    """A fresh pending secret (any earlier pending one is forgotten)."""
    secret = new_secret()
    values = {"secret_encrypted": encrypt(idn, account.username, secret), "created_at": clock.utcnow(),
              "confirmed_at": None, "last_step": None}
    row = credential(session, account.id)
    if row is not None and row.confirmed_at is not None:
        raise FailedPrecondition("two-step sign-in is already set up", reason="MFA_ALREADY_ENROLLED")
    if row is None:
        session.execute(sa.insert(mfa_credentials).values(account_id=account.id, **values))
    else:
        session.execute(sa.update(mfa_credentials).where(mfa_credentials.c.account_id == account.id).values(**values))
    return Status(enrolled=False, required=required_for(account), secret=secret,
                  otpauth_uri=provisioning_uri(secret, account.username))


def _accept_step(session, account_id: int, step: int) -> bool:
    """Record `step` as used; False when it (or a later one) was used already: a replay."""
    return session.execute(sa.update(mfa_credentials).where(
        mfa_credentials.c.account_id == account_id,
        sa.or_(mfa_credentials.c.last_step.is_(None), mfa_credentials.c.last_step < step)).values(
        last_step=step)).rowcount == 1


def check_totp(idn, session, account: sa.Row, row: sa.Row, code: str) -> bool:
    secret = decrypt(idn, account.username, row.secret_encrypted)
    step = matching_step(secret, normalize_otp(code), clock.utcnow())
    return step is not None and _accept_step(session, account.id, step)


def use_recovery_code(session, account_id: int, code: str) -> bool:
    return session.execute(sa.update(mfa_recovery_codes).where(
        mfa_recovery_codes.c.account_id == account_id,
        mfa_recovery_codes.c.code_hash == recovery_digest(account_id, code),
        mfa_recovery_codes.c.used_at.is_(None)).values(used_at=clock.utcnow())).rowcount == 1


def replace_recovery_codes(session, account_id: int) -> list[str]:
    codes = new_recovery_codes()
    now = clock.utcnow()
    session.execute(sa.delete(mfa_recovery_codes).where(mfa_recovery_codes.c.account_id == account_id))
    session.execute(sa.insert(mfa_recovery_codes), [
        {"account_id": account_id, "code_hash": recovery_digest(account_id, c), "created_at": now} for c in codes])
    return codes


def confirm(session, account_id: int) -> list[str]:
    session.execute(sa.update(mfa_credentials).where(mfa_credentials.c.account_id == account_id).values(
        confirmed_at=clock.utcnow()))
    return replace_recovery_codes(session, account_id)


def remove(session, account_id: int) -> None:
    session.execute(sa.delete(mfa_recovery_codes).where(mfa_recovery_codes.c.account_id == account_id))
    session.execute(sa.delete(mfa_credentials).where(mfa_credentials.c.account_id == account_id))


def otp_of(value: str) -> str:
    value = (value or "").strip()
    if len(value) > MAX_OTP:
        raise InvalidArgument(f"otp is longer than {MAX_OTP} characters", field="otp")
    return value


# -- the second step of a sign-in ------------------------------------------------------------
@dataclass(frozen=True)
class SignInStep:
    """What a right password still needs: nothing (`done`), a code, or an enrolment; or
    the code given was `wrong` (a failed sign-in)."""
    done: bool
    wrong: bool = False
    enrolment: Status | None = None
    recovery_codes: list[str] = field(default_factory=list)
    how: str = ""                  # totp | recovery | enrolment, for the audit


def second_factor(idn, uow, account: sa.Row, otp: str, client: Client) -> SignInStep:
    """Within the sign-in's unit of work, after the password was found right. A wrong
    code changes nothing here: the caller rolls back and records the failed attempt."""
    row = credential(uow.session, account.id)
    enrolled = row is not None and row.confirmed_at is not None
    if not enrolled and not required_for(account):
        return SignInStep(done=True)
    if not otp:
        if enrolled:
            store.audit(uow.session, "mfa_challenged", account.username, client)
            return SignInStep(done=False)
        pending = start_enrolment(idn, uow.session, account)
        store.audit(uow.session, "mfa_enrolment_started", account.username, client, "at sign-in")
        return SignInStep(done=False, enrolment=pending)
    if row is not None and TOTP_PATTERN.match(normalize_otp(otp)) and check_totp(idn, uow.session, account, row, otp):
        if enrolled:
            return SignInStep(done=True, how="totp")
        codes = confirm(uow.session, account.id)
        store.audit(uow.session, "mfa_enrolled", account.username, client, "at sign-in")
        return SignInStep(done=True, recovery_codes=codes, how="enrolment")
    if enrolled and use_recovery_code(uow.session, account.id, otp):
        left = codes_left(uow.session, account.id)
        store.audit(uow.session, "mfa_recovery_code_used", account.username, client, f"{left} left")
        return SignInStep(done=True, how="recovery")
    return SignInStep(done=False, wrong=True)
