"""Tutors against real PostgreSQL over enrollment's gRPC server: a regional office keeps
its own centre's tutors, gives them offerings with a capacity and allocates its confirmed
students to them; another centre's office sees none of it."""
import datetime as dt

import pytest

from campus.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from cms.enrollment.v1 import enrollment_pb2 as pb
from services import demo
from services.enrollment import service

AYESHA = demo.STUDENT["registration_number"]   # Islamabad; Spring 2026 courses 8604-8606, tutors seeded


@pytest.fixture
def islamabad(users):
    return users.staff("regional.islamabad", "regional", centre="ISB")


@pytest.fixture
def lahore(users):
    return users.staff("regional.lahore", "regional", centre="LHR")


def call(as_gateway, caller, method, request):
    return as_gateway.call("enrollment", method, request, caller=caller)


def test_the_centre_sees_its_seeded_tutors_and_each_offerings_load(as_gateway, islamabad):
    listed = call(as_gateway, islamabad, "ListTutors", pb.ListTutorsRequest(semester="spring 2026"))
    assert listed.centre == "ISB" and listed.semester == "Spring 2026"
    tahira = next(t for t in listed.tutors if t.name == "Dr. Tahira Bibi")
    assert tahira.email == "tahira.bibi@example.pk"
    assert [(o.course_code, o.capacity, o.allocated) for o in tahira.offerings] == [("8604", 40, 1)]
    load = {o.course_code: (o.students, o.allocated, o.capacity) for o in listed.offerings}
    assert load["8604"] == (1, 1, 40)


def test_a_new_tutor_is_given_an_offering_and_the_waiting_students_by_capacity(as_gateway, islamabad, runtime):
    for n, regno in enumerate(("26S-000101", "26S-000102", "26S-000103")):
        service.admit_student(
            runtime.db, registration_number=regno, program_code="BED15", centre_code="ISB",
            admission_semester="Spring 2026", date_of_birth=dt.date(2001, 1, 1 + n),
            full_name=f"Student {n}", father_name="Father", gender="female", cnic=f"61101-000{n}000-1",
            email="", mobile="", postal_address="House 1, Street 1, I-8, Islamabad")
        service.register_courses(runtime.db, regno, "Spring 2026", ["8601"])
    added = call(as_gateway, islamabad, "AddTutor", pb.AddTutorRequest(
        name="Mr. Arif Hussain", postal_address="Govt. High School No. 1, G-6/2, Islamabad", phone="0333-5550101",
        email="arif.hussain@example.pk"))
    assert added.tutor_id and added.phone == "03335550101"
    assigned = call(as_gateway, islamabad, "AssignTutor", pb.AssignTutorRequest(
        tutor_id=added.tutor_id, semester="Spring 2026", course_code="8601", capacity=2))
    assert [(o.course_code, o.capacity) for o in assigned.offerings] == [("8601", 2)]

    first = call(as_gateway, islamabad, "AllocateTutors", pb.AllocateTutorsRequest(semester="Spring 2026",
                                                                                     course_code="8601"))
    assert (first.allocated, first.waiting) == (2, 1)
    again = call(as_gateway, islamabad, "AllocateTutors", pb.AllocateTutorsRequest(semester="Spring 2026",
                                                                                     course_code="8601"))
    assert (again.allocated, again.waiting) == (0, 1)  # nobody allocated twice; the third still waits
    with pytest.raises(FailedPrecondition):
        call(as_gateway, islamabad, "AssignTutor", pb.AssignTutorRequest(
            tutor_id=added.tutor_id, semester="Spring 2026", course_code="8601", capacity=1))
    call(as_gateway, islamabad, "AssignTutor", pb.AssignTutorRequest(
        tutor_id=added.tutor_id, semester="Spring 2026", course_code="8601", capacity=3))
    last = call(as_gateway, islamabad, "AllocateTutors", pb.AllocateTutorsRequest(semester="Spring 2026",
                                                                                    course_code="8601"))
    assert (last.allocated, last.waiting) == (1, 0)
    with runtime.db.sessions() as s:
        events = s.execute(runtime.db.outbox.select().where(runtime.db.outbox.c.event_type == "tutor_allocated")).all()
    assert len(events) == 3


def test_another_centres_office_sees_none_of_it(as_gateway, islamabad, lahore):
    tahira = next(t for t in call(as_gateway, islamabad, "ListTutors", pb.ListTutorsRequest(
        semester="Spring 2026")).tutors if t.name == "Dr. Tahira Bibi")
    listed = call(as_gateway, lahore, "ListTutors", pb.ListTutorsRequest(semester="Spring 2026"))
    assert listed.centre == "LHR" and list(listed.tutors) == [] and list(listed.offerings) == []
    with pytest.raises(NotFound):
        call(as_gateway, lahore, "AssignTutor", pb.AssignTutorRequest(
            tutor_id=tahira.tutor_id, semester="Spring 2026", course_code="8604", capacity=5))


def test_bad_tutor_input_names_the_field(as_gateway, islamabad, users):
    with pytest.raises(InvalidArgument) as bad:
        call(as_gateway, islamabad, "AddTutor", pb.AddTutorRequest(name="X Y", postal_address="Somewhere in G-6",
                                                                 phone="12", email="x@example.pk"))
    assert bad.value.field == "phone"
    for request, field in ((pb.AssignTutorRequest(tutor_id=1, semester="Spring 2026", course_code="9999",
                                                  capacity=5), "course_code"),
                           (pb.AssignTutorRequest(tutor_id=1, semester="Spring 2026", course_code="8604",
                                                  capacity=0), "capacity"),
                           (pb.AssignTutorRequest(tutor_id=1, semester="", course_code="8604", capacity=5),
                            "semester")):
        with pytest.raises(InvalidArgument) as bad:
            call(as_gateway, islamabad, "AssignTutor", request)
        assert bad.value.field == field
    with pytest.raises(PermissionDenied):
        call(as_gateway, users.staff("regional.nowhere", "regional"), "ListTutors",
             pb.ListTutorsRequest(semester="Spring 2026"))
    with pytest.raises(PermissionDenied):
        call(as_gateway, users.staff("admissions.officer", "admissions"), "ListTutors",
             pb.ListTutorsRequest(semester="Spring 2026"))


def test_her_courses_say_where_her_assignments_go(as_gateway, users):
    mine = call(as_gateway, users.student(AYESHA), "ListRegisteredCourses", pb.ListRegisteredCoursesRequest(
        registration_number=AYESHA, semester="Spring 2026"))
    assert not mine.assignments_by_post  # B.Ed: on the LMS
    assert mine.courses[0].tutor.email == "tahira.bibi@example.pk"
