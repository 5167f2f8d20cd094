"""One case timeline: a request's whole story across the services that handled it (filed,
its challan issued and paid, the department's decisions, the degree application's stages,
dispatch and delivery) in one list, with when the next step and the end are likely, from
how long recent cases of the same kind took at each stage (campus.durations: "usually
within N days"). The portal's page (gateway.portal.timeline) calls the same function."""
from __future__ import annotations

import datetime as dt
import logging
import math

from flask import Blueprint
from flask_babel import gettext as _

from campus import auth, clock, money
from campus.errors import DomainError, NotFound
from cms.cases.v1 import cases_pb2
from cms.finance.v1 import finance_pb2
from cms.requests.v1 import requests_pb2
from cms.tracking.v1 import tracking_pb2
from gateway import schemas
from gateway.context import current
from gateway.openapi import BEARER, SIGNED_IN, answers, api
from gateway.portal.vocabulary import DEPARTMENT_NAMES, NAMES
from gateway.security import caller, student_only
from services.requests import domain as requests_domain
from services.tracking import domain as tracking_domain

log = logging.getLogger(__name__)
bp = Blueprint("cases", __name__, url_prefix="/api/v1/me/cases")
DONE_REQUEST = {*requests_domain.DECIDED, requests_domain.CLOSED}
#: The path an application usually takes: every stage but an objection, which returns it to verification.
USUAL_PATH = tuple(s for s in tracking_domain.STAGES if s != tracking_domain.OBJECTION)
USUAL_NEXT = {**dict(zip(USUAL_PATH, USUAL_PATH[1:], strict=False)),
              tracking_domain.OBJECTION: tracking_domain.VERIFICATION}


def _private(response):
    response.headers.setdefault("Cache-Control", "no-store")
    return response


bp.after_request(_private)


def _at(text: str) -> dt.datetime | None:
    try:
        return clock.as_utc(dt.datetime.fromisoformat(text)) if text else None
    except ValueError:
        return None


def _name(group: str, code: str) -> str:
    return str(NAMES[group].get(code, code))


def _department(code: str) -> str:
    return str(DEPARTMENT_NAMES.get(code, code))


# -- what happened ------------------------------------------------------------------------------
def request_events(request) -> list[dict]:
    department = _department(request.department)
    said = {"awaiting_payment": _("Filed: waiting for its challan to be paid"),
            "submitted": _("Submitted to %(department)s", department=department),
            "in_process": _("In process at %(department)s", department=department),
            "awaiting_student": _("%(department)s asked you for more information", department=department),
            "resolved": _("Approved / resolved"), "rejected": _("Rejected"), "closed": _("Closed")}
    events = []
    for change in request.history:
        what = said.get(change.status, _name("request_statuses", change.status))
        if change.status in ("awaiting_student", "resolved", "rejected") and change.note:
            what = f"{what}: {change.note}"
        events.append({"at": change.changed_at, "source": "requests", "what": what})
    return events


def challan_events(challan) -> list[dict]:
    events = [{"at": challan.issued_at, "source": "finance", "what": _(
        "Challan %(number)s issued for %(amount)s, due %(date)s", number=challan.consumer_number,
        amount=money.rupees(challan.amount_paisa), date=challan.due_date)}]
    if challan.paid_at:
        events.append({"at": challan.paid_at, "source": "finance", "what": _(
            "Paid at %(bank)s", bank=challan.bank_mnemonic or _("the treasury counter"))})
    return events


def application_events(application) -> list[dict]:
    events = []
    open_reason = next((o.reason for o in reversed(application.objections)), "")
    for change in application.history:
        what = _("Application %(id)s: %(stage)s", id=application.tracking_id,
                 stage=_name("stage_names", change.stage))
        if change.stage == "objection" and open_reason:
            what = f"{what}: {open_reason}"
        if change.stage == "dispatched" and application.courier:
            what = f"{what} ({application.courier} {application.courier_tracking_number})"
        events.append({"at": change.changed_at, "source": "tracking", "what": what})
    if application.rejected and events:
        events[-1]["what"] = _("Application %(id)s rejected: its objection was not answered in time",
                               id=application.tracking_id)
    return events


# -- what comes next ----------------------------------------------------------------------------
def _spreads(answer) -> dict[str, cases_pb2.StageDuration]:
    return {s.stage: s for s in answer.stages} if isinstance(answer, cases_pb2.StageDurations) else {}


def _days(value: float) -> int:
    return max(1, math.ceil(value))


def _after(start: dt.datetime | None, days: float) -> str | None:
    return (clock.karachi_date(start) + dt.timedelta(days=_days(days))).isoformat() if start else None


