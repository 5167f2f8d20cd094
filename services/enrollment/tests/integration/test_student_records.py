"""Profiles and registered courses: who may read them and what they say."""
import datetime as dt

import pytest

from campus import testing
from campus.errors import InvalidArgument, NotFound, PermissionDenied, Unauthenticated
from cms.enrollment.v1 import enrollment_pb2 as pb
from services.enrollment import seed, service

AYESHA = "22P-123456"
OTHER = "23A-654321"


def profile(clients, regno, caller=None):
    return clients.call("enrollment", "GetStudentProfile",
                        pb.GetStudentProfileRequest(registration_number=regno), caller=caller)


def courses(clients, regno, caller, semester=""):
    return clients.call("enrollment", "ListRegisteredCourses",
                        pb.ListRegisteredCoursesRequest(registration_number=regno, semester=semester), caller=caller)


def test_a_student_reads_her_own_profile(as_gateway, users):
    mine = profile(as_gateway, AYESHA, users.student(AYESHA))
    assert (mine.full_name, mine.gender, mine.date_of_birth) == ("Ayesha Siddiqui", "female", "1999-04-12")
    assert (mine.program.code, mine.program.level) == ("BED15", "bed")
    assert mine.regional_centre.name == "Islamabad"
    assert (mine.admission_semester, mine.current_semester, mine.status) == ("Autumn 2025", "Spring 2026", "active")


def test_another_student_is_refused(as_gateway, users):
    with pytest.raises(PermissionDenied):
        profile(as_gateway, AYESHA, users.student(OTHER))
    with pytest.raises(PermissionDenied):
        courses(as_gateway, AYESHA, users.student(OTHER))


ISLAMABAD = {"centre": "ISB"}  # the demo student's regional centre


def staff_of(users, department, username="officer.one"):
    """A staff member; a regional officer works for the demo student's centre."""
    return users.staff(username, department, **(ISLAMABAD if department == "regional" else {}))


@pytest.mark.parametrize("department, allowed", [
    ("admissions", True), ("regional", True), ("student_services", True), ("dispatch", True),
    ("examinations", False), ("treasury", False)])  # no tool of theirs reads the record
def test_the_departments_that_keep_or_serve_the_record_read_profiles(as_gateway, users, department, allowed):
    if allowed:
        assert profile(as_gateway, AYESHA, staff_of(users, department)).full_name == "Ayesha Siddiqui"
    else:
        with pytest.raises(PermissionDenied):
            profile(as_gateway, AYESHA, staff_of(users, department))


def test_regional_staff_see_only_their_own_centres_students(as_gateway, users):
    islamabad = users.staff("regional.islamabad", "regional", centre="ISB")
    lahore = users.staff("regional.lahore", "regional", centre="LHR")
    assert profile(as_gateway, AYESHA, islamabad).regional_centre.code == "ISB"
    assert courses(as_gateway, AYESHA, islamabad).semester == "Spring 2026"
    for read in (profile, courses):  # another centre's student does not exist, as far as they can tell
        with pytest.raises(NotFound) as hidden:
            read(as_gateway, AYESHA, lahore)
        assert hidden.value.field == "registration_number"
    nowhere = users.staff("regional.nowhere", "regional")  # a token naming no centre: nobody's record
    for read in (profile, courses):
        with pytest.raises(PermissionDenied):
            read(as_gateway, AYESHA, nowhere)


def test_the_requests_service_reads_profiles_and_others_do_not(service_addr, as_gateway, users):
    clients = testing.clients_as("requests", {"enrollment": service_addr})
    assert profile(clients, AYESHA).registration_number == AYESHA
    clients.close()
    for service_name in ("finance", "tracking"):
        others = testing.clients_as(service_name, {"enrollment": service_addr})
        with pytest.raises(PermissionDenied):
            profile(others, AYESHA)
        others.close()
    with pytest.raises(Unauthenticated):  # the public, through the gateway: nobody signed in
        profile(as_gateway, AYESHA)
    with pytest.raises(PermissionDenied):
        profile(as_gateway, AYESHA, users.bank("ABL"))


def centre(clients, regno, caller=None):
    return clients.call("enrollment", "GetStudentCentre",
                        pb.GetStudentCentreRequest(registration_number=regno), caller=caller)


def test_only_the_requests_service_reads_a_students_centre(service_addr, as_gateway, users):
    clients = testing.clients_as("requests", {"enrollment": service_addr})
    # On its own behalf or for the student it files for; only the centre comes back.
    for caller in (None, users.student(AYESHA, via="requests")):
        answer = centre(clients, AYESHA, caller)
        assert (answer.registration_number, answer.regional_centre.code) == (AYESHA, "ISB")
        assert answer.regional_centre.name == "Islamabad"
    with pytest.raises(NotFound) as missing:
        centre(clients, "21X-000001")
    assert missing.value.field == "registration_number"
    with pytest.raises(InvalidArgument):
        centre(clients, "22-12345")
    clients.close()
    for service_name in ("finance", "tracking", "exams"):
        others = testing.clients_as(service_name, {"enrollment": service_addr})
        with pytest.raises(PermissionDenied):
            centre(others, AYESHA)
        others.close()
    # Through the gateway nobody reads it: not the student, not staff (regional included).
    for caller in (users.student(AYESHA), users.staff("admissions.officer", "admissions"),
                   users.staff("regional.islamabad", "regional", centre="ISB"), users.bank("ABL")):
        with pytest.raises(PermissionDenied):
            centre(as_gateway, AYESHA, caller)
    with pytest.raises(Unauthenticated):
        centre(as_gateway, AYESHA)


