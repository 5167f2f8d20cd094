"""Result day against real PostgreSQL: a program's results published once as cards, the public
look-up by roll number, a late result revising a card, CGPA, and the unofficial transcript."""
import io
import json

import pypdf
import pytest
import sqlalchemy as sa

from campus.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from cms.documents.v1 import documents_pb2 as docs
from cms.enrollment.v1.events_pb2 import RegistrationConfirmed, SemesterCourse
from cms.exams.v1 import exams_pb2 as pb
from services import demo
from services.exams import service, slips

AYESHA = demo.STUDENT["registration_number"]


@pytest.fixture(scope="module")
def officer(users):
    return users.staff("exams.officer", "examinations")


def public(as_gateway, roll_number):
    return as_gateway.call("exams", "GetPublicResult", pb.GetPublicResultRequest(roll_number=roll_number))


def sit(runtime, regno, semester, program, level, papers, name="Candidate"):
    with runtime.db.unit_of_work() as uow:
        roll = slips.allocate(uow, RegistrationConfirmed(
            registration_number=regno, semester=semester, program_code=program, program_title=program, level=level,
            regional_centre="MUL", full_name=name, father_name="Father",
            courses=[SemesterCourse(code=c, title=f"Course {c}", credit_hours=3) for c in papers]))
        uow.commit()
    return roll


def record(runtime, regno, semester, code, assignment, final, level="ade", workshop=90):
    return service.record_result(runtime.db, runtime.config, registration_number=regno, semester=semester,
                                 level=level, course_code=code, course_title=f"Course {code}", credit_hours=3,
                                 assignment_marks=assignment, final_exam_marks=final, workshop_attendance=workshop)


def test_the_demo_card_is_public_by_roll_number_without_the_registration_number(as_gateway):
    card = public(as_gateway, "BM214365")
    assert (card.name, card.semester, card.program_code, card.gpa, card.remarks) == (
        "Ayesha Siddiqui", "Autumn 2025", "BED15", "2.90", "pass")
    assert card.published_on == "2026-08-04" and not card.revised_at
    assert [(c.course_code, c.grade, c.total_marks) for c in card.courses] == [
        ("8601", "B", 73), ("8602", "A", 83), ("8603", "C", 66)]
    assert "22P-123456" not in str(card)
    assert public(as_gateway, "bm214366").remarks == "re-appear"  # Zainab failed 8602


def test_an_unknown_or_unpublished_roll_number_is_not_found(as_gateway):
    for roll in ("ZZ999999", "BO680724"):  # nobody; the demo student's Spring 2026, not published
        with pytest.raises(NotFound):
            public(as_gateway, roll)
    with pytest.raises(InvalidArgument) as bad:
        public(as_gateway, "B0680724")
    assert bad.value.field == "roll_number"


def test_cgpa_comes_with_her_results(as_gateway, users):
    answer = as_gateway.call("exams", "GetResults", pb.GetResultsRequest(registration_number=AYESHA),
                             caller=users.student(AYESHA))
    assert answer.cgpa == "2.90"


