"""Marks as the examinations department enters them: one by one against a roll number, or a
file of tens of thousands of rows.

A file is checked whole first (an unknown roll number, a course she does not sit, marks
out of range, the same paper twice, a result already published): a single refused row
refuses the file, and the report lists every refused row with its field and reason. A clean
file is queued and the relay's loop applies it whole, in one transaction, its progress
written beside it. The audit chain records each file's digest; the file's rows are kept.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from campus import audit, bulk, clock, identifiers
from campus.db import Database
from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from services.exams import domain, service
from services.exams.models import (
    candidate_papers,
    candidates,
    marks_file_progress,
    marks_files,
    result_publications,
    results,
)

log = logging.getLogger(__name__)
COLUMNS = ("roll_number", "course_code", "assignment_marks", "final_exam_marks")
OPTIONAL = ("workshop_attendance",)
MARKS = ("assignment_marks", "final_exam_marks", "workshop_attendance")
MAX_ROWS = 200_000
CHUNK = 5_000
#: Rows per INSERT ... ON CONFLICT: fifteen parameters each, under PostgreSQL's 65,535 a statement.
UPSERT_CHUNK = 2_000


@dataclass(frozen=True)
class Row:
    line: int
    roll_number: str
    course_code: str
    assignment_marks: int | None
    final_exam_marks: int | None
    workshop_attendance: int | None


# -- one paper at a time ------------------------------------------------------------------
def record(db: Database, config, *, roll_number: str, course_code: str, assignment_marks: int | None,
           final_exam_marks: int | None, workshop_attendance: int | None, by: str) -> tuple[sa.Row, domain.Graded]:
    """Her marks in one paper, graded by her level's scheme; a published result is refused
    (a grade changes then only through re-checking)."""
    roll = identifiers.roll_number(roll_number)
    code = (course_code or "").strip().upper()
    with db.sessions() as session:
        candidate = session.execute(sa.select(candidates).where(candidates.c.roll_number == roll)).first()
        if candidate is None:
            raise NotFound("no candidate has this roll number", field="roll_number")
        paper = session.execute(sa.select(candidate_papers).where(
            candidate_papers.c.roll_number == roll, candidate_papers.c.course_code == code)).first()
        if paper is None:
            raise InvalidArgument(f"{roll} does not sit paper {code or '(none)'}", field="course_code")
    graded = service.record_result(
        db, config, registration_number=candidate.registration_number, semester=candidate.semester,
        level=candidate.level, course_code=code, course_title=paper.course_title, credit_hours=paper.credit_hours,
        assignment_marks=assignment_marks, final_exam_marks=final_exam_marks, program_code=candidate.program_code,
        workshop_attendance=workshop_attendance, by=by)
    return candidate, graded


# -- a file --------------------------------------------------------------------------------
def _rows(text: str) -> list[dict[str, str]]:
    return bulk.csv_rows(text, COLUMNS, max_rows=MAX_ROWS)


def _mark(raw: dict, field: str) -> tuple[int | None, str | None]:
    value = (raw.get(field) or "").strip()
    if not value:
        return None, None                      # awaited: the result will be late (RL)
    if not value.isdigit() or not 0 <= int(value) <= 100:
        return None, f"{field} must be a whole number from 0 to 100 (or empty while awaited)"
    return int(value), None


def _parse(rows: list[dict[str, str]]) -> tuple[list[Row], list[tuple[int, str, str]]]:
    parsed, refused, seen = [], [], {}
    for line, raw in enumerate(rows, start=2):  # line 1 is the header
        problems = []
        roll = (raw.get("roll_number") or "").strip().upper()
        if not identifiers.ROLL_NUMBER.match(roll):
            problems.append(("roll_number", "not a roll number (two letters and six digits, like BO680724)"))
        code = (raw.get("course_code") or "").strip().upper()
        if not code or len(code) > 12 or not code.isalnum():
            problems.append(("course_code", "not a course code"))
        marks = {}
        for field in MARKS:
            marks[field], problem = _mark(raw, field)
            if problem:
                problems.append((field, problem))
        if problems:
            refused += [(line, field, message) for field, message in problems]
            continue
        if (roll, code) in seen:
            refused.append((line, "course_code", f"the same roll number and paper as line {seen[(roll, code)]}"))
            continue
        seen[(roll, code)] = line
        parsed.append(Row(line, roll, code, **marks))
    return parsed, refused


def _sitting(session, rolls: list[str]) -> tuple[dict[str, sa.Row], dict[tuple[str, str], sa.Row]]:
    """The candidates of these roll numbers and the papers each sits, a chunk at a time."""
    found, papers = {}, {}
    for start in range(0, len(rolls), CHUNK):
        chunk = rolls[start:start + CHUNK]
        found.update({r.roll_number: r for r in session.execute(
            sa.select(candidates).where(candidates.c.roll_number.in_(chunk)))})
        papers.update({(p.roll_number, p.course_code): p for p in session.execute(
            sa.select(candidate_papers).where(candidate_papers.c.roll_number.in_(chunk)))})
    return found, papers


def _published(session, sitting: dict[str, sa.Row]) -> set[tuple[str, str]]:
    """(semester, program) pairs whose results are out, among the file's candidates."""
    pairs = {(c.semester, c.program_code) for c in sitting.values()}
    if not pairs:
        return set()
    return {(r.semester, r.program_code) for r in session.execute(sa.select(result_publications).where(
        sa.tuple_(result_publications.c.semester, result_publications.c.program_code).in_(list(pairs))))}


