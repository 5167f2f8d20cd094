"""A short run of the result-day benchmark (150,000 published results, a file of 5,000 marks):
it prints its figures and must see no errors. Speed is reported, not asserted; `make bench`
runs the long version (1.4 million results, 100,000 marks rows)."""
from tests.perf.bench_results import CHEAP_ARGON2, run
from tests.stack import running_stack


def test_result_day_benchmark_runs_and_prints_its_figures(capsys):
    with running_stack("perf", extra_env={"LOG_LEVEL": "WARNING", **CHEAP_ARGON2}) as stack:
        lines, figures = run(stack, results=150_000, students=50, pool=5_000, marks=5_000, seconds=3,
                             concurrency=8)
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    for f in figures:
        assert f.requests > 0 and f.errors == 0, f.line()
