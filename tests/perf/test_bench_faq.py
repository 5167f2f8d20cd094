"""A short run of the FAQ search benchmark (1,000 articles, a few seconds): it prints its
figures beside the floor and must see no errors. Speed is reported, not asserted."""
from tests.perf.bench_faq import run
from tests.stack import running_stack


def test_faq_search_benchmark_runs_and_prints_its_figures(capsys):
    with running_stack("perf", extra_env={"LOG_LEVEL": "WARNING"}) as stack:
        lines, figures = run(stack, articles=1000, seconds=2, concurrency=4)
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    for f in figures:
        assert f.requests > 0 and f.errors == 0, f.line()
