"""Tracking use cases: open applications from filed requests, objections, and what a
student or the public may see."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from campus import clock, identifiers
from campus.db import Database, UnitOfWork
from campus.errors import NotFound
from cms.requests.v1.events_pb2 import DegreeApplicationFiled
from cms.tracking.v1.events_pb2 import DegreeStatusChanged
from services.tracking import domain
from services.tracking.models import applications, objections, parcels, stage_history

ID_ATTEMPTS = 5


def _changed(uow: UnitOfWork, app_id: int, section: str, stage: str, now: dt.datetime, note: str = "") -> None:
    """Write the history row and the event of a change of section or stage."""
    row = uow.session.execute(sa.select(applications).where(applications.c.id == app_id)).one()
    uow.session.execute(sa.insert(stage_history).values(
        application_id=app_id, section=section, stage=stage, changed_at=now, note=note))
    uow.record(DegreeStatusChanged(tracking_id=row.tracking_id, registration_number=row.registration_number,
                                   kind=row.kind, section=section, stage=stage, changed_at=clock.iso(now)))


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
        _changed(uow, app_id, domain.IN_PROCESS, domain.RECEIVED, values["updated_at"], f"Request {request_number}")
        return tracking_id
    raise RuntimeError(f"no free tracking ID after {ID_ATTEMPTS} attempts")


def _application(session, tracking_id: str) -> sa.Row:
    row = session.execute(sa.select(applications).where(applications.c.tracking_id == tracking_id)).first()
    if row is None:
        raise NotFound("no application with this tracking ID", field="tracking_id")
    return row


def raise_objection(db: Database, tracking_id: str, reason: str, days: int) -> dt.date:
    """Return the application to the student with a reason; returns the date to resolve it by."""
    reason = identifiers.text(reason, "reason", max_length=300, required=True)
    now = clock.utcnow()
    with db.unit_of_work() as uow:
        app = _application(uow.session, tracking_id)
        deadline = domain.resolve_by(now, days)
        uow.session.execute(sa.insert(objections).values(
            application_id=app.id, reason=reason, raised_at=now, resolve_by=deadline))
        uow.session.execute(sa.update(applications).where(applications.c.id == app.id).values(
            section=domain.INCOMPLETE_RETURNED, updated_at=now))
        _changed(uow, app.id, domain.INCOMPLETE_RETURNED, app.stage, now, f"Objection: {reason}")
        uow.commit()
    return deadline


def _objections_of(session, app_ids: list[int]) -> dict[int, list[sa.Row]]:
    found: dict[int, list[sa.Row]] = {app_id: [] for app_id in app_ids}
    for row in session.execute(sa.select(objections).where(objections.c.application_id.in_(app_ids))
                               .order_by(objections.c.raised_at)):
        found[row.application_id].append(row)
    return found


def application(db: Database, tracking_id: str) -> tuple[sa.Row, list[sa.Row]]:
    with db.sessions() as session:
        app = _application(session, tracking_id)
        return app, _objections_of(session, [app.id])[app.id]


def student_tracking(db: Database, regno: str) -> tuple[list[tuple[sa.Row, list[sa.Row]]], list[sa.Row]]:
    """The student's applications (newest first) with their objections, and book parcels."""
    with db.sessions() as session:
        apps = session.execute(sa.select(applications).where(applications.c.registration_number == regno)
                               .order_by(applications.c.filed_at.desc())).all()
        by_app = _objections_of(session, [a.id for a in apps])
        books = session.execute(sa.select(parcels).where(parcels.c.registration_number == regno)
                                .order_by(parcels.c.id.desc())).all()
    return [(a, by_app[a.id]) for a in apps], books


def record_parcel(db: Database, *, registry_number: str, registration_number: str, semester: str, status: str,
                  dispatched_at: dt.datetime | None = None, note: str = "") -> None:
    """Record a semester's book parcel once; the registry number is the student's roll number."""
    with db.unit_of_work() as uow:
        if uow.session.scalar(sa.select(parcels.c.id).where(parcels.c.registry_number == registry_number,
                                                             parcels.c.semester == semester)):
            return
        uow.session.execute(sa.insert(parcels).values(
            registry_number=registry_number, registration_number=registration_number, semester=semester,
            status=status, dispatched_at=dispatched_at, note=note))
        uow.commit()
