"""Roll numbers from enrollment's registration_confirmed (real RabbitMQ, the consumer in its
own process), exam centres by capacity, the exam schedule, the roll number slip as a PDF read
back, and its verifiable document: genuine, superseded, revoked, forged."""
import io
import json

import pypdf
import pytest
import sqlalchemy as sa

from campus import documents, testing
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from campus.events import envelope_for
from cms.documents.v1 import documents_pb2 as docs
from cms.enrollment.v1.events_pb2 import RegistrationConfirmed, SemesterCourse
from cms.exams.v1 import exams_pb2 as pb
from services import demo
from services.exams.models import candidates, exam_centres

AYESHA = demo.STUDENT["registration_number"]
QUEUE = "evt-enrollment-registration_confirmed--exams.on_registration_confirmed"


@pytest.fixture(scope="module")
def consumer(runtime, amqp_url):
    with testing.running_consumer("exams", runtime.config.database_url, amqp_url, QUEUE) as process:
        yield process


@pytest.fixture(scope="module")
def officer(users):
    return users.staff("exams.officer", "examinations")


def confirmed(regno, *, semester="Spring 2027", centre="FSD", program="BED15", name="Sana Tariq"):
    return envelope_for("enrollment", RegistrationConfirmed(
        registration_number=regno, semester=semester, program_code=program, program_title="B.Ed (1.5 Years)",
        level="bed", regional_centre=centre, full_name=name, father_name="Tariq Mehmood",
        confirmed_at="2026-12-06T06:00:00Z",
        courses=[SemesterCourse(code="8601", title="General Methods of Teaching", credit_hours=3),
                 SemesterCourse(code="8602", title="Educational Assessment and Evaluation", credit_hours=3,
                                repeat=True)]))


def candidate(runtime, regno, semester="Spring 2027"):
    with runtime.db.sessions() as s:
        return s.execute(sa.select(candidates).where(candidates.c.registration_number == regno,
                                                     candidates.c.semester == semester)).first()


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def slip(as_gateway, regno, caller):
    return as_gateway.call("exams", "GetRollNumberSlip", pb.GetRollNumberSlipRequest(registration_number=regno),
                           caller=caller)


def verify(as_gateway, document_id):
    return as_gateway.call("exams", "VerifyDocument", docs.VerifyDocumentRequest(document_id=document_id))


def test_the_demo_student_has_her_schedule_roll_number_and_centre(as_gateway, users):
    schedule = as_gateway.call("exams", "GetExamSchedule", pb.GetExamScheduleRequest(registration_number=AYESHA),
                               caller=users.student(AYESHA))
    assert (schedule.semester, schedule.roll_number) == ("Spring 2026", "BO680724")
    assert (schedule.centre.code, schedule.centre.region) == ("ISB-01", "ISB")
    assert [(p.course_code, p.date, p.start, p.end) for p in schedule.papers] == [
        ("8604", "2026-12-09", "09:00", "12:00"), ("8605", "2026-12-12", "09:00", "12:00"),
        ("8606", "2026-12-16", "09:00", "12:00")]


def test_another_student_cannot_read_her_schedule(as_gateway, users):
    with pytest.raises(PermissionDenied):
        as_gateway.call("exams", "GetExamSchedule", pb.GetExamScheduleRequest(registration_number=AYESHA),
                        caller=users.student("23L-204518"))


def test_the_slip_is_a_pdf_with_everything_the_paper_slip_has(as_gateway, users):
    answer = slip(as_gateway, AYESHA, users.student(AYESHA))
    assert answer.content.startswith(b"%PDF") and answer.file_name == "roll-number-slip-BO680724.pdf"
    text = pdf_text(answer.content)
    for printed in ("Roll Number Slip", "Ayesha Siddiqui", "Muhammad Siddiq", "22P-123456", "BO680724",
                    "B.Ed (1.5 Years)", "AIOU Main Campus, Examination Hall", "Sector H-8, Islamabad",
                    "Research Methods in Education", "Wed 09 Dec 2026", "09:00 - 12:00", "Paste an attested",
                    "also valid to appear in exam centres", "/verify/"):
        assert printed in text, printed
    reader = pypdf.PdfReader(io.BytesIO(answer.content))
    assert len(list(reader.pages[0].images)) == 1  # the QR code
    # Printed again: the same document, so the same QR code.
    assert slip(as_gateway, AYESHA, users.student(AYESHA)).document_id == answer.document_id


