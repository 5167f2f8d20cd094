"""A student's personal information as it may be corrected: the fields and each one's check,
as admission checks it. Enrollment applies a correction; requests checks the one a student
asks for before filing it, so that whatever admissions approves can always be applied."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from campus import clock, identifiers
from campus.errors import InvalidArgument

#: Youngest and oldest a student may be on the day of admission (Matric admits teenagers;
#: distance learners of any working age).
AGE_RANGE = (12, 100)
#: What a "Correction in personal information" request may change, in the form's order.
FIELDS = ("full_name", "father_name", "cnic", "date_of_birth", "postal_address", "mobile", "email")


def date_of_birth(value: str, today: dt.date) -> dt.date:
    try:
        born = dt.date.fromisoformat((value or "").strip())
    except ValueError:
        raise InvalidArgument("date_of_birth must be a date like 2001-09-03", field="date_of_birth") from None
    age = (today - born).days // 365
    if not AGE_RANGE[0] <= age <= AGE_RANGE[1]:
        raise InvalidArgument(f"date_of_birth gives an age of {age}, outside {AGE_RANGE[0]} to {AGE_RANGE[1]}",
                              field="date_of_birth")
    return born


def postal_address(value: str) -> str:
    address = identifiers.text(value, "postal_address", max_length=300, required=True)
    if len(address) < 10:
        raise InvalidArgument("postal_address is too short to deliver books to", field="postal_address")
    return address


#: The longest email address a record keeps (enrollment's column).
EMAIL_MAX = 120


def _email(value: str) -> str:
    email = identifiers.email(value, required=True)
    if len(email) > EMAIL_MAX:
        raise InvalidArgument(f"email is longer than {EMAIL_MAX} characters", field="email")
    return email


def required(field: str) -> str:
    raise InvalidArgument(f"{field} is required", field=field)


#: Each correctable field's check: the value as stored, or InvalidArgument naming the field.
CHECKS: dict[str, Callable[[str], object]] = {
    "full_name": lambda v: identifiers.person_name(v, "full_name"),
    "father_name": lambda v: identifiers.person_name(v, "father_name"),
    "cnic": identifiers.cnic,
    "date_of_birth": lambda v: date_of_birth(v, clock.karachi_today()),
    "postal_address": postal_address,
    "mobile": lambda v: identifiers.mobile(v) or required("mobile"),
    "email": lambda v: _email(v),
}


def shown(value) -> str:
    """A checked value as text, as a record's history and an event carry it."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def checked(field: str, value: str) -> str:
    """One field's new value, checked and as text; InvalidArgument for a field not here."""
    if field not in CHECKS:
        raise InvalidArgument(f"{field} cannot be corrected here", field=field)
    return shown(CHECKS[field](value))
