"""Result day: a program's results of a semester published at once, each candidate's result
card kept as it was published, and the public look-up by roll number reading those cards.

Publishing is one transaction: the results become visible to their students, every
candidate's card is written, the publication is recorded and each student gets a
`result_published` event. A card never changes afterwards except by a new version (a late
result recorded, a re-check's outcome) that says it was revised and when.
"""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from campus import audit, clock, identifiers
from campus.db import Database
from campus.errors import FailedPrecondition, NotFound
from cms.exams.v1 import events_pb2
from services.exams import domain
from services.exams.models import (
    candidate_papers,
    candidates,
    grade_bands,
    level_grading,
    published_cards,
    result_publications,
    results,
)

NOT_PUBLISHED = "no published result for this roll number"


def publish(db: Database, semester: str, program_code: str, *, by: str, on: dt.date | None = None) -> sa.Row:
    """Publish a program's results of a semester (once: again is a 409 naming the day it was
    done). `on`: the day of publication, today unless the demo seed says otherwise."""
    semester, program_code = str(domain.parse_semester(semester)), domain.program_code(program_code)
    today, now = on or clock.karachi_today(), clock.utcnow()
    with db.unit_of_work() as uow:
        session = uow.session
        done = session.execute(sa.select(result_publications).filter_by(semester=semester, program_code=program_code)
                               .with_for_update()).first()
        if done is not None:
            raise FailedPrecondition(f"{program_code} {semester} was published on {done.published_on}: a grade "
                                     "changes now only through re-checking", field="program_code")
        sitting = sa.select(candidates.c.registration_number).where(candidates.c.semester == semester,
                                                                    candidates.c.program_code == program_code)
        count = session.scalar(sa.select(sa.func.count()).select_from(sitting.subquery()))
        if not count:
            raise FailedPrecondition(f"no candidate sat {program_code} in {semester}", field="program_code")
        published = session.execute(sa.update(results).where(
            results.c.semester == semester, results.c.registration_number.in_(sitting),
            results.c.published_on.is_(None)).values(published_on=today, program_code=program_code)).rowcount
        cards = _cards(session, semester, program_code, today)
        session.execute(sa.insert(published_cards), [
            dict(roll_number=c["roll_number"], registration_number=c["registration_number"], semester=semester,
                 program_code=program_code, card=json.dumps(c, ensure_ascii=False), version=1, published_on=today)
            for c in cards])
        session.execute(sa.insert(result_publications).values(
            semester=semester, program_code=program_code, published_on=today, published_at=now, published_by=by,
            candidates=len(cards), results=published))
        for card in cards:
            uow.record(events_pb2.ResultPublished(registration_number=card["registration_number"], semester=semester,
                                                  published_on=today.isoformat()))
        audit.append(session, entity="publication", entity_id=f"{semester}/{program_code}", action="published",
                     payload={"published_on": today, "candidates": len(cards), "results": published, "by": by})
        uow.commit()
        return session.execute(sa.select(result_publications).filter_by(
            semester=semester, program_code=program_code)).one()


def publications(db: Database, semester: str = "") -> list[sa.Row]:
    with db.sessions() as session:
        query = sa.select(result_publications).order_by(result_publications.c.published_at.desc())
        if semester:
            query = query.where(result_publications.c.semester == str(domain.parse_semester(semester)))
        return session.execute(query).all()


# -- cards ----------------------------------------------------------------------------
def _grading(session: Session) -> tuple[dict[str, Decimal], set[str]]:
    points = {r.grade: Decimal(r.grade_point_hundredths) / 100 for r in session.execute(sa.select(grade_bands))}
    levels = set(session.scalars(sa.select(level_grading.c.level).where(level_grading.c.on_gpa_scale)))
    return points, levels