def test_unknown_student_is_not_found(as_gateway, users):
    with pytest.raises(NotFound) as missing:
        profile(as_gateway, "21X-000001", users.staff("admissions.officer", "admissions"))
    assert missing.value.field == "registration_number"
    with pytest.raises(NotFound):
        courses(as_gateway, "21X-000001", users.staff("admissions.officer", "admissions"))


def test_a_malformed_registration_number_names_the_field(as_gateway, users):
    staff = users.staff("admissions.officer", "admissions")
    for call in (lambda: profile(as_gateway, "22-12345", staff), lambda: courses(as_gateway, "x", staff)):
        with pytest.raises(InvalidArgument) as bad:
            call()
        assert bad.value.field == "registration_number"
    with pytest.raises(InvalidArgument) as bad_semester:
        courses(as_gateway, AYESHA, staff, semester="Summer 2026")
    assert bad_semester.value.field == "semester"


def test_courses_default_to_the_latest_semester_with_tutors(as_gateway, users):
    latest = courses(as_gateway, AYESHA, users.student(AYESHA))
    assert latest.semester == "Spring 2026"
    assert [c.code for c in latest.courses] == ["8604", "8605", "8606"]
    assert latest.courses[0].title == "Research Methods in Education" and latest.courses[0].credit_hours == 3
    assert latest.courses[0].tutor.name == seed.SPRING_TUTORS["8604"][0]


def test_an_earlier_semester_has_no_tutors_allocated(as_gateway, users):
    autumn = courses(as_gateway, AYESHA, users.staff("admissions.officer", "admissions"), semester="autumn 2025")
    assert autumn.semester == "Autumn 2025"
    assert [c.code for c in autumn.courses] == ["8601", "8602", "8603"]
    assert not any(c.HasField("tutor") for c in autumn.courses)


@pytest.mark.parametrize("department, allowed", [("admissions", True), ("regional", True), ("examinations", False),
                                                 ("treasury", False), ("dispatch", False)])
def test_registered_courses_by_department(as_gateway, users, department, allowed):
    staff = staff_of(users, department)
    if allowed:
        assert courses(as_gateway, AYESHA, staff).semester == "Spring 2026"
    else:
        with pytest.raises(PermissionDenied):
            courses(as_gateway, AYESHA, staff)


def test_a_student_not_yet_registered_has_no_semester(runtime, as_gateway, users):
    service.admit_student(
        runtime.db, registration_number="26K-100200", program_code="MATRIC", centre_code="KHI",
        admission_semester="Spring 2026", date_of_birth=dt.date(2008, 1, 5), full_name="Bilal Ahmed",
        father_name="Ahmed Ali", gender="male", cnic="42101-1234567-1", postal_address="Korangi, Karachi")
    nothing = courses(as_gateway, "26K-100200", users.student("26K-100200"))
    assert (nothing.semester, list(nothing.courses)) == ("", [])
    assert profile(as_gateway, "26K-100200", users.student("26K-100200")).current_semester == ""


@pytest.mark.parametrize("regno, program, level", [
    ("26L-300001", "ADE", "ade"), ("26L-300002", "ADBA", "ba"), ("26L-300003", "BED15", "bed"),
    ("26L-300004", "BSENG", "bs"), ("26L-300005", "MATRIC", "matric")])
def test_each_program_is_at_its_own_level(runtime, as_gateway, users, regno, program, level):
    service.admit_student(
        runtime.db, registration_number=regno, program_code=program, centre_code="LHR",
        admission_semester="Spring 2026", date_of_birth=dt.date(2004, 3, 1), full_name="Sana Javed",
        father_name="Javed Iqbal", gender="female", cnic="35202-1234567-8", postal_address="Model Town, Lahore")
    assert profile(as_gateway, regno, users.student(regno)).program.level == level


def test_a_program_at_a_level_that_does_not_exist_is_refused(runtime):
    import sqlalchemy as sa

    from services.enrollment.models import programs
    with pytest.raises(sa.exc.IntegrityError), runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(programs).where(programs.c.code == "ADE").values(level="ma_msc_bs"))
        uow.session.flush()


@pytest.mark.parametrize("department, shown", [
    ("admissions", {"cnic", "date_of_birth", "postal_address"}),
    ("student_services", {"cnic", "date_of_birth", "postal_address"}),
    ("dispatch", {"postal_address"}),
    ("regional", set()),
])
def test_each_department_sees_only_the_personal_details_it_needs(as_gateway, users, department, shown):
    seen = profile(as_gateway, AYESHA, staff_of(users, department, f"{department}.officer"))
    present = {d for d in ("cnic", "date_of_birth", "postal_address") if getattr(seen, d)}
    assert present == shown and seen.full_name  # the rest of the record is there for everyone


def test_the_student_sees_all_of_her_own_record(as_gateway, users):
    own = profile(as_gateway, AYESHA, users.student(AYESHA))
    assert own.cnic and own.date_of_birth and own.postal_address
