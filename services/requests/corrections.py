"""A "Correction in personal information" request: the fields she asks to correct, each with
her record's value and the new one (checked as admission checks it), and admissions'
decision field by field. The approved fields go to enrollment (`correction_approved`),
which applies them to her record, keeping the old values in its history."""
from __future__ import annotations

import sqlalchemy as sa

from campus import audit, clock, identifiers, personal_info
from campus.auth import Caller
from campus.db import Database
from campus.errors import FailedPrecondition, InvalidArgument
from cms.requests.v1 import events_pb2
from services.requests import casework, domain
from services.requests.models import attachments, correction_fields

CATEGORY = "personal_info_correction"
SUBTYPE_FIELDS = domain.CORRECTION_SUBTYPE_FIELDS
#: Fields whose correction needs a document (CNIC, matriculation certificate): approved only
#: once she has attached one. An address, mobile or email she may simply state.
NEEDS_EVIDENCE = frozenset({"full_name", "father_name", "cnic", "date_of_birth"})
PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"


def asked(subtype: sa.Row, changes, record, registration_number: str) -> list[dict]:
    """The correction rows to file with a request (none for other requests), each checked:
    a field she may correct, named once, with a valid value that differs from her record's.
    `record` answers her record's current values (enrollment)."""
    if subtype.category_code != CATEGORY:
        if changes:
            raise InvalidArgument("only a correction in personal information takes changes", field="changes")
        return []
    if not changes:
        raise InvalidArgument("say which field to correct and its new value", field="changes")
    wanted = {}
    for field, value in changes:
        if field not in personal_info.FIELDS:
            raise InvalidArgument(f"{field} cannot be corrected by a request", field="changes")
        if field in wanted:
            raise InvalidArgument(f"{field} is named twice", field=field)
        wanted[field] = personal_info.checked(field, value)
    if SUBTYPE_FIELDS.get(subtype.code) not in wanted:
        raise InvalidArgument(f"a {subtype.title} must correct {SUBTYPE_FIELDS.get(subtype.code)}", field="changes")
    current = record.personal_info(registration_number)
    for field, value in wanted.items():
        if personal_info.shown(current.get(field, "")) == value:
            raise InvalidArgument(f"{field} already reads {value} in your record", field=field)
    return [{"field": f, "current_value": str(current.get(f, ""))[:300], "new_value": v[:300]}
            for f, v in wanted.items()]


def fields_of(db: Database, request_id: int) -> list[sa.Row]:
    with db.sessions() as session:
        return list(session.execute(sa.select(correction_fields).where(
            correction_fields.c.request_id == request_id).order_by(correction_fields.c.id)))


def decide(db: Database, row: sa.Row, caller: Caller, decisions: list[tuple[str, bool, str]]) -> sa.Row:
    """Admissions' decision on each pending field, in one unit of work: the fields, the
    request resolved (some approved: `correction_approved` carries them) or rejected (none),
    and its status change."""
    if row.category != CATEGORY:
        raise FailedPrecondition("only a correction is decided field by field", field="decisions",
                                 reason="NOT_A_CORRECTION")
    with db.unit_of_work() as uow:
        current = casework.locked(uow, row.id)
        if current.status not in domain.DECIDABLE:
            raise FailedPrecondition(f"a request that is {current.status.replace('_', ' ')} cannot be decided now",
                                     field="decisions", reason="NOT_DECIDABLE")
        pending = {f.field: f for f in uow.session.execute(sa.select(correction_fields).where(
            correction_fields.c.request_id == row.id, correction_fields.c.decision == PENDING))}
        verdicts = _verdicts(pending, decisions)
        if any(approve and field in NEEDS_EVIDENCE for field, (approve, _r) in verdicts.items()) \
                and not _has_evidence(uow, row.id):
            raise FailedPrecondition("no document is attached to prove this correction: ask the student for one",
                                     field="decisions", reason="NO_EVIDENCE")
        now, actor = clock.utcnow(), audit.actor_of(caller)
        for field, (approve, reason) in verdicts.items():
            uow.session.execute(sa.update(correction_fields).where(correction_fields.c.id == pending[field].id).values(
                decision=APPROVED if approve else REJECTED, reason=reason, decided_by=actor, decided_at=now))
        approved = [pending[f] for f, (approve, _r) in verdicts.items() if approve]
        if approved:
            uow.record(events_pb2.CorrectionApproved(
                request_number=row.request_number, registration_number=row.registration_number,
                changes=[events_pb2.FieldChange(field=f.field, new_value=f.new_value) for f in approved],
                approved_by=caller.subject, approved_at=clock.iso(now)))
        casework.move(uow, current, domain.RESOLVED if approved else domain.REJECTED, note=_summary(verdicts),
                      actor=actor, now=now)
        uow.commit()
    return casework.reread(db, row.id)


def _verdicts(pending: dict, decisions: list[tuple[str, bool, str]]) -> dict[str, tuple[bool, str]]:
    """Each pending field decided exactly once; a rejection says why."""
    verdicts = {}
    for field, approve, reason in decisions:
        if field not in pending or field in verdicts:
            raise InvalidArgument(f"{field} is not a field of this correction awaiting a decision", field="decisions")
        reason = identifiers.text(reason, "reason", max_length=300)
        if not approve and not reason:
            raise InvalidArgument(f"say why {field} is not corrected: the student reads it", field="reason")
        verdicts[field] = (approve, reason)
    if set(verdicts) != set(pending):
        raise InvalidArgument(f"decide every field: {', '.join(sorted(set(pending) - set(verdicts)))} too",
                              field="decisions")
    return verdicts


def _has_evidence(uow, request_id: int) -> bool:
    return uow.session.scalar(sa.select(sa.func.count()).select_from(attachments).where(
        attachments.c.request_id == request_id, attachments.c.author_kind == casework.STUDENT)) > 0


def _summary(verdicts: dict[str, tuple[bool, str]]) -> str:
    """The history's line, as she reads it: what was corrected, what was not and why."""
    done = [f for f, (approve, _r) in verdicts.items() if approve]
    refused = [f"{f} ({reason})" for f, (approve, reason) in verdicts.items() if not approve]
    parts = ([f"corrected: {', '.join(done)}"] if done else []) + ([f"not corrected: {'; '.join(refused)}"]
                                                                    if refused else [])
    return "; ".join(parts)
