"""Who read a student's record: staff reads are logged, once, by the platform.

The gRPC server calls `AccessLog` after a method has answered: when the caller is staff
and the method's policy names an owner (`students=OWN` or `students=RECORD`), it writes
who (staff login, department, the service that called), whose record (the owner field of
the request, or of the answer for a record the method looked up itself), which method,
when and the request ID, to the service's `record_access` table (platform_v2), in a
short transaction of its own. A read that cannot be logged is not answered (it fails as
INTERNAL): staff reads are few, students' own reads are not logged at all.

`reads_of(db, student)` gives a student's log, newest first, for the page that will show
her who looked at her record.
"""
from __future__ import annotations

import logging

import sqlalchemy as sa

from campus import auth, clock, policy
from campus.db import Database

log = logging.getLogger(__name__)


def _owner(message, field: str) -> str:
    try:
        return str(getattr(message, field, "") or "").strip()
    except (AttributeError, TypeError, ValueError):
        return ""


class AccessLog:
    """The server's hook for one service database (GrpcServer(..., access_log=AccessLog(db)))."""

    def __init__(self, db: Database):
        self.db = db
        self.table = db.metadata.tables["record_access"]

    def owner(self, declared: policy.Policy, caller: auth.Caller, request, response) -> str:
        """Whose record a staff caller just read ('' when this is not such a read)."""
        if caller.kind != auth.STAFF or declared.students not in (policy.OWN, policy.RECORD):
            return ""
        return (_owner(request, declared.owner_field) or _owner(response, declared.owner_field))[:40]

    def __call__(self, method: str, declared: policy.Policy, caller: auth.Caller, request, response) -> None:
        student = self.owner(declared, caller, request, response)
        if not student:
            return
        request_id = auth.request_id.get()
        with self.db.unit_of_work() as uow:
            uow.session.execute(sa.insert(self.table).values(
                at=clock.utcnow(), student=student, staff=caller.subject[:120], department=caller.department[:40],
                via=caller.service[:40], method=method[:200], request_id="" if request_id == "-" else request_id[:64]))
            uow.commit()


def reads_of(db: Database, student: str, limit: int = 100) -> list[sa.Row]:
    """The staff reads of one student's records, newest first."""
    table = db.metadata.tables["record_access"]
    with db.sessions() as session:
        return list(session.execute(sa.select(table).where(table.c.student == student)
                                    .order_by(table.c.at.desc(), table.c.id.desc()).limit(limit)))
