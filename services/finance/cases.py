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
from services.finance import domain, ledger
from services.finance.models import ledger_entries

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


# -- money given back from a paid challan (a refund, financial aid) ---------------------------------
def refund_room(session, challan: sa.Row) -> int:
    """What may still be given back from a challan: what she paid less what was given back from
    it already (the ledger's refunds paid out on it). Nothing from an unpaid challan or one the
    aid fund paid."""
    if challan.status != domain.PAID or challan.bank_mnemonic == domain.AID_FUND:
        return 0
    given = session.scalar(sa.select(sa.func.coalesce(sa.func.sum(ledger_entries.c.amount_paisa), 0)).where(
        ledger_entries.c.consumer_number == challan.consumer_number, ledger_entries.c.kind == domain.REFUND_PAID))
    return max((challan.paid_amount_paisa or 0) - int(given), 0)


def pay_out(uow: UnitOfWork, case: sa.Row, challan: sa.Row, amount: int, *, credit_kind: str,
            credit_description: str, paid_description: str, ground: str, why: str) -> None:
    """Money given back from a paid challan for a case: the ledger credits it (a refund granted,
    or a concession) and pays it out (a debit), so her balance stays where it was and her
    statement says both; `refund_paid` goes out."""
    now = clock.utcnow()
    entries = [ledger.post(uow, registration_number=case.registration_number, consumer_number=challan.consumer_number,
                           kind=kind, amount_paisa=amount, posted_at=now, reason=why, description=description[:200])
               for kind, description in ((credit_kind, credit_description), (domain.REFUND_PAID, paid_description))]
    ledger.audit_entries(uow, entries)
    uow.record(events_pb2.RefundPaid(
        request_number=case.request_number, registration_number=case.registration_number,
        consumer_number=challan.consumer_number, amount_paisa=amount, ground=ground, paid_at=clock.iso(now)))
