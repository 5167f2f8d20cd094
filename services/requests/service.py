"""Requests use cases.

A fee-bearing request is filed in two short transactions around one call to finance:
the request is written first (status `filing`, its number fixed), finance issues the
challan (idempotent on that number), then the request takes the challan and waits for
payment. Every challan therefore has its request; a filing interrupted midway is finished
by `resume_stalled_filings`, or by the payment itself."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Protocol

import sqlalchemy as sa

from campus import clock, identifiers, loops
from campus.db import Database
from campus.errors import AlreadyExists, DeadlineExceeded, DomainError, InvalidArgument, NotFound, Unavailable
from cms.requests.v1 import events_pb2
from services.requests import corrections, domain
from services.requests.models import (
    categories,
    correction_fields,
    request_numbers,
    service_requests,
    status_history,
    subtypes,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Filing:
    registration_number: str
    category: str
    subtype: str
    details: str
    idempotency_key: str = ""
    #: A correction request: (field, new value) for each field she asks to correct.
    changes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Challan:
    consumer_number: str
    amount_paisa: int
    due_date: str  # YYYY-MM-DD


@dataclass(frozen=True)
class Payer:
    full_name: str
    level: str  # the program level finance prices fees by
    program_code: str = ""  # her programme, for treasury's figures


class ChallanIssuer(Protocol):
    """Finance (and enrollment) as filing needs them."""

    def centre(self, registration_number: str) -> str:
        """The student's regional centre code (enrollment's), stored on the request."""

    def payer(self, registration_number: str) -> Payer: ...

    def personal_info(self, registration_number: str) -> dict[str, str]:
        """Her record's correctable fields as they stand (a correction shows the old value)."""

    def issue(self, payer: Payer, *, registration_number: str, reference: str, fee_code: str,
              description: str) -> Challan: ...


#: Who moved a request when finance's event did (a payment, its reversal, a new challan).
FINANCE = "service:finance"


class UnknownRequest(Exception):
    """A paid challan names a request this service has no record of: never dropped quietly."""


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
def file_request(db: Database, filing: Filing, *, details_max_length: int, challans: ChallanIssuer) -> sa.Row:
    """File a request (or return the one this idempotency key filed, finishing it if needed).

    Everything that can refuse the filing is asked before anything is written: the fields,
    the catalogue, the student's regional centre and (for a fee) who pays at which level."""
    filing, subtype = validate(db, filing, details_max_length)
    centre = challans.centre(filing.registration_number)
    payer = challans.payer(filing.registration_number) if subtype.fee_code else None
    fields = corrections.asked(subtype, filing.changes, challans, filing.registration_number)
    row = open_filing(db, filing, subtype, centre=centre, fields=fields)
    if row.status != domain.FILING:
        return row
    return finish_filing(db, row, challans, payer)


def validate(db: Database, filing: Filing, details_max_length: int) -> tuple[Filing, sa.Row]:
    filing = Filing(
        registration_number=identifiers.registration_number(filing.registration_number),
        category=filing.category, subtype=filing.subtype,
        details=identifiers.text(filing.details, "details", max_length=details_max_length),
        idempotency_key=identifiers.text(filing.idempotency_key, "idempotency_key", max_length=80),
        changes=filing.changes)
    return filing, find_subtype(db, filing.category, filing.subtype)


def open_filing(db: Database, filing: Filing, subtype: sa.Row, *, centre: str,
                fields: list[dict] | None = None) -> sa.Row:
    """Write the request with its number and the student's centre; fee-free requests are
    complete at once."""
    earlier = existing_filing(db, filing)
    if earlier is not None:
        return earlier
    try:
        return _insert_request(db, filing, subtype, centre, fields or [])
    except sa.exc.IntegrityError:
        earlier = existing_filing(db, filing)  # the same key, filed concurrently
        if earlier is None:
            raise
        return earlier


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


def _insert_request(db: Database, filing: Filing, subtype: sa.Row, centre: str, fields: list[dict]) -> sa.Row:
    now = clock.utcnow()
    status = domain.initial_status(bool(subtype.fee_code))
    key = filing.idempotency_key or None
    with db.unit_of_work() as uow:
        serial = uow.session.execute(sa.insert(request_numbers).values(
            registration_number=filing.registration_number, idempotency_key=key,
            reserved_at=now)).inserted_primary_key[0]
        number = domain.request_number(clock.karachi_today().year, serial)
        request_id = uow.session.execute(sa.insert(service_requests).values(
            request_number=number, registration_number=filing.registration_number, category=filing.category,
            subtype=filing.subtype, title=subtype.title, details=filing.details, department=subtype.department,
            centre=centre, status=status, idempotency_key=key, filed_at=now, updated_at=now,
            queued_at=now if status == domain.SUBMITTED else None)).inserted_primary_key[0]
        if fields:
            uow.session.execute(sa.insert(correction_fields), [{**f, "request_id": request_id} for f in fields])
        if status != domain.FILING:
            _submitted(uow, request_id, number, filing.registration_number, subtype, status, now, filing.details)
        uow.commit()
    return get_request(db, number)


