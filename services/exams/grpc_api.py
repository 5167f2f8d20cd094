"""ExamsService over gRPC: each method declares who may call it (@rpc);
it parses, calls the use case and maps the result."""
from __future__ import annotations

from campus import identifiers
from campus.policy import OWN, rpc
from campus.runtime import Runtime
from cms.exams.v1 import exams_pb2 as pb
from cms.exams.v1 import exams_pb2_grpc
from services.exams import domain, service

#: Regional offices are not among them: exams cannot tell a student's centre, and they
#: must see only their own centre's students.
RESULT_DEPARTMENTS = {"examinations", "student_services"}


def course_message(row, shown: bool) -> pb.CourseResult:
    course = pb.CourseResult(course_code=row.course_code, course_title=row.course_title,
                             credit_hours=row.credit_hours, components_shown=shown, grade=row.grade,
                             remarks=row.remarks)
    if shown:  # before Autumn 2021 the card carries the grade alone
        course.assignment_marks = row.assignment_marks or 0
        course.final_exam_marks = row.final_exam_marks or 0
        course.total_marks = row.total_marks or 0
    return course


def semester_message(semester: str, published_on, rows, points: dict, gpa_levels: set[str]) -> pb.SemesterResult:
    shown = domain.components_shown(domain.parse_semester(semester))
    gpa = None
    if domain.gpa_applies((r.level for r in rows), gpa_levels):  # not for Matric, FA, BA / AD
        gpa = domain.gpa((r.credit_hours, points.get(r.grade)) for r in rows)
    return pb.SemesterResult(semester=semester, published_on=published_on.isoformat(),
                             courses=[course_message(r, shown) for r in rows], gpa=str(gpa) if gpa else "")


class ExamsServicer(exams_pb2_grpc.ExamsServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db

    @rpc(students=OWN, staff=RESULT_DEPARTMENTS)
    def GetResults(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        points = {band.grade: band.grade_point for band in service.bands(self.db)}
        gpa_levels = service.gpa_levels(self.db)
        return pb.GetResultsResponse(registration_number=regno, semesters=[
            semester_message(*published, points, gpa_levels)
            for published in service.published_results(self.db, regno)])
