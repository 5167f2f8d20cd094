"""A service request worked through over HTTP: the thread between the student and her
department, the documents either attaches, and the department's decisions.

The calls behind each are functions of their own, shared by the JSON API here and the
portal's pages (gateway.portal.requests), so both make the same calls."""
from __future__ import annotations

from flask import Blueprint, Response

from campus import auth
from cms.requests.v1 import requests_pb2 as pb
from gateway import schemas
from gateway.blueprints.records import safe_file_name
from gateway.context import current
from gateway.openapi import BEARER, SIGNED_IN, WITH_BODY, answers, api, takes_files
from gateway.problems import Problem
from gateway.security import caller, staff_only, student_only
from services.requests import domain

student_bp = Blueprint("requests_student", __name__, url_prefix="/api/v1/me/requests")
staff_bp = Blueprint("requests_staff", __name__, url_prefix="/api/v1/staff/requests")
BLUEPRINTS = (student_bp, staff_bp)
#: The routes that take a document: bodies up to the upload limit (gateway.app).
UPLOADS = frozenset({"requests_student.post_attachment", "requests_staff.post_attachment_as_staff"})
#: What a download may be served as: the three types attachments are checked to be.
SERVED_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})


def _requests(who: auth.Caller, method: str, message):
    return current().clients.call("requests", method, message, caller=who)


@student_bp.after_request
@staff_bp.after_request
def _private(response):
    # A request and its documents are personal: never kept by a shared cache or computer.
    response.headers.setdefault("Cache-Control", "no-store")
    return response


# -- what the API and the pages both do ---------------------------------------------------
def request_for(who: auth.Caller, request_number: str) -> dict:
    """The request with its history, thread and documents, as this caller may see it
    (NotFound for a request not hers, or not her department's)."""
    number = domain.parse_request_number(request_number)
    return schemas.RequestView.from_message(_requests(who, "GetRequest", pb.GetRequestRequest(
        request_number=number))).body()


def comment_on(who: auth.Caller, request_number: str, text: str, *, internal: bool = False,
               idempotency_key: str = "") -> dict:
    return schemas.CommentView.from_message(_requests(who, "AddComment", pb.AddCommentRequest(
        request_number=domain.parse_request_number(request_number), text=text, internal=internal,
        idempotency_key=idempotency_key))).body()


def attach_to(who: auth.Caller, request_number: str, filename: str, content: bytes) -> dict:
    return schemas.AttachmentView.from_message(_requests(who, "AddAttachment", pb.AddAttachmentRequest(
        request_number=domain.parse_request_number(request_number), filename=filename, content=content))).body()


def attachment_response(who: auth.Caller, request_number: str, attachment_id: str) -> Response:
    """The document as a download, never as something a browser would open and run: the type
    it was checked to be, no sniffing, a sandbox and no scripts even if it were opened."""
    if not attachment_id.isdigit() or len(attachment_id) > 12:
        raise Problem(404, "no such attachment", field="attachment_id", kind="not-found")
    found = _requests(who, "GetAttachment", pb.GetAttachmentRequest(
        request_number=domain.parse_request_number(request_number), attachment_id=int(attachment_id)))
    content_type = found.attachment.content_type
    if content_type not in SERVED_TYPES:  # checked on the way in; a stored row is not trusted to be
        raise Problem(404, "no such attachment", field="attachment_id", kind="not-found")
    return Response(found.content, mimetype=content_type, headers={
        "Content-Disposition": f'attachment; filename="{safe_file_name(found.attachment.filename)}"',
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cross-Origin-Resource-Policy": "same-origin"})


def decide(who: auth.Caller, request_number: str, decision: str, reason: str) -> dict:
    return schemas.RequestView.from_message(_requests(who, "DecideRequest", pb.DecideRequestRequest(
        request_number=domain.parse_request_number(request_number), decision=decision, reason=reason))).body()


def assign(who: auth.Caller, request_number: str, officer: str) -> dict:
    return schemas.RequestView.from_message(_requests(who, "AssignRequest", pb.AssignRequestRequest(
        request_number=domain.parse_request_number(request_number), officer=officer))).body()


def uploaded(form) -> tuple[str, bytes]:
    """The one file of a multipart form, or a 400 naming `file`."""
    if form is None or not hasattr(form.file, "read"):
        raise Problem(400, "send the document as multipart/form-data with a `file`", field="file")
    return form.file.filename or "", form.file.read()


# -- the student's API --------------------------------------------------------------------
@student_bp.post("/<request_number>/comments")
@student_only
@api.validate(json=schemas.CommentBody, headers=schemas.CommentHeaders,
              resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, HTTP_201=schemas.CommentView),
              tags=["student"], security=BEARER)
def post_comment(request_number: str, json: schemas.CommentBody, headers: schemas.CommentHeaders):
    """Write to the officials in my request's thread. A request awaiting my answer goes back
    to its department. A closed request takes no more messages (409)."""
    return comment_on(caller(), request_number, json.text, idempotency_key=headers.idempotency_key or ""), 201


@student_bp.post("/<request_number>/attachments")
@takes_files
@student_only
@api.validate(form=schemas.AttachmentUpload, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, 413,
                                                          HTTP_201=schemas.AttachmentView),
              tags=["student"], security=BEARER)
