"""Examinations keep their exam centres (capacity per semester, by region) and each
program's date sheet. Changes are audited: a moved paper or a shrunk hall reaches
thousands of slips."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from campus import audit, clock, identifiers
from campus.db import Database
from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from services.exams import domain
from services.exams.models import candidate_papers, candidates, date_sheet_papers, exam_centres

CENTRE_CODE_LENGTH = 12


def list_centres(db: Database, region: str = "", semester: str = "") -> tuple[list[tuple[sa.Row, int]], str, int]:
    """Each centre with the candidates seated there in the semester (the latest with
    candidates if none is named), the semester counted, and how many have no centre."""
    with db.sessions() as session:
        if semester:
            semester = str(domain.parse_semester(semester))
        else:
            known = list(session.scalars(sa.select(candidates.c.semester.distinct())))
            semester = max(known, key=domain.parse_semester) if known else ""
        query = sa.select(exam_centres).order_by(exam_centres.c.region, exam_centres.c.code)
        if region:
            query = query.where(exam_centres.c.region == region.strip().upper())
        centres = session.execute(query).all()
        counts = dict(session.execute(sa.select(candidates.c.centre_code, sa.func.count())
                                      .where(candidates.c.semester == semester)
                                      .group_by(candidates.c.centre_code)).all())
        unplaced = session.scalar(sa.select(sa.func.count()).select_from(candidates).where(
            candidates.c.semester == semester, candidates.c.centre_code.is_(None),
            *([candidates.c.region == region.strip().upper()] if region else [])))
    return [(c, counts.get(c.code, 0)) for c in centres], semester, unplaced or 0


def set_centre(db: Database, *, code: str, region: str, name: str, address: str, capacity: int, active: bool,
               by: str) -> sa.Row:
    code = (code or "").strip().upper()
    if not code or len(code) > CENTRE_CODE_LENGTH or not all(ch.isalnum() or ch == "-" for ch in code):
        raise InvalidArgument("code must be letters, digits and hyphens, like ISB-03", field="code")
    region = (region or "").strip().upper()
    if not (2 <= len(region) <= 10 and region.isalnum()):
        raise InvalidArgument("region must be a regional centre's code, like ISB", field="region")
    values = dict(region=region, name=identifiers.text(name, "name", max_length=120, required=True),
                  address=identifiers.text(address, "address", max_length=300, required=True),
                  capacity=capacity, active=active)
    if not 0 <= capacity <= 100_000:
        raise InvalidArgument("capacity must be between 0 and 100000", field="capacity")
    with db.unit_of_work() as uow:
        existing = uow.session.execute(sa.select(exam_centres).where(exam_centres.c.code == code)
                                       .with_for_update()).first()
        if existing is None:
            uow.session.execute(sa.insert(exam_centres).values(code=code, **values))
        else:
            if existing.region != region and uow.session.scalar(sa.select(sa.func.count()).select_from(candidates)
                                                                .where(candidates.c.centre_code == code)):
                raise FailedPrecondition("candidates are seated at this centre: it cannot move to another region",
                                         field="region")
            uow.session.execute(sa.update(exam_centres).where(exam_centres.c.code == code).values(**values))
        audit.append(uow.session, entity="exam_centre", entity_id=code,
                     action="added" if existing is None else "changed", payload={**values, "by": by})
        uow.commit()
        return uow.session.execute(sa.select(exam_centres).where(exam_centres.c.code == code)).one()


def date_sheet(db: Database, semester: str, program_code: str) -> tuple[str, str, list[sa.Row]]:
    semester = str(domain.parse_semester(semester))
    program_code = domain.program_code(program_code)
    with db.sessions() as session:
        rows = session.execute(sa.select(date_sheet_papers).where(
            date_sheet_papers.c.semester == semester, date_sheet_papers.c.program_code == program_code)
            .order_by(date_sheet_papers.c.paper_date, date_sheet_papers.c.starts_at)).all()
    return semester, program_code, rows


def set_paper(db: Database, *, semester: str, program_code: str, course_code: str, course_title: str, date: str,
              start: str, end: str, remove: bool, by: str) -> None:
    """Put a paper on a program's date sheet (or move it, or take it off)."""
    semester = str(domain.parse_semester(semester))
    program_code = domain.program_code(program_code)
    course_code = (course_code or "").strip().upper()
    if not course_code or len(course_code) > 12 or not course_code.isalnum():
        raise InvalidArgument("course_code must be a course's code, like 8601", field="course_code")
    key = dict(semester=semester, program_code=program_code, course_code=course_code)
    with db.unit_of_work() as uow:
        if remove:
            gone = uow.session.execute(sa.delete(date_sheet_papers).filter_by(**key)).rowcount
            if not gone:
                raise NotFound("this paper is not on the date sheet", field="course_code")
            audit.append(uow.session, entity="date_sheet", entity_id=f"{semester}/{program_code}/{course_code}",
                         action="removed", payload={"by": by})
            uow.commit()
            return
        paper_date, starts, ends = _day(date), _time(start, "start"), _time(end, "end")
        if starts >= ends:
            raise InvalidArgument("a paper must end after it starts", field="end")
        title = (identifiers.text(course_title, "course_title", max_length=120)
                 or _title_known(uow.session, key))
        if not title:
            raise InvalidArgument("course_title is required for a course no candidate sits yet", field="course_title")
        values = dict(course_title=title, paper_date=paper_date, starts_at=starts, ends_at=ends,
                      updated_at=clock.utcnow(), updated_by=by)
        updated = uow.session.execute(sa.update(date_sheet_papers).filter_by(**key).values(**values)).rowcount
        if not updated:
            uow.session.execute(sa.insert(date_sheet_papers).values(**key, **values))
        audit.append(uow.session, entity="date_sheet", entity_id=f"{semester}/{program_code}/{course_code}",
                     action="set", payload={**values, "updated_at": values["updated_at"].isoformat()})
        uow.commit()


def _title_known(session, key: dict) -> str:
    """The course's title as this date sheet or a candidate's papers already have it."""
    return (session.scalar(sa.select(date_sheet_papers.c.course_title).filter_by(**key))
            or session.scalar(sa.select(candidate_papers.c.course_title)
                              .where(candidate_papers.c.course_code == key["course_code"]).limit(1)) or "")




def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat((value or "").strip())
    except ValueError:
        raise InvalidArgument("date must be a date, YYYY-MM-DD", field="date") from None


def _time(value: str, field: str) -> dt.time:
    try:
        moment = dt.time.fromisoformat((value or "").strip())
    except ValueError:
        raise InvalidArgument(f"{field} must be a time, HH:MM", field=field) from None
    return moment.replace(second=0, microsecond=0)
