"""Identity rules, free of I/O: password policy, the legacy initial password, activation
codes, opaque tokens, login throttling, session validity and mail retries."""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from campus import identifiers
from campus.errors import InvalidArgument

STUDENT, STAFF, BANK = "student", "staff", "bank"
ACTIVE, ACTIVATION_PENDING, PASSWORD_CHANGE_REQUIRED, LOCKED = (
    "active", "activation_pending", "password_change_required", "locked")
STATUSES = (ACTIVE, ACTIVATION_PENDING, PASSWORD_CHANGE_REQUIRED, LOCKED)
#: Statuses in which a correct credential still does not open a session.
MUST_SET_PASSWORD = (ACTIVATION_PENDING, PASSWORD_CHANGE_REQUIRED)

WRONG_CREDENTIALS = "wrong username or password"


# -- passwords ----------------------------------------------------------------------
MIN_PASSWORD, MAX_PASSWORD = 8, 128


def check_password_policy(password: str, username: str, field: str = "new_password") -> str:
    """Raise InvalidArgument(field) unless `password` may become someone's password."""
    def refuse(why: str):
        raise InvalidArgument(f"{field} {why}", field=field)

    if not isinstance(password, str) or not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        refuse(f"must be {MIN_PASSWORD} to {MAX_PASSWORD} characters long")
    if not any(ch.isalpha() for ch in password) or not any(ch.isdigit() for ch in password):
        refuse("must contain at least one letter and one digit")
    lowered = password.lower()
    plain = re.sub(r"[^a-z0-9]", "", lowered)
    name_plain = re.sub(r"[^a-z0-9]", "", username.lower())
    # 22P-123456 hides just as badly as 22p123456 inside a password.
    if username and (username.lower() in lowered or (len(name_plain) >= 3 and name_plain in plain)):
        refuse("must not contain the username")
    return password


def legacy_initial_password(full_name: str, registration_number: str) -> str:
    """The university's old first-login password: the last two letters of the name
    (spaces removed, lowercase) and the last four digits of the registration number."""
    letters = [ch for ch in full_name.lower() if ch.isascii() and ch.isalpha()]
    if len(letters) < 2:
        raise InvalidArgument("full_name needs at least two letters", field="full_name")
    digits = [ch for ch in registration_number if ch.isdigit()]
    return "".join(letters[-2:]) + "".join(digits[-4:])


# -- activation codes and opaque tokens --------------------------------------------------
#: No 0/O, 1/I/L: the code is read off a mail and typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def new_activation_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(code: str) -> str:
    """What the student typed, as the code was generated (case, spaces, dashes forgiven)."""
    return re.sub(r"[\s-]", "", code or "").upper()


def new_token() -> str:
    """An opaque secret for refresh and reset tokens: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What we store instead of a token: a leaked table must not hand out sessions."""
    return hashlib.sha256(token.encode()).hexdigest()


def account_username(value: str, field: str = "username") -> str:
    """Any kind of account name as stored. campus.identifiers.username lowercases
    everything that looks like a staff login, which would turn bank ABL into abl."""
    stripped = (value or "").strip()
    if identifiers.BANK_MNEMONIC.match(stripped) and not identifiers.REGISTRATION_NUMBER.match(stripped):
        return stripped
    return identifiers.username(stripped, field)


# -- throttling -----------------------------------------------------------------------
FREE_FAILURES = 5                       # consecutive failures from one IP before it waits
FIRST_DELAY = 30                        # seconds, doubling with every further failure
MAX_DELAY = 15 * 60
ACCOUNT_WINDOW = dt.timedelta(minutes=15)
ACCOUNT_LIMIT = 50                      # failures from all IPs within the window


@dataclass(frozen=True)
class IpFailures:
    """Consecutive failures of one client IP on one account since its last success."""
    count: int
    last_at: dt.datetime


def ip_delay(count: int) -> int:
    """How long an IP waits after its `count`-th consecutive failure: 0, then 30 s, 60 s... 15 min."""
    if count < FREE_FAILURES:
        return 0
    return min(MAX_DELAY, FIRST_DELAY * 2 ** min(count - FREE_FAILURES, 16))


def retry_after(ip: IpFailures | None, account_failures: Sequence[dt.datetime], now: dt.datetime) -> int:
    """Seconds this IP must wait before trying this account again; 0 means go ahead.

    Only an IP that has failed itself is ever held back, so an attacker elsewhere cannot
    lock the owner out: the account-wide limit slows every IP already guessing, never a
    fresh one."""
    if ip is None or ip.count <= 0:
        return 0
    wait = (ip.last_at + dt.timedelta(seconds=ip_delay(ip.count)) - now).total_seconds()
    recent = sorted(t for t in account_failures if t > now - ACCOUNT_WINDOW)
    if len(recent) >= ACCOUNT_LIMIT:
        # Open again once enough of these failures have aged out of the window.
        oldest_counted = recent[-ACCOUNT_LIMIT]
        wait = max(wait, (oldest_counted + ACCOUNT_WINDOW - now).total_seconds())
    return max(0, math.ceil(wait))


# -- sessions ---------------------------------------------------------------------------
def session_active(revoked_at: dt.datetime | None, expires_at: dt.datetime, status: str,
                   now: dt.datetime) -> bool:
    return revoked_at is None and expires_at > now and status == ACTIVE


# -- mail -------------------------------------------------------------------------------
MAIL_MAX_ATTEMPTS = 12


def mail_retry_delay(attempts: int) -> int:
    """Seconds before the next try of a mail that failed `attempts` times: 30 s doubling to an hour."""
    return min(3600, 30 * 2 ** min(max(attempts - 1, 0), 16))


def may_send_reset_mail(sent_in_last_hour: int, limit: int) -> bool:
    return sent_in_last_hour < limit


@dataclass(frozen=True)
class Client:
    """Where an attempt came from, as the gateway saw it."""
    ip: str = ""
    user_agent: str = ""
