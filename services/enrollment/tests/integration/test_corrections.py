"""Corrections of a record against real PostgreSQL: at the admissions desk over gRPC, and
from requests' correction_approved through the consumer on real RabbitMQ; the old value is
kept in the history and personal_info_changed goes out."""
import json

import pytest
import sqlalchemy as sa

from campus import testing
from campus.errors import InvalidArgument, PermissionDenied
from campus.events import envelope_for
from cms.enrollment.v1 import enrollment_pb2 as pb
from cms.requests.v1.events_pb2 import CorrectionApproved, FieldChange
from services import demo

CLASSMATE = demo.CLASSMATE["registration_number"]
QUEUE = "evt-requests-correction_approved--enrollment.on_correction_approved"


@pytest.fixture(scope="module")
def consumer(runtime, amqp_url):
    with testing.running_consumer("enrollment", runtime.config.database_url, amqp_url, QUEUE) as process:
        yield process


def record(as_gateway, caller, regno):
    return as_gateway.call("enrollment", "GetStudentRecord", pb.GetStudentRecordRequest(registration_number=regno),
                           caller=caller)


def changed_events(runtime):
    with runtime.db.sessions() as s:
        return [json.loads(e)["data"] for e in s.execute(sa.select(runtime.db.outbox.c.envelope).where(
            runtime.db.outbox.c.event_type == "personal_info_changed")).scalars()]


def test_admissions_correct_a_record_and_its_history_keeps_the_old_value(as_gateway, users, runtime):
    officer = users.staff("admissions.officer", "admissions")
    corrected = as_gateway.call("enrollment", "CorrectRecord", pb.CorrectRecordRequest(
        registration_number=CLASSMATE, changes={"mobile": "0321-7654321", "father_name": "Ahmed Raza Khan"},
        reason="Form CR-12 with CNIC copy"), caller=officer)
    assert corrected.student.mobile == "03217654321" and corrected.student.father_name == "Ahmed Raza Khan"
    assert [(h.field, h.old_value, h.new_value, h.changed_by) for h in sorted(corrected.history,
                                                                           key=lambda h: h.field)] == [
        ("father_name", "Ahmed Raza", "Ahmed Raza Khan", "admissions.officer"),
        ("mobile", demo.CLASSMATE["mobile"], "03217654321", "admissions.officer")]
    assert corrected.history[0].source == "by hand: Form CR-12 with CNIC copy"
    [event] = changed_events(runtime)
    assert event["fields"] == ["father_name", "mobile"] and event["father_name"] == "Ahmed Raza Khan"
    assert "cnic" not in event


@pytest.mark.parametrize(("changes", "field"), [
    ({"cnic": "123"}, "cnic"), ({"program_code": "ADE"}, "program_code"), ({}, "changes"),
    ({"email": "nobody"}, "email"),
])
def test_a_bad_correction_is_refused_naming_the_field_and_changes_nothing(as_gateway, users, runtime, changes,
                                                                          field):
    officer = users.staff("admissions.officer", "admissions")
    before = record(as_gateway, officer, CLASSMATE)
    with pytest.raises(InvalidArgument) as refused:
        as_gateway.call("enrollment", "CorrectRecord", pb.CorrectRecordRequest(
            registration_number=CLASSMATE, changes=changes, reason="x"), caller=officer)
    assert refused.value.field == field
    assert record(as_gateway, officer, CLASSMATE) == before


def test_only_admissions_correct_and_a_student_reads_her_own_record(as_gateway, users):
    with pytest.raises(PermissionDenied):
        as_gateway.call("enrollment", "CorrectRecord", pb.CorrectRecordRequest(
            registration_number=CLASSMATE, changes={"mobile": "03000000000"}, reason="x"),
            caller=users.staff("student.services", "student_services"))
    assert record(as_gateway, users.student(CLASSMATE), CLASSMATE).student.registration_number == CLASSMATE
    with pytest.raises(PermissionDenied):
        record(as_gateway, users.student(demo.STUDENT["registration_number"]), CLASSMATE)


def test_an_approved_correction_request_is_applied_once(as_gateway, users, runtime, amqp_url, consumer):
    event = envelope_for("requests", CorrectionApproved(
        request_number="SR-2026-000042", registration_number=CLASSMATE, approved_by="admissions.officer",
        approved_at="2026-12-06T06:00:00Z", changes=[
            FieldChange(field="postal_address", new_value="House 9, Street 1, Model Town, Lahore")]))
    testing.publish(amqp_url, event)
    officer = users.staff("admissions.officer", "admissions")
    testing.wait_until(lambda: record(as_gateway, officer, CLASSMATE).student.postal_address.startswith("House 9"),
                       what="the correction to be applied")
    testing.publish(amqp_url, event)  # redelivered
    testing.wait_until(lambda: testing.queue_depth(amqp_url, QUEUE) == 0, what="the queue to drain")
    history = [h for h in record(as_gateway, officer, CLASSMATE).history if h.field == "postal_address"]
    assert len(history) == 1 and history[0].source == "SR-2026-000042"
    assert history[0].old_value == demo.CLASSMATE["postal_address"]
    assert changed_events(runtime)[-1]["fields"] == ["postal_address"]


def test_admissions_announce_and_move_a_semesters_windows(as_gateway, users):
    officer = users.staff("admissions.officer", "admissions")
    calendar = as_gateway.call("enrollment", "ListSemesters", pb.ListSemestersRequest(), caller=officer).semesters
    assert [s.code for s in calendar][:2] == ["Autumn 2025", "Spring 2026"]
    moved = as_gateway.call("enrollment", "SetSemesterWindows", pb.SetSemesterWindowsRequest(
        code="autumn 2027", registration=pb.Window(opens="2027-07-15", closes="2027-09-15")), caller=officer)
    assert (moved.code, moved.registration.opens, moved.admission.opens) == ("Autumn 2027", "2027-07-15",
                                                                           "2027-08-01")
    for window, field in ((pb.Window(opens="2027-09-15", closes="2027-07-15"), "registration_closes"),
                          (pb.Window(opens="soon", closes="2027-07-15"), "registration")):
        with pytest.raises(InvalidArgument) as refused:
            as_gateway.call("enrollment", "SetSemesterWindows", pb.SetSemesterWindowsRequest(
                code="Autumn 2027", registration=window), caller=officer)
        assert refused.value.field == field
