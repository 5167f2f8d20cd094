"""Liveness of the processes that serve no port (relays, consumers): a heartbeat file.

Each loop of the process beats; the file holds each loop's last beat (wall clock), and
the process is alive while every loop beat within `max_age` seconds. A gRPC server has
the standard health service instead; these processes have nothing to probe but this.

    python -m campus.liveness <file> [max_age]     exit 0 if alive (a Kubernetes exec probe)

The launcher reads the same files and restarts a process whose loops stopped beating.
"""
from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

DEFAULT_MAX_AGE_SECONDS = 60.0
WRITE_EVERY_SECONDS = 1.0


def heartbeat_file(var_dir: Path, process: str) -> Path:
    """`CAMPUS_HEARTBEAT_DIR`, else <var_dir>/run: containers point it at their own /tmp,
    so replicas that share a volume never share (and hide each other behind) a heartbeat."""
    directory = os.environ.get("CAMPUS_HEARTBEAT_DIR") or var_dir / "run"
    return Path(directory) / f"{process}.heartbeat"


class Heartbeat:
    """Collects the beats of a process's loops and writes them, at most once a second."""

    def __init__(self, path: Path):
        self.path = path
        self._beats: dict[str, float] = {}
        self._written = 0.0
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)

    def beat(self, loop: str) -> None:
        now = time.time()
        with self._lock:
            first = loop not in self._beats
            self._beats[loop] = now
            if not first and now - self._written < WRITE_EVERY_SECONDS:
                return
            self._written = now
            beats = dict(self._beats)
        temp = self.path.with_name(f".{self.path.name}.{threading.get_ident()}")
        temp.write_text(json.dumps(beats))
        temp.replace(self.path)  # a reader never sees half a file

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


def stale_loops(path: Path, max_age: float = DEFAULT_MAX_AGE_SECONDS, now: float | None = None) -> list[str] | None:
    """The loops that have not beaten within `max_age` seconds; None if nothing beat yet."""
    try:
        beats = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    now = time.time() if now is None else now
    return sorted(loop for loop, at in beats.items() if now - at > max_age)


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print("usage: python -m campus.liveness <heartbeat file> [max age in seconds]", file=sys.stderr)
        return 2
    max_age = float(argv[1]) if len(argv) == 2 else DEFAULT_MAX_AGE_SECONDS
    stale = stale_loops(Path(argv[0]), max_age)
    if stale is None:
        print(f"no heartbeat at {argv[0]}", file=sys.stderr)
        return 1
    if stale:
        print(f"stale loops: {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
