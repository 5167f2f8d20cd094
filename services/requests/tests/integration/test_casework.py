"""A request worked through: the thread, the documents, the department's decisions and the
queue's filters. Real PostgreSQL, real gRPC, the attachment store a real folder."""
import io
import uuid

import pytest
import sqlalchemy as sa
from PIL import Image

from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from campus.tests import hostile_files
from cms.requests.v1 import requests_pb2 as pb
from services.finance.tests.integration.test_bank_collection import outbox_events
from services.requests.models import attachments, service_requests
from services.requests.tests.integration.test_filing import AYESHA, BILAL, file

pytestmark = pytest.mark.integration


def png(n: int) -> bytes:
    """A small PNG of its own: n decides its colour, so each is a different file."""
    image = Image.new("RGB", (8, 8), (n % 256, 40, 90))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def query(gateway, users, **filters):
    return gateway.call("requests", "ListDepartmentQueue", pb.ListDepartmentQueueRequest(**filters),
                        caller=users.staff("admissions.officer", "admissions"))


@pytest.fixture
def correction(gateway, users):
    return file(gateway, users, category="general_query", subtype="general_query", details="When are exams?")


def as_ayesha(users):
    return users.student(AYESHA)


def get(gateway, number, who):
    return gateway.call("requests", "GetRequest", pb.GetRequestRequest(request_number=number), caller=who)


def comment(gateway, number, who, text, **fields):
    return gateway.call("requests", "AddComment", pb.AddCommentRequest(request_number=number, text=text, **fields),
                        caller=who)


def attach(gateway, number, who, filename, content):
    return gateway.call("requests", "AddAttachment", pb.AddAttachmentRequest(
        request_number=number, filename=filename, content=content), caller=who)


def decide(gateway, number, who, decision, reason=""):
    return gateway.call("requests", "DecideRequest", pb.DecideRequestRequest(
        request_number=number, decision=decision, reason=reason), caller=who)


def services_staff(users):
    return users.staff("services.officer", "student_services")


def test_the_thread_between_the_student_and_her_department(gateway, users, correction):
    number = correction.request_number
    comment(gateway, number, as_ayesha(users), "Is there any news?")
    comment(gateway, number, services_staff(users), "We are looking into it.")
    comment(gateway, number, services_staff(users), "Check the date sheet first", internal=True)
    hers = get(gateway, number, as_ayesha(users))
    assert [(c.author_kind, c.text) for c in hers.thread] == [
        ("student", "Is there any news?"), ("staff", "We are looking into it.")]  # no internal note for her
    theirs = get(gateway, number, services_staff(users))
    assert [c.internal for c in theirs.thread] == [False, False, True]
    assert theirs.thread[1].author == "staff:services.officer@student_services via gateway"


def test_a_student_cannot_write_internal_notes_nor_in_anothers_request(gateway, users, correction):
    with pytest.raises(InvalidArgument) as refused:
        comment(gateway, correction.request_number, as_ayesha(users), "psst", internal=True)
    assert refused.value.field == "internal"
    with pytest.raises(NotFound):
        comment(gateway, correction.request_number, users.student(BILAL), "hello")
    with pytest.raises(NotFound):  # examinations does not handle a general query
        comment(gateway, correction.request_number, users.staff("exams.officer", "examinations"), "hello")
    with pytest.raises(InvalidArgument) as empty:
        comment(gateway, correction.request_number, as_ayesha(users), "   ")
    assert empty.value.field == "text"


def test_a_message_sent_twice_is_written_once(gateway, users, correction):
    key = uuid.uuid4().hex
    first = comment(gateway, correction.request_number, as_ayesha(users), "Once", idempotency_key=key)
    again = comment(gateway, correction.request_number, as_ayesha(users), "Once", idempotency_key=key)
    assert first.comment_id == again.comment_id
    assert [c.text for c in get(gateway, correction.request_number, as_ayesha(users)).thread] == ["Once"]


