"""Corrections of a student's record: by admissions at the desk, or applied from an approved
"Correction in personal information" request (requests' `correction_approved`).

Each change keeps the value it replaced in the record's history, in the same transaction,
and `personal_info_changed` tells the other services to refresh their copies."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from campus import clock, identifiers, personal_info
from campus.db import Database
from campus.errors import InvalidArgument, NotFound
from cms.enrollment.v1 import events_pb2
from services.enrollment.models import record_history, students

#: What a correction may change, each checked as admission checks it (shared with requests,
#: which checks a student's correction before filing it).
CORRECTABLE = personal_info.CHECKS
BY_HAND = "by hand"


def checked(changes: dict[str, str]) -> dict[str, object]:
    """The changes, each field known and its value valid (the first problem refuses them all)."""
    if not changes:
        raise InvalidArgument("name at least one field to correct", field="changes")
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise InvalidArgument(f"these cannot be corrected here: {', '.join(unknown)}", field=unknown[0])
    return {field: CORRECTABLE[field](value) for field, value in changes.items()}


_shown = personal_info.shown


def apply(uow, regno: str, changes: dict[str, str], *, changed_by: str, source: str) -> list[str]:
    """Change the record in `uow`; returns the fields that changed (an unchanged value is
    not a change), and records their history and one `personal_info_changed`."""
    values = checked(changes)
    row = uow.session.execute(sa.select(students).where(students.c.registration_number == regno)
                              .with_for_update()).first()
    if row is None:
        raise NotFound("no student with this registration number", field="registration_number")
    now = clock.utcnow()
    changed = {f: v for f, v in values.items() if _shown(getattr(row, f)) != _shown(v)}
    if not changed:
        return []
    uow.session.execute(sa.update(students).where(students.c.id == row.id).values(**changed))
    uow.session.execute(sa.insert(record_history), [
        {"student_id": row.id, "field": f, "old_value": _shown(getattr(row, f))[:300], "new_value": _shown(v)[:300],
         "changed_at": now, "changed_by": changed_by[:60], "source": source[:60]} for f, v in changed.items()])
    after = {**row._asdict(), **changed}
    uow.record(events_pb2.PersonalInfoChanged(
        registration_number=regno, fields=sorted(changed), changed_at=clock.iso(now), full_name=after["full_name"],
        father_name=after["father_name"], email=after["email"], mobile=after["mobile"]))
    return sorted(changed)


def correct(db: Database, regno: str, changes: dict[str, str], *, officer: str, reason: str) -> list[str]:
    """Admissions correct a record at the desk, saying why."""
    reason = identifiers.text(reason, "reason", max_length=50, required=True)
    with db.unit_of_work() as uow:
        changed = apply(uow, regno, changes, changed_by=officer, source=f"{BY_HAND}: {reason}")
        uow.commit()
    return changed


def history(session: Session, student_id: int) -> list[sa.Row]:
    return list(session.execute(sa.select(record_history).where(record_history.c.student_id == student_id)
                                .order_by(record_history.c.changed_at.desc(), record_history.c.id.desc())))


def record(db: Database, regno: str) -> tuple[sa.Row, list[sa.Row]]:
    """Her record's admission facts and its history, newest change first."""
    with db.sessions() as session:
        row = session.execute(sa.select(students).where(students.c.registration_number == regno)).first()
        if row is None:
            raise NotFound("no student with this registration number", field="registration_number")
        return row, history(session, row.id)
