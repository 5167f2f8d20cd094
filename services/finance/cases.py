"""What refunds and financial aid share: a request becomes a case (from requests'
`request_submitted`, once), and the case is decided once, in one unit of work: the case row
locked, the decision written and audited, and `finance_case_decided` recorded so requests
closes the request with the note she reads. The same decision again answers the case as
decided; the other decision is refused."""
from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from campus import audit, clock, identifiers
from campus.db import Database, UnitOfWork
from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from cms.finance.v1 import events_pb2
from services.finance import ledger

OPEN, REJECTED = "open", "rejected"
#: The outcomes requests knows (its OUTCOMES): a case approved or awarded is "approved".
APPROVED_OUTCOME = "approved"


def open_case(uow: UnitOfWork, table: sa.Table, submitted, **values) -> bool:
    """The request's case in `table` (once: a redelivered event changes nothing)."""
    if uow.session.scalar(sa.select(table.c.request_number).where(
            table.c.request_number == submitted.request_number)):
        return False
    uow.session.execute(sa.insert(table).values(
        request_number=submitted.request_number, registration_number=submitted.registration_number,
        subtype=submitted.subtype, details=submitted.details[:4000], status=OPEN, opened_at=clock.utcnow(), **values))
    return True


def refusal_note(note: str, *, yes: bool, why: str) -> str:
    """The officer's note, trimmed; a refusal must have one (`why` says so)."""
    note = identifiers.text(note, "note", max_length=500) or ""
    if not yes and len(note) < 5:
        raise InvalidArgument(why, field="note")
    return note


def get_case(db: Database, table: sa.Table, request_number: str, what: str) -> sa.Row:
    with db.sessions() as session:
        row = session.execute(sa.select(table).where(table.c.request_number == request_number)).first()
    if row is None:
        raise NotFound(f"no {what} case for this request", field="request_number")
    return row


def decide(db: Database, table: sa.Table, request_number: str, *, what: str, yes: bool, yes_status: str,
           decision: Callable[[UnitOfWork, sa.Row], dict], note_for_her: Callable[[dict], str],
           amount_of: Callable[[dict], int]) -> sa.Row:
    """Decide the case once: `decision(uow, case)` makes the decision's columns (and whatever
    it moves in the ledger) inside the case's own unit of work."""
    with db.unit_of_work() as uow:
        case = uow.session.execute(sa.select(table).where(
            table.c.request_number == request_number).with_for_update()).first()
        if case is None:
            raise NotFound(f"no {what} case for this request", field="request_number")
        if case.status != OPEN:
            if case.status == (yes_status if yes else REJECTED):
                return case  # decided already: a retry
            raise FailedPrecondition(f"this case was {case.status} already", field="request_number")
        decided = decision(uow, case)
        decided.update(decided_by=ledger.actor(), decided_at=clock.utcnow())
        uow.session.execute(sa.update(table).where(table.c.request_number == request_number).values(**decided))
        audit.append(uow.session, entity=f"{table.name[:-1]}", entity_id=request_number, action=decided["status"],
                     payload=decided)
        uow.record(events_pb2.FinanceCaseDecided(
            request_number=request_number, registration_number=case.registration_number,
            outcome=APPROVED_OUTCOME if yes else REJECTED, note=note_for_her(decided),
            decided_by=ledger.officer(), amount_paisa=amount_of(decided)))
        uow.commit()
    return get_case(db, table, request_number, what)
