"""Enrollment rules, free of I/O. Semesters and their order are shared: campus.semesters."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from campus import identifiers, registry
from campus.errors import InvalidArgument
from campus.personal_info import AGE_RANGE  # noqa: F401 - the service's vocabulary
from campus.personal_info import date_of_birth as date_of_birth_value
from campus.personal_info import postal_address as postal_address_value
from campus.personal_info import required as required_value
from campus.semesters import Semester, latest_semester, parse_semester  # noqa: F401 - the service's vocabulary

# -- who sees which personal detail (least privilege) ----------------------------------
#: Besides the student herself, only these departments see each sensitive detail of her
#: record: admissions and student services keep the record; dispatch mails books and
#: degrees to her postal address. Every other caller gets the record without them.
PERSONAL_DETAILS = {
    "cnic": frozenset({"admissions", "student_services"}),
    "date_of_birth": frozenset({"admissions", "student_services"}),
    "postal_address": frozenset({"admissions", "student_services", "dispatch"}),
}


def hidden_details(caller_kind: str, department: str) -> set[str]:
    """The personal details this caller may not see."""
    if caller_kind == "student":  # the caller policy already made sure it is her own record
        return set()
    return {detail for detail, departments in PERSONAL_DETAILS.items()
            if caller_kind != "staff" or department not in departments}


# -- whose records a staff member sees (regional offices: their own centre's) -----------
class NoCentre(Exception):
    """A centre-bound staff member whose token names no centre: she sees no student."""


def centre_scope(caller_kind: str, department: str, centre: str) -> str | None:
    """The one centre whose students this caller may see, or None for no such limit."""
    if caller_kind != "staff":
        return None
    if department in registry.centre_bound() and not centre:
        raise NoCentre(department)
    return centre or None


# -- course registration ----------------------------------------------------------------
FILING, AWAITING_PAYMENT, CONFIRMED, LAPSED = "filing", "awaiting_payment", "confirmed", "lapsed"
#: A registration in these statuses holds the semester: she cannot register again beside it.
STANDING = (FILING, AWAITING_PAYMENT, CONFIRMED)
PASS, FAIL = "pass", "fail"
REGISTRATION_BLOCK = "registration"


@dataclass(frozen=True)
class SemesterCalendar:
    code: str                     # "Spring 2027"
    registration_opens: dt.date
    registration_closes: dt.date

    @property
    def semester(self) -> Semester:
        return parse_semester(self.code)


@dataclass(frozen=True)
class Course:
    code: str
    title: str
    credit_hours: int


@dataclass(frozen=True)
class Offered:
    course: Course
    required: bool                # failed before: must be registered again


@dataclass(frozen=True)
class Reason:
    code: str
    message: str


@dataclass(frozen=True)
class Standing:
    """What eligibility needs to know of one student, gathered by the use case."""
    status: str                                   # active | graduated | withdrawn
    admission_semester: str
    max_duration_years: int
    registered_semesters: tuple[str, ...]         # semesters she holds courses in (not lapsed)
    results: dict[str, dict[str, str]]            # published: semester -> {course code: remarks}
    blocking_holds: tuple[tuple[str, str], ...] = ()   # (title, action) of holds blocking registration


def semester_index(semester: Semester) -> int:
    return semester.year * 2 + semester.term_index


def open_semester(calendar: list[SemesterCalendar], today: dt.date) -> SemesterCalendar | None:
    """The semester to register for: the one whose window is open, else the next to open,
    else the last that closed (so that she is told it closed)."""
    ordered = sorted(calendar, key=lambda c: c.semester)
    for candidate in ordered:
        if candidate.registration_opens <= today <= candidate.registration_closes:
            return candidate
    upcoming = [c for c in ordered if c.registration_opens > today]
    if upcoming:
        return min(upcoming, key=lambda c: c.registration_opens)
    return ordered[-1] if ordered else None


def course_outcomes(results: dict[str, dict[str, str]]) -> tuple[set[str], set[str]]:
    """(passed, failed and not passed since): a course passed later is no longer failed."""
    passed: set[str] = set()
    failed: set[str] = set()
    for semester in sorted(results, key=parse_semester):
        for code, remarks in results[semester].items():
            if remarks == PASS:
                passed.add(code)
                failed.discard(code)
            elif remarks == FAIL and code not in passed:
                failed.add(code)
    return passed, failed


def incomplete_semester(standing: Standing, target: Semester) -> str | None:
    """Her last semester before `target`, if its results are not all published yet."""
    before = [s for s in standing.registered_semesters if parse_semester(s) < target]
    if not before:
        return None
    last = latest_semester(before)
    return None if last in standing.results else last


def beyond_maximum_duration(admitted: Semester, max_years: int, target: Semester) -> bool:
    """The admission semester is the first of 2 x max_years semesters she may study in."""
    return semester_index(target) - semester_index(admitted) >= 2 * max_years


def reasons_not_eligible(standing: Standing, calendar: SemesterCalendar | None, today: dt.date) -> list[Reason]:
    """Every reason she may not register now (an empty list: she may). Each says what to do."""
    if calendar is None:
        return [Reason("no_semester", "Registration for the next semester has not been announced yet.")]
    reasons = []
    if standing.status != "active":
        reasons.append(Reason("not_active", f"Your studies are marked {standing.status}: registration is for "
                                            "active students. Please contact your regional centre."))
    if today < calendar.registration_opens:
        reasons.append(Reason("window_not_open", f"Registration for {calendar.code} opens on "
                                                 f"{calendar.registration_opens.isoformat()}."))
    elif today > calendar.registration_closes:
        reasons.append(Reason("window_closed", f"Registration for {calendar.code} closed on "
                                               f"{calendar.registration_closes.isoformat()}."))
    target = calendar.semester
    incomplete = incomplete_semester(standing, target)
    if incomplete:
        reasons.append(Reason("previous_semester_incomplete", f"The results of {incomplete} are not published yet: "
                                                              "you can register once they are."))
    if beyond_maximum_duration(parse_semester(standing.admission_semester), standing.max_duration_years, target):
        reasons.append(Reason("maximum_duration_passed", f"Your programme's maximum duration of "
                                                         f"{standing.max_duration_years} years has passed."))
    for title, action in standing.blocking_holds:
        reasons.append(Reason("hold", f"{title}: {action}"))
    return reasons


def offered_courses(scheme: list[tuple[int, Course]], offered_codes: set[str],
                    results: dict[str, dict[str, str]], attempted: set[str]) -> list[Offered]:
    """Her failed courses (required) and the next semester of her scheme of studies: the
    lowest whose courses she has not all attempted; only what the semester offers."""
    passed, failed = course_outcomes(results)
    by_code = {course.code: course for _number, course in scheme}
    required = [Offered(by_code[c], True) for c in sorted(failed) if c in by_code and c in offered_codes]
    fresh = [(n, c) for n, c in scheme if c.code not in attempted and c.code not in passed and c.code not in failed]
    if not fresh:
        return required
    next_number = min(n for n, _c in fresh)
    return required + [Offered(c, False) for n, c in sorted(fresh, key=lambda nc: nc[1].code)
                       if n == next_number and c.code in offered_codes]


def check_selection(chosen: list[str], offered: list[Offered], credit_limit: int) -> list[Offered]:
    """The courses she chose, checked against what is offered to her; refusals name the reason."""
    codes = list(dict.fromkeys(code.strip().upper() for code in chosen if code.strip()))
    if not codes:
        raise InvalidArgument("choose at least one course", field="courses", reason="NO_COURSES")
    by_code = {o.course.code.upper(): o for o in offered}
    unknown = [c for c in codes if c not in by_code]
    if unknown:
        raise InvalidArgument(f"not offered to you this semester: {', '.join(unknown)}", field="courses",
                              reason="COURSE_NOT_OFFERED")
    left_out = [o.course.code for o in offered if o.required and o.course.code.upper() not in codes]
    if left_out:
        raise InvalidArgument(f"failed courses must be registered again: {', '.join(left_out)}", field="courses",
                              reason="FAILED_COURSE_LEFT_OUT")
    selection = [by_code[c] for c in codes]
    hours = sum(o.course.credit_hours for o in selection)
    if hours > credit_limit and not all(o.required for o in selection):
        raise InvalidArgument(f"{hours} credit hours is over your limit of {credit_limit}", field="courses",
                              reason="CREDIT_LIMIT_EXCEEDED")
    return selection


def semester_charges(fee_basis: str, selection: list[Course]) -> list[tuple[str, int]]:
    """What finance prices the semester's challan by (its fee codes, in its schedule): the
    credit hours, or (Matric) each course by its credit hours plus one technology charge."""
    if fee_basis == "course":
        by_hours: dict[int, int] = {}
        for course in selection:
            by_hours[course.credit_hours] = by_hours.get(course.credit_hours, 0) + 1
        return [(f"course_fee_{hours}_credit_hours", n) for hours, n in sorted(by_hours.items())] + [
            ("technology_charge", 1)]
    return [("credit_hour_fee", sum(course.credit_hours for course in selection))]


#: A semester registration's challan: one per attempt, so finance's idempotency on the
#: reference gives a retried registration its one challan.
REGISTRATION_REFERENCE = re.compile(
    r"^REG-(?P<term>SPRING|AUTUMN)-(?P<year>[0-9]{4})-(?P<regno>[0-9]{2}[A-Z]{1,2}-[0-9]{6})-(?P<attempt>[0-9]+)$")


def registration_reference(semester: str, regno: str, attempt: int) -> str:
    parsed = parse_semester(semester)
    return f"REG-{parsed.term.upper()}-{parsed.year}-{regno}-{attempt}"


def is_registration_reference(reference: str) -> bool:
    return bool(REGISTRATION_REFERENCE.match(reference or ""))


def parse_registration_reference(reference: str) -> tuple[str, str, int]:
    """(semester, registration number, attempt) of a registration's challan reference."""
    match = REGISTRATION_REFERENCE.match(reference)
    return f"{match['term'].capitalize()} {match['year']}", match["regno"], int(match["attempt"])


