"""The SQL the identity use cases share: accounts, sessions, throttling, mail and audit."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from campus import clock
from campus.db import new_id
from services.identity import domain
from services.identity.domain import Client
from services.identity.models import (
    accounts,
    audit_events,
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
def throttle_state(session: Session, username: str, ip: str,
                   now: dt.datetime) -> tuple[domain.IpFailures | None, list[dt.datetime]]:
    row = session.execute(sa.select(login_throttle).where(
        login_throttle.c.username == username, login_throttle.c.ip == ip)).first()
    if row is None:
        return None, []  # an IP that has not failed never waits: skip the wider query
    recent = session.execute(
        sa.select(login_failures.c.occurred_at)
        .where(login_failures.c.username == username,
               login_failures.c.occurred_at > now - domain.ACCOUNT_WINDOW)
        .order_by(login_failures.c.occurred_at.desc()).limit(domain.ACCOUNT_LIMIT)).scalars()
    return (domain.IpFailures(row.failures, clock.as_utc(row.last_failure_at)),
            [clock.as_utc(t) for t in recent])


def _upsert(session: Session, table: sa.Table):
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def record_failure(session: Session, username: str, ip: str, now: dt.datetime) -> None:
    insert = _upsert(session, login_throttle).values(username=username, ip=ip, failures=1, last_failure_at=now)
    # One statement, so simultaneous failures each count.
    session.execute(insert.on_conflict_do_update(
        index_elements=["username", "ip"],
        set_={"failures": login_throttle.c.failures + 1, "last_failure_at": now}))
    session.execute(sa.insert(login_failures).values(username=username, ip=ip, occurred_at=now))
    session.execute(sa.delete(login_failures).where(
        login_failures.c.username == username, login_failures.c.occurred_at <= now - domain.ACCOUNT_WINDOW))


def clear_failures(session: Session, username: str, ip: str | None = None) -> None:
    """Forget an IP's failures on success (or every IP's, when staff unlock the account)."""
    query = sa.delete(login_throttle).where(login_throttle.c.username == username)
    if ip is not None:
        query = query.where(login_throttle.c.ip == ip)
    session.execute(query)


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


def revoke_session(session: Session, session_id: str, reason: str) -> int:
    return session.execute(sa.update(sessions).where(
        sessions.c.id == session_id, sessions.c.revoked_at.is_(None)).values(
        revoked_at=clock.utcnow(), revoked_reason=reason)).rowcount


def revoke_all_sessions(session: Session, account_id: int, reason: str) -> int:
    return session.execute(sa.update(sessions).where(
        sessions.c.account_id == account_id, sessions.c.revoked_at.is_(None)).values(
        revoked_at=clock.utcnow(), revoked_reason=reason)).rowcount


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