def finish_filing(db: Database, row: sa.Row, challans: ChallanIssuer, payer: Payer | None = None) -> sa.Row:
    """Ask finance for the challan (idempotent on the request number) and attach it.

    If finance refuses, no challan exists: the filing is withdrawn as if never written. If
    finance is slow or away, the challan may exist: the filing stays for the sweeper."""
    subtype = _subtype(db, row.subtype)
    try:
        payer = payer or challans.payer(row.registration_number)
        challan = challans.issue(payer, registration_number=row.registration_number, reference=row.request_number,
                                 fee_code=subtype.fee_code, description=subtype.title)
    except (Unavailable, DeadlineExceeded):
        raise
    except DomainError:
        _withdraw(db, row)
        raise
    now = clock.utcnow()
    with db.unit_of_work() as uow:
        current = _locked(uow, row.request_number)
        if current.status == domain.FILING:
            uow.session.execute(sa.update(service_requests).where(service_requests.c.id == current.id).values(
                status=domain.AWAITING_PAYMENT, consumer_number=challan.consumer_number,
                amount_paisa=challan.amount_paisa, due_date=dt.date.fromisoformat(challan.due_date), updated_at=now))
            _submitted(uow, current.id, current.request_number, current.registration_number, subtype,
                       domain.AWAITING_PAYMENT, now, current.details)
            uow.commit()
    return get_request(db, row.request_number)


def _withdraw(db: Database, row: sa.Row) -> None:
    with db.unit_of_work() as uow:
        uow.session.execute(sa.delete(service_requests).where(
            service_requests.c.id == row.id, service_requests.c.status == domain.FILING))
        uow.commit()


def resume_stalled_filings(db: Database, challans: ChallanIssuer, *, older_than: dt.timedelta,
                           limit: int = 100) -> int:
    """Finish filings whose process died between writing the request and attaching its
    challan. Returns how many were finished."""
    return loops.each(db.stalled(service_requests, domain.FILING, older_than, limit),
                      lambda row: finish_filing(db, row, challans), name=lambda row: f"filing {row.request_number}")


def _submitted(uow, request_id: int, number: str, regno: str, subtype: sa.Row, status: str,
               now: dt.datetime, details: str) -> None:
    uow.session.execute(sa.insert(status_history).values(
        request_id=request_id, status=status, changed_at=now, note="filed", actor=f"student:{regno}"))
    uow.record(events_pb2.RequestSubmitted(
        request_number=number, registration_number=regno, category=subtype.category_code,
        subtype=subtype.code, department=subtype.department, status=status, details=details or ""))


def _subtype(db: Database, code: str) -> sa.Row:
    with db.sessions() as session:
        return session.execute(sa.select(subtypes).where(subtypes.c.code == code)).one()


def _locked(uow, request_number: str) -> sa.Row | None:
    return uow.session.execute(sa.select(service_requests).where(
        service_requests.c.request_number == request_number).with_for_update()).first()


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


@dataclass(frozen=True)
class QueueFilter:
    status: str = ""             # "": every open status
    subtype: str = ""
    older_than_days: int = 0     # reached the department at least this many days ago
    assigned_to: str = ""
    overdue_only: bool = False


