"""Financial aid and scholarships: an "Apply for Financial Aid / Scholarship" request becomes a
case (from requests' `request_submitted`) that student services or treasury decide. An award
is money off her semester fee, in her ledger as a concession:
- where her latest semester fee is paid (and not refunded), the award (up to what was paid)
  is refunded from it: a concession credit and the refund paid out (`refund_paid`);
- otherwise, or for what is left, it waits for her next semester fee's challan, which asks
  for that much less (a fee the award covers whole is issued paid by the aid fund).
Either way `finance_case_decided` closes her request. Each case is decided once."""
from __future__ import annotations

import sqlalchemy as sa

from campus.db import Database, UnitOfWork
from campus.errors import InvalidArgument
from services.finance import cases, domain
from services.finance.models import aid_cases, challans

CATEGORY = "financial_aid"
OPEN, AWARDED, REJECTED = "open", "awarded", "rejected"
SEMESTER_FEE = "semester_fee"
AID_FUND = domain.AID_FUND
MAX_AWARD_PAISA = 100_000_000  # Rs 1,000,000: more is a typing mistake


def open_case(uow: UnitOfWork, submitted) -> bool:
    """A case for an aid or scholarship request (once: a redelivered event changes nothing)."""
    return submitted.category == CATEGORY and cases.open_case(uow, aid_cases, submitted, remaining_paisa=0)


def list_cases(db: Database, status: str = OPEN) -> list[tuple[sa.Row, sa.Row | None]]:
    """The cases of a status, each with her latest semester-fee challan (what an award meets)."""
    if status not in (OPEN, AWARDED, REJECTED):
        raise InvalidArgument("status must be open, awarded or rejected", field="status")
    order = aid_cases.c.opened_at if status == OPEN else aid_cases.c.decided_at.desc()
    with db.sessions() as session:
        rows = session.execute(sa.select(aid_cases).where(aid_cases.c.status == status).order_by(order)
                               .limit(200)).all()
        return [(r, _latest_semester_fee(session, r.registration_number)) for r in rows]


def get_case(db: Database, request_number: str) -> sa.Row:
    return cases.get_case(db, aid_cases, request_number, "financial aid")


def _latest_semester_fee(session, regno: str, *, lock: bool = False) -> sa.Row | None:
    query = (sa.select(challans).where(challans.c.registration_number == regno, challans.c.fee_code == SEMESTER_FEE)
             .order_by(challans.c.issued_at.desc(), challans.c.id.desc()).limit(1))
    return session.execute(query.with_for_update() if lock else query).first()


def decide(db: Database, request_number: str, *, award: bool, amount_paisa: int = 0, note: str = "") -> sa.Row:
    note = cases.refusal_note(note, yes=award, why="say why the application is refused: she reads it")
    if award and not 100 <= amount_paisa <= MAX_AWARD_PAISA:
        raise InvalidArgument("the award must be between Rs 1 and Rs 1,000,000", field="amount")

    def decision(uow, case):
        return _award(uow, case, amount_paisa, note) if award else dict(status=REJECTED, note=note)
    return cases.decide(db, aid_cases, request_number, what="financial aid", yes=award, yes_status=AWARDED,
                        decision=decision, note_for_her=_note_for_her,
                        amount_of=lambda decided: decided.get("award_paisa") or 0)


def _note_for_her(decided: dict) -> str:
    if decided["status"] == REJECTED:
        return decided["note"]
    words = f"Financial aid of Rs {decided['award_paisa'] / 100:,.2f} awarded"
    if decided["refunded_paisa"]:
        words += f": Rs {decided['refunded_paisa'] / 100:,.2f} refunded from the fee you paid"
    if decided["remaining_paisa"]:
        words += f"; Rs {decided['remaining_paisa'] / 100:,.2f} off your next semester fee"
    return f"{words}. {decided['note']}" if decided["note"] else words


def _award(uow: UnitOfWork, case: sa.Row, amount: int, note: str) -> dict:
    latest = _latest_semester_fee(uow.session, case.registration_number, lock=True)
    refunded = 0
    if latest is not None:  # paid (by her), the award comes back from it, up to what is left of it
        refunded = min(amount, cases.refund_room(uow.session, latest))
    if refunded:
        cases.pay_out(uow, case, latest, refunded, credit_kind=domain.CONCESSION, ground="financial_aid",
                      credit_description=f"Financial aid on {latest.description}",
                      paid_description=f"Financial aid paid out (request {case.request_number})",
                      why=f"financial aid (request {case.request_number})")
    return dict(status=AWARDED, award_paisa=amount, refunded_paisa=refunded, remaining_paisa=amount - refunded,
                consumer_number=latest.consumer_number if refunded else None, note=note)


# -- the next semester fee -----------------------------------------------------------------------
def take_concession(uow: UnitOfWork, registration_number: str, fee_code: str, amount: int) -> tuple[int, list[str]]:
    """What her awards still waiting take off a new semester-fee challan of `amount`, oldest
    award first, and the requests they came from; the awards' rows are locked and drawn down
    in the issuing transaction, so an award is spent once."""
    if fee_code != SEMESTER_FEE:
        return 0, []
    waiting = uow.session.execute(sa.select(aid_cases).where(
        aid_cases.c.registration_number == registration_number, aid_cases.c.status == AWARDED,
        aid_cases.c.remaining_paisa > 0).order_by(aid_cases.c.decided_at).with_for_update()).all()
    taken, sources = 0, []
    for award in waiting:
        share = min(award.remaining_paisa, amount - taken)
        if share <= 0:
            break
        uow.session.execute(sa.update(aid_cases).where(aid_cases.c.request_number == award.request_number)
                            .values(remaining_paisa=award.remaining_paisa - share))
        taken += share
        sources.append(award.request_number)
    return taken, sources
