"""Enrollment rules, free of I/O. Semesters and their order are shared: campus.semesters."""
from __future__ import annotations

from campus.semesters import Semester, latest_semester, parse_semester  # noqa: F401 - the service's vocabulary
