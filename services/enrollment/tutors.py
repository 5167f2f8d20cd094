"""Tutors, kept by each regional office for its own centre: who they are, which course
offerings they teach with how many students each, and the allocation of the centre's
confirmed students to them.

Every use case takes the caller's centre: a tutor of another centre is not found."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from campus import clock, identifiers
from campus.db import Database
from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from cms.enrollment.v1 import events_pb2
from services.enrollment import domain
from services.enrollment.models import (
    courses,
    offerings,
    regional_centres,
    registrations,
    semester_registrations,
    students,
    tutor_allocations,
    tutor_offerings,
    tutors,
)


def _centre_id(session: Session, centre: str) -> int:
    found = session.scalar(sa.select(regional_centres.c.id).where(regional_centres.c.code == centre))
    if found is None:
        raise NotFound(f"no regional centre '{centre}'", field="centre")
    return found


def _tutor(session: Session, centre_id: int, tutor_id: int) -> sa.Row:
    row = session.execute(sa.select(tutors).where(tutors.c.id == tutor_id,
                                                  tutors.c.regional_centre_id == centre_id)).first()
    if row is None:
        raise NotFound("no such tutor at your centre", field="tutor_id")
    return row


def _course_id(session: Session, semester: str, course_code: str) -> int:
    found = session.scalar(sa.select(courses.c.id).join(offerings, offerings.c.course_id == courses.c.id).where(
        offerings.c.semester == semester, courses.c.code == course_code.strip().upper()))
    if found is None:
        raise InvalidArgument(f"{semester} does not offer '{course_code}'", field="course_code")
    return found


def _confirmed(query: sa.Select) -> sa.Select:
    """Only course rows that stand: confirmed registrations, and those made before
    registration was a process."""
    return query.outerjoin(semester_registrations,
                           semester_registrations.c.id == registrations.c.semester_registration_id).where(
        sa.or_(registrations.c.semester_registration_id.is_(None),
               semester_registrations.c.status == domain.CONFIRMED))


def add(db: Database, centre: str, *, name: str, postal_address: str, phone: str, email: str) -> int:
    values = {"name": identifiers.person_name(name, "name"),
              "postal_address": domain.postal_address_value(postal_address),
              "phone": identifiers.mobile(phone, "phone") or domain.required_value("phone"),
              "email": identifiers.email(email, required=True)}
    with db.unit_of_work() as uow:
        tutor_id = uow.session.execute(sa.insert(tutors).values(
            **values, regional_centre_id=_centre_id(uow.session, centre))).inserted_primary_key[0]
        uow.commit()
    return tutor_id


def assign(db: Database, centre: str, tutor_id: int, semester: str, course_code: str, capacity: int) -> None:
    """She teaches the offering for at most `capacity` students (changed: never below the
    students she already has)."""
    if not 1 <= capacity <= 500:
        raise InvalidArgument("capacity must be between 1 and 500 students", field="capacity")
    with db.unit_of_work() as uow:
        tutor = _tutor(uow.session, _centre_id(uow.session, centre), tutor_id)
        course_id = _course_id(uow.session, semester, course_code)
        taken = _allocated(uow.session, tutor.id, semester, course_id)
        if capacity < taken:
            raise FailedPrecondition(f"she already has {taken} students in this course", field="capacity")
        key = dict(tutor_id=tutor.id, semester=semester, course_id=course_id)
        if not uow.session.execute(sa.update(tutor_offerings).filter_by(**key).values(capacity=capacity)).rowcount:
            uow.session.execute(sa.insert(tutor_offerings).values(**key, capacity=capacity))
        uow.commit()


def _allocated(session: Session, tutor_id: int, semester: str, course_id: int) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(tutor_allocations).join(
        registrations, registrations.c.id == tutor_allocations.c.registration_id).where(
        tutor_allocations.c.tutor_id == tutor_id, registrations.c.semester == semester,
        registrations.c.course_id == course_id))


def allocate(db: Database, centre: str, semester: str, course_code: str) -> tuple[int, int]:
    """Give each of the centre's confirmed students of the offering without a tutor the
    least loaded of its tutors with a place left. Returns (allocated now, still waiting)."""
    with db.unit_of_work() as uow:
        session = uow.session
        centre_id = _centre_id(session, centre)
        course_id = _course_id(session, semester, course_code)
        places = {row.tutor_id: [row.capacity - _allocated(session, row.tutor_id, semester, course_id), row.name]
                  for row in session.execute(sa.select(tutor_offerings.c.tutor_id, tutor_offerings.c.capacity,
                                                       tutors.c.name)
                                             .join(tutors, tutors.c.id == tutor_offerings.c.tutor_id)
                                             .where(tutor_offerings.c.semester == semester,
                                                    tutor_offerings.c.course_id == course_id,
                                                    tutors.c.regional_centre_id == centre_id)
                                             .with_for_update(of=tutor_offerings))}
        waiting = session.execute(_confirmed(
            sa.select(registrations.c.id, students.c.registration_number).select_from(registrations)
            .join(students, students.c.id == registrations.c.student_id)
            .outerjoin(tutor_allocations, tutor_allocations.c.registration_id == registrations.c.id))
            .where(registrations.c.semester == semester, registrations.c.course_id == course_id,
                   students.c.regional_centre_id == centre_id, tutor_allocations.c.id.is_(None))
            .order_by(registrations.c.id)).all()
        allocated, now = 0, clock.utcnow()
        for registration_id, regno in waiting:
            tutor_id = max(places, key=lambda t: places[t][0], default=None)
            if tutor_id is None or places[tutor_id][0] <= 0:
                break
            places[tutor_id][0] -= 1
            session.execute(sa.insert(tutor_allocations).values(registration_id=registration_id, tutor_id=tutor_id,
                                                                allocated_at=now))
            uow.record(events_pb2.TutorAllocated(registration_number=regno, semester=semester,
                                                 course_code=course_code.strip().upper(),
                                                 tutor_name=places[tutor_id][1], allocated_at=clock.iso(now)))
            allocated += 1
        uow.commit()
    return allocated, len(waiting) - allocated


def centre_tutors(db: Database, centre: str, semester: str) -> tuple[list[tuple[sa.Row, list[sa.Row]]],
                                                                       list[sa.Row]]:
    """The centre's tutors with their offerings in the semester, and each offering's load."""
    with db.sessions() as session:
        centre_id = _centre_id(session, centre)
        people = session.execute(sa.select(tutors).where(tutors.c.regional_centre_id == centre_id)
                                 .order_by(tutors.c.name)).all()
        taught = session.execute(
            sa.select(tutor_offerings.c.tutor_id, courses.c.code, courses.c.title, tutor_offerings.c.capacity,
                      sa.select(sa.func.count()).select_from(tutor_allocations).join(
                          registrations, registrations.c.id == tutor_allocations.c.registration_id).where(
                          tutor_allocations.c.tutor_id == tutor_offerings.c.tutor_id,
                          registrations.c.semester == semester,
                          registrations.c.course_id == tutor_offerings.c.course_id).scalar_subquery()
                      .label("allocated"))
            .join(courses, courses.c.id == tutor_offerings.c.course_id)
            .where(tutor_offerings.c.semester == semester).order_by(courses.c.code)).all()
        load = _load(session, centre_id, semester)
    return [(p, [t for t in taught if t.tutor_id == p.id]) for p in people], load


def _load(session: Session, centre_id: int, semester: str) -> list[sa.Row]:
    """Per course: the centre's confirmed students, how many have a tutor, and the places."""
    capacity = (sa.select(sa.func.coalesce(sa.func.sum(tutor_offerings.c.capacity), 0))
                .join(tutors, tutors.c.id == tutor_offerings.c.tutor_id)
                .where(tutor_offerings.c.semester == semester, tutor_offerings.c.course_id == courses.c.id,
                       tutors.c.regional_centre_id == centre_id).scalar_subquery())
    query = _confirmed(
        sa.select(courses.c.code, courses.c.title, sa.func.count(registrations.c.id).label("students"),
                  sa.func.count(tutor_allocations.c.id).label("allocated"), capacity.label("capacity"))
        .select_from(registrations)
        .join(courses, courses.c.id == registrations.c.course_id)
        .join(students, students.c.id == registrations.c.student_id)
        .outerjoin(tutor_allocations, tutor_allocations.c.registration_id == registrations.c.id))
    return session.execute(query.where(registrations.c.semester == semester,
                                       students.c.regional_centre_id == centre_id)
                           .group_by(courses.c.id, courses.c.code, courses.c.title).order_by(courses.c.code)).all()
