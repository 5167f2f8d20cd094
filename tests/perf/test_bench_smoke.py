"""A short run of the dashboard benchmark: it prints its figures and must see no errors.
Speed is reported, not asserted; `make bench` runs the long version."""
import httpx

from tests.perf.bench_dashboard import page_session, page_weight, report, run
from tests.stack import running_stack


def test_dashboard_benchmark_runs_and_prints_its_figures(capsys):
    with running_stack("perf", extra_env={"LOG_LEVEL": "WARNING"}) as stack:
        tokens = httpx.post(stack.gateway_url() + "/api/v1/auth/login",
                            json={"username": "22P-123456", "password": "Demo@2026"}).json()
        figures = run(stack.gateway_url(), tokens["access_token"], seconds=3, concurrency=8)
        weight = page_weight(stack.gateway_url(), page_session(stack.gateway_url()))
    with capsys.disabled():
        print("\n" + report(figures, 3, 8, weight))
    for f in figures:
        assert f.requests > 0 and f.errors == 0, f.line()
    assert sum(weight) < 100 * 1024, "the dashboard's first load must stay under 100 KB before compression"