def post_attachment(request_number: str, form: schemas.AttachmentUpload = None):  # None: not multipart
    """Attach a document (multipart field `file`): PDF, JPEG or PNG, decided from its content.
    Anything else, or anything hiding a script, is refused with nothing kept. The same file
    twice is one attachment."""
    filename, content = uploaded(form)
    return attach_to(caller(), request_number, filename, content), 201


@student_bp.get("/<request_number>/attachments/<attachment_id>")
@student_only
@api.validate(resp=answers(*SIGNED_IN, 400, 404), tags=["student"], security=BEARER)
def get_attachment(request_number: str, attachment_id: str):
    """A document on my request, as a download."""
    return attachment_response(caller(), request_number, attachment_id)


# -- the department's API -----------------------------------------------------------------
@staff_bp.get("/<request_number>")
@staff_only()
@api.validate(resp=answers(*SIGNED_IN, 400, 404, HTTP_200=schemas.RequestView), tags=["staff"], security=BEARER)
def get_request(request_number: str):
    """A request of my department (or any, for student services), with its internal notes."""
    return request_for(caller(), request_number)


@staff_bp.post("/<request_number>/decision")
@staff_only()
@api.validate(json=schemas.Decision, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, HTTP_200=schemas.RequestView),
              tags=["staff"], security=BEARER)
def post_decision(request_number: str, json: schemas.Decision):
    """Decide a request of my department: approve (resolved), reject, or ask the student for
    information (awaiting the student); a reason is required for the last two. Another
    department's request is 404; one still awaiting its fee, closed, or decided by another
    service (refunds, aid, re-checking, a change of centre) is 409."""
    return decide(caller(), request_number, json.decision, json.reason)


@staff_bp.put("/<request_number>/assignment")
@staff_only()
@api.validate(json=schemas.Assignment, resp=answers(*SIGNED_IN, *WITH_BODY, 404, HTTP_200=schemas.RequestView),
              tags=["staff"], security=BEARER)
def put_assignment(request_number: str, json: schemas.Assignment):
    """Put an officer of my department on a request (empty: nobody)."""
    return assign(caller(), request_number, json.officer)


@staff_bp.post("/<request_number>/comments")
@staff_only()
@api.validate(json=schemas.StaffCommentBody, headers=schemas.CommentHeaders,
              resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, HTTP_201=schemas.CommentView),
              tags=["staff"], security=BEARER)
def post_comment_as_staff(request_number: str, json: schemas.StaffCommentBody, headers: schemas.CommentHeaders):
    """Answer the student in the thread, or (`internal`) leave a note for the department."""
    return comment_on(caller(), request_number, json.text, internal=json.internal,
                      idempotency_key=headers.idempotency_key or ""), 201


@staff_bp.post("/<request_number>/attachments")
@takes_files
@staff_only()
@api.validate(form=schemas.AttachmentUpload, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, 413,
                                                          HTTP_201=schemas.AttachmentView),
              tags=["staff"], security=BEARER)
def post_attachment_as_staff(request_number: str, form: schemas.AttachmentUpload = None):
    """Attach a document for the student (a letter, a form to fill)."""
    filename, content = uploaded(form)
    return attach_to(caller(), request_number, filename, content), 201


@staff_bp.get("/<request_number>/attachments/<attachment_id>")
@staff_only()
@api.validate(resp=answers(*SIGNED_IN, 400, 404), tags=["staff"], security=BEARER)
def get_attachment_as_staff(request_number: str, attachment_id: str):
    """A document on a request of my department, as a download."""
    return attachment_response(caller(), request_number, attachment_id)
