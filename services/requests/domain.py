"""Service request rules, free of I/O: numbers, statuses and their transitions."""
from __future__ import annotations

import re

from campus.errors import InvalidArgument

FILING, AWAITING_PAYMENT, SUBMITTED, IN_PROCESS, RESOLVED, REJECTED = (
    "filing", "awaiting_payment", "submitted", "in_process", "resolved", "rejected")
OPEN = (AWAITING_PAYMENT, SUBMITTED, IN_PROCESS)

# `filing`: written, its challan being asked of finance. It leaves that state within the
# filing call, or through the sweeper if the process died, or when the challan is paid.
TRANSITIONS = {
    FILING: {AWAITING_PAYMENT, IN_PROCESS},
    AWAITING_PAYMENT: {IN_PROCESS, REJECTED},
    # A request without a fee goes straight to its department, which may decide it at once.
    SUBMITTED: {IN_PROCESS, RESOLVED, REJECTED},
    # Back to awaiting payment when the bank reverses the payment that moved it on.
    IN_PROCESS: {RESOLVED, REJECTED, AWAITING_PAYMENT},
    RESOLVED: set(),
    REJECTED: set(),
}


REQUEST_NUMBER_PATTERN = r"^SR-[0-9]{4}-[0-9]{6,}$"
REQUEST_NUMBER = re.compile(REQUEST_NUMBER_PATTERN)


def request_number(year: int, serial: int) -> str:
    return f"SR-{year}-{serial:06d}"


def parse_request_number(value: str, field: str = "request_number") -> str:
    """A request number as a person may type it (any case, spaces around), or InvalidArgument."""
    number = (value or "").strip().upper() if isinstance(value, str) else ""
    if not REQUEST_NUMBER.match(number):
        raise InvalidArgument(f"{field} is not a valid request number (like SR-2026-000123)", field=field)
    return number


def initial_status(has_fee: bool) -> str:
    """A fee-bearing request is filed in two steps (it needs a challan from finance); the
    rest go straight to their department's queue."""
    return FILING if has_fee else SUBMITTED


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())


def status_after_payment(current: str) -> str | None:
    """The status a paid challan moves a request to, or None when it changes nothing
    (already moved on: a second payment event, or a request rejected meanwhile). A request
    still `filing` was paid before its filing finished: it moves on all the same."""
    return IN_PROCESS if current in (AWAITING_PAYMENT, FILING) else None


def status_after_reversal(current: str) -> str | None:
    """The status a reversed payment moves a request back to, or None when it has moved on
    (decided already: treasury must recover the fee instead) or never moved."""
    return AWAITING_PAYMENT if current == IN_PROCESS else None


# -- whose requests a staff member sees (regional offices: their own centre's) ----------
#: Staff of these departments work for one regional centre, named in their access token
#: (as in enrollment). Each request stores its student's centre from the day it is filed.
CENTRE_BOUND = frozenset({"regional"})


class NoCentre(Exception):
    """A centre-bound staff member whose token names no centre: she sees no request."""


def centre_scope(caller_kind: str, department: str, centre: str) -> str | None:
    """The one centre whose requests this caller may see, or None for no such limit.

    Only centre-bound departments are limited (a centre in another department's token
    changes nothing). Requests filed before centres were stored have "" and so match no
    centre: no regional officer sees them. Raises NoCentre for a centre-bound staff
    member whose token names none."""
    if caller_kind != "staff" or department not in CENTRE_BOUND:
        return None
    if not centre:
        raise NoCentre(department)
    return centre


def in_scope(scope: str | None, centre: str) -> bool:
    """Whether a request of `centre` is within a caller's `scope` (from centre_scope; ""
    for a centre-bound caller without a centre). A request without a centre is within no
    centre's scope."""
    return scope is None or (bool(scope) and centre == scope)
