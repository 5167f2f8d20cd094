"""Unit tests: a webhook's signature as a partner checks it, with no I/O."""
import time

from services.notifications import webhooks

BODY = b'{"event_id":"e1","event_type":"result_published","data":{}}'


def headers(secret: str, timestamp: int, body: bytes = BODY) -> dict:
    return {"X-CMS-Timestamp": str(timestamp), "X-CMS-Signature": webhooks.signature(secret, timestamp, body)}


def test_a_signature_is_hmac_sha256_over_the_timestamp_and_the_body():
    # The documented construction, computed independently: HMAC-SHA256("s3cret", "1700000000.<body>").
    import hashlib
    import hmac
    expected = hmac.new(b"s3cret", b"1700000000." + BODY, hashlib.sha256).hexdigest()
    assert webhooks.signature("s3cret", 1700000000, BODY) == f"sha256={expected}"


def test_a_partner_accepts_only_its_own_fresh_unaltered_deliveries():
    now = int(time.time())
    assert webhooks.verify("s3cret", headers("s3cret", now), BODY)
    assert not webhooks.verify("other", headers("s3cret", now), BODY)                  # another's secret
    assert not webhooks.verify("s3cret", headers("s3cret", now), BODY + b" ")          # a changed body
    assert not webhooks.verify("s3cret", headers("s3cret", now - 3600), BODY)          # a replay, an hour old
    assert not webhooks.verify("s3cret", {"X-CMS-Signature": "sha256=00"}, BODY)       # no timestamp


def test_retries_back_off_to_an_hour():
    delays = [webhooks.retry_delay(n).total_seconds() for n in range(1, 15)]
    assert delays[:3] == [10, 20, 40] and delays[-1] == 3600 and delays == sorted(delays)


def test_only_public_hosts_may_receive_in_production():
    for inside in ("127.0.0.1", "10.1.2.3", "192.168.0.7", "169.254.169.254", "::1", "fd00::1", "no-such-host.invalid"):
        assert not webhooks.public_host(inside), inside
    assert webhooks.public_host("8.8.8.8")


def test_a_partner_url_is_checked_before_it_is_kept():
    import pytest

    from campus.errors import InvalidArgument
    for bad, production in (("http://[x/", False), ("https://[abc]/", False), ("ftp://lms.example.pk", False),
                            ("https://u:p@lms.example.pk/", False), ("http://8.8.8.8/in", True),
                            ("https://10.0.0.5/in", True), ("https://127.0.0.1:5432/", True)):
        with pytest.raises(InvalidArgument) as refused:
            webhooks._url(bad, production)
        assert refused.value.field == "url", bad
    assert webhooks._url("https://8.8.8.8/cms-events", True) == "https://8.8.8.8/cms-events"
