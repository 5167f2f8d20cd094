"""A program's semester in figures, before it is published: pass rate, grade distribution
and average total by course and by exam centre, so an outlier centre or a mistyped upload
is seen at a glance (the staff page draws them as charts)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa

from campus.db import Database
from services.exams import domain
from services.exams.models import candidate_papers, candidates, exam_centres, result_publications, results


@dataclass
class Group:
    key: str
    title: str
    grades: dict[str, int] = field(default_factory=dict)
    passed: int = 0
    failed: int = 0
    late: int = 0
    total_sum: int = 0
    totals: int = 0

    @property
    def results(self) -> int:
        return self.passed + self.failed + self.late

    @property
    def average_total(self) -> Decimal | None:
        if not self.totals:
            return None
        return (Decimal(self.total_sum) / self.totals).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def add(self, grade: str, remarks: str, total: int | None, count: int) -> None:
        if remarks == domain.PASS:
            self.passed += count
        elif remarks == domain.FAIL:
            self.failed += count
        else:
            self.late += count
        if grade:
            self.grades[grade] = self.grades.get(grade, 0) + count
        if total is not None:
            self.total_sum += total * count
            self.totals += count


@dataclass(frozen=True)
class Statistics:
    semester: str
    program_code: str
    candidates: int
    published: bool
    courses: list[Group]
    centres: list[Group]


def semester(db: Database, semester_: str, program_code: str) -> Statistics:
    term = str(domain.parse_semester(semester_))
    program = domain.program_code(program_code)
    with db.sessions() as session:
        sitting = sa.and_(candidates.c.semester == term, candidates.c.program_code == program)
        count = session.scalar(sa.select(sa.func.count()).select_from(candidates).where(sitting)) or 0
        published = session.scalar(sa.select(result_publications.c.semester).filter_by(
            semester=term, program_code=program)) is not None
        # Each paper sat, with its result if one is recorded (none yet counts as late).
        joined = (sa.select(candidate_papers.c.course_code, candidate_papers.c.course_title, candidates.c.centre_code,
                            sa.func.coalesce(exam_centres.c.name, "").label("centre_name"),
                            sa.func.coalesce(results.c.grade, "").label("grade"),
                            sa.func.coalesce(results.c.remarks, domain.RESULT_LATE).label("remarks"),
                            results.c.total_marks, sa.func.count().label("n"))
                  .join(candidates, candidates.c.roll_number == candidate_papers.c.roll_number)
                  .outerjoin(exam_centres, exam_centres.c.code == candidates.c.centre_code)
                  .outerjoin(results, sa.and_(results.c.registration_number == candidates.c.registration_number,
                                              results.c.semester == candidates.c.semester,
                                              results.c.course_code == candidate_papers.c.course_code))
                  .where(sitting)
                  .group_by(candidate_papers.c.course_code, candidate_papers.c.course_title, candidates.c.centre_code,
                            exam_centres.c.name, results.c.grade, results.c.remarks, results.c.total_marks))
        rows = session.execute(joined).all()
    courses: dict[str, Group] = {}
    centres: dict[str, Group] = {}
    for r in rows:
        courses.setdefault(r.course_code, Group(r.course_code, r.course_title)).add(r.grade, r.remarks,
                                                                                     r.total_marks, r.n)
        centre = r.centre_code or ""
        centres.setdefault(centre, Group(centre, r.centre_name or "no centre")).add(r.grade, r.remarks,
                                                                                    r.total_marks, r.n)
    return Statistics(term, program, count, published, sorted(courses.values(), key=lambda g: g.key),
                      sorted(centres.values(), key=lambda g: g.key))
