"""Login throttling with a fake clock: per IP with exponential waits, and an account-wide
limit that never stops an IP that has not failed."""
import datetime as dt

from services.identity import domain
from services.identity.domain import IpFailures

T0 = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self):
        self.now = T0

    def advance(self, seconds: float) -> dt.datetime:
        self.now += dt.timedelta(seconds=seconds)
        return self.now


def failures_at(clock, count):
    return IpFailures(count, clock.now)


def test_four_failures_cost_nothing_the_fifth_costs_thirty_seconds():
    clock = FakeClock()
    assert domain.retry_after(failures_at(clock, 4), [], clock.now) == 0
    ip = failures_at(clock, 5)
    assert domain.retry_after(ip, [], clock.now) == 30
    assert domain.retry_after(ip, [], clock.advance(29)) == 1
    assert domain.retry_after(ip, [], clock.advance(1)) == 0


def test_waits_double_and_stop_at_fifteen_minutes():
    assert [domain.ip_delay(n) for n in range(4, 11)] == [0, 30, 60, 120, 240, 480, 900]
    assert domain.ip_delay(1000) == 900


def test_an_ip_without_failures_is_never_held_back():
    clock = FakeClock()
    storm = [clock.now - dt.timedelta(seconds=i) for i in range(500)]
    assert domain.retry_after(None, storm, clock.now) == 0
    assert domain.retry_after(IpFailures(0, clock.now), storm, clock.now) == 0


def test_account_wide_limit_holds_back_every_ip_that_failed_once():
    clock = FakeClock()
    storm = [clock.now - dt.timedelta(seconds=10 * i) for i in range(domain.ACCOUNT_LIMIT)]
    one_failure = IpFailures(1, clock.now)
    wait = domain.retry_after(one_failure, storm, clock.now)
    # Open again when the oldest of the fifty leaves the fifteen-minute window.
    assert wait == 15 * 60 - 10 * (domain.ACCOUNT_LIMIT - 1)
    assert domain.retry_after(one_failure, storm[:-1], clock.now) == 0
    assert domain.retry_after(one_failure, storm, clock.advance(wait)) == 0


def test_failures_outside_the_window_do_not_count():
    clock = FakeClock()
    old = [clock.now - dt.timedelta(minutes=16, seconds=i) for i in range(200)]
    assert domain.retry_after(IpFailures(1, clock.now), old, clock.now) == 0


def test_the_longer_of_the_two_waits_applies():
    clock = FakeClock()
    storm = [clock.now] * domain.ACCOUNT_LIMIT
    assert domain.retry_after(IpFailures(9, clock.now), storm, clock.now) == 900