def test_the_slip_document_is_genuine_with_the_name_masked(as_gateway, users):
    document_id = slip(as_gateway, AYESHA, users.student(AYESHA)).document_id
    status = verify(as_gateway, document_id)
    assert (status.status, status.document_type, status.issuer) == ("genuine", "roll_number_slip", "exams")
    facts = {f.name: f.value for f in status.facts}
    assert facts == {"name": "Ay**** Si******", "registration_number": AYESHA, "roll_number": "BO680724",
                     "program": "BED15", "semester": "Spring 2026", "centre": "ISB-01"}


def test_a_forged_or_altered_document_id_is_not_found(as_gateway, users):
    document_id = slip(as_gateway, AYESHA, users.student(AYESHA)).document_id
    header, payload, signature = document_id.split(".")
    altered = json.loads(documents.jwt.utils.base64url_decode(payload))
    altered["f"]["roll_number"] = "BO000001"
    forged_payload = documents.jwt.utils.base64url_encode(json.dumps(altered).encode()).decode()
    for forged in (f"{header}.{forged_payload}.{signature}", document_id[:-4] + "AAAA", "nonsense", "a" * 3000):
        with pytest.raises(NotFound):
            verify(as_gateway, forged)


def test_the_public_copy_needs_program_semester_and_registration_number(as_gateway):
    ask = lambda **kw: as_gateway.call("exams", "GetPublicRollNumberSlip", pb.GetPublicRollNumberSlipRequest(**kw))  # noqa: E731
    copy = ask(program_code="BED15", semester="Spring 2026", registration_number=AYESHA)
    assert "BO680724" in pdf_text(copy.content)
    for wrong in (dict(program_code="ADE", semester="Spring 2026", registration_number=AYESHA),
                  dict(program_code="BED15", semester="Autumn 2026", registration_number=AYESHA),
                  dict(program_code="BED15", semester="Spring 2026", registration_number="23L-204518")):
        with pytest.raises(NotFound) as refused:
            ask(**wrong)
        assert refused.value.field == "registration_number"
    with pytest.raises(InvalidArgument) as bad:
        ask(program_code="BED15", semester="Summer 2026", registration_number=AYESHA)
    assert bad.value.field == "semester"


def test_a_confirmed_registration_gets_one_roll_number_and_a_centre(runtime, consumer, amqp_url, as_gateway, users):
    event = confirmed("24F-300001")
    testing.publish(amqp_url, event)
    testing.wait_until(lambda: candidate(runtime, "24F-300001") is not None, what="a roll number")
    testing.publish(amqp_url, event)  # redelivered
    testing.publish(amqp_url, confirmed("24F-300001"))  # confirmed again (a revived registration): the same one
    testing.wait_until(lambda: testing.queue_depth(amqp_url, QUEUE) == 0, what="the queue to drain")
    row = candidate(runtime, "24F-300001")
    assert len(row.roll_number) == 8 and row.roll_number[:2].isalpha() and row.roll_number[2:].isdigit()
    assert (row.centre_code, row.program_code, row.full_name) == ("FSD-01", "BED15", "Sana Tariq")
    with runtime.db.sessions() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(candidates).where(
            candidates.c.registration_number == "24F-300001")) == 1
        issued = [json.loads(e)["data"] for e in s.scalars(sa.select(runtime.db.outbox.c.envelope).where(
            runtime.db.outbox.c.event_type == "slip_issued"))]
    assert [e["roll_number"] for e in issued if e["registration_number"] == "24F-300001"] == [row.roll_number]
    schedule = as_gateway.call("exams", "GetExamSchedule", pb.GetExamScheduleRequest(registration_number="24F-300001"),
                               caller=users.student("24F-300001"))
    assert [p.course_code for p in schedule.papers] == ["8601", "8602"]  # the Spring 2027 date sheet's order


def test_a_full_centre_overflows_to_the_next_then_none(runtime, consumer, amqp_url):
    with runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(exam_centres).where(exam_centres.c.region == "QTA").values(capacity=1))
        uow.commit()
    for n in range(1, 4):
        testing.publish(amqp_url, confirmed(f"24Q-40000{n}", centre="QTA"))
        testing.wait_until(lambda n=n: candidate(runtime, f"24Q-40000{n}") is not None, what="a roll number")
    placed = [candidate(runtime, f"24Q-40000{n}").centre_code for n in range(1, 4)]
    assert placed == ["QTA-01", "QTA-02", None]
    numbers = [candidate(runtime, f"24Q-40000{n}").roll_number for n in range(1, 4)]
    assert len(set(numbers)) == 3


