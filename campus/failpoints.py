"""Named points where a fault test can make a process die, set by `CAMPUS_FAILPOINTS`.

`CAMPUS_FAILPOINTS=consumer.after_commit` makes a consumer exit right after committing
an effect and before acknowledging the message: the crash the fault suite proves safe.
Unset in every real deployment; the check is one dictionary lookup.
"""
import logging
import os

_ACTIVE = frozenset(filter(None, os.environ.get("CAMPUS_FAILPOINTS", "").split(",")))


def hit(name: str) -> None:
    if name in _ACTIVE:
        logging.getLogger(__name__).error("failpoint %s: exiting now", name)
        logging.shutdown()
        os._exit(75)
