"""Each student's ledger against real PostgreSQL: every movement an entry with who posted
it, a running balance, entries that cannot be changed, and challans that expire unpaid
cancelled in it."""
import datetime as dt

import pytest
import sqlalchemy as sa

from campus import clock
from cms.finance.v1 import finance_pb2 as pb
from services.finance import service
from services.finance.models import challans, ledger_entries
from services.finance.tests.integration.test_bank_collection import issue, outbox_events, pay

REGNO = "23F-700001"


def account(as_gateway, users, regno=REGNO):
    return as_gateway.call("finance", "GetStudentAccount", pb.GetStudentAccountRequest(registration_number=regno),
                           caller=users.student(regno))


def test_the_ledger_lists_each_movement_with_the_balance_after_it(as_requests, as_gateway, users):
    first = issue(as_requests, regno=REGNO)
    second = issue(as_requests, regno=REGNO, fee_code="course_change")
    assert pay(as_gateway, users, first, key="LG0001").response_code == "00"
    ledger = account(as_gateway, users).ledger
    assert [(e.kind, e.consumer_number, e.debit_paisa, e.credit_paisa) for e in ledger] == [
        ("charge", first.consumer_number, 200000, 0), ("charge", second.consumer_number, 50000, 0),
        ("payment", first.consumer_number, 0, 200000)]
    assert [e.balance_paisa for e in ledger] == [200000, 250000, 50000]
    assert account(as_gateway, users).balance_paisa == 50000
    assert ledger[2].posted_by == "bank:ABL via gateway" and ledger[2].description == "Paid at ABL (LG0001)"
    assert ledger[0].posted_by.startswith("service:requests")


def test_an_entry_cannot_be_changed_or_deleted(runtime, as_requests):
    challan = issue(as_requests, regno="23F-700002")
    for statement in (sa.update(ledger_entries).values(amount_paisa=1), sa.delete(ledger_entries)):
        with pytest.raises(sa.exc.DBAPIError, match="cannot be changed or deleted"):
            with runtime.db.unit_of_work() as uow:
                uow.session.execute(statement.where(ledger_entries.c.consumer_number == challan.consumer_number))
                uow.commit()


def _expire(runtime, consumer_number, days_ago):
    with runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(challans).where(challans.c.consumer_number == consumer_number).values(
            due_date=clock.karachi_today() - dt.timedelta(days=days_ago + 30),
            expires_on=clock.karachi_today() - dt.timedelta(days=days_ago)))
        uow.commit()


def test_a_challan_that_expired_unpaid_is_cancelled_once_no_bank_can_still_post_it(
        runtime, as_requests, as_gateway, users):
    regno = "23F-700003"
    recent, old = issue(as_requests, regno=regno), issue(as_requests, regno=regno)
    _expire(runtime, recent.consumer_number, days_ago=1)  # a bank may still post a payment taken in time
    _expire(runtime, old.consumer_number, days_ago=runtime.config.bank_backdate_days + 2)
    assert service.close_expired_challans(runtime.db, runtime.config) >= 1
    assert service.close_expired_challans(runtime.db, runtime.config) == 0  # closed once
    statement = account(as_gateway, users, regno).ledger
    cancelled = [e for e in statement if e.kind == "cancellation"]
    assert [(e.consumer_number, e.credit_paisa) for e in cancelled] == [(old.consumer_number, old.amount_paisa)]
    assert cancelled[0].description.startswith("Cancelled (expired unpaid)")
    assert statement[-1].balance_paisa == recent.amount_paisa
    closed = service.get_challan(runtime.db, old.consumer_number)
    assert (closed.status, closed.closed_reason) == ("blocked", "expired unpaid")
    assert service.get_challan(runtime.db, recent.consumer_number).status == "unpaid"
    told = [e["data"] for e in outbox_events(runtime, "challan_closed")
            if e["data"]["consumer_number"] in (old.consumer_number, recent.consumer_number)]
    assert [(e["consumer_number"], e["why"], e["reference"]) for e in told] == [
        (old.consumer_number, "expired", old.reference)]  # what waited on it stops waiting (a request)


def test_another_students_ledger_is_not_hers(as_gateway, users):
    from campus.errors import PermissionDenied
    with pytest.raises(PermissionDenied):
        as_gateway.call("finance", "GetStudentAccount", pb.GetStudentAccountRequest(registration_number=REGNO),
                        caller=users.student("23F-700009"))
