"""Finance rules: consumer numbers, fees, and the answers to a bank's payment."""
import datetime as dt

import pytest

from campus import money
from campus.errors import FailedPrecondition, InvalidArgument
from services.finance import domain

DUE = dt.date(2026, 12, 9)
ISSUED = DUE - dt.timedelta(days=14)


def challan(status=domain.UNPAID, amount=200000, after_due=220000):
    return domain.ChallanState("100710000000000017", status, amount, after_due, DUE, DUE + dt.timedelta(days=30),
                               ISSUED)


def decide(state, attempt_, today=None):
    return domain.decide_payment(state, attempt_, today=today or attempt_.tran_date, backdate_days=3)


def attempt(amount=200000, on=DUE, key="A1B2C3", number="100710000000000017"):
    return domain.PaymentAttempt("ABL", key, number, amount, on)


def test_consumer_number_is_18_digits_with_a_check_digit():
    number = domain.new_consumer_number("10071", 1)
    assert len(number) == 18 and number.startswith("10071")
    assert domain.is_valid_consumer_number(number)
    typo = number[:-2] + str((int(number[-2]) + 1) % 10) + number[-1]
    assert not domain.is_valid_consumer_number(typo)
    assert not domain.is_valid_consumer_number("12345")
    assert not domain.is_valid_consumer_number("١" * 17 + number[-1])  # other scripts' digits are not ours


@pytest.mark.parametrize("sent", ["1", "12345", "100710000000000017", "999999999999999999", " 100710000000000017 "])
def test_a_bank_may_send_up_to_18_digits(sent):
    assert domain.consumer_number(sent) == sent.strip()


@pytest.mark.parametrize("sent", ["", "   ", "1234567890123456789", "10071-000", "12a45", "+123", None, 12345])
def test_anything_else_is_an_invalid_consumer_number_naming_the_field(sent):
    with pytest.raises(InvalidArgument) as bad:
        domain.consumer_number(sent)
    assert bad.value.field == "consumer_number"
    with pytest.raises(InvalidArgument) as named:
        domain.consumer_number(sent, field="challan")
    assert named.value.field == "challan"


def test_fee_for_is_the_levels_own_or_one_that_is_the_same_for_everyone():
    schedule = [domain.Fee("degree_urgent", "bed", "u", 200000), domain.Fee("degree_urgent", "ba", "u", 160000),
                domain.Fee("course_change", "*", "c", 50000)]
    assert domain.fee_for(schedule, "degree_urgent", "bed").amount_paisa == 200000
    assert domain.fee_for(schedule, "degree_urgent", "ba").amount_paisa == 160000
    assert domain.fee_for(schedule, "course_change", "bed").amount_paisa == 50000
    assert domain.fee_for(schedule, "course_change", "").amount_paisa == 50000


def test_a_level_without_its_row_is_refused_never_another_levels_fee():
    schedule = [domain.Fee("degree_urgent", "bed", "u", 200000), domain.Fee("degree_urgent", "ba", "u", 160000)]
    for level in ("phd", "", "*"):
        with pytest.raises(FailedPrecondition) as gap:
            domain.fee_for(schedule, "degree_urgent", level)
        assert gap.value.field == "level"
    with pytest.raises(InvalidArgument) as unknown:
        domain.fee_for(schedule, "nothing", "bed")
    assert unknown.value.field == "fee_code"


def test_an_every_level_row_beside_per_level_rows_stands_for_no_level():
    schedule = [domain.Fee("degree_urgent", "bed", "u", 200000), domain.Fee("degree_urgent", "*", "u", 99)]
    assert domain.fee_for(schedule, "degree_urgent", "bed").amount_paisa == 200000
    with pytest.raises(FailedPrecondition):
        domain.fee_for(schedule, "degree_urgent", "phd")


def test_level_fee_and_whether_a_fee_varies():
    assert domain.level_fee({"*": 50000}, None) == 50000
    assert domain.level_fee({"bed": 1, "ba": 2}, "ba") == 2
    assert domain.level_fee({"bed": 1, "ba": 2}, None) is None
    assert domain.level_fee({"bed": 1}, "ade") is None
    assert domain.level_fee({}, "bed") is None
    assert not domain.varies_by_level({"*": 50000}) and not domain.varies_by_level({})
    assert domain.varies_by_level({"bed": 1}) and domain.varies_by_level({"bed": 1, "*": 2})


