"""A short run of the registration benchmark (a bulk admission of 1,000 rows, 100 students
registering at once): it prints its figures and must see no errors. Speed is reported,
not asserted; `make bench` runs the long version (10,000 rows)."""
from tests.perf.bench_registration import CHEAP_ARGON2, run
from tests.stack import running_stack


def test_registration_benchmark_runs_and_prints_its_figures(capsys):
    with running_stack("perf", extra_env={"LOG_LEVEL": "WARNING", **CHEAP_ARGON2}) as stack:
        lines = run(stack, rows=1000, students=100, seconds=3, concurrency=8)
    with capsys.disabled():
        print("\n" + "\n".join(lines))
