"""A student's own records: the dashboard, its tiles one by one, requests and challans."""
from __future__ import annotations

import hashlib
import json

from flask import Blueprint, request

from campus import auth
from cms.enrollment.v1 import enrollment_pb2
from cms.finance.v1 import finance_pb2
from cms.requests.v1 import requests_pb2 as pb
from gateway import dashboard, schemas
from gateway.context import current
from gateway.openapi import BEARER, SIGNED_IN, WITH_BODY, answers, api
from gateway.security import caller, student_only
from services.finance import domain as finance_rules
from services.requests import domain as requests_domain

bp = Blueprint("student", __name__, url_prefix="/api/v1/me")


@bp.after_request
def _private(response):
    # Personal records: never kept by shared caches or a shared computer's browser.
    response.headers.setdefault("Cache-Control", "no-store")
    return response


@bp.get("/dashboard")
@student_only
@api.validate(resp=answers(*SIGNED_IN, HTTP_200=schemas.Dashboard), tags=["student"], security=BEARER)
def get_dashboard():
    """Every tile at once. A tile whose service is slow or down says `unavailable`; the rest still show."""
    return dashboard.for_student(current(), caller())


def _tile_view(name: str):
    def view():
        return dashboard.tile(current(), name, caller())
    view.__name__ = f"get_{name}"
    view.__doc__ = f"The `{name}` tile alone."
    return view


for _name, _tile in [("profile", schemas.ProfileTile), ("finance", schemas.FinanceTile),
                     ("tracking", schemas.TrackingTile)]:
    bp.get(f"/{_name}")(student_only(api.validate(resp=answers(*SIGNED_IN, HTTP_200=_tile),
                                                  tags=["student"], security=BEARER)(_tile_view(_name))))


def _enrollment(who: auth.Caller, method: str, message):
    return current().clients.call("enrollment", method, message, caller=who)


# What the JSON API and the portal's registration pages both do, one function each.
def courses_of(who: auth.Caller, semester: str = "") -> dict:
    """Her courses (and tutors) in a semester: the latest she has when none is named."""
    answer = _enrollment(who, "ListRegisteredCourses", enrollment_pb2.ListRegisteredCoursesRequest(
        registration_number=who.subject, semester=semester))
    return schemas.Courses.from_message(answer).body()


def registration_of(who: auth.Caller, semester: str = "") -> dict:
    answer = _enrollment(who, "GetRegistration", enrollment_pb2.GetRegistrationRequest(
        registration_number=who.subject, semester=semester))
    return schemas.RegistrationView.from_message(answer).body()


def register_for(who: auth.Caller, courses: list[str], semester: str = "") -> dict:
    """Register her for these courses; the same courses again answer the same registration."""
    return schemas.RegistrationView.from_message(_enrollment(who, "Register", enrollment_pb2.RegisterRequest(
        registration_number=who.subject, course_codes=courses, semester=semester))).body()


def holds_of(who: auth.Caller) -> dict:
    return schemas.Holds.from_message(_enrollment(who, "ListHolds", enrollment_pb2.ListHoldsRequest(
        registration_number=who.subject))).body()


@bp.get("/courses")
@student_only
@api.validate(query=schemas.CoursesQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.CoursesTile),
              tags=["student"], security=BEARER)
def get_courses(query: schemas.CoursesQuery):
    """My courses and tutors in a semester (`?semester=Spring 2026`; none: the latest I have),
    with every semester I have courses in."""
    if not query.semester:
        return dashboard.tile(current(), "courses", caller())
    return {"status": "ok", "data": courses_of(caller(), query.semester)}


@bp.get("/registration")
@student_only
@api.validate(query=schemas.RegistrationQuery, resp=answers(*SIGNED_IN, 400, 404, HTTP_200=schemas.RegistrationView),
              tags=["student"], security=BEARER)
def get_registration(query: schemas.RegistrationQuery):
    """Course registration: the semester open for it (or `?semester=`), whether I may register
    and every reason I may not, the courses I may take (my failed ones `required`), and my
    registration with its challan once made."""
    return registration_of(caller(), query.semester or "")


@bp.post("/registration")
@student_only
@api.validate(json=schemas.RegisterCourses, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409,
                                                         HTTP_201=schemas.RegistrationView),
              tags=["student"], security=BEARER)
def post_registration(json: schemas.RegisterCourses):
    """Register for the open semester's courses: 201 with the registration `awaiting_payment`
    and its challan. Posting the same courses again answers the same registration and
    challan. Refusals name their reason: NOT_ELIGIBLE, WINDOW_CLOSED (409); COURSE_NOT_OFFERED,
    FAILED_COURSE_LEFT_OUT, CREDIT_LIMIT_EXCEEDED, NO_COURSES (400, field `courses`);
    ALREADY_REGISTERED with other courses (409)."""
    made = register_for(caller(), json.courses, json.semester or "")
    return made, 201, {"Location": "/api/v1/me/registration"}


