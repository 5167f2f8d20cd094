"""The one background-loop primitive: the outbox relay and every service's own loops
(mail, sweeps) run on it, with one back-off policy and one liveness signal.

    run_loop("mail", lambda: send_pending(db, config), stop, every=2.0, heartbeat=beat)

`work()` runs once per pass and returns whether there is more to do at once (a full
batch); otherwise the loop waits `every` seconds. A pass that raises is logged and
waited out with capped, jittered exponential back-off, so a loop outlives whatever one
pass meets (a broker or database away, a bug in one row). Waiting is sliced so the loop
keeps beating its heartbeat while idle: only a pass that hangs stops the beat, and that
is what liveness probes and the launcher look for (campus.liveness).
"""
from __future__ import annotations

import datetime as dt
import logging
import random
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

BEAT_SLICE_SECONDS = 5.0


@dataclass
class Backoff:
    """Capped exponential back-off with jitter: 0.5 s, 1 s, 2 s ... up to `cap`."""
    first: float = 0.5
    cap: float = 30.0
    delay: float = 0.0

    def failed(self) -> float:
        self.delay = min(self.cap, max(self.first, self.delay * 2))
        return self.delay * random.uniform(0.8, 1.2)

    def succeeded(self) -> None:
        self.delay = 0.0


def retry_delay(attempts: int, *, first: float, cap: float = 3600.0) -> dt.timedelta:
    """The wait before the next try of something that failed `attempts` times: `first`,
    doubling, up to `cap` (a mail, a text message, a webhook to a system that is down)."""
    return dt.timedelta(seconds=min(cap, first * 2 ** min(max(attempts - 1, 0), 30)))


def where(error: BaseException) -> str:
    """file:line where `error` was raised: enough to find a bug without logging the
    exception's message, which may quote what a mail or a record said."""
    frames = traceback.extract_tb(error.__traceback__)
    return f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"


def run_loop(name: str, work: Callable[[], bool], stop: threading.Event, *, every: float,
             backoff: Backoff | None = None, on_error: Callable[[Exception], None] | None = None,
             beat: Callable[[str], None] | None = None) -> None:
    """Run `work` until `stop` is set; see the module docstring."""
    backoff = backoff or Backoff()
    beat = beat or (lambda _name: None)
    while not stop.is_set():
        beat(name)
        try:
            more = work()
        except Exception as error:  # noqa: BLE001 - the loop must outlive any single pass
            pause = backoff.failed()
            log.warning("%s: pass failed (%s at %s); retrying in %.1fs", name, type(error).__name__,
                        where(error), pause)
            if on_error is not None:
                _quietly(on_error, error)
            _wait(name, stop, pause, beat)
            continue
        backoff.succeeded()
        if not more:
            _wait(name, stop, every, beat)
    log.info("%s: stopped", name)


def each(items, work: Callable, *, name: Callable[[object], str]) -> int:
    """Do `work` to each item; one that fails is logged (and tried again on a later pass)
    without stopping the others. Returns how many succeeded."""
    done = 0
    for item in items:
        try:
            work(item)
            done += 1
        except Exception:  # noqa: BLE001 - one stuck item must not stop the others
            log.exception("could not finish %s; will try again", name(item))
    return done


def _wait(name: str, stop: threading.Event, seconds: float, beat: Callable[[str], None]) -> None:
    remaining = seconds
    while remaining > 0 and not stop.wait(min(remaining, BEAT_SLICE_SECONDS)):
        remaining -= BEAT_SLICE_SECONDS
        beat(name)


def _quietly(callback: Callable[[Exception], None], error: Exception) -> None:
    try:
        callback(error)
    except Exception:  # noqa: BLE001 - reporting a failure must not become a second one
        log.warning("could not report the failure either", exc_info=True)
