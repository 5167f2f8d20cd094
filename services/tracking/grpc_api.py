"""TrackingService over gRPC: each method declares who may call it (@rpc);
it parses, calls the use case and maps the result."""
from __future__ import annotations

from campus import clock, identifiers
from campus.policy import OWN, rpc
from campus.runtime import Runtime
from cms.tracking.v1 import tracking_pb2 as pb
from cms.tracking.v1 import tracking_pb2_grpc
from services.tracking import domain, service

#: Not regional offices: tracking cannot tell a student's centre (they see only their own).
TRACKING_DEPARTMENTS = {"dispatch", "examinations", "student_services"}


def objection_message(row) -> pb.Objection:
    return pb.Objection(reason=row.reason, raised_at=clock.iso(row.raised_at),
                        resolve_by=row.resolve_by.isoformat(), resolved=row.resolved_at is not None)


def application_message(row, objections) -> pb.Application:
    return pb.Application(
        tracking_id=row.tracking_id, registration_number=row.registration_number, kind=row.kind,
        section=row.section, stage=row.stage, urgent=row.urgent, request_number=row.request_number,
        filed_at=clock.iso(row.filed_at), updated_at=clock.iso(row.updated_at),
        objections=[objection_message(o) for o in objections],
        courier_tracking_number=row.courier_tracking_number or "")


def public_message(row, objections) -> pb.Application:
    """What anyone holding the tracking ID may see: progress and open objections, never whose
    application it is or which request filed it."""
    return pb.Application(
        tracking_id=row.tracking_id, kind=row.kind, section=row.section, stage=row.stage, urgent=row.urgent,
        updated_at=clock.iso(row.updated_at),
        objections=[pb.Objection(reason=o.reason, resolve_by=o.resolve_by.isoformat())
                    for o in objections if o.resolved_at is None])


def parcel_message(row) -> pb.Parcel:
    return pb.Parcel(registry_number=row.registry_number, semester=row.semester, status=row.status,
                     dispatched_at=clock.iso(row.dispatched_at), note=row.note)


class TrackingServicer(tracking_pb2_grpc.TrackingServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db

    @rpc(students=OWN, staff=TRACKING_DEPARTMENTS)
    def ListStudentTracking(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        apps, books = service.student_tracking(self.db, regno)
        return pb.ListStudentTrackingResponse(applications=[application_message(*a) for a in apps],
                                              parcels=[parcel_message(p) for p in books])

    @rpc(public=True)
    def TrackApplication(self, request, context):
        # Public on purpose: the degree tracking system answers anyone with a tracking ID.
        return public_message(*service.application(self.db, domain.parse_tracking_id(request.tracking_id)))
