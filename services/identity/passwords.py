"""argon2id hashing of passwords, activation codes and bank secrets."""
from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Passwords:
    def __init__(self, *, time_cost: int, memory_kib: int, parallelism: int):
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)
        # Verified against when there is nothing to verify, so that an unknown username
        # costs as much time as a known one and the answer's timing reveals nothing.
        self._dummy = self._hasher.hash(secrets.token_urlsafe(16))

    def hash(self, secret: str) -> str:
        return self._hasher.hash(secret)

    def verify(self, hashed: str | None, secret: str) -> bool:
        """Whether `secret` matches `hashed`; always spends one verification."""
        try:
            return self._hasher.verify(hashed or self._dummy, secret) and hashed is not None
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, hashed: str) -> bool:
        return self._hasher.check_needs_rehash(hashed)
