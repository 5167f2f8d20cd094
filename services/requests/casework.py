"""Working a request through: the thread between the student and her department, the
documents either attaches, the department's decisions and who is on it.

Every change is one unit of work: the row, its history line and its event together. The
caller has been checked by the servicer (hers, or her department's) before anything here."""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

import sqlalchemy as sa

from campus import audit, clock, identifiers, storage, uploads
from campus.auth import Caller
from campus.db import Database
from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from cms.requests.v1 import events_pb2
from services.requests import domain
from services.requests.models import (
    attachments,
    correction_fields,
    messages,
    service_requests,
    status_history,
    subtypes,
)

log = logging.getLogger(__name__)

STUDENT, STAFF = "student", "staff"
#: The history's lines for an officer put on a request (the department's business, not hers).
ASSIGNED, UNASSIGNED = "assigned to ", "unassigned"


@dataclass(frozen=True)
class Limits:
    message_max_length: int
    attachment_max_bytes: int
    attachments_per_request: int
    attachments_total_bytes: int


def is_assignment(note: str) -> bool:
    return note.startswith(ASSIGNED) or note == UNASSIGNED


def author_kind(caller: Caller) -> str:
    return STUDENT if caller.is_student else STAFF


def _writable(row: sa.Row) -> None:
    if not domain.may_write(row.status):
        raise FailedPrecondition("this request is closed: file a new one", field="request_number",
                                 reason="REQUEST_CLOSED")


def move(uow, row: sa.Row, target: str, *, note: str, actor: str, now: dt.datetime, **values) -> None:
    """One status change: the row, its history line and `request_status_changed`, together."""
    uow.session.execute(sa.update(service_requests).where(service_requests.c.id == row.id).values(
        status=target, updated_at=now, **values))
    uow.session.execute(sa.insert(status_history).values(
        request_id=row.id, status=target, changed_at=now, note=note[:300], actor=actor))
    uow.record(events_pb2.RequestStatusChanged(
        request_number=row.request_number, registration_number=row.registration_number, from_status=row.status,
        to_status=target, changed_at=clock.iso(now), note=note[:500]))


def _answered(uow, row: sa.Row, caller: Caller, now: dt.datetime, what: str) -> None:
    """Her message or document answers the department's question: back to its queue."""
    if caller.is_student and domain.status_after_answer(row.status):
        move(uow, row, domain.status_after_answer(row.status), note=f"the student answered ({what})",
              actor=audit.actor_of(caller), now=now)


def locked(uow, request_id: int) -> sa.Row:
    return uow.session.execute(sa.select(service_requests).where(
        service_requests.c.id == request_id).with_for_update()).one()


# -- the thread -------------------------------------------------------------------
def add_comment(db: Database, row: sa.Row, caller: Caller, text: str, *, internal: bool, idempotency_key: str,
                limits: Limits) -> sa.Row:
    text = identifiers.text(text, "text", max_length=limits.message_max_length, required=True)
    key = _scoped(caller, identifiers.text(idempotency_key, "idempotency_key", max_length=80))
    if internal and caller.is_student:
        raise InvalidArgument("only staff leave internal notes", field="internal")
    earlier = _comment_by_key(db, row.id, key)
    if earlier is not None:
        return earlier
    now = clock.utcnow()
    try:
        with db.unit_of_work() as uow:
            current = locked(uow, row.id)
            _writable(current)
            comment_id = uow.session.execute(sa.insert(messages).values(
                request_id=row.id, author_kind=author_kind(caller), author=audit.actor_of(caller), text=text,
                internal=internal, written_at=now, idempotency_key=key)).inserted_primary_key[0]
            if not internal:
                _answered(uow, current, caller, now, "a message")
            uow.commit()
    except sa.exc.IntegrityError:  # the same key, sent twice at once
        earlier = _comment_by_key(db, row.id, key)
        if earlier is None:
            raise
        return earlier
    with db.sessions() as session:
        return session.execute(sa.select(messages).where(messages.c.id == comment_id)).one()


def _scoped(caller: Caller, key: str) -> str | None:
    """The key as stored: its author's own (another's key never finds, nor blocks, her message)."""
    return hashlib.sha256(f"{audit.actor_of(caller)}\n{key}".encode()).hexdigest() if key else None


def _comment_by_key(db: Database, request_id: int, key: str | None) -> sa.Row | None:
    if not key:
        return None
    with db.sessions() as session:
        return session.execute(sa.select(messages).where(
            messages.c.request_id == request_id, messages.c.idempotency_key == key)).first()


def thread(db: Database, request_id: int, *, with_internal: bool) -> list[sa.Row]:
    query = sa.select(messages).where(messages.c.request_id == request_id)
    if not with_internal:
        query = query.where(messages.c.internal.is_(False))
    with db.sessions() as session:
        return list(session.execute(query.order_by(messages.c.id)))


