"""Refunds against real PostgreSQL over gRPC: a "Refund of Fee" request becomes treasury's
case once; the rule of its ground sets the amount from the paid challan; approval grants and
pays it out in her ledger (balance unchanged) with `refund_paid` and `finance_case_decided`;
a refusal needs its reason; a case is decided once and a challan refunded once."""
import json

import pytest
import sqlalchemy as sa

from campus.errors import FailedPrecondition, InvalidArgument, PermissionDenied
from cms.finance.v1 import finance_pb2 as pb
from cms.requests.v1.events_pb2 import RequestSubmitted
from services.finance import refunds, service
from services.finance.tests.integration.test_bank_collection import issue, pay

REGNO = "23F-730001"


@pytest.fixture
def treasury(users):
    return users.staff("treasury.officer", "treasury")


def open_case(runtime, number, subtype, details="I switched to BS English before my books came"):
    submitted = RequestSubmitted(request_number=number, registration_number=REGNO, category="fee_refund",
                                 subtype=subtype, department="treasury", status="submitted", details=details)
    with runtime.db.unit_of_work() as uow:
        opened = refunds.open_case(uow, submitted)
        uow.commit()
    return opened


def events(runtime, kind, number):
    with runtime.db.sessions() as s:
        rows = s.execute(sa.select(runtime.db.outbox.c.envelope).where(
            runtime.db.outbox.c.event_type == kind)).scalars()
        return [e for e in map(json.loads, rows) if e["data"].get("request_number") == number]


def test_a_refund_is_computed_by_its_rule_and_paid_out_once(runtime, as_requests, as_gateway, users, treasury):
    paid = issue(as_requests, regno=REGNO, fee_code="semester_fee")  # B.Ed: Rs 19,575
    assert pay(as_gateway, users, paid, key="RF0001").response_code == "00"
    assert open_case(runtime, "SR-2026-930001", "refund_program_switch")
    assert not open_case(runtime, "SR-2026-930001", "refund_program_switch")  # redelivered: one case
    other = RequestSubmitted(request_number="SR-2026-930002", registration_number=REGNO, category="financial_aid",
                             subtype="merit_scholarship", department="student_services", status="submitted")
    with runtime.db.unit_of_work() as uow:
        assert not refunds.open_case(uow, other)  # not a refund: not treasury's case

    listed = as_gateway.call("finance", "ListRefundCases", pb.ListRefundCasesRequest(), caller=treasury)
    case = next(c for c in listed.cases if c.request_number == "SR-2026-930001")
    assert list(case.grounds) == ["program_switch_after_books", "program_switch_before_books"]
    assert [c.consumer_number for c in case.paid_challans] == [paid.consumer_number]
    assert {r.ground: r.deduction_percent for r in listed.rules}["program_switch_before_books"] == 10

    with pytest.raises(InvalidArgument) as wrong_ground:
        as_gateway.call("finance", "DecideRefund", pb.DecideRefundRequest(
            request_number="SR-2026-930001", approve=True, consumer_number=paid.consumer_number,
            ground="program_not_offered"), caller=treasury)
    assert wrong_ground.value.field == "ground"
    decide = pb.DecideRefundRequest(request_number="SR-2026-930001", approve=True,
                                    consumer_number=paid.consumer_number, ground="program_switch_before_books")
    decided = as_gateway.call("finance", "DecideRefund", decide, caller=treasury)
    assert (decided.status, decided.base_paisa, decided.amount_paisa) == ("approved", 1957500, 1761750)
    assert as_gateway.call("finance", "DecideRefund", decide, caller=treasury).amount_paisa == 1761750  # a retry
    ledger = service.ledger_of(runtime.db, REGNO)
    assert [(e.kind, e.debit_paisa, e.credit_paisa) for e in ledger[-2:]] == [
        ("refund_granted", 0, 1761750), ("refund_paid", 1761750, 0)]
    assert ledger[-1].balance_paisa == 0
    assert [e["data"]["amount_paisa"] for e in events(runtime, "refund_paid", "SR-2026-930001")] == ["1761750"]
    closed = events(runtime, "finance_case_decided", "SR-2026-930001")
    assert len(closed) == 1 and closed[0]["data"]["outcome"] == "approved"
    assert closed[0]["data"]["note"] == "Refund of Rs 17,617.50 approved"

    # The same challan is not refunded twice, by another case either.
    assert open_case(runtime, "SR-2026-930003", "refund_excess_payment")
    with pytest.raises(InvalidArgument) as twice:
        as_gateway.call("finance", "DecideRefund", pb.DecideRefundRequest(
            request_number="SR-2026-930003", approve=True, consumer_number=paid.consumer_number,
            ground="excess_payment"), caller=treasury)
    assert twice.value.field == "consumer_number"
    with pytest.raises(FailedPrecondition):  # decided: the other decision is refused
        as_gateway.call("finance", "DecideRefund", pb.DecideRefundRequest(
            request_number="SR-2026-930001", approve=False, note="changed my mind"), caller=treasury)


