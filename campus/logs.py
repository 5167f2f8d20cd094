"""Logging: one line per record, with the request ID; never secrets."""
from __future__ import annotations

import logging
import sys

from campus.auth import request_id


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


def setup(level: str = "INFO", process: str = "") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_RequestIdFilter())
    prefix = f"{process} " if process else ""
    handler.setFormatter(logging.Formatter(
        f"%(asctime)s %(levelname)s {prefix}%(name)s [%(request_id)s] %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # pika and kombu are chatty at INFO about every reconnect step.
    for noisy in ("pika", "kombu", "amqp", "nameko"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
