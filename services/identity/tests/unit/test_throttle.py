"""Login throttling with a fake clock: per client group (an IPv4 address, an IPv6 /64)
with exponential waits, and an account-wide limit that holds back every group the
account has not lately signed in from, failed or not."""
import datetime as dt

import pytest

from services.identity import domain
from services.identity.domain import Client, GroupFailures

T0 = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self):
        self.now = T0

    def advance(self, seconds: float) -> dt.datetime:
        self.now += dt.timedelta(seconds=seconds)
        return self.now


def failures_at(clock, count):
    return GroupFailures(count, clock.now)


def storm_at(clock, count=domain.ACCOUNT_LIMIT, every=10):
    """`count` failures of the account from anywhere, one every `every` seconds up to now."""
    return [clock.now - dt.timedelta(seconds=every * i) for i in range(count)]


# -- client groups ----------------------------------------------------------------------
@pytest.mark.parametrize("ip, group", [
    ("203.0.113.7", "203.0.113.7"),
    (" 203.0.113.7 ", "203.0.113.7"),
    ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
    ("2001:0db8:0001:0002:0000:0000:0000:0001", "2001:db8:1:2::/64"),
    ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
    ("::ffff:203.0.113.7", "203.0.113.7"),      # an IPv4 client seen through an IPv6 socket
    ("fe80::1%eth0", "fe80::/64"),
    ("", ""),
])
def test_client_groups(ip, group):
    assert domain.client_group(ip) == group


def test_every_address_of_an_ipv6_64_is_one_client_but_ipv4_neighbours_are_not():
    assert domain.client_group("2001:db8:1:2::a") == domain.client_group("2001:db8:1:2:ffff::9")
    assert domain.client_group("2001:db8:1:2::a") != domain.client_group("2001:db8:1:3::a")
    assert domain.client_group("198.51.100.1") != domain.client_group("198.51.100.2")
    assert Client(ip="2001:db8:1:2::a").group == "2001:db8:1:2::/64"


# -- a group's own failures -------------------------------------------------------------------
def test_four_failures_cost_nothing_the_fifth_costs_thirty_seconds():
    clock = FakeClock()
    assert domain.retry_after(failures_at(clock, 4), [], clock.now) == 0
    group = failures_at(clock, 5)
    assert domain.retry_after(group, [], clock.now) == 30
    assert domain.retry_after(group, [], clock.advance(29)) == 1
    assert domain.retry_after(group, [], clock.advance(1)) == 0


def test_waits_double_and_stop_at_fifteen_minutes():
    assert [domain.group_delay(n) for n in range(4, 11)] == [0, 30, 60, 120, 240, 480, 900]
    assert domain.group_delay(1000) == 900


def test_a_known_group_still_waits_for_its_own_failures():
    clock = FakeClock()
    assert domain.retry_after(failures_at(clock, 5), [], clock.now, last_success=clock.now - dt.timedelta(days=1)) == 30


# -- the account-wide limit ------------------------------------------------------------------
def test_below_the_limit_a_fresh_group_goes_ahead():
    clock = FakeClock()
    assert domain.retry_after(None, storm_at(clock, domain.ACCOUNT_LIMIT - 1), clock.now) == 0


def test_at_the_limit_a_fresh_group_waits_although_it_never_failed():
    clock = FakeClock()
    storm = storm_at(clock)
    wait = domain.retry_after(None, storm, clock.now)
    # Open again when the oldest of the fifty leaves the fifteen-minute window.
    assert wait == 15 * 60 - 10 * (domain.ACCOUNT_LIMIT - 1)
    assert domain.retry_after(GroupFailures(0, clock.now), storm, clock.now) == wait
    assert domain.retry_after(None, storm, clock.advance(wait - 1)) == 1
    assert domain.retry_after(None, storm, clock.advance(1)) == 0


def test_at_the_limit_every_group_that_failed_once_waits_too():
    clock = FakeClock()
    storm = storm_at(clock)
    one_failure = GroupFailures(1, clock.now)
    wait = domain.retry_after(one_failure, storm, clock.now)
    assert wait == 15 * 60 - 10 * (domain.ACCOUNT_LIMIT - 1)
    assert domain.retry_after(one_failure, storm[:-1], clock.now) == 0
    assert domain.retry_after(one_failure, storm, clock.advance(wait)) == 0


def test_at_the_limit_a_group_the_owner_signed_in_from_goes_ahead():
    clock = FakeClock()
    storm = storm_at(clock, 500, every=1)
    yesterday = clock.now - dt.timedelta(days=1)
    assert domain.retry_after(None, storm, clock.now, last_success=yesterday) == 0
    assert domain.retry_after(failures_at(clock, 4), storm, clock.now, last_success=yesterday) == 0
    # ...held back by its own failures only.
    assert domain.retry_after(failures_at(clock, 6), storm, clock.now, last_success=yesterday) == 60


def test_a_group_not_seen_for_ninety_days_is_a_stranger_again():
    clock = FakeClock()
    storm = storm_at(clock)
    long_ago = clock.now - domain.KNOWN_CLIENT_TTL
    assert not domain.known_client(long_ago, clock.now)
    assert domain.known_client(long_ago + dt.timedelta(seconds=1), clock.now)
    assert not domain.known_client(None, clock.now)
    assert domain.retry_after(None, storm, clock.now, last_success=long_ago) > 0
    assert domain.retry_after(None, storm, clock.now, last_success=long_ago + dt.timedelta(hours=1)) == 0


def test_failures_outside_the_window_do_not_count():
    clock = FakeClock()
    old = [clock.now - dt.timedelta(minutes=16, seconds=i) for i in range(200)]
    assert domain.retry_after(GroupFailures(1, clock.now), old, clock.now) == 0
    assert domain.retry_after(None, old, clock.now) == 0


def test_the_longer_of_the_two_waits_applies():
    clock = FakeClock()
    storm = [clock.now] * domain.ACCOUNT_LIMIT
    assert domain.retry_after(GroupFailures(9, clock.now), storm, clock.now) == 900
    assert domain.retry_after(GroupFailures(5, clock.now), storm, clock.now) == 900


# -- the budget per client group across every account name ---------------------------------
def _failed(*minutes_ago: float) -> list[dt.datetime]:
    return [T0 - dt.timedelta(minutes=m) for m in minutes_ago]


def test_a_group_below_its_budget_of_failed_accounts_goes_ahead():
    assert domain.address_retry_after(_failed(*range(29)), T0, limit=30) == 0


def test_a_group_that_failed_on_as_many_accounts_as_its_budget_waits_for_the_oldest_to_age_out():
    failed = _failed(10, *[1] * 29)  # the oldest of the 30 counted failed 10 minutes ago
    assert domain.address_retry_after(failed, T0, limit=30) == 5 * 60


def test_failures_outside_the_window_and_a_budget_of_zero_do_not_count():
    assert domain.address_retry_after(_failed(*[16] * 100, *[1] * 29), T0, limit=30) == 0
    assert domain.address_retry_after(_failed(*[1] * 100), T0, limit=0) == 0
