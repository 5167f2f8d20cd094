"""Staff tools, per department: each sees its own department's work.

The identity calls behind each tool are functions of their own, shared by the JSON API
here and the portal's pages (gateway.portal.staff), so both make the same calls and
`TOOLS` says once which department owns which tool."""
from __future__ import annotations

from flask import Blueprint

from campus import auth, identifiers
from cms.identity.v1 import identity_pb2
from cms.requests.v1 import requests_pb2
from gateway import schemas
from gateway.context import current
from gateway.openapi import BEARER, SIGNED_IN, WITH_BODY, answers, api
from gateway.security import caller, staff_only

bp = Blueprint("staff", __name__, url_prefix="/api/v1/staff")

#: Which departments own each staff tool (the pages show a department only its own).
#: The services decide (each RPC's @rpc policy); this mirrors it so the gateway shows a
#: department only the tools it can use. A unit test holds the two equal.
TOOLS = {"student_accounts": ("admissions",), "account_locks": ("student_services",),
         "audit_log": ("student_services",), "admissions": ("admissions",), "student_records": ("admissions",),
         "semesters": ("admissions",), "programmes": ("admissions",), "holds": ("admissions", "student_services"),
         "tutors": ("regional",), "exam_centres": ("examinations",), "date_sheets": ("examinations",),
         "documents": ("examinations",), "publication": ("examinations",),
         "marks": ("examinations",), "exam_cases": ("examinations",),
         "student_documents": ("examinations", "student_services"),
         "treasury": ("treasury",), "settlements": ("treasury",), "treasury_figures": ("treasury",),
         "refunds": ("treasury",), "financial_aid": ("student_services", "treasury"), "fees": ("treasury",),
         "helpdesk": ("student_services",), "faq": ("student_services",),
         "announcements": ("student_services", "admissions", "examinations", "treasury", "regional"),
         "deliveries": ("student_services",), "webhooks": ("student_services",),
         "tracking": ("examinations", "dispatch", "student_services"), "tracking_moves": ("examinations", "dispatch"),
         "parcels": ("dispatch",)}
#: The (service, RPC)s behind each tool.
TOOL_RPCS = {"student_accounts": (("identity", "CreateStudentAccount"),),
             "account_locks": (("identity", "LockAccount"), ("identity", "UnlockAccount")),
             "audit_log": (("identity", "ListAuditEvents"),),
             "admissions": tuple(("enrollment", m) for m in ("AdmitStudent", "SubmitAdmissionBatch",
                                                             "GetAdmissionBatch", "GetAdmissionBatchReport",
                                                             "ListAdmissionBatches")),
             "student_records": (("enrollment", "CorrectRecord"),),
             "semesters": (("enrollment", "ListSemesters"), ("enrollment", "SetSemesterWindows")),
             "programmes": tuple(("enrollment", m) for m in ("AddCourse", "SetSchemeCourse", "SetOffering")),
             "holds": tuple(("enrollment", m) for m in ("ListHolds", "PlaceHold", "LiftHold")),
             "tutors": tuple(("enrollment", m) for m in ("ListTutors", "AddTutor", "AssignTutor", "AllocateTutors")),
             "exam_centres": (("exams", "ListExamCentres"), ("exams", "SetExamCentre")),
             "date_sheets": (("exams", "SetDateSheetPaper"),),
             "documents": (("exams", "RevokeDocument"),),
             "publication": (("exams", "PublishResults"), ("exams", "ListPublications"),
                             ("exams", "GetSemesterStatistics")),
             "marks": tuple(("exams", m) for m in ("RecordMarks", "SubmitMarksFile", "GetMarksFile",
                                                   "ListMarksFiles")),
             "exam_cases": tuple(("exams", m) for m in ("ListExamCases", "DecideRecheck", "DecideCentreChange")),
             "student_documents": (("exams", "ListDocuments"),),
             "treasury": tuple(("finance", m) for m in ("GetStudentAccount", "GetChallan", "GetChallanPdf",
                                                        "CancelChallan", "RecordManualPayment", "IssueChallan",
                                                        "SupersedeChallan")),
             "settlements": tuple(("finance", m) for m in ("ReconcileSettlement", "ListSettlements", "GetSettlement",
                                                           "ListUnmatched", "ResolveUnmatched", "ListRecoveries",
                                                           "MarkRecovered")),
             "treasury_figures": (("finance", "GetTreasuryFigures"),),
             "refunds": (("finance", "ListRefundCases"), ("finance", "DecideRefund")),
             "financial_aid": (("finance", "ListAidCases"), ("finance", "DecideAid")),
             "fees": (("finance", "ListFeeRows"), ("finance", "SetFee")),
             "helpdesk": tuple(("requests", m) for m in ("ListComplaints", "GetComplaint", "GetComplaintDocument",
                                                         "AnswerComplaint")),
             "faq": (("requests", "ListFaqArticles"), ("requests", "SaveFaqArticle")),
             "announcements": tuple(("notifications", m) for m in ("ListAnnouncements", "PublishAnnouncement",
                                                                   "WithdrawAnnouncement")),
             "deliveries": (("notifications", "ListDeliveries"), ("notifications", "RetryDelivery")),
             "webhooks": tuple(("notifications", m) for m in ("RegisterPartner", "ListPartners", "SetPartnerActive",
                                                              "ListWebhookDeliveries", "RedeliverWebhook")),
             "tracking": tuple(("tracking", m) for m in ("ListApplications", "GetApplication",
                                                         "GetObjectionDocument")),
             "tracking_moves": (("tracking", "MoveStage"), ("tracking", "RaiseObjection")),
             "parcels": tuple(("tracking", m) for m in ("DispatchParcels", "SetParcelStatus", "ListParcels"))}


