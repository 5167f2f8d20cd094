"""The feed of ended sessions: ended sessions are refused, and while the feed is stale
only a student's reads go on (staff and every write fail closed)."""
import pytest

from campus import auth
from campus.errors import Unauthenticated, Unavailable
from campus.sessions import EndedPage, SessionFeed

STUDENT = auth.Caller(kind=auth.STUDENT, subject="22P-123456", session_id="s-student")
STAFF = auth.Caller(kind=auth.STAFF, subject="exams.officer", department="examinations", session_id="s-staff")
BANK = auth.Caller(kind=auth.BANK, subject="ABL")
SERVICE = auth.Caller(kind=auth.SERVICE, subject="requests", service="requests")


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class Owner:
    """The service that owns sessions, answering from a list of ended ids."""

    def __init__(self):
        self.ended, self.up, self.asked = [], True, []

    def __call__(self, after):
        self.asked.append(after)
        if not self.up:
            raise Unavailable("down")
        return EndedPage(self.ended[after:], len(self.ended), keep_seconds=960)


@pytest.fixture
def feed():
    clock, owner = Clock(), Owner()
    return SessionFeed(owner, stale_seconds=3.0, clock=clock), owner, clock


def test_an_ended_session_is_refused_for_reads_and_writes(feed):
    feed, owner, _ = feed
    feed.poll()
    feed.check(STUDENT, write=False)
    owner.ended.append("s-student")
    feed.poll()
    for write in (False, True):
        with pytest.raises(Unauthenticated) as refused:
            feed.check(STUDENT, write=write)
        assert refused.value.reason == "SESSION_ENDED"
    feed.check(STAFF, write=True)  # another session: untouched
    assert owner.asked == [0, 0]   # the cursor moves on
    feed.poll()
    assert owner.asked[-1] == 1


def test_while_fresh_everyone_with_a_standing_session_passes(feed):
    feed, _, clock = feed
    feed.poll()
    clock.now += 2.9
    for caller in (STUDENT, STAFF):
        for write in (False, True):
            feed.check(caller, write=write)


def test_a_stale_feed_fails_closed_for_staff_and_writes_open_for_student_reads(feed):
    feed, owner, clock = feed
    feed.poll()
    owner.up = False
    clock.now += 3.1
    with pytest.raises(Unavailable):
        feed.poll()
    assert not feed.fresh()
    feed.check(STUDENT, write=False)               # result day: reads on the token alone
    for caller, write in ((STUDENT, True), (STAFF, False), (STAFF, True)):
        with pytest.raises(Unavailable) as refused:
            feed.check(caller, write=write)
        assert refused.value.reason == "SESSION_CHECK_UNAVAILABLE"
    owner.up = True
    feed.poll()
    feed.check(STAFF, write=True)                  # fresh again


def test_an_ended_session_stays_refused_while_the_feed_is_stale(feed):
    feed, owner, clock = feed
    owner.ended.append("s-student")
    feed.poll()
    clock.now += 60
    with pytest.raises(Unauthenticated):
        feed.check(STUDENT, write=False)


def test_a_feed_never_answered_is_stale_and_callers_without_a_session_pass():
    feed = SessionFeed(None)
    assert not feed.fresh()
    with pytest.raises(Unavailable):
        feed.check(STAFF, write=False)
    feed.check(STUDENT, write=False)
    for caller in (BANK, SERVICE):
        feed.check(caller, write=True)


def test_ids_are_kept_for_the_tokens_life_then_forgotten(feed):
    feed, owner, clock = feed
    owner.ended.append("s-student")
    feed.poll()
    clock.now += 959
    feed.poll()
    assert feed.ended("s-student")
    clock.now += 2
    owner.ended.append("s-other")
    feed.poll()
    assert not feed.ended("s-student") and feed.ended("s-other")


def test_a_full_page_is_not_yet_fresh(feed):
    _, _, clock = feed
    pages = iter([EndedPage(["a"], 1, more=True), EndedPage(["b"], 2)])
    feed = SessionFeed(lambda after: next(pages), clock=clock)
    assert feed.poll() is True and not feed.fresh()
    assert feed.poll() is False and feed.fresh()


def test_this_process_ending_a_session_refuses_it_at_once():
    feed = SessionFeed(None)
    feed.end("s-staff")
    with pytest.raises(Unauthenticated):
        feed.check(STAFF, write=False)
