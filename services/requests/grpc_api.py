"""RequestsService over gRPC: each method declares who may call it (@rpc);
it parses, calls the use case and maps the result."""
from __future__ import annotations

from campus import access_log, clock, durations, identifiers, registry, storage
from campus.auth import Caller, authorize, current_caller
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from campus.grpc_server import time_left
from campus.policy import ALL, OWN, RECORD, rpc
from campus.runtime import Runtime
from cms.requests.v1 import requests_pb2 as pb
from cms.requests.v1 import requests_pb2_grpc
from services.requests import casework, corrections, domain, faq, helpdesk, peers, service, service_levels

#: Staff who may read any student's requests, besides the handling department.
OVERSIGHT = {"student_services"}


def _centre(caller) -> str | None:
    """The centre whose requests the caller may see (None: any); "" for a centre-bound
    staff member whose token names none, which matches no request (she sees none)."""
    try:
        return domain.centre_scope(caller.kind, caller.department, caller.centre)
    except domain.NoCentre:
        return ""


def request_message(row, history=(), thread=(), attachments=(), level=None, fields=()) -> pb.ServiceRequest:
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
        overdue=domain.is_overdue(row.status, due, clock.karachi_today()), decided_by=decided_by or "",
        escalated_at=clock.iso(row.escalated_at),
        corrections=[pb.CorrectionField(field=f.field, current_value=f.current_value, new_value=f.new_value,
                                        decision=f.decision, reason=f.reason, decided_by=f.decided_by,
                                        decided_at=clock.iso(f.decided_at)) for f in fields])
    if row.consumer_number:
        message.challan.CopyFrom(pb.ChallanRef(consumer_number=row.consumer_number, amount_paisa=row.amount_paisa,
                                               due_date=row.due_date.isoformat() if row.due_date else ""))
    return message


def _as_student_reads_it(message: pb.ServiceRequest) -> pb.ServiceRequest:
    """Her request without the department's inner workings: which officer acted (the kind of
    actor only), who is assigned, and the lines saying so."""
    kept = [h for h in message.history if not casework.is_assignment(h.note)]
    del message.history[:]
    for line in kept:
        line.actor = line.actor.split(":", 1)[0]
        message.history.append(line)
    for comment in message.thread:
        comment.author = comment.author_kind
    for attachment in message.attachments:
        attachment.uploaded_by = attachment.author_kind
    message.assigned_to = ""
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


def _department_of(caller: Caller, asked: str) -> str:
    """The department whose queue is asked for: the caller's own (student services: any)."""
    department = asked or caller.department
    if department not in registry.departments():
        raise InvalidArgument("unknown department", field="department")
    authorize(caller, departments={department} & {caller.department} | OVERSIGHT)
    return department


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


def complaint_message(row, *, for_staff: bool) -> pb.Complaint:
    """A complaint; the look-up by its number and contact gets no staff login."""
    return pb.Complaint(
        complaint_number=row.complaint_number, name=row.name, registration_number=row.registration_number,
        email=row.email, mobile=row.mobile, category=row.category, text=row.text, status=row.status,
        answer=row.answer, answered_at=clock.iso(row.answered_at), filed_at=clock.iso(row.filed_at),
        filename=row.filename or "", size=row.size or 0, content_type=row.content_type or "",
        answered_by=row.answered_by if for_staff else "")


def faq_message(row, *, for_staff: bool = False) -> pb.FaqArticle:
    return pb.FaqArticle(
        article_id=row.id, category=row.category, title_en=row.title_en, body_en=row.body_en, title_ur=row.title_ur,
        body_ur=row.body_ur, published=row.published, views=row.views, helpful_yes=row.helpful_yes,
        helpful_no=row.helpful_no, updated_at=clock.iso(row.updated_at), updated_by=row.updated_by if for_staff else "")


#: Who answers the help desk.
HELP_DESK = {"student_services"}


