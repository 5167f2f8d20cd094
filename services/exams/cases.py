"""Paid requests examinations work on: re-checking of answer scripts, and a change of
examination centre. Requests says a challan is paid (`request_paid`); a case opens here; an
examinations officer decides it; `exam_case_decided` tells requests, which closes the request.

Re-checking is the only way a published grade changes: the result gets its new marks, says
it was revised and when, and her published card gets a new version. A change of centre is
allowed only for a hardship (`centre_change_grounds`) and as often per program as
`case_limits` says (once); the slip printed
afterwards is a new document and the old one is revoked (campus.documents).
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from campus import audit, auth, clock, identifiers
from campus.db import Database, UnitOfWork
from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from cms.exams.v1 import events_pb2
from services.exams import domain, publication, service
from services.exams.models import (
    candidate_papers,
    candidates,
    case_limits,
    centre_change_grounds,
    exam_cases,
    exam_centres,
    published_semesters,
    result_publications,
    results,
)

#: The request subtypes (requests' catalogue) that open a case here, and the case they open.
SUBTYPES = {"answer_script_rechecking": "rechecking", "exam_centre_change": "centre_change"}
OPEN = "open"


def open_case(uow: UnitOfWork, paid) -> bool:
    """A case for a paid request of ours (once: a redelivered event changes nothing)."""
    kind = SUBTYPES.get(paid.subtype)
    if kind is None:
        return False
    session = uow.session
    if session.scalar(sa.select(exam_cases.c.request_number).where(
            exam_cases.c.request_number == paid.request_number)):
        return False
    latest = _latest_candidature(session, paid.registration_number, published=kind == "rechecking")
    session.execute(sa.insert(exam_cases).values(
        request_number=paid.request_number, registration_number=paid.registration_number, kind=kind,
        details=paid.details[:4000], status=OPEN, roll_number=latest.roll_number if latest else None,
        program_code=latest.program_code if latest else "", opened_at=clock.utcnow()))
    return True


def _latest_candidature(session: Session, regno: str, *, published: bool) -> sa.Row | None:
    """Her latest candidature: for a re-check, the latest whose results are out (what she
    can ask to be re-checked); for a change of centre, the latest of all (what she will sit)."""
    rows = session.execute(sa.select(candidates).where(candidates.c.registration_number == regno)).all()
    if published:
        out = {(r.semester, r.program_code) for r in session.execute(sa.select(result_publications))}
        whole = set(session.scalars(sa.select(published_semesters.c.semester)))
        rows = [r for r in rows if (r.semester, r.program_code) in out or r.semester in whole]
    return max(rows, key=lambda r: domain.parse_semester(r.semester)) if rows else None


def cases(db: Database, status: str = "", kind: str = "") -> tuple[list[tuple[sa.Row, sa.Row | None, list]], list]:
    """The cases (open ones unless `status` says otherwise), each with her candidature and papers; the grounds."""
    status = status or OPEN
    with db.sessions() as session:
        # Open ones oldest first (the queue's order); decided ones newest first (what was just done).
        order = exam_cases.c.opened_at if status == OPEN else exam_cases.c.decided_at.desc()
        query = sa.select(exam_cases).where(exam_cases.c.status == status).order_by(order)
        if kind:
            query = query.where(exam_cases.c.kind == kind)
        found = []
        for case in session.execute(query.limit(500)):
            candidate = session.execute(sa.select(candidates).where(
                candidates.c.roll_number == case.roll_number)).first() if case.roll_number else None
            papers = session.execute(sa.select(candidate_papers).where(
                candidate_papers.c.roll_number == case.roll_number)).all() if case.roll_number else []
            found.append((case, candidate, papers))
        grounds = session.execute(sa.select(centre_change_grounds).order_by(centre_change_grounds.c.code)).all()
    return found, grounds


def _open_case(session: Session, request_number: str, kind: str) -> sa.Row:
    number = (request_number or "").strip().upper()
    case = session.execute(sa.select(exam_cases).where(exam_cases.c.request_number == number)
                           .with_for_update()).first()
    if case is None or case.kind != kind:
        raise NotFound(f"no {kind.replace('_', ' ')} case for this request", field="request_number")
    if case.status != OPEN:
        raise FailedPrecondition(f"this case was decided ({case.status}) on {case.decided_at:%Y-%m-%d}",
                                 field="request_number")
    if not case.roll_number:
        raise FailedPrecondition("she has no roll number: nothing to re-check or move", field="request_number")
    return case


def decide_recheck(db: Database, *, request_number: str, course_code: str, changed: bool,
                   assignment_marks: int | None, final_exam_marks: int | None, note: str) -> sa.Row:
    """Record a re-check: new marks (the result is revised, and says so) or none (it stands)."""
    who = auth.current_caller()
    note = identifiers.text(note, "note", max_length=300)
    code = (course_code or "").strip().upper()
    with db.unit_of_work() as uow:
        session = uow.session
        case = _open_case(session, request_number, "rechecking")
        candidate = session.execute(sa.select(candidates).where(candidates.c.roll_number == case.roll_number)).one()
        result = session.execute(sa.select(results).where(
            results.c.registration_number == case.registration_number, results.c.semester == candidate.semester,
            results.c.course_code == code).with_for_update()).first()
        if result is None or result.published_on is None:
            raise InvalidArgument(f"no published result of {code or '(no course)'} in {candidate.semester} to "
                                  "re-check", field="course_code")
        outcome = "unchanged"
        if changed:
            _revise(session, result, candidate, assignment_marks, final_exam_marks,
                    reason=f"re-checked on request {case.request_number}")
            outcome = "revised"
        return _decided(uow, case, outcome, who, note=note or _recheck_note(outcome, code), course_code=code)


def _recheck_note(outcome: str, code: str) -> str:
    return (f"{code} re-checked: the marks were revised" if outcome == "revised"
            else f"{code} re-checked: the marks stand as they were")


def _revise(session: Session, result: sa.Row, candidate: sa.Row, assignment: int | None, final: int | None,
            *, reason: str) -> None:
    if assignment is None and final is None:
        raise InvalidArgument("give the re-checked marks, or say they did not change", field="final_exam_marks")
    assignment = result.assignment_marks if assignment is None else assignment
    final = result.final_exam_marks if final is None else final
    rule, weights = service.scheme(session, candidate.level)
    graded = domain.grade_course(assignment, final, domain.parse_semester(candidate.semester), rule=rule,
                                 weights=weights, bands=service.bands_in(session),
                                 workshop=result.workshop_attendance)
    now = clock.utcnow()
    values = dict(assignment_marks=assignment, final_exam_marks=final, total_marks=graded.total, grade=graded.grade,
                  remarks=graded.remarks, revised_at=now, revision_note=reason[:200])
    session.execute(sa.update(results).where(results.c.id == result.id).values(**values))
    audit.append(session, entity="result", entity_id=f"{result.registration_number}/{result.semester}/"
                                                     f"{result.course_code}", action="re-checked",
                 payload={**values, "was": {"assignment_marks": result.assignment_marks,
                                            "final_exam_marks": result.final_exam_marks, "grade": result.grade}})
    publication.revise_card(session, result.registration_number, result.semester, reason=reason)


def decide_centre_change(db: Database, *, request_number: str, approve: bool, centre_code: str, ground: str,
                         note: str) -> sa.Row:
    """Move her to another centre (a hardship, once per program) or refuse, saying why."""
    who = auth.current_caller()
    note = identifiers.text(note, "note", max_length=300)
    with db.unit_of_work() as uow:
        session = uow.session
        case = _open_case(session, request_number, "centre_change")
        if not approve:
            if not note:
                raise InvalidArgument("say why the change is refused: the student reads it", field="note")
            return _decided(uow, case, "rejected", who, note=note)
        if not session.scalar(sa.select(centre_change_grounds.c.code).where(centre_change_grounds.c.code == ground)):
            raise InvalidArgument("a centre is changed only for a hardship: transfer, marriage or change of "
                                  "residence", field="ground")
        limit = session.scalar(sa.select(case_limits.c.per_program).where(case_limits.c.kind == "centre_change"))
        earlier = session.scalar(sa.select(sa.func.count()).select_from(exam_cases).where(
            exam_cases.c.registration_number == case.registration_number, exam_cases.c.kind == "centre_change",
            exam_cases.c.status == "approved", exam_cases.c.program_code == case.program_code))
        if limit is not None and earlier >= limit:
            times = "once" if earlier == 1 else f"{earlier} times"
            raise FailedPrecondition(f"her centre was changed {times} in this program already (the most allowed): "
                                     "refuse it, saying so", field="request_number")
        code = (centre_code or "").strip().upper()
        centre = session.execute(sa.select(exam_centres).where(exam_centres.c.code == code,
                                                               exam_centres.c.active.is_(True))).first()
        if centre is None:
            raise InvalidArgument("no open exam centre with this code", field="centre_code")
        candidate = session.execute(sa.select(candidates).where(candidates.c.roll_number == case.roll_number)).one()
        if candidate.centre_code == code:
            raise InvalidArgument("she already sits at this centre", field="centre_code")
        now = clock.utcnow()
        session.execute(sa.update(candidates).where(candidates.c.roll_number == case.roll_number).values(
            centre_code=code, region=centre.region, centre_changed_at=now))
        uow.record(events_pb2.SlipIssued(registration_number=candidate.registration_number,
                                         semester=candidate.semester, roll_number=candidate.roll_number,
                                         centre_code=code, program_code=candidate.program_code))
        note = note or f"Your examination centre is now {centre.name}, {centre.address}: print your slip again."
        return _decided(uow, case, "approved", who, note=note, centre_code=code, ground=ground)


def _decided(uow: UnitOfWork, case: sa.Row, outcome: str, who: auth.Caller, *, note: str, **values) -> sa.Row:
    now = clock.utcnow()
    uow.session.execute(sa.update(exam_cases).where(exam_cases.c.request_number == case.request_number).values(
        status=outcome, decided_at=now, decided_by=who.subject, note=note[:300], **values))
    uow.record(events_pb2.ExamCaseDecided(
        request_number=case.request_number, registration_number=case.registration_number, kind=case.kind,
        outcome=outcome, note=note[:300], decided_by=who.subject, decided_at=clock.iso(now)))
    audit.append(uow.session, entity="exam_case", entity_id=case.request_number, action=outcome,
                 payload={"kind": case.kind, "note": note, **values})
    uow.commit()
    return uow.session.execute(sa.select(exam_cases).where(exam_cases.c.request_number == case.request_number)).one()
