"""Enrollment rules, free of I/O. Semesters and their order are shared: campus.semesters."""
from __future__ import annotations

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
#: Staff of these departments work for one regional centre, named in their access token.
CENTRE_BOUND = frozenset({"regional"})


class NoCentre(Exception):
    """A centre-bound staff member whose token names no centre: she sees no student."""


def centre_scope(caller_kind: str, department: str, centre: str) -> str | None:
    """The one centre whose students this caller may see, or None for no such limit."""
    if caller_kind != "staff":
        return None
    if department in CENTRE_BOUND and not centre:
        raise NoCentre(department)
    return centre or None