def test_documents_are_kept_under_our_names_and_read_back_by_owner_and_department(
        gateway, users, correction, requests_runtime, attachments_dir):
    number = correction.request_number
    pdf = attach(gateway, number, as_ayesha(users), "fee receipt", hostile_files.good_pdf())
    assert (pdf.filename, pdf.content_type, pdf.size) == ("fee receipt.pdf", "application/pdf",
                                                         len(hostile_files.good_pdf()))
    photo = attach(gateway, number, services_staff(users), "letter.png", hostile_files.good_jpeg())
    assert (photo.filename, photo.content_type) == ("letter.jpg", "image/jpeg")  # the content decides
    again = attach(gateway, number, as_ayesha(users), "again.pdf", hostile_files.good_pdf())
    assert again.attachment_id == pdf.attachment_id  # a retried upload: one attachment
    with requests_runtime.db.sessions() as s:
        stored = s.execute(sa.select(attachments.c.stored_name).where(attachments.c.id == pdf.attachment_id)).scalar()
    assert len(list(attachments_dir.rglob(stored))) == 1 and "receipt" not in stored
    for who in (as_ayesha(users), services_staff(users)):
        back = gateway.call("requests", "GetAttachment", pb.GetAttachmentRequest(
            request_number=number, attachment_id=pdf.attachment_id), caller=who)
        assert back.content == hostile_files.good_pdf()
    for stranger in (users.student(BILAL), users.staff("exams.officer", "examinations")):
        with pytest.raises(NotFound):
            gateway.call("requests", "GetAttachment", pb.GetAttachmentRequest(
                request_number=number, attachment_id=pdf.attachment_id), caller=stranger)
    listed = get(gateway, number, as_ayesha(users)).attachments
    assert [(a.filename, a.author_kind) for a in listed] == [("fee receipt.pdf", "student"), ("letter.jpg", "staff")]


@pytest.mark.parametrize("case", sorted(hostile_files.HOSTILE))
def test_hostile_files_are_refused_and_nothing_is_kept(gateway, users, correction, requests_runtime,
                                                       attachments_dir, case):
    filename, content = hostile_files.HOSTILE[case]
    before = sorted(p.name for p in attachments_dir.rglob("*") if p.is_file())
    with pytest.raises(InvalidArgument) as refused:
        attach(gateway, correction.request_number, as_ayesha(users), filename, content)
    assert refused.value.field == "file"
    assert sorted(p.name for p in attachments_dir.rglob("*") if p.is_file()) == before
    with requests_runtime.db.sessions() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(attachments).where(
            attachments.c.request_id == sa.select(service_requests.c.id).where(
                service_requests.c.request_number == correction.request_number).scalar_subquery())) == 0


def test_an_oversized_file_and_too_many_files_are_refused(gateway, users, correction, requests_runtime):
    limit = requests_runtime.config.attachment_max_bytes
    filename, content = hostile_files.oversized(limit)
    with pytest.raises(InvalidArgument) as refused:
        attach(gateway, correction.request_number, as_ayesha(users), filename, content)
    assert refused.value.field == "file" and "MB" in refused.value.message
    for n in range(requests_runtime.config.attachments_per_request):
        attach(gateway, correction.request_number, as_ayesha(users), f"page{n}.png", png(n))
    with pytest.raises(InvalidArgument) as full:
        attach(gateway, correction.request_number, as_ayesha(users), "one more.png", png(99))
    assert full.value.reason == "TOO_MANY_ATTACHMENTS"


def test_decisions_move_the_request_and_the_history_says_who(gateway, users, correction):
    number, officer = correction.request_number, services_staff(users)
    with pytest.raises(InvalidArgument) as unexplained:
        decide(gateway, number, officer, "reject")
    assert unexplained.value.field == "reason"
    asked = decide(gateway, number, officer, "request_information", "Which semester do you mean?")
    assert asked.status == "awaiting_student"
    hers = get(gateway, number, as_ayesha(users))
    assert hers.status == "awaiting_student" and hers.history[-1].note == "Which semester do you mean?"
    comment(gateway, number, as_ayesha(users), "Autumn 2026")  # her answer puts it back in the queue
    assert get(gateway, number, officer).status == "in_process"
    resolved = decide(gateway, number, officer, "approve", "Exams start on 10 January.")
    assert resolved.status == "resolved"
    assert [(h.status, h.actor.split(" ")[0]) for h in resolved.history] == [
        ("submitted", f"student:{AYESHA}"), ("awaiting_student", "staff:services.officer@student_services"),
        ("in_process", f"student:{AYESHA}"), ("resolved", "staff:services.officer@student_services")]
    with pytest.raises(FailedPrecondition):
        decide(gateway, number, officer, "reject", "too late")  # decided already