def owns(who: auth.Caller, tool: str) -> bool:
    return who.kind == auth.STAFF and who.department in TOOLS[tool]


# -- the identity calls, for the API and the pages alike -------------------------------------
def open_student_account(who: auth.Caller, body: schemas.CreateStudentAccount) -> identity_pb2.Account:
    return current().clients.call("identity", "CreateStudentAccount", identity_pb2.CreateStudentAccountRequest(
        registration_number=body.registration_number.upper(), full_name=body.full_name, email=body.email,
        mobile=body.mobile, initial_password_policy=body.initial_password_policy, cnic=body.cnic or "",
        date_of_birth=body.date_of_birth or ""), caller=who)


def find_account(who: auth.Caller, username: str) -> identity_pb2.Account:
    return current().clients.call("identity", "GetAccount", identity_pb2.GetAccountRequest(
        username=identifiers.username(username)), caller=who)


def lock(who: auth.Caller, username: str, reason: str) -> identity_pb2.Account:
    """Every session of the account ends at once."""
    return current().clients.call("identity", "LockAccount", identity_pb2.LockAccountRequest(
        username=identifiers.username(username), reason=reason), caller=who)


def unlock(who: auth.Caller, username: str) -> identity_pb2.Account:
    return current().clients.call("identity", "UnlockAccount", identity_pb2.UnlockAccountRequest(
        username=identifiers.username(username)), caller=who)


def audit_log(who: auth.Caller, username: str = "", limit: int = 50) -> identity_pb2.ListAuditEventsResponse:
    """Authentication events, newest first: one account's, or everyone's when `username` is empty."""
    return current().clients.call("identity", "ListAuditEvents", identity_pb2.ListAuditEventsRequest(
        username=identifiers.username(username) if username else "", limit=limit), caller=who)


# -- the JSON API --------------------------------------------------------------------------
@bp.get("/requests")
@staff_only()
@api.validate(query=schemas.QueueQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.RequestList),
              tags=["staff"], security=BEARER)
def department_queue(query: schemas.QueueQuery):
    """My department's queue of service requests (open ones unless a status is given), oldest
    first; by subtype, age in days since it reached the department, officer, or only overdue."""
    who = caller()
    return queue_of(who, query)


def queue_of(who: auth.Caller, query: schemas.QueueQuery) -> dict:
    """The department's queue as filtered (the API and the console's page)."""
    queue = current().clients.call("requests", "ListDepartmentQueue", requests_pb2.ListDepartmentQueueRequest(
        department=who.department, status=query.status or "", limit=query.limit, subtype=query.subtype or "",
        older_than_days=query.older_than_days, assigned_to=(query.assigned_to or "").lower(),
        overdue_only=query.overdue), caller=who)
    return schemas.RequestList.from_message(queue).body()


@bp.post("/students")
@staff_only(*TOOLS["student_accounts"])
@api.validate(json=schemas.CreateStudentAccount, resp=answers(*SIGNED_IN, *WITH_BODY, 409, HTTP_201=schemas.Account),
              tags=["staff"], security=BEARER)
def create_student_account(json: schemas.CreateStudentAccount):
    """Admissions: open a student's portal account; the activation code goes to the student by email.

    With `initial_password_policy` legacy, give the admission record's `cnic` or
    `date_of_birth`: the initial password works only together with one of them.

    The same student again is the same account (201); another name under the number is a 409."""
    return schemas.Account.from_message(open_student_account(caller(), json)).body(), 201


@bp.post("/accounts/<username>/lock")
@staff_only(*TOOLS["account_locks"])
@api.validate(json=schemas.LockAccount, resp=answers(*SIGNED_IN, *WITH_BODY, 404, HTTP_200=schemas.Account),
              tags=["staff"], security=BEARER)
def lock_account(username: str, json: schemas.LockAccount):
    """Student services: lock an account; every session of it ends at once."""
    return schemas.Account.from_message(lock(caller(), username, json.reason)).body()


@bp.post("/accounts/<username>/unlock")
@staff_only(*TOOLS["account_locks"])
@api.validate(resp=answers(*SIGNED_IN, *WITH_BODY, 404, HTTP_200=schemas.Account), tags=["staff"], security=BEARER)
def unlock_account(username: str):
    """Student services: unlock an account."""
    return schemas.Account.from_message(unlock(caller(), username)).body()


@bp.get("/accounts/<username>/audit")
@staff_only(*TOOLS["audit_log"])
@api.validate(query=schemas.AuditQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.AuditList),
              tags=["staff"], security=BEARER)
def audit(username: str, query: schemas.AuditQuery):
    """Student services: an account's authentication events, newest first."""
    return schemas.AuditList.from_message(audit_log(caller(), username, query.limit)).body()
