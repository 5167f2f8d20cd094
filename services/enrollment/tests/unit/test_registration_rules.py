"""Unit tests: the course registration rules (eligibility, what is offered, the selection,
the fee's charges), with no I/O."""
import datetime as dt

import pytest

from campus.errors import InvalidArgument
from services.enrollment import domain

TODAY = dt.date(2026, 12, 6)
SPRING_2027 = domain.SemesterCalendar("Spring 2027", dt.date(2026, 12, 1), dt.date(2027, 3, 31))
C = {code: domain.Course(code, f"Course {code}", hours) for code, hours in [
    ("8601", 3), ("8602", 3), ("8603", 3), ("8604", 3), ("8605", 3), ("8606", 3), ("201", 6), ("207", 3)]}
SCHEME = [(1, C["8601"]), (1, C["8602"]), (1, C["8603"]), (2, C["8604"]), (2, C["8605"]), (2, C["8606"])]
ALL_OFFERED = {code for code in C}


def standing(**changes) -> domain.Standing:
    values = dict(status="active", admission_semester="Autumn 2025", max_duration_years=3,
                  registered_semesters=("Autumn 2025",),
                  results={"Autumn 2025": {"8601": "pass", "8602": "fail", "8603": "pass"}})
    return domain.Standing(**{**values, **changes})


def codes(reasons):
    return [r.code for r in reasons]


def test_a_student_whose_last_semester_is_published_may_register_in_the_window():
    assert domain.reasons_not_eligible(standing(), SPRING_2027, TODAY) == []


def test_the_window_must_be_open():
    assert codes(domain.reasons_not_eligible(standing(), SPRING_2027, dt.date(2026, 11, 30))) == ["window_not_open"]
    assert codes(domain.reasons_not_eligible(standing(), SPRING_2027, dt.date(2027, 4, 1))) == ["window_closed"]
    assert domain.reasons_not_eligible(standing(), SPRING_2027, dt.date(2027, 3, 31)) == []  # both ends included


def test_her_previous_semester_must_be_complete_in_the_system():
    busy = standing(registered_semesters=("Autumn 2025", "Spring 2026"))
    reasons = domain.reasons_not_eligible(busy, SPRING_2027, TODAY)
    assert codes(reasons) == ["previous_semester_incomplete"]
    assert "Spring 2026" in reasons[0].message


def test_a_new_student_has_no_previous_semester_to_wait_for():
    new = standing(admission_semester="Spring 2027", registered_semesters=(), results={})
    assert domain.reasons_not_eligible(new, SPRING_2027, TODAY) == []


def test_the_maximum_duration_counts_semesters_from_admission():
    admitted = domain.parse_semester("Autumn 2025")
    assert not domain.beyond_maximum_duration(admitted, 3, domain.parse_semester("Spring 2028"))  # 6th semester
    assert domain.beyond_maximum_duration(admitted, 3, domain.parse_semester("Autumn 2028"))     # 7th
    late = standing(admission_semester="Autumn 2023", max_duration_years=1)
    assert codes(domain.reasons_not_eligible(late, SPRING_2027, TODAY)) == ["maximum_duration_passed"]


def test_holds_that_block_registration_are_reasons_saying_what_to_do():
    held = standing(blocking_holds=(("Unpaid dues", "Pay the overdue challan."),))
    reasons = domain.reasons_not_eligible(held, SPRING_2027, TODAY)
    assert codes(reasons) == ["hold"] and "Pay the overdue challan." in reasons[0].message


def test_an_inactive_student_and_no_semester_are_reasons_too():
    assert codes(domain.reasons_not_eligible(standing(status="withdrawn"), SPRING_2027, TODAY)) == ["not_active"]
    assert codes(domain.reasons_not_eligible(standing(), None, TODAY)) == ["no_semester"]


def test_every_reason_is_given_at_once():
    everything = standing(status="graduated", registered_semesters=("Autumn 2025", "Spring 2026"),
                          blocking_holds=(("Missing documents", "Send them."),))
    assert codes(domain.reasons_not_eligible(everything, SPRING_2027, dt.date(2027, 5, 1))) == [
        "not_active", "window_closed", "previous_semester_incomplete", "hold"]


