"""RequestsService over gRPC: each method declares who may call it (@rpc);
it parses, calls the use case and maps the result."""
from __future__ import annotations

from campus import clock, identifiers, registry, storage
from campus.auth import Caller, authorize, current_caller
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from campus.grpc_server import time_left
from campus.policy import ALL, OWN, RECORD, rpc
from campus.runtime import Runtime
from cms.requests.v1 import requests_pb2 as pb
from cms.requests.v1 import requests_pb2_grpc
from services.requests import casework, domain, peers, service

#: Staff who may read any student's requests, besides the handling department.
OVERSIGHT = {"student_services"}


def _centre(caller) -> str | None:
    """The centre whose requests the caller may see (None: any); "" for a centre-bound
    staff member whose token names none, which matches no request (she sees none)."""
    try:
        return domain.centre_scope(caller.kind, caller.department, caller.centre)
    except domain.NoCentre:
        return ""


def request_message(row, history=(), thread=(), attachments=(), level=None) -> pb.ServiceRequest:
    """A request as callers see it; `level` (service_days, decided_by) where the row lacks them."""
    service_days, decided_by = level or (getattr(row, "service_days", 0), getattr(row, "decided_by", ""))
    due = domain.due_by(clock.karachi_date(row.queued_at), service_days) if row.queued_at and service_days else None
    message = pb.ServiceRequest(
        request_number=row.request_number, registration_number=row.registration_number, category=row.category,
        subtype=row.subtype, title=row.title, details=row.details, department=row.department, status=row.status,
        filed_at=clock.iso(row.filed_at), updated_at=clock.iso(row.updated_at),
        history=[pb.StatusChange(status=h.status, changed_at=clock.iso(h.changed_at), note=h.note, actor=h.actor)
                 for h in history],
        thread=[comment_message(c) for c in thread], attachments=[attachment_message(a) for a in attachments],
        assigned_to=row.assigned_to or "", queued_at=clock.iso(row.queued_at), due_by=due.isoformat() if due else "",
        overdue=domain.is_overdue(row.status, due, clock.karachi_today()), decided_by=decided_by or "")
    if row.consumer_number:
        message.challan.CopyFrom(pb.ChallanRef(consumer_number=row.consumer_number, amount_paisa=row.amount_paisa,
                                               due_date=row.due_date.isoformat() if row.due_date else ""))
    return message


def comment_message(row) -> pb.Comment:
    return pb.Comment(comment_id=row.id, author_kind=row.author_kind, author=row.author, text=row.text,
                      internal=row.internal, written_at=clock.iso(row.written_at))


def attachment_message(row) -> pb.Attachment:
    return pb.Attachment(attachment_id=row.id, filename=row.filename, content_type=row.content_type, size=row.size,
                         author_kind=row.author_kind, uploaded_by=row.uploaded_by,
                         uploaded_at=clock.iso(row.uploaded_at))


def _readable(row, caller: Caller) -> None:
    """Hers, her department's (regional staff: their own centre's), or student services'.
    Anyone else's request does not exist, as far as this caller can tell."""
    try:
        authorize(caller, owner=row.registration_number, departments={row.department, *OVERSIGHT})
        if not domain.in_scope(_centre(caller), row.centre):
            raise PermissionDenied("another centre's request")
    except PermissionDenied:
        raise NotFound("no such request", field="request_number") from None


def _handled_by(row, caller: Caller) -> None:
    """Decisions, assignments and internal notes: the handling department's staff only (a
    department that does not handle it finds no such request)."""
    _readable(row, caller)
    if caller.is_student or caller.department != row.department:
        raise NotFound("no such request in your department's queue", field="request_number")


def _writer(row, caller: Caller) -> None:
    """The thread and documents: the student whose request it is, or the handling department."""
    if caller.is_student:
        _readable(row, caller)
    else:
        _handled_by(row, caller)


class RequestsServicer(requests_pb2_grpc.RequestsServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db
        self.config = runtime.config
        self.clients = runtime.clients
        self.store = storage.open_store(runtime.config.attachments_dir)
        self.limits = casework.Limits(
            message_max_length=runtime.config.message_max_length,
            attachment_max_bytes=runtime.config.attachment_max_bytes,
            attachments_per_request=runtime.config.attachments_per_request,
            attachments_total_bytes=runtime.config.attachments_total_bytes)

    def _request(self, number: str):
        return service.get_request(self.db, domain.parse_request_number(number))

    def _full(self, row, caller: Caller) -> pb.ServiceRequest:
        """The request with its history, thread (internal notes for staff only) and documents."""
        subtype = casework.subtype(self.db, row.subtype)
        return request_message(row, service.history(self.db, row.id),
                               casework.thread(self.db, row.id, with_internal=not caller.is_student),
                               casework.attachments_of(self.db, row.id), (subtype.service_days, subtype.decided_by))

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
        return self._full(row, caller)

    @rpc(students=RECORD, staff=ALL)
    def GetRequest(self, request, context):
        row = self._request(request.request_number)
        caller = current_caller()
        _readable(row, caller)
        return self._full(row, caller)

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
        if request.status and request.status not in domain.STATUSES:
            raise InvalidArgument("unknown status", field="status")
        if request.subtype:
            identifiers.code(request.subtype, "subtype")
        if not 0 <= request.older_than_days <= 3650:
            raise InvalidArgument("older_than_days must be 0 to 3650", field="older_than_days")
        officer = identifiers.username(request.assigned_to, "assigned_to") if request.assigned_to else ""
        wanted = service.QueueFilter(status=request.status, subtype=request.subtype,
                                     older_than_days=request.older_than_days, assigned_to=officer,
                                     overdue_only=request.overdue_only)
        limit = min(max(request.limit or 50, 1), 200)
        rows = service.department_queue(self.db, department, wanted, limit, _centre(caller))
        return pb.ListStudentRequestsResponse(requests=[request_message(r) for r in rows])

    @rpc(students=RECORD, staff=ALL)
    def AddAttachment(self, request, context):
        row, caller = self._request(request.request_number), current_caller()
        _writer(row, caller)
        added = casework.add_attachment(self.db, self.store, row, caller, request.filename, request.content,
                                        self.limits)
        return attachment_message(added)

    @rpc(students=RECORD, staff=ALL)
    def GetAttachment(self, request, context):
        row, caller = self._request(request.request_number), current_caller()
        _readable(row, caller)
        found, content = casework.attachment(self.db, self.store, row.id, request.attachment_id)
        return pb.AttachmentContent(attachment=attachment_message(found), content=content)

    @rpc(students=RECORD, staff=ALL)
    def AddComment(self, request, context):
        row, caller = self._request(request.request_number), current_caller()
        _writer(row, caller)
        written = casework.add_comment(self.db, row, caller, request.text, internal=request.internal,
                                       idempotency_key=request.idempotency_key, limits=self.limits)
        return comment_message(written)

    @rpc(staff=ALL)
    def DecideRequest(self, request, context):
        row, caller = self._request(request.request_number), current_caller()
        _handled_by(row, caller)
        return self._full(casework.decide(self.db, row, caller, request.decision, request.reason), caller)

    @rpc(staff=ALL)
    def AssignRequest(self, request, context):
        row, caller = self._request(request.request_number), current_caller()
        _handled_by(row, caller)
        return self._full(casework.assign(self.db, row, caller, request.officer), caller)
