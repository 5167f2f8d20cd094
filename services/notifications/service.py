"""Notifications use cases: remembering students, writing to a student's inbox and queueing
her email and SMS, announcements, and what staff see of the deliveries.

Exactly once per event and recipient: an inbox row is unique by (event, student), a
delivery by (event, channel, recipient); the consumer's handlers run in the transaction
that claims the event, so a redelivered event adds nothing.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import sqlalchemy as sa
import sqlalchemy.dialects.postgresql
import sqlalchemy.dialects.sqlite

from campus import audit, auth, clock, identifiers, registry, semesters
from campus.db import Database, UnitOfWork
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from services.notifications import domain
from services.notifications.models import announcement_reads, announcements, deliveries, inbox, students

#: Announcements stay in inboxes this long after they are published, or until their deadline.
ANNOUNCEMENT_DAYS = 120


# -- students ----------------------------------------------------------------------------
def insert_once(session, table: sa.Table, **values) -> None:
    """INSERT unless a row with the same key exists: two writers at once (a double click, the
    consumer and the sender) leave one row and no error."""
    dialect = session.get_bind().dialect.name
    insert = (sa.dialects.postgresql.insert if dialect == "postgresql" else sa.dialects.sqlite.insert)(table)
    session.execute(insert.values(**values).on_conflict_do_nothing())


def remember_student(session, registration_number: str, **known: str) -> None:
    """Keep what an event says of a student (only the fields it carries; empty ones are
    not news: an event without her email does not erase the one we have)."""
    values = {key: value for key, value in known.items() if value}
    now = clock.utcnow()
    insert_once(session, students, registration_number=registration_number, updated_at=now)
    if values:
        session.execute(sa.update(students).where(students.c.registration_number == registration_number)
                        .values(updated_at=now, **values))


def student(session, registration_number: str) -> sa.Row | None:
    return session.execute(sa.select(students).where(students.c.registration_number == registration_number)).first()


# -- what events write -----------------------------------------------------------------
def _delivery(session, event_id: str, kind: str, params: str, channel: str, recipient: str, address: str,
              reference: str, now: dt.datetime) -> None:
    if session.scalar(sa.select(deliveries.c.id).where(
            deliveries.c.event_id == event_id, deliveries.c.channel == channel, deliveries.c.recipient == recipient)):
        return
    session.execute(sa.insert(deliveries).values(
        event_id=event_id, channel=channel, recipient=recipient, address=address, kind=kind, params=params,
        reference=reference[:40], status=domain.PENDING, next_attempt_at=now, created_at=now))


def notify_student(uow: UnitOfWork, event_id: str, kind: str, registration_number: str, params: dict, *,
                   reference: str, channels: tuple[str, ...] = domain.CHANNELS) -> None:
    """Her inbox, and an email and text message to wherever she can be reached when sent."""
    session, now = uow.session, clock.utcnow()
    encoded = json.dumps(params, ensure_ascii=False)
    if not session.scalar(sa.select(inbox.c.id).where(inbox.c.event_id == event_id,
                                                      inbox.c.registration_number == registration_number)):
        session.execute(sa.insert(inbox).values(registration_number=registration_number, event_id=event_id,
                                                kind=kind, params=encoded, created_at=now))
    for channel in channels:
        _delivery(session, event_id, kind, encoded, channel, registration_number, "", reference, now)


def notify_address(uow: UnitOfWork, event_id: str, kind: str, params: dict, *, email: str, mobile: str,
                   reference: str) -> None:
    """Someone known only by the address they gave (a complaint filed without signing in)."""
    now, encoded = clock.utcnow(), json.dumps(params, ensure_ascii=False)
    for channel, address in ((domain.EMAIL, email), (domain.SMS, mobile)):
        if address:
            _delivery(uow.session, event_id, kind, encoded, channel, address, address, reference, now)


# -- the inbox ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    text: dict
    created_at: dt.datetime
    read: bool
    deadline: dt.date | None = None


def _reaching(row: sa.Row | None):
    """The announcements this student's row is in the audience of."""
    clauses = [announcements.c.audience == "all"]
    if row is not None:
        for audience, value in (("program", row.program_code), ("region", row.regional_centre),
                                ("semester", row.semester)):
            if value:
                clauses.append(sa.and_(announcements.c.audience == audience, announcements.c.audience_value == value))
    since = clock.utcnow() - dt.timedelta(days=ANNOUNCEMENT_DAYS)
    current = sa.or_(announcements.c.published_at >= since, announcements.c.deadline >= clock.karachi_today())
    return sa.and_(sa.or_(*clauses), announcements.c.withdrawn_at.is_(None), current)


