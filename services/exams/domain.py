"""Exams rules, free of I/O: totals, the pass rule, grades, GPA, and what a result card shows.

Every threshold, weight and band is a parameter: the figures come from configuration and
from the grade_bands table, never from here."""
from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from campus import identifiers
from campus.errors import InvalidArgument
from campus.semesters import TERMS, Semester, parse_semester  # noqa: F401 - the service's vocabulary

#: From this semester on, a pass needs both components and the card shows them (seed 000).
AUTUMN_2021 = Semester(2021, TERMS.index("Autumn"))


def components_shown(semester: Semester, since: Semester = AUTUMN_2021) -> bool:
    """Result cards show assignment and final exam marks from Autumn 2021 on; before, only the grade."""
    return semester >= since


# -- marks, pass and grade ------------------------------------------------------------
PASS, FAIL, RESULT_LATE = "pass", "fail", "RL"


@dataclass(frozen=True)
class GradeBand:
    grade: str
    min_marks: int
    max_marks: int
    grade_point: Decimal
    is_pass: bool


@dataclass(frozen=True)
class PassRule:
    assignment_min: int = 50
    final_min: int = 50
    since: Semester = AUTUMN_2021
    workshop_min: int | None = None     # attendance percent, where the level has workshops


@dataclass(frozen=True)
class Weights:
    assignments: int = 30
    final: int = 70


@dataclass(frozen=True)
class Graded:
    total: int | None
    grade: str
    grade_point: Decimal | None
    remarks: str


def total_marks(assignment: int, final: int, weights: Weights) -> int:
    """The weighted total out of 100, rounded half up (integers only, so no float drift)."""
    return (assignment * weights.assignments + final * weights.final + 50) // 100


def grade_for(total: int, bands: Iterable[GradeBand]) -> GradeBand:
    for band in bands:
        if band.min_marks <= total <= band.max_marks:
            return band
    raise ValueError(f"no grade band covers {total} marks")


def failing_band(bands: Iterable[GradeBand]) -> GradeBand:
    return min((b for b in bands if not b.is_pass), key=lambda b: b.min_marks)


def passes(assignment: int, final: int, band: GradeBand, semester: Semester, rule: PassRule,
           workshop: int | None = None) -> bool:
    """A passing grade; and, from `rule.since` on, the minimum in each component too, and
    the workshops attended where the level has them."""
    if not band.is_pass:
        return False
    if semester < rule.since:
        return True
    if rule.workshop_min is not None and (workshop or 0) < rule.workshop_min:
        return False
    return assignment >= rule.assignment_min and final >= rule.final_min


def grade_course(assignment: int | None, final: int | None, semester: Semester, *, rule: PassRule,
                 weights: Weights, bands: list[GradeBand], workshop: int | None = None) -> Graded:
    """Total, grade and remarks of one course; a missing component makes the result late
    (the workshop attendance too, where the level has workshops, from Autumn 2021 on)."""
    for value, field in ((assignment, "assignment_marks"), (final, "final_exam_marks"),
                         (workshop, "workshop_attendance")):
        if value is not None and not 0 <= value <= 100:
            raise InvalidArgument(f"{field} must be between 0 and 100", field=field)
    awaited_workshop = rule.workshop_min is not None and semester >= rule.since and workshop is None
    if assignment is None or final is None or awaited_workshop:
        return Graded(None, "", None, RESULT_LATE)
    total = total_marks(assignment, final, weights)
    band = grade_for(total, bands)
    if not passes(assignment, final, band, semester, rule, workshop):
        band = failing_band(bands)  # a component below its minimum fails the course whatever the total
        return Graded(total, band.grade, band.grade_point, FAIL)
    return Graded(total, band.grade, band.grade_point, PASS)


