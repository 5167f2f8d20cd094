"""The department heads' daily digest of escalated requests: a loop of the relay process.

requests publishes `request_escalated` once per overdue request; the consumer keeps it
here. Once a day, after `digest_hour` (Karachi), each department with escalations not yet
told gets one email listing them. The delivery's key is the department and the day, so a
second pass (or a second replica) that day adds nothing.
"""
from __future__ import annotations

import datetime as dt
import json
import logging

import sqlalchemy as sa

from campus import clock
from cms.requests.v1.events_pb2 import RequestEscalated
from services.notifications import domain
from services.notifications.models import deliveries, department_heads, escalations

log = logging.getLogger(__name__)
LINES_MAX = 100  # a longer digest says how many more; the console lists them all


def record_escalation(session, escalated: RequestEscalated) -> None:
    if session.scalar(sa.select(escalations.c.id).where(escalations.c.request_number == escalated.request_number)):
        return
    try:
        at = clock.as_utc(dt.datetime.fromisoformat(escalated.escalated_at))
    except ValueError:
        at = clock.utcnow()
    session.execute(sa.insert(escalations).values(
        request_number=escalated.request_number[:30], department=escalated.department[:30],
        subtype=escalated.subtype[:40], due_by=escalated.due_by[:10], assigned_to=escalated.assigned_to[:80],
        escalated_at=at))


def digest_lines(rows) -> str:
    lines = [f"- {r.request_number} ({r.subtype.replace('_', ' ')}), due by {r.due_by}"
             + (f", with {r.assigned_to}" if r.assigned_to else ", not assigned") for r in rows[:LINES_MAX]]
    if len(rows) > LINES_MAX:
        lines.append(f"- and {len(rows) - LINES_MAX} more")
    return "\n".join(lines)


def send_digests(runtime, now: dt.datetime | None = None) -> bool:
    """Queue today's digest for each department with untold escalations (once the hour has come)."""
    now = now or clock.utcnow()
    local = now.astimezone(clock.KARACHI)
    if local.hour < runtime.config.digest_hour:
        return False
    today = local.date()
    with runtime.db.unit_of_work() as uow:
        session = uow.session
        waiting = session.execute(sa.select(escalations).where(escalations.c.digest_on.is_(None))
                                  .order_by(escalations.c.department, escalations.c.due_by)).all()
        heads = {h.department: h for h in session.execute(sa.select(department_heads))}
        for department in sorted({r.department for r in waiting}):
            rows = [r for r in waiting if r.department == department]
            head = heads.get(department)
            if head is None:
                log.warning("no head on record for %s: %d escalations wait", department, len(rows))
                continue
            if not _queue(session, department, head.email, today, rows):
                continue  # today's digest went already: these wait for tomorrow's
            session.execute(sa.update(escalations).where(escalations.c.id.in_([r.id for r in rows]))
                            .values(digest_on=today))
        uow.commit()
    return False


def _queue(session, department: str, email: str, today: dt.date, rows) -> bool:
    key = f"digest:{department}:{today.isoformat()}"
    if session.scalar(sa.select(deliveries.c.id).where(deliveries.c.event_id == key)):
        return False
    params = {"department": department.replace("_", " ").title(), "count": len(rows), "lines": digest_lines(rows)}
    session.execute(sa.insert(deliveries).values(
        event_id=key, channel=domain.EMAIL, recipient=email, address=email, kind="escalation_digest",
        params=json.dumps(params, ensure_ascii=False), reference=f"{department} {today.isoformat()}"[:40],
        status=domain.PENDING, next_attempt_at=clock.utcnow(), created_at=clock.utcnow()))
    log.info("digest of %d escalations queued for the head of %s", len(rows), department)
    return True
