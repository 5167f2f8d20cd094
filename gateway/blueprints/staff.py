"""Staff tools, per department: each sees its own department's work."""
from __future__ import annotations

from flask import Blueprint

from campus import identifiers
from cms.identity.v1 import identity_pb2
from cms.requests.v1 import requests_pb2
from gateway import schemas
from gateway.context import current
from gateway.openapi import BEARER, SIGNED_IN, WITH_BODY, answers, api
from gateway.security import caller, staff_only

bp = Blueprint("staff", __name__, url_prefix="/api/v1/staff")


@bp.get("/requests")
@staff_only()
@api.validate(query=schemas.QueueQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.RequestList),
              tags=["staff"], security=BEARER)
def department_queue(query: schemas.QueueQuery):
    """My department's queue of service requests (open ones unless a status is given), oldest first."""
    who = caller()
    queue = current().clients.call("requests", "ListDepartmentQueue", requests_pb2.ListDepartmentQueueRequest(
        department=who.department, status=query.status or "", limit=query.limit), caller=who)
    return schemas.RequestList.from_message(queue).body()


@bp.post("/students")
@staff_only("admissions")
@api.validate(json=schemas.CreateStudentAccount, resp=answers(*SIGNED_IN, *WITH_BODY, 409, HTTP_201=schemas.Account),
              tags=["staff"], security=BEARER)
def create_student_account(json: schemas.CreateStudentAccount):
    """Admissions: open a student's portal account; the activation code goes to the student by email.

    The same student again is the same account (201); another name under the number is a 409."""
    account = current().clients.call("identity", "CreateStudentAccount", identity_pb2.CreateStudentAccountRequest(
        registration_number=json.registration_number.upper(), full_name=json.full_name, email=json.email,
        mobile=json.mobile, initial_password_policy=json.initial_password_policy), caller=caller())
    return schemas.Account.from_message(account).body(), 201


def _account_action(method: str, message):
    return schemas.Account.from_message(current().clients.call("identity", method, message, caller=caller())).body()


@bp.post("/accounts/<username>/lock")
@staff_only("student_services")
@api.validate(json=schemas.LockAccount, resp=answers(*SIGNED_IN, *WITH_BODY, 404, HTTP_200=schemas.Account),
              tags=["staff"], security=BEARER)
def lock_account(username: str, json: schemas.LockAccount):
    """Student services: lock an account; every session of it ends at once."""
    return _account_action("LockAccount", identity_pb2.LockAccountRequest(
        username=identifiers.username(username), reason=json.reason))


@bp.post("/accounts/<username>/unlock")
@staff_only("student_services")
@api.validate(resp=answers(*SIGNED_IN, *WITH_BODY, 404, HTTP_200=schemas.Account), tags=["staff"], security=BEARER)
def unlock_account(username: str):
    """Student services: unlock an account."""
    return _account_action("UnlockAccount", identity_pb2.UnlockAccountRequest(username=identifiers.username(username)))


@bp.get("/accounts/<username>/audit")
@staff_only("student_services")
@api.validate(query=schemas.AuditQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.AuditList),
              tags=["staff"], security=BEARER)
def audit(username: str, query: schemas.AuditQuery):
    """Student services: an account's authentication events, newest first."""
    return schemas.AuditList.from_message(current().clients.call(
        "identity", "ListAuditEvents", identity_pb2.ListAuditEventsRequest(
            username=identifiers.username(username), limit=query.limit), caller=caller())).body()
