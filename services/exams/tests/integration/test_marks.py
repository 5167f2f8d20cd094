"""Marks against real PostgreSQL: one paper at a time by roll number, and files checked whole
(every refused row reported, nothing applied) then applied whole; the semester's figures
by course and by centre before publication."""
import csv
import io

import pytest
import sqlalchemy as sa

from campus import audit
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from cms.enrollment.v1.events_pb2 import RegistrationConfirmed, SemesterCourse
from cms.exams.v1 import exams_pb2 as pb
from services.exams import marks, slips
from services.exams.models import marks_file_progress, results

SEMESTER = "Autumn 2026"
PAPERS = ("8601", "8602", "8603")


@pytest.fixture(scope="module")
def officer(users):
    return users.staff("exams.officer", "examinations")


@pytest.fixture(scope="module")
def sitting(runtime):
    """300 B.Ed candidates of Autumn 2026, in two regions, three papers each."""
    rolls = []
    for n in range(300):
        with runtime.db.unit_of_work() as uow:
            rolls.append(slips.allocate(uow, RegistrationConfirmed(
                registration_number=f"25F-{700000 + n}", semester=SEMESTER, program_code="BED15",
                program_title="B.Ed (1.5 Years)", level="bed", regional_centre="PSH" if n % 3 else "KHI",
                full_name=f"Candidate {n}", father_name="Father",
                courses=[SemesterCourse(code=c, title=f"Course {c}", credit_hours=3) for c in PAPERS])))
            uow.commit()
    return rolls


def to_csv(rows, header=("roll_number", "course_code", "assignment_marks", "final_exam_marks",
                         "workshop_attendance")) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def count_results(runtime) -> int:
    with runtime.db.sessions() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(results).where(results.c.semester == SEMESTER))


def submit(as_gateway, officer, text, name="marks.csv"):
    return as_gateway.call("exams", "SubmitMarksFile", pb.SubmitMarksFileRequest(file_name=name, csv=text),
                           caller=officer)


def test_marks_one_paper_at_a_time(as_gateway, officer, users, sitting):
    roll = sitting[0]
    done = as_gateway.call("exams", "RecordMarks", pb.RecordMarksRequest(
        roll_number=roll.lower(), course_code="8601", assignment_marks=80, final_exam_marks=70,
        workshop_attendance=90), caller=officer)
    assert (done.roll_number, done.semester, done.total_marks, done.grade, done.remarks) == (
        roll, SEMESTER, 73, "B", "pass")
    awaited = as_gateway.call("exams", "RecordMarks", pb.RecordMarksRequest(
        roll_number=roll, course_code="8602", assignment_marks=80, workshop_attendance=90), caller=officer)
    assert awaited.remarks == "RL"
    few_workshops = as_gateway.call("exams", "RecordMarks", pb.RecordMarksRequest(
        roll_number=roll, course_code="8603", assignment_marks=90, final_exam_marks=90, workshop_attendance=50),
        caller=officer)
    assert (few_workshops.grade, few_workshops.remarks) == ("F", "fail")
    for request, error, field in (
            (dict(roll_number="ZZ000001", course_code="8601"), NotFound, "roll_number"),
            (dict(roll_number=roll, course_code="8604"), InvalidArgument, "course_code"),
            (dict(roll_number=roll, course_code="8601", assignment_marks=101, final_exam_marks=1,
                  workshop_attendance=90), InvalidArgument, "assignment_marks"),
            (dict(roll_number="12345678", course_code="8601"), InvalidArgument, "roll_number")):
        with pytest.raises(error) as refused:
            as_gateway.call("exams", "RecordMarks", pb.RecordMarksRequest(**request), caller=officer)
        assert refused.value.field == field
    with pytest.raises(PermissionDenied):
        as_gateway.call("exams", "RecordMarks", pb.RecordMarksRequest(roll_number=roll, course_code="8601"),
                        caller=users.staff("student.desk", "student_services"))


