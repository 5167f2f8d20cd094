"""A run of the announcement benchmark at the university's size (1.4 million students on
the roster, a few seconds of inbox reads): it prints its figures beside the floor and must
see no errors. Speed is reported, not asserted."""
from tests.perf.bench_announcements import run
from tests.stack import running_stack


def test_an_announcement_to_every_student_runs_and_prints_its_figures(capsys):
    with running_stack("perf", extra_env={"LOG_LEVEL": "WARNING"}) as stack:
        lines, figures = run(stack, students=1_400_000, seconds=2, concurrency=4)
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    for f in figures:
        assert f.requests > 0 and f.errors == 0, f.line()
