"""Exams use cases: record results, publish a semester, read a student's published results."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa

from campus import audit, clock
from campus.db import Database
from campus.errors import FailedPrecondition, InvalidArgument
from cms.exams.v1 import events_pb2
from services.exams import domain, publication
from services.exams.config import ExamsConfig
from services.exams.models import (
    assessment_schemes,
    candidates,
    grade_bands,
    level_grading,
    published_semesters,
    result_publications,
    results,
)


def bands(db: Database) -> list[domain.GradeBand]:
    with db.sessions() as session:
        return bands_in(session)


def bands_in(session) -> list[domain.GradeBand]:
    rows = session.execute(sa.select(grade_bands).order_by(grade_bands.c.min_marks.desc()))
    return [domain.GradeBand(r.grade, r.min_marks, r.max_marks, Decimal(r.grade_point_hundredths) / 100,
                             r.is_pass) for r in rows]


def gpa_levels(db: Database) -> set[str]:
    """The program levels graded on the GPA scale."""
    with db.sessions() as session:
        return set(session.scalars(sa.select(level_grading.c.level).where(level_grading.c.on_gpa_scale)))


def _known_level(session, level: str) -> str:
    level = (level or "").strip()
    if not session.scalar(sa.select(level_grading.c.level).where(level_grading.c.level == level)):
        raise InvalidArgument(f"no program level '{level}'", field="level")
    return level


def schemes(session) -> dict[str, tuple[domain.PassRule, domain.Weights]]:
    """How each level is assessed (assessment_schemes): its pass rule and weights."""
    return {r.level: (domain.PassRule(assignment_min=r.assignment_min, final_min=r.final_min,
                                      workshop_min=r.workshop_attendance_min),
                      domain.Weights(assignments=r.assignment_weight, final=r.final_weight))
            for r in session.execute(sa.select(assessment_schemes))}


def scheme(session, level: str) -> tuple[domain.PassRule, domain.Weights]:
    found = schemes(session).get(level)
    if found is None:
        raise InvalidArgument(f"no assessment scheme for level '{level}'", field="level")
    return found


def record_result(db: Database, config: ExamsConfig, *, registration_number: str, semester: str, level: str,
                  course_code: str, course_title: str, credit_hours: int, assignment_marks: int | None,
                  final_exam_marks: int | None, program_code: str = "", workshop_attendance: int | None = None,
                  by: str = "") -> domain.Graded:
    """Grade (by the level's assessment scheme) and store one course result. A published
    result never changes, unless it was late: then it goes out as it is recorded, and her
    published card gets a new version."""
    term = domain.parse_semester(semester)
    key = dict(registration_number=registration_number, semester=str(term), course_code=course_code)
    with db.unit_of_work() as uow:
        level = _known_level(uow.session, level)
        rule, weights = scheme(uow.session, level)
        graded = domain.grade_course(assignment_marks, final_exam_marks, term, rule=rule, weights=weights,
                                     bands=bands(db), workshop=workshop_attendance)
        existing = uow.session.execute(sa.select(results).filter_by(**key).with_for_update()).first()
        if existing is not None and existing.published_on and existing.remarks != domain.RESULT_LATE:
            raise FailedPrecondition("a published result never changes", field="course_code")
        program_code = program_code or (existing.program_code if existing is not None else "") or (
            uow.session.scalar(sa.select(candidates.c.program_code).where(
                candidates.c.registration_number == registration_number, candidates.c.semester == str(term))) or "")
        published = _published(uow.session, str(term), program_code)
        values = dict(course_title=course_title, credit_hours=credit_hours, level=level, program_code=program_code,
                      assignment_marks=assignment_marks, final_exam_marks=final_exam_marks,
                      workshop_attendance=workshop_attendance, total_marks=graded.total, grade=graded.grade,
                      remarks=graded.remarks, recorded_at=clock.utcnow(),
                      published_on=clock.karachi_today() if published else None)
        if existing is None:
            uow.session.execute(sa.insert(results).values(**key, **values))
        else:
            uow.session.execute(sa.update(results).where(results.c.id == existing.id).values(**values))
        if published:  # a late result of a published semester goes out as it is recorded
            uow.record(events_pb2.ResultPublished(registration_number=registration_number, semester=str(term),
                                                  published_on=values["published_on"].isoformat()))
            publication.revise_card(uow.session, registration_number, str(term),
                                    reason=f"result of {course_code} recorded late")
        audit.append(uow.session, entity="result", entity_id=_result_key(key),
                     action="recorded" if existing is None else "changed", payload={**key, **values, "by": by})
        uow.commit()
    return graded


def _published(session, semester: str, program_code: str) -> bool:
    """Whether the semester was published as a whole (as before programs were), or the program's results were."""
    if session.scalar(sa.select(published_semesters.c.semester).filter_by(semester=semester)):
        return True
    return bool(program_code) and session.scalar(sa.select(result_publications.c.semester).filter_by(
        semester=semester, program_code=program_code)) is not None


def _result_key(key: dict) -> str:
    return f"{key['registration_number']}/{key['semester']}/{key['course_code']}"


def record_missing_levels(db: Database, registration_number: str, level: str) -> int:
    """Give the student's results recorded before levels were kept their program level.

    A result's level decides only whether its semester shows a GPA, so this is allowed on
    published results; a level already recorded is never changed. Returns how many changed."""
    with db.unit_of_work() as uow:
        level = _known_level(uow.session, level)
        changed = uow.session.execute(sa.update(results).where(
            results.c.registration_number == registration_number, results.c.level == "").values(level=level)).rowcount
        if changed:
            audit.append(uow.session, entity="student_results", entity_id=registration_number,
                         action="level_recorded", payload={"level": level, "results": changed})
        uow.commit()
    return changed


def publish_semester(db: Database, semester: str, published_on: dt.date | None = None) -> int:
    """Publish every result of the semester; returns how many students were told (0 if done before)."""
    semester = str(domain.parse_semester(semester))
    published_on = published_on or clock.karachi_today()
    with db.unit_of_work() as uow:
        if uow.session.scalar(sa.select(published_semesters.c.semester).filter_by(semester=semester)):
            return 0
        uow.session.execute(sa.insert(published_semesters).values(
            semester=semester, published_on=published_on, published_at=clock.utcnow()))
        students = list(uow.session.scalars(sa.select(results.c.registration_number.distinct()).where(
            results.c.semester == semester, results.c.published_on.is_(None))))
        published = uow.session.execute(sa.update(results).where(results.c.semester == semester,
                                                                 results.c.published_on.is_(None))
                                        .values(published_on=published_on)).rowcount
        for regno in students:
            uow.record(events_pb2.ResultPublished(registration_number=regno, semester=semester,
                                                  published_on=published_on.isoformat()))
        audit.append(uow.session, entity="semester", entity_id=semester, action="published",
                     payload={"published_on": published_on, "results": published, "students": len(students)})
        uow.commit()
    return len(students)


def published_results(db: Database, regno: str) -> list[tuple[str, dt.date, list[sa.Row]]]:
    """(semester, published on, course results) of each published semester, oldest first."""
    with db.sessions() as session:
        rows = session.execute(sa.select(results).where(
            results.c.registration_number == regno, results.c.published_on.is_not(None))
            .order_by(results.c.course_code)).all()
    by_semester: dict[str, list[sa.Row]] = {}
    for row in rows:
        by_semester.setdefault(row.semester, []).append(row)
    ordered = sorted(by_semester, key=domain.parse_semester)
    # The semester's day of publication: its first result's (a late one came out later).
    return [(s, min(r.published_on for r in by_semester[s]), by_semester[s]) for s in ordered]
