"""Finance use cases: each is one unit of work."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from campus import audit, clock, documents, identifiers, money
from campus.db import Database
from campus.errors import AlreadyExists, NotFound
from cms.finance.v1 import events_pb2
from services.finance import aid, challan_pdf, domain, ledger
from services.finance.config import FinanceConfig
from services.finance.models import bank_payments, banks, challans, fee_schedule, ledger_entries


def all_fee_rows(db: Database) -> list[domain.Fee]:
    """Every row of the fee schedule, past, present and announced (treasury's view)."""
    with db.sessions() as session:
        rows = session.execute(sa.select(fee_schedule).order_by(fee_schedule.c.fee_code, fee_schedule.c.level,
                                                                fee_schedule.c.applies_from))
        return [domain.Fee(r.fee_code, r.level, r.title, r.amount_paisa, r.late_fee_paisa, r.double_after_days,
                           r.applies_from) for r in rows]


def fee_schedule_rows(db: Database, on: dt.date | None = None) -> list[domain.Fee]:
    """The fees in force on a day (today): each fee and level's latest row from that day or before."""
    return domain.in_force(all_fee_rows(db), on or clock.karachi_today())


def issue_challan(db: Database, config: FinanceConfig, *, registration_number: str, fee_code: str,
                  level: str, reference: str, description: str, payer_name: str = "",
                  charges: list[tuple[str, int]] = (), program_code: str = "") -> sa.Row:
    """Issue the challan for `reference`, or return the one already issued for it.

    With `charges` (fee code, quantity), the challan is `fee_code` for their priced total."""
    registration_number = identifiers.registration_number(registration_number)
    reference = identifiers.text(reference, "reference", max_length=60, required=True)
    description = identifiers.text(description, "description", max_length=200) or fee_code
    program_code = identifiers.program_code(program_code) if program_code else ""
    schedule = fee_schedule_rows(db)
    if charges:
        fee = domain.charges_total(schedule, identifiers.code(fee_code, "fee_code"), charges, level)
    else:
        fee = domain.fee_for(schedule, fee_code, level)
    issued = dict(payer_name=payer_name[:120], program_code=program_code[:20], level=(level or "")[:20])
    try:
        return _issue_once(db, config, fee, registration_number, reference, description, issued)
    except sa.exc.IntegrityError:
        # The same reference issued concurrently: the other call's challan is the answer.
        return _issue_once(db, config, fee, registration_number, reference, description, issued)


def _issue_once(db: Database, config: FinanceConfig, fee: domain.Fee, registration_number: str, reference: str,
                description: str, issued: dict) -> sa.Row:
    fee_code = fee.fee_code
    with db.unit_of_work() as uow:
        existing = uow.session.execute(sa.select(challans).where(challans.c.reference == reference)).first()
        if existing is not None:
            if (existing.registration_number, existing.fee_code) != (registration_number, fee_code):
                raise AlreadyExists("another challan was issued for this reference", field="reference")
            return existing
        now = clock.utcnow()
        due = domain.due_date(clock.karachi_today(), config.due_days)
        # Financial aid awarded and waiting: that much off her next semester fee (services.finance.aid).
        concession, awards = aid.take_concession(uow, registration_number, fee_code, fee.amount_paisa)
        covered = concession == fee.amount_paisa  # the aid fund pays it whole: issued paid
        asks = fee.amount_paisa if covered else fee.amount_paisa - concession
        double_from = due + dt.timedelta(days=fee.double_after_days) if fee.double_after_days else None
        challan_id, number = _insert_challan(
            uow, config, now=now, due=due, double_from=double_from, registration_number=registration_number,
            **issued, fee_code=fee_code, description=description, reference=reference, amount_paisa=asks,
            amount_after_due_paisa=asks + fee.late_fee_paisa, amount_double_paisa=2 * asks if double_from else None)
        entries = [ledger.post(uow, registration_number=registration_number, consumer_number=number, kind=domain.CHARGE,
                               amount_paisa=fee.amount_paisa, description=description, posted_at=now)]
        if concession:
            entries.append(ledger.post(uow, registration_number=registration_number, consumer_number=number,
                                       kind=domain.CONCESSION, amount_paisa=concession, posted_at=now,
                                       reason=f"financial aid ({', '.join(awards)})",
                                       description=f"Financial aid ({', '.join(awards)})"[:200]))
        uow.record(events_pb2.ChallanIssued(
            consumer_number=number, registration_number=registration_number, fee_code=fee_code,
            reference=reference, amount_paisa=asks, due_date=due.isoformat()))
        challan = uow.session.execute(sa.select(challans).where(challans.c.id == challan_id)).one()
        audit.append(uow.session, entity="challan", entity_id=number, action="issued", payload=challan._asdict())
        ledger.audit_entries(uow, entries)
        if covered:
            _paid_by_aid(uow, challan, now)
        uow.commit()
    return get_challan(db, number)


def _insert_challan(uow, config: FinanceConfig, *, now: dt.datetime, due: dt.date, double_from: dt.date | None,
                    **values) -> tuple[int, str]:
    """A new unpaid challan row and its consumer number (made from the row's id, hence the
    second write): (id, consumer number). It stays payable until its expiry, and at least
    until its double fee starts."""
    challan_id = uow.session.execute(sa.insert(challans).values(
        **values, due_date=due, double_fee_from=double_from, status=domain.UNPAID, issued_at=now,
        expires_on=max(due + dt.timedelta(days=config.expiry_days), double_from or due))).inserted_primary_key[0]
    number = domain.new_consumer_number(config.biller_prefix, challan_id)
    uow.session.execute(sa.update(challans).where(challans.c.id == challan_id).values(consumer_number=number))
    return challan_id, number


def _paid_by_aid(uow, challan: sa.Row, now: dt.datetime) -> None:
    """A fee financial aid covers whole: paid by the aid fund as it is issued (its concession is
    already in the ledger), so what waited on its payment (a registration) goes on at once."""
    paid = dict(status=domain.PAID, paid_at=now, paid_amount_paisa=challan.amount_paisa,
                bank_mnemonic=aid.AID_FUND, tran_auth_id=None)
    uow.session.execute(sa.update(challans).where(challans.c.id == challan.id).values(**paid))
    audit.append(uow.session, entity="challan", entity_id=challan.consumer_number, action="paid", payload=paid)
    uow.record(events_pb2.ChallanPaid(
        consumer_number=challan.consumer_number, registration_number=challan.registration_number,
        fee_code=challan.fee_code, reference=challan.reference, amount_paisa=challan.amount_paisa,
        paid_at=clock.iso(now), bank_mnemonic=aid.AID_FUND, tran_auth_id=""))


def ledger_of(db: Database, registration_number: str) -> list[domain.LedgerLine]:
    """Her statement, oldest entry first, with the running balance."""
    with db.sessions() as session:
        rows = session.execute(sa.select(ledger_entries).where(
            ledger_entries.c.registration_number == registration_number).order_by(ledger_entries.c.id)).all()
    return domain.statement(rows)


def get_challan(db: Database, consumer_number: str) -> sa.Row:
    with db.sessions() as session:
        row = session.execute(sa.select(challans).where(challans.c.consumer_number == consumer_number)).first()
    if row is None:
        raise NotFound("no challan with this consumer number", field="consumer_number")
    return row


def student_challans(db: Database, registration_number: str) -> list[sa.Row]:
    with db.sessions() as session:
        return list(session.execute(sa.select(challans).where(
            challans.c.registration_number == registration_number).order_by(challans.c.issued_at.desc())))


def state_of(row: sa.Row | None) -> domain.ChallanState | None:
    if row is None:
        return None
    issued_on = clock.as_utc(row.issued_at).astimezone(clock.KARACHI).date()
    return domain.ChallanState(row.consumer_number, row.status, row.amount_paisa, row.amount_after_due_paisa,
                               row.due_date, row.expires_on, issued_on, row.double_fee_from, row.amount_double_paisa)


def bill_inquiry(db: Database, consumer_number: str) -> tuple[str, sa.Row | None, str]:
    """(response code, challan, effective status) for a bank's bill inquiry."""
    row = None
    if domain.is_valid_consumer_number(consumer_number):
        with db.sessions() as session:
            row = session.execute(sa.select(challans).where(challans.c.consumer_number == consumer_number)).first()
    if row is None:
        return domain.UNKNOWN_CONSUMER, None, ""
    status = domain.effective_status(state_of(row), clock.karachi_today())
    return (domain.BLOCKED if status == domain.BLOCKED_STATUS else domain.OK), row, status


def bill_payment(db: Database, config: FinanceConfig, attempt: domain.PaymentAttempt,
                 tran_time: str) -> tuple[str, str, str]:
    """Record a bank's payment exactly once. Returns (response code, identification, message).

    The challan row is locked first, so identical payments racing each other queue up on
    it; the second then finds the first one's record and gets its answer. The unique key
    (bank, tran_auth_id) settles any race the lock does not cover."""
    for _ in range(2):
        try:
            return _bill_payment_once(db, config, attempt, tran_time)
        except sa.exc.IntegrityError:
            continue  # someone recorded this key meanwhile: the next pass finds it
    return domain.FAILED, "", "processing failed"


def _bill_payment_once(db: Database, config: FinanceConfig, attempt: domain.PaymentAttempt,
                       tran_time: str) -> tuple[str, str, str]:
    with db.unit_of_work() as uow:
        challan = None
        if domain.is_valid_consumer_number(attempt.consumer_number):
            challan = uow.session.execute(sa.select(challans).where(
                challans.c.consumer_number == attempt.consumer_number).with_for_update()).first()
        recorded = uow.session.execute(sa.select(bank_payments).where(
            bank_payments.c.bank_mnemonic == attempt.bank_mnemonic,
            bank_payments.c.tran_auth_id == attempt.tran_auth_id)).first()
        if recorded is not None and recorded.reversed_at is not None:
            # The bank voided it: a replay must not pay the challan again behind its back.
            return domain.DUPLICATE, "", "this payment was reversed"
        if recorded is not None:
            earlier = domain.PaymentAttempt(recorded.bank_mnemonic, recorded.tran_auth_id, recorded.consumer_number,
                                            recorded.amount_paisa, attempt.tran_date)
            if domain.is_same_payment(earlier, attempt):
                return recorded.response_code, recorded.identification_parameter, "payment already recorded"
            return domain.DUPLICATE, "", "tran_auth_id already used for another payment"
        code, why = domain.decide_payment(state_of(challan), attempt, today=clock.karachi_today(),
                                          backdate_days=config.bank_backdate_days)
        if code != domain.OK:
            return code, "", why
        identification = _record_payment(uow, challan, attempt, tran_time)
        uow.commit()
        return domain.OK, identification, why


def _record_payment(uow, challan: sa.Row, attempt: domain.PaymentAttempt, tran_time: str, *,
                    reason: str = "") -> str:
    now = clock.utcnow()
    paid_at = dt.datetime.combine(attempt.tran_date, dt.datetime.strptime(tran_time, "%H%M%S").time(),
                                  tzinfo=clock.KARACHI).astimezone(clock.UTC)
    payment_id = uow.session.execute(sa.insert(bank_payments).values(
        bank_mnemonic=attempt.bank_mnemonic, tran_auth_id=attempt.tran_auth_id,
        consumer_number=attempt.consumer_number, amount_paisa=attempt.amount_paisa,
        tran_date=attempt.tran_date.strftime("%Y%m%d"), tran_time=tran_time, received_at=now,
        response_code=domain.OK, identification_parameter="")).inserted_primary_key[0]
    identification = f"CMS{payment_id:09d}"
    uow.session.execute(sa.update(bank_payments).where(bank_payments.c.id == payment_id)
                        .values(identification_parameter=identification))
    paid = dict(status=domain.PAID, paid_at=paid_at, paid_amount_paisa=attempt.amount_paisa,
                bank_mnemonic=attempt.bank_mnemonic, tran_auth_id=attempt.tran_auth_id)
    uow.session.execute(sa.update(challans).where(challans.c.id == challan.id).values(**paid))
    entries = []
    late_fee = attempt.amount_paisa - challan.amount_paisa
    if late_fee > 0:  # paid after the due date: the surcharge is charged as it is paid
        entries.append(ledger.post(uow, registration_number=challan.registration_number,
                                   consumer_number=challan.consumer_number, kind=domain.LATE_FEE, amount_paisa=late_fee,
                                   description="Late payment surcharge", posted_at=now))
    entries.append(ledger.post(uow, registration_number=challan.registration_number,
                               consumer_number=challan.consumer_number, kind=domain.PAYMENT,
                               amount_paisa=attempt.amount_paisa, reason=reason,
                               description=f"Paid at {attempt.bank_mnemonic} ({attempt.tran_auth_id})", posted_at=now))
    # Last in the transaction: the chain's head stays locked only until the commit.
    audit.append(uow.session, entity="bank_payment", entity_id=payment_id, action="recorded", payload={
        "bank_mnemonic": attempt.bank_mnemonic, "tran_auth_id": attempt.tran_auth_id,
        "consumer_number": attempt.consumer_number, "amount_paisa": attempt.amount_paisa,
        "tran_date": attempt.tran_date, "tran_time": tran_time, "identification_parameter": identification})
    audit.append(uow.session, entity="challan", entity_id=challan.consumer_number, action="paid", payload=paid)
    ledger.audit_entries(uow, entries)
    uow.record(events_pb2.ChallanPaid(
        consumer_number=challan.consumer_number, registration_number=challan.registration_number,
        fee_code=challan.fee_code, reference=challan.reference, amount_paisa=attempt.amount_paisa,
        paid_at=clock.iso(paid_at), bank_mnemonic=attempt.bank_mnemonic, tran_auth_id=attempt.tran_auth_id))
    return identification


# -- closing challans that can no longer be paid ----------------------------------------
#: Why a challan was closed unpaid (challans.closed_reason), as the ledger says it.
EXPIRED = "expired unpaid"


def close_expired_challans(db: Database, config: FinanceConfig, *, limit: int = 200) -> int:
    """Block unpaid challans past their expiry and cancel their charge in the ledger, so her
    balance stops counting a fee she can no longer pay. Returns how many were closed.

    Only once no bank can still post a payment dated on or before the expiry (the bank's
    backdating allowance, and a day's grace for midnight): a payment that arrives late but
    was taken in time is still recorded, never refused by this sweep."""
    last_payable = clock.karachi_today() - dt.timedelta(days=config.bank_backdate_days + 1)
    with db.sessions() as session:
        numbers = session.execute(sa.select(challans.c.consumer_number).where(
            challans.c.status == domain.UNPAID, challans.c.expires_on < last_payable)
            .order_by(challans.c.id).limit(limit)).scalars().all()
    return sum(close_challan(db, number, reason=EXPIRED, only_if_expired_before=last_payable)
               for number in numbers)


def close_challan(db: Database, consumer_number: str, *, reason: str, why: str = "expired",
                  only_if_expired_before: dt.date | None = None) -> bool:
    """Block one unpaid challan and cancel its charge: one unit of work, False when it was
    paid (or closed) meanwhile."""
    with db.unit_of_work() as uow:
        challan = uow.session.execute(sa.select(challans).where(
            challans.c.consumer_number == consumer_number).with_for_update()).first()
        if challan is None or challan.status != domain.UNPAID:
            return False
        if only_if_expired_before is not None and challan.expires_on >= only_if_expired_before:
            return False
        _close(uow, challan, reason, why)
        uow.commit()
    return True


def replace_challan(uow, config: FinanceConfig, old: sa.Row, reason: str) -> str:
    """The new challan for `old` (same student, fee, amounts, reference; a fresh due date),
    issued in `uow`; `old` is blocked and names it. Returns the new consumer number."""
    now = clock.utcnow()
    due = domain.due_date(clock.karachi_today(), config.due_days)
    moved = f"{old.reference[:40]}~{old.id}"  # the old row gives its reference to the new one
    uow.session.execute(sa.update(challans).where(challans.c.id == old.id).values(reference=moved))
    values = {c: getattr(old, c) for c in ("registration_number", "payer_name", "fee_code", "description",
                                             "amount_paisa", "amount_after_due_paisa", "program_code", "level")}
    double_from = due + (old.double_fee_from - old.due_date) if old.double_fee_from else None
    _, number = _insert_challan(uow, config, now=now, due=due, double_from=double_from, **values,
                                reference=old.reference, amount_double_paisa=old.amount_double_paisa)
    if old.status == domain.UNPAID:
        _close(uow, old, f"superseded by {number}: {reason}", "superseded")
    uow.session.execute(sa.update(challans).where(challans.c.id == old.id).values(superseded_by=number))
    charge = ledger.post(uow, registration_number=old.registration_number, consumer_number=number,
                         kind=domain.CHARGE, amount_paisa=old.amount_paisa, posted_at=now, reason=reason,
                         description=f"{old.description} (replaces challan {old.consumer_number})"[:200])
    ledger.audit_entries(uow, [charge])
    audit.append(uow.session, entity="challan", entity_id=number, action="issued",
                 payload={"replaces": old.consumer_number, "reason": reason, **values})
    uow.record(events_pb2.ChallanIssued(
        consumer_number=number, registration_number=old.registration_number, fee_code=old.fee_code,
        reference=old.reference, amount_paisa=old.amount_paisa, due_date=due.isoformat()))
    uow.record(events_pb2.ChallanSuperseded(
        old_consumer_number=old.consumer_number, new_consumer_number=number,
        registration_number=old.registration_number, reference=old.reference, amount_paisa=old.amount_paisa,
        due_date=due.isoformat()))
    return number


def _close(uow, challan: sa.Row, reason: str, why: str) -> None:
    """Block an unpaid challan and reverse its charge; `why` (expired, cancelled, superseded)
    tells what waited on it (events.ChallanClosed)."""
    now = clock.utcnow()
    closed = dict(status=domain.BLOCKED_STATUS, closed_reason=reason[:200], closed_at=now)
    uow.session.execute(sa.update(challans).where(challans.c.id == challan.id).values(**closed))
    charge = _open_entry(uow, challan.consumer_number, domain.CHARGE)
    entry = ledger.post(uow, registration_number=challan.registration_number, consumer_number=challan.consumer_number,
                        kind=domain.CANCELLATION, amount_paisa=challan.amount_paisa,
                        description=f"Cancelled ({reason}): {challan.description}"[:200], posted_at=now,
                        reason=reason, reverses_entry_id=charge)
    audit.append(uow.session, entity="challan", entity_id=challan.consumer_number, action="closed", payload=closed)
    ledger.audit_entries(uow, [entry])
    uow.record(events_pb2.ChallanClosed(
        consumer_number=challan.consumer_number, registration_number=challan.registration_number,
        fee_code=challan.fee_code, reference=challan.reference, why=why, note=reason[:200], closed_at=clock.iso(now)))


# -- a bank reverses its payment -------------------------------------------------------------
def bill_reversal(db: Database, config: FinanceConfig, *, bank_mnemonic: str, tran_auth_id: str,
                  consumer_number: str, tran_date: str, tran_time: str) -> tuple[str, str]:
    """Reverse a bank's payment exactly once: (response code, why).

    The challan row is locked first, as for a payment, so a reversal and a replay of the
    payment it reverses take turns: either the replay is answered as recorded and then
    reversed, or it finds the reversal and pays nothing."""
    with db.unit_of_work() as uow:
        challan = None
        if domain.is_valid_consumer_number(consumer_number):
            challan = uow.session.execute(sa.select(challans).where(
                challans.c.consumer_number == consumer_number).with_for_update()).first()
        payment = uow.session.execute(sa.select(bank_payments).where(
            bank_payments.c.bank_mnemonic == bank_mnemonic, bank_payments.c.tran_auth_id == tran_auth_id)).first()
        recorded = None if payment is None or challan is None else domain.RecordedPayment(
            payment.consumer_number, payment.response_code, clock.as_utc(payment.received_at),
            payment.reversed_at is not None)
        code, why = domain.decide_reversal(recorded, consumer_number, now=clock.utcnow(),
                                           window=dt.timedelta(hours=config.reversal_window_hours))
        if code == domain.OK and not recorded.reversed:
            _reverse_payment(uow, challan, payment, tran_date, tran_time)
            uow.commit()
        return code, why


def _reverse_payment(uow, challan: sa.Row, payment: sa.Row, tran_date: str, tran_time: str) -> None:
    now = clock.utcnow()
    uow.session.execute(sa.update(bank_payments).where(bank_payments.c.id == payment.id).values(
        reversed_at=now, reversal_tran_date=tran_date, reversal_tran_time=tran_time))
    if challan.tran_auth_id == payment.tran_auth_id and challan.bank_mnemonic == payment.bank_mnemonic:
        unpaid = dict(status=domain.UNPAID, paid_at=None, paid_amount_paisa=None, bank_mnemonic=None,
                      tran_auth_id=None)
        uow.session.execute(sa.update(challans).where(challans.c.id == challan.id).values(**unpaid))
        audit.append(uow.session, entity="challan", entity_id=challan.consumer_number, action="payment_reversed",
                     payload={**unpaid, "reversed_payment": payment.identification_parameter})
    why = f"reversed by {payment.bank_mnemonic} ({payment.tran_auth_id})"
    entries = [ledger.post(uow, registration_number=challan.registration_number,
                           consumer_number=challan.consumer_number, kind=domain.PAYMENT_REVERSED,
                           amount_paisa=payment.amount_paisa, description=f"Payment {why}", posted_at=now, reason=why,
                           reverses_entry_id=_open_entry(uow, challan.consumer_number, domain.PAYMENT))]
    late_fee = _open_entry(uow, challan.consumer_number, domain.LATE_FEE)
    if late_fee is not None:  # the surcharge was charged as it was paid: it goes with the payment
        amount = uow.session.execute(sa.select(ledger_entries.c.amount_paisa).where(
            ledger_entries.c.id == late_fee)).scalar_one()
        entries.append(ledger.post(uow, registration_number=challan.registration_number,
                                   consumer_number=challan.consumer_number, kind=domain.CANCELLATION,
                                   amount_paisa=amount, posted_at=now,
                                   description="Late payment surcharge cancelled with the payment",
                                   reason=why, reverses_entry_id=late_fee))
    audit.append(uow.session, entity="bank_payment", entity_id=payment.id, action="reversed", payload={
        "bank_mnemonic": payment.bank_mnemonic, "tran_auth_id": payment.tran_auth_id,
        "reversal_tran_date": tran_date, "reversal_tran_time": tran_time})
    ledger.audit_entries(uow, entries)
    uow.record(events_pb2.ChallanPaymentReversed(
        consumer_number=challan.consumer_number, registration_number=challan.registration_number,
        fee_code=challan.fee_code, reference=challan.reference, amount_paisa=payment.amount_paisa,
        bank_mnemonic=payment.bank_mnemonic, tran_auth_id=payment.tran_auth_id, reversed_at=clock.iso(now)))


def _open_entry(uow, consumer_number: str, kind: str) -> int | None:
    """The latest entry of this kind on the challan that no later entry has undone."""
    undone = sa.select(ledger_entries.c.reverses_entry_id).where(ledger_entries.c.reverses_entry_id.is_not(None))
    return uow.session.execute(sa.select(ledger_entries.c.id).where(
        ledger_entries.c.consumer_number == consumer_number, ledger_entries.c.kind == kind,
        ledger_entries.c.id.not_in(undone)).order_by(ledger_entries.c.id.desc()).limit(1)).scalar()


# -- the printed challan ---------------------------------------------------------------------
CHALLAN = "challan"


def collecting_banks(db: Database) -> list[tuple[str, str]]:
    """(mnemonic, name) of each bank that takes the university's fees."""
    with db.sessions() as session:
        return [(r.mnemonic, r.name) for r in session.execute(
            sa.select(banks).where(banks.c.active).order_by(banks.c.mnemonic))]


def challan_document(db: Database, tokens, row: sa.Row) -> documents.Document:
    """The challan's verifiable document: what the QR code of every copy vouches for. Its
    payment is not among the facts (a copy printed unpaid stays genuine once it is paid);
    cancelling the challan revokes it."""
    facts = [("name", documents.mask_name(row.payer_name or row.registration_number)),
             ("registration_number", row.registration_number), ("consumer_number", row.consumer_number),
             ("amount", money.rupees(row.amount_paisa)), ("due_date", row.due_date.isoformat())]
    with db.unit_of_work() as uow:
        document = documents.issue(uow.session, tokens, document_type=CHALLAN, subject=row.registration_number,
                                   copy_of=f"{CHALLAN}/{row.consumer_number}", facts=facts, serial_prefix="CH")
        uow.commit()
    return document


def revoke_printed(uow, consumer_number: str, *, reason: str) -> int:
    return documents.revoke_copy(uow.session, f"{CHALLAN}/{consumer_number}", by=ledger.actor(), reason=reason[:300])


def challan_slip(row: sa.Row) -> challan_pdf.ChallanSlip:
    karachi = clock.KARACHI
    return challan_pdf.ChallanSlip(
        consumer_number=row.consumer_number, registration_number=row.registration_number,
        payer_name=row.payer_name, description=row.description, reference=row.reference,
        amount_paisa=row.amount_paisa, amount_after_due_paisa=row.amount_after_due_paisa, due_date=row.due_date,
        issued_on=clock.as_utc(row.issued_at).astimezone(karachi).date(),
        status=domain.effective_status(state_of(row), clock.karachi_today()),
        paid_on=clock.as_utc(row.paid_at).astimezone(karachi).date() if row.paid_at else None,
        paid_at_bank=row.bank_mnemonic or "", double_from=row.double_fee_from,
        amount_double_paisa=row.amount_double_paisa)
