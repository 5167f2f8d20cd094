"""Unit tests: what comes next in a case and when, from how long recent cases took at each
stage (median for the date, 90th percentile for "usually within N days"), and the target
when there are too few cases yet."""
import datetime as dt
from types import SimpleNamespace as Row

import pytest

from cms.cases.v1 import cases_pb2
from gateway.blueprints import case_timeline
from gateway.tests.unit.exams_pages import page_app


@pytest.fixture(scope="module")
def app():
    return page_app()


def spreads(**days):
    return {stage: cases_pb2.StageDuration(stage=stage, median_days=m, p90_days=p, cases=20)
            for stage, (m, p) in days.items()}


def application(stage, *, history_at="2026-12-01T05:00:00Z", rejected=False):
    return Row(stage=stage, rejected=rejected, tracking_id="EBN-AGZ-2G33", target_date="2026-12-15",
               history=[Row(stage=stage, changed_at=history_at)])


PACE = spreads(received=(1, 2), verification=(3, 6), objection=(12, 28), printing=(2, 4), ready=(1.5, 3),
               dispatched=(2, 5))


def test_the_next_stage_and_the_end_from_the_pace_of_recent_cases(app):
    with app.test_request_context("/?lang=en"):
        step, eta, usually = case_timeline._application_outlook(application("verification"), PACE)
    assert step == {"what": "Application EBN-AGZ-2G33: Printing", "eta": "2026-12-04", "usually_within_days": 6}
    # verification 3 + printing 2 + ready 1.5 + dispatched 2 = 8.5 days: the 10th; 6+4+3+5 = 18 at most for nine in ten
    assert (eta, usually) == ("2026-12-10", 18)


def test_an_open_objection_waits_for_her_answer_first(app):
    with app.test_request_context("/?lang=en"):
        step, eta, usually = case_timeline._application_outlook(application("objection"), PACE)
    assert step["what"] == "Your answer to the objection, then verification"
    assert (step["eta"], step["usually_within_days"]) == ("2026-12-13", 28)
    assert eta == (dt.date(2026, 12, 1) + dt.timedelta(days=21)).isoformat()   # 12 + 3 + 2 + 1.5 + 2 = 20.5


def test_too_few_cases_fall_back_to_the_university_s_target(app):
    with app.test_request_context("/?lang=en"):
        step, eta, usually = case_timeline._application_outlook(application("printing"), spreads(received=(1, 2)))
    assert (step["eta"], step["usually_within_days"], eta, usually) == (None, None, "2026-12-15", None)


@pytest.mark.parametrize("stage, rejected", [("delivered", False), ("objection", True)])
def test_a_case_that_is_over_has_no_next_step(app, stage, rejected):
    with app.test_request_context("/?lang=en"):
        assert case_timeline._application_outlook(application(stage, rejected=rejected), PACE) == (None, None, None)


def test_a_request_waits_for_its_department_at_its_own_pace(app):
    request = Row(status="in_process", department="student_services", due_by="2026-12-20",
                  challan=Row(consumer_number="", due_date=""), history=[Row(changed_at="2026-12-01T05:00:00Z")])
    with app.test_request_context("/?lang=en"):
        step, eta, usually = case_timeline._request_outlook(request, spreads(in_process=(4, 9)))
        fallback, _, _ = case_timeline._request_outlook(request, {})
        unpaid, _, _ = case_timeline._request_outlook(
            Row(status="awaiting_payment", challan=Row(consumer_number="100123", due_date="2026-12-09")), {})
    assert (step["what"], eta, usually) == ("A decision by Student services", "2026-12-05", 9)
    assert fallback["eta"] == "2026-12-20"   # the service level's day
    assert (unpaid["what"], unpaid["eta"]) == ("Pay challan 100123 at a bank", "2026-12-09")