def check(session, text: str) -> tuple[list[Row], list[tuple[int, str, str]], dict, dict]:
    """Every row checked against the candidates; (rows, refused rows, candidates, papers)."""
    rows, refused = _parse(_rows(text))
    sitting, papers = _sitting(session, sorted({r.roll_number for r in rows}))
    out = _published(session, sitting)
    kept = []
    for row in rows:
        candidate = sitting.get(row.roll_number)
        if candidate is None:
            refused.append((row.line, "roll_number", "no candidate has this roll number"))
        elif (row.roll_number, row.course_code) not in papers:
            refused.append((row.line, "course_code", f"{row.roll_number} does not sit paper {row.course_code}"))
        elif (candidate.semester, candidate.program_code) in out:
            refused.append((row.line, "roll_number", "its program's results are published: a grade changes now "
                                                     "only through re-checking"))
        else:
            kept.append(row)
    return kept, sorted(refused), sitting, papers


def submit(db: Database, file_name: str, text: str, *, by: str) -> str:
    """Check a whole file; queue it if every row is right, else keep only the report of
    every refused row. Returns the file's id either way."""
    file_name = identifiers.text(file_name, "file_name", max_length=120) or "marks.csv"
    with db.sessions() as session:
        rows, refused, _sitting_, _papers = check(session, text)
    encoded = json.dumps([[r.roll_number, r.course_code, r.assignment_marks, r.final_exam_marks,
                           r.workshop_attendance] for r in rows])
    file_id, now = str(uuid.uuid4()), clock.utcnow()
    with db.unit_of_work() as uow:
        uow.session.execute(sa.insert(marks_files).values(
            id=file_id, file_name=file_name, status="refused" if refused else "queued",
            total=len(rows) + len({line for line, _f, _m in refused}), rows="[]" if refused else encoded,
            digest=hashlib.sha256(encoded.encode()).hexdigest(), report=_report(refused) if refused else "",
            refused=len({line for line, _f, _m in refused}), created_by=by, created_at=now,
            finished_at=now if refused else None))
        uow.session.execute(sa.insert(marks_file_progress).values(file_id=file_id, processed=0, updated_at=now))
        uow.commit()
    return file_id


