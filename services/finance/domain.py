"""Finance rules, free of I/O: consumer numbers, fees, due dates, and what a bank's
bill inquiry and bill payment get as an answer."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from campus.errors import FailedPrecondition, InvalidArgument

# 1LINK response codes.
OK, UNKNOWN_CONSUMER, BLOCKED, DUPLICATE, INVALID_DATA, FAILED = "00", "01", "02", "03", "04", "05"

UNPAID, PAID, BLOCKED_STATUS = "unpaid", "paid", "blocked"
#: The "bank" of a fee financial aid paid whole: no money of hers to give back.
AID_FUND = "AID"
BILL_STATUS = {UNPAID: "U", PAID: "P", BLOCKED_STATUS: "B"}
CONSUMER_NUMBER_LENGTH = 18
CONSUMER_NUMBER_PATTERN = r"^[0-9]{1,18}$"  # what a bank may send; the check digit decides the rest
#: The level of a fee that really is the same for every program level.
EVERY_LEVEL = "*"


# -- consumer numbers -------------------------------------------------------------
def luhn_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def new_consumer_number(biller_prefix: str, serial: int) -> str:
    """Biller prefix (5) + serial (12) + Luhn check digit (1) = 18 digits.

    The check digit lets a bank's mistyped number fail as 'unknown' instead of landing
    on someone else's challan."""
    body = f"{biller_prefix}{serial:012d}"
    return body + luhn_digit(body)


def is_valid_consumer_number(number: str) -> bool:
    """One of ours: 18 ASCII digits whose last is the check digit of the others."""
    return (len(number) == CONSUMER_NUMBER_LENGTH and number.isascii() and number.isdigit()
            and luhn_digit(number[:-1]) == number[-1])


_CONSUMER_NUMBER = re.compile(CONSUMER_NUMBER_PATTERN)


def consumer_number(value: str, field: str = "consumer_number") -> str:
    """The consumer number as sent (trimmed), if it is one a bank may send: 1-18 digits.

    Only the format is refused here. A well-formed number that is not ours (wrong length
    or check digit) is not an error: the bank gets "01, does not exist" for it."""
    value = value.strip() if isinstance(value, str) else value
    if not isinstance(value, str) or not _CONSUMER_NUMBER.match(value):
        raise InvalidArgument(f"{field} is not a valid consumer number (up to 18 digits)", field=field)
    return value


# -- fees and dates -----------------------------------------------------------------
@dataclass(frozen=True)
class Fee:
    fee_code: str
    level: str
    title: str
    amount_paisa: int
    late_fee_paisa: int = 0
    #: Days after the due date from which the fee is doubled (0: never): the late fee first,
    #: then the double fee, until the challan expires.
    double_after_days: int = 0
    applies_from: dt.date = dt.date(2020, 1, 1)


def in_force(rows: list[Fee], on: dt.date) -> list[Fee]:
    """Each (fee code, level)'s row in force on a day: the latest that applies from it or earlier."""
    latest: dict[tuple[str, str], Fee] = {}
    for row in sorted(rows, key=lambda f: f.applies_from):
        if row.applies_from <= on:
            latest[(row.fee_code, row.level)] = row
    return sorted(latest.values(), key=lambda f: (f.fee_code, f.level))


F = TypeVar("F")


def level_fee(by_level: Mapping[str, F], level: str | None) -> F | None:
    """The one rule for "the fee for a program level", over one fee code's rows by level.

    The level's own row; or the every-level ('*') row when it is the code's only row (a
    fee that really is the same for everyone). Nothing else: a level without its own row
    has no fee, never another level's, and a '*' row beside per-level rows stands for no
    level at all."""
    if level and level != EVERY_LEVEL and level in by_level:
        return by_level[level]
    if set(by_level) == {EVERY_LEVEL}:
        return by_level[EVERY_LEVEL]
    return None


def varies_by_level(by_level: Mapping[str, object]) -> bool:
    return bool(by_level) and set(by_level) != {EVERY_LEVEL}


