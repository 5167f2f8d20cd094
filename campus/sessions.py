"""Whether a session still stands, in every process: the feed of ended sessions.

A signed access token proves who the caller is until it expires (15 minutes), but a
logout, a password change or a locked account ends its session at once. Every process
that accepts access tokens (each gateway worker, each gRPC server) keeps a `SessionFeed`:
a background thread asks the service that owns sessions (the one that signs access
tokens, campus.registry) for the sessions ended since its last question, a few times a
second, and remembers each for the tokens' longest life. So refusing an ended session
costs a set look-up, and reaches every process within about `poll_seconds`.

When the feed has not been answered for `stale_seconds` (that service unreachable), what
is still allowed is decided by `check`: a student's reads go on with the verified token
alone (result day must not depend on the accounts service), but staff and every write are
refused with UNAVAILABLE: revocation fails closed where an ended session could do harm.

The service that owns sessions declares `ended_sessions = "module:function"` in its
definition: function(clients, own_runtime) returns the fetch(after) -> EndedPage this
module polls; own_runtime is its own runtime in its own processes (it reads its own
database rather than calling itself) and None everywhere else.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from campus import auth
from campus.errors import Unauthenticated, Unavailable
from campus.loops import Backoff, run_loop

log = logging.getLogger(__name__)

POLL_SECONDS = 0.3
STALE_SECONDS = 3.0
#: Until the first answer says otherwise: the access tokens' longest possible life.
DEFAULT_KEEP_SECONDS = 3600 + 60


@dataclass(frozen=True)
class EndedPage:
    session_ids: list[str]
    cursor: int
    more: bool = False
    keep_seconds: int = DEFAULT_KEEP_SECONDS


class SessionEnded(Unauthenticated):
    def __init__(self):
        super().__init__("this session has ended; sign in again", reason="SESSION_ENDED")


class SessionCheckUnavailable(Unavailable):
    def __init__(self):
        super().__init__("cannot confirm that this session is still active; try again shortly",
                         reason="SESSION_CHECK_UNAVAILABLE")


class SessionFeed:
    """The ended sessions this process knows of, and how fresh that knowledge is.

    `fetch` is None for a feed nobody feeds (tests that inject their own state): it is
    always stale, so `check` falls back to its rules for an unreachable owner."""

    def __init__(self, fetch: Callable[[int], EndedPage] | None = None, *, poll_seconds: float = POLL_SECONDS,
                 stale_seconds: float = STALE_SECONDS, clock: Callable[[], float] = time.monotonic):
        self._fetch = fetch
        self.poll_seconds = poll_seconds
        self.stale_seconds = stale_seconds
        self._clock = clock
        self._ended: dict[str, float] = {}      # session id -> when it may be forgotten (monotonic)
        self._cursor = 0
        self._answered_at: float | None = None  # when the owner last answered in full
        self._keep = float(DEFAULT_KEEP_SECONDS)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._stale_logged = False

    # -- what the checks ask ------------------------------------------------------------
    @property
    def fed(self) -> bool:
        """Whether anything feeds it (a feed nobody feeds is stale for good)."""
        return self._fetch is not None

    def ended(self, session_id: str) -> bool:
        return session_id in self._ended

    def fresh(self) -> bool:
        answered = self._answered_at
        return answered is not None and self._clock() - answered <= self.stale_seconds

    def end(self, session_id: str) -> None:
        """This process ended the session itself (a logout through it): refuse it at once."""
        if session_id:
            with self._lock:
                self._ended[session_id] = self._clock() + self._keep

    def check(self, caller: auth.Caller, *, write: bool) -> None:
        """Refuse `caller` if its session has ended, or if that cannot be known now and the
        caller is staff or the call writes. Callers without a session (banks, services,
        nobody signed in) are not this check's business."""
        if not caller.session_id:
            return
        if self.ended(caller.session_id):
            raise SessionEnded()
        if self.fresh():
            self._stale_logged = False
            return
        if self.open_when_stale(caller, write=write):
            if not self._stale_logged:
                self._stale_logged = True
                log.warning("ended-sessions feed is stale: student reads go on by their tokens alone")
            return
        raise SessionCheckUnavailable()

    @staticmethod
    def open_when_stale(caller: auth.Caller, *, write: bool) -> bool:
        """While the feed is stale: a student's reads only."""
        return caller.kind == auth.STUDENT and not write

    # -- feeding ------------------------------------------------------------------------
    def poll(self) -> bool:
        """Ask once for what ended since the cursor; True when a full page says ask again."""
        if self._fetch is None:
            return False
        asked_at = self._clock()
        page = self._fetch(self._cursor)
        now = self._clock()
        with self._lock:
            self._keep = float(page.keep_seconds or DEFAULT_KEEP_SECONDS)
            forget_at = now + self._keep
            for session_id in page.session_ids:
                self._ended.setdefault(session_id, forget_at)
            self._cursor = max(self._cursor, page.cursor)
            if len(self._ended) and next(iter(self._ended.values())) < now:
                self._ended = {sid: until for sid, until in self._ended.items() if until >= now}
        if not page.more:
            # Fresh as of when we asked: only a complete answer makes the feed fresh.
            self._answered_at = asked_at
        return page.more

    def start(self) -> SessionFeed:
        """Poll in a daemon thread until `stop`; call after fork (grpcio)."""
        if self._fetch is not None and self._thread is None:
            self._thread = threading.Thread(
                target=run_loop, name="ended-sessions", daemon=True,
                args=("ended-sessions", self.poll, self._stop),
                kwargs={"every": self.poll_seconds, "backoff": Backoff(first=self.poll_seconds, cap=2.0)})
            self._thread.start()
        return self

    def wait_fresh(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not self.fresh() and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.fresh()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)


def feed_for(clients, *, own_runtime=None, poll_seconds: float = POLL_SECONDS,
             stale_seconds: float = STALE_SECONDS) -> SessionFeed:
    """The feed of this process, fed by the service that owns sessions (see the module doc)."""
    from campus import registry
    from campus.definition import resolve
    owner = registry.token_issuer()
    if not owner.ended_sessions:
        raise LookupError(f"{owner.name} signs access tokens but declares no ended_sessions feed")
    fetch = resolve(owner.ended_sessions)(clients, own_runtime)
    return SessionFeed(fetch, poll_seconds=poll_seconds, stale_seconds=stale_seconds)
