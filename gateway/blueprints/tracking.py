"""Degree, transcript and certificate tracking: the public look-up by roll number, the
examinations and dispatch officers' queue and stage moves, objections and the student's
answer. The portal's pages (gateway.portal.tracking) call the same functions."""
from __future__ import annotations

import re

from flask import Blueprint
from flask_limiter.util import get_remote_address

from campus import auth
from cms.tracking.v1 import tracking_pb2 as pb
from gateway import schemas
from gateway.blueprints.requests import document_response
from gateway.blueprints.staff import TOOLS
from gateway.context import current
from gateway.limits import limiter
from gateway.openapi import BEARER, SIGNED_IN, WITH_BODY, answers, api, takes_files
from gateway.problems import Problem
from gateway.security import caller, staff_only, student_only
from services.tracking import domain

public_bp = Blueprint("tracking_public", __name__, url_prefix="/api/v1/public/degree-tracking")
staff_bp = Blueprint("tracking_staff", __name__, url_prefix="/api/v1/staff/tracking")
student_bp = Blueprint("tracking_student", __name__, url_prefix="/api/v1/me/tracking")
BLUEPRINTS = (public_bp, staff_bp, student_bp)
DESK, MOVERS = TOOLS["tracking"], TOOLS["tracking_moves"]
ROW_NUMBER = re.compile(schemas.ROW_ID)
FILE_FIELDS = ("file", "file2", "file3")


def _call(who: auth.Caller | None, method: str, message):
    return current().clients.call("tracking", method, message, **({"caller": who} if who else {}))


def _tracking_id(text: str) -> str:
    return domain.parse_tracking_id(text[:20])


def _private(response):
    # Students' applications and documents: never kept by a cache or a shared browser.
    response.headers.setdefault("Cache-Control", "no-store")
    return response


staff_bp.after_request(_private)
student_bp.after_request(_private)


# -- what the API and the portal both do ------------------------------------------------------
def by_roll_number(roll_number: str, who: auth.Caller | None = None) -> dict:
    found = _call(who, "TrackByRollNumber", pb.TrackByRollNumberRequest(roll_number=roll_number))
    return schemas.RollNumberTracking(applications=[schemas.RollNumberApplication.from_message(a)
                                                    for a in found.applications]).body()


def mine(who: auth.Caller) -> dict:
    """Her applications (with their stages and objections) and book parcels."""
    return schemas.Tracking.from_message(_call(who, "ListStudentTracking", pb.ListStudentTrackingRequest(
        registration_number=who.subject))).body()


def queue(who: auth.Caller, stage: str = "", urgent_only: bool = False, registration_number: str = "",
          limit: int = 50) -> dict:
    return schemas.ApplicationQueue.from_message(_call(who, "ListApplications", pb.ListApplicationsRequest(
        stage=stage, urgent_only=urgent_only, registration_number=registration_number, limit=limit))).body()


def application(who: auth.Caller, tracking_id: str) -> dict:
    return schemas.Application.from_message(_call(who, "GetApplication", pb.GetApplicationRequest(
        tracking_id=_tracking_id(tracking_id)))).body()


def move(who: auth.Caller, tracking_id: str, stage: str, note: str = "", courier: str = "",
         courier_tracking_number: str = "") -> dict:
    return schemas.Application.from_message(_call(who, "MoveStage", pb.MoveStageRequest(
        tracking_id=_tracking_id(tracking_id), stage=stage, note=note, courier=courier,
        courier_tracking_number=courier_tracking_number))).body()


def object_to(who: auth.Caller, tracking_id: str, reason: str, documents: list[str]) -> dict:
    return schemas.Application.from_message(_call(who, "RaiseObjection", pb.RaiseObjectionRequest(
        tracking_id=_tracking_id(tracking_id), reason=reason, documents=documents))).body()


def answer(who: auth.Caller, tracking_id: str, text: str, files: list[tuple[str, bytes]]) -> dict:
    return schemas.Application.from_message(_call(who, "AnswerObjection", pb.AnswerObjectionRequest(
        tracking_id=_tracking_id(tracking_id), text=text,
        documents=[pb.UploadedDocument(filename=n, content=c) for n, c in files]))).body()


def document(who: auth.Caller, tracking_id: str, document_id: str):
    if not ROW_NUMBER.fullmatch(document_id):
        raise Problem(404, "no such document", field="answer_document_id", kind="not-found")
    found = _call(who, "GetObjectionDocument", pb.GetObjectionDocumentRequest(
        tracking_id=_tracking_id(tracking_id), document_id=int(document_id)))
    return document_response(found.content, found.document.content_type, found.document.filename,
                             field="document_id")


