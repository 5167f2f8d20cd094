"""Financial aid against real PostgreSQL over gRPC: an award is refunded from a paid semester
fee, or waits for the next semester fee's challan, which asks for that much less (or is
issued paid by the aid fund when the award covers it); a refusal needs its reason; student
services and treasury decide, nobody else."""
import json

import pytest
import sqlalchemy as sa

from campus.errors import InvalidArgument, PermissionDenied
from cms.finance.v1 import finance_pb2 as pb
from cms.requests.v1.events_pb2 import RequestSubmitted
from services.finance import aid, service
from services.finance.tests.integration.test_bank_collection import issue, pay


@pytest.fixture
def officer(users):
    return users.staff("student.services", "student_services")


def open_case(runtime, number, regno):
    with runtime.db.unit_of_work() as uow:
        opened = aid.open_case(uow, RequestSubmitted(
            request_number=number, registration_number=regno, category="financial_aid",
            subtype="need_based_financial_aid", department="student_services", status="submitted",
            details="My father lost his job this year"))
        uow.commit()
    return opened


def award(as_gateway, officer, number, rupees):
    return as_gateway.call("finance", "DecideAid", pb.DecideAidRequest(
        request_number=number, award=True, amount_paisa=rupees * 100), caller=officer)


def kinds(runtime, regno):
    return [(e.kind, e.debit_paisa, e.credit_paisa) for e in service.ledger_of(runtime.db, regno)]


def test_an_award_is_refunded_from_the_semester_fee_she_paid(runtime, as_requests, as_gateway, users, officer):
    regno = "23F-740001"
    paid = issue(as_requests, regno=regno, fee_code="semester_fee")
    assert pay(as_gateway, users, paid, key="AD0001").response_code == "00"
    assert open_case(runtime, "SR-2026-940001", regno) and not open_case(runtime, "SR-2026-940001", regno)
    listed = as_gateway.call("finance", "ListAidCases", pb.ListAidCasesRequest(), caller=officer)
    case = next(c for c in listed.cases if c.request_number == "SR-2026-940001")
    assert case.latest_semester_fee.consumer_number == paid.consumer_number
    decided = award(as_gateway, officer, "SR-2026-940001", 5000)
    assert (decided.status, decided.refunded_paisa, decided.remaining_paisa) == ("awarded", 500000, 0)
    assert award(as_gateway, officer, "SR-2026-940001", 5000).refunded_paisa == 500000  # a retry
    assert kinds(runtime, regno)[-2:] == [("concession", 0, 500000), ("refund_paid", 500000, 0)]
    assert service.ledger_of(runtime.db, regno)[-1].balance_paisa == 0


def test_an_award_waits_for_her_next_semester_fee(runtime, as_requests, as_gateway, users, officer):
    regno = "23F-740002"
    assert open_case(runtime, "SR-2026-940002", regno)
    decided = award(as_gateway, officer, "SR-2026-940002", 5000)
    assert (decided.refunded_paisa, decided.remaining_paisa) == (0, 500000)
    challan = issue(as_requests, regno=regno, fee_code="semester_fee")  # B.Ed: Rs 19,575
    assert challan.amount_paisa == 1957500 - 500000
    assert kinds(runtime, regno) == [("charge", 1957500, 0), ("concession", 0, 500000)]
    assert aid.get_case(runtime.db, "SR-2026-940002").remaining_paisa == 0  # spent once
    assert issue(as_requests, regno=regno, fee_code="semester_fee").amount_paisa == 1957500  # the next: full


def test_an_award_that_covers_the_fee_pays_it_and_keeps_the_rest(runtime, as_requests, as_gateway, officer):
    regno = "23F-740003"
    assert open_case(runtime, "SR-2026-940003", regno)
    award(as_gateway, officer, "SR-2026-940003", 20000)
    challan = issue(as_requests, regno=regno, fee_code="semester_fee")
    row = service.get_challan(runtime.db, challan.consumer_number)
    assert (row.status, row.bank_mnemonic, row.amount_paisa) == ("paid", "AID", 1957500)
    assert service.ledger_of(runtime.db, regno)[-1].balance_paisa == 0
    with runtime.db.sessions() as s:
        paid = [json.loads(e) for e in s.execute(sa.select(runtime.db.outbox.c.envelope).where(
            runtime.db.outbox.c.event_type == "challan_paid")).scalars()]
    assert [e["data"]["bank_mnemonic"] for e in paid if e["data"]["consumer_number"] == challan.consumer_number] \
        == ["AID"]
    assert aid.get_case(runtime.db, "SR-2026-940003").remaining_paisa == 2000000 - 1957500


def test_a_refusal_needs_its_reason_and_only_the_two_departments_decide(runtime, as_gateway, users, officer):
    assert open_case(runtime, "SR-2026-940004", "23F-740004")
    refuse = pb.DecideAidRequest(request_number="SR-2026-940004", award=False)
    with pytest.raises(InvalidArgument) as silent:
        as_gateway.call("finance", "DecideAid", refuse, caller=officer)
    assert silent.value.field == "note"
    with pytest.raises(InvalidArgument) as nothing:
        as_gateway.call("finance", "DecideAid", pb.DecideAidRequest(request_number="SR-2026-940004", award=True),
                        caller=officer)
    assert nothing.value.field == "amount"
    with pytest.raises(PermissionDenied):
        as_gateway.call("finance", "DecideAid", refuse, caller=users.staff("exams.officer", "examinations"))
    refuse.note = "Income above the need-based limit this year"
    assert as_gateway.call("finance", "DecideAid", refuse,
                           caller=users.staff("treasury.officer", "treasury")).status == "rejected"


def test_awards_never_give_back_more_than_she_paid_nor_what_the_aid_fund_paid(
        runtime, as_requests, as_gateway, users, officer):
    regno = "23F-740005"
    paid = issue(as_requests, regno=regno, fee_code="semester_fee")  # B.Ed: Rs 19,575
    assert pay(as_gateway, users, paid, key="AD0005").response_code == "00"
    assert open_case(runtime, "SR-2026-940005", regno) and open_case(runtime, "SR-2026-940006", regno)
    first = award(as_gateway, officer, "SR-2026-940005", 15000)
    second = award(as_gateway, officer, "SR-2026-940006", 10000)
    assert (first.refunded_paisa, first.remaining_paisa) == (1500000, 0)
    assert (second.refunded_paisa, second.remaining_paisa) == (457500, 542500)  # what was left of the fee
    given = [e.debit_paisa for e in service.ledger_of(runtime.db, regno) if e.kind == "refund_paid"]
    assert sum(given) == 1957500
    # Her next semester fee is 5,425 less; one the aid fund paid whole gives nothing back.
    assert issue(as_requests, regno=regno, fee_code="semester_fee").amount_paisa == 1957500 - 542500

    regno = "23F-740006"
    assert open_case(runtime, "SR-2026-940007", regno) and open_case(runtime, "SR-2026-940008", regno)
    award(as_gateway, officer, "SR-2026-940007", 20000)
    covered = issue(as_requests, regno=regno, fee_code="semester_fee")
    assert service.get_challan(runtime.db, covered.consumer_number).bank_mnemonic == "AID"
    later = award(as_gateway, officer, "SR-2026-940008", 1000)
    assert (later.refunded_paisa, later.remaining_paisa) == (0, 100000)
