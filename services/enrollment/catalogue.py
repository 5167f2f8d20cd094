"""Reference data the admissions department keeps: programmes and their schemes of studies,
courses, and what each semester offers. (Semesters and their windows: service.set_windows.)

Changes are checked against what already depends on them: a course students registered
for is not withdrawn from a semester, and a scheme never names a course twice."""
from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.orm import Session

from campus import identifiers
from campus.db import Database
from campus.errors import AlreadyExists, FailedPrecondition, InvalidArgument, NotFound
from services.enrollment import domain
from services.enrollment.models import (
    courses,
    offerings,
    program_courses,
    program_levels,
    programs,
    regional_centres,
    registrations,
    semesters,
)

#: Course codes are numbers (8601), newer BS codes letters and digits (ENGL3505).
COURSE_CODE = re.compile(r"^[A-Z0-9]{2,12}$")


def programs_with_schemes(db: Database) -> list[tuple[sa.Row, list[sa.Row]]]:
    with db.sessions() as session:
        rows = session.execute(
            sa.select(programs, program_levels.c.title.label("level_title"),
                      program_levels.c.max_semester_credit_hours)
            .join(program_levels, program_levels.c.code == programs.c.level).order_by(programs.c.code)).all()
        scheme = session.execute(
            sa.select(program_courses.c.program_id, program_courses.c.semester_number, courses)
            .join(courses, courses.c.id == program_courses.c.course_id)
            .order_by(program_courses.c.semester_number, courses.c.code)).all()
    return [(p, [c for c in scheme if c.program_id == p.id]) for p in rows]


def _course_code(value: str, field: str = "course_code") -> str:
    code = (value or "").strip().upper()
    if not COURSE_CODE.match(code):
        raise InvalidArgument(f"{field} must be 2 to 12 letters or digits, like 8601 or ENGL3505", field=field)
    return code


def add_course(db: Database, code: str, title: str, credit_hours: int, practical_credit_hours: int) -> sa.Row:
    code = _course_code(code, "code")
    title = identifiers.text(title, "title", max_length=120, required=True)
    if not 1 <= credit_hours <= 12:
        raise InvalidArgument("credit_hours must be between 1 and 12", field="credit_hours")
    if not 0 <= practical_credit_hours <= credit_hours:
        raise InvalidArgument("practical_credit_hours must be between 0 and the credit hours",
                              field="practical_credit_hours")
    with db.unit_of_work() as uow:
        if uow.session.scalar(sa.select(courses.c.id).where(courses.c.code == code)) is not None:
            raise AlreadyExists(f"course {code} exists already", field="code")
        uow.session.execute(sa.insert(courses).values(code=code, title=title, credit_hours=credit_hours,
                                                      practical_credit_hours=practical_credit_hours))
        uow.commit()
    return course(db, code)


def course(db: Database, code: str) -> sa.Row:
    with db.sessions() as session:
        row = session.execute(sa.select(courses).where(courses.c.code == code)).first()
    if row is None:
        raise NotFound(f"no course '{code}'", field="course_code")
    return row


def _ids(session: Session, program_code: str, course_code: str) -> tuple[int, int]:
    program_id = session.scalar(sa.select(programs.c.id).where(programs.c.code == program_code.strip().upper()))
    if program_id is None:
        raise NotFound(f"no programme '{program_code}'", field="program_code")
    course_id = session.scalar(sa.select(courses.c.id).where(courses.c.code == _course_code(course_code)))
    if course_id is None:
        raise NotFound(f"no course '{course_code}'", field="course_code")
    return program_id, course_id


def set_scheme_course(db: Database, program_code: str, course_code: str, semester_number: int) -> str:
    """Put a course in the programme's scheme at a semester (0: take it out). Returns the
    programme's code."""
    with db.unit_of_work() as uow:
        program_id, course_id = _ids(uow.session, program_code, course_code)
        duration = uow.session.scalar(sa.select(programs.c.duration_semesters).where(programs.c.id == program_id))
        if not 0 <= semester_number <= duration:
            raise InvalidArgument(f"semester_number must be between 1 and {duration} (0 takes it out)",
                                  field="semester_number")
        key = dict(program_id=program_id, course_id=course_id)
        uow.session.execute(sa.delete(program_courses).filter_by(**key))
        if semester_number:
            uow.session.execute(sa.insert(program_courses).values(**key, semester_number=semester_number))
        uow.commit()
    return program_code.strip().upper()


def offered(db: Database, semester: str) -> list[sa.Row]:
    with db.sessions() as session:
        _semester_exists(session, semester)
        return list(session.execute(sa.select(courses).join(offerings, offerings.c.course_id == courses.c.id)
                                    .where(offerings.c.semester == semester).order_by(courses.c.code)))


def _semester_exists(session: Session, semester: str) -> None:
    if session.scalar(sa.select(semesters.c.code).where(semesters.c.code == semester)) is None:
        raise NotFound(f"no semester '{semester}'", field="semester")


def set_offering(db: Database, semester: str, course_code: str, offer: bool) -> None:
    """Offer a course in a semester, or withdraw it while nobody is registered for it."""
    semester = str(domain.parse_semester(semester))
    with db.unit_of_work() as uow:
        _semester_exists(uow.session, semester)
        course_id = uow.session.scalar(sa.select(courses.c.id).where(courses.c.code == _course_code(course_code)))
        if course_id is None:
            raise NotFound(f"no course '{course_code}'", field="course_code")
        key = dict(semester=semester, course_id=course_id)
        exists = uow.session.scalar(sa.select(offerings.c.id).filter_by(**key)) is not None
        if offer and not exists:
            uow.session.execute(sa.insert(offerings).values(**key))
        elif not offer and exists:
            if uow.session.scalar(sa.select(registrations.c.id).filter_by(**key).limit(1)) is not None:
                raise FailedPrecondition("students are registered for this course in this semester",
                                         field="course_code")
            uow.session.execute(sa.delete(offerings).filter_by(**key))
        uow.commit()


def centres(db: Database) -> list[sa.Row]:
    with db.sessions() as session:
        return list(session.execute(sa.select(regional_centres).order_by(regional_centres.c.name)))
