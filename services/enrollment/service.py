"""Enrollment use cases: student records, course registration and tutor allocation."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session

from campus import clock
from campus.db import Database
from campus.errors import InvalidArgument, NotFound
from services.enrollment import domain
from services.enrollment.models import (
    courses,
    program_levels,
    programs,
    regional_centres,
    registrations,
    semesters,
    students,
    tutor_allocations,
    tutor_offerings,
    tutors,
)


def _in_centre(query: sa.Select, centre: str | None) -> sa.Select:
    """Limit a query over students to one regional centre's (None: no limit)."""
    if centre is None:
        return query
    return query.where(students.c.regional_centre_id == sa.select(regional_centres.c.id).where(
        regional_centres.c.code == centre).scalar_subquery())


def _student_id(session: Session, regno: str, centre: str | None = None) -> int:
    student_id = session.scalar(_in_centre(sa.select(students.c.id).where(students.c.registration_number == regno),
                                           centre))
    if student_id is None:
        raise NotFound("no student with this registration number", field="registration_number")
    return student_id


def _semesters_of(session: Session, student_id: int) -> list[str]:
    return list(session.scalars(sa.select(registrations.c.semester.distinct())
                                .where(registrations.c.student_id == student_id)))


def student_profile(db: Database, regno: str, centre: str | None = None) -> tuple[sa.Row, str]:
    """The student's record with program and regional centre, and their current semester.

    With a `centre`, a student of another centre is not found."""
    with db.sessions() as session:
        row = session.execute(
            sa.select(students, programs.c.code.label("program_code"), programs.c.title.label("program_title"),
                      programs.c.level.label("program_level"), regional_centres.c.code.label("centre_code"),
                      regional_centres.c.name.label("centre_name"))
            .join(programs, programs.c.id == students.c.program_id)
            .join(regional_centres, regional_centres.c.id == students.c.regional_centre_id)
            .where(students.c.registration_number == regno,
                   *([regional_centres.c.code == centre] if centre is not None else []))).first()
        if row is None:
            raise NotFound("no student with this registration number", field="registration_number")
        return row, domain.latest_semester(_semesters_of(session, row.id))


def student_centre(db: Database, regno: str) -> sa.Row:
    """The code and name of the student's regional centre (nothing else of her record)."""
    with db.sessions() as session:
        row = session.execute(
            sa.select(regional_centres.c.code, regional_centres.c.name)
            .join(students, students.c.regional_centre_id == regional_centres.c.id)
            .where(students.c.registration_number == regno)).first()
    if row is None:
        raise NotFound("no student with this registration number", field="registration_number")
    return row


def registered_courses(db: Database, regno: str, semester: str = "",
                       centre: str | None = None) -> tuple[str, list[sa.Row], list[str], bool]:
    """(semester, its courses with their tutors, every semester she has courses in, newest
    first, whether she posts assignments to her tutors); no semester means the latest
    registered. With a `centre`, a student of another centre is not found."""
    with db.sessions() as session:
        student_id = _student_id(session, regno, centre)
        held = sorted(_semesters_of(session, student_id), key=domain.parse_semester, reverse=True)
        semester = semester or (held[0] if held else "")
        rows = session.execute(
            sa.select(courses.c.code, courses.c.title, courses.c.credit_hours,
                      tutors.c.name.label("tutor_name"), tutors.c.postal_address.label("tutor_address"),
                      tutors.c.phone.label("tutor_phone"), tutors.c.email.label("tutor_email"))
            .select_from(registrations)
            .join(courses, courses.c.id == registrations.c.course_id)
            .outerjoin(tutor_allocations, tutor_allocations.c.registration_id == registrations.c.id)
            .outerjoin(tutors, tutors.c.id == tutor_allocations.c.tutor_id)
            .where(registrations.c.student_id == student_id, registrations.c.semester == semester)
            .order_by(courses.c.code)).all()
        by_post = session.scalar(sa.select(program_levels.c.assignments_by_post)
                                 .join(programs, programs.c.level == program_levels.c.code)
                                 .join(students, students.c.program_id == programs.c.id)
                                 .where(students.c.id == student_id))
        return semester, rows, held, bool(by_post)


# -- writes (the admissions desk; for now only the demo seed) ------------------------
def _id_by_code(session: Session, table: sa.Table, code: str, field: str) -> int:
    found = session.scalar(sa.select(table.c.id).where(table.c.code == code))
    if found is None:
        raise NotFound(f"no {field.replace('_', ' ')} '{code}'", field=field)
    return found


