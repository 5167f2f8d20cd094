"""Books mailing (seed 000's seventh tile): a parcel of books per student and semester, its
postal registry number her roll number. Dispatch staff send a semester's parcels from a CSV
of registry numbers (applied wholly or not at all, every refused row reported) and record
each one delivered or returned. A returned parcel asks the student to confirm her postal
address or correct it (the correction flow); either makes it ready to go again.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

import sqlalchemy as sa

from campus import audit, bulk, clock, identifiers
from campus.db import Database, UnitOfWork
from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from cms.tracking.v1.events_pb2 import ParcelStatusChanged
from services.tracking.models import admission_challans, parcel_history, parcels, roll_numbers

PREPARED, DISPATCHED, DELIVERED, RETURNED = "prepared", "dispatched", "delivered", "returned"
STATUSES = (PREPARED, DISPATCHED, DELIVERED, RETURNED)
#: What dispatch may record of a parcel out with the post, and from which status.
OUTCOMES = {DELIVERED: (DISPATCHED,), RETURNED: (DISPATCHED,)}
SEMESTER = re.compile(r"^(Spring|Autumn) (20\d\d)$")
MAX_ROWS = 20_000
NOTE_LENGTH = 300
SEMESTER_FEE = "semester_fee"   # the admission challan of a semester: books are looked up by it


@dataclass(frozen=True)
class Refused:
    line: int
    field: str
    reason: str


@dataclass(frozen=True)
class DispatchReport:
    semester: str
    dispatched: int
    sent_again: int
    refused: tuple[Refused, ...] = ()


def parse_semester(value: str) -> str:
    semester = " ".join((value or "").split()).title()
    if not SEMESTER.match(semester):
        raise InvalidArgument("semester must be like Spring 2027 or Autumn 2026", field="semester")
    return semester


def _changed(uow: UnitOfWork, parcel: sa.Row, status: str, now: dt.datetime, note: str, **values) -> None:
    """A parcel's new status: the row, its history, the audit record and the event, together."""
    uow.session.execute(sa.update(parcels).where(parcels.c.id == parcel.id).values(
        status=status, updated_at=now, note=note[:NOTE_LENGTH], **values))
    actor = audit.current_actor()
    uow.session.execute(sa.insert(parcel_history).values(parcel_id=parcel.id, status=status, changed_at=now,
                                                         note=note[:NOTE_LENGTH], changed_by=actor))
    uow.record(ParcelStatusChanged(registry_number=parcel.registry_number,
                                   registration_number=parcel.registration_number, semester=parcel.semester,
                                   status=status, changed_at=clock.iso(now), note=note[:NOTE_LENGTH]))
    audit.append(uow.session, entity="parcel", entity_id=f"{parcel.registry_number}/{parcel.semester}",
                 action=status, actor=actor, payload={"note": note[:NOTE_LENGTH]})


# -- dispatch -------------------------------------------------------------------------------
def _check_rows(session, rows: list[dict[str, str]], semester: str) -> tuple[list, list[Refused]]:
    """Each row's parcel-to-be (roll number, registration number, existing parcel or None), or why not."""
    refused, accepted, seen = [], [], set()
    rolls = {(r.get("registry_number") or "").strip().upper()[:20] for r in rows}
    known = dict(session.execute(sa.select(roll_numbers.c.roll_number, roll_numbers.c.registration_number)
                                 .where(roll_numbers.c.roll_number.in_(rolls))).all())
    existing = {p.registry_number: p for p in session.execute(sa.select(parcels).where(
        parcels.c.semester == semester, parcels.c.registry_number.in_(rolls)))}
    for line, row in enumerate(rows, start=bulk.FIRST_LINE):
        roll = (row.get("registry_number") or "").strip().upper()
        try:
            identifiers.roll_number(roll, "registry_number")
        except InvalidArgument:
            refused.append(Refused(line, "registry_number", "not a registry number (a roll number, like BO680724)"))
            continue
        earlier = existing.get(roll)
        if roll in seen:
            refused.append(Refused(line, "registry_number", f"{roll} is on an earlier line of this file"))
        elif roll not in known:
            refused.append(Refused(line, "registry_number", f"no student has roll number {roll}"))
        elif earlier is not None and earlier.status in (DISPATCHED, DELIVERED):
            refused.append(Refused(line, "registry_number", f"{roll}'s {semester} books are already {earlier.status}"))
        elif earlier is not None and earlier.status == RETURNED:
            refused.append(Refused(line, "registry_number", f"{roll}'s books came back: the student confirms or "
                                                            "corrects her postal address first"))
        else:
            accepted.append((roll, known[roll], earlier))
        seen.add(roll)
    return accepted, refused


