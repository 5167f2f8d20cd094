"""Service request rules: numbers, statuses and what a payment does."""
import pytest

from services.requests import domain


def test_request_numbers():
    assert domain.request_number(2026, 123) == "SR-2026-000123"


def test_fee_bearing_requests_wait_for_payment():
    assert domain.initial_status(has_fee=True) == domain.FILING
    assert domain.initial_status(has_fee=False) == domain.SUBMITTED


def test_payment_moves_only_a_request_awaiting_it():
    assert domain.status_after_payment(domain.AWAITING_PAYMENT) == domain.IN_PROCESS
    assert domain.status_after_payment(domain.FILING) == domain.IN_PROCESS  # paid before filing finished
    for status in (domain.IN_PROCESS, domain.RESOLVED, domain.REJECTED, domain.SUBMITTED):
        assert domain.status_after_payment(status) is None


def test_transitions():
    assert domain.can_move(domain.SUBMITTED, domain.IN_PROCESS)
    assert domain.can_move(domain.IN_PROCESS, domain.RESOLVED)
    assert not domain.can_move(domain.RESOLVED, domain.IN_PROCESS)
    assert not domain.can_move(domain.AWAITING_PAYMENT, domain.RESOLVED)


def test_regional_staff_are_limited_to_their_centre_and_others_are_not():
    assert domain.centre_scope("staff", "regional", "ISB") == "ISB"
    for kind, department, centre in [("staff", "examinations", ""), ("staff", "student_services", "LHR"),
                                     ("student", "", ""), ("service", "", "")]:
        assert domain.centre_scope(kind, department, centre) is None
    with pytest.raises(domain.NoCentre):
        domain.centre_scope("staff", "regional", "")


def test_a_request_without_a_centre_is_in_no_centres_scope():
    assert domain.in_scope(None, "ISB") and domain.in_scope(None, "")
    assert domain.in_scope("ISB", "ISB")
    assert not domain.in_scope("ISB", "LHR") and not domain.in_scope("ISB", "")
    assert not domain.in_scope("", "") and not domain.in_scope("", "ISB")  # a regional token without a centre
