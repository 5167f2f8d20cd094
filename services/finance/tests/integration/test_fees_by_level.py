"""Each program level pays its own fee, over finance's real gRPC server and migrated schedule."""
import itertools

import pytest

from campus import testing
from campus.errors import FailedPrecondition, InvalidArgument
from cms.finance.v1 import finance_pb2 as pb

_refs = itertools.count(1)


@pytest.fixture
def as_requests(service_addr):
    return testing.clients_as("requests", {"finance": service_addr})


def issue(clients, fee_code, level):
    return clients.call("finance", "IssueChallan", pb.IssueChallanRequest(
        registration_number="23A-654321", fee_code=fee_code, level=level,
        reference=f"LVL-{fee_code}-{level}-{next(_refs)}", description=fee_code, payer_name="Bilal Ahmed"))


@pytest.mark.parametrize("fee_code, level, paisa", [
    ("semester_fee", "ade", 1120500),     # ADE, Rs 11,205: no longer the BA fee
    ("semester_fee", "ba", 273500),       # BA / Associate Degree, Rs 2,735
    ("semester_fee", "bed", 1957500),     # B.Ed 1.5 year, Rs 19,575
    ("semester_fee", "med", 1357500),     # M.Ed, Rs 13,575
    ("degree_urgent", "bed", 200000),
    ("degree_urgent", "bs", 240000),
    ("course_change", "ade", 50000),      # the same for every level
])
def test_the_challan_carries_the_levels_own_fee(as_requests, fee_code, level, paisa):
    assert issue(as_requests, fee_code, level).amount_paisa == paisa


@pytest.mark.parametrize("fee_code, level", [("semester_fee", "bs"), ("semester_fee", "ma_msc"),
                                             ("degree_urgent", "ma_msc_bs"), ("degree_urgent", "")])
def test_a_level_without_that_fee_is_refused_naming_the_level(as_requests, fee_code, level):
    with pytest.raises(FailedPrecondition) as gap:
        issue(as_requests, fee_code, level)
    assert gap.value.field == "level"


def test_an_unknown_fee_code_is_an_invalid_argument(as_requests):
    with pytest.raises(InvalidArgument) as bad:
        issue(as_requests, "no_such_fee", "bed")
    assert bad.value.field == "fee_code"


def test_the_published_schedule_has_no_merged_levels(as_gateway):
    fees = as_gateway.call("finance", "GetFeeSchedule", pb.GetFeeScheduleRequest()).fees
    levels = {f.level for f in fees}
    assert "ma_msc_bs" not in levels
    assert {"ade", "bed", "bed4", "bs", "ma_msc", "med", "*"} <= levels
    assert {(f.level, f.amount_paisa) for f in fees if f.fee_code == "semester_fee"} == {
        ("ba", 273500), ("ade", 1120500), ("bed", 1957500), ("med", 1357500)}