def fee_for(schedule: list[Fee], fee_code: str, level: str) -> Fee:
    """The fee to charge for `fee_code` at a program level (see `level_fee`).

    An unknown fee code is the caller's mistake (InvalidArgument on fee_code); a known fee
    with no amount for this level is a gap in the schedule (FailedPrecondition on level)."""
    by_level = {f.level: f for f in schedule if f.fee_code == fee_code}
    if not by_level:
        raise InvalidArgument(f"no fee '{fee_code}'", field="fee_code")
    fee = level_fee(by_level, level)
    if fee is None:
        raise FailedPrecondition(f"the fee schedule has no '{fee_code}' for program level '{level}'",
                                 field="level")
    return fee


def charges_total(schedule: list[Fee], fee_code: str, charges: list[tuple[str, int]], level: str) -> Fee:
    """One fee `fee_code` whose amount (and late fee) is each charge's fee at the level times
    its quantity: a semester fee by credit hours, or Matric's by course plus its technology
    charge. Each charge is priced by `fee_for`, so a level without a rate is refused. The
    double fee comes first of the charges' rules (the soonest, if they differ)."""
    amount = late = 0
    titles, doubles = [], []
    for code, quantity in charges:
        if not 1 <= quantity <= 1000:
            raise InvalidArgument(f"the quantity of '{code}' must be between 1 and 1000", field="charges")
        fee = fee_for(schedule, code, level)
        amount, late = amount + fee.amount_paisa * quantity, late + fee.late_fee_paisa * quantity
        titles.append(f"{fee.title} x {quantity}")
        doubles += [fee.double_after_days] if fee.double_after_days else []
    if amount <= 0:
        raise InvalidArgument("the charges add up to nothing", field="charges")
    return Fee(fee_code, level, "; ".join(titles), amount, late, min(doubles, default=0))


def due_date(issued_on: dt.date, due_days: int) -> dt.date:
    return issued_on + dt.timedelta(days=due_days)


def payable_amount(amount: int, amount_after_due: int, due: dt.date, paid_on: dt.date,
                   double_from: dt.date | None = None, amount_double: int | None = None) -> int:
    """What a challan asks for on a day: its face amount by the due date, then with the late
    fee, and from `double_from` (where its fee has one) double."""
    if paid_on <= due:
        return amount
    if double_from is not None and amount_double and paid_on >= double_from:
        return amount_double
    return amount_after_due


# -- the bank's calls ---------------------------------------------------------------
@dataclass(frozen=True)
class ChallanState:
    consumer_number: str
    status: str
    amount_paisa: int
    amount_after_due_paisa: int
    due_date: dt.date
    expires_on: dt.date
    issued_on: dt.date
    double_from: dt.date | None = None
    amount_double_paisa: int | None = None

    def asks(self, on: dt.date) -> int:
        return payable_amount(self.amount_paisa, self.amount_after_due_paisa, self.due_date, on, self.double_from,
                              self.amount_double_paisa)


@dataclass(frozen=True)
class PaymentAttempt:
    bank_mnemonic: str
    tran_auth_id: str
    consumer_number: str
    amount_paisa: int
    tran_date: dt.date


def effective_status(challan: ChallanState, today: dt.date) -> str:
    if challan.status == UNPAID and today > challan.expires_on:
        return BLOCKED_STATUS
    return challan.status


def tran_date_problem(tran_date: dt.date, issued_on: dt.date, today: dt.date, backdate_days: int) -> str | None:
    """Why a bank's transaction date cannot be right, or None.

    The bank's date decides which amount is due, so it is held to what can be true: not
    before the challan existed, not in the future (a day's grace for midnight), and not
    older than the few days a bank may take to post a payment."""
    if tran_date < issued_on:
        return "tran_date is before the challan was issued"
    if tran_date > today + dt.timedelta(days=1):
        return "tran_date is in the future"
    if tran_date < today - dt.timedelta(days=backdate_days):
        return f"tran_date is more than {backdate_days} days old"
    return None


def decide_payment(challan: ChallanState | None, attempt: PaymentAttempt, *, today: dt.date,
                   backdate_days: int) -> tuple[str, str]:
    """The response code for a new payment (no earlier payment under its key), and why."""
    if challan is None:
        return UNKNOWN_CONSUMER, "consumer number does not exist"
    problem = tran_date_problem(attempt.tran_date, challan.issued_on, today, backdate_days)
    if problem:
        return INVALID_DATA, problem
    status = effective_status(challan, attempt.tran_date)
    if status == BLOCKED_STATUS:
        return BLOCKED, "challan is blocked or expired"
    if status == PAID:
        return DUPLICATE, "challan is already paid"
    due = challan.asks(attempt.tran_date)
    if attempt.amount_paisa != due:
        return INVALID_DATA, f"amount must be {due} paisa"
    return OK, "payment recorded"