def department_queue(db: Database, department: str, wanted: QueueFilter, limit: int,
                     centre: str | None = None) -> list[sa.Row]:
    """A department's requests in these statuses, oldest first; with a `centre`, only the
    requests of that centre's students (never those filed without a centre). Each row has
    its subtype's `service_days`."""
    if centre == "":
        return []  # "" is the mark of requests filed before centres were stored: nobody's centre
    statuses = [wanted.status] if wanted.status else list(domain.OPEN)
    where = [service_requests.c.department == department, service_requests.c.status.in_(statuses)]
    if centre is not None:
        where.append(service_requests.c.centre == centre)
    if wanted.subtype:
        where.append(service_requests.c.subtype == wanted.subtype)
    if wanted.assigned_to:
        where.append(service_requests.c.assigned_to == wanted.assigned_to)
    now = clock.utcnow()
    if wanted.older_than_days:
        where.append(service_requests.c.queued_at <= now - dt.timedelta(days=wanted.older_than_days))
    if wanted.overdue_only:  # reached the department more than its service level ago, still there
        where += [service_requests.c.status.in_((domain.SUBMITTED, domain.IN_PROCESS, domain.AWAITING_STUDENT)),
                  service_requests.c.queued_at.is_not(None)]
    query = (sa.select(service_requests, subtypes.c.service_days, subtypes.c.decided_by)
             .join(subtypes, subtypes.c.code == service_requests.c.subtype).where(*where)
             .order_by(service_requests.c.filed_at, service_requests.c.id))
    with db.sessions() as session:
        if not wanted.overdue_only:
            return list(session.execute(query.limit(limit)))
        # Each subtype its own level: filtered here on a bounded read, not in SQL date arithmetic
        # that differs between PostgreSQL and SQLite.
        today = clock.karachi_today()
        rows = session.execute(query.limit(limit * 20)).all()
    return [r for r in rows if domain.is_overdue(r.status, due_by(r), today)][:limit]


def due_by(row) -> dt.date | None:
    """A request's service-level day (None while it waits for its fee)."""
    if row.queued_at is None:
        return None
    return domain.due_by(clock.karachi_date(row.queued_at), row.service_days)


# -- events -----------------------------------------------------------------------
def mark_paid(uow, request_number: str, consumer_number: str, amount_paisa: int, paid_at: str) -> bool:
    """A paid challan moves its request to in process. False when nothing changed.

    Raises UnknownRequest when the challan names a request that is not here, or carries
    another challan: money was taken for it, so the event must reach the dead-letter queue
    and a person, not vanish."""
    if not domain.REQUEST_NUMBER.match(request_number):
        return False  # a challan for something else (a semester fee, say): not ours to act on
    row = _locked(uow, request_number)
    if row is None or (row.consumer_number and row.consumer_number != consumer_number):
        raise UnknownRequest(f"challan {consumer_number} paid for request {request_number}, which has "
                             f"{'no record' if row is None else 'challan ' + str(row.consumer_number)}")
    target = domain.status_after_payment(row.status)
    if target is None:
        return False
    now = clock.utcnow()
    uow.session.execute(sa.update(service_requests).where(service_requests.c.id == row.id).values(
        status=target, updated_at=now, consumer_number=consumer_number,
        amount_paisa=row.amount_paisa or amount_paisa, queued_at=row.queued_at or now))
    uow.session.execute(sa.insert(status_history).values(
        request_id=row.id, status=target, changed_at=now, note=f"challan {consumer_number} paid {paid_at}",
        actor=FINANCE))
    uow.record(events_pb2.RequestStatusChanged(
        request_number=row.request_number, registration_number=row.registration_number,
        from_status=row.status, to_status=target, changed_at=clock.iso(now), note="challan paid"))
    subtype = uow.session.execute(sa.select(subtypes).where(subtypes.c.code == row.subtype)).first()
    uow.record(events_pb2.RequestPaid(
        request_number=row.request_number, registration_number=row.registration_number, category=row.category,
        subtype=row.subtype, department=subtype.department, details=row.details, paid_at=paid_at))
    if subtype.opens_degree_application:
        uow.record(events_pb2.DegreeApplicationFiled(
            request_number=row.request_number, registration_number=row.registration_number,
            subtype=row.subtype, urgent=subtype.urgent, filed_at=clock.iso(now)))
    return True


def challan_replaced(uow, request_number: str, old: str, new: str, amount_paisa: int, due_date: str) -> bool:
    """Treasury replaced the request's challan: the request waits for the new one (False: not
    a request's challan, or it had moved to another already)."""
    if not domain.REQUEST_NUMBER.match(request_number):
        return False
    row = _locked(uow, request_number)
    if row is None or row.consumer_number != old:
        return False
    now = clock.utcnow()
    uow.session.execute(sa.update(service_requests).where(service_requests.c.id == row.id).values(
        consumer_number=new, amount_paisa=amount_paisa, due_date=dt.date.fromisoformat(due_date), updated_at=now))
    uow.session.execute(sa.insert(status_history).values(
        request_id=row.id, status=row.status, changed_at=now, note=f"challan {old} replaced by {new}",
        actor=FINANCE))
    return True


#: Why finance closed a challan, as the student reads it on her request.
TURNED_DOWN = {
    "expired": "Turned down: the fee was not paid by the challan's last day. File a new request if you still need it.",
    "cancelled": "Turned down: treasury cancelled the challan of this request. File a new request if you still "
                 "need it.",
}


