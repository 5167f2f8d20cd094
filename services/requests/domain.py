"""Service request rules, free of I/O: numbers, statuses and their transitions."""
from __future__ import annotations

AWAITING_PAYMENT, SUBMITTED, IN_PROCESS, RESOLVED, REJECTED = (
    "awaiting_payment", "submitted", "in_process", "resolved", "rejected")
OPEN = (AWAITING_PAYMENT, SUBMITTED, IN_PROCESS)

TRANSITIONS = {
    AWAITING_PAYMENT: {IN_PROCESS, REJECTED},
    SUBMITTED: {IN_PROCESS, REJECTED},
    IN_PROCESS: {RESOLVED, REJECTED},
    RESOLVED: set(),
    REJECTED: set(),
}


def request_number(year: int, serial: int) -> str:
    return f"SR-{year}-{serial:06d}"


def initial_status(has_fee: bool) -> str:
    """A fee-bearing request waits for its challan to be paid; the rest go to the queue."""
    return AWAITING_PAYMENT if has_fee else SUBMITTED


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())


def status_after_payment(current: str) -> str | None:
    """The status a paid challan moves a request to, or None when it changes nothing
    (already moved on: a second payment event, or a request rejected meanwhile)."""
    return IN_PROCESS if current == AWAITING_PAYMENT else None
