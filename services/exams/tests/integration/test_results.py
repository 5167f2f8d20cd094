"""Published results: who may read them, what a card shows, and that publication is final."""
import json

import pytest
import sqlalchemy as sa

from campus import testing
from campus.errors import FailedPrecondition, InvalidArgument, PermissionDenied, Unauthenticated
from cms.exams.v1 import exams_pb2 as pb
from services.exams import service

AYESHA = "22P-123456"


def results(clients, regno, caller=None):
    return clients.call("exams", "GetResults", pb.GetResultsRequest(registration_number=regno), caller=caller)


def record(runtime, regno, semester, code, assignment, final, title="Course", credit_hours=3, level="bed",
           workshop=90):
    return service.record_result(runtime.db, runtime.config, registration_number=regno, semester=semester,
                                 level=level, course_code=code, course_title=title, credit_hours=credit_hours,
                                 assignment_marks=assignment, final_exam_marks=final, workshop_attendance=workshop)


def published_events(runtime, regno):
    with runtime.db.sessions() as s:
        rows = s.scalars(sa.select(runtime.db.outbox.c.envelope).where(
            runtime.db.outbox.c.event_type == "result_published"))
        return [e for e in map(json.loads, rows) if e["data"]["registration_number"] == regno]


def test_a_student_reads_her_published_results(as_gateway, users):
    card = results(as_gateway, AYESHA, users.student(AYESHA))
    assert [s.semester for s in card.semesters] == ["Autumn 2025"]
    autumn = card.semesters[0]
    assert (autumn.published_on, autumn.gpa) == ("2026-08-04", "2.90")
    first = autumn.courses[0]
    assert (first.course_code, first.assignment_marks, first.final_exam_marks) == ("8601", 78, 71)
    assert first.total_marks == 73
    assert (first.grade, first.remarks, first.components_shown) == ("B", "pass", True)
    assert [c.grade for c in autumn.courses] == ["B", "A", "C"]


def test_another_student_is_refused(as_gateway, users):
    with pytest.raises(PermissionDenied):
        results(as_gateway, AYESHA, users.student("23A-654321"))
    with pytest.raises(Unauthenticated):
        results(as_gateway, AYESHA)  # the public: nobody signed in


@pytest.mark.parametrize("department, allowed", [
    ("examinations", True), ("student_services", True),
    ("regional", False), ("treasury", False), ("dispatch", False), ("admissions", False)])
def test_results_by_department(as_gateway, users, department, allowed):
    staff = users.staff("officer.one", department)
    if allowed:
        assert len(results(as_gateway, AYESHA, staff).semesters) == 1
    else:
        with pytest.raises(PermissionDenied):
            results(as_gateway, AYESHA, staff)


def test_no_service_reads_results_for_itself(service_addr):
    for name in ("requests", "finance"):  # requests never asked for results: that grant is gone
        clients = testing.clients_as(name, {"exams": service_addr})
        with pytest.raises(PermissionDenied):
            results(clients, AYESHA)
        clients.close()


def test_a_malformed_registration_number_names_the_field(as_gateway, users):
    with pytest.raises(InvalidArgument) as bad:
        results(as_gateway, "22P123456", users.staff("exams.officer", "examinations"))
    assert bad.value.field == "registration_number"


def test_a_student_with_no_published_results_gets_an_empty_card(as_gateway, users):
    # Exams does not keep the student list: an unknown number and a new student look alike.
    assert list(results(as_gateway, "21X-000001", users.staff("exams.officer", "examinations")).semesters) == []


def test_unpublished_semesters_stay_hidden_until_published(runtime, as_gateway, users):
    regno = "24B-300400"
    record(runtime, regno, "Spring 2026", "8604", 80, 75)
    record(runtime, regno, "Spring 2026", "8605", 40, 90)
    assert list(results(as_gateway, regno, users.student(regno)).semesters) == []
    assert service.publish_semester(runtime.db, "Spring 2026") == 1
    assert service.publish_semester(runtime.db, "Spring 2026") == 0
    spring = results(as_gateway, regno, users.student(regno)).semesters[0]
    assert [(c.grade, c.remarks) for c in spring.courses] == [("B", "pass"), ("F", "fail")]
    assert spring.gpa == "1.50"
    assert len(published_events(runtime, regno)) == 1


