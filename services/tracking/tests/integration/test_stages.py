"""An application's stages end to end over real gRPC and PostgreSQL: each move and its event,
who may make it, objections answered with documents or left to their window (a clock the
test sets), the public look-up by roll number and the officers' queue."""
import datetime as dt
import json

import pytest
import sqlalchemy as sa

from campus import audit, clock
from campus.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from campus.tests import hostile_files
from cms.cases.v1 import cases_pb2
from cms.tracking.v1 import tracking_pb2 as pb
from services.tracking import service
from services.tracking.tests.integration.test_tracking import AYESHA, file, status_events

OTHER = "23L-204518"


@pytest.fixture
def examiner(users):
    return users.staff("exam.officer", "examinations")


@pytest.fixture
def dispatcher(users):
    return users.staff("dispatch.officer", "dispatch")


def move(clients, caller, tracking_id, stage, note="", **extra):
    return clients.call("tracking", "MoveStage", pb.MoveStageRequest(
        tracking_id=tracking_id, stage=stage, note=note, **extra), caller=caller)


def object_to(clients, caller, tracking_id, reason, documents=()):
    return clients.call("tracking", "RaiseObjection", pb.RaiseObjectionRequest(
        tracking_id=tracking_id, reason=reason, documents=list(documents)), caller=caller)


def answer(clients, caller, tracking_id, text, documents=()):
    return clients.call("tracking", "AnswerObjection", pb.AnswerObjectionRequest(
        tracking_id=tracking_id, text=text, documents=[pb.UploadedDocument(filename=n, content=c)
                                                       for n, c in documents]), caller=caller)


def test_every_stage_to_the_door_each_with_its_event(runtime, as_gateway, examiner, dispatcher):
    tracking_id = file(runtime, "SR-2026-000201", subtype="degree_ordinary", urgent=False)
    assert move(as_gateway, examiner, tracking_id, "verification", "Documents match the result").stage == "verification"
    assert move(as_gateway, examiner, tracking_id, "printing").stage == "printing"
    assert move(as_gateway, examiner, tracking_id, "ready").section == "in_process"
    sent = move(as_gateway, dispatcher, tracking_id, "dispatched", courier="TCS", courier_tracking_number="TCS-771204")
    assert (sent.stage, sent.section, sent.courier, sent.courier_tracking_number) == (
        "dispatched", "dispatched", "TCS", "TCS-771204")
    done = move(as_gateway, dispatcher, tracking_id, "delivered", "Received by the student")
    assert (done.stage, done.section) == ("delivered", "delivered")
    assert [h.stage for h in done.history] == ["received", "verification", "printing", "ready", "dispatched",
                                               "delivered"]
    assert done.history[1].changed_by == "staff:exam.officer@examinations via gateway"
    events = status_events(runtime, tracking_id)
    assert [(e["stage"], e["section"]) for e in events] == [
        ("received", "in_process"), ("verification", "in_process"), ("printing", "in_process"),
        ("ready", "in_process"), ("dispatched", "dispatched"), ("delivered", "delivered")]
    assert events[4]["note"] == "TCS TCS-771204"
    with runtime.db.sessions() as s:
        actions = [r.action for r in audit.history(s, "application", tracking_id)]
    assert actions == ["received", "verification", "printing", "ready", "dispatched", "delivered"]
    assert audit.verify(runtime.db.engine).intact


@pytest.mark.parametrize("n, stage, field", [(1, "printing", "stage"), (2, "delivered", "stage"),
                                             (3, "received", "stage"), (4, "signing", "stage")])
def test_a_move_the_rules_do_not_allow_is_refused_and_changes_nothing(runtime, as_gateway, examiner, dispatcher,
                                                                       n, stage, field):
    tracking_id = file(runtime, f"SR-2026-00030{n}")
    caller = dispatcher if stage == "delivered" else examiner
    with pytest.raises((FailedPrecondition, InvalidArgument)) as refused:
        move(as_gateway, caller, tracking_id, stage)
    assert refused.value.field == field
    assert [e["stage"] for e in status_events(runtime, tracking_id)] == ["received"]


