"""A service request worked through over HTTP: the thread between the student and her
department, the documents either attaches, and the department's decisions.

The calls behind each are functions of their own, shared by the JSON API here and the
portal's pages (gateway.portal.requests), so both make the same calls."""
from __future__ import annotations

import re

from flask import Blueprint, Response
from flask_limiter.util import get_remote_address

from campus import auth
from cms.requests.v1 import requests_pb2 as pb
from gateway import challenge, schemas
from gateway.blueprints.records import safe_file_name
from gateway.blueprints.staff import TOOLS
from gateway.context import current
from gateway.limits import limiter
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
#: A row's number in a path, as the OpenAPI document says it (ASCII digits only: "²" is a digit to str.isdigit).
ROW_NUMBER = re.compile(schemas.ROW_ID)


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
    if not ROW_NUMBER.fullmatch(attachment_id):
        raise Problem(404, "no such attachment", field="attachment_id", kind="not-found")
    found = _requests(who, "GetAttachment", pb.GetAttachmentRequest(
        request_number=domain.parse_request_number(request_number), attachment_id=int(attachment_id)))
    return document_response(found.content, found.attachment.content_type, found.attachment.filename,
                             field="attachment_id")


def document_response(content: bytes, content_type: str, filename: str, *, field: str) -> Response:
    """A document to download, only as one of the types uploads are checked to be (a stored
    row is not trusted to say so), never sniffed, sandboxed should a browser open it."""
    if content_type not in SERVED_TYPES:
        raise Problem(404, "no such document", field=field, kind="not-found")
    return Response(content, mimetype=content_type, headers={
        "Content-Disposition": f'attachment; filename="{safe_file_name(filename)}"',
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cross-Origin-Resource-Policy": "same-origin", "Cache-Control": "no-store"})


def decide(who: auth.Caller, request_number: str, decision: str, reason: str) -> dict:
    return schemas.RequestView.from_message(_requests(who, "DecideRequest", pb.DecideRequestRequest(
        request_number=domain.parse_request_number(request_number), decision=decision, reason=reason))).body()


def decide_correction(who: auth.Caller, request_number: str, decisions: list[tuple[str, bool, str]]) -> dict:
    return schemas.RequestView.from_message(_requests(who, "DecideCorrection", pb.DecideCorrectionRequest(
        request_number=domain.parse_request_number(request_number),
        decisions=[pb.FieldDecision(field=f, approve=a, reason=r) for f, a, r in decisions]))).body()


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


@staff_bp.post("/<request_number>/corrections")
@staff_only()
@api.validate(json=schemas.CorrectionDecision,
              resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, HTTP_200=schemas.RequestView), tags=["staff"],
              security=BEARER)
def post_correction_decision(request_number: str, json: schemas.CorrectionDecision):
    """Admissions: decide a correction in personal information field by field (every field,
    once; a refusal says why). The approved fields are applied to her record; the request is
    resolved, or rejected if none was approved. A name, father's name, CNIC or date of birth
    is approved only with a document of hers attached (409 otherwise)."""
    return decide_correction(caller(), request_number, [(d.field, d.approve, d.reason) for d in json.decisions])


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


# -- the help desk --------------------------------------------------------------------------
public_bp = Blueprint("helpdesk_public", __name__, url_prefix="/api/v1/public/complaints")
helpdesk_bp = Blueprint("helpdesk_staff", __name__, url_prefix="/api/v1/staff/complaints")
BLUEPRINTS = (*BLUEPRINTS, public_bp, helpdesk_bp)
UPLOADS = UPLOADS | {"helpdesk_public.post_complaint", "portal_public.help", "portal_student.request_document",
                     "portal_staff.request_document",
                     # an FAQ article's 20,000 characters of Urdu, form-encoded, outgrow the usual limit
                     "faq_staff.post_faq_article", "faq_staff.put_faq_article", "portal_staff.faq",
                     "portal_staff.faq_edit"}
HELP_DESK = TOOLS["helpdesk"]


@helpdesk_bp.after_request
def _private_complaint(response):
    response.headers.setdefault("Cache-Control", "no-store")  # her contact details and her words
    return response


def _secret() -> str:
    return current().config.session_secret.get_secret_value()


def new_challenge() -> dict:
    return challenge.new(_secret())


def helpdesk_limit() -> str:
    return current().config.helpdesk_rate_limit


def file_complaint(values: dict, challenge_id: str, answer: str, filename: str = "", content: bytes = b"") -> dict:
    """File a complaint once its bot check is solved (a 400 naming `challenge_answer` if not)."""
    nonce = challenge.solved(_secret(), challenge_id, answer)
    filed = current().clients.call("requests", "FileComplaint", pb.FileComplaintRequest(
        **values, challenge_id=nonce, filename=filename, content=content))
    return schemas.ComplaintFiled(complaint_number=filed.complaint_number).body()


def complaint_status(number: str, contact: str) -> dict:
    return schemas.ComplaintStatus.from_message(current().clients.call(
        "requests", "GetComplaintStatus", pb.GetComplaintStatusRequest(complaint_number=number, contact=contact))
    ).body()


def complaints_of(who: auth.Caller, status: str = "", limit: int = 50) -> dict:
    found = _requests(who, "ListComplaints", pb.ListComplaintsRequest(status=status, limit=limit))
    return schemas.ComplaintList(complaints=[schemas.ComplaintView.from_message(c) for c in found.complaints]).body()


def complaint_for(who: auth.Caller, number: str) -> dict:
    return schemas.ComplaintView.from_message(_requests(who, "GetComplaint", pb.GetComplaintRequest(
        complaint_number=number))).body()


def answer_complaint(who: auth.Caller, number: str, answer: str, close: bool) -> dict:
    return schemas.ComplaintView.from_message(_requests(who, "AnswerComplaint", pb.AnswerComplaintRequest(
        complaint_number=number, answer=answer, close=close))).body()


def complaint_document(who: auth.Caller, number: str) -> Response:
    found = _requests(who, "GetComplaintDocument", pb.GetComplaintRequest(complaint_number=number))
    return document_response(found.content, found.complaint.content_type, found.complaint.filename,
                             field="complaint_number")


@public_bp.get("/challenge")
@api.validate(resp=answers(HTTP_200=schemas.Challenge), tags=["public"])
def get_challenge():
    """A bot check for the complaint form: a picture of digits to type (self-hosted)."""
    return new_challenge(), 200, {"Cache-Control": "no-store"}


@public_bp.post("")
@takes_files
@limiter.limit(helpdesk_limit, key_func=get_remote_address)
@api.validate(form=schemas.ComplaintForm, resp=answers(400, 409, 413, 415, 429, HTTP_201=schemas.ComplaintFiled),
              tags=["public"])
def post_complaint(form: schemas.ComplaintForm = None):  # None: not multipart
    """File a help-desk complaint without signing in (multipart/form-data): your name, your
    registration number if you know it, an email or a mobile (the answer goes there), the
    category, the text, optionally one document (`file`), and the solved bot check
    (`challenge_id` from GET /api/v1/public/complaints/challenge, `challenge_answer` its
    digits). Answers the complaint number to look it up with."""
    if form is None:
        raise Problem(400, "send the complaint as multipart/form-data", field="body")
    filename, content = (form.file.filename or "", form.file.read()) if hasattr(form.file, "read") else ("", b"")
    values = {"name": form.name, "registration_number": form.registration_number, "email": form.email,
              "mobile": form.mobile, "category": form.category, "text": form.text}
    return file_complaint(values, form.challenge_id, form.challenge_answer, filename, content), 201


@public_bp.get("/<complaint_number>")
@limiter.limit(lambda: current().config.public_document_rate_limit, key_func=get_remote_address)
@api.validate(query=schemas.ComplaintStatusQuery, resp=answers(400, 404, 429, HTTP_200=schemas.ComplaintStatus),
              tags=["public"])
def get_complaint_status(complaint_number: str, query: schemas.ComplaintStatusQuery):
    """A complaint's status and answer, for its number and the email or mobile it was filed
    with (any other pair: 404)."""
    return complaint_status(complaint_number, query.contact), 200, {"Cache-Control": "no-store"}


@helpdesk_bp.get("")
@staff_only(*HELP_DESK)
@api.validate(query=schemas.ComplaintsQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.ComplaintList),
              tags=["staff"], security=BEARER)
