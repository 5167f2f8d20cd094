import time

from campus.cache import TtlCache


def test_entries_expire():
    cache = TtlCache()
    cache.put("a", 1, ttl=0.05)
    assert cache.get("a") == 1
    time.sleep(0.06)
    assert cache.get("a") is None


def test_the_cache_stays_bounded():
    cache = TtlCache(max_entries=10)
    for i in range(25):
        cache.put(i, i, ttl=60)
    assert len(cache) <= 10
    assert cache.get(24) == 24
