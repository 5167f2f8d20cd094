"""Candidates: a roll number and an exam centre for each confirmed registration, the exam
schedule she reads, and the roll number slip she prints (a verifiable document).

A roll number is allocated when enrollment confirms a registration (the fee is paid):
`allocate` runs in the consumer's transaction, so a redelivered event allocates nothing
twice. The slip is drawn on demand from what was stored then; its document (and QR code)
stays the same until a fact printed on it changes.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from campus import clock, documents, identifiers
from campus.db import Database, UnitOfWork
from campus.errors import NotFound
from campus.printing import Document as Pdf
from cms.exams.v1 import events_pb2
from services.exams import domain
from services.exams.models import candidate_papers, candidates, date_sheet_papers, exam_centres, roll_number_series

log = logging.getLogger(__name__)
SLIP = "roll_number_slip"
#: What the paper slip tells a candidate (seed 000 adds the last line for the public copy).
INSTRUCTIONS = (
    "Bring this slip and your original CNIC (or B-form) to every paper; without them you will not be allowed "
    "to sit the paper.",
    "Reach the examination centre 30 minutes before the paper starts.",
    "Mobile phones, programmable calculators and written material are not allowed in the examination hall.",
    "Sit only the papers printed on this slip, at the centre printed on it.",
    "Using unfair means cancels the paper and may cancel the whole examination.",
    "This copy is also valid to appear in exam centres.",
)


# -- allocation (in the consumer's transaction) -----------------------------------------
def allocate(uow: UnitOfWork, confirmed) -> str:
    """Her roll number for the semester of a confirmed registration (the one she has, if any)."""
    regno = identifiers.registration_number(confirmed.registration_number)
    semester = str(domain.parse_semester(confirmed.semester))
    session = uow.session
    existing = session.scalar(sa.select(candidates.c.roll_number).where(
        candidates.c.registration_number == regno, candidates.c.semester == semester))
    if existing is not None:
        return existing
    roll = _next_roll_number(session, semester)
    centre = _free_centre(session, confirmed.regional_centre, semester)
    session.execute(sa.insert(candidates).values(
        roll_number=roll, registration_number=regno, semester=semester, program_code=confirmed.program_code,
        program_title=confirmed.program_title, level=confirmed.level, region=confirmed.regional_centre,
        centre_code=centre, full_name=confirmed.full_name, father_name=confirmed.father_name,
        allocated_at=clock.utcnow()))
    if confirmed.courses:
        session.execute(sa.insert(candidate_papers), [
            dict(roll_number=roll, course_code=c.code, course_title=c.title, credit_hours=c.credit_hours)
            for c in confirmed.courses])
    uow.record(events_pb2.SlipIssued(registration_number=regno, semester=semester, roll_number=roll,
                                     centre_code=centre or "", program_code=confirmed.program_code))
    if centre is None:
        log.warning("every exam centre of region %s is full for %s: %s has no centre yet",
                    confirmed.regional_centre, semester, roll)
    return roll


def _next_roll_number(session: Session, semester: str) -> str:
    series = session.execute(sa.select(roll_number_series).where(
        roll_number_series.c.semester == semester, roll_number_series.c.exhausted.is_(False))
        .order_by(roll_number_series.c.prefix).limit(1).with_for_update()).first()
    if series is None or series.next_serial > domain.LAST_SERIAL:
        if series is not None:
            session.execute(sa.update(roll_number_series).where(roll_number_series.c.prefix == series.prefix)
                            .values(exhausted=True))
        taken = set(session.scalars(sa.select(roll_number_series.c.prefix)))
        prefix = domain.next_prefix(taken)
        session.execute(sa.insert(roll_number_series).values(prefix=prefix, semester=semester,
                                                             next_serial=domain.FIRST_SERIAL, exhausted=False))
        series = session.execute(sa.select(roll_number_series).where(roll_number_series.c.prefix == prefix)
                                 .with_for_update()).one()
    session.execute(sa.update(roll_number_series).where(roll_number_series.c.prefix == series.prefix)
                    .values(next_serial=series.next_serial + 1))
    return domain.roll_number(series.prefix, series.next_serial)


def _free_centre(session: Session, region: str, semester: str) -> str | None:
    # The region's centres are locked while one is chosen, so two allocations never both
    # take the last seat.
    centres = session.execute(sa.select(exam_centres.c.code, exam_centres.c.capacity).where(
        exam_centres.c.region == region, exam_centres.c.active.is_(True))
        .order_by(exam_centres.c.code).with_for_update()).all()
    return domain.choose_centre(domain.CentreLoad(c.code, c.capacity, seated) for c, seated in
                                zip(centres, _seated(session, semester, [c.code for c in centres]), strict=True))


def _seated(session: Session, semester: str, codes: list[str]) -> list[int]:
    counts = dict(session.execute(
        sa.select(candidates.c.centre_code, sa.func.count())
        .where(candidates.c.semester == semester, candidates.c.centre_code.in_(codes))
        .group_by(candidates.c.centre_code)).all())
    return [counts.get(code, 0) for code in codes]


# -- the schedule ---------------------------------------------------------------------
@dataclass(frozen=True)
class PaperTime:
    course_code: str
    course_title: str
    date: dt.date | None
    start: dt.time | None
    end: dt.time | None


@dataclass(frozen=True)
class Schedule:
    candidate: sa.Row
    centre: sa.Row | None
    papers: list[PaperTime]


NO_ROLL_NUMBER = "no roll number yet: it is given when a registration is confirmed (its fee paid)"


def schedule(db: Database, registration_number: str, semester: str = "") -> Schedule:
    regno = identifiers.registration_number(registration_number)
    with db.sessions() as session:
        query = sa.select(candidates).where(candidates.c.registration_number == regno)
        if semester:
            query = query.where(candidates.c.semester == str(domain.parse_semester(semester)))
        rows = session.execute(query).all()
        if not rows:
            raise NotFound(NO_ROLL_NUMBER, field="registration_number")
        return _schedule_of(session, max(rows, key=lambda r: domain.parse_semester(r.semester)))


def public_schedule(db: Database, *, program_code: str, semester: str, registration_number: str) -> Schedule:
    """The slip anyone may fetch: program, semester and registration number must all match
    one candidate, and every mismatch gets the same answer (it tells nothing)."""
    regno = identifiers.registration_number(registration_number)
    term = str(domain.parse_semester(semester))
    with db.sessions() as session:
        row = session.execute(sa.select(candidates).where(
            candidates.c.registration_number == regno, candidates.c.semester == term,
            candidates.c.program_code == domain.program_code(program_code))).first()
        if row is None:
            raise NotFound("no roll number slip for this program, semester and registration number",
                           field="registration_number")
        return _schedule_of(session, row)


def _schedule_of(session: Session, candidate: sa.Row) -> Schedule:
    centre = None
    if candidate.centre_code:
        centre = session.execute(sa.select(exam_centres).where(exam_centres.c.code == candidate.centre_code)).first()
    rows = session.execute(
        sa.select(candidate_papers.c.course_code, candidate_papers.c.course_title, date_sheet_papers.c.paper_date,
                  date_sheet_papers.c.starts_at, date_sheet_papers.c.ends_at)
        .outerjoin(date_sheet_papers, sa.and_(date_sheet_papers.c.course_code == candidate_papers.c.course_code,
                                              date_sheet_papers.c.semester == candidate.semester,
                                              date_sheet_papers.c.program_code == candidate.program_code))
        .where(candidate_papers.c.roll_number == candidate.roll_number)).all()
    papers = [PaperTime(r.course_code, r.course_title, r.paper_date, r.starts_at, r.ends_at) for r in rows]
    # By date and time; a paper the date sheet does not have yet goes last.
    papers.sort(key=lambda p: (p.date is None, p.date or dt.date.max, p.start or dt.time.max, p.course_code))
    return Schedule(candidate, centre, papers)


# -- the slip -------------------------------------------------------------------------
def slip_document(db: Database, tokens, found: Schedule) -> documents.Document:
    """The slip's verifiable document: the same one each time, a new one when a printed fact changes."""
    c = found.candidate
    facts = [("name", documents.mask_name(c.full_name)), ("registration_number", c.registration_number),
             ("roll_number", c.roll_number), ("program", c.program_code), ("semester", c.semester),
             ("centre", c.centre_code or "")]
    with db.unit_of_work() as uow:
        document = documents.issue(uow.session, tokens, document_type=SLIP, subject=c.registration_number,
                                   copy_of=f"{SLIP}/{c.registration_number}/{c.semester}", facts=facts,
                                   serial_prefix="RNS")
        uow.commit()
    return document