def list_complaints(query: schemas.ComplaintsQuery):
    """Student services: the help desk's complaints, oldest first (open and answered unless a status is given)."""
    return complaints_of(caller(), query.status or "", query.limit)


@helpdesk_bp.get("/<complaint_number>")
@staff_only(*HELP_DESK)
@api.validate(resp=answers(*SIGNED_IN, 400, 404, HTTP_200=schemas.ComplaintView), tags=["staff"], security=BEARER)
def get_complaint(complaint_number: str):
    """Student services: one complaint."""
    return complaint_for(caller(), complaint_number)


@helpdesk_bp.post("/<complaint_number>/answer")
@staff_only(*HELP_DESK)
@api.validate(json=schemas.ComplaintAnswer, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409,
                                                         HTTP_200=schemas.ComplaintView),
              tags=["staff"], security=BEARER)
def post_complaint_answer(complaint_number: str, json: schemas.ComplaintAnswer):
    """Student services: answer a complaint (sent to her), and close it if it is done."""
    return answer_complaint(caller(), complaint_number, json.answer, json.close)


@helpdesk_bp.get("/<complaint_number>/document")
@staff_only(*HELP_DESK)
@api.validate(resp=answers(*SIGNED_IN, 400, 404), tags=["staff"], security=BEARER)
def get_complaint_document(complaint_number: str):
    """Student services: the complaint's document, as a download."""
    return complaint_document(caller(), complaint_number)


