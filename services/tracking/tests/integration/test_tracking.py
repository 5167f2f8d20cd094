"""Applications and parcels: opening them from filed requests, who sees what."""
import datetime as dt
import json

import pytest
import sqlalchemy as sa

from campus import clock
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from cms.requests.v1.events_pb2 import DegreeApplicationFiled
from cms.tracking.v1 import tracking_pb2 as pb
from services.tracking import service
from services.tracking.models import applications, stage_history

AYESHA = "22P-123456"


def file(runtime, request_number, subtype="degree_urgent", regno=AYESHA, urgent=True):
    with runtime.db.unit_of_work() as uow:
        tracking_id = service.open_application(uow, DegreeApplicationFiled(
            request_number=request_number, registration_number=regno, subtype=subtype, urgent=urgent,
            filed_at="2026-11-20T09:15:00Z"))
        uow.commit()
    return tracking_id


def student_tracking(clients, regno, caller):
    return clients.call("tracking", "ListStudentTracking",
                        pb.ListStudentTrackingRequest(registration_number=regno), caller=caller)


def track(clients, tracking_id, caller=None):
    return clients.call("tracking", "TrackApplication", pb.TrackApplicationRequest(tracking_id=tracking_id),
                        caller=caller)


def status_events(runtime, tracking_id):
    with runtime.db.sessions() as s:
        rows = s.scalars(sa.select(runtime.db.outbox.c.envelope).where(
            runtime.db.outbox.c.event_type == "degree_status_changed"))
        return [e["data"] for e in map(json.loads, rows) if e["data"]["tracking_id"] == tracking_id]


def test_a_filed_request_opens_one_application_in_process(runtime):
    tracking_id = file(runtime, "SR-2026-000101")
    assert file(runtime, "SR-2026-000101") is None  # the same request again: nothing new
    with runtime.db.sessions() as s:
        app = s.execute(sa.select(applications).where(applications.c.request_number == "SR-2026-000101")).one()
        history = s.scalars(sa.select(stage_history.c.stage).where(stage_history.c.application_id == app.id)).all()
    assert (app.tracking_id, app.kind, app.section, app.stage, app.urgent) == (
        tracking_id, "degree", "in_process", "received", True)
    assert history == ["received"]
    event = status_events(runtime, tracking_id)
    assert len(event) == 1 and event[0]["registration_number"] == AYESHA and event[0]["section"] == "in_process"


def test_a_malformed_request_in_an_event_is_refused(runtime):
    with pytest.raises(InvalidArgument) as bad:
        file(runtime, "SR-2026-000102", regno="not-a-number")
    assert bad.value.field == "registration_number"


def test_a_student_sees_her_books_and_applications(runtime, as_gateway, users):
    tracking_id = file(runtime, "SR-2026-000103", subtype="transcript_ordinary", urgent=False)
    mine = student_tracking(as_gateway, AYESHA, users.student(AYESHA))
    assert [(p.registry_number, p.semester, p.status) for p in mine.parcels] == [
        ("BO680724", "Spring 2026", "dispatched")]
    assert mine.parcels[0].dispatched_at == "2026-05-19T05:30:00Z"
    transcript = next(a for a in mine.applications if a.tracking_id == tracking_id)
    assert (transcript.kind, transcript.request_number, transcript.urgent) == ("transcript", "SR-2026-000103", False)
    assert transcript.filed_at == "2026-11-20T09:15:00Z"


def test_another_student_is_refused(as_gateway, users):
    with pytest.raises(PermissionDenied):
        student_tracking(as_gateway, AYESHA, users.student("23A-654321"))


@pytest.mark.parametrize("department, allowed", [
    ("dispatch", True), ("examinations", True), ("student_services", True),
    ("regional", False), ("treasury", False), ("admissions", False)])
def test_student_tracking_by_department(as_gateway, users, department, allowed):
    staff = users.staff("officer.one", department)
    if allowed:
        assert len(student_tracking(as_gateway, AYESHA, staff).parcels) == 1
    else:
        with pytest.raises(PermissionDenied):
            student_tracking(as_gateway, AYESHA, staff)


def test_a_malformed_registration_number_names_the_field(as_gateway, users):
    with pytest.raises(InvalidArgument) as bad:
        student_tracking(as_gateway, "22P-12345", users.staff("dispatch.officer", "dispatch"))
    assert bad.value.field == "registration_number"


def test_the_public_tracks_progress_without_learning_whose_it_is(runtime, as_gateway):
    tracking_id = file(runtime, "SR-2026-000104")
    deadline = service.raise_objection(runtime.db, tracking_id, "Attested copy of the Matric certificate missing",
                                       ["Attested copy of the Matric certificate"], runtime.config.objection_days)
    assert deadline == clock.karachi_today() + dt.timedelta(days=30)
    public = track(as_gateway, tracking_id.lower())  # no user: the public, through the gateway
    assert (public.tracking_id, public.kind, public.section, public.stage, public.urgent) == (
        tracking_id, "degree", "incomplete_returned", "objection", True)
    assert [(o.reason, o.resolve_by) for o in public.objections] == [
        ("Attested copy of the Matric certificate missing", deadline.isoformat())]
    assert (public.registration_number, public.request_number, public.filed_at) == ("", "", "")
    assert public.objections[0].raised_at == ""


def test_an_unknown_tracking_id_is_not_found_and_a_malformed_one_is_invalid(as_gateway):
    with pytest.raises(NotFound):
        track(as_gateway, "EBN-AGZ-2G33")
    with pytest.raises(InvalidArgument) as bad:
        track(as_gateway, "22P-123456")
    assert bad.value.field == "tracking_id"
