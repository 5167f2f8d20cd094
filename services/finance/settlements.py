"""Reconciliation: each bank's daily settlement file matched against the payments the bank
told us of, one by one, through bill-payment calls.

A row of the file (`tran_date, tran_auth_id, consumer_number, amount`, the amount in rupees
such as `2000.00`) is, by its authorisation:
- matched: recorded here with the same consumer number and amount;
- unrecorded: never recorded (the bank took money we never heard of). It is kept in the
  unmatched queue, once per authorisation however many files repeat it, until treasury
  posts it to its challan or refunds it: never dropped;
- mismatched: recorded with another amount or consumer number, or recorded and reversed.
A payment recorded from this bank on the file's dates that the file lacks is missing.

A file with an unreadable row is refused whole with every such row listed; the same file
again (same bank, same SHA-256) answers its first report.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import asdict, dataclass

import sqlalchemy as sa

from campus import audit, bulk, clock, identifiers, money
from campus.db import Database
from campus.errors import InvalidArgument, NotFound
from services.finance import domain
from services.finance.models import bank_payments, banks, challans, settlements, unmatched_payments

COLUMNS = ("tran_date", "tran_auth_id", "consumer_number", "amount")
MAX_ROWS = 200_000
OPEN, POSTED, REFUNDED = "open", "posted", "refunded"


@dataclass(frozen=True)
class Line:
    tran_date: str            # YYYYMMDD
    tran_auth_id: str
    consumer_number: str
    amount_paisa: int
    recorded_amount_paisa: int = 0
    recorded_consumer_number: str = ""
    note: str = ""


@dataclass
class Report:
    matched: int
    unrecorded: list[Line]
    missing: list[Line]
    mismatched: list[Line]


# -- reading the file (no I/O) -----------------------------------------------------------------
def _tran_date(text: str) -> str | None:
    text = (text or "").strip()
    for layout in ("%Y%m%d", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, layout).strftime("%Y%m%d")
        except ValueError:
            continue
    return None


def parse(text: str) -> tuple[list[Line], list[tuple[int, str, str]]]:
    """The file's rows, and every refused row as (line, field, reason)."""
    lines, refused, seen = [], [], {}
    for number, raw in enumerate(bulk.csv_rows(text, COLUMNS, max_rows=MAX_ROWS), start=bulk.FIRST_LINE):
        problems = []
        if raw.get(None):  # csv's key for values beyond the header's columns
            problems.append(("file", "more values than the header has columns (write amounts as 2000.00, no commas)"))
        tran_date = _tran_date(raw.get("tran_date"))
        if tran_date is None:
            problems.append(("tran_date", "not a date (YYYYMMDD or YYYY-MM-DD)"))
        auth = (raw.get("tran_auth_id") or "").strip()
        if not identifiers.TRAN_AUTH_ID.match(auth):
            problems.append(("tran_auth_id", "not a transaction authorisation id (6 letters or digits)"))
        consumer = (raw.get("consumer_number") or "").strip()
        if not re.match(domain.CONSUMER_NUMBER_PATTERN, consumer):
            problems.append(("consumer_number", "not a consumer number (up to 18 digits)"))
        amount = money.from_rupees(raw.get("amount"))
        if amount is None or amount <= 0:
            problems.append(("amount", "not an amount in rupees more than zero, such as 2000.00"))
        if problems:
            refused += [(number, field, reason) for field, reason in problems]
        elif auth in seen:
            refused.append((number, "tran_auth_id", f"the same authorisation as line {seen[auth]}"))
        else:
            seen[auth] = number
            lines.append(Line(tran_date, auth, consumer, amount))
    return lines, refused


def match(lines: list[Line], recorded: dict[str, sa.Row], on_dates: list[sa.Row]) -> Report:
    """`recorded`: this bank's payments by authorisation, for the file's authorisations;
    `on_dates`: its payments on the file's dates, to find the ones the file lacks."""
    report = Report(0, [], [], [])
    for line in lines:
        payment = recorded.get(line.tran_auth_id)
        if payment is None:
            report.unrecorded.append(line)
        elif payment.reversed_at is not None:
            report.mismatched.append(_differs(line, payment, "recorded here, then reversed by the bank"))
        elif (payment.consumer_number, payment.amount_paisa) != (line.consumer_number, line.amount_paisa):
            report.mismatched.append(_differs(line, payment, "the amount or consumer number differs"))
        else:
            report.matched += 1
    in_file = {line.tran_auth_id for line in lines}
    report.missing = [Line(p.tran_date, p.tran_auth_id, p.consumer_number, p.amount_paisa,
                           note="recorded here, not in the bank's file")
                      for p in on_dates if p.tran_auth_id not in in_file and p.reversed_at is None]
    return report


def _differs(line: Line, payment: sa.Row, note: str) -> Line:
    return Line(line.tran_date, line.tran_auth_id, line.consumer_number, line.amount_paisa,
                payment.amount_paisa, payment.consumer_number, note)


# -- the use cases ---------------------------------------------------------------------------
def reconcile(db: Database, *, bank_mnemonic: str, content: bytes, file_name: str,
              by: str) -> tuple[sa.Row | None, list[tuple[int, str, str]]]:
    """The settlement's stored row, or (None, every refused row) for a file refused whole."""
    bank = _collecting_bank(db, bank_mnemonic)
    file_name = identifiers.text(file_name or "settlement.csv", "file_name", max_length=200)
    digest = hashlib.sha256(content).hexdigest()
    earlier = _settlement_by_digest(db, bank, digest)
    if earlier is not None:
        return earlier, []
    lines, refused = parse(bulk.decode(content))
    if refused:
        return None, sorted(refused)
    try:
        return _store(db, bank, lines, file_name, digest, by), []
    except sa.exc.IntegrityError:  # the same file, uploaded twice at once: the first one's report
        return _settlement_by_digest(db, bank, digest), []


