"""The SQL the identity use cases share: accounts, sessions, throttling, mail and audit.

Throttling is keyed by client group (domain.client_group), never by a raw IP address."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from campus import clock
from campus.db import new_id
from cms.identity.v1 import events_pb2
from services.identity import domain
from services.identity.domain import Client
from services.identity.models import (
    accounts,
    audit_events,
    ended_sessions,
    known_clients,
    login_failures,
    login_throttle,
    mail_outbox,
    refresh_tokens,
    sessions,
)


def find_account(session: Session, username: str, kinds: tuple[str, ...] = (),
                 for_update: bool = False) -> sa.Row | None:
    query = sa.select(accounts).where(accounts.c.username == username)
    if kinds:
        query = query.where(accounts.c.kind.in_(kinds))
    if for_update:
        query = query.with_for_update()
    return session.execute(query).first()


def account_by_id(session: Session, account_id: int) -> sa.Row:
    return session.execute(sa.select(accounts).where(accounts.c.id == account_id)).one()


def update_account(session: Session, account_id: int, **values) -> None:
    session.execute(sa.update(accounts).where(accounts.c.id == account_id).values(**values))


def audit(session: Session, event: str, username: str, client: Client, detail: str = "") -> None:
    """One line of the audit log. Callers pass a detail that never holds a secret."""
    session.execute(sa.insert(audit_events).values(
        occurred_at=clock.utcnow(), username=username[:40], event=event, ip=client.ip,
        user_agent=client.user_agent[:200], detail=detail[:200]))


# -- throttling ---------------------------------------------------------------------------
def throttle_state(session: Session, username: str, group: str, now: dt.datetime) -> tuple[
        domain.GroupFailures | None, list[dt.datetime], dt.datetime | None]:
    """What domain.retry_after needs: this group's consecutive failures, the account's
    recent failures (skipped for a known group, whom they do not hold back) and when this
    group last signed in to the account."""
    row = session.execute(sa.select(login_throttle).where(
        login_throttle.c.username == username, login_throttle.c.ip == group)).first()
    last_success = session.scalar(sa.select(known_clients.c.last_success_at).where(
        known_clients.c.username == username, known_clients.c.client_group == group))
    last_success = clock.as_utc(last_success) if last_success is not None else None
    recent: list[dt.datetime] = []
    if not domain.known_client(last_success, now):
        recent = [clock.as_utc(t) for t in session.execute(
            sa.select(login_failures.c.occurred_at)
            .where(login_failures.c.username == username,
                   login_failures.c.occurred_at > now - domain.ACCOUNT_WINDOW)
            .order_by(login_failures.c.occurred_at.desc()).limit(domain.ACCOUNT_LIMIT)).scalars()]
    failures = domain.GroupFailures(row.failures, clock.as_utc(row.last_failure_at)) if row is not None else None
    return failures, recent, last_success


def address_failures(session: Session, group: str, now: dt.datetime, limit: int) -> list[dt.datetime]:
    """What domain.address_retry_after needs: for each account name `group` failed on within
    the window and has not signed in to since, when it last failed (the latest `limit`)."""
    last_failed = sa.func.max(login_failures.c.occurred_at).label("last_failed")
    query = (sa.select(last_failed)
             .select_from(login_failures.outerjoin(known_clients, sa.and_(
                 known_clients.c.username == login_failures.c.username,
                 known_clients.c.client_group == login_failures.c.ip)))
             .where(login_failures.c.ip == group, login_failures.c.occurred_at > now - domain.ACCOUNT_WINDOW,
                    sa.or_(known_clients.c.last_success_at.is_(None),
                           known_clients.c.last_success_at < login_failures.c.occurred_at))
             .group_by(login_failures.c.username).order_by(last_failed.desc()).limit(limit))
    return [clock.as_utc(t) for t in session.execute(query).scalars()]


def _upsert(session: Session, table: sa.Table):
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def record_failure(session: Session, username: str, group: str, now: dt.datetime) -> None:
    insert = _upsert(session, login_throttle).values(username=username, ip=group, failures=1, last_failure_at=now)
    # One statement, so simultaneous failures each count.
    session.execute(insert.on_conflict_do_update(
        index_elements=["username", "ip"],
        set_={"failures": login_throttle.c.failures + 1, "last_failure_at": now}))
    session.execute(sa.insert(login_failures).values(username=username, ip=group, occurred_at=now))
    session.execute(sa.delete(login_failures).where(
        login_failures.c.username == username, login_failures.c.occurred_at <= now - domain.ACCOUNT_WINDOW))


def clear_failures(session: Session, username: str, group: str | None = None) -> None:
    """Forget a client group's consecutive failures on its success or, when staff unlock
    the account or its password changes, every failure of the account: a fresh start."""
    query = sa.delete(login_throttle).where(login_throttle.c.username == username)
    if group is not None:
        query = query.where(login_throttle.c.ip == group)
    else:
        session.execute(sa.delete(login_failures).where(login_failures.c.username == username))
    session.execute(query)


def remember_client(session: Session, username: str, group: str, now: dt.datetime) -> None:
    """Note that `group` signed in to the account just now, and forget groups that have
    not for longer than domain.KNOWN_CLIENT_TTL. An unknown address ('') is never known."""
    if not group:
        return
    insert = _upsert(session, known_clients).values(username=username, client_group=group, last_success_at=now)
    session.execute(insert.on_conflict_do_update(
        index_elements=["username", "client_group"], set_={"last_success_at": now}))
    session.execute(sa.delete(known_clients).where(
        known_clients.c.username == username, known_clients.c.last_success_at <= now - domain.KNOWN_CLIENT_TTL))


# -- sessions -----------------------------------------------------------------------------
def open_session(session: Session, account_id: int, client: Client, ttl: dt.timedelta) -> tuple[str, str]:
    """A new session and its first refresh token: (session id, refresh token)."""
    now = clock.utcnow()
    session_id = new_id()
    session.execute(sa.insert(sessions).values(
        id=session_id, account_id=account_id, created_at=now, expires_at=now + ttl,
        ip=client.ip, user_agent=client.user_agent[:200]))
    return session_id, issue_refresh_token(session, session_id, ttl)


def issue_refresh_token(session: Session, session_id: str, ttl: dt.timedelta) -> str:
    now = clock.utcnow()
    token = domain.new_token()
    session.execute(sa.insert(refresh_tokens).values(
        session_id=session_id, token_hash=domain.token_digest(token), issued_at=now, expires_at=now + ttl))
    session.execute(sa.update(sessions).where(sessions.c.id == session_id).values(expires_at=now + ttl))
    return token


def revoke_session(uow, session_id: str, reason: str) -> int:
    """End one session (if it still stands): see end_sessions."""
    return end_sessions(uow, sessions.c.id == session_id, reason)


def revoke_all_sessions(uow, account_id: int, reason: str) -> int:
    """End every session of an account that still stands: see end_sessions."""
    return end_sessions(uow, sessions.c.account_id == account_id, reason)


def end_sessions(uow, which, reason: str) -> int:
    """Mark the standing sessions `which` selects as revoked, list them in the feed of ended
    sessions that every process polls (EndedSessions), and publish SessionEnded for each,
    all in the caller's unit of work. Returns how many ended."""
    now = clock.utcnow()
    ended = uow.session.execute(
        sa.update(sessions).where(which, sessions.c.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason=reason)
        .returning(sessions.c.id, sessions.c.account_id)).all()
    if not ended:
        return 0
    uow.session.execute(sa.insert(ended_sessions), [{"session_id": row.id, "ended_at": now} for row in ended])
    owners = {row.id: row for row in uow.session.execute(sa.select(accounts.c.id, accounts.c.username, accounts.c.kind)
                                                        .where(accounts.c.id.in_({r.account_id for r in ended})))}
    for row in ended:
        owner = owners[row.account_id]
        uow.record(events_pb2.SessionEnded(session_id=row.id, username=owner.username, kind=owner.kind,
                                           reason=reason, ended_at=clock.iso(now)))
    return len(ended)


