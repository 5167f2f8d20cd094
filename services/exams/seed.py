"""Demo data: the published Autumn 2025 results of the demo student (all passes) and of the
two registrants (one course failed each), with the roll numbers they sat them under and
their published cards (the public look-up by roll number: BM214365 is the demo student's);
the B.Ed date sheets of Spring 2026 (sat now, November-December) and Spring 2027; and the
demo student's roll number (BO680724) and centre for Spring 2026."""
import datetime as dt

import sqlalchemy as sa

from cms.enrollment.v1 import events_pb2 as enrollment_events
from services import demo
from services.exams import centres, publication, service, slips
from services.exams.models import candidates, result_publications, roll_number_series

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
    _published_cards(runtime)
    for semester, papers in DATE_SHEETS.items():
        if centres.date_sheet(runtime.db, semester, "BED15")[2]:
            continue  # seeded before
        for code, title, day, start, end in papers:
            centres.set_paper(runtime.db, semester=semester, program_code="BED15", course_code=code,
                              course_title=title, date=day, start=start, end=end, remove=False, by="seed")
    _candidate(runtime)


CURRENT = "Spring 2026"
B_ED_PAPERS = {
    "8601": "General Methods of Teaching", "8602": "Educational Assessment and Evaluation",
    "8603": "Curriculum Development", "8604": "Research Methods in Education",
    "8605": "Educational Leadership and Management", "8606": "Citizenship Education and Community Engagement",
}
DATE_SHEETS = {  # semester: (course, title, date, start, end); Spring exams are in November-December
    CURRENT: [(code, B_ED_PAPERS[code], day, "09:00", "12:00")
              for code, day in (("8604", "2026-12-09"), ("8605", "2026-12-12"), ("8606", "2026-12-16"))],
    "Spring 2027": [(code, B_ED_PAPERS[code], day, "14:00", "17:00")
                    for code, day in (("8601", "2027-11-22"), ("8602", "2027-11-25"), ("8603", "2027-11-29"),
                                      ("8604", "2027-12-02"), ("8605", "2027-12-06"), ("8606", "2027-12-09"))],
}


#: Autumn 2025's roll numbers: the demo student's, then the two registrants'.
AUTUMN_ROLL_NUMBERS = "BM214365"


def _candidate(runtime) -> None:
    """The demo student sits Spring 2026's papers at Islamabad with roll number BO680724."""
    student = demo.STUDENT
    _sits(runtime, student, CURRENT, student["roll_number"], "ISB", ("8604", "8605", "8606"))


def _sits(runtime, student: dict, semester: str, first_roll_number: str, region: str, papers) -> None:
    """A candidate of the semester, her roll number drawn from a series starting at `first_roll_number`."""
    with runtime.db.unit_of_work() as uow:
        if uow.session.scalar(sa.select(candidates.c.roll_number).where(
                candidates.c.registration_number == student["registration_number"], candidates.c.semester == semester)):
            return
        prefix, serial = first_roll_number[:2], int(first_roll_number[2:])
        if not uow.session.scalar(sa.select(roll_number_series.c.prefix).where(roll_number_series.c.prefix == prefix)):
            uow.session.execute(sa.insert(roll_number_series).values(prefix=prefix, semester=semester,
                                                                      next_serial=serial, exhausted=False))
        slips.allocate(uow, enrollment_events.RegistrationConfirmed(
            registration_number=student["registration_number"], semester=semester,
            program_code=student["program_code"], program_title="B.Ed (1.5 Years)", level=student["level"],
            regional_centre=region, full_name=student["full_name"], father_name=student["father_name"],
            courses=[enrollment_events.SemesterCourse(code=code, title=B_ED_PAPERS[code], credit_hours=3)
                     for code in papers]))
        uow.commit()


def _published_cards(runtime) -> None:
    """Autumn 2025 as it was sat and published: roll numbers, then the program's cards."""
    for student, region in ((demo.STUDENT, "ISB"), (demo.REGISTRANT, "FSD"), (demo.REGISTRANT_2, "FSD")):
        _sits(runtime, student, SEMESTER, AUTUMN_ROLL_NUMBERS, region, ("8601", "8602", "8603"))
    with runtime.db.sessions() as session:
        if session.scalar(sa.select(result_publications.c.semester).filter_by(semester=SEMESTER,
                                                                             program_code="BED15")):
            return
    publication.publish(runtime.db, SEMESTER, "BED15", by="seed", on=PUBLISHED_ON)


#: The demo's B.Ed students attended their workshops (80% is the minimum).
WORKSHOPS = 90


def _record(runtime, regno: str, level: str, results) -> None:
    for code, title, credit_hours, assignment, final in results:
        service.record_result(runtime.db, runtime.config, registration_number=regno, semester=SEMESTER, level=level,
                              course_code=code, course_title=title, credit_hours=credit_hours,
                              assignment_marks=assignment, final_exam_marks=final, workshop_attendance=WORKSHOPS)