def lapses(due_date: dt.date, grace_days: int, today: dt.date) -> bool:
    """Unpaid past its due date (and the grace the university allows): it no longer holds."""
    return due_date <= last_lapsed_due_date(grace_days, today)


def last_lapsed_due_date(grace_days: int, today: dt.date) -> dt.date:
    """The latest due date whose unpaid registrations have lapsed by `today`."""
    return today - dt.timedelta(days=grace_days + 1)


# -- admission ---------------------------------------------------------------------------
#: The columns of a bulk admission file, in the order of the form.
ADMISSION_FIELDS = ("full_name", "father_name", "cnic", "date_of_birth", "gender", "postal_address", "mobile",
                    "email", "program_code", "centre_code", "admission_semester")
GENDERS = ("female", "male", "other")


@dataclass(frozen=True)
class AdmissionRecord:
    full_name: str
    father_name: str
    cnic: str
    date_of_birth: dt.date
    gender: str
    postal_address: str
    mobile: str
    email: str
    program_code: str
    centre_code: str
    admission_semester: str

    @property
    def duplicate_key(self) -> tuple[str, str]:
        """One person (CNIC) is admitted to one programme once."""
        return self.cnic, self.program_code


def _gender(value: str) -> str:
    gender = (value or "").strip().lower()
    if gender not in GENDERS:
        raise InvalidArgument("gender must be female, male or other", field="gender")
    return gender


