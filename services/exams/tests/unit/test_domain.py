"""Unit tests: exams rules with no I/O (totals, the pass rule, grades, GPA, what a card shows)."""
from decimal import Decimal

import pytest

from campus.errors import InvalidArgument
from services.exams import domain

BANDS = [domain.GradeBand("A+", 85, 100, Decimal("4.00"), True), domain.GradeBand("A", 80, 84, Decimal("3.70"), True),
         domain.GradeBand("B", 70, 79, Decimal("3.00"), True), domain.GradeBand("C", 60, 69, Decimal("2.00"), True),
         domain.GradeBand("D", 50, 59, Decimal("1.00"), True), domain.GradeBand("F", 0, 49, Decimal("0.00"), False)]
AUTUMN_2025 = domain.parse_semester("Autumn 2025")
SPRING_2021 = domain.parse_semester("Spring 2021")
RULE, WEIGHTS = domain.PassRule(), domain.Weights()


def graded(assignment, final, semester=AUTUMN_2025, rule=RULE, weights=WEIGHTS):
    return domain.grade_course(assignment, final, semester, rule=rule, weights=weights, bands=BANDS)


def test_total_weighs_assignments_and_final_and_rounds_half_up():
    assert domain.total_marks(78, 71, WEIGHTS) == 73          # 23.4 + 49.7 = 73.1
    assert domain.total_marks(75, 65, WEIGHTS) == 68          # 22.5 + 45.5 = 68.0
    assert domain.total_marks(55, 50, WEIGHTS) == 52          # 16.5 + 35.0 = 51.5 -> 52
    assert domain.total_marks(80, 60, domain.Weights(assignments=50, final=50)) == 70


@pytest.mark.parametrize("total, grade", [(100, "A+"), (85, "A+"), (84, "A"), (80, "A"), (79, "B"), (70, "B"),
                                          (69, "C"), (60, "C"), (59, "D"), (50, "D"), (49, "F"), (0, "F")])
def test_grade_from_the_bands(total, grade):
    assert domain.grade_for(total, BANDS).grade == grade


def test_a_total_outside_every_band_is_a_bug_in_the_data():
    with pytest.raises(ValueError):
        domain.grade_for(50, BANDS[:4])


def test_since_autumn_2021_both_components_need_half_marks():
    assert graded(50, 50).remarks == domain.PASS
    failed_final = graded(95, 49)           # total 63 would be a C, but the final exam is below 50
    assert (failed_final.total, failed_final.grade, failed_final.remarks) == (63, "F", domain.FAIL)
    assert graded(49, 90).remarks == domain.FAIL


def test_before_autumn_2021_the_total_decides():
    assert (graded(95, 49, SPRING_2021).grade, graded(95, 49, SPRING_2021).remarks) == ("C", domain.PASS)
    assert graded(40, 45, SPRING_2021).remarks == domain.FAIL


def test_thresholds_are_parameters():
    lenient = domain.PassRule(assignment_min=40, final_min=40)
    assert graded(45, 55, rule=lenient).remarks == domain.PASS
    assert graded(45, 55).remarks == domain.FAIL


def test_a_missing_component_makes_the_result_late():
    late = graded(70, None)
    assert (late.total, late.grade, late.grade_point, late.remarks) == (None, "", None, domain.RESULT_LATE)


def test_marks_beyond_100_are_refused_naming_the_component():
    with pytest.raises(InvalidArgument) as bad:
        graded(70, 101)
    assert bad.value.field == "final_exam_marks"


def test_gpa_is_credit_weighted_to_two_places():
    assert domain.gpa([(3, Decimal("3.00")), (3, Decimal("3.70")), (3, Decimal("2.00"))]) == Decimal("2.90")
    assert domain.gpa([(4, Decimal("4.00")), (2, Decimal("1.00"))]) == Decimal("3.00")
    assert domain.gpa([(3, Decimal("3.70")), (3, Decimal("3.00")), (1, Decimal("0"))]) == Decimal("2.87")


def test_no_gpa_while_a_result_is_late_or_without_courses():
    assert domain.gpa([(3, Decimal("3.00")), (3, None)]) is None
    assert domain.gpa([]) is None


ON_GPA_SCALE = {"bed", "bed4", "bs", "ma_msc", "med", "mphil", "phd"}


@pytest.mark.parametrize("levels, applies", [
    (["bs"], True), (["phd", "mphil"], True), (["bed"], True), (["med"], True),
    (["matric"], False), (["intermediate"], False), (["ba"], False), (["ade"], False),
    (["bs", "ba"], False),          # a semester with a course taken at a level without GPA
    ([""], False), ([], False),     # level not known: no scale is claimed
])
def test_gpa_only_where_the_level_uses_it(levels, applies):
    assert domain.gpa_applies(levels, ON_GPA_SCALE) is applies


def test_which_levels_use_gpa_is_data():
    assert domain.gpa_applies(["ba"], {"ba"})
    assert not domain.gpa_applies(["bs"], set())


