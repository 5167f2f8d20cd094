"""Unit tests: tracking rules with no I/O (tracking IDs, kinds of application, objection deadlines)."""
import datetime as dt
import itertools

import pytest

from campus import clock
from campus.errors import InvalidArgument
from services.tracking import domain


def test_a_new_tracking_id_looks_like_the_university_s():
    for _ in range(200):
        tracking_id = domain.new_tracking_id()
        assert domain.TRACKING_ID.match(tracking_id), tracking_id
        assert not set(tracking_id) & set("IOLU01")


def test_tracking_ids_draw_from_the_given_source():
    letters = itertools.cycle("EBNAGZ2G33")
    assert domain.new_tracking_id(lambda _alphabet: next(letters)) == "EBN-AGZ-2G33"


def test_tracking_ids_are_normalised_and_checked():
    assert domain.parse_tracking_id(" ebn-agz-2g33 ") == "EBN-AGZ-2G33"


@pytest.mark.parametrize("bad", ["", "EBN-AGZ-2G3", "EBNAGZ2G33", "EB1-AGZ-2G33", "EBN-AGZ-2G30", "EBO-AGZ-2G33",
                                 "EBN-AGZ-2G33-X", None])
def test_anything_else_is_not_a_tracking_id(bad):
    with pytest.raises(InvalidArgument) as error:
        domain.parse_tracking_id(bad)
    assert error.value.field == "tracking_id"


@pytest.mark.parametrize("subtype, kind", [
    ("degree_ordinary", "degree"), ("degree_urgent", "degree"), ("degree_duplicate", "degree"),
    ("transcript_ordinary", "transcript"), ("certificate_urgent", "certificate"), ("diploma_ordinary", "certificate"),
    ("document_correction", "degree"), ("", "degree")])
def test_the_kind_of_application_comes_from_the_subtype(subtype, kind):
    assert domain.kind_of(subtype) == kind


def test_urgent_by_flag_or_by_subtype():
    assert domain.is_urgent("degree_urgent", False)
    assert domain.is_urgent("degree_ordinary", True)
    assert not domain.is_urgent("degree_ordinary", False)


def test_an_objection_is_resolved_within_the_given_days_of_pakistan_time():
    late_evening_utc = dt.datetime(2026, 11, 25, 20, 0, tzinfo=clock.UTC)   # already the 26th in Karachi
    assert domain.resolve_by(late_evening_utc, 30) == dt.date(2026, 12, 26)
    assert domain.resolve_by(dt.datetime(2026, 11, 25, 9, 0, tzinfo=clock.UTC), 14) == dt.date(2026, 12, 9)
