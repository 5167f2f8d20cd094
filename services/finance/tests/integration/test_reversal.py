"""A bank reverses (voids) its own payment, exactly once, against real PostgreSQL: the ledger
undoes the payment, the challan is unpaid again, and `challan_payment_reversed` goes out once."""
import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from campus import clock
from campus.errors import InvalidArgument, PermissionDenied
from cms.finance.v1 import finance_pb2 as pb
from services.finance import service
from services.finance.models import bank_payments, challans
from services.finance.tests.integration.test_bank_collection import issue, outbox_events, pay


def reverse(clients, users, challan, *, key, bank="ABL", consumer_number=None):
    return clients.call("finance", "BillReversal", pb.BillReversalRequest(
        consumer_number=consumer_number or challan.consumer_number, bank_mnemonic=bank, tran_auth_id=key,
        tran_date=clock.karachi_today().strftime("%Y%m%d"), tran_time="120000"), caller=users.bank(bank))


def reversals_of(runtime, consumer_number):
    return [e for e in outbox_events(runtime, "challan_payment_reversed")
            if e["data"]["consumer_number"] == consumer_number]


def test_a_reversal_undoes_the_payment_once_and_a_replay_gets_the_same_answer(
        as_requests, as_gateway, users, runtime):
    challan = issue(as_requests, regno="23F-710001")
    assert pay(as_gateway, users, challan, key="RV0001").response_code == "00"
    first = reverse(as_gateway, users, challan, key="RV0001")
    again = reverse(as_gateway, users, challan, key="RV0001")
    assert (first.response_code, again.response_code) == ("00", "00")
    assert again.message == "payment already reversed"
    row = service.get_challan(runtime.db, challan.consumer_number)
    assert (row.status, row.paid_at, row.tran_auth_id) == ("unpaid", None, None)
    assert len(reversals_of(runtime, challan.consumer_number)) == 1
    ledger = service.ledger_of(runtime.db, "23F-710001")
    assert [(e.kind, e.debit_paisa, e.credit_paisa) for e in ledger] == [
        ("charge", 200000, 0), ("payment", 0, 200000), ("payment_reversed", 200000, 0)]
    assert ledger[-1].balance_paisa == 200000
    inquiry = as_gateway.call("finance", "BillInquiry", pb.BillInquiryRequest(
        consumer_number=challan.consumer_number, bank_mnemonic="HBL"), caller=users.bank("HBL"))
    assert inquiry.bill_status == "U"
    # The replay of the reversed payment pays nothing; a new payment (any bank) is taken.
    assert pay(as_gateway, users, challan, key="RV0001").response_code == "03"
    assert pay(as_gateway, users, challan, key="RV0002", bank="HBL").response_code == "00"
    assert service.ledger_of(runtime.db, "23F-710001")[-1].balance_paisa == 0


def test_only_the_bank_that_took_a_payment_reverses_it(as_requests, as_gateway, users, runtime):
    challan = issue(as_requests, regno="23F-710002")
    assert pay(as_gateway, users, challan, key="RV0003").response_code == "00"
    assert reverse(as_gateway, users, challan, key="RV0003", bank="HBL").response_code == "01"
    assert reverse(as_gateway, users, challan, key="NOPE01").response_code == "01"
    other = issue(as_requests, regno="23F-710002")
    assert reverse(as_gateway, users, challan, key="RV0003", consumer_number=other.consumer_number).response_code \
        == "01"
    assert service.get_challan(runtime.db, challan.consumer_number).status == "paid"
    with pytest.raises(PermissionDenied):  # a bank acts under its own mnemonic only
        as_gateway.call("finance", "BillReversal", pb.BillReversalRequest(
            consumer_number=challan.consumer_number, bank_mnemonic="ABL", tran_auth_id="RV0003",
            tran_date="20261206", tran_time="120000"), caller=users.bank("HBL"))
    with pytest.raises(InvalidArgument) as bad:
        as_gateway.call("finance", "BillReversal", pb.BillReversalRequest(
            consumer_number=challan.consumer_number, bank_mnemonic="ABL", tran_auth_id="RV0003",
            tran_date="20261306", tran_time="120000"), caller=users.bank("ABL"))
    assert bad.value.field == "tran_date"


def test_past_the_window_a_payment_is_not_reversed(as_requests, as_gateway, users, runtime):
    challan = issue(as_requests, regno="23F-710003")
    assert pay(as_gateway, users, challan, key="RV0004").response_code == "00"
    with runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(bank_payments).where(bank_payments.c.tran_auth_id == "RV0004").values(
            received_at=clock.utcnow() - dt.timedelta(hours=runtime.config.reversal_window_hours + 1)))
        uow.commit()
    assert reverse(as_gateway, users, challan, key="RV0004").response_code == "02"
    assert service.get_challan(runtime.db, challan.consumer_number).status == "paid"


def test_a_late_fee_is_cancelled_with_the_payment_it_came_with(as_requests, as_gateway, users, runtime):
    challan = issue(as_requests, regno="23F-710004")
    with runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(challans).where(challans.c.consumer_number == challan.consumer_number).values(
            due_date=clock.karachi_today() - dt.timedelta(days=1), amount_after_due_paisa=challan.amount_paisa + 5000))
        uow.commit()
    assert pay(as_gateway, users, challan, key="RV0005", amount=challan.amount_paisa + 5000).response_code == "00"
    assert reverse(as_gateway, users, challan, key="RV0005").response_code == "00"
    ledger = service.ledger_of(runtime.db, "23F-710004")
    assert [e.kind for e in ledger] == ["charge", "late_fee", "payment", "payment_reversed", "cancellation"]
    assert ledger[-1].balance_paisa == challan.amount_paisa


def test_a_reversal_racing_replays_of_its_payment_leaves_one_payment_reversed(
        as_requests, as_gateway, users, runtime):
    challan = issue(as_requests, regno="23F-710005")
    assert pay(as_gateway, users, challan, key="RV0006").response_code == "00"
    with ThreadPoolExecutor(8) as pool:
        calls = [pool.submit(reverse, as_gateway, users, challan, key="RV0006") if i % 2 else
                 pool.submit(pay, as_gateway, users, challan, key="RV0006") for i in range(16)]
        codes = [c.result().response_code for c in calls]
    assert set(codes[1::2]) == {"00"}  # every reversal: reversed, or already
    assert set(codes[0::2]) <= {"00", "03"}  # a replay before the reversal is answered as recorded
    assert len(reversals_of(runtime, challan.consumer_number)) == 1
    with runtime.db.sessions() as s:
        assert s.execute(sa.select(sa.func.count()).select_from(bank_payments).where(
            bank_payments.c.consumer_number == challan.consumer_number)).scalar() == 1
    ledger = service.ledger_of(runtime.db, "23F-710005")
    assert [e.kind for e in ledger] == ["charge", "payment", "payment_reversed"]
    assert service.get_challan(runtime.db, challan.consumer_number).status == "unpaid"