class RequestsServicer(access_log.servicer(), requests_pb2_grpc.RequestsServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db
        self.config = runtime.config
        self.clients = runtime.clients
        self.store = storage.open_store(runtime.config.attachments_dir,
                                       runtime.config.object_store_url.get_secret_value())
        self.limits = casework.Limits(
            message_max_length=runtime.config.message_max_length,
            attachment_max_bytes=runtime.config.attachment_max_bytes,
            attachments_per_request=runtime.config.attachments_per_request,
            attachments_total_bytes=runtime.config.attachments_total_bytes)

    def _request(self, number: str):
        return service.get_request(self.db, domain.parse_request_number(number))

    def _full(self, row, caller: Caller) -> pb.ServiceRequest:
        """The request with its history, thread (internal notes for staff only) and documents;
        a student reads who acted as "staff", not which officer, and not who is assigned."""
        subtype = casework.subtype(self.db, row.subtype)
        message = request_message(row, service.history(self.db, row.id),
                                  casework.thread(self.db, row.id, with_internal=not caller.is_student),
                                  casework.attachments_of(self.db, row.id), (subtype.service_days, subtype.decided_by),
                                  corrections.fields_of(self.db, row.id))
        return _as_student_reads_it(message) if caller.is_student else message

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
        filing = service.Filing(regno, request.category, request.subtype, request.details, request.idempotency_key,
                                changes=tuple((c.field, c.new_value) for c in request.changes))
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
        department = _department_of(caller, request.department)
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
        return pb.AttachmentContent(attachment=attachment_message(found), content=content,
                                    registration_number=row.registration_number)

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
    def DecideCorrection(self, request, context):
        row, caller = self._request(request.request_number), current_caller()
        _handled_by(row, caller)
        decided = corrections.decide(self.db, row, caller, [(d.field, d.approve, d.reason) for d in request.decisions])
        return self._full(decided, caller)

    # -- the help desk: anyone (the gateway checks the bot challenge; the challenge's id,
    # unique here, makes one solved challenge file one complaint) ---------------------------
    @rpc(public=True)
    def FileComplaint(self, request, context):
        complaint = helpdesk.Complaint(
            name=request.name, registration_number=request.registration_number, email=request.email,
            mobile=request.mobile, category=request.category, text=request.text, challenge_id=request.challenge_id,
            filename=request.filename, content=request.content)
        filed = helpdesk.file_complaint(self.db, self.store, complaint, max_bytes=self.config.attachment_max_bytes)
        return complaint_message(filed, for_staff=False)

    @rpc(public=True)  # answers only for the complaint's number and its contact together
    def GetComplaintStatus(self, request, context):
        return complaint_message(helpdesk.status_for(self.db, request.complaint_number, request.contact),
                                 for_staff=False)

    @rpc(staff=HELP_DESK)
    def ListComplaints(self, request, context):
        rows = helpdesk.listed(self.db, request.status, min(max(request.limit or 50, 1), 200))
        return pb.ListComplaintsResponse(complaints=[complaint_message(r, for_staff=True) for r in rows])

    @rpc(staff=HELP_DESK)
    def GetComplaint(self, request, context):
        return complaint_message(helpdesk.get(self.db, helpdesk.parse_number(request.complaint_number)),
                                 for_staff=True)

    @rpc(staff=HELP_DESK)
    def GetComplaintDocument(self, request, context):
        row, content = helpdesk.document(self.db, self.store, request.complaint_number)
        return pb.ComplaintDocument(complaint=complaint_message(row, for_staff=True), content=content)

    @rpc(staff=HELP_DESK)
    def AnswerComplaint(self, request, context):
        answered = helpdesk.answer(self.db, request.complaint_number, current_caller(), request.answer,
                                   close=request.close)
        return complaint_message(answered, for_staff=True)

    # -- the FAQ: read by anyone, kept by student services ------------------------------------
    @rpc(public=True)
    def SearchFaq(self, request, context):
        hits = faq.search(self.db, request.q, request.lang or "en", category=request.category,
                          limit=min(max(request.limit or 10, 1), 50))
        return pb.SearchFaqResponse(hits=[pb.FaqHit(article_id=h.article_id, title=h.title, snippet=h.snippet,
                                                    category=h.category) for h in hits])

    @rpc(public=True)
    def GetFaqArticle(self, request, context):
        return faq_message(faq.article(self.db, request.article_id))

    @rpc(public=True)
    def VoteFaq(self, request, context):
        return faq_message(faq.vote(self.db, request.article_id, request.helpful))

    @rpc(staff=HELP_DESK)
    def SaveFaqArticle(self, request, context):
        given = faq.Article(category=request.category, title_en=request.title_en, body_en=request.body_en,
                            title_ur=request.title_ur, body_ur=request.body_ur, published=request.published)
        saved = faq.save(self.db, current_caller(), given, request.article_id or None)
        return faq_message(saved, for_staff=True)

    @rpc(staff=HELP_DESK)
    def ListFaqArticles(self, request, context):
        return pb.ListFaqArticlesResponse(articles=[faq_message(r, for_staff=True) for r in faq.listed(self.db)])

    @rpc(staff=ALL)
    def GetQueueFigures(self, request, context):
        caller = current_caller()
        department = _department_of(caller, request.department)
        found = service_levels.figures(self.db, department, _centre(caller))
        return pb.QueueFigures(
            buckets=[pb.AgeBucket(label=label, within_level=within, overdue=late)
                     for label, (within, late) in found.buckets.items()],
            open_total=found.open_total, overdue_total=found.overdue_total, escalated_total=found.escalated_total,
            decided_on_time=found.decided_on_time, decided_late=found.decided_late)

    @rpc(staff=ALL)
    def AssignRequest(self, request, context):
        row, caller = self._request(request.request_number), current_caller()
        _handled_by(row, caller)
        return self._full(casework.assign(self.db, row, caller, request.officer), caller)

    # Aggregate: nobody's record to check, so any signed-in student or officer may ask.
    @rpc(students=RECORD, staff=ALL)
    def GetStageDurations(self, request, context):
        subtype = identifiers.text(request.kind, "kind", max_length=60, required=True)
        return durations.to_message(service_levels.stage_durations(self.db, subtype))
