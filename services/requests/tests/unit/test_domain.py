"""Service request rules: numbers, statuses and what a payment does."""
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