def _application_outlook(application, spreads: dict) -> tuple[dict | None, str | None, int | None]:
    stage = application.stage
    if application.rejected or stage == "delivered":
        return None, None, None
    entered = _at(application.history[-1].changed_at) if application.history else None
    following = USUAL_NEXT[stage]
    what = (_("Your answer to the objection, then verification") if stage == "objection"
            else _("Application %(id)s: %(stage)s", id=application.tracking_id,
                   stage=_name("stage_names", following)))
    here = spreads.get(stage)
    step = {"what": what, "eta": _after(entered, here.median_days) if here else None,
            "usually_within_days": _days(here.p90_days) if here else None}
    # The stages still to pass through, this one included, on the usual path to the door.
    resume = "verification" if stage == "objection" else stage
    remaining = (["objection"] if stage == "objection" else []) + list(USUAL_PATH[USUAL_PATH.index(resume):-1])
    if all(s in spreads for s in remaining):
        median = sum(spreads[s].median_days for s in remaining)
        usually = _days(sum(spreads[s].p90_days for s in remaining))
        return step, _after(entered, median), usually
    # Too few cases yet to say: the university's own target for dispatch (urgent about two weeks).
    return step, (application.target_date if stage != "dispatched" else None), None


def _request_outlook(request, spreads: dict) -> tuple[dict | None, str | None, int | None]:
    if request.status in DONE_REQUEST:
        return None, None, None
    if request.status == "awaiting_payment":
        step = {"what": _("Pay challan %(number)s at a bank", number=request.challan.consumer_number),
                "eta": request.challan.due_date or None, "usually_within_days": None}
        return step, None, None
    entered = _at(request.history[-1].changed_at) if request.history else None
    here = spreads.get(request.status)
    what = (_("Your answer to %(department)s", department=_department(request.department))
            if request.status == "awaiting_student"
            else _("A decision by %(department)s", department=_department(request.department)))
    eta = _after(entered, here.median_days) if here else (request.due_by or None)
    step = {"what": what, "eta": eta, "usually_within_days": _days(here.p90_days) if here else None}
    return step, eta, step["usually_within_days"]


# -- the whole case -----------------------------------------------------------------------------
def case_of(who: auth.Caller, request_number: str) -> dict:
    number = requests_domain.parse_request_number(request_number)
    first = current().ask_all({
        "request": ("requests", "GetRequest", requests_pb2.GetRequestRequest(request_number=number), who),
        "application": ("tracking", "GetApplication", tracking_pb2.GetApplicationRequest(request_number=number), who)})
    request = first["request"]
    if isinstance(request, BaseException):
        raise request if isinstance(request, DomainError) else NotFound("no such request", field="request_number")
    application = first["application"] if isinstance(first["application"], tracking_pb2.Application) else None
    incomplete = not isinstance(first["application"], (tracking_pb2.Application, NotFound))

    second = {"request_pace": ("requests", "GetStageDurations", cases_pb2.StageDurationsRequest(
        kind=request.subtype), who)}
    if request.challan.consumer_number:
        second["challan"] = ("finance", "GetChallan", finance_pb2.GetChallanRequest(
            consumer_number=request.challan.consumer_number), who)
    if application is not None:
        second["application_pace"] = ("tracking", "GetStageDurations", cases_pb2.StageDurationsRequest(
            kind=application.kind, urgent=application.urgent), who)
    more = current().ask_all(second)
    challan = more.get("challan")
    incomplete = incomplete or isinstance(challan, BaseException) or any(
        isinstance(more.get(k), BaseException) for k in ("request_pace", "application_pace"))

    events = request_events(request)
    if isinstance(challan, finance_pb2.Challan):
        events += challan_events(challan)
    if application is not None:
        events += application_events(application)
    events.sort(key=lambda e: _at(e["at"]) or dt.datetime.max.replace(tzinfo=dt.UTC))

    if application is not None and request.status != requests_domain.REJECTED:
        next_step, eta, usually = _application_outlook(application, _spreads(more.get("application_pace")))
    else:
        next_step, eta, usually = _request_outlook(request, _spreads(more.get("request_pace")))
    return schemas.CaseTimeline(
        request_number=request.request_number, title=request.title, status=request.status,
        tracking_id=application.tracking_id if application else None,
        events=[schemas.CaseEvent(**e) for e in events],
        next_step=schemas.NextStep(**next_step) if next_step else None, eta=eta, usually_within_days=usually,
        incomplete=incomplete).body()


@bp.get("/<request_number>")
@student_only
@api.validate(resp=answers(*SIGNED_IN, 400, 404, HTTP_200=schemas.CaseTimeline), tags=["student"], security=BEARER)
def get_case(request_number: str):
    """My request's whole story across the services (filed, challan issued and paid, each
    decision, each tracking stage, dispatch, delivery), oldest first, with the next step and
    the end: when they are likely (`eta`, from the median of recent cases of its kind) and
    `usually_within_days` (nine in ten took no longer). `incomplete`: a service did not answer."""
    return case_of(caller(), request_number)
