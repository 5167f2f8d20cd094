"""Time: stored in UTC, shown in Asia/Karachi."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

KARACHI = ZoneInfo("Asia/Karachi")
UTC = dt.UTC


def utcnow() -> dt.datetime:
    return dt.datetime.now(UTC)


def as_utc(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; everything we store is UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def iso(moment: dt.datetime | None) -> str:
    """RFC 3339 in UTC, or '' for a missing time (protobuf strings have no null)."""
    return as_utc(moment).isoformat(timespec="seconds").replace("+00:00", "Z") if moment else ""


def karachi_today() -> dt.date:
    return utcnow().astimezone(KARACHI).date()


def karachi_date(moment: dt.datetime) -> dt.date:
    """The day a stored (UTC) moment fell on in Pakistan."""
    return as_utc(moment).astimezone(KARACHI).date()