def test_who_may_decide(gateway, users, correction):
    with pytest.raises(NotFound):  # a department that does not handle the request
        decide(gateway, correction.request_number, users.staff("exams.officer", "examinations"), "approve")
    unpaid = file(gateway, users)  # examinations' degree request, its fee unpaid
    with pytest.raises(FailedPrecondition) as waiting:
        decide(gateway, unpaid.request_number, users.staff("exams.officer", "examinations"), "approve")
    assert waiting.value.reason == "NOT_DECIDABLE"
    refund = file(gateway, users, category="fee_refund", subtype="refund_excess_payment", details="Paid twice")
    with pytest.raises(FailedPrecondition) as elsewhere:
        decide(gateway, refund.request_number, users.staff("treasury.officer", "treasury"), "approve")
    assert elsewhere.value.reason == "DECIDED_ELSEWHERE"
    with pytest.raises(InvalidArgument) as unknown:
        decide(gateway, correction.request_number, services_staff(users), "shrug")
    assert unknown.value.field == "decision"


def test_a_decision_is_an_event_in_the_outbox(gateway, users, correction, requests_runtime):
    decide(gateway, correction.request_number, services_staff(users), "reject", "Please ask your regional office.")
    events = [e["data"] for e in outbox_events(requests_runtime, "request_status_changed")
              if e["data"]["request_number"] == correction.request_number]
    assert [(e["from_status"], e["to_status"], e["note"]) for e in events] == [
        ("submitted", "rejected", "Please ask your regional office.")]


def test_the_queue_by_subtype_officer_age_and_service_level(gateway, users, requests_runtime):
    address = file(gateway, users, category="personal_info_correction", subtype="address_change", details="New",
                   changes={"postal_address": "House 7, Street 9, F-8/2, Islamabad"})
    mobile = file(gateway, users, category="personal_info_correction", subtype="mobile_number_change", details="New",
                  changes={"mobile": "03331234567"})
    officer = users.staff("admissions.officer", "admissions")
    assigned = gateway.call("requests", "AssignRequest", pb.AssignRequestRequest(
        request_number=mobile.request_number, officer="Admissions.Officer"), caller=officer)
    assert assigned.assigned_to == "admissions.officer"
    assert assigned.history[-1].note == "assigned to admissions.officer"
    assert assigned.due_by and not assigned.overdue
    numbers = lambda answer: [r.request_number for r in answer.requests]  # noqa: E731
    assert address.request_number not in numbers(query(gateway, users, subtype="mobile_number_change"))
    assert numbers(query(gateway, users, assigned_to="admissions.officer")) == [mobile.request_number]
    assert address.request_number not in numbers(query(gateway, users, older_than_days=8))
    with requests_runtime.db.unit_of_work() as uow:  # as if it reached admissions ten days ago (its level: 7)
        uow.session.execute(sa.update(service_requests).where(
            service_requests.c.request_number == address.request_number).values(
            queued_at=sa.func.now() - sa.text("interval '10 days'")))
        uow.commit()
    overdue = query(gateway, users, overdue_only=True)
    assert numbers(overdue) == [address.request_number] and overdue.requests[0].overdue
    assert address.request_number in numbers(query(gateway, users, older_than_days=8))
    with pytest.raises(InvalidArgument) as bad:
        gateway.call("requests", "AssignRequest", pb.AssignRequestRequest(
            request_number=mobile.request_number, officer="22P-123456"), caller=officer)
    assert bad.value.field == "officer"


def test_a_closed_request_takes_nothing_more(gateway, users, correction, requests_runtime):
    with requests_runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(service_requests).where(
            service_requests.c.request_number == correction.request_number).values(status="closed"))
        uow.commit()
    with pytest.raises(FailedPrecondition) as closed:
        comment(gateway, correction.request_number, as_ayesha(users), "hello?")
    assert closed.value.reason == "REQUEST_CLOSED"


def test_she_reads_who_acted_as_staff_not_which_officer(gateway, users, correction):
    number, officer = correction.request_number, services_staff(users)
    gateway.call("requests", "AssignRequest", pb.AssignRequestRequest(request_number=number,
                                                                      officer="services.officer"), caller=officer)
    comment(gateway, number, officer, "We are on it.")
    hers = get(gateway, number, as_ayesha(users))
    assert not hers.assigned_to and [h.note for h in hers.history] == ["filed"]  # no "assigned to"
    assert {h.actor for h in hers.history} == {"student"} and hers.thread[0].author == "staff"
    theirs = get(gateway, number, officer)
    assert theirs.assigned_to == "services.officer" and theirs.history[-1].note == "assigned to services.officer"


def test_one_authors_message_key_never_finds_anothers(gateway, users, correction):
    key = uuid.uuid4().hex
    note = comment(gateway, correction.request_number, services_staff(users), "Internal only", internal=True,
                   idempotency_key=key)
    hers = comment(gateway, correction.request_number, as_ayesha(users), "Mine", idempotency_key=key)
    assert hers.comment_id != note.comment_id and hers.text == "Mine" and not hers.internal
