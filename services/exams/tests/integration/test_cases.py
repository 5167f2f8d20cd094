"""Re-checking and a change of examination centre as processes against real RabbitMQ and
PostgreSQL: a paid request opens a case (the consumer in its own process), examinations
decide it, the result or the centre changes, and exam_case_decided goes out for requests."""
import json

import pytest
import sqlalchemy as sa

from campus import testing
from campus.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from campus.events import envelope_for
from cms.documents.v1 import documents_pb2 as docs
from cms.exams.v1 import exams_pb2 as pb
from cms.requests.v1.events_pb2 import RequestPaid
from services import demo
from services.exams.models import exam_cases

QUEUE = "evt-requests-request_paid--exams.on_request_paid"
AYESHA = demo.STUDENT["registration_number"]
ZAINAB = demo.REGISTRANT["registration_number"]
MARYAM = demo.REGISTRANT_2["registration_number"]


@pytest.fixture(scope="module")
def consumer(runtime, amqp_url):
    with testing.running_consumer("exams", runtime.config.database_url, amqp_url, QUEUE) as process:
        yield process


@pytest.fixture(scope="module")
def officer(users):
    return users.staff("exams.officer", "examinations")


def paid(number, regno, subtype, details="please"):
    return envelope_for("requests", RequestPaid(
        request_number=number, registration_number=regno, category="other_fee_challan", subtype=subtype,
        department="examinations", details=details, paid_at="2026-12-06T06:00:00Z"))


def opened(runtime, number):
    with runtime.db.sessions() as s:
        return s.execute(sa.select(exam_cases).where(exam_cases.c.request_number == number)).first()


def decisions(runtime):
    with runtime.db.sessions() as s:
        return {d["request_number"]: d for d in (json.loads(e)["data"] for e in s.scalars(
            sa.select(runtime.db.outbox.c.envelope).where(runtime.db.outbox.c.event_type == "exam_case_decided")))}


def open_case(runtime, amqp_url, number, regno, subtype, details="please"):
    testing.publish(amqp_url, paid(number, regno, subtype, details))
    testing.wait_until(lambda: opened(runtime, number) is not None, what=f"case {number} to open")


def test_only_examinations_requests_open_cases_and_only_once(runtime, amqp_url, consumer, as_gateway, officer):
    event = paid("SR-2026-100001", ZAINAB, "answer_script_rechecking", "8602: I expected to pass")
    testing.publish(amqp_url, event)
    testing.publish(amqp_url, event)  # redelivered
    testing.publish(amqp_url, paid("SR-2026-100002", ZAINAB, "degree_fee_urgent"))  # not ours
    testing.wait_until(lambda: testing.queue_depth(amqp_url, QUEUE) == 0, what="the queue to drain")
    # (a drained queue is not a handled one: the consumer may hold the messages it fetched)
    testing.wait_until(lambda: opened(runtime, "SR-2026-100001") is not None, what="the case to open")
    testing.publish(amqp_url, paid("SR-2026-100010", ZAINAB, "exam_centre_change"))  # after the one not ours
    testing.wait_until(lambda: opened(runtime, "SR-2026-100010") is not None, what="the next case to open")
    case = opened(runtime, "SR-2026-100001")
    assert (case.kind, case.status, case.roll_number, case.program_code) == ("rechecking", "open", "BM214366",
                                                                              "BED15")
    assert opened(runtime, "SR-2026-100002") is None
    listed = as_gateway.call("exams", "ListExamCases", pb.ListExamCasesRequest(kind="rechecking"), caller=officer)
    mine = [c for c in listed.cases if c.request_number == "SR-2026-100001"]
    assert mine and mine[0].details == "8602: I expected to pass" and mine[0].semester == "Autumn 2025"
    assert [p.course_code for p in mine[0].papers] == ["8601", "8602", "8603"]
    assert {g.code for g in listed.grounds} == {"transfer", "marriage", "change_of_residence"}


