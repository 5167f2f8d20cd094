"""Demo data: the published Autumn 2025 results of the demo student (all passes) and of the
two registrants (one course failed each)."""
import datetime as dt

from services import demo
from services.exams import service

SEMESTER = "Autumn 2025"
PUBLISHED_ON = dt.date(2026, 8, 4)  # Autumn results come out in July-August
RESULTS = [  # (course code, title, credit hours, assignment marks, final exam marks)
    ("8601", "General Methods of Teaching", 3, 78, 71),
    ("8602", "Educational Assessment and Evaluation", 3, 85, 82),
    ("8603", "Curriculum Development", 3, 72, 64),
]


def seed(runtime) -> None:
    regno, level = demo.STUDENT["registration_number"], demo.STUDENT["level"]
    if service.published_results(runtime.db, regno):
        service.record_missing_levels(runtime.db, regno, level)  # seeded before results kept their level
    else:
        _record(runtime, regno, level, RESULTS)
    for registrant in demo.REGISTRANTS:
        if not service.published_results(runtime.db, registrant["registration_number"]):
            _record(runtime, registrant["registration_number"], registrant["level"], registrant["results"])
    service.publish_semester(runtime.db, SEMESTER, PUBLISHED_ON)


def _record(runtime, regno: str, level: str, results) -> None:
    for code, title, credit_hours, assignment, final in results:
        service.record_result(runtime.db, runtime.config, registration_number=regno, semester=SEMESTER, level=level,
                              course_code=code, course_title=title, credit_hours=credit_hours,
                              assignment_marks=assignment, final_exam_marks=final)
