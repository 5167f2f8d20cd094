"""Unit tests: how long cases stay at a stage, as a median and a 90th percentile (nearest rank)."""
import pytest

from campus import durations


@pytest.mark.parametrize("values, fraction, expected", [
    ([1.0], 0.5, 1.0), ([1.0], 0.9, 1.0), ([1.0, 2.0], 0.5, 1.0), ([1.0, 2.0, 3.0], 0.5, 2.0),
    ([float(i) for i in range(1, 11)], 0.9, 9.0), ([float(i) for i in range(1, 11)], 0.5, 5.0),
    ([float(i) for i in range(1, 12)], 0.9, 10.0)])
def test_the_nearest_rank_percentile(values, fraction, expected):
    assert durations.percentile(values, fraction) == expected


def test_spreads_sort_their_samples_and_count_them():
    found = durations.spreads({"verification": [9.0, 1.0, 3.0, 2.0, 5.0], "printing": [0.25]})
    assert found["verification"] == durations.Spread(median_days=3.0, p90_days=9.0, cases=5)
    assert found["printing"] == durations.Spread(0.25, 0.25, 1)


def test_the_message_lists_each_stage_once():
    message = durations.to_message({"b": durations.Spread(1, 2, 3), "a": durations.Spread(4, 5, 6)})
    assert [(s.stage, s.median_days, s.p90_days, s.cases) for s in message.stages] == [("a", 4, 5, 6), ("b", 1, 2, 3)]
