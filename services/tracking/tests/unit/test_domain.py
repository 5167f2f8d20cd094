"""Unit tests: tracking rules with no I/O (tracking IDs, kinds of application, objection deadlines)."""
import datetime as dt
import itertools

import pytest

from campus import clock
from campus.errors import FailedPrecondition, InvalidArgument, PermissionDenied
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


@pytest.mark.parametrize("current, to, department", [
    ("received", "verification", "examinations"), ("verification", "printing", "examinations"),
    ("printing", "ready", "examinations"), ("ready", "dispatched", "dispatch"), ("dispatched", "delivered", "dispatch"),
    ("received", "objection", "examinations"), ("verification", "objection", "examinations")])
def test_each_allowed_move_by_its_department(current, to, department):
    domain.check_move(current, to, department)


@pytest.mark.parametrize("current, to, department, error", [
    ("received", "printing", "examinations", FailedPrecondition),      # verification first
    ("objection", "verification", "examinations", FailedPrecondition),  # only her answer returns it
    ("ready", "dispatched", "examinations", PermissionDenied),
    ("received", "verification", "dispatch", PermissionDenied),
    ("delivered", "dispatched", "dispatch", FailedPrecondition),
    ("verification", "received", "examinations", InvalidArgument)])
def test_moves_the_rules_refuse(current, to, department, error):
    with pytest.raises(error):
        domain.check_move(current, to, department)


def test_a_rejected_application_moves_no_further():
    with pytest.raises(FailedPrecondition):
        domain.check_move("objection", "verification", "examinations", rejected=True)


@pytest.mark.parametrize("stage, rejected, section", [
    ("received", False, "in_process"), ("ready", False, "in_process"), ("objection", False, "incomplete_returned"),
    ("objection", True, "incomplete_returned"), ("dispatched", False, "dispatched"), ("delivered", False, "delivered")])
def test_the_section_follows_the_stage(stage, rejected, section):
    assert domain.section_of(stage, rejected) == section


def test_officers_are_offered_the_next_stages_only():
    assert domain.NEXT["received"] == ("verification",)
    assert domain.NEXT["objection"] == ()
    assert domain.NEXT["ready"] == ("dispatched",)


def test_the_window_closes_after_its_last_day_in_pakistan():
    last_day = dt.date(2026, 12, 26)
    assert not domain.window_closed(last_day, dt.datetime(2026, 12, 26, 18, 30, tzinfo=clock.UTC))  # 23:30 PKT
    assert domain.window_closed(last_day, dt.datetime(2026, 12, 26, 19, 30, tzinfo=clock.UTC))      # 00:30 next day


def test_urgent_applications_aim_for_two_weeks():
    filed = dt.datetime(2026, 11, 20, 9, 0, tzinfo=clock.UTC)
    assert domain.target_date(filed, True, 14, 50) == dt.date(2026, 12, 4)
    assert domain.target_date(filed, False, 14, 50) == dt.date(2027, 1, 9)


def test_documents_wanted_are_trimmed_deduplicated_and_bounded():
    assert domain.documents_wanted([" CNIC  copy ", "CNIC copy", ""]) == ["CNIC copy"]
    with pytest.raises(InvalidArgument) as many:
        domain.documents_wanted([f"doc {i}" for i in range(11)])
    assert many.value.field == "documents"
    with pytest.raises(InvalidArgument):
        domain.documents_wanted(["x" * 121])
    with pytest.raises(InvalidArgument):
        domain.documents_wanted(["bad\x00"])


@pytest.mark.parametrize("filed_utc, overdue", [
    (dt.datetime(2026, 11, 19, 18, 59, tzinfo=clock.UTC), True),    # 23:59 on the 19th in Karachi
    (dt.datetime(2026, 11, 19, 19, 0, tzinfo=clock.UTC), False)])   # 00:00 on the 20th in Karachi
def test_the_overdue_cut_agrees_with_the_target_date(filed_utc, overdue):
    today = dt.date(2026, 12, 4)
    assert (domain.target_date(filed_utc, True, 14, 50) < today) is overdue
    assert (filed_utc < domain.overdue_if_filed_before(today, 14)) is overdue