def admission_problems(raw: dict[str, str], *, programs: set[str], centres: set[str], admitting: set[str],
                       today: dt.date) -> tuple[AdmissionRecord | None, list[tuple[str, str]]]:
    """The record, or every (field, problem) that refuses it. `admitting`: the semesters
    whose admission window is open."""
    parsers = {
        "full_name": lambda v: identifiers.person_name(v, "full_name"),
        "father_name": lambda v: identifiers.person_name(v, "father_name"),
        "cnic": identifiers.cnic,
        "date_of_birth": lambda v: date_of_birth_value(v, today),
        "gender": _gender,
        "postal_address": lambda v: postal_address_value(v),
        "mobile": lambda v: identifiers.mobile(v) or required_value("mobile"),
        "email": lambda v: identifiers.email(v, required=True),
        "program_code": lambda v: _known((v or "").strip().upper(), programs, "program_code", "programme"),
        "centre_code": lambda v: _known((v or "").strip().upper(), centres, "centre_code", "regional centre"),
        "admission_semester": lambda v: _admitting(v, admitting),
    }
    values, problems = {}, []
    for field, parse in parsers.items():
        try:
            values[field] = parse(raw.get(field) or "")
        except InvalidArgument as refused:
            problems.append((refused.field or field, refused.message))
    return (None if problems else AdmissionRecord(**values)), problems


def _known(code: str, known: set[str], field: str, what: str) -> str:
    if code not in known:
        raise InvalidArgument(f"no {what} '{code}'", field=field)
    return code


def _admitting(value: str, admitting: set[str]) -> str:
    semester = str(parse_semester(value, "admission_semester"))
    if semester not in admitting:
        raise InvalidArgument(f"admission to {semester} is not open", field="admission_semester")
    return semester


def registration_number(semester: str, serial: int) -> str:
    """The admission year's last two digits, S (Spring) or F (Autumn, "Fall"), and a serial:
    27S-000001. The serial runs per prefix; the seeds' older numbers (22P-) keep theirs."""
    return f"{registration_prefix(semester)}-{serial:06d}"


def registration_prefix(semester: str) -> str:
    parsed = parse_semester(semester)
    return f"{parsed.year % 100:02d}{'S' if parsed.term == 'Spring' else 'F'}"