def dispatch(db: Database, semester: str, content: bytes, note: str = "") -> DispatchReport:
    """Send a semester's parcels to every registry number of the file, or, if any row is
    refused, none of them (the report lists every refused row). A semester is thousands of
    parcels: the rows, their history and their events are written a statement each, not a
    statement a parcel, and the file is one audit record."""
    semester = parse_semester(semester)
    note = identifiers.text(note, "note", max_length=NOTE_LENGTH) or "Mailed by Pakistan Post from the main campus"
    rows = bulk.csv_rows(bulk.decode(content), ("registry_number",), max_rows=MAX_ROWS)
    now, actor = clock.utcnow(), audit.current_actor()
    with db.unit_of_work() as uow:
        accepted, refused = _check_rows(uow.session, rows, semester)
        if refused:
            return DispatchReport(semester, 0, 0, tuple(refused))
        new = [{"registry_number": roll, "registration_number": regno, "semester": semester, "status": DISPATCHED,
                "note": note, "dispatched_at": now, "updated_at": now, "times_sent": 1}
               for roll, regno, earlier in accepted if earlier is None]
        again = [earlier.id for _, _, earlier in accepted if earlier is not None]
        if new:
            uow.session.execute(sa.insert(parcels), new)
        if again:  # prepared again after coming back: the same row goes out once more
            uow.session.execute(sa.update(parcels).where(parcels.c.id.in_(again)).values(
                status=DISPATCHED, note=note, dispatched_at=now, updated_at=now, times_sent=parcels.c.times_sent + 1))
        sent = uow.session.execute(sa.select(parcels.c.id, parcels.c.registry_number, parcels.c.registration_number,
                                             parcels.c.times_sent).where(
            parcels.c.semester == semester, parcels.c.registry_number.in_([roll for roll, _, _ in accepted]))).all()
        uow.session.execute(sa.insert(parcel_history), [
            {"parcel_id": p.id, "status": DISPATCHED, "changed_at": now, "note": note, "changed_by": actor}
            for p in sent])
        uow.record_many([ParcelStatusChanged(
            registry_number=p.registry_number, registration_number=p.registration_number, semester=semester,
            status=DISPATCHED, changed_at=clock.iso(now), note=note) for p in sent])
        sent_again = sum(1 for p in sent if p.times_sent > 1)
        audit.append(uow.session, entity="parcel_dispatch", entity_id=semester, action=DISPATCHED, actor=actor,
                     payload={"parcels": len(sent), "sent_again": sent_again, "note": note,
                              "file_sha256": hashlib.sha256(content).hexdigest()})
        uow.commit()
    return DispatchReport(semester, len(sent), sent_again)


def _locked(uow: UnitOfWork, registry_number: str, semester: str) -> sa.Row:
    roll = identifiers.roll_number(registry_number, "registry_number")
    row = uow.session.execute(sa.select(parcels).where(parcels.c.registry_number == roll,
                                                       parcels.c.semester == parse_semester(semester))
                              .with_for_update()).first()
    if row is None:
        raise NotFound("no parcel with this registry number for that semester", field="registry_number")
    return row


def record_outcome(db: Database, registry_number: str, semester: str, status: str, note: str = "") -> sa.Row:
    """Dispatch records what the post said: delivered, or returned (wrong address). The same
    outcome again changes nothing."""
    if status not in OUTCOMES:
        raise InvalidArgument("status must be delivered or returned", field="status")
    note = identifiers.text(note, "note", max_length=NOTE_LENGTH)
    with db.unit_of_work() as uow:
        parcel = _locked(uow, registry_number, semester)
        if parcel.status == status:
            return parcel
        if parcel.status not in OUTCOMES[status]:
            raise FailedPrecondition(f"a parcel that is {parcel.status} cannot be {status}", field="status")
        if status == RETURNED and not note:
            note = "Returned by the post: the address could not be found"
        _changed(uow, parcel, status, clock.utcnow(), note)
        uow.commit()
        return uow.session.execute(sa.select(parcels).where(parcels.c.id == parcel.id)).one()


