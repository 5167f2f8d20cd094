"""Staff reads of a student's record are logged by the platform's gRPC server: who, whose,
which method, when and the request ID. A student's own reads are not."""
import pytest

from campus import access_log, auth
from campus.errors import NotFound
from cms.enrollment.v1 import enrollment_pb2 as pb

AYESHA = "22P-123456"


def read(clients, caller, method="GetStudentProfile", regno=AYESHA):
    request = (pb.GetStudentProfileRequest if method == "GetStudentProfile" else pb.ListRegisteredCoursesRequest)(
        registration_number=regno)
    return clients.call("enrollment", method, request, caller=caller)


def test_a_staff_read_is_logged_with_who_whose_what_and_the_request_id(as_gateway, users, runtime):
    before = len(access_log.reads_of(runtime.db, AYESHA))
    token = auth.request_id.set("rid-staff-read-1")
    try:
        read(as_gateway, users.staff("admissions.officer", "admissions"))
    finally:
        auth.request_id.reset(token)
    read(as_gateway, users.staff("regional.islamabad", "regional", centre="ISB"), "ListRegisteredCourses")
    reads = access_log.reads_of(runtime.db, AYESHA)
    assert len(reads) == before + 2
    newest, earlier = reads[0], reads[1]
    assert (newest.staff, newest.department, newest.method) == (
        "regional.islamabad", "regional", "/cms.enrollment.v1.EnrollmentService/ListRegisteredCourses")
    assert (earlier.staff, earlier.department, earlier.via, earlier.request_id) == (
        "admissions.officer", "admissions", "gateway", "rid-staff-read-1")
    assert earlier.method.endswith("/GetStudentProfile") and earlier.at is not None


def test_students_own_reads_and_refused_reads_are_not_logged(as_gateway, users, runtime):
    before = len(access_log.reads_of(runtime.db, AYESHA))
    read(as_gateway, users.student(AYESHA))
    with pytest.raises(NotFound):  # another centre's student: nothing was shown
        read(as_gateway, users.staff("regional.lahore", "regional", centre="LHR"))
    assert len(access_log.reads_of(runtime.db, AYESHA)) == before
