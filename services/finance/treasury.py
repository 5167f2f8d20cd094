"""What treasury does by hand, each change one unit of work in the audit chain and the ledger
under the officer's name: cancel a challan, record a payment taken at the counter, and
settle the unmatched queue (post a bank's unrecorded payment to its challan, or refund it).
"""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from campus import audit, clock, identifiers
from campus.db import Database
from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from services.finance import domain, ledger, service, settlements
from services.finance.models import bank_payments, challans, unmatched_payments

#: The "bank" of a payment treasury took itself (at its counter, or by a bank draft).
TREASURY = "TRSY"


def _reason(value: str) -> str:
    reason = identifiers.text(value, "reason", max_length=300, required=True)
    if len(reason) < 5:
        raise InvalidArgument("say why, in a few words", field="reason")
    return reason


def _locked_challan(uow, consumer_number: str) -> sa.Row:
    challan = uow.session.execute(sa.select(challans).where(
        challans.c.consumer_number == domain.consumer_number(consumer_number)).with_for_update()).first()
    if challan is None:
        raise NotFound("no challan with this consumer number", field="consumer_number")
    return challan


def cancel_challan(db: Database, consumer_number: str, reason: str) -> sa.Row:
    """Block an unpaid challan (the bank answers "B" for it), cancel its charge in the ledger
    and revoke its printed copy. Cancelling it again answers the same challan."""
    reason = _reason(reason)
    with db.unit_of_work() as uow:
        challan = _locked_challan(uow, consumer_number)
        if challan.status == domain.BLOCKED_STATUS:
            return challan
        if challan.status == domain.PAID:
            raise FailedPrecondition("a paid challan is not cancelled: refund it instead", field="consumer_number")
        service._close(uow, challan, f"cancelled: {reason}", "cancelled")
        service.revoke_printed(uow, challan.consumer_number, reason=f"challan cancelled: {reason}")
        uow.commit()
    return service.get_challan(db, challan.consumer_number)


def record_manual_payment(db: Database, consumer_number: str, *, amount_paisa: int, paid_on: str,
                          reason: str) -> sa.Row:
    """A payment treasury took itself: the challan is paid as if a bank had said so
    (`challan_paid` goes out), under the officer's name and reason. Recording the same
    payment again answers the same challan."""
    reason = _reason(reason)
    day = _day(paid_on, "paid_on")
    if day > clock.karachi_today():
        raise InvalidArgument("paid_on is in the future", field="paid_on")
    with db.unit_of_work() as uow:
        challan = _locked_challan(uow, consumer_number)
        if (challan.status, challan.bank_mnemonic, challan.paid_amount_paisa) == (domain.PAID, TREASURY, amount_paisa):
            return challan  # recorded already: a retry
        if challan.status != domain.UNPAID:
            raise FailedPrecondition(f"the challan is {challan.status}", field="consumer_number")
        due = service.state_of(challan).asks(day)
        if amount_paisa != due:
            raise InvalidArgument(f"the challan asks for {due} paisa on {day.isoformat()}", field="amount")
        auth = _base36(challan.id)  # 6 characters, as the network's: one per challan under TRSY
        service._record_payment(uow, challan, domain.PaymentAttempt(TREASURY, auth, challan.consumer_number,
                                                                    amount_paisa, day), "000000", reason=reason)
        uow.commit()
    return service.get_challan(db, challan.consumer_number)


def _base36(number: int, width: int = 6) -> str:
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[digit] + digits
    return digits.rjust(width, "0")


def _day(value: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat((value or "").strip())
    except ValueError:
        raise InvalidArgument(f"{field} must be a date as YYYY-MM-DD", field=field) from None


# -- the unmatched queue ---------------------------------------------------------------------------
POST, REFUND = "post", "refund"


def resolve_unmatched(db: Database, unmatched_id: int, action: str, reason: str) -> sa.Row:
    """Post an unrecorded bank payment to its challan (exactly once: it becomes that bank's
    recorded payment, and `challan_paid` goes out), or mark it refunded to the payer."""
    if action not in (POST, REFUND):
        raise InvalidArgument("action must be post or refund", field="action")
    reason = _reason(reason)
    with db.unit_of_work() as uow:
        found = uow.session.execute(sa.select(unmatched_payments).where(
            unmatched_payments.c.id == unmatched_id).with_for_update()).first()
        if found is None:
            raise NotFound("no unmatched payment with this id", field="id")
        if found.status != settlements.OPEN:
            if found.status == {POST: settlements.POSTED, REFUND: settlements.REFUNDED}[action]:
                return found  # done already: a retry
            raise FailedPrecondition(f"this payment was {found.status} already", field="action")
        note = _post_to_challan(uow, found, reason) if action == POST else f"refunded: {reason}"
        status = settlements.POSTED if action == POST else settlements.REFUNDED
        resolved = dict(status=status, resolved_at=clock.utcnow(), resolved_by=ledger.actor(), note=note[:300])
        uow.session.execute(sa.update(unmatched_payments).where(unmatched_payments.c.id == found.id)
                            .values(**resolved))
        audit.append(uow.session, entity="unmatched_payment", entity_id=found.id, action=status, payload=resolved)
        uow.commit()
    with db.sessions() as session:
        return session.execute(sa.select(unmatched_payments).where(unmatched_payments.c.id == unmatched_id)).one()


def _post_to_challan(uow, found: sa.Row, reason: str) -> str:
    recorded = uow.session.execute(sa.select(bank_payments.c.id).where(
        bank_payments.c.bank_mnemonic == found.bank_mnemonic,
        bank_payments.c.tran_auth_id == found.tran_auth_id)).first()
    if recorded is not None:
        return "the bank's own payment call recorded it meanwhile"
    challan = uow.session.execute(sa.select(challans).where(
        challans.c.consumer_number == found.consumer_number).with_for_update()).first()
    if challan is None:
        raise FailedPrecondition("no challan has this consumer number: refund it", field="action")
    if challan.status != domain.UNPAID:
        raise FailedPrecondition(f"its challan is {challan.status}: refund it", field="action")
    tran_date = dt.datetime.strptime(found.tran_date, "%Y%m%d").date()
    due = service.state_of(challan).asks(tran_date)
    if found.amount_paisa != due:
        raise FailedPrecondition(f"its challan asked for {due} paisa that day: refund it", field="action")
    service._record_payment(uow, challan, domain.PaymentAttempt(
        found.bank_mnemonic, found.tran_auth_id, challan.consumer_number, found.amount_paisa, tran_date),
        "000000", reason=reason)
    return f"posted to challan {challan.consumer_number}: {reason}"


# -- superseding a challan ----------------------------------------------------------------------------
def supersede_challan(db: Database, config, consumer_number: str, reason: str) -> sa.Row:
    """Replace an unpaid (or expired, or cancelled) challan with a new one for the same amount
    and a fresh due date: the old one is blocked (its charge cancelled, its print revoked) and
    gives its reference to the new one, so the request, registration or due it paid for
    follows (`challan_superseded`). Superseding it again answers the challan that replaced it."""
    reason = _reason(reason)
    with db.unit_of_work() as uow:
        old = _locked_challan(uow, consumer_number)
        if old.superseded_by:
            return service.get_challan(db, old.superseded_by)
        if old.status == domain.PAID:
            raise FailedPrecondition("a paid challan is not replaced: refund it instead", field="consumer_number")
        new = service.replace_challan(uow, config, old, reason)
        service.revoke_printed(uow, old.consumer_number, reason=f"superseded by challan {new}: {reason}")
        uow.commit()
    return service.get_challan(db, new)
