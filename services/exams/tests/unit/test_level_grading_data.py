"""Exams' copy of the program levels (its revision 0003) against enrollment's, which owns them.

Read from the migrations' data, no database: a level enrollment adds or renames must be
graded here too, or its results would never show a GPA."""
from campus import testing

migration = testing.load_migration


def test_exams_grades_exactly_the_levels_enrollment_has():
    graded = dict(migration("exams", "0003_gpa_by_level").LEVELS)
    assert set(graded) == {code for code, _ in migration("enrollment", "0003_program_levels").LEVELS}


def test_gpa_for_four_year_bachelors_and_postgraduate_only():
    graded = dict(migration("exams", "0003_gpa_by_level").LEVELS)
    assert {level for level, on_scale in graded.items() if not on_scale} == {"matric", "intermediate", "ba", "ade"}
