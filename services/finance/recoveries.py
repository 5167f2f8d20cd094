"""Fees to recover: a bank reversed a payment after the request it paid for was decided, so
nothing could be undone (requests' `payment_reversed_after_decision`). Treasury is told here,
one row per request, and marks it recovered with how."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from campus import audit, clock
from campus.db import Database, UnitOfWork
from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from services.finance import ledger
from services.finance.models import recoveries


def tell_treasury(uow: UnitOfWork, reversed_) -> bool:
    """Keep the fee to recover (once: a redelivered event changes nothing)."""
    if uow.session.scalar(sa.select(recoveries.c.request_number).where(
            recoveries.c.request_number == reversed_.request_number)):
        return False
    at = dt.datetime.fromisoformat(reversed_.reversed_at) if reversed_.reversed_at else clock.utcnow()
    uow.session.execute(sa.insert(recoveries).values(
        request_number=reversed_.request_number, registration_number=reversed_.registration_number,
        consumer_number=reversed_.consumer_number, request_status=reversed_.status,
        bank_mnemonic=reversed_.bank_mnemonic, reversed_at=at))
    return True


def to_recover(db: Database, *, recovered: bool = False) -> list[sa.Row]:
    query = sa.select(recoveries).where(
        recoveries.c.recovered_at.is_not(None) if recovered else recoveries.c.recovered_at.is_(None))
    with db.sessions() as session:
        return list(session.execute(query.order_by(recoveries.c.reversed_at).limit(500)))


def mark_recovered(db: Database, request_number: str, note: str) -> sa.Row:
    note = (note or "").strip()
    if len(note) < 5:
        raise InvalidArgument("say how the fee was recovered", field="note")
    with db.unit_of_work() as uow:
        row = uow.session.execute(sa.select(recoveries).where(
            recoveries.c.request_number == request_number).with_for_update()).first()
        if row is None:
            raise NotFound("no fee to recover for this request", field="request_number")
        if row.recovered_at is not None:
            raise FailedPrecondition("this fee was recovered already", field="request_number")
        done = dict(recovered_at=clock.utcnow(), recovered_by=ledger.actor(), note=note[:300])
        uow.session.execute(sa.update(recoveries).where(recoveries.c.request_number == request_number).values(**done))
        audit.append(uow.session, entity="recovery", entity_id=request_number, action="recovered", payload=done)
        uow.commit()
    with db.sessions() as session:
        return session.execute(sa.select(recoveries).where(recoveries.c.request_number == request_number)).one()
