"""Who looked at a student's record: every staff read or change of it, chained.

The gRPC server calls `AccessLog` after a method has answered: when the caller is staff
and the request (or the answer, for a record the method looked up itself) names a
student in the method's owner field, it appends to the service's audit chain
(campus.audit: append-only, hash-chained, `python -m campus.audit verify <service>`
finds any broken link) one record: entity "record_access", the student, "read" (a method
the proto marks NO_SIDE_EFFECTS) or "change", and who (staff login, department, centre,
the calling service), which method, when and the request ID. A staff call that cannot be
logged is not answered (it fails as INTERNAL). A student's own reads are not logged, and
nor are service-to-service calls: the gateway forwards the officer's token, so the
officer is the caller.

Each service that keeps a student's records declares which (ServiceDefinition.
student_record: "profile", "results", "ledger", "requests", "applications") and answers
ListRecordAccess (the `servicer()` mixin below, protos/cms/access/v1); the gateway asks
every one of them for the student's page. The `record_access` table of platform_v2 held
these reads before they were chained; it is no longer written.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass

import sqlalchemy as sa
from google.protobuf import descriptor_pb2, descriptor_pool

from campus import audit, auth, identifiers, policy
from campus.db import Database

log = logging.getLogger(__name__)
ENTITY = "record_access"
READ, CHANGE = "read", "change"
LIMIT, MAX_LIMIT = 100, 500


def _owner(message, field: str) -> str:
    try:
        return str(getattr(message, field, "") or "").strip()
    except (AttributeError, TypeError, ValueError):
        return ""


def action_of(method: str) -> str:
    """read or change, from the proto's idempotency level of `/pkg.Service/Method`."""
    try:
        found = descriptor_pool.Default().FindMethodByName(method.strip("/").replace("/", "."))
    except KeyError:
        return CHANGE  # unknown: say the stronger thing
    level = found.GetOptions().idempotency_level
    return READ if level == descriptor_pb2.MethodOptions.NO_SIDE_EFFECTS else CHANGE


class AccessLog:
    """The server's hook for one service database (GrpcServer(..., access_log=AccessLog(db, record)))."""

    def __init__(self, db: Database, record: str = ""):
        self.db = db
        self.record = record

    def owner(self, declared: policy.Policy, caller: auth.Caller, request, response) -> str:
        """Whose record a staff caller just read or changed ('' when this is not such a call,
        or this service keeps no student record)."""
        if caller.kind != auth.STAFF or not self.record:
            return ""
        return (_owner(request, declared.owner_field) or _owner(response, declared.owner_field))[:40]

    def __call__(self, method: str, declared: policy.Policy, caller: auth.Caller, request, response) -> None:
        student = self.owner(declared, caller, request, response)
        if not student:
            return
        with self.db.unit_of_work() as uow:
            audit.append(uow.session, entity=ENTITY, entity_id=student, action=action_of(method), payload={
                "staff": caller.subject[:120], "department": caller.department[:40], "centre": caller.centre[:10],
                "via": caller.service[:40], "method": method.rsplit("/", 1)[-1][:120], "record": self.record})
            uow.commit()


@dataclass(frozen=True)
class Entry:
    seq: int
    at: str
    action: str
    staff: str
    department: str
    centre: str
    via: str
    method: str
    record: str
    request_id: str


_META = sa.MetaData()
_CHAIN = sa.Table("audit_chain", _META, sa.Column("seq", sa.BigInteger, primary_key=True),
                  *(sa.Column(name, sa.String) for name in ("entity", "entity_id", "action", "payload", "request_id",
                                                            "at")))


def entries_of(db: Database, student: str, limit: int = LIMIT) -> list[Entry]:
    """The staff reads and changes of one student's records here, newest first."""
    limit = LIMIT if limit <= 0 else min(limit, MAX_LIMIT)
    with db.sessions() as session:
        rows = session.execute(sa.select(_CHAIN).where(_CHAIN.c.entity == ENTITY, _CHAIN.c.entity_id == student)
                               .order_by(_CHAIN.c.seq.desc()).limit(limit)).all()
    entries = []
    for row in rows:
        payload = json.loads(row.payload)
        entries.append(Entry(seq=row.seq, at=row.at, action=row.action, request_id=row.request_id,
                             **{k: str(payload.get(k, "")) for k in ("staff", "department", "centre", "via", "method",
                                                                      "record")}))
    return entries


def servicer() -> type:
    """A mixin answering ListRecordAccess (protos/cms/access/v1) from `self.db`: the student
    herself only (an officer reading it would be one more entry in it)."""
    from cms.access.v1 import access_pb2 as pb

    class AnswersRecordAccess:
        @policy.rpc(students=policy.OWN)
        def ListRecordAccess(self, request, context):
            regno = identifiers.registration_number(request.registration_number)
            return pb.RecordAccessList(entries=[pb.RecordAccess(
                at=e.at, staff=e.staff, department=e.department, centre=e.centre, via=e.via, method=e.method,
                action=e.action, record=e.record, request_id=e.request_id, seq=e.seq)
                for e in entries_of(self.db, regno, request.limit)])

    return AnswersRecordAccess


def keepers() -> list[str]:
    """The services that keep a student's records: those whose API answers ListRecordAccess."""
    from campus import registry
    return [d.name for d in registry.definitions() if "ListRecordAccess" in d.api.methods_by_name]