def test_each_stage_belongs_to_its_department(runtime, as_gateway, examiner, dispatcher, users):
    tracking_id = file(runtime, "SR-2026-000210")
    with pytest.raises(PermissionDenied):
        move(as_gateway, dispatcher, tracking_id, "verification")   # examinations' stage
    for stage in ("verification", "printing", "ready"):
        move(as_gateway, examiner, tracking_id, stage)
    with pytest.raises(PermissionDenied):
        move(as_gateway, examiner, tracking_id, "dispatched", courier="TCS", courier_tracking_number="1")
    with pytest.raises(PermissionDenied):
        move(as_gateway, users.staff("helper", "student_services"), tracking_id, "printing")
    with pytest.raises(PermissionDenied):
        move(as_gateway, users.student(AYESHA), tracking_id, "dispatched")
    with pytest.raises(InvalidArgument) as missing:
        move(as_gateway, dispatcher, tracking_id, "dispatched", courier="TCS")
    assert missing.value.field == "courier_tracking_number"
    with pytest.raises(InvalidArgument) as as_stage:
        move(as_gateway, examiner, tracking_id, "objection", "documents missing")
    assert as_stage.value.field == "stage"


def test_the_same_move_again_is_answered_once(runtime, as_gateway, examiner):
    tracking_id = file(runtime, "SR-2026-000211")
    move(as_gateway, examiner, tracking_id, "verification")
    again = move(as_gateway, examiner, tracking_id, "verification")
    assert again.stage == "verification"
    assert [e["stage"] for e in status_events(runtime, tracking_id)] == ["received", "verification"]


def test_an_objection_answered_with_documents_returns_to_verification(runtime, as_gateway, examiner, users):
    tracking_id = file(runtime, "SR-2026-000220")
    move(as_gateway, examiner, tracking_id, "verification")
    returned = object_to(as_gateway, examiner, tracking_id, "Matric certificate not attested",
                         ["Attested copy of the Matric certificate", "CNIC copy"])
    objection = returned.objections[-1]
    assert (returned.stage, returned.section) == ("objection", "incomplete_returned")
    assert list(objection.documents) == ["Attested copy of the Matric certificate", "CNIC copy"]
    assert objection.resolve_by == (clock.karachi_today() + dt.timedelta(days=30)).isoformat()
    assert object_to(as_gateway, examiner, tracking_id, "Matric certificate not attested").stage == "objection"
    with pytest.raises(FailedPrecondition):
        object_to(as_gateway, examiner, tracking_id, "Another reason")   # one open objection at a time

    public = as_gateway.call("tracking", "TrackApplication", pb.TrackApplicationRequest(tracking_id=tracking_id))
    assert [o.reason for o in public.objections] == ["Matric certificate not attested"]

    ayesha = users.student(AYESHA)
    with pytest.raises(NotFound):   # another student's application is not there for her
        answer(as_gateway, users.student(OTHER), tracking_id, "Here it is", [("m.pdf", hostile_files.good_pdf())])
    with pytest.raises(InvalidArgument) as bad_file:
        answer(as_gateway, ayesha, tracking_id, "Here it is", [("m.pdf", b"not a pdf at all")])
    assert bad_file.value.field
    with pytest.raises(InvalidArgument) as no_text:
        answer(as_gateway, ayesha, tracking_id, "  ")
    assert no_text.value.field == "text"

    answered = answer(as_gateway, ayesha, tracking_id, "Attested copies attached",
                      [("matric.pdf", hostile_files.good_pdf()), ("cnic.png", hostile_files.good_png())])
    assert (answered.stage, answered.section) == ("verification", "in_process")
    done = answered.objections[-1]
    assert (done.resolved, done.response) == (True, "Attested copies attached")
    assert [d.filename for d in done.answer_documents] == ["matric.pdf", "cnic.png"]
    got = as_gateway.call("tracking", "GetObjectionDocument", pb.GetObjectionDocumentRequest(
        tracking_id=tracking_id, document_id=done.answer_documents[0].document_id), caller=examiner)
    assert got.content == hostile_files.good_pdf() and got.registration_number == AYESHA
    with pytest.raises(NotFound):
        as_gateway.call("tracking", "GetObjectionDocument", pb.GetObjectionDocumentRequest(
            tracking_id=tracking_id, document_id=done.answer_documents[0].document_id),
            caller=users.student(OTHER))
    with pytest.raises(FailedPrecondition):   # nothing left to answer
        answer(as_gateway, ayesha, tracking_id, "again")
    assert [(e["stage"], e.get("rejected", False)) for e in status_events(runtime, tracking_id)][-2:] == [
        ("objection", False), ("verification", False)]


