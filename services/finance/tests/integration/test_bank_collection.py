"""Finance against real PostgreSQL, over its real gRPC server: challans and bank payments."""
import datetime as dt
import itertools
import json
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from campus import clock
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from cms.finance.v1 import finance_pb2 as pb
from services.finance.models import bank_payments, challans

_refs = itertools.count(1)


def new_reference():
    return f"SR-2026-{900000 + next(_refs):06d}"


def issue(clients, regno="22P-123456", fee_code="degree_urgent", reference=None):
    return clients.call("finance", "IssueChallan", pb.IssueChallanRequest(
        registration_number=regno, fee_code=fee_code, level="bed", reference=reference or new_reference(),
        description="Degree fee", payer_name="Ayesha Siddiqui"))


def pay(clients, users, challan, *, key="T00001", amount=None, bank="ABL", on=None):
    return clients.call("finance", "BillPayment", pb.BillPaymentRequest(
        consumer_number=challan.consumer_number, bank_mnemonic=bank, tran_auth_id=key,
        transaction_amount_paisa=challan.amount_paisa if amount is None else amount,
        tran_date=(on or clock.karachi_today()).strftime("%Y%m%d"), tran_time="101500"), caller=users.bank(bank))


def outbox_events(runtime, event_type):
    with runtime.db.sessions() as s:
        rows = s.execute(sa.select(runtime.db.outbox.c.envelope).where(
            runtime.db.outbox.c.event_type == event_type)).scalars()
        return [json.loads(r) for r in rows]


def test_issue_is_idempotent_per_reference(as_requests, runtime):
    reference = new_reference()
    first = issue(as_requests, reference=reference)
    again = issue(as_requests, reference=reference)
    assert first.consumer_number == again.consumer_number
    assert first.amount_paisa == 200000  # B.Ed urgent degree fee, Rs 2,000
    issued = [e for e in outbox_events(runtime, "challan_issued") if e["data"]["reference"] == reference]
    assert len(issued) == 1


def test_only_requests_issues_a_requests_challan(as_gateway, as_requests, users):
    request = pb.IssueChallanRequest(registration_number="22P-123456", fee_code="degree_urgent", level="bed",
                                     reference=new_reference())
    for caller in (users.student("22P-123456"), users.staff("exams.officer", "examinations")):
        with pytest.raises(PermissionDenied):
            as_gateway.call("finance", "IssueChallan", request, caller=caller)
    with pytest.raises(InvalidArgument) as by_hand:  # treasury issues its own (TRS-...), not a request's
        as_gateway.call("finance", "IssueChallan", request, caller=users.staff("treasury.officer", "treasury"))
    assert by_hand.value.field == "reference"
    assert as_requests.call("finance", "IssueChallan", pb.IssueChallanRequest(
        registration_number="22P-123456", fee_code="course_change", level="bed", reference=new_reference()),
        caller=users.staff("treasury.officer", "treasury")).amount_paisa == 50000


def test_bad_input_names_the_field(as_requests):
    with pytest.raises(InvalidArgument) as bad:
        issue(as_requests, regno="22-123456")
    assert bad.value.field == "registration_number"
    with pytest.raises(InvalidArgument) as unknown:
        issue(as_requests, fee_code="no_such_fee")
    assert unknown.value.field == "fee_code"


def test_a_student_sees_only_their_own_challans(as_requests, as_gateway, users):
    challan = issue(as_requests)
    mine = as_gateway.call("finance", "GetChallan", pb.GetChallanRequest(consumer_number=challan.consumer_number),
                           caller=users.student("22P-123456"))
    assert mine.reference == challan.reference
    with pytest.raises(NotFound):  # someone else's challan is not there, as far as they can tell
        as_gateway.call("finance", "GetChallan", pb.GetChallanRequest(consumer_number=challan.consumer_number),
                        caller=users.student("23A-654321"))
    with pytest.raises(PermissionDenied):
        as_gateway.call("finance", "GetStudentAccount", pb.GetStudentAccountRequest(
            registration_number="22P-123456"), caller=users.student("23A-654321"))


def test_inquiry_then_payment_then_inquiry(as_requests, as_gateway, users, runtime):
    challan = issue(as_requests)
    bank = users.bank("ABL")
    before = as_gateway.call("finance", "BillInquiry", pb.BillInquiryRequest(
        consumer_number=challan.consumer_number, bank_mnemonic="ABL"), caller=bank)
    assert (before.response_code, before.bill_status, before.amount_within_due_date_paisa) == ("00", "U", 200000)
    assert before.consumer_detail == "Ayesha Siddiqui"
    paid = pay(as_gateway, users, challan, key="P00001")
    assert paid.response_code == "00" and paid.identification_parameter.startswith("CMS")
    after = as_gateway.call("finance", "BillInquiry", pb.BillInquiryRequest(
        consumer_number=challan.consumer_number, bank_mnemonic="ABL"), caller=bank)
    assert (after.bill_status, after.tran_auth_id, after.amount_paid_paisa) == ("P", "P00001", 200000)
    events = [e for e in outbox_events(runtime, "challan_paid") if e["data"]["reference"] == challan.reference]
    assert len(events) == 1 and events[0]["data"]["amount_paisa"] == "200000"


def test_the_same_payment_one_hundred_times_at_once_is_recorded_once(as_requests, as_gateway, users, runtime):
    challan = issue(as_requests)
    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(lambda _: pay(as_gateway, users, challan, key="C00100"), range(100)))
    assert {(a.response_code, a.identification_parameter) for a in answers} == {
        ("00", answers[0].identification_parameter)}
    with runtime.db.sessions() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(bank_payments).where(
            bank_payments.c.tran_auth_id == "C00100")) == 1
    assert len([e for e in outbox_events(runtime, "challan_paid")
                if e["data"]["reference"] == challan.reference]) == 1