def confirm_address(db: Database, registration_number: str, registry_number: str, semester: str) -> sa.Row:
    """She says her postal address is right: the returned parcel is ready to go again."""
    with db.unit_of_work() as uow:
        parcel = _locked(uow, registry_number, semester)
        if parcel.registration_number != registration_number:
            raise NotFound("no parcel with this registry number for that semester", field="registry_number")
        if parcel.status != RETURNED:
            raise FailedPrecondition("only a returned parcel waits for the address", field="registry_number")
        _changed(uow, parcel, PREPARED, clock.utcnow(), "The student confirmed her postal address: to be sent again")
        uow.commit()
        return uow.session.execute(sa.select(parcels).where(parcels.c.id == parcel.id)).one()


def address_corrected(uow: UnitOfWork, registration_number: str) -> int:
    """Her postal address was corrected (enrollment's personal_info_changed): each returned
    parcel of hers is ready to go again. Returns how many."""
    returned = uow.session.execute(sa.select(parcels).where(
        parcels.c.registration_number == registration_number, parcels.c.status == RETURNED)).all()
    now = clock.utcnow()
    for parcel in returned:
        _changed(uow, parcel, PREPARED, now, "Postal address corrected: to be sent again")
    return len(returned)


def remember_admission_challan(uow: UnitOfWork, consumer_number: str, registration_number: str) -> None:
    if uow.session.scalar(sa.select(admission_challans.c.registration_number).where(
            admission_challans.c.consumer_number == consumer_number)):
        return
    uow.session.execute(sa.insert(admission_challans).values(
        consumer_number=consumer_number, registration_number=identifiers.registration_number(registration_number)))


# -- reading ----------------------------------------------------------------------------------------
def parcels_of_student(session, registration_number: str) -> list[sa.Row]:
    return session.execute(sa.select(parcels).where(parcels.c.registration_number == registration_number)
                           .order_by(parcels.c.id.desc())).all()


def look_up(db: Database, roll_number: str = "", challan_number: str = "") -> list[sa.Row]:
    """The parcels of the student a roll number or an admission challan number belongs to."""
    with db.sessions() as session:
        if roll_number:
            roll = identifiers.roll_number(roll_number)
            regno = session.scalar(sa.select(roll_numbers.c.registration_number)
                                   .where(roll_numbers.c.roll_number == roll))
        elif re.fullmatch(r"\d{18}", (challan_number or "").strip()):
            regno = session.scalar(sa.select(admission_challans.c.registration_number)
                                   .where(admission_challans.c.consumer_number == challan_number.strip()))
        else:
            raise InvalidArgument("give a roll number, or an admission challan's 18-digit number",
                                  field="challan_number" if challan_number else "roll_number")
        return parcels_of_student(session, regno) if regno else []


def listing(db: Database, semester: str = "", status: str = "", limit: int = 100) -> tuple[list[sa.Row], dict]:
    """Dispatch's list (returned first: they wait on the student), with counts by status."""
    query = sa.select(parcels)
    counts_query = sa.select(parcels.c.status, sa.func.count()).group_by(parcels.c.status)
    if semester:
        semester = parse_semester(semester)
        query = query.where(parcels.c.semester == semester)
        counts_query = counts_query.where(parcels.c.semester == semester)
    if status:
        if status not in STATUSES:
            raise InvalidArgument(f"status must be one of {', '.join(STATUSES)}", field="status")
        query = query.where(parcels.c.status == status)
    limit = min(max(limit, 1), 500)
    with db.sessions() as session:
        rows = session.execute(query.order_by((parcels.c.status == RETURNED).desc(), parcels.c.updated_at.desc(),
                                              parcels.c.id.desc()).limit(limit)).all()
        counts = dict(session.execute(counts_query).all())
    return rows, {s: counts.get(s, 0) for s in STATUSES}
