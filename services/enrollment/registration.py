"""Course registration use cases.

A registration is made in two short transactions around one call to finance, as a service
request is filed: the registration and its course rows are written first (status
`filing`, its attempt number fixed), finance issues the semester's challan (idempotent on
the reference the attempt gives it), then the registration takes the challan and waits
for payment. A refusal by finance withdraws the registration as if never written; a
filing interrupted midway is finished by the sweep (`resume_stalled`), or by the payment.
The bank's payment confirms it (`confirm`, from finance's `challan_paid`); unpaid past its
due date it lapses (`lapse_overdue`) and she may register again."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.orm import Session

from campus import clock, loops
from campus.db import Database
from campus.errors import AlreadyExists, DeadlineExceeded, DomainError, FailedPrecondition, NotFound, Unavailable
from cms.enrollment.v1 import events_pb2
from services.enrollment import domain, holds
from services.enrollment.models import (
    courses,
    offerings,
    program_courses,
    program_levels,
    programs,
    regional_centres,
    registrations,
    semester_registrations,
    semesters,
    students,
    tutor_allocations,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Challan:
    consumer_number: str
    amount_paisa: int
    due_date: str  # YYYY-MM-DD


class Registrar(Protocol):
    """Exams and finance, as registration needs them."""

    def results(self, registration_number: str) -> dict[str, dict[str, str]]:
        """Her published results: semester -> {course code: remarks}."""

    def issue(self, *, registration_number: str, payer_name: str, level: str, reference: str, description: str,
              charges: list[tuple[str, int]]) -> Challan: ...


class UnknownRegistration(Exception):
    """A paid semester challan that no registration here can take: money was taken, so the
    event must reach the dead-letter queue and a person, not vanish."""


@dataclass
class Overview:
    """GET /me/registration, as enrollment sees it."""
    semester: str
    calendar: domain.SemesterCalendar | None
    reasons: list[domain.Reason]
    offered: list[domain.Offered]
    credit_limit: int
    registration: sa.Row | None = None
    registered: list[domain.Offered] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return not self.reasons


# -- reading ------------------------------------------------------------------------
def _student(session: Session, regno: str) -> sa.Row:
    row = session.execute(
        sa.select(students.c.id, students.c.status, students.c.admission_semester, students.c.full_name,
                  students.c.father_name, students.c.program_id, programs.c.code.label("program_code"),
                  programs.c.title.label("program_title"), programs.c.level, programs.c.max_duration_years,
                  program_levels.c.max_semester_credit_hours,
                  program_levels.c.fee_basis, regional_centres.c.code.label("centre_code"))
        .join(programs, programs.c.id == students.c.program_id)
        .join(program_levels, program_levels.c.code == programs.c.level)
        .join(regional_centres, regional_centres.c.id == students.c.regional_centre_id)
        .where(students.c.registration_number == regno)).first()
    if row is None:
        raise NotFound("no student with this registration number", field="registration_number")
    return row


def _calendar(session: Session, semester: str, today: dt.date) -> domain.SemesterCalendar | None:
    rows = [domain.SemesterCalendar(r.code, r.registration_opens, r.registration_closes)
            for r in session.execute(sa.select(semesters))]
    if not semester:
        return domain.open_semester(rows, today)
    found = [c for c in rows if c.code == semester]
    if not found:
        raise NotFound(f"no semester '{semester}' has been announced", field="semester")
    return found[0]


def standing_registration(session: Session, student_id: int, semester: str) -> sa.Row | None:
    """Her registration for the semester that still holds (not lapsed), if any."""
    return session.execute(sa.select(semester_registrations).where(
        semester_registrations.c.student_id == student_id, semester_registrations.c.semester == semester,
        semester_registrations.c.status.in_(domain.STANDING))).first()


def _latest_registration(session: Session, student_id: int, semester: str) -> sa.Row | None:
    return session.execute(sa.select(semester_registrations).where(
        semester_registrations.c.student_id == student_id, semester_registrations.c.semester == semester)
        .order_by(semester_registrations.c.attempt.desc()).limit(1)).first()


def _scheme(session: Session, program_id: int) -> list[tuple[int, domain.Course]]:
    rows = session.execute(sa.select(program_courses.c.semester_number, courses.c.code, courses.c.title,
                                     courses.c.credit_hours)
                           .join(courses, courses.c.id == program_courses.c.course_id)
                           .where(program_courses.c.program_id == program_id))
    return [(r.semester_number, domain.Course(r.code, r.title, r.credit_hours)) for r in rows]


def _courses_by_code(session: Session, codes: list[str]) -> dict[str, domain.Course]:
    rows = session.execute(sa.select(courses.c.code, courses.c.title, courses.c.credit_hours)
                           .where(courses.c.code.in_(codes)))
    return {r.code: domain.Course(r.code, r.title, r.credit_hours) for r in rows}


def registered_of(session: Session, row: sa.Row) -> list[domain.Offered]:
    """The courses of a registration as she asked for them (kept after a lapse, too)."""
    codes = [c for c in row.course_codes.split(",") if c]
    repeats = set(filter(None, row.repeat_codes.split(",")))
    known = _courses_by_code(session, codes)
    return [domain.Offered(known[c], c in repeats) for c in codes if c in known]


def overview(db: Database, regno: str, registrar: Registrar, semester: str = "",
             today: dt.date | None = None, results: dict[str, dict[str, str]] | None = None) -> Overview:
    """Which semester she may register for, whether she may, why not, and what she may take.
    `results`: her published results when the caller has them already (exams is asked otherwise)."""
    today = today or clock.karachi_today()
    results = registrar.results(regno) if results is None else results
    with db.sessions() as session:
        student = _student(session, regno)
        calendar = _calendar(session, semester, today)
        if calendar is None:
            return Overview("", None, domain.reasons_not_eligible(None, None, today), [],
                            student.max_semester_credit_hours)
        target = calendar.code
        held = session.execute(sa.select(registrations.c.semester, courses.c.code)
                               .join(courses, courses.c.id == registrations.c.course_id)
                               .where(registrations.c.student_id == student.id,
                                      registrations.c.semester != target)).all()
        standing = domain.Standing(
            status=student.status, admission_semester=student.admission_semester,
            max_duration_years=student.max_duration_years,
            registered_semesters=tuple({r.semester for r in held}), results=results,
            blocking_holds=tuple((h.title, h.action) for h in holds.active(session, regno, today)
                                 if domain.REGISTRATION_BLOCK in h.blocks))
        offered_codes = set(session.scalars(sa.select(courses.c.code).join(
            offerings, offerings.c.course_id == courses.c.id).where(offerings.c.semester == target)))
        offered = domain.offered_courses(_scheme(session, student.program_id), offered_codes, results,
                                         {r.code for r in held})
        reasons = domain.reasons_not_eligible(standing, calendar, today)
        if not offered and not reasons:
            reasons.append(domain.Reason("nothing_to_register", f"{target} offers no course of your scheme of "
                                                                "studies that you still have to take."))
        registration = _latest_registration(session, student.id, target)
        registered = registered_of(session, registration) if registration is not None else []
    return Overview(target, calendar, reasons, offered, student.max_semester_credit_hours, registration, registered)


# -- registering ----------------------------------------------------------------------
def register(db: Database, regno: str, course_codes: list[str], registrar: Registrar, semester: str = "",
             today: dt.date | None = None) -> Overview:
    """Register her for the semester's courses (or answer the registration these same
    courses already made, finishing it if needed). Every refusal is decided before anything
    is written, and names its reason."""
    results = registrar.results(regno)  # once: the answer below is read with the same results
    seen = overview(db, regno, registrar, semester, today, results)
    earlier = seen.registration if seen.registration is not None and seen.registration.status in domain.STANDING \
        else None
    if earlier is not None:
        if {c.strip().upper() for c in course_codes} != {c.course.code.upper() for c in seen.registered}:
            raise AlreadyExists(f"you are already registered for {seen.semester} with other courses",
                                field="courses", reason="ALREADY_REGISTERED")
        if earlier.status == domain.FILING:
            finish(db, earlier, registrar)
        return overview(db, regno, registrar, seen.semester, today, results)
    _refuse_if_not_eligible(seen)
    selection = domain.check_selection(course_codes, seen.offered, seen.credit_limit)
    row = _open(db, regno, seen.semester, selection)
    if row.status == domain.FILING:
        finish(db, row, registrar)
    return overview(db, regno, registrar, seen.semester, today, results)


def _refuse_if_not_eligible(seen: Overview) -> None:
    if not seen.reasons:
        return
    window = {"window_closed": "WINDOW_CLOSED", "window_not_open": "WINDOW_NOT_OPEN"}
    first = next((r for r in seen.reasons if r.code in window), seen.reasons[0])
    raise FailedPrecondition(" ".join(r.message for r in seen.reasons), field="semester",
                             reason=window.get(first.code, "NOT_ELIGIBLE"))


def _open(db: Database, regno: str, semester: str, selection: list[domain.Offered]) -> sa.Row:
    """Write the registration (`filing`) and its course rows; a concurrent twin wins."""
    now = clock.utcnow()
    try:
        with db.unit_of_work() as uow:
            student = _student(uow.session, regno)
            attempts = uow.session.scalar(sa.select(sa.func.coalesce(sa.func.max(semester_registrations.c.attempt), 0))
                                          .where(semester_registrations.c.student_id == student.id,
                                                 semester_registrations.c.semester == semester))
            registration_id = uow.session.execute(sa.insert(semester_registrations).values(
                student_id=student.id, semester=semester, attempt=attempts + 1, status=domain.FILING,
                course_codes=",".join(o.course.code for o in selection),
                repeat_codes=",".join(o.course.code for o in selection if o.required),
                credit_hours=sum(o.course.credit_hours for o in selection), registered_at=now,
                updated_at=now)).inserted_primary_key[0]
            _insert_courses(uow.session, student.id, semester, registration_id, [o.course.code for o in selection], now)
            uow.commit()
    except sa.exc.IntegrityError:
        pass  # the same registration made at the same moment: the twin's row is the answer
    with db.sessions() as session:
        row = standing_registration(session, _student(session, regno).id, semester)
    if row is None:
        raise FailedPrecondition("the registration could not be recorded; please try again", field="courses")
    return row


def _insert_courses(session: Session, student_id: int, semester: str, registration_id: int, codes: list[str],
                    now: dt.datetime) -> None:
    ids = dict(session.execute(sa.select(courses.c.code, courses.c.id).where(courses.c.code.in_(codes))).all())
    session.execute(sa.insert(registrations), [
        {"student_id": student_id, "semester": semester, "course_id": ids[code], "registered_at": now,
         "semester_registration_id": registration_id} for code in codes])


def finish(db: Database, row: sa.Row, registrar: Registrar) -> None:
    """Ask finance for the semester's challan (idempotent on the attempt's reference) and
    attach it. Finance refusing means no challan exists: the registration is withdrawn.
    Finance slow or away: the challan may exist, so the registration stays for the sweep."""
    with db.sessions() as session:
        student = session.execute(sa.select(students.c.registration_number).where(
            students.c.id == row.student_id)).scalar_one()
        who = _student(session, student)
        selection = [o.course for o in registered_of(session, row)]
    description = f"Semester fee, {row.semester}: {len(selection)} courses, {row.credit_hours} credit hours"
    try:
        challan = registrar.issue(
            registration_number=student, payer_name=who.full_name, level=who.level, program_code=who.program_code,
            reference=domain.registration_reference(row.semester, student, row.attempt), description=description,
            charges=domain.semester_charges(who.fee_basis, selection))
    except (Unavailable, DeadlineExceeded):
        raise
    except DomainError:
        _withdraw(db, row.id)
        raise
    _attach(db, row.id, challan, student, selection, row)


def _withdraw(db: Database, registration_id: int) -> None:
    with db.unit_of_work() as uow:
        _remove_courses(uow.session, registration_id)
        uow.session.execute(sa.delete(semester_registrations).where(
            semester_registrations.c.id == registration_id, semester_registrations.c.status == domain.FILING))
        uow.commit()


def _remove_courses(session: Session, registration_id: int) -> None:
    ids = sa.select(registrations.c.id).where(registrations.c.semester_registration_id == registration_id)
    session.execute(sa.delete(tutor_allocations).where(tutor_allocations.c.registration_id.in_(ids)))
    session.execute(sa.delete(registrations).where(registrations.c.semester_registration_id == registration_id))


def _attach(db: Database, registration_id: int, challan: Challan, regno: str, selection: list[domain.Course],
            row: sa.Row) -> None:
    now = clock.utcnow()
    with db.unit_of_work() as uow:
        current = _locked(uow.session, registration_id)
        if current is None or current.status != domain.FILING:
            return  # finished meanwhile (the sweep, or a payment that came first)
        uow.session.execute(sa.update(semester_registrations).where(semester_registrations.c.id == registration_id)
                            .values(status=domain.AWAITING_PAYMENT, consumer_number=challan.consumer_number,
                                    amount_paisa=challan.amount_paisa,
                                    due_date=dt.date.fromisoformat(challan.due_date), updated_at=now))
        repeats = set(filter(None, row.repeat_codes.split(",")))
        uow.record(events_pb2.SemesterRegistered(
            registration_number=regno, semester=row.semester, courses=_event_courses(selection, repeats),
            consumer_number=challan.consumer_number, amount_paisa=challan.amount_paisa, due_date=challan.due_date,
            registered_at=clock.iso(row.registered_at)))
        uow.commit()


def _event_courses(selection: list[domain.Course], repeats: set[str]) -> list[events_pb2.SemesterCourse]:
    return [events_pb2.SemesterCourse(code=c.code, title=c.title, credit_hours=c.credit_hours, repeat=c.code in repeats)
            for c in selection]


def _locked(session: Session, registration_id: int) -> sa.Row | None:
    return session.execute(sa.select(semester_registrations).where(
        semester_registrations.c.id == registration_id).with_for_update()).first()


# -- what follows: payment, lapse, the sweep ---------------------------------------------
def confirm(uow, reference: str, consumer_number: str, paid_at: str) -> bool:
    """A paid semester challan confirms its registration (False: not ours, or done before).

    Paid after it lapsed (a bank may take a late payment until the challan expires), the
    registration stands again, unless she has registered again meanwhile: then the money
    needs a person (UnknownRegistration)."""
    if not domain.is_registration_reference(reference):
        return False
    row = uow.session.execute(sa.select(semester_registrations).where(
        semester_registrations.c.consumer_number == consumer_number).with_for_update()).first()
    if row is None:
        row = _by_reference(uow.session, reference)
    if row is None:
        raise UnknownRegistration(f"challan {consumer_number} paid for {reference}, which has no registration")
    if row.status == domain.CONFIRMED:
        return False
    if row.status == domain.LAPSED:
        _revive(uow.session, row)
    now = clock.utcnow()
    uow.session.execute(sa.update(semester_registrations).where(semester_registrations.c.id == row.id).values(
        status=domain.CONFIRMED, confirmed_at=now, updated_at=now, consumer_number=consumer_number, lapsed_at=None))
    student = uow.session.execute(sa.select(students.c.registration_number).where(
        students.c.id == row.student_id)).scalar_one()
    who = _student(uow.session, student)
    selection = registered_of(uow.session, row)
    uow.record(events_pb2.RegistrationConfirmed(
        registration_number=student, semester=row.semester,
        courses=_event_courses([o.course for o in selection], {o.course.code for o in selection if o.required}),
        program_code=who.program_code, level=who.level, regional_centre=who.centre_code, full_name=who.full_name,
        father_name=who.father_name, confirmed_at=clock.iso(now), program_title=who.program_title))
    log.info("registration of %s for %s confirmed by challan %s paid %s", student, row.semester, consumer_number,
             paid_at)
    return True


def challan_replaced(uow, old: str, new: str, due_date: str) -> bool:
    """Treasury replaced a registration's challan: it waits for the new one, until its new
    due date. A lapsed one stays lapsed (the new challan, paid, revives it by its reference,
    as a late payment does)."""
    return bool(uow.session.execute(sa.update(semester_registrations).where(
        semester_registrations.c.consumer_number == old,
        semester_registrations.c.status == domain.AWAITING_PAYMENT).values(
        consumer_number=new, due_date=dt.date.fromisoformat(due_date), updated_at=clock.utcnow())).rowcount)


def payment_reversed(uow, reference: str, consumer_number: str) -> bool:
    """The bank reversed the payment that confirmed a registration: it awaits its payment
    again, and lapses by the usual rule if it stays unpaid past its due date (False: not ours,
    or not confirmed by this challan). Her roll number stays with exams until then."""
    if not domain.is_registration_reference(reference):
        return False
    row = uow.session.execute(sa.select(semester_registrations).where(
        semester_registrations.c.consumer_number == consumer_number).with_for_update()).first()
    if row is None or row.status != domain.CONFIRMED:
        return False
    now = clock.utcnow()
    uow.session.execute(sa.update(semester_registrations).where(semester_registrations.c.id == row.id).values(
        status=domain.AWAITING_PAYMENT, confirmed_at=None, updated_at=now))
    log.warning("registration %s for %s: the payment of challan %s was reversed; it awaits payment again",
                row.id, row.semester, consumer_number)
    return True


def _by_reference(session: Session, reference: str) -> sa.Row | None:
    semester, regno, attempt = domain.parse_registration_reference(reference)
    return session.execute(sa.select(semester_registrations).join(
        students, students.c.id == semester_registrations.c.student_id).where(
        students.c.registration_number == regno, semester_registrations.c.semester == semester,
        semester_registrations.c.attempt == attempt).with_for_update()).first()


def _revive(session: Session, row: sa.Row) -> None:
    if standing_registration(session, row.student_id, row.semester) is not None:
        raise UnknownRegistration(f"challan {row.consumer_number} paid after its registration lapsed, and "
                                  f"the student has registered for {row.semester} again: refund or transfer it")
    codes = [c for c in row.course_codes.split(",") if c]
    _insert_courses(session, row.student_id, row.semester, row.id, codes, clock.utcnow())


def lapse_overdue(db: Database, *, grace_days: int, today: dt.date | None = None, limit: int = 500) -> int:
    """Registrations unpaid past their due date lapse: their courses are given up and she is
    told why (the status says so; `registration_lapsed` for the other services)."""
    today = today or clock.karachi_today()
    latest_due = domain.last_lapsed_due_date(grace_days, today)
    with db.sessions() as session:
        overdue = list(session.scalars(sa.select(semester_registrations.c.id).where(
            semester_registrations.c.status == domain.AWAITING_PAYMENT,
            semester_registrations.c.due_date <= latest_due).limit(limit)))
    lapsed = 0
    for registration_id in overdue:
        with db.unit_of_work() as uow:
            row = _locked(uow.session, registration_id)
            if row is None or row.status != domain.AWAITING_PAYMENT:
                continue  # paid meanwhile
            now = clock.utcnow()
            _remove_courses(uow.session, row.id)
            uow.session.execute(sa.update(semester_registrations).where(semester_registrations.c.id == row.id)
                                .values(status=domain.LAPSED, lapsed_at=now, updated_at=now))
            regno = uow.session.execute(sa.select(students.c.registration_number).where(
                students.c.id == row.student_id)).scalar_one()
            uow.record(events_pb2.RegistrationLapsed(registration_number=regno, semester=row.semester,
                                                     consumer_number=row.consumer_number or "",
                                                     lapsed_at=clock.iso(now)))
            uow.commit()
            lapsed += 1
    return lapsed


def resume_stalled(db: Database, registrar: Registrar, *, older_than: dt.timedelta, limit: int = 100) -> int:
    """Finish registrations whose process died between writing them and attaching the challan."""
    return loops.each(db.stalled(semester_registrations, domain.FILING, older_than, limit),
                      lambda row: finish(db, row, registrar), name=lambda row: f"registration {row.id}")
