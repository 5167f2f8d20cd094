"""Admission use cases: one student by the admissions desk, or a whole file of them.

A student is admitted in one transaction: her record with its registration number and the
`student_admitted` event. Her portal account is identity's: enrollment asks identity to
open it right after (identity's CreateStudentAccount is idempotent on the registration
number), and the relay's sweep asks again for every record whose account is not yet
confirmed. So a student is never half admitted: the record stands, and the account
follows, exactly once.

A bulk file is checked whole when it is submitted: every row that cannot be admitted is
reported and nothing is kept but the report. A file without a bad row is queued and
applied whole by the relay's loop in one transaction, its progress written beside it."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.orm import Session

from campus import bulk, clock, identifiers, loops
from campus.db import Database
from campus.errors import AlreadyExists, InvalidArgument, NotFound
from cms.enrollment.v1 import events_pb2
from services.enrollment import domain
from services.enrollment.models import (
    admission_batch_progress,
    admission_batches,
    programs,
    regional_centres,
    registration_serials,
    semesters,
    students,
)

log = logging.getLogger(__name__)
MAX_ROWS = 20000
PROGRESS_EVERY = 250
ACCOUNTS_PER_PASS = 200


class AccountDesk(Protocol):
    """Identity, as admission needs it."""

    def open_account(self, student: sa.Row) -> None:
        """Open her account (idempotent on the registration number), or raise."""


# -- what may be admitted --------------------------------------------------------------
def _choices(session: Session, today: dt.date) -> dict:
    return {
        "programs": set(session.scalars(sa.select(programs.c.code))),
        "centres": set(session.scalars(sa.select(regional_centres.c.code))),
        "admitting": set(session.scalars(sa.select(semesters.c.code).where(
            semesters.c.admission_opens <= today, semesters.c.admission_closes >= today))),
    }


def check(session: Session, raw: dict[str, str], today: dt.date) -> domain.AdmissionRecord:
    record, problems = domain.admission_problems(raw, **_choices(session, today), today=today)
    if problems:
        field, message = problems[0]
        raise InvalidArgument(message, field=field)
    return record


def _admitted(session: Session, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which (CNIC, programme) pairs are already students."""
    cnics = sorted({cnic for cnic, _program in keys})
    found = set()
    for start in range(0, len(cnics), 1000):
        found |= {(r.cnic, r.code) for r in session.execute(
            sa.select(students.c.cnic, programs.c.code).join(programs, programs.c.id == students.c.program_id)
            .where(students.c.cnic.in_(cnics[start:start + 1000])))}
    return found & set(keys)


# -- one student ---------------------------------------------------------------------------
def admit(db: Database, raw: dict[str, str], *, officer: str, idempotency_key: str = "",
          today: dt.date | None = None) -> str:
    """Admit one student; returns her registration number. The same key, or the same
    person in the same programme, is never admitted twice."""
    today = today or clock.karachi_today()
    key = identifiers.text(idempotency_key, "idempotency_key", max_length=80) or None
    with db.unit_of_work() as uow:
        earlier = _by_key(uow.session, key)
        if earlier:
            return earlier
        record = check(uow.session, raw, today)
        if _admitted(uow.session, [record.duplicate_key]):
            raise AlreadyExists("this person (CNIC) is already admitted to this programme", field="cnic",
                                reason="ALREADY_ADMITTED")
        [regno] = _insert(uow, [record], officer=officer, key=key)
        uow.commit()
    return regno


def _by_key(session: Session, key: str | None) -> str | None:
    if not key:
        return None
    return session.scalar(sa.select(students.c.registration_number).where(students.c.admission_key == key))


def _reserve(session: Session, prefix: str, count: int) -> int:
    """The first of `count` serials under `prefix`, taken for good (the row is locked)."""
    last = session.scalar(sa.select(registration_serials.c.last_serial).where(
        registration_serials.c.prefix == prefix).with_for_update())
    if last is None:
        session.execute(sa.insert(registration_serials).values(prefix=prefix, last_serial=count))
        return 1
    session.execute(sa.update(registration_serials).where(registration_serials.c.prefix == prefix)
                    .values(last_serial=last + count))
    return last + 1