def files_of(form) -> list[tuple[str, bytes]]:
    """The documents of a multipart answer (fields file, file2, file3), in that order."""
    return [(f.filename or "", f.read()) for f in (getattr(form, name, None) for name in FILE_FIELDS)
            if hasattr(f, "read")]


# -- the public ---------------------------------------------------------------------------------
@public_bp.get("")
@limiter.limit(lambda: current().config.public_document_rate_limit, key_func=get_remote_address)
@api.validate(query=schemas.RollNumberQuery, resp=answers(400, 429, 502, 503, HTTP_200=schemas.RollNumberTracking),
              tags=["public"])
def get_by_roll_number(query: schemas.RollNumberQuery):
    """A roll number's degree, transcript and certificate applications (seed 002's look-up):
    each one's stage and section (`in_process`, `incomplete_returned`, `dispatched`,
    `delivered`), the dates of its stages and an open objection's reason, nothing personal.
    An unknown roll number has none."""
    return by_roll_number(query.roll_number)


# -- examinations and dispatch --------------------------------------------------------------------
@staff_bp.get("")
@staff_only(*DESK)
@api.validate(query=schemas.ApplicationQueueQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.ApplicationQueue),
              tags=["staff"], security=BEARER)
def get_queue(query: schemas.ApplicationQueueQuery):
    """The applications still with the university, or at one stage: urgent first, then the
    oldest filed; with how many wait at each stage, how many are urgent and overdue."""
    return queue(caller(), query.stage, query.urgent_only, query.registration_number, query.limit)


@staff_bp.get("/<tracking_id>")
@staff_only(*DESK)
@api.validate(resp=answers(*SIGNED_IN, 400, 404, HTTP_200=schemas.Application), tags=["staff"], security=BEARER)
def get_application(tracking_id: str):
    """One application with its history, objections and the student's answers (the read is
    logged in the student's access log)."""
    return application(caller(), tracking_id)


@staff_bp.post("/<tracking_id>/stage")
@staff_only(*MOVERS)
@api.validate(json=schemas.StageMove, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, HTTP_200=schemas.Application),
              tags=["staff"], security=BEARER)
def post_stage(tracking_id: str, json: schemas.StageMove):
    """Move an application on: examinations to verification, printing and ready; dispatch
    to dispatched (with `courier` and `courier_tracking_number`) and delivered. A move the
    rules do not allow is 409; another department's stage is 403. The same move again
    answers the application unchanged."""
    return move(caller(), tracking_id, json.stage, json.note, json.courier, json.courier_tracking_number)


@staff_bp.post("/<tracking_id>/objection")
@staff_only(*MOVERS)
@api.validate(json=schemas.ObjectionBody, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409,
                                                       HTTP_200=schemas.Application),
              tags=["staff"], security=BEARER)
def post_objection(tracking_id: str, json: schemas.ObjectionBody):
    """Examinations: return an application to its student with the reason and the documents
    wanted. She has the configured window (30 days) to answer; her degree is held meanwhile."""
    return object_to(caller(), tracking_id, json.reason, json.documents)


@staff_bp.get("/<tracking_id>/documents/<answer_document_id>")
@staff_only(*DESK)
@api.validate(resp=answers(*SIGNED_IN, 404), tags=["staff"], security=BEARER)
def get_document_as_staff(tracking_id: str, answer_document_id: str):
    """A document a student answered an objection with (the read is logged)."""
    return document(caller(), tracking_id, answer_document_id)


# -- the student -------------------------------------------------------------------------------------
@student_bp.get("/<tracking_id>")
@student_only
@api.validate(resp=answers(*SIGNED_IN, 400, 404, HTTP_200=schemas.Application), tags=["student"], security=BEARER)
def get_my_application(tracking_id: str):
    """One of my applications, with its history and objections."""
    return application(caller(), tracking_id)


@student_bp.post("/<tracking_id>/objection-response")
@takes_files
@student_only
@api.validate(form=schemas.ObjectionResponseForm, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, 413,
                                                                 HTTP_200=schemas.Application),
              tags=["student"], security=BEARER)
def post_objection_response(tracking_id: str, form: schemas.ObjectionResponseForm = None):  # None: not multipart
    """Answer my application's open objection (multipart/form-data): `text`, and the documents
    asked for as `file`, `file2`, `file3` (PDF, JPEG or PNG, decided from the content). The
    application goes back to verification. After the window closed: 409, file again."""
    if form is None:
        raise Problem(400, "send the answer as multipart/form-data with `text`", field="text")
    return answer(caller(), tracking_id, form.text, files_of(form))


@student_bp.get("/<tracking_id>/documents/<answer_document_id>")
@student_only
@api.validate(resp=answers(*SIGNED_IN, 404), tags=["student"], security=BEARER)
def get_my_document(tracking_id: str, answer_document_id: str):
    """A document I answered an objection with."""
    return document(caller(), tracking_id, answer_document_id)