def challan_closed(uow, request_number: str, consumer_number: str, why: str, note: str) -> bool:
    """Finance closed the request's challan unpaid: a request still awaiting that payment is
    turned down ("without due challan ... your application will be turned down"). A replaced
    challan changes nothing here (the request follows the new one: challan_superseded), nor
    does a challan the request no longer waits on. False when nothing moved."""
    if not domain.REQUEST_NUMBER.match(request_number) or why not in TURNED_DOWN:
        return False
    row = _locked(uow, request_number)
    if row is None or row.consumer_number != consumer_number or row.status != domain.AWAITING_PAYMENT:
        return False
    now = clock.utcnow()
    uow.session.execute(sa.update(service_requests).where(service_requests.c.id == row.id).values(
        status=domain.REJECTED, updated_at=now))
    uow.session.execute(sa.insert(status_history).values(
        request_id=row.id, status=domain.REJECTED, changed_at=now, note=TURNED_DOWN[why], actor=FINANCE))
    uow.record(events_pb2.RequestStatusChanged(
        request_number=row.request_number, registration_number=row.registration_number, from_status=row.status,
        to_status=domain.REJECTED, changed_at=clock.iso(now), note=TURNED_DOWN[why]))
    log.info("request %s turned down: challan %s %s (%s)", request_number, consumer_number, why, note)
    return True


def payment_reversed(uow, request_number: str, consumer_number: str, bank_mnemonic: str) -> bool:
    """The bank reversed the payment of a request's challan: a request in process waits for
    its payment again. One already decided stays decided; its history says the payment was
    reversed (the log warns treasury's monitoring). False when nothing moved."""
    if not domain.REQUEST_NUMBER.match(request_number):
        return False  # not a request's challan
    row = _locked(uow, request_number)
    if row is None or row.consumer_number != consumer_number:
        return False  # never moved by this challan: nothing to undo
    now = clock.utcnow()
    note = f"challan {consumer_number}: payment reversed by {bank_mnemonic}"
    target = domain.status_after_reversal(row.status)
    if target is None:
        log.warning("%s after the request was %s: the fee must be recovered", note, row.status)
        uow.session.execute(sa.insert(status_history).values(request_id=row.id, status=row.status, changed_at=now,
                                                             note=f"{note} after it was {row.status}", actor=FINANCE))
        uow.record(events_pb2.PaymentReversedAfterDecision(  # treasury recovers the fee (finance lists it)
            request_number=row.request_number, registration_number=row.registration_number,
            consumer_number=consumer_number, status=row.status, bank_mnemonic=bank_mnemonic,
            reversed_at=clock.iso(now)))
        return False
    uow.session.execute(sa.update(service_requests).where(service_requests.c.id == row.id).values(
        status=target, updated_at=now))
    uow.session.execute(sa.insert(status_history).values(request_id=row.id, status=target, changed_at=now, note=note,
                                                         actor=FINANCE))
    uow.record(events_pb2.RequestStatusChanged(
        request_number=row.request_number, registration_number=row.registration_number,
        from_status=row.status, to_status=target, changed_at=clock.iso(now), note="payment reversed"))
    return True


#: What a department's decision (examinations' `exam_case_decided`) does to its request.
OUTCOMES = {"revised": domain.RESOLVED, "unchanged": domain.RESOLVED, "approved": domain.RESOLVED,
            "rejected": domain.REJECTED}


def conclude(uow, request_number: str, outcome: str, note: str, decided_by: str) -> bool:
    """Close a request its department decided; False when nothing changed (told twice, or
    closed before). An outcome this service has no word for is an error: the event goes to
    the dead-letter queue and a person, not into silence."""
    target = OUTCOMES.get(outcome)
    if target is None:
        raise ValueError(f"request {request_number}: unknown outcome {outcome!r}")
    row = _locked(uow, request_number)
    if row is None:
        raise UnknownRequest(f"a decision came for request {request_number}, which is not here")
    if not domain.can_move(row.status, target):
        return False
    now = clock.utcnow()
    uow.session.execute(sa.update(service_requests).where(service_requests.c.id == row.id).values(
        status=target, updated_at=now))
    uow.session.execute(sa.insert(status_history).values(
        request_id=row.id, status=target, changed_at=now, note=note[:300], actor=decided_by[:120]))
    uow.record(events_pb2.RequestStatusChanged(
        request_number=row.request_number, registration_number=row.registration_number, from_status=row.status,
        to_status=target, changed_at=clock.iso(now), note=note[:500]))
    return True