def test_a_program_is_published_once_and_a_late_result_revises_the_card(as_gateway, runtime, officer, users):
    semester = "Spring 2027"
    first = sit(runtime, "26M-500001", semester, "ADE", "ade", ["5404", "6400"], name="Usman Ghani")
    second = sit(runtime, "26M-500002", semester, "ADE", "ade", ["5404", "6400"], name="Nadia Pervez")
    for code in ("5404", "6400"):
        record(runtime, "26M-500001", semester, code, 80, 70)
    record(runtime, "26M-500002", semester, "5404", 60, 40)        # failed on the final
    with pytest.raises(NotFound):
        public(as_gateway, first)

    with pytest.raises(PermissionDenied):
        as_gateway.call("exams", "PublishResults", pb.PublishResultsRequest(semester=semester, program_code="ADE"),
                        caller=users.staff("treasury.officer", "treasury"))
    done = as_gateway.call("exams", "PublishResults", pb.PublishResultsRequest(semester=semester, program_code="ade"),
                           caller=officer)
    assert (done.program_code, done.candidates, done.results, done.published_by) == ("ADE", 2, 3, "exams.officer")
    with pytest.raises(FailedPrecondition) as again:
        as_gateway.call("exams", "PublishResults", pb.PublishResultsRequest(semester=semester, program_code="ADE"),
                        caller=officer)
    assert "re-checking" in str(again.value)

    assert public(as_gateway, first).remarks == "pass" and public(as_gateway, first).gpa == ""  # ADE: no GPA
    card = public(as_gateway, second)
    assert card.remarks == "RL" and [(c.course_code, c.remarks) for c in card.courses] == [
        ("5404", "fail"), ("6400", "RL")]
    with runtime.db.sessions() as s:
        events = [json.loads(e)["data"] for e in s.scalars(sa.select(runtime.db.outbox.c.envelope).where(
            runtime.db.outbox.c.event_type == "result_published"))]
    assert {"26M-500001", "26M-500002"} <= {e["registration_number"] for e in events if e["semester"] == semester}

    with pytest.raises(FailedPrecondition):   # a published result changes only through re-checking
        record(runtime, "26M-500001", semester, "5404", 90, 90)
    record(runtime, "26M-500002", semester, "6400", 70, 65)          # the late one
    revised = public(as_gateway, second)
    assert revised.remarks == "re-appear" and revised.version == 2
    assert revised.revised_at and "6400" in revised.revision
    results = as_gateway.call("exams", "GetResults", pb.GetResultsRequest(registration_number="26M-500002"),
                              caller=users.student("26M-500002"))
    assert [c.course_code for c in results.semesters[0].courses] == ["5404", "6400"]
    listed = as_gateway.call("exams", "ListPublications", pb.ListPublicationsRequest(semester=semester),
                             caller=officer)
    assert [(p.semester, p.program_code) for p in listed.publications] == [(semester, "ADE")]


def test_a_program_nobody_sat_cannot_be_published(as_gateway, officer):
    with pytest.raises(FailedPrecondition) as refused:
        as_gateway.call("exams", "PublishResults", pb.PublishResultsRequest(semester="Autumn 2030",
                                                                            program_code="BSENG"), caller=officer)
    assert refused.value.field == "program_code"


def test_her_transcript_is_an_unofficial_pdf_that_verifies(as_gateway, users):
    ask = pb.GetTranscriptRequest(registration_number=AYESHA, full_name="Ayesha Siddiqui",
                                  father_name="Muhammad Siddiq", program="B.Ed (1.5 Years) (BED15)")
    answer = as_gateway.call("exams", "GetTranscript", ask, caller=users.student(AYESHA))
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(answer.content)).pages)
    for printed in ("Unofficial Transcript", "Ayesha Siddiqui", "Muhammad Siddiq", "Autumn 2025", "GPA 2.90",
                    "CGPA: 2.90", "Educational Assessment and Evaluation", "UNOFFICIAL", "/verify/"):
        assert printed in text, printed
    status = as_gateway.call("exams", "VerifyDocument", docs.VerifyDocumentRequest(document_id=answer.document_id))
    assert (status.status, status.document_type) == ("genuine", "transcript")
    assert {f.name: f.value for f in status.facts}["cgpa"] == "2.90"
    again = as_gateway.call("exams", "GetTranscript", ask, caller=users.student(AYESHA))
    assert again.document_id == answer.document_id
    with pytest.raises(PermissionDenied):
        as_gateway.call("exams", "GetTranscript", ask, caller=users.student("23L-204518"))
    with pytest.raises(NotFound):  # nothing published: no transcript
        as_gateway.call("exams", "GetTranscript", pb.GetTranscriptRequest(
            registration_number="23L-204518", full_name="Bilal Ahmed"), caller=users.student("23L-204518"))