def ended_since(session: Session, after: int, now: dt.datetime, *, keep: dt.timedelta,
                overlap: dt.timedelta, limit: int) -> tuple[list[str], int, bool]:
    """A page of the feed of ended sessions: (session ids, cursor, more).

    The sessions ended after the cursor `after`, and those of the last `overlap` once more:
    a sequence number is taken at insert but seen at commit, so a slow transaction may
    commit a lower number than one a reader already passed. Nothing older than `keep`
    (the access tokens' longest life): their tokens have expired anyway."""
    rows = session.execute(
        sa.select(ended_sessions.c.seq, ended_sessions.c.session_id)
        .where(ended_sessions.c.ended_at > now - keep,
               sa.or_(ended_sessions.c.seq > after, ended_sessions.c.ended_at > now - overlap))
        .order_by(ended_sessions.c.seq).limit(limit)).all()
    cursor = max([after, *(row.seq for row in rows)])
    return [row.session_id for row in rows], cursor, len(rows) == limit


def forget_ended_sessions(session: Session, before: dt.datetime) -> int:
    return session.execute(sa.delete(ended_sessions).where(ended_sessions.c.ended_at <= before)).rowcount


def session_row(session: Session, session_id: str) -> sa.Row | None:
    return session.execute(
        sa.select(sessions.c.id, sessions.c.revoked_at, sessions.c.expires_at, accounts.c.status,
                  accounts.c.username)
        .join(accounts, accounts.c.id == sessions.c.account_id).where(sessions.c.id == session_id)).first()


def is_session_active(session: Session, session_id: str) -> bool:
    row = session_row(session, session_id)
    return row is not None and domain.session_active(
        row.revoked_at, clock.as_utc(row.expires_at), row.status, clock.utcnow())


# -- mail ----------------------------------------------------------------------------------
def queue_mail(session: Session, recipient: str, subject: str, body: str) -> None:
    now = clock.utcnow()
    session.execute(sa.insert(mail_outbox).values(
        recipient=recipient, subject=subject, body=body, status="pending", created_at=now, next_attempt_at=now))
