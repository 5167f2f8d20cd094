"""RequestsService over gRPC: each method declares who may call it (@rpc);
it parses, calls the use case and maps the result."""
from __future__ import annotations

from campus import clock, identifiers, registry
from campus.auth import authorize, current_caller
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from campus.grpc_server import time_left
from campus.policy import ALL, OWN, RECORD, rpc
from campus.runtime import Runtime
from cms.requests.v1 import requests_pb2 as pb
from cms.requests.v1 import requests_pb2_grpc
from services.requests import domain, peers, service

#: Staff who may read any student's requests, besides the handling department.
OVERSIGHT = {"student_services"}


def _centre(caller) -> str | None:
    """The centre whose requests the caller may see (None: any); "" for a centre-bound
    staff member whose token names none, which matches no request (she sees none)."""
    try:
        return domain.centre_scope(caller.kind, caller.department, caller.centre)
    except domain.NoCentre:
        return ""


def request_message(row, history=()) -> pb.ServiceRequest:
    message = pb.ServiceRequest(
        request_number=row.request_number, registration_number=row.registration_number, category=row.category,
        subtype=row.subtype, title=row.title, details=row.details, department=row.department, status=row.status,
        filed_at=clock.iso(row.filed_at), updated_at=clock.iso(row.updated_at),
        history=[pb.StatusChange(status=h.status, changed_at=clock.iso(h.changed_at), note=h.note) for h in history])
    if row.consumer_number:
        message.challan.CopyFrom(pb.ChallanRef(consumer_number=row.consumer_number, amount_paisa=row.amount_paisa,
                                               due_date=row.due_date.isoformat() if row.due_date else ""))
    return message


class RequestsServicer(requests_pb2_grpc.RequestsServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db
        self.config = runtime.config
        self.clients = runtime.clients

    @rpc(public=True)
    def GetCatalogue(self, request, context):
        return pb.GetCatalogueResponse(categories=[
            pb.Category(code=c.code, title=c.title, subtypes=[
                pb.Subtype(code=s.code, title=s.title, fee_code=s.fee_code or "", department=s.department)
                for s in subs])
            for c, subs in service.catalogue(self.db)])

    @rpc(students=OWN)
    def FileRequest(self, request, context):
        caller = current_caller()
        regno = identifiers.registration_number(request.registration_number)
        filing = service.Filing(regno, request.category, request.subtype, request.details, request.idempotency_key)
        desk = peers.for_caller(self.clients, caller, self.config.filing_timeout_seconds, time_left(context))
        row = service.file_request(self.db, filing, details_max_length=self.config.details_max_length, challans=desk)
        return request_message(row, service.history(self.db, row.id))

    @rpc(students=RECORD, staff=ALL)
    def GetRequest(self, request, context):
        row = service.get_request(self.db, domain.parse_request_number(request.request_number))
        caller = current_caller()
        centre = _centre(caller)
        try:  # regional staff: of their own department's requests, only their centre's
            authorize(caller, owner=row.registration_number, departments={row.department, *OVERSIGHT})
            if not domain.in_scope(centre, row.centre):
                raise PermissionDenied("another centre's request")
        except PermissionDenied:
            # Someone else's request does not exist, as far as this caller can tell.
            raise NotFound("no such request", field="request_number") from None
        return request_message(row, service.history(self.db, row.id))

    @rpc(students=OWN, staff=OVERSIGHT)
    def ListStudentRequests(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        rows = service.student_requests(self.db, regno)
        return pb.ListStudentRequestsResponse(requests=[request_message(r) for r in rows])

    @rpc(staff=ALL)
    def ListDepartmentQueue(self, request, context):
        caller = current_caller()
        department = request.department or caller.department
        if department not in registry.departments():
            raise InvalidArgument("unknown department", field="department")
        authorize(caller, departments={department} & {caller.department} | OVERSIGHT)
        if request.status and request.status not in domain.TRANSITIONS:
            raise InvalidArgument("unknown status", field="status")
        limit = min(max(request.limit or 50, 1), 200)
        rows = service.department_queue(self.db, department, request.status, limit, _centre(caller))
        return pb.ListStudentRequestsResponse(requests=[request_message(r) for r in rows])
