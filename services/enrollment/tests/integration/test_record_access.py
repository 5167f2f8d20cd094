"""Staff reads and changes of a student's record are chained in the service's audit log by
the platform's gRPC server: who, whose, which method, read or change, when and the request
ID. A student's own reads are not; she lists hers and only hers; a tampered entry breaks
the chain."""
import pytest
import sqlalchemy as sa

from campus import access_log, audit, auth
from campus.errors import NotFound, PermissionDenied
from cms.access.v1 import access_pb2
from cms.enrollment.v1 import enrollment_pb2 as pb

AYESHA = "22P-123456"


def read(clients, caller, method="GetStudentProfile", regno=AYESHA):
    request = (pb.GetStudentProfileRequest if method == "GetStudentProfile" else pb.ListRegisteredCoursesRequest)(
        registration_number=regno)
    return clients.call("enrollment", method, request, caller=caller)


def test_a_staff_read_is_logged_with_who_whose_what_and_the_request_id(as_gateway, users, runtime):
    before = len(access_log.entries_of(runtime.db, AYESHA))
    token = auth.request_id.set("rid-staff-read-1")
    try:
        read(as_gateway, users.staff("admissions.officer", "admissions"))
    finally:
        auth.request_id.reset(token)
    read(as_gateway, users.staff("regional.islamabad", "regional", centre="ISB"), "ListRegisteredCourses")
    reads = access_log.entries_of(runtime.db, AYESHA)
    assert len(reads) == before + 2
    newest, earlier = reads[0], reads[1]
    assert (newest.staff, newest.department, newest.centre, newest.method, newest.action, newest.record) == (
        "regional.islamabad", "regional", "ISB", "ListRegisteredCourses", "read", "profile")
    assert (earlier.staff, earlier.department, earlier.via, earlier.request_id) == (
        "admissions.officer", "admissions", "gateway", "rid-staff-read-1")
    assert earlier.method == "GetStudentProfile" and earlier.at
    assert audit.verify(runtime.db.engine).intact


def test_students_own_reads_and_refused_reads_are_not_logged(as_gateway, users, runtime):
    before = len(access_log.entries_of(runtime.db, AYESHA))
    read(as_gateway, users.student(AYESHA))
    with pytest.raises(NotFound):  # another centre's student: nothing was shown
        read(as_gateway, users.staff("regional.lahore", "regional", centre="LHR"))
    assert len(access_log.entries_of(runtime.db, AYESHA)) == before


def test_she_lists_her_own_entries_only(as_gateway, users):
    read(as_gateway, users.staff("admissions.officer", "admissions"))
    mine = as_gateway.call("enrollment", "ListRecordAccess", access_pb2.ListRecordAccessRequest(
        registration_number=AYESHA), caller=users.student(AYESHA))
    assert mine.entries and mine.entries[0].staff == "admissions.officer" and mine.entries[0].record == "profile"
    with pytest.raises(PermissionDenied):
        as_gateway.call("enrollment", "ListRecordAccess", access_pb2.ListRecordAccessRequest(
            registration_number=AYESHA), caller=users.student("23L-204518"))
    with pytest.raises(PermissionDenied):   # not even student services: it is hers
        as_gateway.call("enrollment", "ListRecordAccess", access_pb2.ListRecordAccessRequest(
            registration_number=AYESHA), caller=users.staff("student.services", "student_services"))


def test_an_entry_edited_in_the_database_breaks_the_chain(as_gateway, users, runtime):
    read(as_gateway, users.staff("admissions.officer", "admissions"))
    newest = access_log.entries_of(runtime.db, AYESHA)[0]
    chain = runtime.db.metadata.tables["audit_chain"]
    with runtime.db.engine.begin() as connection:
        original = connection.scalar(sa.select(chain.c.payload).where(chain.c.seq == newest.seq))
        connection.execute(sa.update(chain).where(chain.c.seq == newest.seq).values(
            payload=original.replace("admissions.officer", "someone.else")))
    try:
        verdict = audit.verify(runtime.db.engine)
        assert (verdict.intact, verdict.broken_at) == (False, newest.seq)
    finally:
        with runtime.db.engine.begin() as connection:
            connection.execute(sa.update(chain).where(chain.c.seq == newest.seq).values(payload=original))
    assert audit.verify(runtime.db.engine).intact
