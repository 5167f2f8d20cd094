"""The fee schedule as treasury maintains it: a fee is set from a day (today or later), as a
new row; the rows before stay, so every challan's amount can be explained by the row in force
the day it was issued. A fee code and level must be ones the schedule knows (a new kind of
fee needs its request subtype too: a migration)."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from campus import audit, clock, identifiers
from campus.db import Database
from campus.errors import InvalidArgument
from services.finance import domain, ledger, service
from services.finance.models import fee_schedule

MAX_PAISA = 10_000_000_000  # Rs 100 million: more is a typing mistake


def set_fee(db: Database, *, fee_code: str, level: str, title: str, amount_paisa: int, late_fee_paisa: int,
            double_after_days: int, applies_from: str) -> domain.Fee:
    fee_code = identifiers.code(fee_code, "fee_code")
    level = (level or "").strip().lower()
    title = identifiers.text(title, "title", max_length=120, required=True)
    day = _day(applies_from)
    if not 0 <= amount_paisa <= MAX_PAISA:
        raise InvalidArgument("the amount must be between nothing and Rs 100 million", field="amount")
    if not 0 <= late_fee_paisa <= MAX_PAISA:
        raise InvalidArgument("the late fee must be between nothing and Rs 100 million", field="late_fee")
    if not 0 <= double_after_days <= 365:
        raise InvalidArgument("the double fee starts 0 (never) to 365 days after the due date",
                              field="double_after_days")
    known = service.all_fee_rows(db)
    if fee_code not in {f.fee_code for f in known}:
        raise InvalidArgument(f"no fee '{fee_code}' in the schedule", field="fee_code")
    if level != domain.EVERY_LEVEL and level not in {f.level for f in known}:
        raise InvalidArgument(f"no program level '{level}' in the schedule", field="level")
    row = dict(fee_code=fee_code, level=level, title=title, amount_paisa=amount_paisa,
               late_fee_paisa=late_fee_paisa, double_after_days=double_after_days, applies_from=day,
               set_by=ledger.actor())
    with db.unit_of_work() as uow:
        where = (fee_schedule.c.fee_code == fee_code, fee_schedule.c.level == level,
                 fee_schedule.c.applies_from == day)
        if uow.session.execute(sa.select(fee_schedule.c.id).where(*where).with_for_update()).first():
            uow.session.execute(sa.update(fee_schedule).where(*where).values(**row))
        else:
            uow.session.execute(sa.insert(fee_schedule).values(**row))
        audit.append(uow.session, entity="fee", entity_id=f"{fee_code}/{level}/{day}", action="set", payload=row)
        uow.commit()
    return domain.Fee(fee_code, level, title, amount_paisa, late_fee_paisa, double_after_days, day)


def _day(value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat((value or "").strip())
    except ValueError:
        raise InvalidArgument("applies_from must be a date as YYYY-MM-DD", field="applies_from") from None
    if day < clock.karachi_today():
        raise InvalidArgument("a fee is set from today or a later day: the past stays as it was",
                              field="applies_from")
    return day
