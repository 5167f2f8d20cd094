"""Service levels: how long a department's open requests have waited, whether it decides
them by their day, and the escalation of those past it to the department's head.

A request's day is its subtype's `service_days` from reaching the department (queued_at).
Each subtype has its own level, so the arithmetic is done here on bounded reads rather than
in SQL date functions that differ between PostgreSQL and SQLite."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

import sqlalchemy as sa

from campus import clock, durations
from campus.db import Database
from cms.requests.v1 import events_pb2
from services.requests import casework, domain
from services.requests.models import service_requests, status_history, subtypes

log = logging.getLogger(__name__)
#: Age buckets in days since reaching the department: (label, up to and including).
BUCKETS = (("0-7", 7), ("8-14", 14), ("15-30", 30), ("31+", None))
WITH_DEPARTMENT = (domain.SUBMITTED, domain.IN_PROCESS, domain.AWAITING_STUDENT)
#: Decisions counted for compliance: those of the last this many days.
COMPLIANCE_DAYS = 30
ESCALATED_BY = "system"


@dataclass
class Figures:
    buckets: dict[str, list[int]] = field(default_factory=lambda: {label: [0, 0] for label, _ in BUCKETS})
    open_total: int = 0
    overdue_total: int = 0
    escalated_total: int = 0
    decided_on_time: int = 0
    decided_late: int = 0


def bucket_of(age_days: int) -> str:
    return next(label for label, upto in BUCKETS if upto is None or age_days <= upto)


def _where(department: str, centre: str | None) -> list:
    where = [service_requests.c.department == department, service_requests.c.queued_at.is_not(None)]
    if centre is not None:
        where.append(service_requests.c.centre == centre)
    return where


def figures(db: Database, department: str, centre: str | None = None) -> Figures:
    """The department's (a regional officer's: her centre's) open requests by age and level,
    and how many of the last 30 days' decisions came by their day."""
    found = Figures()
    if centre == "":
        return found  # a centre-bound officer without a centre sees nothing
    today = clock.karachi_today()
    with db.sessions() as session:
        waiting = session.execute(
            sa.select(service_requests.c.status, service_requests.c.queued_at, service_requests.c.escalated_at,
                      subtypes.c.service_days)
            .join(subtypes, subtypes.c.code == service_requests.c.subtype)
            .where(*_where(department, centre), service_requests.c.status.in_(WITH_DEPARTMENT))).all()
        decided = _decided(session, department, centre)
    for row in waiting:
        reached = clock.karachi_date(row.queued_at)
        late = domain.is_overdue(row.status, domain.due_by(reached, row.service_days), today)
        found.buckets[bucket_of((today - reached).days)][1 if late else 0] += 1
        found.open_total += 1
        found.overdue_total += late
        found.escalated_total += row.escalated_at is not None
    for row in decided:
        on_time = clock.karachi_date(row.decided_at) <= domain.due_by(clock.karachi_date(row.queued_at),
                                                                       row.service_days)
        found.decided_on_time += on_time
        found.decided_late += not on_time
    return found


def _decided(session, department: str, centre: str | None) -> list[sa.Row]:
    """Requests decided in the last COMPLIANCE_DAYS days, each with the moment of its decision."""
    since = clock.utcnow() - dt.timedelta(days=COMPLIANCE_DAYS)
    # The decision is the first line that moved it to resolved or rejected (a later line, an
    # officer assigned after it, keeps that status but decides nothing).
    decided_at = (sa.select(sa.func.min(status_history.c.changed_at))
                  .where(status_history.c.request_id == service_requests.c.id,
                         status_history.c.status.in_(domain.DECIDED)).scalar_subquery())
    return session.execute(
        sa.select(service_requests.c.queued_at, subtypes.c.service_days, decided_at.label("decided_at"))
        .join(subtypes, subtypes.c.code == service_requests.c.subtype)
        .where(*_where(department, centre), service_requests.c.status.in_((*domain.DECIDED, domain.CLOSED)),
               decided_at >= since)).all()