def test_the_open_semester_is_the_one_in_its_window_else_the_next_to_open_else_the_last_closed():
    autumn = domain.SemesterCalendar("Autumn 2026", dt.date(2026, 8, 1), dt.date(2026, 9, 30))
    later = domain.SemesterCalendar("Autumn 2027", dt.date(2027, 8, 1), dt.date(2027, 9, 30))
    assert domain.open_semester([autumn, SPRING_2027, later], TODAY) == SPRING_2027
    assert domain.open_semester([autumn, later], TODAY) == later
    assert domain.open_semester([autumn], TODAY) == autumn
    assert domain.open_semester([], TODAY) is None


def test_a_course_passed_later_is_no_longer_failed():
    passed, failed = domain.course_outcomes({"Autumn 2025": {"8602": "fail", "8601": "pass"},
                                             "Spring 2026": {"8602": "pass", "8604": "fail"}})
    assert passed == {"8601", "8602"} and failed == {"8604"}


def test_her_failed_courses_are_required_beside_the_next_semester_of_her_scheme():
    results = standing().results
    offered = domain.offered_courses(SCHEME, ALL_OFFERED, results, attempted={"8601", "8602", "8603"})
    assert [(o.course.code, o.required) for o in offered] == [
        ("8602", True), ("8604", False), ("8605", False), ("8606", False)]


def test_only_what_the_semester_offers_is_offered():
    offered = domain.offered_courses(SCHEME, {"8604", "8605"}, standing().results, {"8601", "8602", "8603"})
    assert [o.course.code for o in offered] == ["8604", "8605"]  # 8602 is not offered: not required now


def test_a_new_student_is_offered_her_first_semester():
    offered = domain.offered_courses(SCHEME, ALL_OFFERED, {}, set())
    assert [o.course.code for o in offered] == ["8601", "8602", "8603"]


def test_courses_registered_but_not_yet_graded_are_not_offered_again():
    offered = domain.offered_courses(SCHEME, ALL_OFFERED, {}, {"8601", "8602", "8603"})
    assert [o.course.code for o in offered] == ["8604", "8605", "8606"]


OFFERED = [domain.Offered(C["8602"], True), domain.Offered(C["8604"], False), domain.Offered(C["8605"], False),
           domain.Offered(C["8606"], False)]


def refusal(chosen, limit=18):
    with pytest.raises(InvalidArgument) as refused:
        domain.check_selection(chosen, OFFERED, limit)
    assert refused.value.field == "courses"
    return refused.value.reason


def test_a_selection_with_her_failed_course_within_her_limit_is_taken():
    assert [o.course.code for o in domain.check_selection(["8602", "8604", " 8605 ", "8604"], OFFERED, 18)] == [
        "8602", "8604", "8605"]


def test_refusals_name_their_reason():
    assert refusal([]) == "NO_COURSES"
    assert refusal(["8602", "9999"]) == "COURSE_NOT_OFFERED"
    assert refusal(["8601", "8602"]) == "COURSE_NOT_OFFERED"  # passed: not offered again
    assert refusal(["8604", "8605"]) == "FAILED_COURSE_LEFT_OUT"
    assert refusal(["8602", "8604", "8605", "8606"], limit=9) == "CREDIT_LIMIT_EXCEEDED"


def test_failed_courses_alone_may_go_over_the_limit():
    assert len(domain.check_selection(["8602"], OFFERED, 2)) == 1


def test_the_semester_fee_is_by_credit_hour_or_for_matric_by_course_with_the_technology_charge():
    assert domain.semester_charges("credit_hour", [C["8602"], C["8604"]]) == [("credit_hour_fee", 6)]
    assert domain.semester_charges("course", [C["201"], C["207"], C["201"]]) == [
        ("course_fee_3_credit_hours", 1), ("course_fee_6_credit_hours", 2), ("technology_charge", 1)]


def test_a_registration_challan_reference_names_the_semester_student_and_attempt():
    reference = domain.registration_reference("Spring 2027", "24F-100001", 2)
    assert reference == "REG-SPRING-2027-24F-100001-2"
    assert domain.is_registration_reference(reference)
    assert not domain.is_registration_reference("SR-2026-000001")
    assert not domain.is_registration_reference("ADM-AUTUMN-2025-22P-123456")


def test_an_unpaid_registration_lapses_after_its_due_date_and_grace():
    due = dt.date(2026, 12, 20)
    assert not domain.lapses(due, 0, due)
    assert domain.lapses(due, 0, due + dt.timedelta(days=1))
    assert not domain.lapses(due, 3, due + dt.timedelta(days=3))
