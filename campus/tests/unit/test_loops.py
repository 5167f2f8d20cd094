"""The one background-loop primitive and the heartbeat that shows it is alive."""
import threading
import time

from campus import liveness
from campus.loops import Backoff, run_loop


def test_backoff_doubles_to_its_cap_and_resets():
    backoff = Backoff(first=0.5, cap=4)
    delays = [backoff.failed() / backoff.delay for _ in range(5)]
    assert backoff.delay == 4 and all(0.8 <= d <= 1.2 for d in delays)
    backoff.succeeded()
    assert backoff.delay == 0


def test_a_failing_pass_is_retried_and_a_full_batch_runs_again_at_once(caplog):
    stop, passes = threading.Event(), []

    def work():
        passes.append(time.monotonic())
        if len(passes) == 1:
            raise RuntimeError("secret body text")
        if len(passes) < 4:
            return True      # more to do: no wait
        stop.set()
        return False

    beats = []
    run_loop("test", work, stop, every=60, backoff=Backoff(first=0.01), beat=beats.append)
    assert len(passes) == 4 and passes[3] - passes[1] < 1
    assert "RuntimeError at test_loops.py:" in caplog.text and "secret body text" not in caplog.text
    assert beats.count("test") >= 4


def test_the_heartbeat_names_the_loops_that_stopped_beating(tmp_path):
    path = tmp_path / "run" / "x-relay.heartbeat"
    assert liveness.stale_loops(path) is None
    heartbeat = liveness.Heartbeat(path)
    heartbeat.beat("relay")
    heartbeat.beat("mail")
    now = time.time()
    assert liveness.stale_loops(path, 60, now) == []
    assert liveness.stale_loops(path, 60, now + 120) == ["mail", "relay"]
    assert liveness.main([str(path), "60"]) == 0
    heartbeat.clear()
    assert liveness.main([str(path)]) == 1
