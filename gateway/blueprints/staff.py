"""Staff tools, per department: each sees its own department's work."""
from __future__ import annotations

from flask import Blueprint
from spectree import Response

from campus import identifiers
from cms.identity.v1 import identity_pb2
from cms.requests.v1 import requests_pb2
from gateway import schemas, views
from gateway.context import current
from gateway.openapi import BEARER, ProblemDetails, api
from gateway.security import caller, staff_only

bp = Blueprint("staff", __name__, url_prefix="/api/v1/staff")
PROBLEMS = {"HTTP_401": ProblemDetails, "HTTP_403": ProblemDetails}


@bp.get("/requests")
@staff_only()
@api.validate(query=schemas.QueueQuery, resp=Response(HTTP_200=schemas.RequestList, **PROBLEMS),
              tags=["staff"], security=BEARER)
def department_queue(query: schemas.QueueQuery):
    """My department's queue of service requests (open ones unless a status is given), oldest first."""
    who = caller()
    queue = current().clients.call("requests", "ListDepartmentQueue", requests_pb2.ListDepartmentQueueRequest(
        department=who.department, status=query.status or "", limit=query.limit), caller=who)
    return views.requests(queue)


@bp.post("/students")
@staff_only("admissions")
@api.validate(json=schemas.CreateStudentAccount, resp=Response(HTTP_201=schemas.Account, HTTP_400=ProblemDetails,
                                                               HTTP_409=ProblemDetails, **PROBLEMS),
              tags=["staff"], security=BEARER)
def create_student_account(json: schemas.CreateStudentAccount):
    """Admissions: open a student's portal account; the activation code goes to the student by email."""
    account = current().clients.call("identity", "CreateStudentAccount", identity_pb2.CreateStudentAccountRequest(
        registration_number=json.registration_number.upper(), full_name=json.full_name, email=json.email,
        mobile=json.mobile, initial_password_policy=json.initial_password_policy), caller=caller())
    return views.account(account), 201


def _account_action(method: str, message):
    return views.account(current().clients.call("identity", method, message, caller=caller()))


@bp.post("/accounts/<username>/lock")
@staff_only("student_services")
@api.validate(json=schemas.LockAccount, resp=Response(HTTP_200=schemas.Account, HTTP_404=ProblemDetails, **PROBLEMS),
              tags=["staff"], security=BEARER)
def lock_account(username: str, json: schemas.LockAccount):
    """Student services: lock an account; every session of it ends at once."""
    return _account_action("LockAccount", identity_pb2.LockAccountRequest(
        username=identifiers.username(username), reason=json.reason))


@bp.post("/accounts/<username>/unlock")
@staff_only("student_services")
@api.validate(resp=Response(HTTP_200=schemas.Account, HTTP_404=ProblemDetails, **PROBLEMS),
              tags=["staff"], security=BEARER)
def unlock_account(username: str):
    """Student services: unlock an account."""
    return _account_action("UnlockAccount", identity_pb2.UnlockAccountRequest(username=identifiers.username(username)))


@bp.get("/accounts/<username>/audit")
@staff_only("student_services")
@api.validate(query=schemas.AuditQuery, resp=Response(HTTP_200=schemas.AuditList, **PROBLEMS),
              tags=["staff"], security=BEARER)
def audit(username: str, query: schemas.AuditQuery):
    """Student services: an account's authentication events, newest first."""
    events = current().clients.call("identity", "ListAuditEvents", identity_pb2.ListAuditEventsRequest(
        username=identifiers.username(username), limit=query.limit), caller=caller()).events
    return {"events": [{"occurred_at": e.occurred_at, "username": e.username, "event": e.event, "ip": e.ip,
                        "detail": e.detail} for e in events]}