def _personal(row: sa.Row) -> Item:
    return Item(f"n{row.id}", row.kind, domain.render(row.kind, json.loads(row.params)), row.created_at,
                row.read_at is not None)


def _announcement(row: sa.Row, read: bool) -> Item:
    text = {"title_en": row.title_en, "body_en": row.body_en, "title_ur": row.title_ur, "body_ur": row.body_ur,
            "link": ""}
    return Item(f"a{row.id}", domain.ANNOUNCEMENT, text, row.published_at, read, row.deadline)


def _visible(session, registration_number: str) -> list[tuple[sa.Row, bool]]:
    """Every announcement that reaches her now, newest first, with whether she read it: one
    query (a few dozen rows: announcements live ANNOUNCEMENT_DAYS)."""
    read = (sa.select(announcement_reads.c.announcement_id)
            .where(announcement_reads.c.announcement_id == announcements.c.id,
                   announcement_reads.c.registration_number == registration_number).exists())
    rows = session.execute(sa.select(announcements, read.label("is_read"))
                           .where(_reaching(student(session, registration_number)))
                           .order_by(announcements.c.id.desc())).all()
    return [(row, bool(row.is_read)) for row in rows]


def inbox_of(db: Database, registration_number: str, *, limit: int = domain.INBOX_LIMIT,
             unread_only: bool = False) -> tuple[list[Item], int]:
    """Her newest notifications and announcements together, newest first, and how many are unread."""
    limit = min(max(limit or domain.INBOX_LIMIT, 1), domain.INBOX_MAX)
    with db.sessions() as session:
        mine = sa.select(inbox).where(inbox.c.registration_number == registration_number)
        if unread_only:
            mine = mine.where(inbox.c.read_at.is_(None))
        personal = [_personal(r) for r in session.execute(mine.order_by(inbox.c.id.desc()).limit(limit))]
        visible = _visible(session, registration_number)
        unread = _unread_own(session, registration_number)
    announced = [_announcement(row, read) for row, read in visible if not (unread_only and read)]
    unread += sum(1 for _, read in visible if not read)
    items = sorted(personal + announced[:limit], key=lambda item: item.created_at, reverse=True)[:limit]
    return items, unread


def _unread_own(session, registration_number: str) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(inbox).where(
        inbox.c.registration_number == registration_number, inbox.c.read_at.is_(None)))


def _parse_item(item_id: str) -> tuple[str, int]:
    if item_id and item_id[0] in "na" and item_id[1:].isascii() and item_id[1:].isdigit() and len(item_id) < 20:
        return item_id[0], int(item_id[1:])
    raise InvalidArgument("id must name a notification (n<number>, a<number>) or be 'all'", field="id")


def mark_read(db: Database, registration_number: str, item_id: str) -> int:
    """Mark one item (or all) read; returns how many remain unread."""
    now = clock.utcnow()
    with db.unit_of_work() as uow:
        session = uow.session
        unread_announcements = [row.id for row, read in _visible(session, registration_number) if not read]
        if item_id == "all":
            session.execute(sa.update(inbox).where(inbox.c.registration_number == registration_number,
                                                   inbox.c.read_at.is_(None)).values(read_at=now))
            targets = unread_announcements
        else:
            kind, number = _parse_item(item_id)
            targets = _mark_one(session, registration_number, kind, number, unread_announcements, now)
        for announcement_id in targets:
            insert_once(session, announcement_reads, announcement_id=announcement_id,
                        registration_number=registration_number, read_at=now)
        remaining = _unread_own(session, registration_number) + len(set(unread_announcements) - set(targets))
        uow.commit()
    return remaining


