"""Tracking rules, free of I/O: tracking IDs, what kind of application a request opens,
the stages an application moves through and who moves it, objection deadlines and targets."""
from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable

from campus import clock, identifiers
from campus.errors import FailedPrecondition, InvalidArgument, PermissionDenied

DEGREE, TRANSCRIPT, CERTIFICATE = "degree", "transcript", "certificate"
STAGES = ("received", "verification", "objection", "printing", "ready", "dispatched", "delivered")
RECEIVED, VERIFICATION, OBJECTION, PRINTING, READY, DISPATCHED, DELIVERED = STAGES
#: The lists of the degree tracking system (seed 002) an application is shown in, and two
#: more for those that left the examinations department.
IN_PROCESS, INCOMPLETE_RETURNED = "in_process", "incomplete_returned"
SECTIONS = (IN_PROCESS, INCOMPLETE_RETURNED, DISPATCHED, DELIVERED)
EXAMINATIONS, DISPATCH = "examinations", "dispatch"

#: Where an application may go, who sends it there, and from which stages. Examinations
#: check the documents against the published result, return the application with an
#: objection, print; dispatch hands it to a courier and records delivery. An objection is
#: raised with its reason and documents (raise_objection), and leaves only by the student's
#: answer (back to verification) or by its window closing (rejected).
MOVES: dict[str, tuple[str, frozenset[str]]] = {
    VERIFICATION: (EXAMINATIONS, frozenset({RECEIVED})),
    OBJECTION: (EXAMINATIONS, frozenset({RECEIVED, VERIFICATION})),
    PRINTING: (EXAMINATIONS, frozenset({VERIFICATION})),
    READY: (EXAMINATIONS, frozenset({PRINTING})),
    DISPATCHED: (DISPATCH, frozenset({READY})),
    DELIVERED: (DISPATCH, frozenset({DISPATCHED})),
}
#: What an officer may do next from each stage (the staff page offers these).
NEXT = {stage: tuple(to for to, (_, sources) in MOVES.items() if stage in sources and to != OBJECTION)
        for stage in STAGES}


def parse_stage(value: str) -> str:
    stage = (value or "").strip().lower()
    if stage not in STAGES:
        raise InvalidArgument(f"stage must be one of {', '.join(STAGES)}", field="stage")
    return stage


def check_move(current: str, to: str, department: str, *, rejected: bool = False) -> None:
    """Refuse a move the rules do not allow, or by a department that does not own it."""
    if to == RECEIVED:
        raise InvalidArgument("an application is received once, when its request is paid", field="stage")
    owner, sources = MOVES[to]
    if department != owner:
        raise PermissionDenied(f"only {owner} staff move an application to {to}")
    if rejected:
        raise FailedPrecondition("this application was rejected when its objection's window closed; "
                                 "the student files a new request", field="stage")
    if current not in sources:
        raise FailedPrecondition(f"an application at {current} cannot move to {to} "
                                 f"(only from {', '.join(sorted(sources))})", field="stage")


def section_of(stage: str, rejected: bool = False) -> str:
    """The list an application is shown in: returned while an objection is open or after it
    closed unanswered; dispatched and delivered on their own; otherwise in process."""
    if rejected or stage == OBJECTION:
        return INCOMPLETE_RETURNED
    if stage in (DISPATCHED, DELIVERED):
        return stage
    return IN_PROCESS

# -- tracking IDs -------------------------------------------------------------------
# People read these out over the phone and type them from paper: no I, L, O or U
# (taken for 1, 1, 0 and V) and no digits 0 or 1.
LETTERS = "ABCDEFGHJKMNPQRSTVWXYZ"
ALPHANUMERICS = LETTERS + "23456789"
TRACKING_ID = re.compile(rf"^[{LETTERS}]{{3}}-[{LETTERS}]{{3}}-[{ALPHANUMERICS}]{{4}}$")


def new_tracking_id(choice: Callable[[str], str] = secrets.choice) -> str:
    """Like EBN-AGZ-2G33: unguessable, so knowing one ID tells nothing about the next."""
    def draw(alphabet: str, n: int) -> str:
        return "".join(choice(alphabet) for _ in range(n))

    return f"{draw(LETTERS, 3)}-{draw(LETTERS, 3)}-{draw(ALPHANUMERICS, 4)}"


def parse_tracking_id(value: str, field: str = "tracking_id") -> str:
    normalised = (value or "").strip().upper()
    if not TRACKING_ID.match(normalised):
        raise InvalidArgument(f"{field} is not a tracking ID (like EBN-AGZ-2G33)", field=field)
    return normalised


# -- applications ----------------------------------------------------------------------
KIND_BY_FIRST_WORD = {"degree": DEGREE, "transcript": TRANSCRIPT, "certificate": CERTIFICATE,
                      "diploma": CERTIFICATE}


def kind_of(subtype: str) -> str:
    """degree_urgent -> degree, transcript_ordinary -> transcript. The catalogue's other
    document requests (correction, verification) are about the degree and its result card,
    which the examinations department tracks as degree applications."""
    return KIND_BY_FIRST_WORD.get((subtype or "").split("_", 1)[0].lower(), DEGREE)


def is_urgent(subtype: str, urgent_flag: bool) -> bool:
    return urgent_flag or (subtype or "").lower().endswith("_urgent")


def resolve_by(raised_at: dt.datetime, days: int) -> dt.date:
    """The last day, in Pakistan, to resolve an objection raised at `raised_at`."""
    return clock.as_utc(raised_at).astimezone(clock.KARACHI).date() + dt.timedelta(days=days)


def window_closed(deadline: dt.date, now: dt.datetime) -> bool:
    """Past the last day to answer, in Pakistan (the whole of that day still counts)."""
    return clock.karachi_date(now) > deadline


def target_date(filed_at: dt.datetime, urgent: bool, urgent_days: int, ordinary_days: int) -> dt.date:
    """When the university aims to have the document out: about two weeks when urgent."""
    return clock.karachi_date(filed_at) + dt.timedelta(days=urgent_days if urgent else ordinary_days)


def overdue_if_filed_before(today: dt.date, days: int) -> dt.datetime:
    """The moment (UTC) an application must have been filed after to be within `days` of
    today: its target_date < today exactly when it was filed before this."""
    return dt.datetime.combine(today - dt.timedelta(days=days), dt.time(), tzinfo=clock.KARACHI).astimezone(clock.UTC)


MAX_DOCUMENTS, DOCUMENT_LENGTH = 10, 120


def documents_wanted(values) -> list[str]:
    """The documents an objection asks for, e.g. "Attested copy of the Matric certificate"."""
    wanted = [" ".join(identifiers.text(v, "documents", max_length=DOCUMENT_LENGTH).split()) for v in values or []]
    wanted = [w for w in wanted if w]
    if len(wanted) > MAX_DOCUMENTS:
        raise InvalidArgument(f"at most {MAX_DOCUMENTS} documents may be asked for", field="documents")
    return list(dict.fromkeys(wanted))
