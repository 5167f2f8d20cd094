"""Semesters: 'Spring 2026', 'Autumn 2025', and their order.

Two a year. Spring admissions open in February, Autumn admissions in August, so within a
year Spring comes first."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from campus.errors import InvalidArgument

TERMS = ("Spring", "Autumn")
SEMESTER = re.compile(r"^(spring|autumn)\s+(\d{4})$", re.IGNORECASE)
FIRST_YEAR = 1974  # the year the university opened


@dataclass(frozen=True, order=True)
class Semester:
    year: int
    term_index: int

    @property
    def term(self) -> str:
        return TERMS[self.term_index]

    def __str__(self) -> str:
        return f"{self.term} {self.year}"


def parse_semester(text: str, field: str = "semester") -> Semester:
    """'autumn 2025' -> Semester(2025, Autumn); anything else is an invalid argument."""
    match = SEMESTER.match((text or "").strip())
    if not match or not FIRST_YEAR <= int(match[2]) <= 2200:
        raise InvalidArgument(f"{field} must be a semester like 'Spring 2026' or 'Autumn 2025'", field=field)
    return Semester(int(match[2]), TERMS.index(match[1].capitalize()))


def latest_semester(semesters: Iterable[str]) -> str:
    """The most recent of the given semesters, '' when there are none."""
    parsed = [parse_semester(s) for s in semesters]
    return str(max(parsed)) if parsed else ""