def _collecting_bank(db: Database, mnemonic: str) -> str:
    mnemonic = identifiers.bank_mnemonic(mnemonic)
    with db.sessions() as session:
        if session.execute(sa.select(banks.c.mnemonic).where(banks.c.mnemonic == mnemonic)).first() is None:
            raise InvalidArgument("no collecting bank with this mnemonic", field="bank_mnemonic")
    return mnemonic


def _settlement_by_digest(db: Database, bank: str, digest: str) -> sa.Row | None:
    with db.sessions() as session:
        return session.execute(sa.select(settlements).where(
            settlements.c.bank_mnemonic == bank, settlements.c.sha256 == digest)).first()


CHUNK = 2000


def _recorded(session, bank: str, lines: list[Line]) -> dict[str, sa.Row]:
    auths = [line.tran_auth_id for line in lines]
    found = {}
    for start in range(0, len(auths), CHUNK):
        found.update({p.tran_auth_id: p for p in session.execute(sa.select(bank_payments).where(
            bank_payments.c.bank_mnemonic == bank, bank_payments.c.response_code == domain.OK,
            bank_payments.c.tran_auth_id.in_(auths[start:start + CHUNK])))})
    return found


def _store(db: Database, bank: str, lines: list[Line], file_name: str, digest: str, by: str) -> sa.Row:
    dates = sorted({line.tran_date for line in lines})
    with db.unit_of_work() as uow:
        recorded = _recorded(uow.session, bank, lines)
        on_dates = uow.session.execute(sa.select(bank_payments).where(
            bank_payments.c.bank_mnemonic == bank, bank_payments.c.response_code == domain.OK,
            bank_payments.c.tran_date.in_(dates)).order_by(bank_payments.c.id)).all()
        report = match(lines, recorded, on_dates)
        now = clock.utcnow()
        settlement_id = uow.session.execute(sa.insert(settlements).values(
            bank_mnemonic=bank, file_name=file_name, sha256=digest, uploaded_at=now, uploaded_by=by,
            first_tran_date=dates[0], last_tran_date=dates[-1], rows=len(lines), matched=report.matched,
            report=json.dumps({"unrecorded": [asdict(x) for x in report.unrecorded],
                               "missing": [asdict(x) for x in report.missing],
                               "mismatched": [asdict(x) for x in report.mismatched]}))).inserted_primary_key[0]
        queued = _queue_unrecorded(uow.session, bank, report.unrecorded, settlement_id, now)
        audit.append(uow.session, entity="settlement", entity_id=settlement_id, action="reconciled", payload={
            "bank_mnemonic": bank, "file_name": file_name, "sha256": digest, "rows": len(lines),
            "matched": report.matched, "unrecorded": len(report.unrecorded), "queued": queued,
            "missing": len(report.missing), "mismatched": len(report.mismatched)})
        uow.commit()
    return get_settlement(db, settlement_id)


def _queue_unrecorded(session, bank: str, unrecorded: list[Line], settlement_id: int, now: dt.datetime) -> int:
    """Keep each unrecorded payment once: an authorisation already queued by an earlier file
    is not queued again."""
    if not unrecorded:
        return 0
    auths = [line.tran_auth_id for line in unrecorded]
    queued = set()
    for start in range(0, len(auths), CHUNK):
        queued |= set(session.execute(sa.select(unmatched_payments.c.tran_auth_id).where(
            unmatched_payments.c.bank_mnemonic == bank,
            unmatched_payments.c.tran_auth_id.in_(auths[start:start + CHUNK]))).scalars())
    new = [dict(bank_mnemonic=bank, tran_auth_id=line.tran_auth_id, consumer_number=line.consumer_number,
                amount_paisa=line.amount_paisa, tran_date=line.tran_date, status=OPEN, found_at=now,
                settlement_id=settlement_id) for line in unrecorded if line.tran_auth_id not in queued]
    if new:
        session.execute(sa.insert(unmatched_payments), new)
    return len(new)


def get_settlement(db: Database, settlement_id: int) -> sa.Row:
    with db.sessions() as session:
        row = session.execute(sa.select(settlements).where(settlements.c.id == settlement_id)).first()
    if row is None:
        raise NotFound("no settlement with this id", field="settlement_id")
    return row


def list_settlements(db: Database, bank_mnemonic: str = "", limit: int = 100) -> list[sa.Row]:
    query = sa.select(settlements).order_by(settlements.c.id.desc()).limit(limit)
    if bank_mnemonic:
        query = query.where(settlements.c.bank_mnemonic == identifiers.bank_mnemonic(bank_mnemonic))
    with db.sessions() as session:
        return list(session.execute(query))


def report_of(row: sa.Row) -> Report:
    stored = json.loads(row.report)
    return Report(row.matched, *([Line(**x) for x in stored[key]] for key in ("unrecorded", "missing", "mismatched")))


# -- the unmatched queue -------------------------------------------------------------------------
def list_unmatched(db: Database, status: str = OPEN) -> list[tuple[sa.Row, str]]:
    """Each unmatched payment with the status of its consumer number's challan ("" if none)."""
    if status and status not in (OPEN, POSTED, REFUNDED):
        raise InvalidArgument("status must be open, posted or refunded", field="status")
    query = (sa.select(unmatched_payments, challans.c.status.label("challan_status"))
             .outerjoin(challans, challans.c.consumer_number == unmatched_payments.c.consumer_number)
             .order_by(unmatched_payments.c.id))
    if status:
        query = query.where(unmatched_payments.c.status == status)
    with db.sessions() as session:
        return [(row, row.challan_status or "") for row in session.execute(query.limit(500))]