def test_an_objection_left_past_its_window_rejects_the_application(runtime, as_gateway, examiner, users,
                                                                    monkeypatch):
    tracking_id = file(runtime, "SR-2026-000230")
    deadline = dt.date.fromisoformat(object_to(as_gateway, examiner, tracking_id, "Result card missing",
                                               ["Result card"]).objections[-1].resolve_by)
    last_day = dt.datetime.combine(deadline, dt.time(23, 0), tzinfo=clock.KARACHI).astimezone(clock.UTC)
    assert service.reject_unanswered(runtime, now=last_day) == 0   # the whole last day still counts
    day_after = last_day + dt.timedelta(hours=2)
    monkeypatch.setattr(clock, "utcnow", lambda: day_after)
    with pytest.raises(FailedPrecondition) as late:
        answer(as_gateway, users.student(AYESHA), tracking_id, "Sorry, late", [("r.pdf", hostile_files.good_pdf())])
    assert "closed" in str(late.value)
    assert service.reject_unanswered(runtime, now=day_after) == 1
    assert service.reject_unanswered(runtime, now=day_after) == 0   # once
    public = as_gateway.call("tracking", "TrackApplication", pb.TrackApplicationRequest(tracking_id=tracking_id))
    assert (public.section, public.stage, public.rejected, list(public.objections)) == (
        "incomplete_returned", "objection", True, [])
    last = status_events(runtime, tracking_id)[-1]
    assert (last["stage"], last["rejected"], last["note"]) == ("objection", True, "Result card missing")
    with pytest.raises(FailedPrecondition):
        move(as_gateway, examiner, tracking_id, "verification")


def test_the_public_looks_up_a_roll_number_without_learning_whose(runtime, as_gateway, examiner):
    tracking_id = file(runtime, "SR-2026-000240")
    move(as_gateway, examiner, tracking_id, "verification", "Checked by Mr. Khan against the gazette")
    found = as_gateway.call("tracking", "TrackByRollNumber", pb.TrackByRollNumberRequest(roll_number="bo680724"))
    mine = next(a for a in found.applications if a.tracking_id == tracking_id)
    assert (mine.stage, mine.section, mine.registration_number, mine.request_number) == (
        "verification", "in_process", "", "")
    assert [(h.stage, h.note, h.changed_by) for h in mine.history] == [
        ("received", "", ""), ("verification", "", "")]
    assert as_gateway.call("tracking", "TrackByRollNumber",
                           pb.TrackByRollNumberRequest(roll_number="ZZ999999")).applications == []
    with pytest.raises(InvalidArgument) as bad:
        as_gateway.call("tracking", "TrackByRollNumber", pb.TrackByRollNumberRequest(roll_number="12"))
    assert bad.value.field == "roll_number"


def test_a_slip_tells_tracking_whose_roll_number_it_is(runtime):
    with runtime.db.unit_of_work() as uow:
        service.remember_roll_number(uow, "lh123456", OTHER)
        service.remember_roll_number(uow, "LH123456", OTHER)   # redelivered: once
        uow.commit()
    file(runtime, "SR-2026-000250", regno=OTHER)
    assert [c.row.request_number for c in service.by_roll_number(runtime.db, "LH123456")] == ["SR-2026-000250"]


def test_the_queue_puts_urgent_first_and_counts_each_stage(runtime, as_gateway, examiner, users):
    ordinary = file(runtime, "SR-2026-000260", subtype="transcript_ordinary", urgent=False)
    urgent = file(runtime, "SR-2026-000261", subtype="degree_urgent", urgent=True)
    listed = as_gateway.call("tracking", "ListApplications", pb.ListApplicationsRequest(stage="received"),
                             caller=examiner)
    order = [a.tracking_id for a in listed.applications]
    assert order.index(urgent) < order.index(ordinary)
    assert all(a.urgent for a in listed.applications[:order.index(urgent) + 1])
    counts = {c.stage: c for c in listed.counts}
    assert counts["received"].count >= 2 and counts["received"].urgent >= 1
    assert counts["received"].overdue >= 1   # filed 2026-11-20: an urgent one is past two weeks
    with pytest.raises(PermissionDenied):
        as_gateway.call("tracking", "ListApplications", pb.ListApplicationsRequest(), caller=users.student(AYESHA))
    with pytest.raises(InvalidArgument) as bad:
        as_gateway.call("tracking", "ListApplications", pb.ListApplicationsRequest(stage="lost"), caller=examiner)
    assert bad.value.field == "stage"


