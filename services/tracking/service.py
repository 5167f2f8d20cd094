"""Tracking use cases: open applications from filed requests, move them through their
stages, raise objections and take the student's answer, reject those left unanswered,
and what a student, an officer or the public may see."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import sqlalchemy as sa

from campus import audit, auth, clock, durations, identifiers, storage, uploads
from campus.db import Database, UnitOfWork
from campus.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from cms.requests.v1.events_pb2 import DegreeApplicationFiled
from cms.tracking.v1.events_pb2 import DegreeStatusChanged
from services.tracking import domain
from services.tracking.models import (
    applications,
    objection_documents,
    objections,
    parcels,
    roll_numbers,
    stage_history,
)

ID_ATTEMPTS = 5
NOTE_LENGTH, REASON_LENGTH, ANSWER_LENGTH = 300, 300, 2000
QUEUE_LIMIT, QUEUE_MAX = 50, 200


@dataclass(frozen=True)
class Case:
    """An application with everything a page shows of it."""
    row: sa.Row
    objections: list[sa.Row] = field(default_factory=list)
    documents: dict[int, list[sa.Row]] = field(default_factory=dict)   # by objection id
    history: list[sa.Row] = field(default_factory=list)


# -- writing -----------------------------------------------------------------------------
def _changed(uow: UnitOfWork, app: sa.Row, stage: str, now: dt.datetime, note: str = "", *,
             rejected: bool = False, event_note: str = "", **values) -> None:
    """Move `app` to `stage`: the row, its history, the audit record and the event, in one
    transaction (the caller's unit of work)."""
    section = domain.section_of(stage, rejected)
    uow.session.execute(sa.update(applications).where(applications.c.id == app.id).values(
        stage=stage, section=section, updated_at=now, **values))
    actor = audit.current_actor()
    uow.session.execute(sa.insert(stage_history).values(
        application_id=app.id, section=section, stage=stage, changed_at=now, note=note[:NOTE_LENGTH],
        changed_by=actor))
    uow.record(DegreeStatusChanged(tracking_id=app.tracking_id, registration_number=app.registration_number,
                                   kind=app.kind, section=section, stage=stage, changed_at=clock.iso(now),
                                   rejected=rejected, note=event_note[:NOTE_LENGTH]))
    audit.append(uow.session, entity="application", entity_id=app.tracking_id,
                 action="rejected" if rejected else stage, actor=actor,
                 payload={"stage": stage, "section": section, "note": note[:NOTE_LENGTH], **{
                     k: v for k, v in values.items() if isinstance(v, str)}})


def _filed_at(text: str) -> dt.datetime:
    try:
        return clock.as_utc(dt.datetime.fromisoformat(text)) if text else clock.utcnow()
    except ValueError:
        return clock.utcnow()  # a malformed time must not stop the application from opening


def open_application(uow: UnitOfWork, filed: DegreeApplicationFiled) -> str | None:
    """Open the application of a filed request; None when the request already has one."""
    # The requests service's own key: it checked the format; here it is only a reference.
    request_number = identifiers.text(filed.request_number, "request_number", max_length=30, required=True)
    values = dict(registration_number=identifiers.registration_number(filed.registration_number),
                  kind=domain.kind_of(filed.subtype), section=domain.IN_PROCESS, stage=domain.RECEIVED,
                  urgent=domain.is_urgent(filed.subtype, filed.urgent), request_number=request_number,
                  filed_at=_filed_at(filed.filed_at), updated_at=clock.utcnow())
    for _ in range(ID_ATTEMPTS):
        if uow.session.scalar(sa.select(applications.c.id).where(applications.c.request_number == request_number)):
            return None
        tracking_id = domain.new_tracking_id()
        try:
            with uow.session.begin_nested():  # a clash of IDs or requests undoes this insert only
                app_id = uow.session.execute(sa.insert(applications).values(
                    tracking_id=tracking_id, **values)).inserted_primary_key[0]
        except sa.exc.IntegrityError:
            continue
        app = uow.session.execute(sa.select(applications).where(applications.c.id == app_id)).one()
        _changed(uow, app, domain.RECEIVED, values["updated_at"], f"Request {request_number}")
        return tracking_id
    raise RuntimeError(f"no free tracking ID after {ID_ATTEMPTS} attempts")


def _locked(uow: UnitOfWork, tracking_id: str) -> sa.Row:
    """The application, locked until the change commits (two officers at once queue)."""
    row = uow.session.execute(sa.select(applications).where(applications.c.tracking_id == tracking_id)
                              .with_for_update()).first()
    if row is None:
        raise NotFound("no application with this tracking ID", field="tracking_id")
    return row


def _open_objection(session, app_id: int) -> sa.Row | None:
    return session.execute(sa.select(objections).where(objections.c.application_id == app_id,
                                                       objections.c.resolved_at.is_(None))
                           .order_by(objections.c.id.desc())).first()


def move_stage(db: Database, tracking_id: str, stage: str, note: str, department: str, *,
               courier: str = "", courier_tracking_number: str = "") -> None:
    """An officer moves an application on: examinations to verification, printing and ready,
    dispatch to dispatched (with the courier and its number) and delivered."""
    stage = domain.parse_stage(stage)
    if stage == domain.OBJECTION:
        raise InvalidArgument("raise an objection with its reason and the documents wanted "
                              "(POST .../objection), not as a stage", field="stage")
    if stage == domain.RECEIVED:
        raise InvalidArgument("an application is received once, when its request is paid", field="stage")
    note = identifiers.text(note, "note", max_length=NOTE_LENGTH)
    extra = {}
    if stage == domain.DISPATCHED:
        extra = dict(courier=identifiers.text(courier, "courier", max_length=60, required=True),
                     courier_tracking_number=identifiers.text(courier_tracking_number, "courier_tracking_number",
                                                              max_length=40, required=True))
    now = clock.utcnow()
    with db.unit_of_work() as uow:
        app = _locked(uow, tracking_id)
        if app.stage == stage and not app.rejected_at and all(getattr(app, k) == v for k, v in extra.items()):
            return  # the same move again (a retried request): already done
        domain.check_move(app.stage, stage, department, rejected=app.rejected_at is not None)
        event_note = f"{extra['courier']} {extra['courier_tracking_number']}" if extra else ""
        _changed(uow, app, stage, now, note, event_note=event_note, **extra)
        uow.commit()


def raise_objection(db: Database, tracking_id: str, reason: str, documents, days: int,
                    department: str = domain.EXAMINATIONS) -> dt.date:
    """Return the application to the student with a reason and the documents wanted;
    returns the last day to answer. The same objection again changes nothing."""
    reason = identifiers.text(reason, "reason", max_length=REASON_LENGTH, required=True)
    wanted = domain.documents_wanted(documents)
    now = clock.utcnow()
    with db.unit_of_work() as uow:
        app = _locked(uow, tracking_id)
        current = _open_objection(uow.session, app.id)
        if app.stage == domain.OBJECTION and current is not None:
            if current.reason == reason:
                return current.resolve_by
            raise FailedPrecondition("this application already has an open objection; the student answers "
                                     "it first", field="reason")
        domain.check_move(app.stage, domain.OBJECTION, department, rejected=app.rejected_at is not None)
        deadline = domain.resolve_by(now, days)
        uow.session.execute(sa.insert(objections).values(
            application_id=app.id, reason=reason, raised_at=now, resolve_by=deadline,
            documents=json.dumps(wanted, ensure_ascii=False), raised_by=audit.current_actor()))
        _changed(uow, app, domain.OBJECTION, now, f"Objection: {reason}", event_note=reason)
        uow.commit()
    return deadline


@dataclass(frozen=True)
class AnswerLimits:
    max_bytes: int
    max_documents: int


def answer_objection(db: Database, store: storage.Store, tracking_id: str, registration_number: str, text: str,
                     files: list[tuple[str, bytes]], limits: AnswerLimits, now: dt.datetime | None = None) -> None:
    """The student answers her open objection, with the documents asked for, within its
    window: the application goes back to verification by itself."""
    text = identifiers.text(text, "text", max_length=ANSWER_LENGTH, required=True)
    if len(files) > limits.max_documents:
        raise InvalidArgument(f"at most {limits.max_documents} documents with one answer", field="documents")
    checked = [uploads.inspect(content, name, max_bytes=limits.max_bytes) for name, content in files]
    now = now or clock.utcnow()
    with db.sessions() as session:  # refuse before anything is stored
        _answerable(session, _application(session, tracking_id), registration_number, now)
    stored = [(storage.new_name(), upload, content) for upload, (_, content) in zip(checked, files, strict=True)]
    for name, upload, content in stored:
        store.put(name, content, upload.content_type)
    try:
        with db.unit_of_work() as uow:
            app = _locked(uow, tracking_id)
            objection = _answerable(uow.session, app, registration_number, now)
            uow.session.execute(sa.update(objections).where(objections.c.id == objection.id).values(
                resolved_at=now, response=text))
            seen = set()
            for name, upload, _ in stored:
                if upload.sha256 in seen:
                    continue  # the same file twice in one answer is one document
                seen.add(upload.sha256)
                uow.session.execute(sa.insert(objection_documents).values(
                    objection_id=objection.id, stored_name=name, filename=upload.filename,
                    content_type=upload.content_type, size=upload.size, sha256=upload.sha256, uploaded_at=now))
            _changed(uow, app, domain.VERIFICATION, now,
                     f"Objection answered with {len(seen)} document(s)")
            uow.commit()
    except Exception:
        for name, _, _ in stored:  # nothing kept: no row, no file
            store.delete(name)
        raise


def _answerable(session, app: sa.Row, registration_number: str, now: dt.datetime) -> sa.Row:
    if app.registration_number != registration_number:
        raise NotFound("no application with this tracking ID", field="tracking_id")  # not hers: not there
    objection = _open_objection(session, app.id)
    if app.rejected_at is not None:
        raise FailedPrecondition("this application was rejected when its objection's window closed; "
                                 "file a new request", field="tracking_id")
    if app.stage != domain.OBJECTION or objection is None:
        raise FailedPrecondition("this application has no open objection to answer", field="tracking_id")
    if domain.window_closed(objection.resolve_by, now):
        raise FailedPrecondition(f"the window to answer closed on {objection.resolve_by.isoformat()}; "
                                 "file a new request", field="tracking_id")
    return objection


def reject_unanswered(runtime, now: dt.datetime | None = None) -> int:
    """Reject the applications whose objection's window has closed unanswered (a loop of
    the relay process; returns how many)."""
    now = now or clock.utcnow()
    today = clock.karachi_date(now)
    with runtime.db.sessions() as session:
        due = session.scalars(sa.select(applications.c.tracking_id).join(
            objections, objections.c.application_id == applications.c.id).where(
            applications.c.stage == domain.OBJECTION, applications.c.rejected_at.is_(None),
            objections.c.resolved_at.is_(None), objections.c.resolve_by < today)).all()
    rejected = 0
    for tracking_id in due:  # one transaction each: a long list never holds many locks
        with runtime.db.unit_of_work() as uow:
            app = _locked(uow, tracking_id)
            objection = _open_objection(uow.session, app.id)
            if app.rejected_at is not None or objection is None or not domain.window_closed(objection.resolve_by,
                                                                                           now):
                continue  # answered or rejected meanwhile
            uow.session.execute(sa.update(objections).where(objections.c.id == objection.id).values(resolved_at=now))
            _changed(uow, app, domain.OBJECTION, now,
                     f"Rejected: the objection was not answered by {objection.resolve_by.isoformat()}",
                     rejected=True, event_note=objection.reason, rejected_at=now)
            uow.commit()
            rejected += 1
    return rejected


def remember_roll_number(uow: UnitOfWork, roll_number: str, registration_number: str) -> None:
    """Exams gave her a roll number (slip_issued): the public may look her applications up by it."""
    roll = identifiers.roll_number(roll_number)
    regno = identifiers.registration_number(registration_number)
    if uow.session.scalar(sa.select(roll_numbers.c.registration_number).where(roll_numbers.c.roll_number == roll)):
        return
    uow.session.execute(sa.insert(roll_numbers).values(roll_number=roll, registration_number=regno))


# -- reading ------------------------------------------------------------------------------
def _application(session, tracking_id: str) -> sa.Row:
    row = session.execute(sa.select(applications).where(applications.c.tracking_id == tracking_id)).first()
    if row is None:
        raise NotFound("no application with this tracking ID", field="tracking_id")
    return row


def _cases(session, rows: list[sa.Row], *, history: bool = True) -> list[Case]:
    ids = [r.id for r in rows]
    if not ids:
        return []
    found = {i: [] for i in ids}
    for row in session.execute(sa.select(objections).where(objections.c.application_id.in_(ids))
                               .order_by(objections.c.raised_at)):
        found[row.application_id].append(row)
    objection_ids = [o.id for rows_ in found.values() for o in rows_]
    documents: dict[int, list[sa.Row]] = {i: [] for i in objection_ids}
    if objection_ids:
        for row in session.execute(sa.select(objection_documents).where(
                objection_documents.c.objection_id.in_(objection_ids)).order_by(objection_documents.c.id)):
            documents[row.objection_id].append(row)
    stages = {i: [] for i in ids}
    if history:
        for row in session.execute(sa.select(stage_history).where(stage_history.c.application_id.in_(ids))
                                   .order_by(stage_history.c.changed_at, stage_history.c.id)):
            stages[row.application_id].append(row)
    return [Case(r, found[r.id], {o.id: documents[o.id] for o in found[r.id]}, stages[r.id]) for r in rows]


def application(db: Database, tracking_id: str) -> Case:
    with db.sessions() as session:
        return _cases(session, [_application(session, tracking_id)])[0]


def application_of_request(db: Database, request_number: str) -> Case:
    """The application a service request opened (NotFound: none, or not yet)."""
    number = identifiers.text(request_number, "request_number", max_length=30, required=True)
    with db.sessions() as session:
        row = session.execute(sa.select(applications).where(applications.c.request_number == number)).first()
        if row is None:
            raise NotFound("no application for this request", field="request_number")
        return _cases(session, [row])[0]


def stage_durations(db: Database, kind: str, urgent: bool) -> dict[str, durations.Spread]:
    """How long the most recent applications of a kind (urgent or not) stayed at each stage."""
    if kind not in (domain.DEGREE, domain.TRANSCRIPT, domain.CERTIFICATE):
        raise InvalidArgument("kind must be degree, transcript or certificate", field="kind")
    with db.sessions() as session:
        return durations.by_stage(
            session, stage_history, case="application_id", stage="stage", at="changed_at",
            cases=sa.select(applications.c.id).where(applications.c.kind == kind, applications.c.urgent.is_(urgent))
            .order_by(applications.c.id.desc()).limit(durations.RECENT))


def by_roll_number(db: Database, roll_number: str) -> list[Case]:
    """The applications of the student a roll number was given to, newest first."""
    roll = identifiers.roll_number(roll_number)
    with db.sessions() as session:
        regno = session.scalar(sa.select(roll_numbers.c.registration_number).where(roll_numbers.c.roll_number == roll))
        if regno is None:
            return []
        rows = session.execute(sa.select(applications).where(applications.c.registration_number == regno)
                               .order_by(applications.c.filed_at.desc()).limit(QUEUE_LIMIT)).all()
        return _cases(session, rows)


@dataclass(frozen=True)
class StageCount:
    stage: str
    count: int
    urgent: int
    overdue: int


def queue(db: Database, *, stage: str = "", urgent_only: bool = False, limit: int = 0,
          registration_number: str = "", targets: tuple[int, int] = (14, 50)) -> tuple[list[Case], list[StageCount]]:
    """The applications still with the university (or at one stage, or one student's): urgent
    first, then the oldest filed; with how many wait at each stage, urgent and overdue."""
    stage = domain.parse_stage(stage) if stage else ""
    limit = QUEUE_LIMIT if limit <= 0 else min(limit, QUEUE_MAX)
    query = sa.select(applications)
    if registration_number:
        query = query.where(applications.c.registration_number == identifiers.registration_number(registration_number))
    if stage:
        query = query.where(applications.c.stage == stage)
    else:
        query = query.where(applications.c.stage.not_in((domain.DELIVERED,)), applications.c.rejected_at.is_(None))
    if urgent_only:
        query = query.where(applications.c.urgent.is_(True))
    query = query.order_by(applications.c.urgent.desc(), applications.c.filed_at, applications.c.id).limit(limit)
    urgent_days, ordinary_days = targets
    today = clock.karachi_today()
    # Counted by the database: the queue's page must not read every open application.
    urgent = applications.c.urgent.is_(True)
    overdue = sa.and_(applications.c.stage != domain.DISPATCHED, sa.or_(
        sa.and_(urgent, applications.c.filed_at < domain.overdue_if_filed_before(today, urgent_days)),
        sa.and_(sa.not_(urgent), applications.c.filed_at < domain.overdue_if_filed_before(today, ordinary_days))))
    with db.sessions() as session:
        cases = _cases(session, session.execute(query).all(), history=False)
        counted = {row.stage: row for row in session.execute(
            sa.select(applications.c.stage, sa.func.count().label("count"),
                      sa.func.sum(sa.case((urgent, 1), else_=0)).label("urgent"),
                      sa.func.sum(sa.case((overdue, 1), else_=0)).label("overdue"))
            .where(applications.c.stage != domain.DELIVERED, applications.c.rejected_at.is_(None))
            .group_by(applications.c.stage))}
    return cases, [StageCount(s, *((counted[s].count, int(counted[s].urgent), int(counted[s].overdue))
                                   if s in counted else (0, 0, 0)))
                   for s in domain.STAGES if s != domain.DELIVERED]


def objection_document(db: Database, store: storage.Store, tracking_id: str, document_id: int,
                       registration_number: str = "") -> tuple[sa.Row, bytes, str]:
    """A document a student sent with her answer: (row, content, whose). A student asks for
    her own only (`registration_number`)."""
    with db.sessions() as session:
        app = _application(session, tracking_id)
        if registration_number and app.registration_number != registration_number:
            raise NotFound("no application with this tracking ID", field="tracking_id")
        row = session.execute(sa.select(objection_documents).join(
            objections, objections.c.id == objection_documents.c.objection_id).where(
            objection_documents.c.id == document_id, objections.c.application_id == app.id)).first()
    if row is None:
        raise NotFound("no such document", field="document_id")
    return row, store.get(row.stored_name), app.registration_number


def student_tracking(db: Database, regno: str) -> tuple[list[Case], list[sa.Row]]:
    """The student's applications (newest first) with their objections, and book parcels."""
    with db.sessions() as session:
        apps = session.execute(sa.select(applications).where(applications.c.registration_number == regno)
                               .order_by(applications.c.filed_at.desc())).all()
        cases = _cases(session, apps)
        parcels_ = session.execute(sa.select(parcels).where(parcels.c.registration_number == regno)
                                   .order_by(parcels.c.id.desc())).all()
    return cases, parcels_


def check_owner(caller: auth.Caller, registration_number: str) -> None:
    """A student reaches her own applications only (policy RECORD: the method checks)."""
    if caller.is_student and caller.subject != registration_number:
        raise PermissionDenied("this is another student's application")


def record_parcel(db: Database, *, registry_number: str, registration_number: str, semester: str, status: str,
                  dispatched_at: dt.datetime | None = None, note: str = "") -> None:
    """Record a semester's book parcel once; the registry number is the student's roll number."""
    with db.unit_of_work() as uow:
        if uow.session.scalar(sa.select(parcels.c.id).where(parcels.c.registry_number == registry_number,
                                                             parcels.c.semester == semester)):
            return
        uow.session.execute(sa.insert(parcels).values(
            registry_number=registry_number, registration_number=registration_number, semester=semester,
            status=status, dispatched_at=dispatched_at, note=note, updated_at=dispatched_at or clock.utcnow(),
            times_sent=0 if status == "prepared" else 1))
        uow.commit()