def admit_student(db: Database, *, registration_number: str, program_code: str, centre_code: str,
                  admission_semester: str, date_of_birth: dt.date, **record: str) -> None:
    """Create the student's record; a student already admitted is left as they are."""
    admission_semester = str(domain.parse_semester(admission_semester, "admission_semester"))
    with db.unit_of_work() as uow:
        if uow.session.scalar(sa.select(students.c.id).where(students.c.registration_number == registration_number)):
            return
        uow.session.execute(sa.insert(students).values(
            registration_number=registration_number, date_of_birth=date_of_birth,
            admission_semester=admission_semester,
            program_id=_id_by_code(uow.session, programs, program_code, "program_code"),
            regional_centre_id=_id_by_code(uow.session, regional_centres, centre_code, "centre_code"), **record))
        uow.commit()


def register_courses(db: Database, regno: str, semester: str, course_codes: list[str]) -> None:
    """Register the student for the courses in a semester; registering twice changes nothing."""
    semester = str(domain.parse_semester(semester))
    with db.unit_of_work() as uow:
        student_id = _student_id(uow.session, regno)
        for code in course_codes:
            course_id = _id_by_code(uow.session, courses, code, "course_code")
            if not uow.session.scalar(sa.select(registrations.c.id).where(
                    registrations.c.student_id == student_id, registrations.c.semester == semester,
                    registrations.c.course_id == course_id)):
                uow.session.execute(sa.insert(registrations).values(
                    student_id=student_id, semester=semester, course_id=course_id, registered_at=clock.utcnow()))
        uow.commit()


def allocate_tutor(db: Database, regno: str, semester: str, course_code: str, *, name: str,
                   postal_address: str, phone: str, email: str = "", capacity: int = 40) -> None:
    """Allocate a tutor of the student's centre to one registered course, replacing any
    earlier allocation (the demo seed's; regional offices use services.enrollment.tutors)."""
    with db.unit_of_work() as uow:
        student_id = _student_id(uow.session, regno)
        centre_id = uow.session.scalar(sa.select(students.c.regional_centre_id).where(students.c.id == student_id))
        registration_id, course_id = uow.session.execute(
            sa.select(registrations.c.id, registrations.c.course_id)
            .join(courses, courses.c.id == registrations.c.course_id)
            .where(registrations.c.student_id == student_id,
                   registrations.c.semester == semester, courses.c.code == course_code)).first() or (None, None)
        if registration_id is None:
            raise NotFound("the student is not registered for this course in this semester", field="course_code")
        tutor_id = uow.session.scalar(sa.select(tutors.c.id).where(tutors.c.name == name, tutors.c.phone == phone))
        if tutor_id is None:
            tutor_id = uow.session.execute(sa.insert(tutors).values(
                name=name, postal_address=postal_address, phone=phone)).inserted_primary_key[0]
        uow.session.execute(sa.update(tutors).where(tutors.c.id == tutor_id).values(
            email=email, regional_centre_id=centre_id))  # tutors seeded before they had a centre
        key = dict(tutor_id=tutor_id, semester=semester, course_id=course_id)
        if uow.session.scalar(sa.select(tutor_offerings.c.id).filter_by(**key)) is None:
            uow.session.execute(sa.insert(tutor_offerings).values(**key, capacity=capacity))
        uow.session.execute(sa.delete(tutor_allocations).where(tutor_allocations.c.registration_id == registration_id))
        uow.session.execute(sa.insert(tutor_allocations).values(
            registration_id=registration_id, tutor_id=tutor_id, allocated_at=clock.utcnow()))
        uow.commit()


def set_windows(db: Database, semester: str, *, admission: tuple[dt.date, dt.date] | None = None,
                registration: tuple[dt.date, dt.date] | None = None) -> sa.Row:
    """Announce (or move) a semester's admission and registration windows (both days included)."""
    semester = str(domain.parse_semester(semester))
    values = {}
    for name, window in (("admission", admission), ("registration", registration)):
        if window is None:
            continue
        opens, closes = window
        if opens > closes:
            raise InvalidArgument(f"the {name} window must open before it closes", field=f"{name}_closes")
        values.update({f"{name}_opens": opens, f"{name}_closes": closes})
    with db.unit_of_work() as uow:
        if values and not uow.session.execute(sa.update(semesters).where(semesters.c.code == semester)
                                              .values(**values)).rowcount:
            raise NotFound(f"no semester '{semester}'", field="semester")
        row = uow.session.execute(sa.select(semesters).where(semesters.c.code == semester)).first()
        if row is None:
            raise NotFound(f"no semester '{semester}'", field="semester")
        uow.commit()
    return row


def semester_calendar(db: Database) -> list[sa.Row]:
    with db.sessions() as session:
        return list(session.execute(sa.select(semesters).order_by(semesters.c.starts_on)))