def test_a_published_result_never_changes(runtime):
    with pytest.raises(FailedPrecondition):
        record(runtime, "22P-123456", "Autumn 2025", "8601", 100, 100)


def test_before_autumn_2021_the_card_shows_only_grades(runtime, as_gateway, users):
    regno = "19A-500600"
    record(runtime, regno, "Spring 2021", "8601", 66, 58)
    service.publish_semester(runtime.db, "Spring 2021")
    course = results(as_gateway, regno, users.student(regno)).semesters[0].courses[0]
    assert (course.components_shown, course.grade, course.remarks) == (False, "C", "pass")
    assert (course.assignment_marks, course.final_exam_marks, course.total_marks) == (0, 0, 0)


def test_a_late_result_has_no_gpa_until_it_is_graded(runtime, as_gateway, users):
    regno = "25C-700800"  # a BS student: on the GPA scale
    record(runtime, regno, "Autumn 2024", "ENGL3505", 70, None, level="bs")
    record(runtime, regno, "Autumn 2024", "PHY3501", 90, 90, credit_hours=4, level="bs")
    service.publish_semester(runtime.db, "Autumn 2024")
    late = results(as_gateway, regno, users.student(regno)).semesters[0]
    assert ([c.remarks for c in late.courses], late.gpa) == (["RL", "pass"], "")
    record(runtime, regno, "Autumn 2024", "ENGL3505", 70, 80, level="bs")  # the late result arrives
    graded = results(as_gateway, regno, users.student(regno)).semesters[0]
    assert ([c.grade for c in graded.courses], graded.gpa) == (["B", "A+"], "3.57")
    assert len(published_events(runtime, regno)) == 2


@pytest.mark.parametrize("regno, level, codes", [
    ("25M-100001", "matric", ["201", "202"]), ("25F-100002", "intermediate", ["301", "302"]),
    ("25A-100003", "ba", ["9382", "5418"]), ("25E-100004", "ade", ["5404", "6400"])])
def test_matric_fa_and_ba_ad_cards_have_grades_and_marks_but_no_gpa(runtime, as_gateway, users, regno, level, codes):
    for code in codes:
        record(runtime, regno, "Spring 2025", code, 80, 75, level=level)
    service.publish_semester(runtime.db, "Spring 2025")
    card = results(as_gateway, regno, users.student(regno)).semesters[0]
    assert card.gpa == ""
    assert [(c.grade, c.total_marks, c.components_shown) for c in card.courses] == [("B", 77, True)] * 2


@pytest.mark.parametrize("regno, level", [("25S-200001", "bs"), ("25P-200002", "mphil"), ("25D-200003", "med")])
def test_four_year_bachelors_and_postgraduate_cards_have_a_gpa(runtime, as_gateway, users, regno, level):
    record(runtime, regno, "Autumn 2023", "X101", 80, 75, level=level)
    record(runtime, regno, "Autumn 2023", "X102", 90, 90, level=level)
    service.publish_semester(runtime.db, "Autumn 2023")
    assert results(as_gateway, regno, users.student(regno)).semesters[0].gpa == "3.50"


def test_an_unknown_level_is_refused_naming_the_field(runtime):
    with pytest.raises(InvalidArgument) as bad:
        record(runtime, "25X-300001", "Spring 2024", "8601", 70, 70, level="ma_msc_bs")
    assert bad.value.field == "level"


def test_a_result_recorded_before_levels_were_kept_shows_no_gpa_until_its_level_is(runtime, as_gateway, users):
    from services.exams.models import results as results_table
    regno = "20K-400001"
    record(runtime, regno, "Spring 2022", "8601", 80, 75)
    record(runtime, regno, "Spring 2022", "8602", 90, 90)
    service.publish_semester(runtime.db, "Spring 2022")
    with runtime.db.unit_of_work() as uow:  # as the revision that added the column left them
        uow.session.execute(sa.update(results_table).where(results_table.c.registration_number == regno)
                            .values(level=""))
        uow.commit()
    assert results(as_gateway, regno, users.student(regno)).semesters[0].gpa == ""
    assert service.record_missing_levels(runtime.db, regno, "bed") == 2
    assert service.record_missing_levels(runtime.db, regno, "ba") == 0  # a recorded level is never changed
    assert results(as_gateway, regno, users.student(regno)).semesters[0].gpa == "3.50"