def test_a_recheck_revises_the_published_result_and_says_so(runtime, amqp_url, consumer, as_gateway, officer, users):
    open_case(runtime, amqp_url, "SR-2026-100003", ZAINAB, "answer_script_rechecking")
    with pytest.raises(InvalidArgument) as bad:
        as_gateway.call("exams", "DecideRecheck", pb.DecideRecheckRequest(
            request_number="SR-2026-100003", course_code="8699", changed=True, final_exam_marks=60), caller=officer)
    assert bad.value.field == "course_code"
    with pytest.raises(PermissionDenied):
        as_gateway.call("exams", "DecideRecheck", pb.DecideRecheckRequest(
            request_number="SR-2026-100003", course_code="8602", changed=False),
            caller=users.staff("student.desk", "student_services"))
    decided = as_gateway.call("exams", "DecideRecheck", pb.DecideRecheckRequest(
        request_number="sr-2026-100003", course_code="8602", changed=True, final_exam_marks=58), caller=officer)
    assert decided.status == "revised" and "revised" in decided.note
    with pytest.raises(FailedPrecondition):  # decided once
        as_gateway.call("exams", "DecideRecheck", pb.DecideRecheckRequest(
            request_number="SR-2026-100003", course_code="8602", changed=False), caller=officer)
    results = as_gateway.call("exams", "GetResults", pb.GetResultsRequest(registration_number=ZAINAB),
                              caller=users.student(ZAINAB))
    course = next(c for c in results.semesters[0].courses if c.course_code == "8602")
    assert (course.final_exam_marks, course.remarks) == (58, "pass") and course.revised_at
    card = as_gateway.call("exams", "GetPublicResult", pb.GetPublicResultRequest(roll_number="BM214366"))
    assert card.version == 2 and card.remarks == "pass" and "SR-2026-100003" in card.revision
    told = decisions(runtime)["SR-2026-100003"]
    assert (told["outcome"], told["kind"], told["decided_by"]) == ("revised", "rechecking", "exams.officer")


def test_a_recheck_that_changes_nothing_leaves_the_result(runtime, amqp_url, consumer, as_gateway, officer):
    open_case(runtime, amqp_url, "SR-2026-100004", MARYAM, "answer_script_rechecking")
    decided = as_gateway.call("exams", "DecideRecheck", pb.DecideRecheckRequest(
        request_number="SR-2026-100004", course_code="8602", changed=False), caller=officer)
    assert decided.status == "unchanged"
    assert as_gateway.call("exams", "GetPublicResult", pb.GetPublicResultRequest(
        roll_number="BM214367")).version == 1
    assert decisions(runtime)["SR-2026-100004"]["outcome"] == "unchanged"


def test_a_centre_changes_for_a_hardship_once_per_program(runtime, amqp_url, consumer, as_gateway, officer, users):
    open_case(runtime, amqp_url, "SR-2026-100005", AYESHA, "exam_centre_change", "Married, moved to Lahore")
    student = users.student(AYESHA)
    before = as_gateway.call("exams", "GetRollNumberSlip", pb.GetRollNumberSlipRequest(registration_number=AYESHA),
                             caller=student)
    for request, field in ((dict(ground="holiday", centre_code="LHR-01"), "ground"),
                           (dict(ground="marriage", centre_code="XXX-99"), "centre_code"),
                           (dict(ground="marriage", centre_code="ISB-01"), "centre_code")):
        with pytest.raises(InvalidArgument) as bad:
            as_gateway.call("exams", "DecideCentreChange", pb.DecideCentreChangeRequest(
                request_number="SR-2026-100005", approve=True, **request), caller=officer)
        assert bad.value.field == field
    approved = as_gateway.call("exams", "DecideCentreChange", pb.DecideCentreChangeRequest(
        request_number="SR-2026-100005", approve=True, ground="marriage", centre_code="lhr-01"), caller=officer)
    assert approved.status == "approved" and "Government Islamia College" in approved.note
    schedule = as_gateway.call("exams", "GetExamSchedule", pb.GetExamScheduleRequest(registration_number=AYESHA),
                               caller=student)
    assert (schedule.roll_number, schedule.centre.code) == ("BO680724", "LHR-01")
    after = as_gateway.call("exams", "GetRollNumberSlip", pb.GetRollNumberSlipRequest(registration_number=AYESHA),
                            caller=student)
    assert after.document_id != before.document_id
    old = as_gateway.call("exams", "VerifyDocument", docs.VerifyDocumentRequest(document_id=before.document_id))
    assert old.status == "revoked"

    open_case(runtime, amqp_url, "SR-2026-100006", AYESHA, "exam_centre_change", "Moved again")
    with pytest.raises(FailedPrecondition) as twice:
        as_gateway.call("exams", "DecideCentreChange", pb.DecideCentreChangeRequest(
            request_number="SR-2026-100006", approve=True, ground="transfer", centre_code="KHI-01"), caller=officer)
    assert "changed once" in str(twice.value) and "the most allowed" in str(twice.value)
    with pytest.raises(InvalidArgument) as why:
        as_gateway.call("exams", "DecideCentreChange", pb.DecideCentreChangeRequest(
            request_number="SR-2026-100006", approve=False), caller=officer)
    assert why.value.field == "note"
    refused = as_gateway.call("exams", "DecideCentreChange", pb.DecideCentreChangeRequest(
        request_number="SR-2026-100006", approve=False, note="Changed once already in this program"), caller=officer)
    assert refused.status == "rejected"
    assert decisions(runtime)["SR-2026-100006"]["outcome"] == "rejected"
    with pytest.raises(NotFound):
        as_gateway.call("exams", "DecideCentreChange", pb.DecideCentreChangeRequest(
            request_number="SR-2026-999999", approve=False, note="x"), caller=officer)