@dataclass(frozen=True)
class RecordedPayment:
    consumer_number: str
    response_code: str
    received_at: dt.datetime
    reversed: bool


def decide_reversal(payment: RecordedPayment | None, consumer_number: str, *, now: dt.datetime,
                    window: dt.timedelta) -> tuple[str, str]:
    """The response code for a bank's reversal of its payment, and why.

    Only the bank that took a payment finds it (the caller looks it up under that bank's
    own mnemonic): another bank's payment, like one never made, is "01". A reversal already
    made answers "00" again (a replay). Past the window the money is treasury's to refund,
    not the bank's to void: "02"."""
    if payment is None or payment.response_code != OK or payment.consumer_number != consumer_number:
        return UNKNOWN_CONSUMER, "no such payment by this bank for this consumer number"
    if payment.reversed:
        return OK, "payment already reversed"
    if now - payment.received_at > window:
        return BLOCKED, "the reversal window has closed: ask the university's treasury"
    return OK, "payment reversed"


def outstanding(challan: ChallanState, today: dt.date) -> int:
    """What an unpaid challan asks for today (0 once paid, blocked or expired)."""
    if effective_status(challan, today) != UNPAID:
        return 0
    return challan.asks(today)


def is_same_payment(recorded: PaymentAttempt, attempt: PaymentAttempt) -> bool:
    """A bank's retry: same key and same data. The same key with other data is a duplicate."""
    return (recorded.consumer_number == attempt.consumer_number
            and recorded.amount_paisa == attempt.amount_paisa)


# -- the ledger -----------------------------------------------------------------------
# Each student's account, one entry per movement. Debits (positive) are what she owes
# more: a charge, a late fee, a payment the bank reversed, a refund paid out to her.
# Credits (negative) are what she owes less: a payment, a concession, a charge cancelled
# (a challan that expired unpaid or was superseded), a refund granted. The balance is their
# sum: positive, she owes; negative, the university owes her.
CHARGE, LATE_FEE, PAYMENT, PAYMENT_REVERSED = "charge", "late_fee", "payment", "payment_reversed"
CANCELLATION, CONCESSION, REFUND_GRANTED, REFUND_PAID = "cancellation", "concession", "refund_granted", "refund_paid"
DEBITS = frozenset({CHARGE, LATE_FEE, PAYMENT_REVERSED, REFUND_PAID})
CREDITS = frozenset({PAYMENT, CANCELLATION, CONCESSION, REFUND_GRANTED})
LEDGER_KINDS = DEBITS | CREDITS


def signed_amount(kind: str, amount_paisa: int) -> int:
    """An entry's amount as the ledger stores it: debits positive, credits negative."""
    if kind not in LEDGER_KINDS:
        raise ValueError(f"no ledger entry kind {kind!r}")
    if amount_paisa <= 0:
        raise ValueError("a ledger entry moves a positive amount")
    return amount_paisa if kind in DEBITS else -amount_paisa


@dataclass(frozen=True)
class LedgerLine:
    """One line of her statement: the entry as debit or credit, and the balance after it."""
    posted_at: dt.datetime
    kind: str
    description: str
    consumer_number: str
    debit_paisa: int
    credit_paisa: int
    balance_paisa: int
    posted_by: str = ""


def statement(entries) -> list[LedgerLine]:
    """Her entries in the order they were posted, each with the running balance after it.

    `entries`: rows with posted_at, kind, description, consumer_number, amount_paisa (signed)
    and posted_by, oldest first."""
    balance, lines = 0, []
    for e in entries:
        balance += e.amount_paisa
        lines.append(LedgerLine(e.posted_at, e.kind, e.description, e.consumer_number,
                                max(e.amount_paisa, 0), max(-e.amount_paisa, 0), balance, e.posted_by))
    return lines