def slip_pdf(found: Schedule, verify_url: str) -> bytes:
    c = found.candidate
    pdf = Pdf("Roll Number Slip", subtitle=f"Examination {c.semester}")
    top = pdf.get_y()
    pdf.facts([("Name", c.full_name), ("Father's name", c.father_name), ("Registration number", c.registration_number),
               ("Roll number", c.roll_number), ("Program", f"{c.program_title or c.program_code} ({c.program_code})"),
               ("Semester", c.semester)], width=pdf.epw - 45 - 36)
    pdf.photograph_box(pdf.w - pdf.r_margin - 30, top)
    pdf.set_y(max(pdf.get_y(), top + 40))
    pdf.heading("Examination centre")
    if found.centre is not None:
        pdf.facts([("Centre", f"{found.centre.name} ({found.centre.code})"), ("Address", found.centre.address)])
    else:
        pdf.facts([("Centre", "to be announced: your regional office will tell you")])
    pdf.heading("Papers")
    pdf.grid(("Course", "Title", "Date", "Time"),
             [(p.course_code, p.course_title, _date(p.date), _times(p.start, p.end)) for p in found.papers],
             (18, 82, 40, 40))
    pdf.heading("Instructions")
    pdf.paragraphs(INSTRUCTIONS)
    pdf.ln(3)
    pdf.verification(verify_url)
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 10, "Signature of the candidate: ______________________      "
                    "Controller of Examinations", new_x="LMARGIN", new_y="NEXT")
    return pdf.finish()


def _date(day: dt.date | None) -> str:
    return day.strftime("%a %d %b %Y") if day else "to be announced"


def _times(start: dt.time | None, end: dt.time | None) -> str:
    return f"{start:%H:%M} - {end:%H:%M}" if start and end else ""


def file_name(found: Schedule) -> str:
    return f"roll-number-slip-{found.candidate.roll_number}.pdf"