def escalate_overdue(db: Database, *, limit: int = 500) -> int:
    """Tell each department's head of the requests past their service level, once each: the
    request's history says so and `request_escalated` goes out (notifications sends the head
    a daily digest). Returns how many were escalated."""
    today = clock.karachi_today()
    with db.sessions() as session:
        candidates = session.execute(
            sa.select(service_requests.c.id, service_requests.c.status, service_requests.c.queued_at,
                      subtypes.c.service_days)
            .join(subtypes, subtypes.c.code == service_requests.c.subtype)
            .where(service_requests.c.status.in_(WITH_DEPARTMENT), service_requests.c.escalated_at.is_(None),
                   service_requests.c.queued_at.is_not(None))
            .order_by(service_requests.c.queued_at).limit(limit * 10)).all()
    late = [r for r in candidates
            if domain.is_overdue(r.status, domain.due_by(clock.karachi_date(r.queued_at), r.service_days), today)]
    return sum(_escalate(db, r.id, r.service_days) for r in late[:limit])


def _escalate(db: Database, request_id: int, service_days: int) -> bool:
    with db.unit_of_work() as uow:
        row = uow.session.execute(sa.select(service_requests).where(
            service_requests.c.id == request_id).with_for_update()).one()
        if row.escalated_at is not None or row.status not in WITH_DEPARTMENT:
            return False  # escalated by another replica, or decided meanwhile
        now = clock.utcnow()
        due = domain.due_by(clock.karachi_date(row.queued_at), service_days)
        uow.session.execute(sa.update(service_requests).where(service_requests.c.id == row.id).values(
            escalated_at=now))
        uow.session.execute(sa.insert(status_history).values(
            request_id=row.id, status=row.status, changed_at=now, actor=ESCALATED_BY,
            note=f"past its service level ({due.isoformat()}): escalated to the head of {row.department}"))
        uow.record(events_pb2.RequestEscalated(
            request_number=row.request_number, registration_number=row.registration_number,
            department=row.department, subtype=row.subtype, due_by=due.isoformat(),
            assigned_to=row.assigned_to or "", escalated_at=clock.iso(now)))
        uow.commit()
    log.info("request %s escalated to the head of %s", row.request_number, row.department)
    return True


def escalate(runtime) -> bool:
    """One pass of the relay process's loop (campus.loops): True (go again at once) while a
    full batch was escalated."""
    escalated = escalate_overdue(runtime.db, limit=500)
    if escalated:
        log.info("escalated %d overdue request(s)", escalated)
    return escalated == 500


def close_decided(db: Database, *, after_days: int, limit: int = 500) -> int:
    """Close requests decided (resolved or rejected) this many days ago: the thread stays to
    read, but takes no more messages or documents (a new request is filed instead)."""
    before = clock.utcnow() - dt.timedelta(days=after_days)
    with db.sessions() as session:
        ids = session.execute(sa.select(service_requests.c.id).where(
            service_requests.c.status.in_(domain.DECIDED), service_requests.c.updated_at < before)
            .order_by(service_requests.c.updated_at).limit(limit)).scalars().all()
    return sum(_close(db, request_id, before, after_days) for request_id in ids)


def _close(db: Database, request_id: int, before: dt.datetime, after_days: int) -> bool:
    with db.unit_of_work() as uow:
        row = casework.locked(uow, request_id)
        if row.status not in domain.DECIDED or clock.as_utc(row.updated_at) >= before:
            return False  # moved meanwhile
        casework.move(uow, row, domain.CLOSED, note=f"closed {after_days} days after its decision",
                      actor=ESCALATED_BY, now=clock.utcnow())
        uow.commit()
    return True


def close(runtime) -> bool:
    """One pass of the relay process's loop: True (go again at once) while a full batch was closed."""
    closed = close_decided(runtime.db, after_days=runtime.config.close_decided_after_days, limit=500)
    if closed:
        log.info("closed %d decided request(s)", closed)
    return closed == 500


def stage_durations(db: Database, subtype: str) -> dict[str, durations.Spread]:
    """How long the most recent requests of a subtype stayed at each status."""
    with db.sessions() as session:
        return durations.by_stage(session, status_history, case="request_id", stage="status", at="changed_at",
                                  cases=sa.select(service_requests.c.id).where(service_requests.c.subtype == subtype)
                                  .order_by(service_requests.c.id.desc()).limit(durations.RECENT))