def test_a_file_with_bad_rows_is_refused_whole_with_every_row_reported(as_gateway, officer, runtime, sitting):
    before = count_results(runtime)
    rows = [[roll, code, 70, 60, 85] for roll in sitting[10:20] for code in PAPERS]
    rows[3] = ["ZZ999999", "8601", 70, 60, 85]          # line 5: nobody
    rows[4] = [sitting[11], "8602", 120, 60, 85]         # line 6: out of range
    rows[5] = [sitting[10], "8601", 70, 60, 85]          # line 7: the same roll number and paper as line 2
    rows[6] = [sitting[12], "8699", 70, 60, 85]          # line 8: a paper she does not sit
    rows[7] = [sitting[12], "8602", "seventy", 60, 85]   # line 9: not a number
    rows[8] = ["BO68", "8603", 70, 60, 85]               # line 10: not a roll number
    answer = submit(as_gateway, officer, to_csv(rows))
    assert (answer.status, answer.refused, answer.total) == ("refused", 6, 30)
    report = list(csv.DictReader(io.StringIO(answer.report)))
    assert [(r["line"], r["field"]) for r in report] == [
        ("5", "roll_number"), ("6", "assignment_marks"), ("7", "course_code"), ("8", "course_code"),
        ("9", "assignment_marks"), ("10", "roll_number")]
    assert report[2]["reason"] == "the same roll number and paper as line 2"
    assert marks.apply_next(runtime.db) is None  # nothing queued
    assert count_results(runtime) == before


def test_a_malformed_file_names_the_file(as_gateway, officer):
    for text in ("", "roll_number,course_code\nBO680724,8604\n", "roll_number,course_code,assignment_marks,"
                                                                 "final_exam_marks\n"):
        with pytest.raises(InvalidArgument) as bad:
            submit(as_gateway, officer, text)
        assert bad.value.field == "file"


def test_a_clean_file_is_applied_whole_with_its_progress_and_digest(as_gateway, officer, runtime, sitting):
    rows = [[roll, code, 40 + (i % 50), 35 + (i * 7 % 60), 80 + i % 20]
            for i, (roll, code) in enumerate((r, c) for r in sitting[100:300] for c in PAPERS)]
    rows[0][3] = ""                                          # the final awaited: RL
    answer = submit(as_gateway, officer, to_csv(rows), name="autumn-2026-bed.csv")
    assert (answer.status, answer.total, answer.refused) == ("queued", 600, 0)
    before = count_results(runtime)
    assert marks.apply_next(runtime.db) == answer.file_id
    done = as_gateway.call("exams", "GetMarksFile", pb.GetMarksFileRequest(file_id=answer.file_id), caller=officer)
    assert (done.status, done.processed) == ("applied", 600)
    assert count_results(runtime) == before + 600
    with runtime.db.sessions() as s:
        assert s.scalar(sa.select(marks_file_progress.c.processed).where(
            marks_file_progress.c.file_id == answer.file_id)) == 600
        first = s.execute(sa.select(results).where(results.c.semester == SEMESTER,
                                                   results.c.course_code == "8601")
                          .where(results.c.registration_number == "25F-700100")).one()
        chained = audit.history(s, "marks_file", answer.file_id)
    assert (first.final_exam_marks, first.remarks, first.program_code) == (None, "RL", "BED15")
    assert len(chained) == 1 and "sha256" in chained[0].payload
    listed = as_gateway.call("exams", "ListMarksFiles", pb.ListMarksFilesRequest(), caller=officer)
    assert answer.file_id in [f.file_id for f in listed.files]
    with pytest.raises(NotFound):
        as_gateway.call("exams", "GetMarksFile", pb.GetMarksFileRequest(file_id="not-an-id"), caller=officer)


def test_the_semesters_figures_by_course_and_centre(as_gateway, officer, sitting):
    figures = as_gateway.call("exams", "GetSemesterStatistics", pb.SemesterStatisticsRequest(
        semester=SEMESTER, program_code="bed15"), caller=officer)
    assert (figures.candidates, figures.published) == (300, False)
    assert [c.key for c in figures.courses] == list(PAPERS)
    course = figures.courses[0]
    assert course.results == 300 and course.passed + course.failed + course.late == 300
    assert sum(g.count for g in course.grades) == course.passed + course.failed
    assert {c.key for c in figures.centres} == {"KHI-01", "PSH-01"}
    assert all(c.title for c in figures.centres)
