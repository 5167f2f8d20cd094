"""The second fact that the legacy initial password needs: the student's CNIC or date of
birth, as admissions recorded them.

Where the fact comes from (a decision): admissions gives it to identity when it opens
the account (CreateStudentAccount's `cnic` and `date_of_birth`), and identity keeps only a
keyed digest of each, until the student has a password of her own. We did not ask
enrollment at activation time instead: the admissions desk opens accounts without an
enrollment record (POST /api/v1/staff/students makes none), so there would be nothing to
ask; and a first sign-in should not depend on a second service being up. The digest is
keyed (HMAC-SHA256, the key derived like the MFA key: IDENTITY_MFA_ENCRYPTION_KEY when
set, else the signing key file) and bound to the registration number: a date of birth has
few possible values, so a plain hash in a leaked table would give it away.

Free of database I/O; the use case is services/identity/activation.py."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import re
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from campus.errors import InvalidArgument

CNIC, DATE_OF_BIRTH = "cnic", "date_of_birth"
FIELDS = (CNIC, DATE_OF_BIRTH)
#: Wrong tries of the legacy initial password (a wrong password or a wrong fact) before it
#: stops working for good and an activation code is mailed instead.
MAX_ATTEMPTS = 5
#: As the gateway's schema says (ASCII digits only): 37405-6543210-4, dashes optional.
CNIC_PATTERN = re.compile(r"^[0-9]{5}-?[0-9]{7}-?[0-9]$")
DATE_PATTERN = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def cnic(value: str, field: str = CNIC) -> str:
    """The 13 digits of a CNIC ('' when none is given)."""
    value = (value or "").strip()
    if not value:
        return ""
    if not CNIC_PATTERN.match(value):
        raise InvalidArgument(f"{field} must be a CNIC of 13 digits, like 37405-6543210-4", field=field)
    return value.replace("-", "")


def date_of_birth(value: str, field: str = DATE_OF_BIRTH) -> str:
    """A date of birth as YYYY-MM-DD ('' when none is given)."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        if not DATE_PATTERN.match(value):
            raise ValueError
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidArgument(f"{field} must be a date, YYYY-MM-DD", field=field) from None


@dataclass(frozen=True)
class Facts:
    """The facts given (each '' when not), normalised."""
    cnic: str = ""
    date_of_birth: str = ""

    @classmethod
    def parse(cls, cnic_value: str, date_value: str) -> Facts:
        return cls(cnic(cnic_value), date_of_birth(date_value))

    def given(self) -> tuple[str, ...]:
        """The names of the facts given, in FIELDS' order."""
        return tuple(name for name in FIELDS if getattr(self, name))

    def __bool__(self) -> bool:
        return bool(self.cnic or self.date_of_birth)


@functools.cache
def _key(configured: str, signing_key_file: str) -> bytes:
    material = configured.encode() if configured else open(signing_key_file, "rb").read()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"cms identity admission facts v1").derive(material)


def digest(config, username: str, name: str, value: str) -> str:
    """The keyed digest of one normalised fact of one account."""
    key = _key(config.mfa_encryption_key.get_secret_value(), str(config.signing_key_file))
    return hmac.new(key, f"{name}\x00{username}\x00{value}".encode(), hashlib.sha256).hexdigest()


def digests(config, username: str, facts: Facts) -> dict[str, str | None]:
    """The account columns that keep `facts` (None for a fact not given)."""
    return {"admission_cnic_digest": digest(config, username, CNIC, facts.cnic) if facts.cnic else None,
            "admission_dob_digest": (digest(config, username, DATE_OF_BIRTH, facts.date_of_birth)
                                     if facts.date_of_birth else None)}


def on_file(account) -> bool:
    return bool(account.admission_cnic_digest or account.admission_dob_digest)


def matches(config, account, facts: Facts) -> bool:
    """Whether the facts given are the admission record's: at least one given fact is on
    file, and every given fact that is on file is right."""
    stored = {CNIC: account.admission_cnic_digest, DATE_OF_BIRTH: account.admission_dob_digest}
    checked = [hmac.compare_digest(stored[name], digest(config, account.username, name, getattr(facts, name)))
               for name in facts.given() if stored[name]]
    return bool(checked) and all(checked)


# -- activation codes ---------------------------------------------------------------------
#: Activation codes are random (10 characters of 31: about 49 bits) and tried only under
#: sign-in throttling, so a keyed digest protects them as well as argon2 would, without
#: argon2's cost: a file of 10,000 admitted students opens 10,000 accounts in seconds, not
#: half an hour of hashing. Codes stored before this carry an argon2 hash (no prefix).
ACTIVATION_DIGEST_PREFIX = "hmac-sha256$"


def activation_digest(config, username: str, code: str) -> str:
    return ACTIVATION_DIGEST_PREFIX + digest(config, username, "activation_code", code)


def is_activation_digest(stored: str | None) -> bool:
    return bool(stored) and stored.startswith(ACTIVATION_DIGEST_PREFIX)


def activation_matches(config, username: str, stored: str, given: str) -> bool:
    return hmac.compare_digest(stored, activation_digest(config, username, given))
