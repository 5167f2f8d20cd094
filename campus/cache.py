"""A small per-process cache whose entries expire, safe to share between threads."""
from __future__ import annotations

import threading
import time


class TtlCache:
    def __init__(self, max_entries: int = 100_000):
        self._items: dict = {}
        self._lock = threading.Lock()
        self._max = max_entries

    def get(self, key):
        item = self._items.get(key)
        if item is None:
            return None
        if item[1] < time.monotonic():
            self.drop(key)
            return None
        return item[0]

    def put(self, key, value, ttl: float):
        with self._lock:
            if len(self._items) >= self._max:
                now = time.monotonic()
                self._items = {k: v for k, v in self._items.items() if v[1] >= now}
                if len(self._items) >= self._max:
                    self._items.clear()
            self._items[key] = (value, time.monotonic() + ttl)
        return value

    def drop(self, key) -> None:
        with self._lock:
            self._items.pop(key, None)

    def __len__(self) -> int:
        return len(self._items)
