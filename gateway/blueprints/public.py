"""Look-ups anyone may make: the request catalogue, a degree application's progress, the
programmes with their schemes of studies and what a semester offers."""
from __future__ import annotations

from flask import Blueprint

from campus import auth, money
from campus.errors import DeadlineExceeded, NotFound, Unavailable
from cms.enrollment.v1 import enrollment_pb2
from cms.finance.v1 import finance_pb2
from cms.requests.v1 import requests_pb2
from cms.tracking.v1 import tracking_pb2
from gateway import schemas
from gateway.context import current
from gateway.openapi import answers, api
from gateway.security import authenticate_bearer
from services.finance import domain as fee_rules

bp = Blueprint("public", __name__, url_prefix="/api/v1")


def _catalogue_sources():
    """The catalogue and fee schedule change rarely: one fetch per process per minute."""
    gateway = current()
    cached = gateway.catalogue.get("catalogue")
    if cached is None:
        categories = gateway.clients.call("requests", "GetCatalogue", requests_pb2.GetCatalogueRequest()).categories
        fees = gateway.clients.call("finance", "GetFeeSchedule", finance_pb2.GetFeeScheduleRequest()).fees
        by_code: dict[str, dict[str, int]] = {}
        for fee in fees:
            by_code.setdefault(fee.fee_code, {})[fee.level] = fee.amount_paisa
        cached = (categories, by_code)
        gateway.catalogue.put("catalogue", cached, gateway.config.catalogue_ttl_seconds)
    return cached


def student_level(who: auth.Caller | None) -> str | None:
    """A signed-in student's program level (None for anyone else, or if enrollment cannot say)."""
    if who is None or not who.is_student:
        return None
    try:
        profile = current().clients.call("enrollment", "GetStudentProfile", enrollment_pb2.GetStudentProfileRequest(
            registration_number=who.subject), caller=who, timeout=current().config.tile_timeout_seconds)
    except (NotFound, Unavailable, DeadlineExceeded):
        return None  # the general fees are still right to show
    return profile.program.level


def _subtype(sub, fees: dict[str, dict[str, int]], level: str | None) -> dict:
    """A subtype with its fee: finance's rule (`fee_rules.level_fee`) decides the fee for a level.

    Where it gives none (the public, or a student at a level the schedule does not price),
    the lowest is shown with `fees_by_level` beside it, as anyone sees it; filing such a fee
    is refused by finance rather than charged at another level's amount."""
    by_level = fees.get(sub.fee_code, {}) if sub.fee_code else {}
    varies = fee_rules.varies_by_level(by_level)
    fee = fee_rules.level_fee(by_level, level)
    if fee is None:
        fee = min(by_level.values(), default=0)
    return {"code": sub.code, "title": sub.title, "fee": fee, "fee_display": money.rupees(fee),
            "department": sub.department, "fee_varies_by_level": varies,
            "fees_by_level": dict(sorted(by_level.items())) if varies else None}


@bp.get("/requests/catalogue")
@api.validate(resp=answers(401, 403, 429, 502, 503, HTTP_200=schemas.Catalogue), tags=["public"])
def catalogue():
    """Every category and subtype of service request, with its fee in paisa (0 where none).

    Signed in as a student, each fee is the one for your program's level; otherwise a fee
    that varies by level shows the lowest, with `fees_by_level`. An Authorization header
    that is sent must be a valid student or staff token (401, 403 otherwise)."""
    return catalogue_for(student_level(authenticate_bearer(required=False)))


def catalogue_for(level: str | None) -> dict:
    """The catalogue with each fee for a program level (None: as the public sees it): the
    JSON catalogue's body and the portal's filing page, one function."""
    categories, fees = _catalogue_sources()
    return {"categories": [{"code": c.code, "title": c.title,
                            "subtypes": [_subtype(s, fees, level) for s in c.subtypes]} for c in categories]}


@bp.get("/public/degree-tracking/<tracking_id>")
@api.validate(resp=answers(400, 404, 429, 502, 503, HTTP_200=schemas.PublicTracking), tags=["public"])
def degree_tracking(tracking_id: str):
    """A degree, transcript or certificate application's progress by its tracking ID (no personal data)."""
    application = current().clients.call("tracking", "TrackApplication", tracking_pb2.TrackApplicationRequest(
        tracking_id=tracking_id.strip().upper()[:20]))
    return schemas.PublicTracking.from_message(application).body()


@bp.get("/public/programs")
@api.validate(resp=answers(429, 502, 503, HTTP_200=schemas.Programs), tags=["public"])
def programs():
    """The programmes: level, duration, credit hours and the scheme of studies of each."""
    return programs_catalogue()


def programs_catalogue() -> dict:
    answer = current().clients.call("enrollment", "ListPrograms", enrollment_pb2.ListProgramsRequest())
    return schemas.Programs.from_message(answer).body()


@bp.get("/public/offerings")
@api.validate(query=schemas.SemesterQuery, resp=answers(400, 404, 429, 502, 503, HTTP_200=schemas.OfferingsView),
              tags=["public"])
def offerings(query: schemas.SemesterQuery):
    """The courses a semester offers (`?semester=Spring 2027`)."""
    return offerings_of(query.semester)


def offerings_of(semester: str) -> dict:
    answer = current().clients.call("enrollment", "ListOfferings", enrollment_pb2.ListOfferingsRequest(
        semester=semester))
    return schemas.OfferingsView.from_message(answer).body()


@bp.get("/public/centres")
@api.validate(resp=answers(429, 502, 503, HTTP_200=schemas.Centres), tags=["public"])
def centres():
    """The regional centres, by name."""
    return centres_list()


def centres_list() -> dict:
    answer = current().clients.call("enrollment", "ListCentres", enrollment_pb2.ListCentresRequest())
    return schemas.Centres.from_message(answer).body()
