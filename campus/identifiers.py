"""The university's identifiers, validated in one place.

Validators normalise (trim, case) and raise InvalidArgument naming the field."""
from __future__ import annotations

import re
import unicodedata

import email_validator

from campus.errors import InvalidArgument

# The format is not published; the portal shows numbers like 22P-123456.
REGISTRATION_NUMBER = re.compile(r"^[0-9]{2}[A-Z]{1,2}-[0-9]{6}$")
# Two letters and six digits, like BO680724 (DOMAIN.md); the book parcel's registry number too.
ROLL_NUMBER = re.compile(r"^[A-Z]{2}[0-9]{6}$")
STAFF_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{2,39}$")
BANK_MNEMONIC = re.compile(r"^[A-Z0-9]{2,8}$")
TRAN_AUTH_ID = re.compile(r"^[A-Za-z0-9]{6}$")
CODE = re.compile(r"^[a-z][a-z0-9_]{1,59}$")


def _check(pattern: re.Pattern, value: str, field: str, what: str) -> str:
    if not isinstance(value, str) or not pattern.match(value):
        raise InvalidArgument(f"{field} is not a valid {what}", field=field)
    return value


def registration_number(value: str, field: str = "registration_number") -> str:
    return _check(REGISTRATION_NUMBER, (value or "").strip().upper(), field,
                  "registration number (like 22P-123456)")


def roll_number(value: str, field: str = "roll_number") -> str:
    return _check(ROLL_NUMBER, (value or "").strip().upper(), field, "roll number (like BO680724)")


def bank_mnemonic(value: str, field: str = "bank_mnemonic") -> str:
    return _check(BANK_MNEMONIC, (value or "").strip().upper(), field, "bank mnemonic (2-8 letters or digits)")


def tran_auth_id(value: str, field: str = "tran_auth_id") -> str:
    return _check(TRAN_AUTH_ID, (value or "").strip(), field, "transaction authorisation id (6 characters)")


def code(value: str, field: str) -> str:
    return _check(CODE, (value or "").strip(), field, "code")


def username(value: str, field: str = "username") -> str:
    """Any account's name as stored: a registration number (upper case), a bank mnemonic
    (upper case, as written) or a staff login (lower case)."""
    value = (value or "").strip()
    if REGISTRATION_NUMBER.match(value.upper()):
        return value.upper()
    if BANK_MNEMONIC.match(value):
        return value
    if STAFF_USERNAME.match(value.lower()):
        return value.lower()
    raise InvalidArgument(f"{field} is not a registration number or login name", field=field)


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


#: Invisible characters that reorder or hide text: in a name they make one person's name
#: display as another's (bidi overrides, isolates, marks) or defeat search (zero-width).
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def text(value: str, field: str, *, max_length: int, required: bool = False) -> str:
    """Free text: NFKC-normalised (full-width and compatibility forms become the ordinary
    ones), trimmed, bounded, and free of control characters other than line breaks and
    tabs (PostgreSQL cannot store NUL, and nothing a person types needs the others)."""
    value = unicodedata.normalize("NFKC", value or "").strip()
    if required and not value:
        raise InvalidArgument(f"{field} is required", field=field)
    if len(value) > max_length:
        raise InvalidArgument(f"{field} is longer than {max_length} characters", field=field)
    if CONTROL.search(value):
        raise InvalidArgument(f"{field} contains control characters", field=field)
    return value


def person_name(value: str, field: str, *, max_length: int = 120) -> str:
    """A person's name: text, and no invisible reordering or zero-width characters."""
    value = text(value, field, max_length=max_length, required=True)
    if INVISIBLE.search(value):
        raise InvalidArgument(f"{field} contains invisible formatting characters", field=field)
    return value


MOBILE = re.compile(r"^\+?\d{10,15}$")
CNIC = re.compile(r"^([0-9]{5})-?([0-9]{7})-?([0-9])$")


def email(value: str, field: str = "email", *, required: bool = False) -> str:
    """An e-mail address, normalised ('' when not required and not given)."""
    value = text(value, field, max_length=254, required=required)
    if not value:
        return ""
    try:
        return email_validator.validate_email(value, check_deliverability=False).normalized
    except email_validator.EmailNotValidError as exc:
        raise InvalidArgument(f"{field} is not valid: {exc}", field=field) from None


def mobile(value: str, field: str = "mobile") -> str:
    """A mobile number: 10 to 15 digits, spaces and dashes dropped ('' when not given)."""
    value = re.sub(r"[\s-]", "", text(value, field, max_length=20))
    if value and not MOBILE.match(value):
        raise InvalidArgument(f"{field} must be 10 to 15 digits", field=field)
    return value


def cnic(value: str, field: str = "cnic") -> str:
    """A CNIC as printed on the card, 12345-1234567-1 (dashes optional when given)."""
    match = CNIC.match(text(value, field, max_length=20, required=True))
    if not match:
        raise InvalidArgument(f"{field} must be 13 digits, like 37405-1234567-2", field=field)
    return "-".join(match.groups())


def program_code(value: str, field: str = "program_code") -> str:
    """A programme's code as enrollment writes it (BED15, ADE): letters and digits, upper case."""
    code = (value or "").strip().upper()
    if not code or len(code) > 20 or not code.isalnum() or not code.isascii():
        raise InvalidArgument(f"{field} must be a program's code, like BED15", field=field)
    return code
