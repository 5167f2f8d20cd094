"""Holds: what blocks a student (registration, transcript, degree) and what she must do.

Most holds come and go with other services' events: an overdue due from finance's
challans (cleared by its payment), an objection on a degree application from tracking
(cleared when the application leaves the objection stage). Admissions place and lift
`missing_documents` by hand. A hold is never deleted: lifting it records who and when."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from campus import clock, identifiers
from campus.db import Database
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from services.enrollment import domain
from services.enrollment.models import due_fee_codes, dues, hold_types, holds, students

UNPAID_DUES, DEGREE_OBJECTION = "unpaid_dues", "degree_objection"
OBJECTION_STAGE = "objection"  # tracking's stage code for an application returned to the student


@dataclass(frozen=True)
class Hold:
    code: str
    title: str
    action: str
    blocks: tuple[str, ...]
    reference: str
    raised_at: dt.datetime
    note: str = ""


def _types(session: Session) -> dict[str, sa.Row]:
    return {t.code: t for t in session.execute(sa.select(hold_types))}


def _hold(kind: sa.Row, reference: str, raised_at: dt.datetime, note: str = "") -> Hold:
    return Hold(kind.code, kind.title, kind.action, tuple(b for b in kind.blocks.split(",") if b), reference,
                raised_at, note)


def active(session: Session, regno: str, today: dt.date) -> list[Hold]:
    """Her holds now: those placed and not lifted, and each due unpaid past its date."""
    kinds = _types(session)
    found = [_hold(kinds[h.hold_type], h.reference, h.raised_at, h.note) for h in session.execute(
        sa.select(holds).where(holds.c.registration_number == regno, holds.c.cleared_at.is_(None))
        .order_by(holds.c.raised_at))]
    overdue = session.execute(sa.select(dues).where(
        dues.c.registration_number == regno, dues.c.paid_at.is_(None), dues.c.due_date < today)
        .order_by(dues.c.due_date))
    if UNPAID_DUES in kinds:
        found += [_hold(kinds[UNPAID_DUES], d.consumer_number,
                        dt.datetime.combine(d.due_date + dt.timedelta(days=1), dt.time(), clock.KARACHI),
                        f"Rs {d.amount_paisa // 100:,} due on {d.due_date.isoformat()}") for d in overdue]
    return found


def list_holds(db: Database, regno: str, today: dt.date | None = None) -> list[Hold]:
    with db.sessions() as session:
        if session.scalar(sa.select(students.c.id).where(students.c.registration_number == regno)) is None:
            raise NotFound("no student with this registration number", field="registration_number")
        return active(session, regno, today or clock.karachi_today())


# -- by hand (admissions, student services) -------------------------------------------------
def _placeable(session: Session, code: str, department: str) -> sa.Row:
    kind = session.execute(sa.select(hold_types).where(hold_types.c.code == code)).first()
    if kind is None or not kind.placed_by:
        raise InvalidArgument(f"'{code}' is not a hold placed by hand", field="code")
    if department not in kind.placed_by.split(","):
        raise PermissionDenied(f"your department does not place '{code}' holds")
    return kind


def place(db: Database, regno: str, code: str, reference: str, note: str, *, officer: str, department: str) -> Hold:
    """Place a hold (the same hold placed again is the one placed before)."""
    reference = identifiers.text(reference, "reference", max_length=60, required=True)
    note = identifiers.text(note, "note", max_length=300)
    with db.unit_of_work() as uow:
        kind = _placeable(uow.session, code, department)
        if uow.session.scalar(sa.select(students.c.id).where(students.c.registration_number == regno)) is None:
            raise NotFound("no student with this registration number", field="registration_number")
        row = _open_hold(uow.session, regno, code, reference)
        if row is None:
            now = clock.utcnow()
            uow.session.execute(sa.insert(holds).values(registration_number=regno, hold_type=code, reference=reference,
                                                        note=note, raised_at=now, raised_by=officer))
            uow.commit()
            return _hold(kind, reference, now, note)
        return _hold(kind, row.reference, row.raised_at, row.note)


def lift(db: Database, regno: str, code: str, reference: str, *, officer: str, department: str) -> None:
    with db.unit_of_work() as uow:
        _placeable(uow.session, code, department)
        row = _open_hold(uow.session, regno, code, reference)
        if row is None:
            raise NotFound("no such hold on this student", field="reference")
        uow.session.execute(sa.update(holds).where(holds.c.id == row.id).values(
            cleared_at=clock.utcnow(), cleared_by=officer))
        uow.commit()


def _open_hold(session: Session, regno: str, code: str, reference: str) -> sa.Row | None:
    return session.execute(sa.select(holds).where(
        holds.c.registration_number == regno, holds.c.hold_type == code, holds.c.reference == reference,
        holds.c.cleared_at.is_(None))).first()


# -- from events (consumers: their own transaction, no calls out) --------------------------
def due_issued(uow, *, consumer_number: str, registration_number: str, fee_code: str, reference: str,
               amount_paisa: int, due_date: str) -> bool:
    """Keep a copy of a challan that is a due, to hold her if it goes unpaid past its date."""
    if domain.is_registration_reference(reference):
        return False  # a registration's own challan: unpaid, the registration lapses instead
    if uow.session.scalar(sa.select(due_fee_codes.c.fee_code).where(due_fee_codes.c.fee_code == fee_code)) is None:
        return False
    if uow.session.scalar(sa.select(dues.c.consumer_number).where(dues.c.consumer_number == consumer_number)):
        return False
    uow.session.execute(sa.insert(dues).values(
        consumer_number=consumer_number, registration_number=registration_number, fee_code=fee_code,
        amount_paisa=amount_paisa, due_date=dt.date.fromisoformat(due_date)))
    return True


def due_paid(uow, consumer_number: str) -> bool:
    """A paid due holds her no more."""
    return bool(uow.session.execute(sa.update(dues).where(
        dues.c.consumer_number == consumer_number, dues.c.paid_at.is_(None)).values(paid_at=clock.utcnow())).rowcount)


def due_replaced(uow, old: str, new: str, due_date: str) -> bool:
    """Treasury replaced a due's challan: the due is the new one's, with its new date."""
    return bool(uow.session.execute(sa.update(dues).where(dues.c.consumer_number == old, dues.c.paid_at.is_(None))
                                    .values(consumer_number=new, due_date=dt.date.fromisoformat(due_date))).rowcount)


def due_reversed(uow, consumer_number: str) -> bool:
    """The bank reversed the due's payment: it is unpaid again (and holds her once overdue)."""
    return bool(uow.session.execute(sa.update(dues).where(
        dues.c.consumer_number == consumer_number, dues.c.paid_at.is_not(None)).values(paid_at=None)).rowcount)


def degree_stage(uow, *, registration_number: str, tracking_id: str, stage: str, source: str) -> bool:
    """An application in objection holds her degree; leaving that stage lifts the hold."""
    row = _open_hold(uow.session, registration_number, DEGREE_OBJECTION, tracking_id)
    now = clock.utcnow()
    if stage == OBJECTION_STAGE and row is None:
        uow.session.execute(sa.insert(holds).values(
            registration_number=registration_number, hold_type=DEGREE_OBJECTION, reference=tracking_id,
            raised_at=now, raised_by=source))
        return True
    if stage != OBJECTION_STAGE and row is not None:
        uow.session.execute(sa.update(holds).where(holds.c.id == row.id).values(cleared_at=now, cleared_by=source))
        return True
    return False