def test_components_are_shown_from_autumn_2021_on():
    assert domain.components_shown(domain.parse_semester("Autumn 2021"))
    assert domain.components_shown(AUTUMN_2025)
    assert not domain.components_shown(SPRING_2021)
    assert not domain.components_shown(domain.parse_semester("Autumn 2020"))


def test_semesters_order_by_calendar():
    assert sorted(["Spring 2026", "Autumn 2025", "Spring 2025"], key=domain.parse_semester) == [
        "Spring 2025", "Autumn 2025", "Spring 2026"]
    with pytest.raises(InvalidArgument):
        domain.parse_semester("Fall 2025")


# -- roll numbers and centres ---------------------------------------------------------
def test_a_roll_number_is_two_letters_and_six_digits():
    assert domain.roll_number("BO", 680724) == "BO680724"
    for prefix, serial in (("B", 680724), ("bo", 680724), ("BO", 99_999), ("BO", 1_000_000), ("B1", 100_000)):
        with pytest.raises(ValueError):
            domain.roll_number(prefix, serial)


def test_the_next_series_skips_every_prefix_ever_used():
    assert domain.next_prefix(set()) == "AA"
    assert domain.next_prefix({"AA", "AB", "BO"}) == "AC"
    assert domain.next_prefix({"AA"}, after="AZ") == "BA"
    everything = {a + b for a in domain.LETTERS for b in domain.LETTERS}
    with pytest.raises(ValueError):
        domain.next_prefix(everything)


def test_the_first_centre_with_a_free_seat_is_chosen():
    load = domain.CentreLoad
    assert domain.choose_centre([load("ISB-01", 2, 2), load("ISB-02", 1, 0)]) == "ISB-02"
    assert domain.choose_centre([load("ISB-01", 2, 1), load("ISB-02", 1, 0)]) == "ISB-01"
    assert domain.choose_centre([load("ISB-01", 0, 0), load("ISB-02", 1, 1)]) is None
    assert domain.choose_centre([]) is None


# -- CGPA and remarks ---------------------------------------------------------------
def _attempt(term, code, point, hours=3, level="bed"):
    return domain.Attempt(domain.parse_semester(term), code, hours,
                          None if point is None else Decimal(point), level)


def test_cgpa_counts_the_latest_attempt_of_each_course():
    attempts = [_attempt("Autumn 2025", "8601", "3.00"), _attempt("Autumn 2025", "8602", "0.00"),
                _attempt("Spring 2026", "8602", "4.00"), _attempt("Spring 2026", "8604", "2.00")]
    assert domain.cgpa(attempts, {"bed"}) == Decimal("3.00")


def test_no_cgpa_off_the_scale_or_while_a_result_is_late():
    assert domain.cgpa([_attempt("Autumn 2025", "201", "3.00", 6, "matric")], {"bed"}) is None
    assert domain.cgpa([_attempt("Autumn 2025", "8601", "3.00"), _attempt("Spring 2026", "8604", None)],
                       {"bed"}) is None
    assert domain.cgpa([], {"bed"}) is None


def test_the_card_says_rl_reappear_or_pass():
    assert domain.card_remarks(["pass", "pass"]) == "pass"
    assert domain.card_remarks(["pass", "fail"]) == "re-appear"
    assert domain.card_remarks(["fail", "RL"]) == "RL"
    assert domain.card_remarks([]) == "RL"


# -- workshops ----------------------------------------------------------------------
WORKSHOP_RULE = domain.PassRule(workshop_min=80)


def test_too_few_workshops_fail_the_course_whatever_the_marks():
    term = domain.parse_semester("Spring 2026")
    graded = domain.grade_course(90, 90, term, rule=WORKSHOP_RULE, weights=WEIGHTS, bands=BANDS, workshop=79)
    assert (graded.remarks, graded.grade) == (domain.FAIL, "F")
    assert domain.grade_course(90, 90, term, rule=WORKSHOP_RULE, weights=WEIGHTS, bands=BANDS,
                               workshop=80).remarks == domain.PASS


def test_awaited_workshop_attendance_makes_the_result_late_but_not_before_autumn_2021():
    awaited = domain.grade_course(90, 90, domain.parse_semester("Spring 2026"), rule=WORKSHOP_RULE, weights=WEIGHTS,
                                  bands=BANDS)
    assert awaited.remarks == domain.RESULT_LATE
    before = domain.grade_course(90, 90, domain.parse_semester("Spring 2021"), rule=WORKSHOP_RULE, weights=WEIGHTS,
                                 bands=BANDS)
    assert before.remarks == domain.PASS


def test_workshop_attendance_out_of_range_names_its_field():
    with pytest.raises(InvalidArgument) as bad:
        domain.grade_course(90, 90, domain.parse_semester("Spring 2026"), rule=WORKSHOP_RULE, weights=WEIGHTS,
                            bands=BANDS, workshop=101)
    assert bad.value.field == "workshop_attendance"