def _cards(session: Session, semester: str, program_code: str, published_on: dt.date,
           registration_number: str | None = None) -> list[dict]:
    """The card of each candidate of the program (or of one student): every paper she sat,
    with its result, or RL where none is recorded."""
    points, gpa_levels = _grading(session)
    query = (sa.select(candidates.c.roll_number, candidates.c.registration_number, candidates.c.full_name,
                       candidates.c.program_code, candidates.c.program_title, candidates.c.level,
                       candidate_papers.c.course_code, candidate_papers.c.course_title,
                       candidate_papers.c.credit_hours, results.c.assignment_marks, results.c.final_exam_marks,
                       results.c.total_marks, results.c.grade, results.c.remarks)
             .join(candidate_papers, candidate_papers.c.roll_number == candidates.c.roll_number)
             .outerjoin(results, sa.and_(results.c.registration_number == candidates.c.registration_number,
                                         results.c.semester == candidates.c.semester,
                                         results.c.course_code == candidate_papers.c.course_code))
             .where(candidates.c.semester == semester, candidates.c.program_code == program_code)
             .order_by(candidates.c.roll_number, candidate_papers.c.course_code))
    if registration_number:
        query = query.where(candidates.c.registration_number == registration_number)
    shown = domain.components_shown(domain.parse_semester(semester))
    cards: dict[str, dict] = {}
    for row in session.execute(query):
        card = cards.setdefault(row.roll_number, {
            "roll_number": row.roll_number, "registration_number": row.registration_number, "name": row.full_name,
            "semester": semester, "program_code": row.program_code, "program": row.program_title or row.program_code,
            "level": row.level, "courses": [], "published_on": published_on.isoformat()})
        late = row.remarks is None or row.remarks == domain.RESULT_LATE
        card["courses"].append({
            "code": row.course_code, "title": row.course_title, "credit_hours": row.credit_hours,
            "assignment_marks": row.assignment_marks if shown and not late else None,
            "final_exam_marks": row.final_exam_marks if shown and not late else None,
            "total_marks": row.total_marks if shown and not late else None,
            "grade": "" if late else row.grade, "remarks": domain.RESULT_LATE if late else row.remarks})
    for card in cards.values():
        courses = card["courses"]
        gpa = None
        if domain.gpa_applies([card.pop("level")], gpa_levels):
            gpa = domain.gpa((c["credit_hours"], points.get(c["grade"])) for c in courses)
        card["gpa"] = str(gpa) if gpa is not None else None
        card["remarks"] = domain.card_remarks(c["remarks"] for c in courses)
    return list(cards.values())


def revise_card(session: Session, registration_number: str, semester: str, *, reason: str) -> bool:
    """Write a new version of a published card after one of its results changed (a late
    result, a re-check): it says it was revised and when. False if none was published."""
    current = session.execute(sa.select(published_cards).where(
        published_cards.c.registration_number == registration_number, published_cards.c.semester == semester)
        .with_for_update()).first()
    if current is None:
        return False
    published_on = current.published_on
    card = _cards(session, semester, current.program_code, published_on, registration_number)[0]
    now = clock.utcnow()
    card["revised_at"], card["revision"] = clock.iso(now), reason
    session.execute(sa.update(published_cards).where(published_cards.c.roll_number == current.roll_number).values(
        card=json.dumps(card, ensure_ascii=False), version=current.version + 1, revised_at=now))
    audit.append(session, entity="result_card", entity_id=current.roll_number, action="revised",
                 payload={"reason": reason, "version": current.version + 1})
    return True


def public_card(db: Database, roll_number: str) -> tuple[dict, int]:
    """A published card by roll number, and its version (for the gateway's validators)."""
    roll = identifiers.roll_number(roll_number)
    with db.sessions() as session:
        row = session.execute(sa.select(published_cards.c.card, published_cards.c.version)
                              .where(published_cards.c.roll_number == roll)).first()
    if row is None:
        raise NotFound(NOT_PUBLISHED, field="roll_number")
    return json.loads(row.card), row.version