# -- attachments ------------------------------------------------------------------
def add_attachment(db: Database, store: storage.Store, row: sa.Row, caller: Caller, filename: str,
                   content: bytes, limits: Limits) -> sa.Row:
    """Keep a document on the request: checked on its content, stored under a name we make,
    then recorded. The same file twice is one attachment (a retried upload)."""
    upload = uploads.inspect(content, filename, max_bytes=limits.attachment_max_bytes)
    earlier = _attachment_by_hash(db, row.id, upload.sha256)
    if earlier is not None:
        return earlier
    _writable(row)
    with db.sessions() as session:
        _check_room(session, row.id, upload.size, limits)
    name = storage.new_name()
    store.put(name, content, upload.content_type)
    now = clock.utcnow()
    try:
        with db.unit_of_work() as uow:
            current = locked(uow, row.id)
            _writable(current)
            _check_room(uow.session, row.id, upload.size, limits)  # counted again under the lock
            attachment_id = uow.session.execute(sa.insert(attachments).values(
                request_id=row.id, stored_name=name, filename=upload.filename, content_type=upload.content_type,
                size=upload.size, sha256=upload.sha256, author_kind=author_kind(caller),
                uploaded_by=audit.actor_of(caller), uploaded_at=now)).inserted_primary_key[0]
            _answered(uow, current, caller, now, f"a document, {upload.filename}")
            uow.commit()
    except Exception as failed:
        store.delete(name)  # nothing kept: no row, no file
        if isinstance(failed, sa.exc.IntegrityError):
            earlier = _attachment_by_hash(db, row.id, upload.sha256)  # the same file, sent twice at once
            if earlier is not None:
                return earlier
        raise
    with db.sessions() as session:
        return session.execute(sa.select(attachments).where(attachments.c.id == attachment_id)).one()


def _attachment_by_hash(db: Database, request_id: int, sha256: str) -> sa.Row | None:
    with db.sessions() as session:
        return session.execute(sa.select(attachments).where(
            attachments.c.request_id == request_id, attachments.c.sha256 == sha256)).first()


def _check_room(session, request_id: int, size: int, limits: Limits) -> None:
    count, total = session.execute(sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(attachments.c.size), 0))
                                   .where(attachments.c.request_id == request_id)).one()
    if count >= limits.attachments_per_request:
        raise InvalidArgument(f"a request takes at most {limits.attachments_per_request} documents", field="file",
                              reason="TOO_MANY_ATTACHMENTS")
    if total + size > limits.attachments_total_bytes:
        raise InvalidArgument(f"a request's documents may come to at most "
                              f"{limits.attachments_total_bytes // (1024 * 1024)} MB together", field="file",
                              reason="ATTACHMENTS_TOO_LARGE")


def attachments_of(db: Database, request_id: int) -> list[sa.Row]:
    with db.sessions() as session:
        return list(session.execute(sa.select(attachments).where(
            attachments.c.request_id == request_id).order_by(attachments.c.id)))


def attachment(db: Database, store: storage.Store, request_id: int, attachment_id: int) -> tuple[sa.Row, bytes]:
    with db.sessions() as session:
        row = session.execute(sa.select(attachments).where(
            attachments.c.request_id == request_id, attachments.c.id == attachment_id)).first()
    if row is None:
        raise NotFound("no such attachment on this request", field="attachment_id")
    return row, store.get(row.stored_name)


# -- decisions --------------------------------------------------------------------
def decide(db: Database, row: sa.Row, caller: Caller, decision: str, reason: str) -> sa.Row:
    """A department's decision: approve (resolved), reject or ask her for something, with the
    reason she reads. Requests another service decides are decided there, not here."""
    reason = identifiers.text(reason, "reason", max_length=domain.REASON_MAX_LENGTH)
    decided_by = subtype(db, row.subtype).decided_by
    if decided_by:
        raise FailedPrecondition(f"this request is decided by {decided_by} in its own tool", field="decision",
                                 reason="DECIDED_ELSEWHERE")
    if row.category == "personal_info_correction" and _has_fields(db, row.id):
        raise FailedPrecondition("a correction is decided field by field", field="decision",
                                 reason="DECIDED_BY_FIELD")
    with db.unit_of_work() as uow:
        current = locked(uow, row.id)
        target = domain.decision_target(current.status, decision, reason)
        now = clock.utcnow()
        move(uow, current, target, note=reason or decision.replace("_", " "), actor=audit.actor_of(caller), now=now)
        uow.commit()
    return reread(db, row.id)


def assign(db: Database, row: sa.Row, caller: Caller, officer: str) -> sa.Row:
    """Put an officer on the request (or nobody): a line in its history says who and by whom."""
    officer = (officer or "").strip().lower()
    if officer:
        officer = identifiers.username(officer, "officer")
        if not identifiers.STAFF_USERNAME.match(officer):
            raise InvalidArgument("officer must be a staff login", field="officer")
    with db.unit_of_work() as uow:
        current = locked(uow, row.id)
        if (current.assigned_to or "") != officer:
            now = clock.utcnow()
            uow.session.execute(sa.update(service_requests).where(service_requests.c.id == row.id).values(
                assigned_to=officer or None, updated_at=now))
            uow.session.execute(sa.insert(status_history).values(
                request_id=row.id, status=current.status, changed_at=now, actor=audit.actor_of(caller),
                note=f"{ASSIGNED}{officer}" if officer else UNASSIGNED))
        uow.commit()
    return reread(db, row.id)


def _has_fields(db: Database, request_id: int) -> bool:
    """Whether a correction names its fields (those filed before fields were kept do not:
    they are decided as a whole, as before)."""
    with db.sessions() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(correction_fields).where(
            correction_fields.c.request_id == request_id)) > 0


def subtype(db: Database, code: str) -> sa.Row:
    with db.sessions() as session:
        return session.execute(sa.select(subtypes).where(subtypes.c.code == code)).one()


def reread(db: Database, request_id: int) -> sa.Row:
    with db.sessions() as session:
        return session.execute(sa.select(service_requests).where(service_requests.c.id == request_id)).one()


# -- service levels ----------------------------------------------------------------
def service_days(db: Database) -> dict[str, int]:
    with db.sessions() as session:
        return dict(session.execute(sa.select(subtypes.c.code, subtypes.c.service_days)).all())