def _report(refused: list[tuple[int, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["line", "field", "reason"])
    writer.writerows(refused)
    return out.getvalue()


def apply_next(db: Database) -> str | None:
    """Apply the oldest queued file whole, in one transaction; its id, or None if none waits."""
    with db.unit_of_work() as uow:
        queued = uow.session.execute(sa.select(marks_files).where(marks_files.c.status == "queued")
                                     .order_by(marks_files.c.created_at).limit(1)
                                     .with_for_update(skip_locked=True)).first()
        if queued is None:
            return None
        try:
            with uow.session.begin_nested():
                applied = _apply(uow, queued, _progress_writer(db, queued.id))
        except (FailedPrecondition, InvalidArgument) as refusal:  # changed since it was checked
            _finish(uow, queued.id, "failed", error=str(refusal)[:300])
            uow.commit()
            return queued.id
        except Exception as failure:  # noqa: BLE001 - nothing of it stands; say why and stop retrying it
            log.exception("marks file %s failed", queued.id)
            _finish(uow, queued.id, "failed", error=f"{type(failure).__name__}: {failure}"[:300])
            uow.commit()
            return queued.id
        _finish(uow, queued.id, "applied", report=f"applied,{applied}\n")
        uow.session.execute(sa.update(marks_file_progress).where(marks_file_progress.c.file_id == queued.id)
                            .values(processed=applied, updated_at=clock.utcnow()))
        uow.commit()
    return queued.id


def _apply(uow, queued: sa.Row, progress) -> int:
    session = uow.session
    rows = [Row(0, *values) for values in json.loads(queued.rows)]
    sitting, papers = _sitting(session, sorted({r.roll_number for r in rows}))
    if _published(session, sitting):
        raise FailedPrecondition("a program of this file was published since it was checked: check it again")
    schemes, bands = service.schemes(session), service.bands_in(session)
    now, values = clock.utcnow(), []
    for row in rows:
        candidate, paper = sitting[row.roll_number], papers[(row.roll_number, row.course_code)]
        rule, weights = schemes[candidate.level]
        graded = domain.grade_course(row.assignment_marks, row.final_exam_marks,
                                     domain.parse_semester(candidate.semester), rule=rule, weights=weights,
                                     bands=bands, workshop=row.workshop_attendance)
        values.append(dict(
            registration_number=candidate.registration_number, semester=candidate.semester,
            course_code=row.course_code, course_title=paper.course_title, credit_hours=paper.credit_hours,
            level=candidate.level, program_code=candidate.program_code, assignment_marks=row.assignment_marks,
            final_exam_marks=row.final_exam_marks, workshop_attendance=row.workshop_attendance,
            total_marks=graded.total, grade=graded.grade, remarks=graded.remarks, recorded_at=now))
    for start in range(0, len(values), UPSERT_CHUNK):
        _upsert(session, values[start:start + UPSERT_CHUNK])
        if progress is not None:
            progress(min(start + UPSERT_CHUNK, len(values)))
    audit.append(session, entity="marks_file", entity_id=queued.id, action="applied",
                 payload={"file_name": queued.file_name, "rows": len(values), "sha256": queued.digest,
                          "by": queued.created_by})
    return len(values)


def _upsert(session, chunk: list[dict]) -> None:
    """Insert each result, or replace the unpublished one recorded before."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(results).values(chunk)
    changed = {c: statement.excluded[c] for c in chunk[0] if c not in ("registration_number", "semester",
                                                                        "course_code")}
    session.execute(statement.on_conflict_do_update(
        index_elements=["registration_number", "semester", "course_code"], set_=changed,
        where=results.c.published_on.is_(None)))


def _finish(uow, file_id: str, status: str, *, report: str = "", error: str = "") -> None:
    uow.session.execute(sa.update(marks_files).where(marks_files.c.id == file_id).values(
        status=status, report=report, error=error, finished_at=clock.utcnow()))


def _progress_writer(db: Database, file_id: str):
    """Progress in a transaction of its own, so it shows while the file's is open (not on
    SQLite, which has one writer at a time: there it shows at the end)."""
    if db.engine.dialect.name == "sqlite":
        return None

    def write(processed: int) -> None:
        with db.unit_of_work() as progress:
            progress.session.execute(sa.update(marks_file_progress).where(marks_file_progress.c.file_id == file_id)
                                     .values(processed=processed, updated_at=clock.utcnow()))
            progress.commit()
    return write


def file(db: Database, file_id: str) -> tuple[sa.Row, int]:
    try:
        uuid.UUID(file_id)
    except (ValueError, TypeError):
        raise NotFound("no such marks file", field="file_id") from None
    with db.sessions() as session:
        row = session.execute(sa.select(marks_files.c.id, marks_files.c.file_name, marks_files.c.status,
                                        marks_files.c.total, marks_files.c.refused, marks_files.c.error,
                                        marks_files.c.report, marks_files.c.created_by, marks_files.c.created_at,
                                        marks_files.c.finished_at, marks_file_progress.c.processed)
                              .outerjoin(marks_file_progress, marks_file_progress.c.file_id == marks_files.c.id)
                              .where(marks_files.c.id == file_id)).first()
    if row is None:
        raise NotFound("no such marks file", field="file_id")
    return row, row.processed or 0


def recent(db: Database, limit: int = 30) -> list[sa.Row]:
    with db.sessions() as session:
        return session.execute(sa.select(marks_files.c.id, marks_files.c.file_name, marks_files.c.status,
                                         marks_files.c.total, marks_files.c.refused, marks_files.c.error,
                                         marks_files.c.report, marks_files.c.created_by, marks_files.c.created_at,
                                         marks_files.c.finished_at, marks_file_progress.c.processed)
                               .outerjoin(marks_file_progress, marks_file_progress.c.file_id == marks_files.c.id)
                               .order_by(marks_files.c.created_at.desc()).limit(limit)).all()

