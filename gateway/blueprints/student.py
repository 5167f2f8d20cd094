"""A student's own records: the dashboard, its tiles one by one, requests and challans."""
from __future__ import annotations

import hashlib
import json

from flask import Blueprint, request

from campus import auth
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


for _name, _tile in [("profile", schemas.ProfileTile), ("courses", schemas.CoursesTile),
                     ("finance", schemas.FinanceTile), ("tracking", schemas.TrackingTile)]:
    bp.get(f"/{_name}")(student_only(api.validate(resp=answers(*SIGNED_IN, HTTP_200=_tile),
                                                  tags=["student"], security=BEARER)(_tile_view(_name))))


@bp.get("/results")
@student_only
@api.validate(resp=answers(*SIGNED_IN, HTTP_200=schemas.ResultsTile, HTTP_304=None), tags=["student"],
              security=BEARER)
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
def file_for(who: auth.Caller, *, category: str, subtype: str, details: str, idempotency_key: str = "") -> dict:
    """File a request for this student; the same idempotency key files one request."""
    return schemas.RequestView.from_message(_requests(who, "FileRequest", pb.FileRequestRequest(
        registration_number=who.subject, category=category, subtype=subtype, details=details,
        idempotency_key=idempotency_key))).body()


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
                     idempotency_key=headers.idempotency_key or "")
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