def _mark_one(session, registration_number: str, kind: str, number: int, unread_announcements: list[int],
              now: dt.datetime) -> list[int]:
    if kind == "n":
        found = session.execute(sa.update(inbox).where(
            inbox.c.id == number, inbox.c.registration_number == registration_number)
            .values(read_at=sa.func.coalesce(inbox.c.read_at, now)))
        if not found.rowcount:
            raise NotFound("no such notification", field="id")  # someone else's reads as none
        return []
    if number in unread_announcements:
        return [number]
    if not session.scalar(sa.select(announcement_reads.c.announcement_id).where(
            announcement_reads.c.announcement_id == number,
            announcement_reads.c.registration_number == registration_number)):
        raise NotFound("no such notification", field="id")  # not one that reaches her
    return []  # read already


# -- announcements ----------------------------------------------------------------------
@dataclass(frozen=True)
class AnnouncementDraft:
    audience: str
    audience_value: str
    title_en: str
    body_en: str
    title_ur: str
    body_ur: str
    deadline: dt.date | None


def parse_draft(request) -> AnnouncementDraft:
    audience = (request.audience or "").strip()
    if audience not in domain.AUDIENCES:
        raise InvalidArgument(f"audience must be one of {', '.join(domain.AUDIENCES)}", field="audience")
    value = _audience_value(audience, request.audience_value)
    title_en = identifiers.text(request.title_en, "title_en", max_length=domain.TITLE_MAX, required=True)
    body_en = identifiers.text(request.body_en, "body_en", max_length=domain.BODY_MAX, required=True)
    # An Urdu version is expected; without one, Urdu readers see the English.
    title_ur = identifiers.text(request.title_ur, "title_ur", max_length=domain.TITLE_MAX) or title_en
    body_ur = identifiers.text(request.body_ur, "body_ur", max_length=domain.BODY_MAX) or body_en
    return AnnouncementDraft(audience, value, title_en, body_en, title_ur, body_ur, _deadline(request.deadline))


def _audience_value(audience: str, value: str) -> str:
    value = (value or "").strip()
    if audience == "all":
        return ""
    if audience == "semester":
        return str(semesters.parse_semester(value, "audience_value"))
    if audience == "program":
        return identifiers.program_code(value, "audience_value")
    centre = value.upper()
    if not (centre.isascii() and centre.isalnum() and 2 <= len(centre) <= 10):
        raise InvalidArgument("audience_value must be a regional centre's code, like ISB", field="audience_value")
    return centre


def _deadline(text: str) -> dt.date | None:
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidArgument("deadline must be a date, YYYY-MM-DD", field="deadline") from None
    if day < clock.karachi_today():
        raise InvalidArgument("deadline has already passed", field="deadline")
    return day


def centre_of(caller: auth.Caller) -> str:
    """The centre a centre-bound caller (campus.registry.centre_bound) announces to, sees and
    withdraws in ("" for everyone else); one whose token names none may do nothing here
    (fail closed, as requests and enrollment do)."""
    if caller.department not in registry.centre_bound():
        return ""
    if not caller.centre:
        raise PermissionDenied("a regional officer without a centre may not announce", field="audience")
    return caller.centre


def check_audience(caller: auth.Caller, draft: AnnouncementDraft) -> None:
    """A regional office speaks to its own centre's students only."""
    centre = centre_of(caller)
    if centre and not (draft.audience == "region" and draft.audience_value == centre):
        raise PermissionDenied(f"a regional office announces to its own centre ({centre}) only",
                               field="audience")


def _key(caller: auth.Caller, idempotency_key: str) -> str | None:
    """The stored form of a client's key: one officer's key never finds another's announcement."""
    key = identifiers.text(idempotency_key, "idempotency_key", max_length=200)
    return hashlib.sha256(f"{audit.actor_of(caller)}\n{key}".encode()).hexdigest() if key else None


def publish(db: Database, caller: auth.Caller, draft: AnnouncementDraft, idempotency_key: str) -> sa.Row:
    key = _key(caller, idempotency_key)
    with db.unit_of_work() as uow:
        if key:
            existing = uow.session.execute(sa.select(announcements).where(
                announcements.c.idempotency_key == key)).first()
            if existing is not None:
                return existing
        try:
            new_id = uow.session.execute(sa.insert(announcements).values(
                **draft.__dict__, published_by=audit.actor_of(caller), published_at=clock.utcnow(),
                idempotency_key=key)).inserted_primary_key[0]
            uow.commit()
        except sa.exc.IntegrityError:  # the same key, published meanwhile by a retry
            uow.rollback()
            return _by_key(db, key)
    return announcement(db, new_id)


