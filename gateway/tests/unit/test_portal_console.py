"""The department's console: its service levels drawn on the server (a chart and its table)
and its queue with each request's level, from answers requests gives (a double)."""
import pytest

from cms.requests.v1 import requests_pb2 as pb
from gateway.blueprints import public as public_api
from gateway.tests.unit.test_portal_admissions import STUDENT_SERVICES, app, as_staff, text  # noqa: F401

pytestmark = pytest.mark.unit

FIGURES = pb.QueueFigures(buckets=[pb.AgeBucket(label="0-7", within_level=2), pb.AgeBucket(label="8-14", overdue=1),
                                   pb.AgeBucket(label="15-30"), pb.AgeBucket(label="31+", overdue=1)],
                          open_total=4, overdue_total=2, escalated_total=1, decided_on_time=9, decided_late=3)
LATE = pb.ServiceRequest(request_number="SR-2026-000042", registration_number="22P-123456", title="General Query",
                         status="in_process", department="student_services", filed_at="2026-11-01T05:00:00Z",
                         updated_at="2026-11-02T05:00:00Z", due_by="2026-11-08", overdue=True,
                         assigned_to="student.services")


class Requests:
    def __init__(self):
        self.asked = []

    def call(self, service, method, message, **_kwargs):
        self.asked.append((method, message))
        if method == "GetQueueFigures":
            return FIGURES
        if method == "ListDepartmentQueue":
            return pb.ListStudentRequestsResponse(requests=[LATE])
        raise AssertionError(f"not asked for {service}.{method}")


def test_the_console_draws_its_service_levels_and_marks_the_overdue(app, as_staff, monkeypatch):  # noqa: F811
    double = Requests()
    monkeypatch.setattr(app.extensions["cms_gateway"], "clients", double)
    monkeypatch.setattr(public_api, "catalogue_for", lambda level: {"categories": [{"code": "general_query",
        "title": "General Query", "subtypes": [{"code": "general_query", "title": "General Query",
                                                "department": "student_services"}]}]})
    response = as_staff(STUDENT_SERVICES).get("/staff?overdue=true&mine=1")
    html = text(response)
    assert response.status_code == 200
    assert '<figure class="chart" data-chart="queue-ages"><svg' in html
    assert 'data-compliance="75"' in html  # 9 of 12 decided by their day
    assert 'data-bucket="8-14"><td class="code">8-14</td><td>0</td><td>1</td>' in html
    assert 'tr data-request="SR-2026-000042" data-overdue' in html and 'href="/staff/requests/SR-2026-000042"' in html
    queue = next(m for method, m in double.asked if method == "ListDepartmentQueue")
    assert queue.overdue_only and queue.assigned_to == "student.services"


def test_bad_filters_are_a_400_not_an_error(app, as_staff, monkeypatch):  # noqa: F811
    monkeypatch.setattr(app.extensions["cms_gateway"], "clients", Requests())
    monkeypatch.setattr(public_api, "catalogue_for", lambda level: {"categories": []})
    assert as_staff(STUDENT_SERVICES).get("/staff?older_than_days=-4").status_code == 400