def test_same_key_other_amount_is_refused_as_duplicate(as_requests, as_gateway, users):
    first, second = issue(as_requests), issue(as_requests)
    assert pay(as_gateway, users, first, key="D00001").response_code == "00"
    assert pay(as_gateway, users, first, key="D00001", amount=first.amount_paisa + 100).response_code == "03"
    assert pay(as_gateway, users, second, key="D00001").response_code == "03"


def test_refusals_of_a_new_payment(as_requests, as_gateway, users, runtime):
    challan = issue(as_requests)
    assert pay(as_gateway, users, challan, key="R00001", amount=1).response_code == "04"
    unknown = pb.Challan(consumer_number="100719999999999999", amount_paisa=100)
    assert pay(as_gateway, users, unknown, key="R00002").response_code == "01"
    assert pay(as_gateway, users, challan, key="R00003").response_code == "00"
    assert pay(as_gateway, users, challan, key="R00004").response_code == "03"  # paid already
    expired = issue(as_requests)
    with runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(challans).where(challans.c.consumer_number == expired.consumer_number)
                            .values(expires_on=dt.date(2020, 1, 1)))
        uow.commit()
    assert pay(as_gateway, users, expired, key="R00005").response_code == "02"


def test_a_bank_acts_only_under_its_own_mnemonic(as_requests, as_gateway, users):
    challan = issue(as_requests)
    with pytest.raises(PermissionDenied):
        as_gateway.call("finance", "BillInquiry", pb.BillInquiryRequest(
            consumer_number=challan.consumer_number, bank_mnemonic="HBL"), caller=users.bank("ABL"))
    with pytest.raises(PermissionDenied):
        as_gateway.call("finance", "BillInquiry", pb.BillInquiryRequest(
            consumer_number=challan.consumer_number, bank_mnemonic="ABL"), caller=users.student("22P-123456"))


def test_malformed_payment_fields_are_invalid_arguments(as_requests, as_gateway, users):
    challan = issue(as_requests)
    for field, change in [("tran_date", {"tran_date": "2026-11-25"}), ("tran_time", {"tran_time": "25"}),
                          ("tran_auth_id", {"tran_auth_id": "TOO-LONG-ID"})]:
        request = pb.BillPaymentRequest(consumer_number=challan.consumer_number, bank_mnemonic="ABL",
                                        tran_auth_id="M00001", transaction_amount_paisa=challan.amount_paisa,
                                        tran_date="20261125", tran_time="101500")
        for key, value in change.items():
            setattr(request, key, value)
        with pytest.raises(InvalidArgument) as bad:
            as_gateway.call("finance", "BillPayment", request, caller=users.bank("ABL"))
        assert bad.value.field == field


@pytest.mark.parametrize("number", ["12345", "100719999999999999", "1234567890123456"])
def test_a_well_formed_number_that_is_not_ours_is_unknown_to_the_bank(as_gateway, users, number):
    answer = as_gateway.call("finance", "BillInquiry", pb.BillInquiryRequest(
        consumer_number=number, bank_mnemonic="ABL"), caller=users.bank("ABL"))
    assert answer.response_code == "01"


def test_a_malformed_consumer_number_is_an_invalid_argument(as_gateway, users):
    for number in ("12a45", "1234567890123456789", ""):
        with pytest.raises(InvalidArgument) as bad:
            as_gateway.call("finance", "BillInquiry", pb.BillInquiryRequest(
                consumer_number=number, bank_mnemonic="ABL"), caller=users.bank("ABL"))
        assert bad.value.field == "consumer_number"


def test_unknown_challan_is_not_found(as_gateway, users):
    with pytest.raises(NotFound):
        as_gateway.call("finance", "GetChallan", pb.GetChallanRequest(consumer_number="100719999999999999"),
                        caller=users.staff("treasury.officer", "treasury"))


def test_a_tran_date_that_cannot_be_true_is_invalid_data(as_requests, as_gateway, users):
    challan = issue(as_requests)
    today = clock.karachi_today()
    assert pay(as_gateway, users, challan, key="TD0001", on=today + dt.timedelta(days=5)).response_code == "04"
    assert pay(as_gateway, users, challan, key="TD0002", on=today - dt.timedelta(days=10)).response_code == "04"
    assert pay(as_gateway, users, challan, key="TD0003", on=today).response_code == "00"


def test_a_late_payment_charges_its_surcharge_so_the_ledger_balances(as_requests, as_gateway, users, runtime):
    from services.finance.models import ledger_entries
    challan = issue(as_requests)
    with runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(challans).where(challans.c.consumer_number == challan.consumer_number).values(
            due_date=clock.karachi_today() - dt.timedelta(days=1), amount_after_due_paisa=challan.amount_paisa + 5000))
        uow.commit()
    assert pay(as_gateway, users, challan, key="LT0001").response_code == "04"  # the face amount is late
    assert pay(as_gateway, users, challan, key="LT0002", amount=challan.amount_paisa + 5000).response_code == "00"
    with runtime.db.sessions() as s:
        entries = s.execute(sa.select(ledger_entries.c.kind, ledger_entries.c.amount_paisa).where(
            ledger_entries.c.consumer_number == challan.consumer_number)).all()
    assert sorted(entries) == sorted([("charge", challan.amount_paisa), ("late_fee", 5000),
                                      ("payment", -(challan.amount_paisa + 5000))])
    assert sum(amount for _, amount in entries) == 0
