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
    SUBMITTED: {IN_PROCESS, REJECTED},
    IN_PROCESS: {RESOLVED, REJECTED},
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