def test_a_refusal_needs_its_reason_and_only_treasury_decides(runtime, as_gateway, users, treasury):
    assert open_case(runtime, "SR-2026-930010", "refund_program_not_offered")
    refuse = pb.DecideRefundRequest(request_number="SR-2026-930010", approve=False)
    with pytest.raises(InvalidArgument) as silent:
        as_gateway.call("finance", "DecideRefund", refuse, caller=treasury)
    assert silent.value.field == "note"
    with pytest.raises(PermissionDenied):
        as_gateway.call("finance", "DecideRefund", refuse, caller=users.staff("student.services", "student_services"))
    refuse.note = "The programme is offered this semester: no refund is due"
    assert as_gateway.call("finance", "DecideRefund", refuse, caller=treasury).status == "rejected"
    closed = events(runtime, "finance_case_decided", "SR-2026-930010")
    assert [(e["data"]["outcome"], e["data"]["note"]) for e in closed] == [("rejected", refuse.note)]
    assert events(runtime, "refund_paid", "SR-2026-930010") == []


def test_the_rule_of_the_day_decides(runtime):
    import datetime as dt

    from campus import clock
    from services.finance.models import refund_rules
    later = clock.karachi_today() + dt.timedelta(days=7)  # not tomorrow: runs cross midnight
    with runtime.db.unit_of_work() as uow:  # a new rule announced for a later day
        uow.session.execute(sa.insert(refund_rules).values(
            ground="program_switch_before_books", applies_from=later, subtype="refund_program_switch",
            title="Programme switched before the books: the fee less 20%", deduction_percent=20))
        uow.commit()
    with runtime.db.sessions() as s:
        today = {r.ground: r.deduction_percent for r in refunds.rules_in_force(s)}
        then = {r.ground: r.deduction_percent for r in refunds.rules_in_force(s, later)}
    assert (today["program_switch_before_books"], then["program_switch_before_books"]) == (10, 20)
    assert refunds.refund_amount(1957500, 10) == 1761750
    assert refunds.refund_amount(1001, 10) == 900       # the part paisa stays with the university
    assert refunds.refund_amount(50000, 100) == 0


def test_a_payment_reversed_after_the_decision_is_a_fee_treasury_recovers(runtime, as_gateway, treasury):
    from cms.requests.v1.events_pb2 import PaymentReversedAfterDecision
    from services.finance import recoveries
    told = PaymentReversedAfterDecision(request_number="SR-2026-930020", registration_number=REGNO,
                                        consumer_number="100710000000007777", status="resolved", bank_mnemonic="ABL",
                                        reversed_at="2026-12-06T10:00:00+00:00")
    with runtime.db.unit_of_work() as uow:
        assert recoveries.tell_treasury(uow, told) and not recoveries.tell_treasury(uow, told)  # once
        uow.commit()
    waiting = as_gateway.call("finance", "ListRecoveries", pb.ListRecoveriesRequest(), caller=treasury).recoveries
    assert [r.request_number for r in waiting if r.request_number == "SR-2026-930020"] == ["SR-2026-930020"]
    with pytest.raises(InvalidArgument):
        as_gateway.call("finance", "MarkRecovered", pb.MarkRecoveredRequest(request_number="SR-2026-930020"),
                        caller=treasury)
    done = as_gateway.call("finance", "MarkRecovered", pb.MarkRecoveredRequest(
        request_number="SR-2026-930020", note="Paid again at the counter, receipt 88"), caller=treasury)
    assert done.recovered_by.startswith("staff:treasury.officer")
    with pytest.raises(FailedPrecondition):
        as_gateway.call("finance", "MarkRecovered", pb.MarkRecoveredRequest(
            request_number="SR-2026-930020", note="again"), caller=treasury)