@bp.get("/holds")
@student_only
@api.validate(resp=answers(*SIGNED_IN, 404, HTTP_200=schemas.Holds), tags=["student"], security=BEARER)
def get_holds():
    """What holds me: each with what I must do and what it blocks (registration, transcript, degree)."""
    return holds_of(caller())


@bp.get("/results")
@student_only
# The tile was validated against Results when it was built (dashboard.TILES): checking it again
# on every answer from memory would cost result day most of its time.
@api.validate(resp=answers(*SIGNED_IN, HTTP_200=schemas.ResultsTile, HTTP_304=None), tags=["student"],
              security=BEARER, skip_validation=True)
def get_results():
    """My published results. Send back the ETag as If-None-Match: an unchanged card is a 304,
    nothing to download again on a slow connection."""
    tile = dashboard.tile(current(), "results", caller())
    if tile["status"] != "ok":
        return tile
    tag = hashlib.sha256(json.dumps(tile, sort_keys=True).encode()).hexdigest()[:32]
    # Revalidated every time, kept only by the student's own browser.
    headers = {"ETag": f'"{tag}"', "Cache-Control": "private, no-cache"}
    if request.if_none_match.contains(tag):
        return "", 304, headers
    return tile, 200, headers


def _requests(who: auth.Caller, method: str, message):
    return current().clients.call("requests", method, message, caller=who)


# What the JSON API and the portal's request pages both do, one function each.
def file_for(who: auth.Caller, *, category: str, subtype: str, details: str, idempotency_key: str = "",
             changes: dict[str, str] | None = None) -> dict:
    """File a request for this student (a correction with the fields she asks to change);
    the same idempotency key files one request."""
    return schemas.RequestView.from_message(_requests(who, "FileRequest", pb.FileRequestRequest(
        registration_number=who.subject, category=category, subtype=subtype, details=details,
        idempotency_key=idempotency_key,
        changes=[pb.CorrectionChange(field=f, new_value=v) for f, v in (changes or {}).items()]))).body()


def requests_of(who: auth.Caller) -> dict:
    return schemas.RequestList.from_message(_requests(who, "ListStudentRequests", pb.ListStudentRequestsRequest(
        registration_number=who.subject))).body()


def request_of(who: auth.Caller, request_number: str) -> dict:
    """One of this student's requests with its history (NotFound for anyone else's)."""
    number = requests_domain.parse_request_number(request_number)
    return schemas.RequestView.from_message(_requests(who, "GetRequest", pb.GetRequestRequest(
        request_number=number))).body()


def challan_of(who: auth.Caller, consumer_number: str) -> dict:
    number = finance_rules.consumer_number(consumer_number)
    challan = current().clients.call("finance", "GetChallan", finance_pb2.GetChallanRequest(consumer_number=number),
                                     caller=who)
    return schemas.Challan.from_message(challan).body()


@bp.post("/requests")
@student_only
@api.validate(json=schemas.FileRequest, headers=schemas.FilingHeaders,
              resp=answers(*SIGNED_IN, *WITH_BODY, 409, HTTP_201=schemas.RequestView),
              tags=["student"], security=BEARER)
def file_request(json: schemas.FileRequest, headers: schemas.FilingHeaders):
    """File a service request. A fee-bearing one comes back `awaiting_payment` with its challan.

    Send an `Idempotency-Key` header to make retries safe: the same key files one request
    (409 if it already filed another). A category or subtype not in the catalogue is a 400."""
    filed = file_for(caller(), category=json.category, subtype=json.subtype, details=json.details,
                     idempotency_key=headers.idempotency_key or "",
                     changes={c.field: c.new_value for c in json.changes} if json.changes else None)
    return filed, 201, {"Location": f"/api/v1/me/requests/{filed['request_number']}"}


@bp.get("/requests")
@student_only
@api.validate(resp=answers(*SIGNED_IN, HTTP_200=schemas.RequestList), tags=["student"], security=BEARER)
def list_requests():
    """My service requests, newest first."""
    return requests_of(caller())


@bp.get("/requests/<request_number>")
@student_only
@api.validate(resp=answers(*SIGNED_IN, 400, 404, HTTP_200=schemas.RequestView), tags=["student"], security=BEARER)
def get_request(request_number: str):
    """One of my requests with its status history. Someone else's request is 404."""
    return request_of(caller(), request_number)


@bp.get("/challans/<consumer_number>")
@student_only
@api.validate(resp=answers(*SIGNED_IN, 400, 404, HTTP_200=schemas.ChallanTile), tags=["student"], security=BEARER)
def get_challan(consumer_number: str):
    """One of my challans, to print or pay."""
    return {"status": "ok", "data": challan_of(caller(), consumer_number)}
