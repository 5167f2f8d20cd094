"""The help desk: complaints from anyone, their numbers, the look-up by number and contact,
student services' answers. Real PostgreSQL, real gRPC, the attachment store a real folder."""
import uuid

import pytest

from campus import testing
from campus.errors import AlreadyExists, FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from campus.tests import hostile_files
from cms.requests.v1 import requests_pb2 as pb
from services.finance.tests.integration.test_bank_collection import outbox_events

pytestmark = pytest.mark.integration


@pytest.fixture
def anyone(requests_addr):
    return testing.clients_as("gateway", {"requests": requests_addr})


def services_staff(users):
    return users.staff("services.officer", "student_services")


def complain(anyone, **fields):
    values = dict(name="Ayesha Siddiqui", registration_number="22p-123456", email="ayesha@example.pk", mobile="",
                  category="login_problem", text="My password does not work since Monday",
                  challenge_id=uuid.uuid4().hex)
    return anyone.call("requests", "FileComplaint", pb.FileComplaintRequest(**{**values, **fields}))


def test_a_complaint_gets_a_number_and_is_looked_up_only_with_its_contact(anyone, requests_runtime):
    filed = complain(anyone, filename="screen", content=hostile_files.good_png())
    assert filed.complaint_number.startswith("HD-") and filed.status == "open"
    assert (filed.registration_number, filed.filename, filed.content_type) == ("22P-123456", "screen.png",
                                                                                 "image/png")
    found = anyone.call("requests", "GetComplaintStatus", pb.GetComplaintStatusRequest(
        complaint_number=filed.complaint_number.lower(), contact="AYESHA@example.pk"))
    assert found.status == "open" and not found.answered_by
    for contact in ("someone@example.pk", "", "03001234567"):
        with pytest.raises(NotFound):
            anyone.call("requests", "GetComplaintStatus", pb.GetComplaintStatusRequest(
                complaint_number=filed.complaint_number, contact=contact))
    told = [e["data"] for e in outbox_events(requests_runtime, "complaint_filed")]
    assert filed.complaint_number in [e["complaint_number"] for e in told]


def test_one_solved_challenge_files_one_complaint(anyone):
    once = uuid.uuid4().hex
    complain(anyone, challenge_id=once)
    with pytest.raises(AlreadyExists) as replayed:
        complain(anyone, challenge_id=once, text="again")
    assert replayed.value.field == "challenge_answer"


@pytest.mark.parametrize(("fields", "field"), [
    ({"email": "", "mobile": ""}, "email"),            # nowhere to send the answer
    ({"email": "not an email"}, "email"),
    ({"category": "lunch"}, "category"),
    ({"name": ""}, "name"),
    ({"text": "  "}, "text"),
    ({"registration_number": "12345"}, "registration_number"),
    ({"challenge_id": "x"}, "challenge_answer"),
])
def test_a_complaint_is_refused_naming_the_field(anyone, fields, field):
    with pytest.raises(InvalidArgument) as refused:
        complain(anyone, **fields)
    assert refused.value.field == field


def test_a_hostile_document_is_refused_and_nothing_kept(anyone, attachments_dir):
    before = sorted(p.name for p in attachments_dir.rglob("*") if p.is_file())
    filename, content = hostile_files.HOSTILE["html_pdf_polyglot"]
    with pytest.raises(InvalidArgument) as refused:
        complain(anyone, filename=filename, content=content)
    assert refused.value.field == "file"
    assert sorted(p.name for p in attachments_dir.rglob("*") if p.is_file()) == before


def test_student_services_answer_and_close(anyone, gateway, users, requests_runtime):
    filed = complain(anyone, email="", mobile="0300-1234567", category="result")
    officer = services_staff(users)
    listed = gateway.call("requests", "ListComplaints", pb.ListComplaintsRequest(), caller=officer)
    assert filed.complaint_number in [c.complaint_number for c in listed.complaints]
    answered = gateway.call("requests", "AnswerComplaint", pb.AnswerComplaintRequest(
        complaint_number=filed.complaint_number, answer="Your result is now shown."), caller=officer)
    assert answered.status == "answered" and answered.answered_by.startswith("staff:services.officer")
    seen = anyone.call("requests", "GetComplaintStatus", pb.GetComplaintStatusRequest(
        complaint_number=filed.complaint_number, contact="03001234567"))
    assert (seen.status, seen.answer) == ("answered", "Your result is now shown.")
    closed = gateway.call("requests", "AnswerComplaint", pb.AnswerComplaintRequest(
        complaint_number=filed.complaint_number, answer="Closing: sorted.", close=True), caller=officer)
    assert closed.status == "closed"
    with pytest.raises(FailedPrecondition):
        gateway.call("requests", "AnswerComplaint", pb.AnswerComplaintRequest(
            complaint_number=filed.complaint_number, answer="More"), caller=officer)
    answers = [e["data"] for e in outbox_events(requests_runtime, "complaint_answered")
               if e["data"]["complaint_number"] == filed.complaint_number]
    assert [a["status"] for a in answers] == ["answered", "closed"] and answers[0]["mobile"] == "03001234567"
    with pytest.raises(PermissionDenied):
        gateway.call("requests", "ListComplaints", pb.ListComplaintsRequest(),
                     caller=users.staff("exams.officer", "examinations"))
