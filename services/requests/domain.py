"""Service request rules, free of I/O: numbers, statuses and their transitions."""
from __future__ import annotations

import datetime as dt
import re

from campus import registry
from campus.errors import FailedPrecondition, InvalidArgument

FILING, AWAITING_PAYMENT, SUBMITTED, IN_PROCESS, RESOLVED, REJECTED = (
    "filing", "awaiting_payment", "submitted", "in_process", "resolved", "rejected")
AWAITING_STUDENT, CLOSED = "awaiting_student", "closed"
OPEN = (AWAITING_PAYMENT, SUBMITTED, IN_PROCESS, AWAITING_STUDENT)
DECIDED = (RESOLVED, REJECTED)
#: Statuses a person may filter a queue by (`filing` is a moment inside one call, not a state).
STATUSES = (AWAITING_PAYMENT, SUBMITTED, IN_PROCESS, AWAITING_STUDENT, RESOLVED, REJECTED, CLOSED)

# `filing`: written, its challan being asked of finance. It leaves that state within the
# filing call, or through the sweeper if the process died, or when the challan is paid.
TRANSITIONS = {
    FILING: {AWAITING_PAYMENT, IN_PROCESS},
    AWAITING_PAYMENT: {IN_PROCESS, REJECTED},
    # A request without a fee goes straight to its department, which may decide it at once.
    SUBMITTED: {IN_PROCESS, RESOLVED, REJECTED, AWAITING_STUDENT},
    # Back to awaiting payment when the bank reverses the payment that moved it on.
    IN_PROCESS: {RESOLVED, REJECTED, AWAITING_PAYMENT, AWAITING_STUDENT},
    # The department asked her something: her answer (a message or a document) brings it back.
    AWAITING_STUDENT: {IN_PROCESS, RESOLVED, REJECTED, AWAITING_PAYMENT},
    RESOLVED: {CLOSED},
    REJECTED: {CLOSED},
    CLOSED: set(),
}

# -- a department's decision ---------------------------------------------------------
APPROVE, REJECT, REQUEST_INFORMATION = "approve", "reject", "request_information"
DECISIONS = {APPROVE: RESOLVED, REJECT: REJECTED, REQUEST_INFORMATION: AWAITING_STUDENT}
#: A department decides a request that has reached it: never one still waiting for its fee
#: (that one is turned down by itself when its challan lapses).
DECIDABLE = (SUBMITTED, IN_PROCESS, AWAITING_STUDENT)
REASON_MAX_LENGTH = 300  # it is the history line she reads (status_history.note)


def decision_target(status: str, decision: str, reason: str) -> str:
    """The status a department's decision moves a request to, or the error saying why not.

    A refusal and a question must say why: the student reads the reason on her request."""
    target = DECISIONS.get(decision)
    if target is None:
        raise InvalidArgument("decision must be approve, reject or request_information", field="decision")
    if decision != APPROVE and not reason.strip():
        raise InvalidArgument("say why: the student reads this reason on her request", field="reason")
    if status not in DECIDABLE:
        raise FailedPrecondition(f"a request that is {status.replace('_', ' ')} cannot be decided now",
                                 field="decision", reason="NOT_DECIDABLE")
    if status == target:
        raise FailedPrecondition("the request is already awaiting the student's answer", field="decision",
                                 reason="NOT_DECIDABLE")
    return target


#: "Correction in personal information": the field each subtype is about (she may correct
#: others with it); a correction filed by fields is filed as the subtype of its first.
CORRECTION_SUBTYPE_FIELDS = {
    "name_correction": "full_name", "father_name_correction": "father_name", "cnic_correction": "cnic",
    "date_of_birth_correction": "date_of_birth", "address_change": "postal_address",
    "mobile_number_change": "mobile", "email_change": "email"}
CORRECTION_FIELD_SUBTYPES = {field: subtype for subtype, field in CORRECTION_SUBTYPE_FIELDS.items()}


def status_after_answer(current: str) -> str | None:
    """Her answer (a message or an attachment) to a department's question puts the request
    back in its queue; any other time it changes nothing."""
    return IN_PROCESS if current == AWAITING_STUDENT else None


def may_write(status: str) -> bool:
    """A request takes messages and documents until it is closed: after a decision she may
    still ask about it; a closed request is over."""
    return status not in (FILING, CLOSED)


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
    return AWAITING_PAYMENT if current in (IN_PROCESS, AWAITING_STUDENT) else None


# -- whose requests a staff member sees (regional offices: their own centre's) ----------
#: Centre-bound staff (identity declares which departments: campus.registry.centre_bound)
#: see their own centre's requests: each request stores its student's centre from the day
#: it is filed.


class NoCentre(Exception):
    """A centre-bound staff member whose token names no centre: she sees no request."""


def centre_scope(caller_kind: str, department: str, centre: str) -> str | None:
    """The one centre whose requests this caller may see, or None for no such limit.

    Only centre-bound departments are limited (a centre in another department's token
    changes nothing). Requests filed before centres were stored have "" and so match no
    centre: no regional officer sees them. Raises NoCentre for a centre-bound staff
    member whose token names none."""
    if caller_kind != "staff" or department not in registry.centre_bound():
        return None
    if not centre:
        raise NoCentre(department)
    return centre


def in_scope(scope: str | None, centre: str) -> bool:
    """Whether a request of `centre` is within a caller's `scope` (from centre_scope; ""
    for a centre-bound caller without a centre). A request without a centre is within no
    centre's scope."""
    return scope is None or (bool(scope) and centre == scope)


# -- service levels ---------------------------------------------------------------
def due_by(reached_department: dt.date, service_days: int) -> dt.date:
    """The day a department should have decided a request by: its subtype's service level
    counted from the day the request reached the department (filed, or paid for)."""
    return reached_department + dt.timedelta(days=service_days)


def is_overdue(status: str, due: dt.date | None, today: dt.date) -> bool:
    """Past its service level and still with the department (not her fee, not decided)."""
    return due is not None and status in (SUBMITTED, IN_PROCESS, AWAITING_STUDENT) and today > due
