"""argon2id hashing of passwords, activation codes and bank secrets, bounded by memory.

Each hash or verification takes `memory_kib` of memory while it runs (64 MiB by default),
and identity serves many calls at once. So at most `budget_mib / memory` of them run
together; a call that finds no free slot within `wait_seconds` is refused with
RESOURCE_EXHAUSTED and a retry-after hint (the gateway answers 503 with Retry-After)
rather than pushing the process past its memory limit."""
from __future__ import annotations

import logging
import secrets
import threading
from contextlib import contextmanager

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from campus.errors import TooManyAttempts

log = logging.getLogger(__name__)

BUSY = "HASHING_BUSY"


class HashingBusy(TooManyAttempts):
    def __init__(self, retry_after: int):
        super().__init__("sign-in is busy; try again shortly", reason=BUSY, retry_after=retry_after)


def slots_for(budget_mib: int, memory_kib: int) -> int:
    """How many hashes fit in the budget at once (at least one)."""
    return max(1, (budget_mib * 1024) // memory_kib)


class Passwords:
    def __init__(self, *, time_cost: int, memory_kib: int, parallelism: int, budget_mib: int | None = None,
                 wait_seconds: float = 0.5, retry_after_seconds: int = 2):
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)
        self.slots = slots_for(budget_mib, memory_kib) if budget_mib is not None else 1 << 16
        self._slots = threading.BoundedSemaphore(self.slots)
        self._wait = wait_seconds
        self._retry_after = retry_after_seconds
        # Verified against when there is nothing to verify, so that an unknown username
        # costs as much time as a known one and the answer's timing reveals nothing.
        self._dummy = self._hasher.hash(secrets.token_urlsafe(16))

    @contextmanager
    def _slot(self):
        if not self._slots.acquire(timeout=self._wait):
            log.warning("argon2: all %d slots busy for %.1fs; refusing", self.slots, self._wait)
            raise HashingBusy(self._retry_after)
        try:
            yield
        finally:
            self._slots.release()

    def hash(self, secret: str) -> str:
        with self._slot():
            return self._hasher.hash(secret)

    def verify(self, hashed: str | None, secret: str) -> bool:
        """Whether `secret` matches `hashed`; always spends one verification."""
        with self._slot():
            try:
                return self._hasher.verify(hashed or self._dummy, secret) and hashed is not None
            except (VerificationError, InvalidHashError):
                return False

    def needs_rehash(self, hashed: str) -> bool:
        return self._hasher.check_needs_rehash(hashed)
