"""TrackingService over gRPC: each method declares who may call it (@rpc);
it parses, calls the use case and maps the result."""
from __future__ import annotations

import json

from campus import access_log, clock, durations, identifiers, storage
from campus.auth import current_caller
from campus.errors import InvalidArgument
from campus.policy import ALL, OWN, RECORD, rpc
from campus.runtime import Runtime
from cms.tracking.v1 import tracking_pb2 as pb
from cms.tracking.v1 import tracking_pb2_grpc
from services.tracking import books, domain, service

#: Not regional offices: tracking cannot tell a student's centre (they see only their own).
TRACKING_DEPARTMENTS = {"dispatch", "examinations", "student_services"}
#: Who moves applications (domain.MOVES says which stages each).
MOVERS = {domain.EXAMINATIONS, domain.DISPATCH}


def document_message(row) -> pb.ObjectionDocument:
    return pb.ObjectionDocument(document_id=row.id, filename=row.filename, content_type=row.content_type,
                                size=row.size)


def objection_message(row, documents=()) -> pb.Objection:
    return pb.Objection(objection_id=row.id, reason=row.reason, raised_at=clock.iso(row.raised_at),
                        resolve_by=row.resolve_by.isoformat(), resolved=row.resolved_at is not None,
                        documents=json.loads(row.documents or "[]"),
                        responded_at=clock.iso(row.resolved_at) if row.response else "", response=row.response,
                        answer_documents=[document_message(d) for d in documents])


def _target(row, config) -> str:
    return domain.target_date(row.filed_at, row.urgent, config.urgent_target_days,
                              config.ordinary_target_days).isoformat()


def application_message(case: service.Case, config) -> pb.Application:
    row = case.row
    return pb.Application(
        tracking_id=row.tracking_id, registration_number=row.registration_number, kind=row.kind,
        section=row.section, stage=row.stage, urgent=row.urgent, request_number=row.request_number,
        filed_at=clock.iso(row.filed_at), updated_at=clock.iso(row.updated_at),
        objections=[objection_message(o, case.documents.get(o.id, ())) for o in case.objections],
        courier_tracking_number=row.courier_tracking_number or "", courier=row.courier or "",
        rejected=row.rejected_at is not None, target_date=_target(row, config),
        history=[pb.StageChange(stage=h.stage, section=h.section, changed_at=clock.iso(h.changed_at), note=h.note,
                                changed_by=h.changed_by) for h in case.history])


def public_message(case: service.Case, config) -> pb.Application:
    """What anyone holding the tracking ID or roll number may see: progress, its dates and
    open objections' reasons, never whose application it is, which request filed it, who
    moved it or what they noted."""
    row = case.row
    return pb.Application(
        tracking_id=row.tracking_id, kind=row.kind, section=row.section, stage=row.stage, urgent=row.urgent,
        updated_at=clock.iso(row.updated_at), rejected=row.rejected_at is not None,
        target_date=_target(row, config), courier=row.courier or "",
        objections=[pb.Objection(reason=o.reason, resolve_by=o.resolve_by.isoformat(), documents=json.loads(
            o.documents or "[]")) for o in case.objections if o.resolved_at is None],
        history=[pb.StageChange(stage=h.stage, section=h.section, changed_at=clock.iso(h.changed_at))
                 for h in case.history])


def parcel_message(row, *, staff: bool = False) -> pb.Parcel:
    return pb.Parcel(registry_number=row.registry_number, semester=row.semester, status=row.status,
                     dispatched_at=clock.iso(row.dispatched_at), note=row.note, updated_at=clock.iso(row.updated_at),
                     times_sent=row.times_sent, registration_number=row.registration_number if staff else "")


def public_parcel(row) -> pb.Parcel:
    """What anyone with the roll number or challan number sees: status and dates, not whose."""
    return pb.Parcel(registry_number=row.registry_number, semester=row.semester, status=row.status,
                     dispatched_at=clock.iso(row.dispatched_at), updated_at=clock.iso(row.updated_at))