def _insert(uow, records: list[domain.AdmissionRecord], *, officer: str, key: str | None = None,
            progress=None) -> list[str]:
    """Insert the students (serials reserved per prefix) and their events; their numbers."""
    session = uow.session
    program_rows = {r.code: r for r in session.execute(sa.select(programs.c.id, programs.c.code, programs.c.level))}
    centre_ids = dict(session.execute(sa.select(regional_centres.c.code, regional_centres.c.id)).all())
    numbers, now = [], clock.utcnow()
    serials = _serials(session, records)
    for start in range(0, len(records), PROGRESS_EVERY):
        chunk = records[start:start + PROGRESS_EVERY]
        rows = []
        for record in chunk:
            regno = domain.registration_number(record.admission_semester, next(serials[record.admission_semester]))
            numbers.append(regno)
            values = asdict(record)
            program, centre = values.pop("program_code"), values.pop("centre_code")
            rows.append({**values, "registration_number": regno, "program_id": program_rows[program].id,
                         "regional_centre_id": centre_ids[centre], "admitted_at": now, "admitted_by": officer,
                         "admission_key": key})
            uow.record(events_pb2.StudentAdmitted(
                registration_number=regno, full_name=record.full_name, program_code=program,
                level=program_rows[program].level, regional_centre=centre,
                admission_semester=record.admission_semester, admitted_at=clock.iso(now),
                email=record.email or "", mobile=record.mobile or ""))
        session.execute(sa.insert(students), rows)
        if progress is not None:
            progress(start + len(chunk))
    return numbers


def _serials(session: Session, records: list[domain.AdmissionRecord]) -> dict[str, object]:
    """An iterator of reserved serials per admission semester, in the file's order."""
    counts: dict[str, int] = {}
    for record in records:
        counts[record.admission_semester] = counts.get(record.admission_semester, 0) + 1
    serials = {}
    for semester, count in sorted(counts.items()):
        first = _reserve(session, domain.registration_prefix(semester), count)
        serials[semester] = iter(range(first, first + count))
    return serials


# -- accounts ------------------------------------------------------------------------------
def open_account(db: Database, regno: str, desk: AccountDesk) -> bool:
    """Ask identity for her account; True once it is confirmed open."""
    with db.sessions() as session:
        student = session.execute(sa.select(students).where(students.c.registration_number == regno)).first()
    if student is None:
        raise NotFound("no student with this registration number", field="registration_number")
    if student.account_opened_at is not None:
        return True
    desk.open_account(student)
    with db.unit_of_work() as uow:
        uow.session.execute(sa.update(students).where(students.c.id == student.id, students.c.account_opened_at
                                                      .is_(None)).values(account_opened_at=clock.utcnow()))
        uow.commit()
    return True


def open_pending_accounts(db: Database, desk: AccountDesk, *, limit: int = 200, at_once: int = 4) -> int:
    """The sweep: ask identity again for every admitted student whose account is not
    confirmed, `at_once` calls in flight (a file of thousands waits on identity's round
    trips; more would crowd out sign-ins and the feed of ended sessions there)."""
    with db.sessions() as session:
        pending = list(session.scalars(sa.select(students.c.registration_number).where(
            students.c.account_opened_at.is_(None)).order_by(students.c.id).limit(limit)))

    def one(regno: str) -> int:
        return loops.each([regno], lambda r: open_account(db, r, desk), name=lambda r: f"the account of {r}")

    with ThreadPoolExecutor(max_workers=at_once, thread_name_prefix="accounts") as pool:
        return sum(pool.map(one, pending))


# -- a file of students -------------------------------------------------------------------
def submit_batch(db: Database, file_name: str, text: str, *, officer: str, today: dt.date | None = None) -> str:
    """Check a whole file; queue it if every row can be admitted, else keep only the report
    of every refused row. Returns the batch's id either way."""
    today = today or clock.karachi_today()
    file_name = identifiers.text(file_name, "file_name", max_length=120) or "admissions.csv"
    rows = _rows(text)
    with db.sessions() as session:
        choices = _choices(session, today)
        records, refused = _check_rows(rows, choices, today)
        taken = _admitted(session, [r.duplicate_key for _line, r in records])
    refused += [(line, "cnic", "already admitted to this programme") for line, r in records
                if r.duplicate_key in taken]
    batch_id, now = str(uuid.uuid4()), clock.utcnow()
    status = "refused" if refused else "queued"
    with db.unit_of_work() as uow:
        uow.session.execute(sa.insert(admission_batches).values(
            id=batch_id, file_name=file_name, status=status, total=len(rows), created_by=officer, created_at=now,
            records="[]" if refused else json.dumps([_jsonable(r) for _line, r in records]),
            refused=json.dumps(sorted(refused)), report=_refusal_report(sorted(refused)) if refused else "",
            finished_at=now if refused else None))
        uow.session.execute(sa.insert(admission_batch_progress).values(batch_id=batch_id, processed=0, updated_at=now))
        uow.commit()
    return batch_id


def _rows(text: str) -> list[dict[str, str]]:
    """The file's rows by column name; a file that is not the form's columns is refused whole."""
    return bulk.csv_rows(text, domain.ADMISSION_FIELDS, max_rows=MAX_ROWS)