def test_payment_within_due_date_at_face_amount_is_accepted():
    assert decide(challan(), attempt())[0] == domain.OK


def test_payment_after_due_date_must_carry_the_late_amount():
    late = DUE + dt.timedelta(days=1)
    assert decide(challan(), attempt(amount=200000, on=late))[0] == domain.INVALID_DATA
    assert decide(challan(), attempt(amount=220000, on=late))[0] == domain.OK


@pytest.mark.parametrize("state, code", [
    (None, domain.UNKNOWN_CONSUMER),
    (challan(status=domain.PAID), domain.DUPLICATE),
    (challan(status=domain.BLOCKED_STATUS), domain.BLOCKED),
])
def test_refusals(state, code):
    assert decide(state, attempt())[0] == code


def test_expired_challan_is_blocked():
    after_expiry = DUE + dt.timedelta(days=31)
    assert decide(challan(), attempt(amount=220000, on=after_expiry))[0] == domain.BLOCKED


def test_wrong_amount_is_invalid_data():
    assert decide(challan(), attempt(amount=1))[0] == domain.INVALID_DATA


def test_a_retry_is_the_same_payment_and_other_data_is_not():
    assert domain.is_same_payment(attempt(), attempt())
    assert not domain.is_same_payment(attempt(), attempt(amount=1))
    assert not domain.is_same_payment(attempt(), attempt(number="100710000000000025"))


def test_one_link_amounts():
    assert money.to_one_link(12000) == "+0000000012000"
    assert money.from_one_link("+0000000012000") == 12000
    assert money.from_one_link("-0000000000050") == -50
    for bad in ("12000", "+12000", "+00000000120000", "+000000001200a", None):
        with pytest.raises(ValueError):
            money.from_one_link(bad)
    assert money.rupees(240000) == "Rs 2,400"


@pytest.mark.parametrize("tran_date, today, ok", [
    (DUE, DUE, True),
    (DUE, DUE + dt.timedelta(days=3), True),             # posted three days late: allowed
    (DUE, DUE + dt.timedelta(days=4), False),            # older than a bank may take
    (DUE + dt.timedelta(days=1), DUE, True),             # across midnight
    (DUE + dt.timedelta(days=2), DUE, False),            # in the future
    (ISSUED - dt.timedelta(days=1), ISSUED, False),      # before the challan existed
])
def test_the_banks_date_is_held_to_what_can_be_true(tran_date, today, ok):
    problem = domain.tran_date_problem(tran_date, ISSUED, today, backdate_days=3)
    assert (problem is None) == ok, problem
    if not ok:
        assert decide(challan(), attempt(on=tran_date), today=today)[0] == domain.INVALID_DATA


def test_outstanding_follows_the_due_date():
    assert domain.outstanding(challan(), DUE) == 200000
    assert domain.outstanding(challan(), DUE + dt.timedelta(days=1)) == 220000
    assert domain.outstanding(challan(status=domain.PAID), DUE) == 0
    assert domain.outstanding(challan(), DUE + dt.timedelta(days=31)) == 0


def test_charges_are_priced_by_the_unit_at_the_level():
    schedule = [domain.Fee("credit_hour_fee", "bed", "Per credit hour", 108750),
                domain.Fee("course_fee_6_credit_hours", "matric", "6 credit hours", 78000, 5000),
                domain.Fee("technology_charge", "matric", "Technology", 25000)]
    fee = domain.charges_total(schedule, "semester_fee", [("credit_hour_fee", 18)], "bed")
    assert (fee.fee_code, fee.amount_paisa) == ("semester_fee", 1957500)  # the published Rs 19,575
    matric = domain.charges_total(schedule, "semester_fee",
                                  [("course_fee_6_credit_hours", 2), ("technology_charge", 1)], "matric")
    assert (matric.amount_paisa, matric.late_fee_paisa) == (181000, 10000)


def test_a_charge_without_a_rate_for_the_level_or_with_a_silly_quantity_is_refused():
    schedule = [domain.Fee("credit_hour_fee", "bed", "Per credit hour", 108750)]
    with pytest.raises(FailedPrecondition) as no_rate:
        domain.charges_total(schedule, "semester_fee", [("credit_hour_fee", 3)], "ba")
    assert no_rate.value.field == "level"
    with pytest.raises(InvalidArgument) as silly:
        domain.charges_total(schedule, "semester_fee", [("credit_hour_fee", 0)], "bed")
    assert silly.value.field == "charges"