def test_an_officer_s_read_of_an_application_is_logged_hers_is_not(runtime, as_gateway, examiner, users):
    tracking_id = file(runtime, "SR-2026-000270")
    as_gateway.call("tracking", "GetApplication", pb.GetApplicationRequest(tracking_id=tracking_id),
                    caller=users.student(AYESHA))
    as_gateway.call("tracking", "GetApplication", pb.GetApplicationRequest(tracking_id=tracking_id), caller=examiner)
    with pytest.raises(PermissionDenied):
        as_gateway.call("tracking", "GetApplication", pb.GetApplicationRequest(tracking_id=tracking_id),
                        caller=users.student(OTHER))
    from campus.access_log import entries_of
    reads = [r for r in entries_of(runtime.db, AYESHA) if r.method.endswith("GetApplication")]
    assert [(r.staff, r.department) for r in reads][:1] == [("exam.officer", "examinations")]
    assert len(reads) == 1


def test_documents_wanted_are_kept_as_json(runtime, as_gateway, examiner):
    tracking_id = file(runtime, "SR-2026-000280")
    object_to(as_gateway, examiner, tracking_id, "Photo missing", ["Two photographs", "Two photographs", " "])
    from services.tracking.models import objections
    with runtime.db.sessions() as s:
        stored = s.scalar(sa.select(objections.c.documents).order_by(objections.c.id.desc()))
    assert json.loads(stored) == ["Two photographs"]


def test_how_long_recent_applications_stayed_at_each_stage(runtime, as_gateway, examiner, users, monkeypatch):
    start = dt.datetime(2026, 6, 1, 5, 0, tzinfo=clock.UTC)
    for n, days_in_verification in enumerate((2, 4, 10)):
        monkeypatch.setattr(clock, "utcnow", lambda: start)
        tracking_id = file(runtime, f"SR-2026-00090{n}", subtype="certificate_ordinary", urgent=False)
        monkeypatch.setattr(clock, "utcnow", lambda: start + dt.timedelta(days=1))
        move(as_gateway, examiner, tracking_id, "verification")
        monkeypatch.setattr(clock, "utcnow", lambda d=days_in_verification: start + dt.timedelta(days=1 + d))
        move(as_gateway, examiner, tracking_id, "printing")
    monkeypatch.undo()
    pace = as_gateway.call("tracking", "GetStageDurations", cases_pb2.StageDurationsRequest(
        kind="certificate", urgent=False), caller=users.student(AYESHA))
    by_stage = {s.stage: s for s in pace.stages}
    assert (by_stage["received"].median_days, by_stage["received"].cases) == (1.0, 3)
    assert (by_stage["verification"].median_days, by_stage["verification"].p90_days) == (4.0, 10.0)
    assert "printing" not in by_stage   # still there: it says nothing yet
    with pytest.raises(InvalidArgument) as bad:
        as_gateway.call("tracking", "GetStageDurations", cases_pb2.StageDurationsRequest(kind="diploma"),
                        caller=users.student(AYESHA))
    assert bad.value.field == "kind"


def test_the_application_of_a_request_is_found_by_its_number_for_her_only(runtime, as_gateway, users):
    tracking_id = file(runtime, "SR-2026-000910")
    found = as_gateway.call("tracking", "GetApplication", pb.GetApplicationRequest(request_number="SR-2026-000910"),
                            caller=users.student(AYESHA))
    assert found.tracking_id == tracking_id
    with pytest.raises(PermissionDenied):
        as_gateway.call("tracking", "GetApplication", pb.GetApplicationRequest(request_number="SR-2026-000910"),
                        caller=users.student(OTHER))
    with pytest.raises(NotFound):
        as_gateway.call("tracking", "GetApplication", pb.GetApplicationRequest(request_number="SR-2026-999999"),
                        caller=users.student(AYESHA))
