"""Treasury's figures: what each bank collected each day (its standing payments by their
transaction date), and what is outstanding by programme (the unpaid challans that can still
be paid, at what each asks for today)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from campus import clock
from campus.db import Database
from campus.errors import InvalidArgument
from services.finance import domain
from services.finance.models import bank_payments, challans

MAX_DAYS = 92


@dataclass(frozen=True)
class Collection:
    day: dt.date
    bank_mnemonic: str
    amount_paisa: int
    payments: int


@dataclass(frozen=True)
class Dues:
    program_code: str
    level: str
    amount_paisa: int
    challans: int


def collections(db: Database, days: int, today: dt.date | None = None) -> tuple[dt.date, dt.date, list[Collection]]:
    """(first day, last day, each bank's collections per day), oldest day first."""
    if not 1 <= days <= MAX_DAYS:
        raise InvalidArgument(f"days must be between 1 and {MAX_DAYS}", field="days")
    last = today or clock.karachi_today()
    first = last - dt.timedelta(days=days - 1)
    with db.sessions() as session:
        rows = session.execute(
            sa.select(bank_payments.c.tran_date, bank_payments.c.bank_mnemonic,
                      sa.func.sum(bank_payments.c.amount_paisa), sa.func.count())
            .where(bank_payments.c.response_code == domain.OK, bank_payments.c.reversed_at.is_(None),
                   bank_payments.c.tran_date.between(first.strftime("%Y%m%d"), last.strftime("%Y%m%d")))
            .group_by(bank_payments.c.tran_date, bank_payments.c.bank_mnemonic)
            .order_by(bank_payments.c.tran_date, bank_payments.c.bank_mnemonic)).all()
    return first, last, [Collection(dt.datetime.strptime(d, "%Y%m%d").date(), bank, int(amount), count)
                         for d, bank, amount, count in rows]


def outstanding(db: Database, today: dt.date | None = None) -> list[Dues]:
    """Unpaid challans not yet expired, by programme, at what each asks for today: the rule of
    domain.ChallanState.asks (face value, late fee, double fee), as SQL so the database sums
    every unpaid challan. Largest first."""
    today = today or clock.karachi_today()
    asks = sa.case((challans.c.due_date >= today, challans.c.amount_paisa),
                   (challans.c.double_fee_from <= today, challans.c.amount_double_paisa),
                   else_=challans.c.amount_after_due_paisa)
    with db.sessions() as session:
        rows = session.execute(
            sa.select(challans.c.program_code, challans.c.level, sa.func.sum(asks), sa.func.count())
            .where(challans.c.status == domain.UNPAID, challans.c.expires_on >= today)
            .group_by(challans.c.program_code, challans.c.level)).all()
    return sorted((Dues(code or "", level or "", int(amount), count) for code, level, amount, count in rows),
                  key=lambda d: (-d.amount_paisa, d.program_code))