def _check_rows(rows: list[dict[str, str]], choices: dict, today: dt.date):
    records, refused, seen = [], [], {}
    for line, raw in enumerate(rows, start=2):  # line 1 is the header
        record, problems = domain.admission_problems(raw, **choices, today=today)
        refused += [(line, field, message) for field, message in problems]
        if record is None:
            continue
        if record.duplicate_key in seen:
            refused.append((line, "cnic", f"the same person and programme as line {seen[record.duplicate_key]}"))
            continue
        seen[record.duplicate_key] = line
        records.append((line, record))
    return records, refused


def _jsonable(record: domain.AdmissionRecord) -> dict:
    return {**asdict(record), "date_of_birth": record.date_of_birth.isoformat()}


def _refusal_report(refused: list[tuple[int, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["line", "field", "reason"])
    writer.writerows(refused)
    return out.getvalue()


def apply_next_batch(db: Database) -> str | None:
    """Apply the oldest queued file whole, in one transaction; its id, or None if none waits."""
    with db.unit_of_work() as uow:
        batch = uow.session.execute(sa.select(admission_batches).where(
            admission_batches.c.status.in_(("queued", "applying"))).order_by(admission_batches.c.created_at)
            .limit(1).with_for_update(skip_locked=True, key_share=True)).first()
        if batch is None:
            return None
        records = [domain.AdmissionRecord(**{**r, "date_of_birth": dt.date.fromisoformat(r["date_of_birth"])})
                   for r in json.loads(batch.records)]
        taken = _admitted(uow.session, [r.duplicate_key for r in records])
        if taken:  # admitted one by one since the file was checked
            _finish(uow, batch.id, "failed", error=f"{len(taken)} of its people were admitted meanwhile; "
                                                  "check the file again")
            uow.commit()
            return batch.id
        try:
            with uow.session.begin_nested():
                numbers = _insert(uow, records, officer=batch.created_by, progress=_progress_writer(db, batch.id))
        except Exception as failure:  # noqa: BLE001 - nothing of it stands; say why, and stop retrying it
            log.exception("admission batch %s failed", batch.id)
            _finish(uow, batch.id, "failed", error=f"{type(failure).__name__}: {failure}"[:300])
            uow.commit()
            return batch.id
        _finish(uow, batch.id, "applied", report=_admitted_report(records, numbers))
        uow.session.execute(sa.update(admission_batch_progress).where(
            admission_batch_progress.c.batch_id == batch.id).values(processed=len(numbers), updated_at=clock.utcnow()))
        uow.commit()
    return batch.id


def _finish(uow, batch_id: str, status: str, *, report: str = "", error: str = "") -> None:
    uow.session.execute(sa.update(admission_batches).where(admission_batches.c.id == batch_id).values(
        status=status, report=report, error=error, records="[]", finished_at=clock.utcnow()))


def _progress_writer(db: Database, batch_id: str):
    """Progress is written in a transaction of its own, so it shows while the batch's is
    open. SQLite has one writer at a time: there, progress shows only at the end."""
    if db.engine.dialect.name == "sqlite":
        return None

    def write(processed: int) -> None:
        with db.unit_of_work() as progress:
            progress.session.execute(sa.update(admission_batch_progress).where(
                admission_batch_progress.c.batch_id == batch_id).values(processed=processed,
                                                                       updated_at=clock.utcnow()))
            progress.commit()
    return write


def _admitted_report(records: list[domain.AdmissionRecord], numbers: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["registration_number", "full_name", "cnic", "program_code", "centre_code"])
    writer.writerows([n, r.full_name, r.cnic, r.program_code, r.centre_code] for n, r in zip(numbers, records,
                                                                                            strict=True))
    return out.getvalue()


def batch(db: Database, batch_id: str) -> tuple[sa.Row, int]:
    """The batch and how many of its rows are admitted so far."""
    try:
        uuid.UUID(batch_id)
    except ValueError:
        raise NotFound("no such admission file", field="batch_id") from None
    with db.sessions() as session:
        row = session.execute(sa.select(admission_batches).where(admission_batches.c.id == batch_id)).first()
        processed = session.scalar(sa.select(admission_batch_progress.c.processed).where(
            admission_batch_progress.c.batch_id == batch_id))
    if row is None:
        raise NotFound("no such admission file", field="batch_id")
    return row, processed or 0


def recent_batches(db: Database, limit: int = 50) -> list[tuple[sa.Row, int]]:
    """The newest files first, each with its progress."""
    with db.sessions() as session:
        rows = session.execute(
            sa.select(admission_batches, admission_batch_progress.c.processed)
            .outerjoin(admission_batch_progress, admission_batch_progress.c.batch_id == admission_batches.c.id)
            .order_by(admission_batches.c.created_at.desc()).limit(limit)).all()
    return [(row, row.processed or 0) for row in rows]