def test_the_centres_tool_counts_seats_and_the_unplaced(as_gateway, officer, users, runtime, consumer, amqp_url):
    testing.publish(amqp_url, confirmed("24Q-400009", centre="QTA"))
    testing.wait_until(lambda: candidate(runtime, "24Q-400009") is not None, what="a roll number")
    answer = as_gateway.call("exams", "ListExamCentres", pb.ListExamCentresRequest(region="QTA",
                                                                                   semester="Spring 2027"),
                             caller=officer)
    assert [(c.code, c.capacity, c.seated) for c in answer.centres] == [("QTA-01", 1, 1), ("QTA-02", 1, 1)]
    assert answer.unplaced >= 1
    with pytest.raises(PermissionDenied):
        as_gateway.call("exams", "ListExamCentres", pb.ListExamCentresRequest(),
                        caller=users.staff("treasury.officer", "treasury"))


def test_a_new_centre_reissues_the_slip_and_revokes_the_old_copy(as_gateway, runtime, users, officer, consumer,
                                                                 amqp_url):
    testing.publish(amqp_url, confirmed("24F-300002", name="Hina Rauf"))
    testing.wait_until(lambda: candidate(runtime, "24F-300002") is not None, what="a roll number")
    student = users.student("24F-300002")
    first = slip(as_gateway, "24F-300002", student)
    with runtime.db.unit_of_work() as uow:  # (the centre-change process of a later increment does this)
        uow.session.execute(sa.update(candidates).where(candidates.c.registration_number == "24F-300002")
                            .values(centre_code="FSD-02"))
        uow.commit()
    second = slip(as_gateway, "24F-300002", student)
    assert second.document_id != first.document_id
    assert "AIOU Regional Campus Faisalabad" in pdf_text(second.content)
    old = verify(as_gateway, first.document_id)
    assert (old.status, old.revocation_reason) == ("revoked", "superseded by a new copy")
    assert verify(as_gateway, second.document_id).status == "genuine"
    listed = as_gateway.call("exams", "ListDocuments", docs.ListDocumentsRequest(registration_number="24F-300002"),
                             caller=officer)
    assert [d.status for d in listed.documents] == ["genuine", "revoked"]


def test_examinations_revoke_a_document_and_others_may_not(as_gateway, users, officer, consumer, amqp_url, runtime):
    testing.publish(amqp_url, confirmed("24F-300003", name="Rabia Noor"))
    testing.wait_until(lambda: candidate(runtime, "24F-300003") is not None, what="a roll number")
    issued = slip(as_gateway, "24F-300003", users.student("24F-300003"))
    serial = verify(as_gateway, issued.document_id).serial
    with pytest.raises(PermissionDenied):
        as_gateway.call("exams", "RevokeDocument", docs.RevokeDocumentRequest(serial=serial, reason="forged"),
                        caller=users.staff("student.desk", "student_services"))
    with pytest.raises(InvalidArgument) as bad:
        as_gateway.call("exams", "RevokeDocument", docs.RevokeDocumentRequest(serial=serial, reason=" "),
                        caller=officer)
    assert bad.value.field == "reason"
    revoked = as_gateway.call("exams", "RevokeDocument",
                              docs.RevokeDocumentRequest(serial=serial, reason="issued in error"), caller=officer)
    assert (revoked.status, revoked.revocation_reason) == ("revoked", "issued in error")
    assert verify(as_gateway, issued.document_id).status == "revoked"
    with pytest.raises(NotFound):
        as_gateway.call("exams", "RevokeDocument", docs.RevokeDocumentRequest(serial="RNS0000", reason="x"),
                        caller=officer)


def test_the_date_sheet_refuses_a_paper_that_ends_before_it_starts(as_gateway, officer):
    paper = pb.Paper(course_code="8601", course_title="General Methods of Teaching", date="2027-11-22",
                     start="14:00", end="13:00")
    with pytest.raises(InvalidArgument) as bad:
        as_gateway.call("exams", "SetDateSheetPaper", pb.SetDateSheetPaperRequest(
            semester="Spring 2027", program_code="BED15", paper=paper), caller=officer)
    assert bad.value.field == "end"
    paper.date = "22-11-2027"
    with pytest.raises(InvalidArgument) as bad:
        as_gateway.call("exams", "SetDateSheetPaper", pb.SetDateSheetPaperRequest(
            semester="Spring 2027", program_code="BED15", paper=paper), caller=officer)
    assert bad.value.field == "date"
    sheet = as_gateway.call("exams", "GetDateSheet", pb.DateSheetRequest(semester="Spring 2027", program_code="BED15"))
    assert [p.course_code for p in sheet.papers][:2] == ["8601", "8602"]