def _by_key(db: Database, key: str | None) -> sa.Row:
    with db.sessions() as session:
        row = session.execute(sa.select(announcements).where(announcements.c.idempotency_key == key)).first()
    if row is None:
        raise NotFound("no such announcement", field="idempotency_key")
    return row


def announcement(db: Database, announcement_id: int) -> sa.Row:
    with db.sessions() as session:
        row = session.execute(sa.select(announcements).where(announcements.c.id == announcement_id)).first()
    if row is None:
        raise NotFound("no such announcement", field="announcement_id")
    return row


def withdraw(db: Database, caller: auth.Caller, announcement_id: int) -> sa.Row:
    row = announcement(db, announcement_id)
    centre = centre_of(caller)
    if centre and not (row.audience == "region" and row.audience_value == centre):
        raise NotFound("no such announcement", field="announcement_id")
    with db.unit_of_work() as uow:
        uow.session.execute(sa.update(announcements).where(announcements.c.id == announcement_id,
                                                           announcements.c.withdrawn_at.is_(None))
                            .values(withdrawn_at=clock.utcnow()))
        uow.commit()
    return announcement(db, announcement_id)


def list_announcements(db: Database, caller: auth.Caller, limit: int) -> list[tuple[sa.Row, int]]:
    """The newest announcements (a regional office: its centre's) with the students each reaches."""
    query = sa.select(announcements).order_by(announcements.c.id.desc()).limit(min(max(limit or 50, 1), 200))
    centre = centre_of(caller)
    if centre:
        query = query.where(announcements.c.audience == "region", announcements.c.audience_value == centre)
    sizes: dict[tuple[str, str], int] = {}
    with db.sessions() as session:
        rows = session.execute(query).all()
        for row in rows:
            key = (row.audience, row.audience_value)
            if key not in sizes:
                sizes[key] = audience_size(session, *key)
    return [(row, sizes[(row.audience, row.audience_value)]) for row in rows]


AUDIENCE_COLUMNS = {"program": students.c.program_code, "region": students.c.regional_centre,
                    "semester": students.c.semester}


def reach_of(db: Database, row: sa.Row) -> int:
    with db.sessions() as session:
        return audience_size(session, row.audience, row.audience_value)


def audience_size(session, audience: str, value: str) -> int:
    query = sa.select(sa.func.count()).select_from(students)
    if audience != "all":
        query = query.where(AUDIENCE_COLUMNS[audience] == value)
    return session.scalar(query)


# -- deliveries, for staff ---------------------------------------------------------------
def list_deliveries(db: Database, status: str, limit: int) -> tuple[list[sa.Row], dict[str, int]]:
    if status and status not in domain.DELIVERY_STATUSES:
        raise InvalidArgument(f"status must be one of {', '.join(domain.DELIVERY_STATUSES)}", field="status")
    query = sa.select(deliveries).order_by(deliveries.c.id.desc()).limit(min(max(limit or 50, 1), 200))
    if status:
        query = query.where(deliveries.c.status == status)
    with db.sessions() as session:
        rows = session.execute(query).all()
        counts = dict(session.execute(sa.select(deliveries.c.status, sa.func.count())
                                      .group_by(deliveries.c.status)).all())
    return rows, {s: counts.get(s, 0) for s in domain.DELIVERY_STATUSES}


def retry(db: Database, delivery_id: int) -> sa.Row:
    """Send a dead-lettered message again (the provider is back): attempts start over."""
    with db.unit_of_work() as uow:
        row = uow.session.execute(sa.select(deliveries).where(deliveries.c.id == delivery_id)).first()
        if row is None:
            raise NotFound("no such delivery", field="delivery_id")
        if row.status in (domain.DEAD, domain.NO_ADDRESS):
            uow.session.execute(sa.update(deliveries).where(deliveries.c.id == delivery_id).values(
                status=domain.PENDING, attempts=0, next_attempt_at=clock.utcnow(), last_error=None))
        uow.commit()
        return uow.session.execute(sa.select(deliveries).where(deliveries.c.id == delivery_id)).one()
