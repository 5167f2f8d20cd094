"""Who looked at my record: every staff read or change of a student's records, as each
service that keeps them chained it (campus.access_log), gathered from all of them at once.
The portal's page (gateway.portal.access_log) calls the same function."""
from __future__ import annotations

import logging

from flask import Blueprint

from campus import access_log, auth
from cms.access.v1 import access_pb2 as pb
from gateway import schemas
from gateway.context import current
from gateway.openapi import BEARER, SIGNED_IN, answers, api
from gateway.security import caller, student_only

log = logging.getLogger(__name__)
bp = Blueprint("access_log", __name__, url_prefix="/api/v1/me/access-log")


def _private(response):
    response.headers.setdefault("Cache-Control", "no-store")
    return response


bp.after_request(_private)


def entries_for(who: auth.Caller, limit: int = 100) -> dict:
    """Her entries from every service that keeps her records, newest first; `incomplete`
    when one of them did not answer in time (the others still show)."""
    answers = current().ask_all({service: (service, "ListRecordAccess", pb.ListRecordAccessRequest(
        registration_number=who.subject, limit=limit), who) for service in access_log.keepers()},
        timeout=current().config.tile_timeout_seconds)
    entries, incomplete = [], False
    for service, answer in answers.items():
        if isinstance(answer, pb.RecordAccessList):
            entries.extend(answer.entries)
        else:
            log.warning("access log of %s unavailable: %s", service, answer)
            incomplete = True
    entries.sort(key=lambda e: e.at, reverse=True)
    return schemas.AccessLog(entries=[schemas.AccessEntry.from_message(e) for e in entries[:limit]],
                             incomplete=incomplete).body()


@bp.get("")
@student_only
@api.validate(resp=answers(*SIGNED_IN, HTTP_200=schemas.AccessLog), tags=["student"], security=BEARER)
def get_access_log():
    """Who looked at my record: each staff read or change of my profile, results, ledger,
    requests and applications, newest first: when, who (login, department, role), what.
    My own reads are not listed. `incomplete`: a service did not answer; try again."""
    return entries_for(caller())
