"""The fee schedule by date against real PostgreSQL over gRPC: treasury sets a fee from a day
(the past stays), challans are priced by the row in force the day they are issued, and a
fee's late fee then double fee are what the bank is asked for after the due date."""
import datetime as dt

import pytest
import sqlalchemy as sa

from campus import clock
from campus.errors import InvalidArgument, PermissionDenied
from cms.finance.v1 import finance_pb2 as pb
from services.finance.models import challans
from services.finance.tests.integration.test_bank_collection import issue, pay


@pytest.fixture
def treasury(users):
    return users.staff("treasury.officer", "treasury")


def set_fee(as_gateway, treasury, **fields):
    request = dict(fee_code="exam_centre_change", level="*", title="Change of Examination Center",
                   amount_paisa=100000, applies_from=clock.karachi_today().isoformat())
    return as_gateway.call("finance", "SetFee", pb.SetFeeRequest(**{**request, **fields}), caller=treasury)


def test_a_fee_set_from_a_later_day_leaves_today_as_it_was(as_requests, as_gateway, treasury):
    later = (clock.karachi_today() + dt.timedelta(days=7)).isoformat()  # not tomorrow: runs cross midnight
    set_fee(as_gateway, treasury, fee_code="course_change", title="Course Change Fee", amount_paisa=75000,
            applies_from=later)
    assert issue(as_requests, fee_code="course_change").amount_paisa == 50000  # today: the old row
    public = as_gateway.call("finance", "GetFeeSchedule", pb.GetFeeScheduleRequest())
    assert [f.amount_paisa for f in public.fees if f.fee_code == "course_change"] == [50000]
    rows = as_gateway.call("finance", "ListFeeRows", pb.ListFeeRowsRequest(), caller=treasury)
    assert [(f.amount_paisa, f.applies_from) for f in rows.fees if f.fee_code == "course_change"] == [
        (50000, "2020-01-01"), (75000, later)]


def test_the_late_fee_then_the_double_fee(runtime, as_requests, as_gateway, users, treasury):
    set_fee(as_gateway, treasury, late_fee_paisa=20000, double_after_days=10)
    challan = issue(as_requests, fee_code="exam_centre_change")
    assert (challan.amount_paisa, challan.amount_after_due_date_paisa) == (100000, 120000)
    with runtime.db.sessions() as s:
        issued = s.execute(sa.select(challans).where(challans.c.consumer_number == challan.consumer_number)).one()
    assert issued.amount_double_paisa == 200000
    assert issued.double_fee_from == issued.due_date + dt.timedelta(days=10)

    today = clock.karachi_today()
    with runtime.db.unit_of_work() as uow:  # as if issued long ago: due 12 days back, double from 2 days back
        uow.session.execute(sa.update(challans).where(challans.c.consumer_number == challan.consumer_number).values(
            issued_at=clock.utcnow() - dt.timedelta(days=30), due_date=today - dt.timedelta(days=12),
            double_fee_from=today - dt.timedelta(days=2), expires_on=today + dt.timedelta(days=20)))
        uow.commit()
    inquiry = as_gateway.call("finance", "BillInquiry", pb.BillInquiryRequest(
        consumer_number=challan.consumer_number, bank_mnemonic="ABL"), caller=users.bank("ABL"))
    assert inquiry.amount_after_due_date_paisa == 200000  # the double fee is due now
    assert pay(as_gateway, users, challan, key="FD0001", amount=120000,
               on=today - dt.timedelta(days=3)).response_code == "00"  # taken in the late fee's days


def test_treasury_cannot_rewrite_the_past_nor_invent_a_fee(as_gateway, users, treasury):
    yesterday = (clock.karachi_today() - dt.timedelta(days=1)).isoformat()
    for fields, field in (({"applies_from": yesterday}, "applies_from"), ({"fee_code": "lunch"}, "fee_code"),
                          ({"level": "kindergarten"}, "level"), ({"double_after_days": 400}, "double_after_days"),
                          ({"applies_from": "2026-02-30"}, "applies_from")):
        with pytest.raises(InvalidArgument) as refused:
            set_fee(as_gateway, treasury, **fields)
        assert refused.value.field == field
    with pytest.raises(PermissionDenied):
        set_fee(as_gateway, users.staff("exams.officer", "examinations"))
