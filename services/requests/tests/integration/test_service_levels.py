"""Service levels: a department's open requests by age and level, the decisions that came by
their day, and the escalation of overdue requests to the head (once). Real PostgreSQL and gRPC."""
import datetime as dt

import pytest
import sqlalchemy as sa

from campus import clock
from cms.requests.v1 import requests_pb2 as pb
from services.finance.tests.integration.test_bank_collection import outbox_events
from services.requests import service_levels
from services.requests.models import service_requests
from services.requests.tests.integration.test_filing import file

pytestmark = pytest.mark.integration


def services_staff(users):
    return users.staff("services.officer", "student_services")


def reached(runtime, number: str, days_ago: int) -> None:
    """As if the request reached its department this many days ago (a general query's level: 7)."""
    with runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(service_requests).where(service_requests.c.request_number == number)
                            .values(queued_at=clock.utcnow() - dt.timedelta(days=days_ago)))
        uow.commit()


def figures(gateway, users):
    return gateway.call("requests", "GetQueueFigures", pb.GetQueueFiguresRequest(), caller=services_staff(users))


def test_ages_levels_escalation_and_compliance(gateway, users, requests_runtime):
    numbers = [file(gateway, users, category="general_query", subtype="general_query", details=f"Q{n}").request_number
               for n in range(3)]
    for number, days in zip(numbers, (3, 10, 40), strict=True):
        reached(requests_runtime, number, days)
    seen = figures(gateway, users)
    assert {b.label: (b.within_level, b.overdue) for b in seen.buckets} == {
        "0-7": (1, 0), "8-14": (0, 1), "15-30": (0, 0), "31+": (0, 1)}
    assert (seen.open_total, seen.overdue_total, seen.escalated_total) == (3, 2, 0)

    assert service_levels.escalate_overdue(requests_runtime.db) == 2
    assert service_levels.escalate_overdue(requests_runtime.db) == 0  # once each
    escalated = [e["data"] for e in outbox_events(requests_runtime, "request_escalated")]
    assert sorted(e["request_number"] for e in escalated) == sorted(numbers[1:])
    assert {e["department"] for e in escalated} == {"student_services"}
    late = gateway.call("requests", "GetRequest", pb.GetRequestRequest(request_number=numbers[2]),
                        caller=services_staff(users))
    assert late.overdue and late.escalated_at
    assert late.history[-1].note.endswith("escalated to the head of student_services")
    assert figures(gateway, users).escalated_total == 2

    for number in numbers[:2]:
        gateway.call("requests", "DecideRequest", pb.DecideRequestRequest(
            request_number=number, decision="approve", reason="Answered"), caller=services_staff(users))
    seen = figures(gateway, users)
    assert (seen.decided_on_time, seen.decided_late, seen.open_total) == (1, 1, 1)


def test_another_departments_figures_are_not_hers(gateway, users):
    from campus.errors import PermissionDenied
    with pytest.raises(PermissionDenied):
        gateway.call("requests", "GetQueueFigures", pb.GetQueueFiguresRequest(department="treasury"),
                     caller=users.staff("exams.officer", "examinations"))


def test_a_decided_request_closes_after_its_days(gateway, users, requests_runtime):
    number = file(gateway, users, category="general_query", subtype="general_query", details="Close me").request_number
    gateway.call("requests", "DecideRequest", pb.DecideRequestRequest(
        request_number=number, decision="approve", reason="Answered"), caller=services_staff(users))
    assert service_levels.close_decided(requests_runtime.db, after_days=30) == 0  # decided today
    with requests_runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(service_requests).where(service_requests.c.request_number == number)
                            .values(updated_at=clock.utcnow() - dt.timedelta(days=31)))
        uow.commit()
    assert service_levels.close_decided(requests_runtime.db, after_days=30) == 1
    closed = gateway.call("requests", "GetRequest", pb.GetRequestRequest(request_number=number),
                          caller=services_staff(users))
    assert closed.status == "closed" and closed.history[-1].note == "closed 30 days after its decision"
    assert service_levels.close_decided(requests_runtime.db, after_days=30) == 0
