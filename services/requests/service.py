"""Requests use cases. Filing asks enrollment (the student's level) and finance (the
challan) over gRPC before anything of the request is written: a failure on the way
leaves no half-filed request behind."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import sqlalchemy as sa

from campus import clock, identifiers
from campus.db import Database
from campus.errors import AlreadyExists, InvalidArgument, NotFound
from cms.requests.v1 import events_pb2
from services.requests import domain
from services.requests.models import categories, request_numbers, service_requests, status_history, subtypes

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Filing:
    registration_number: str
    category: str
    subtype: str
    details: str
    idempotency_key: str = ""


@dataclass(frozen=True)
class Challan:
    consumer_number: str
    amount_paisa: int
    due_date: str  # YYYY-MM-DD


# -- catalogue --------------------------------------------------------------------
def catalogue(db: Database) -> list[tuple[sa.Row, list[sa.Row]]]:
    with db.sessions() as session:
        cats = session.execute(sa.select(categories).order_by(categories.c.position)).all()
        subs = session.execute(sa.select(subtypes).order_by(subtypes.c.position)).all()
    return [(c, [s for s in subs if s.category_code == c.code]) for c in cats]


def find_subtype(db: Database, category: str, subtype: str) -> sa.Row:
    identifiers.code(category, "category")
    identifiers.code(subtype, "subtype")
    with db.sessions() as session:
        if session.scalar(sa.select(categories.c.code).where(categories.c.code == category)) is None:
            raise InvalidArgument(f"unknown category '{category}'", field="category")
        row = session.execute(sa.select(subtypes).where(subtypes.c.code == subtype)).first()
    if row is None or row.category_code != category:
        raise InvalidArgument(f"unknown subtype '{subtype}' in category '{category}'", field="subtype")
    return row


# -- filing -----------------------------------------------------------------------
def validate(db: Database, filing: Filing, details_max_length: int) -> tuple[Filing, sa.Row]:
    filing = Filing(
        registration_number=identifiers.registration_number(filing.registration_number),
        category=filing.category, subtype=filing.subtype,
        details=identifiers.text(filing.details, "details", max_length=details_max_length),
        idempotency_key=identifiers.text(filing.idempotency_key, "idempotency_key", max_length=80))
    return filing, find_subtype(db, filing.category, filing.subtype)


def existing_filing(db: Database, filing: Filing) -> sa.Row | None:
    """The request this idempotency key already filed, if any."""
    if not filing.idempotency_key:
        return None
    with db.sessions() as session:
        row = session.execute(sa.select(service_requests).where(
            service_requests.c.registration_number == filing.registration_number,
            service_requests.c.idempotency_key == filing.idempotency_key)).first()
    if row is not None and (row.category, row.subtype) != (filing.category, filing.subtype):
        raise AlreadyExists("this idempotency key was used for another request", field="idempotency_key")
    return row


def reserve_number(db: Database, filing: Filing) -> str:
    key = filing.idempotency_key or None
    with db.unit_of_work() as uow:
        if key:
            serial = uow.session.scalar(sa.select(request_numbers.c.id).where(
                request_numbers.c.registration_number == filing.registration_number,
                request_numbers.c.idempotency_key == key))
            if serial is not None:
                return domain.request_number(clock.karachi_today().year, serial)
        serial = uow.session.execute(sa.insert(request_numbers).values(
            registration_number=filing.registration_number, idempotency_key=key,
            reserved_at=clock.utcnow())).inserted_primary_key[0]
        uow.commit()
    return domain.request_number(clock.karachi_today().year, serial)


def record_filing(db: Database, filing: Filing, subtype: sa.Row, number: str, challan: Challan | None) -> sa.Row:
    now = clock.utcnow()
    status = domain.initial_status(challan is not None)
    with db.unit_of_work() as uow:
        request_id = uow.session.execute(sa.insert(service_requests).values(
            request_number=number, registration_number=filing.registration_number, category=filing.category,
            subtype=filing.subtype, title=subtype.title, details=filing.details, department=subtype.department,
            status=status, consumer_number=challan.consumer_number if challan else None,
            amount_paisa=challan.amount_paisa if challan else None,
            due_date=_date(challan.due_date) if challan else None,
            idempotency_key=filing.idempotency_key or None, filed_at=now, updated_at=now)).inserted_primary_key[0]
        uow.session.execute(sa.insert(status_history).values(
            request_id=request_id, status=status, changed_at=now, note="filed"))
        uow.record(events_pb2.RequestSubmitted(
            request_number=number, registration_number=filing.registration_number, category=filing.category,
            subtype=filing.subtype, department=subtype.department, status=status))
        uow.commit()
    return get_request(db, number)


def _date(text: str):
    import datetime as dt
    return dt.date.fromisoformat(text)


# -- reading ----------------------------------------------------------------------
def get_request(db: Database, request_number: str) -> sa.Row:
    with db.sessions() as session:
        row = session.execute(sa.select(service_requests).where(
            service_requests.c.request_number == request_number)).first()
    if row is None:
        raise NotFound("no such request", field="request_number")
    return row


def history(db: Database, request_id: int) -> list[sa.Row]:
    with db.sessions() as session:
        return list(session.execute(sa.select(status_history).where(
            status_history.c.request_id == request_id).order_by(status_history.c.id)))


def student_requests(db: Database, registration_number: str) -> list[sa.Row]:
    with db.sessions() as session:
        return list(session.execute(sa.select(service_requests).where(
            service_requests.c.registration_number == registration_number)
            .order_by(service_requests.c.filed_at.desc(), service_requests.c.id.desc())))


def department_queue(db: Database, department: str, status: str, limit: int) -> list[sa.Row]:
    statuses = [status] if status else list(domain.OPEN)
    with db.sessions() as session:
        return list(session.execute(sa.select(service_requests).where(
            service_requests.c.department == department, service_requests.c.status.in_(statuses))
            .order_by(service_requests.c.filed_at).limit(limit)))


# -- events -----------------------------------------------------------------------
def mark_paid(uow, request_number: str, consumer_number: str, paid_at: str) -> bool:
    """A paid challan moves its request to in process. False when nothing changed."""
    if not identifiers.REQUEST_NUMBER.match(request_number):
        return False  # a challan for something else (a semester fee, say): not ours to act on
    row = uow.session.execute(sa.select(service_requests).where(
        service_requests.c.request_number == request_number).with_for_update()).first()
    if row is None or row.consumer_number != consumer_number:
        # A challan issued for a request whose filing never completed: nothing to move.
        log.warning("challan %s paid for unknown request %s", consumer_number, request_number)
        return False
    target = domain.status_after_payment(row.status)
    if target is None:
        return False
    now = clock.utcnow()
    uow.session.execute(sa.update(service_requests).where(service_requests.c.id == row.id)
                        .values(status=target, updated_at=now))
    uow.session.execute(sa.insert(status_history).values(
        request_id=row.id, status=target, changed_at=now, note=f"challan {consumer_number} paid {paid_at}"))
    uow.record(events_pb2.RequestStatusChanged(
        request_number=row.request_number, registration_number=row.registration_number,
        from_status=row.status, to_status=target, changed_at=clock.iso(now), note="challan paid"))
    subtype = uow.session.execute(sa.select(subtypes).where(subtypes.c.code == row.subtype)).first()
    if subtype.opens_degree_application:
        uow.record(events_pb2.DegreeApplicationFiled(
            request_number=row.request_number, registration_number=row.registration_number,
            subtype=row.subtype, urgent=subtype.urgent, filed_at=clock.iso(now)))
    return True


def file_request(db: Database, filing: Filing, *, details_max_length: int, issue_challan) -> sa.Row:
    """File a request; `issue_challan(reference=..., fee_code=..., description=...)` gets its challan.

    Order matters: validate, reuse an earlier filing of the same idempotency key, reserve
    the number, get the challan (idempotent on the number), then write the request."""
    filing, subtype = validate(db, filing, details_max_length)
    earlier = existing_filing(db, filing)
    if earlier is not None:
        return earlier
    number = reserve_number(db, filing)
    challan = None
    if subtype.fee_code:
        challan = issue_challan(reference=number, fee_code=subtype.fee_code, description=subtype.title)
    try:
        return record_filing(db, filing, subtype, number, challan)
    except sa.exc.IntegrityError:
        # The same idempotency key filed concurrently: answer with the one that won.
        earlier = existing_filing(db, filing)
        if earlier is None:
            raise
        return earlier
