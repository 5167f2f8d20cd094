"""Unit tests: enrollment rules with no I/O (semesters and their order)."""
import pytest

from campus.errors import InvalidArgument
from services.enrollment import domain


def test_semesters_are_normalised():
    assert str(domain.parse_semester(" autumn   2025 ")) == "Autumn 2025"
    assert str(domain.parse_semester("SPRING 2026")) == "Spring 2026"


@pytest.mark.parametrize("text", ["", "Summer 2025", "Autumn 25", "2025 Autumn", "Autumn 1960", None])
def test_anything_else_is_an_invalid_semester(text):
    with pytest.raises(InvalidArgument) as bad:
        domain.parse_semester(text, field="semester")
    assert bad.value.field == "semester"


def test_spring_comes_before_autumn_of_the_same_year():
    assert domain.parse_semester("Spring 2025") < domain.parse_semester("Autumn 2025")
    assert domain.parse_semester("Autumn 2025") < domain.parse_semester("Spring 2026")


def test_latest_semester_is_by_calendar_not_by_text():
    assert domain.latest_semester(["Spring 2026", "Autumn 2025", "Spring 2025"]) == "Spring 2026"
    assert domain.latest_semester(["Autumn 2025", "Spring 2025"]) == "Autumn 2025"
    assert domain.latest_semester([]) == ""
