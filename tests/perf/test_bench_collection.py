"""A short run of the fee collection benchmark (a few challans paid at once): it prints its
figures and must see no errors. Speed is reported, not asserted; `make bench` runs the long
version (2,000 challans)."""
from tests.perf.bench_collection import UNLIMITED_BANKS, run
from tests.stack import running_stack


def test_fee_collection_benchmark_runs_and_prints_its_figures(capsys):
    with running_stack("perf", extra_env={"LOG_LEVEL": "WARNING", **UNLIMITED_BANKS}) as stack:
        lines, figures = run(stack, challans=12, seconds=2, concurrency=4)
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    for f in figures:
        assert f.requests > 0 and f.errors == 0, f.line()