class TrackingServicer(access_log.servicer(), tracking_pb2_grpc.TrackingServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db
        self.config = runtime.config
        self.store = storage.open_store(runtime.config.attachments_dir,
                                        runtime.config.object_store_url.get_secret_value())
        self.limits = service.AnswerLimits(max_bytes=runtime.config.attachment_max_bytes,
                                           max_documents=runtime.config.documents_per_answer)

    def _full(self, tracking_id: str) -> pb.Application:
        return application_message(service.application(self.db, domain.parse_tracking_id(tracking_id)), self.config)

    @rpc(students=OWN, staff=TRACKING_DEPARTMENTS)
    def ListStudentTracking(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        cases, books = service.student_tracking(self.db, regno)
        return pb.ListStudentTrackingResponse(applications=[application_message(c, self.config) for c in cases],
                                              parcels=[parcel_message(p) for p in books])

    @rpc(public=True)
    def TrackApplication(self, request, context):
        # Public on purpose: the degree tracking system answers anyone with a tracking ID.
        return public_message(service.application(self.db, domain.parse_tracking_id(request.tracking_id)),
                              self.config)

    @rpc(public=True)
    def TrackByRollNumber(self, request, context):
        # Public on purpose too (seed 002: "enter the degree tracking ID or just a Roll Number").
        return pb.ApplicationList(applications=[public_message(c, self.config)
                                                for c in service.by_roll_number(self.db, request.roll_number)])

    @rpc(staff=TRACKING_DEPARTMENTS)
    def ListApplications(self, request, context):
        cases, counts = service.queue(
            self.db, stage=request.stage, urgent_only=request.urgent_only, limit=request.limit,
            registration_number=request.registration_number,
            targets=(self.config.urgent_target_days, self.config.ordinary_target_days))
        return pb.ListApplicationsResponse(
            applications=[application_message(c, self.config) for c in cases],
            counts=[pb.StageCount(stage=c.stage, count=c.count, urgent=c.urgent, overdue=c.overdue) for c in counts])

    @rpc(students=RECORD, staff=TRACKING_DEPARTMENTS)
    def GetApplication(self, request, context):
        if request.request_number and not request.tracking_id:
            found = application_message(service.application_of_request(self.db, request.request_number), self.config)
        else:
            found = self._full(request.tracking_id)
        service.check_owner(current_caller(), found.registration_number)
        return found

    # Aggregate: nobody's record to check, so any signed-in student or officer may ask.
    @rpc(students=RECORD, staff=ALL)
    def GetStageDurations(self, request, context):
        return durations.to_message(service.stage_durations(self.db, request.kind, request.urgent))

    @rpc(staff=MOVERS)
    def MoveStage(self, request, context):
        tracking_id = domain.parse_tracking_id(request.tracking_id)
        service.move_stage(self.db, tracking_id, request.stage, request.note, current_caller().department,
                           courier=request.courier, courier_tracking_number=request.courier_tracking_number)
        return self._full(tracking_id)

    @rpc(staff=MOVERS)
    def RaiseObjection(self, request, context):
        tracking_id = domain.parse_tracking_id(request.tracking_id)
        service.raise_objection(self.db, tracking_id, request.reason, list(request.documents),
                                self.config.objection_days, current_caller().department)
        return self._full(tracking_id)

    @rpc(students=RECORD)
    def AnswerObjection(self, request, context):
        tracking_id = domain.parse_tracking_id(request.tracking_id)
        files = [(d.filename, d.content) for d in request.documents]
        service.answer_objection(self.db, self.store, tracking_id, current_caller().subject, request.text, files,
                                 self.limits)
        return self._full(tracking_id)

    @rpc(students=RECORD, staff=TRACKING_DEPARTMENTS)
    def GetObjectionDocument(self, request, context):
        if request.document_id <= 0:
            raise InvalidArgument("document_id must be positive", field="document_id")
        caller = current_caller()
        row, content, whose = service.objection_document(
            self.db, self.store, domain.parse_tracking_id(request.tracking_id), request.document_id,
            registration_number=caller.subject if caller.is_student else "")
        return pb.ObjectionDocumentContent(document=document_message(row), content=content,
                                           registration_number=whose)

    # -- books mailing -----------------------------------------------------------------------
    @rpc(staff={"dispatch"})
    def DispatchParcels(self, request, context):
        report = books.dispatch(self.db, request.semester, request.file, request.note)
        return pb.DispatchReport(semester=report.semester, dispatched=report.dispatched, sent_again=report.sent_again,
                                 refused=[pb.RefusedRow(line=r.line, field=r.field, reason=r.reason)
                                          for r in report.refused])

    @rpc(staff={"dispatch"})
    def SetParcelStatus(self, request, context):
        return parcel_message(books.record_outcome(self.db, request.registry_number, request.semester, request.status,
                                                   request.note), staff=True)

    @rpc(staff={"dispatch"})
    def ListParcels(self, request, context):
        rows, counts = books.listing(self.db, request.semester, request.status, request.limit or 100)
        return pb.ParcelList(parcels=[parcel_message(r, staff=True) for r in rows],
                             counts=[pb.StatusCount(status=s, count=n) for s, n in counts.items()])

    @rpc(students=RECORD)
    def ConfirmParcelAddress(self, request, context):
        return parcel_message(books.confirm_address(self.db, current_caller().subject, request.registry_number,
                                                    request.semester))

    @rpc(public=True)
    def TrackBooks(self, request, context):
        # Public on purpose (seed 000): by roll number or admission challan number, nothing personal.
        return pb.ParcelList(parcels=[public_parcel(r) for r in books.look_up(
            self.db, request.roll_number, request.challan_number)])
