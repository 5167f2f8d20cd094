"""A short run of the degree tracking benchmark (100,000 students' applications, a few
seconds each): the public look-up by roll number and a case timeline print their figures
beside the floor and must see no errors. Speed is reported, not asserted."""
from tests.perf.bench_tracking import run
from tests.stack import running_stack


def test_tracking_benchmark_runs_and_prints_its_figures(capsys):
    with running_stack("perf", extra_env={"LOG_LEVEL": "WARNING"}) as stack:
        lines, figures = run(stack, students=100_000, seconds=2, concurrency=4)
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    for f in figures:
        assert f.requests > 0 and f.errors == 0, f.line()
