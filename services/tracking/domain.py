"""Tracking rules, free of I/O: tracking IDs, what kind of application a request opens,
and objection deadlines."""
from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable

from campus import clock
from campus.errors import InvalidArgument

DEGREE, TRANSCRIPT, CERTIFICATE = "degree", "transcript", "certificate"
ONLINE, IN_PROCESS, INCOMPLETE_RETURNED = "online", "in_process", "incomplete_returned"
STAGES = ("received", "verification", "printing", "signing", "dispatched", "delivered")
RECEIVED = STAGES[0]

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