# -- the FAQ knowledge base -------------------------------------------------------------------
faq_bp = Blueprint("faq_public", __name__, url_prefix="/api/v1/public/faq")
faq_staff_bp = Blueprint("faq_staff", __name__, url_prefix="/api/v1/staff/faq")
BLUEPRINTS = (*BLUEPRINTS, faq_bp, faq_staff_bp)
FAQ_KEEPERS = TOOLS["faq"]


def article_number(article_id: str) -> int:
    """An article's number from a path, as the API checks it (404 for anything else)."""
    if not ROW_NUMBER.fullmatch(article_id):
        raise Problem(404, "no such article", field="article_id", kind="not-found")
    return int(article_id)


def faq_search(words: str, lang: str, category: str = "", limit: int = 10) -> dict:
    found = current().clients.call("requests", "SearchFaq", pb.SearchFaqRequest(
        q=words, lang=lang, category=category, limit=limit))
    return schemas.FaqHits(articles=[schemas.FaqHit(id=h.article_id, title=h.title, snippet=h.snippet,
                                                    category=h.category) for h in found.hits]).body()


def faq_article(article_id: str, lang: str) -> dict:
    found = current().clients.call("requests", "GetFaqArticle", pb.GetFaqArticleRequest(
        article_id=article_number(article_id)))
    return schemas.FaqArticleView.of(found, lang).body()


def faq_vote(article_id: str, helpful: bool, lang: str = "en") -> dict:
    found = current().clients.call("requests", "VoteFaq", pb.VoteFaqRequest(
        article_id=article_number(article_id), helpful=helpful))
    return schemas.FaqArticleView.of(found, lang).body()


def faq_articles(who: auth.Caller) -> dict:
    found = _requests(who, "ListFaqArticles", pb.ListFaqArticlesRequest())
    return schemas.FaqArticles(articles=[schemas.FaqArticleFull.from_message(a) for a in found.articles]).body()


def faq_save(who: auth.Caller, fields: dict, article_id: int = 0) -> dict:
    return schemas.FaqArticleFull.from_message(_requests(who, "SaveFaqArticle", pb.SaveFaqArticleRequest(
        article_id=article_id, **fields))).body()


@faq_bp.get("")
@api.validate(query=schemas.FaqQuery, resp=answers(400, 429, HTTP_200=schemas.FaqHits), tags=["public"])
def search_faq(query: schemas.FaqQuery):
    """Search the FAQ (full-text, English or Urdu): each article's id, title and the words
    around the match; with no words, the most read."""
    return faq_search(query.q, query.lang, query.category or "", query.limit)


@faq_bp.get("/<article_id>")
@api.validate(query=schemas.FaqArticleQuery, resp=answers(400, 404, HTTP_200=schemas.FaqArticleView),
              tags=["public"])
def get_faq_article(article_id: str, query: schemas.FaqArticleQuery):
    """One answer, in Urdu where it has Urdu (reading it counts a view)."""
    return faq_article(article_id, query.lang)


@faq_bp.post("/<article_id>/vote")
@limiter.limit(lambda: current().config.public_document_rate_limit, key_func=get_remote_address)
@api.validate(json=schemas.FaqVote, resp=answers(*WITH_BODY, 404, 429, HTTP_200=schemas.FaqArticleView),
              tags=["public"])
def vote_faq(article_id: str, json: schemas.FaqVote):
    """"Was this answer helpful?" yes or no."""
    return faq_vote(article_id, json.helpful)


@faq_staff_bp.get("")
@staff_only(*FAQ_KEEPERS)
@api.validate(resp=answers(*SIGNED_IN, HTTP_200=schemas.FaqArticles), tags=["staff"], security=BEARER)
def list_faq_articles():
    """Student services: every article, published or not, with its views and votes."""
    return faq_articles(caller())


@faq_staff_bp.post("")
@staff_only(*FAQ_KEEPERS)
@api.validate(json=schemas.FaqArticleBody, resp=answers(*SIGNED_IN, *WITH_BODY, HTTP_201=schemas.FaqArticleFull),
              tags=["staff"], security=BEARER)
def post_faq_article(json: schemas.FaqArticleBody):
    """Student services: a new article."""
    return faq_save(caller(), json.model_dump()), 201


@faq_staff_bp.put("/<article_id>")
@staff_only(*FAQ_KEEPERS)
@api.validate(json=schemas.FaqArticleBody, resp=answers(*SIGNED_IN, *WITH_BODY, 404,
                                                        HTTP_200=schemas.FaqArticleFull),
              tags=["staff"], security=BEARER)
def put_faq_article(article_id: str, json: schemas.FaqArticleBody):
    """Student services: a new text for an article (or unpublish it)."""
    return faq_save(caller(), json.model_dump(), article_number(article_id))