# -- GPA ------------------------------------------------------------------------------
def gpa(courses: Iterable[tuple[int, Decimal | None]]) -> Decimal | None:
    """Credit-weighted mean of grade points, to two places; None while a result is late."""
    courses = list(courses)
    if not courses or any(point is None for _, point in courses):
        return None
    credits = sum(hours for hours, _ in courses)
    if credits == 0:
        return None
    points = sum(hours * point for hours, point in courses)
    return (points / credits).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def gpa_applies(levels: Iterable[str], on_gpa_scale: Collection[str]) -> bool:
    """A semester has a GPA only if every course in it was taken at a level graded on the
    GPA scale (4-year bachelor's and postgraduate programs; not Matric, FA or BA / AD).
    A result whose level is not known ('') does not claim a scale."""
    levels = set(levels)
    return bool(levels) and all(level in on_gpa_scale for level in levels)


# -- roll numbers and exam centres -----------------------------------------------------
#: A series is two letters and the six-digit serials from FIRST_SERIAL on (no leading zeros
#: on a slip, where a dropped 0 would make another student's number).
FIRST_SERIAL, LAST_SERIAL = 100_000, 999_999
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def roll_number(prefix: str, serial: int) -> str:
    if not (len(prefix) == 2 and prefix.isalpha() and prefix.isupper() and FIRST_SERIAL <= serial <= LAST_SERIAL):
        raise ValueError(f"no roll number {prefix}{serial}")
    return f"{prefix}{serial:06d}"


def next_prefix(taken: Collection[str], after: str = "") -> str:
    """The first two letters, in order after `after`, that no series has used: a roll number
    is never given twice, in any semester."""
    for first in LETTERS:
        for second in LETTERS:
            prefix = first + second
            if prefix > after and prefix not in taken:
                return prefix
    raise ValueError("every roll number series is used")


@dataclass(frozen=True)
class CentreLoad:
    code: str
    capacity: int
    seated: int


def choose_centre(centres: Iterable[CentreLoad]) -> str | None:
    """The first centre of the region (in the order given) with a free seat; None if all are full."""
    for centre in centres:
        if centre.seated < centre.capacity:
            return centre.code
    return None


# -- CGPA and the card's remarks --------------------------------------------------------
@dataclass(frozen=True)
class Attempt:
    semester: Semester
    course_code: str
    credit_hours: int
    grade_point: Decimal | None      # None while the result is late
    level: str


def cgpa(attempts: Iterable[Attempt], on_gpa_scale: Collection[str]) -> Decimal | None:
    """Credit-weighted over the latest attempt of each course: a failed course passed later
    counts once, as passed. None if any course was taken at a level not on the GPA scale
    (Matric, FA, BA / AD), or its latest result is late."""
    latest: dict[str, Attempt] = {}
    for attempt in sorted(attempts, key=lambda a: a.semester):
        latest[attempt.course_code] = attempt
    if not latest or not gpa_applies((a.level for a in latest.values()), on_gpa_scale):
        return None
    return gpa((a.credit_hours, a.grade_point) for a in latest.values())


REAPPEAR = "re-appear"


def card_remarks(course_remarks: Iterable[str]) -> str:
    """The result card's one word: RL while any result is late, re-appear in the failed
    courses if any failed, pass otherwise."""
    remarks = list(course_remarks)
    if not remarks or RESULT_LATE in remarks:
        return RESULT_LATE
    return REAPPEAR if FAIL in remarks else PASS


def semester_gpa(rows, points: dict[str, Decimal], on_gpa_scale: Collection[str]) -> Decimal | None:
    """A semester's GPA from its results (each with level, credit_hours, grade), where its
    levels use one: the one rule the result card, the transcript and the API all show."""
    rows = list(rows)
    if not gpa_applies((r.level for r in rows), on_gpa_scale):  # not for Matric, FA, BA / AD
        return None
    return gpa((r.credit_hours, points.get(r.grade)) for r in rows)


def cgpa_of(published, points: dict[str, Decimal], on_gpa_scale: Collection[str]) -> Decimal | None:
    """CGPA of her published semesters [(semester, published on, results)]: see `cgpa`."""
    return cgpa([Attempt(parse_semester(semester), r.course_code, r.credit_hours,
                         None if r.remarks == RESULT_LATE else points.get(r.grade), r.level)
                 for semester, _published_on, rows in published for r in rows], on_gpa_scale)


#: A programme's code as enrollment writes it (BED15, ADE): one check for every service.
program_code = identifiers.program_code
