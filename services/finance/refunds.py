"""Refunds: a "Refund of Fee" request reaches treasury as a case (from requests'
`request_submitted`), with her paid challans and the grounds its subtype may be decided on.
Treasury approves it on a ground, whose rule (data, by date) sets the amount from the paid
challan, or refuses it with a reason she reads. Approval grants the refund in her ledger and
pays it out (`refund_paid`); either way `finance_case_decided` closes her request. Each case
is decided once and each challan refunded once."""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from campus import clock
from campus.db import Database, UnitOfWork
from campus.errors import InvalidArgument
from services.finance import cases, domain
from services.finance.models import challans, refund_cases, refund_rules

CATEGORY = "fee_refund"
OPEN, APPROVED, REJECTED = "open", "approved", "rejected"


@dataclass(frozen=True)
class Rule:
    ground: str
    subtype: str
    title: str
    deduction_percent: int
    applies_from: object


def refund_amount(paid_paisa: int, deduction_percent: int) -> int:
    """What is given back of a paid amount: the rule's deduction kept, in whole paisa (the
    university keeps the part paisa, as the deduction is rounded up)."""
    return paid_paisa * (100 - deduction_percent) // 100


def open_case(uow: UnitOfWork, submitted) -> bool:
    """A case for a refund request (once: a redelivered event changes nothing)."""
    return submitted.category == CATEGORY and cases.open_case(uow, refund_cases, submitted)


def rules_in_force(session, today=None) -> list[Rule]:
    """Each ground's rule of today: its latest row from a date not after today."""
    today = today or clock.karachi_today()
    rows = session.execute(sa.select(refund_rules).where(refund_rules.c.applies_from <= today)
                           .order_by(refund_rules.c.ground, refund_rules.c.applies_from)).all()
    latest = {r.ground: r for r in rows}
    return [Rule(r.ground, r.subtype, r.title, r.deduction_percent, r.applies_from) for r in latest.values()]


def rules(db: Database) -> list[Rule]:
    with db.sessions() as session:
        return rules_in_force(session)


def refundable(session, regno: str) -> list[sa.Row]:
    """Her paid challans not refunded yet, with something left to give back, newest first."""
    refunded = sa.select(refund_cases.c.consumer_number).where(refund_cases.c.consumer_number.is_not(None))
    return [c for c in session.execute(sa.select(challans).where(
        challans.c.registration_number == regno, challans.c.status == domain.PAID,
        challans.c.consumer_number.not_in(refunded)).order_by(challans.c.paid_at.desc()))
        if cases.refund_room(session, c) > 0]


def list_cases(db: Database, status: str = OPEN) -> tuple[list[tuple[sa.Row, list[sa.Row]]], list[Rule]]:
    """The cases of a status (open ones first filed first; decided ones newest first), each
    with her refundable challans; and the rules in force."""
    if status not in (OPEN, APPROVED, REJECTED):
        raise InvalidArgument("status must be open, approved or rejected", field="status")
    order = refund_cases.c.opened_at if status == OPEN else refund_cases.c.decided_at.desc()
    with db.sessions() as session:
        rows = session.execute(sa.select(refund_cases).where(refund_cases.c.status == status)
                               .order_by(order).limit(200)).all()
        return [(r, refundable(session, r.registration_number) if status == OPEN else []) for r in rows], \
            rules_in_force(session)


def get_case(db: Database, request_number: str) -> sa.Row:
    return cases.get_case(db, refund_cases, request_number, "refund")


def decide(db: Database, request_number: str, *, approve: bool, consumer_number: str = "", ground: str = "",
           note: str = "") -> sa.Row:
    note = cases.refusal_note(note, yes=approve, why="say why the refund is refused: she reads it")

    def decision(uow, case):
        return _approve(uow, case, consumer_number, ground, note) if approve else dict(status=REJECTED, note=note)
    return cases.decide(db, refund_cases, request_number, what="refund", yes=approve, yes_status=APPROVED,
                        decision=decision, note_for_her=_note_for_her,
                        amount_of=lambda decided: decided.get("amount_paisa") or 0)


def _note_for_her(decided: dict) -> str:
    if decided["status"] == REJECTED:
        return decided["note"]
    words = f"Refund of Rs {decided['amount_paisa'] / 100:,.2f} approved"
    return f"{words}: {decided['note']}" if decided["note"] else words


def _approve(uow: UnitOfWork, case: sa.Row, consumer_number: str, ground: str, note: str) -> dict:
    rule = next((r for r in rules_in_force(uow.session) if r.ground == ground), None)
    if rule is None or rule.subtype != case.subtype:
        raise InvalidArgument("choose one of the grounds of this request", field="ground")
    challan = uow.session.execute(sa.select(challans).where(
        challans.c.consumer_number == domain.consumer_number(consumer_number)).with_for_update()).first()
    refunded = uow.session.scalar(sa.select(refund_cases.c.request_number).where(
        refund_cases.c.consumer_number == consumer_number))
    base = 0 if challan is None else cases.refund_room(uow.session, challan)
    if challan is None or challan.registration_number != case.registration_number or refunded or base <= 0:
        raise InvalidArgument("choose one of her paid challans not refunded yet", field="consumer_number")
    amount = refund_amount(base, rule.deduction_percent)
    if amount > 0:
        cases.pay_out(uow, case, challan, amount, credit_kind=domain.REFUND_GRANTED, ground=rule.ground,
                      credit_description=f"Refund granted: {challan.description}",
                      paid_description=f"Refund paid out (request {case.request_number})",
                      why=f"{rule.title} (request {case.request_number})")
    return dict(status=APPROVED, consumer_number=challan.consumer_number, ground=rule.ground, base_paisa=base,
                amount_paisa=amount, note=note)
