"""Outgoing webhooks: partner systems (the LMS, a library) registered by student services
are told of the events they subscribe to by an HTTP POST of the event's envelope.

Each POST carries
    X-CMS-Delivery:  the delivery's id, the same on every retry: the partner deduplicates on it
    X-CMS-Event:     the event type (the catalogue, docs/events.md, describes its payload)
    X-CMS-Timestamp: Unix seconds when this attempt was signed
    X-CMS-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" under the partner's secret>
so a partner checks the signature over exactly the bytes it received, and refuses an old
timestamp (a replay). A delivery is written in the transaction that claims the event (one
per partner and event, whatever the redeliveries), then sent by the relay's loop: a 2xx
answer delivers it; anything else is retried with back-off and, after
`webhook_max_attempts`, dead-lettered for staff to redeliver from the delivery log.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import json
import logging
import secrets
import socket
import time
import uuid
from urllib.parse import urlsplit

import requests as http
import sqlalchemy as sa

from campus import audit, auth, clock, identifiers, loops
from campus.db import Database, UnitOfWork
from campus.errors import AlreadyExists, InvalidArgument, NotFound
from campus.events import ENVELOPE_VERSION, Event
from services.notifications import domain
from services.notifications.models import webhook_deliveries, webhook_partners

log = logging.getLogger(__name__)
PENDING, DELIVERED, DEAD = "pending", "delivered", "dead"
STATUSES = (PENDING, DELIVERED, DEAD)
BATCH = 20
LEASE = dt.timedelta(minutes=5)
#: A pass stops taking rows after this long, so the loop beats its heartbeat well within the
#: liveness probe's minute and a lease never expires under a running pass.
PASS_SECONDS = 20
EVENTS = domain.WEBHOOK_EVENTS


# -- signing -------------------------------------------------------------------------------
def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def verify(secret: str, headers: dict, body: bytes, *, tolerance_seconds: int = 300, now: float | None = None) -> bool:
    """What a partner does with a delivery (the tests and the docs use it)."""
    try:
        timestamp = int(headers["X-CMS-Timestamp"])
    except (KeyError, ValueError):
        return False
    if abs((now or time.time()) - timestamp) > tolerance_seconds:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), headers.get("X-CMS-Signature", ""))


# -- partners --------------------------------------------------------------------------------
def _url(value: str, production: bool) -> str:
    value = identifiers.text(value, "url", max_length=500, required=True)
    try:
        parts = urlsplit(value)
        hostname, _port = parts.hostname, parts.port
    except ValueError:
        raise InvalidArgument("url is not a URL", field="url") from None
    if parts.scheme not in ("https", "http") or not hostname or parts.username or parts.password:
        raise InvalidArgument("url must be an http(s) URL without credentials in it", field="url")
    if production:
        if parts.scheme != "https":
            raise InvalidArgument("url must be https:// (deliveries carry students' records)", field="url")
        if not public_host(hostname):
            raise InvalidArgument("url must name a host on the internet, not one inside the university's network",
                                  field="url")
    return value


def public_host(hostname: str) -> bool:
    """Whether every address the name resolves to is a public one: a partner's URL must not
    reach the university's own services (the cluster, the database, a cloud's metadata)."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(hostname, 443, proto=socket.IPPROTO_TCP)}
    except (OSError, UnicodeError):
        return False
    return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_global for a in addresses)


def _events(values) -> str:
    chosen = sorted({(v or "").strip() for v in values})
    if not chosen or any(v not in EVENTS for v in chosen):
        raise InvalidArgument(f"events must be some of {', '.join(EVENTS)}", field="events")
    return ",".join(chosen)


def register(db: Database, caller: auth.Caller, *, name: str, url: str, events, production: bool) -> tuple[sa.Row, str]:
    """A new partner; returns it with its secret (shown this once)."""
    name = identifiers.text(name, "name", max_length=60, required=True)
    values = dict(name=name, url=_url(url, production), events=_events(events), secret=secrets.token_urlsafe(32),
                  active=True, created_by=audit.actor_of(caller), created_at=clock.utcnow())
    with db.unit_of_work() as uow:
        try:
            partner_id = uow.session.execute(sa.insert(webhook_partners).values(**values)).inserted_primary_key[0]
            uow.commit()
        except sa.exc.IntegrityError:  # the name is unique
            raise AlreadyExists("a partner of this name is registered", field="name") from None
    return partner(db, partner_id), values["secret"]


def partner(db: Database, partner_id: int) -> sa.Row:
    with db.sessions() as session:
        row = session.execute(sa.select(webhook_partners).where(webhook_partners.c.id == partner_id)).first()
    if row is None:
        raise NotFound("no such partner", field="partner_id")
    return row


def set_active(db: Database, partner_id: int, active: bool) -> sa.Row:
    partner(db, partner_id)
    with db.unit_of_work() as uow:
        uow.session.execute(sa.update(webhook_partners).where(webhook_partners.c.id == partner_id)
                            .values(active=active))
        uow.commit()
    return partner(db, partner_id)


def partners(db: Database) -> list[tuple[sa.Row, dict[str, int]]]:
    """Every partner, with its deliveries counted by status."""
    with db.sessions() as session:
        rows = session.execute(sa.select(webhook_partners).order_by(webhook_partners.c.name)).all()
        counts = session.execute(sa.select(webhook_deliveries.c.partner_id, webhook_deliveries.c.status,
                                           sa.func.count()).group_by(webhook_deliveries.c.partner_id,
                                                                     webhook_deliveries.c.status)).all()
    by_partner: dict[int, dict[str, int]] = {row.id: dict.fromkeys(STATUSES, 0) for row in rows}
    for partner_id, status, count in counts:
        by_partner.setdefault(partner_id, dict.fromkeys(STATUSES, 0))[status] = count
    return [(row, by_partner[row.id]) for row in rows]


def deliveries(db: Database, partner_id: int, status: str = "", limit: int = 50) -> list[sa.Row]:
    """A partner's delivery log, newest first."""
    if status and status not in STATUSES:
        raise InvalidArgument(f"status must be one of {', '.join(STATUSES)}", field="status")
    partner(db, partner_id)
    query = (sa.select(webhook_deliveries).where(webhook_deliveries.c.partner_id == partner_id)
             .order_by(webhook_deliveries.c.created_at.desc(), webhook_deliveries.c.id)
             .limit(min(max(limit or 50, 1), 200)))
    if status:
        query = query.where(webhook_deliveries.c.status == status)
    with db.sessions() as session:
        return session.execute(query).all()


def redeliver(db: Database, delivery_id: str) -> sa.Row:
    """Send a delivery again (a dead one once the partner is back; a delivered one on the
    partner's request): same id, so the partner still deduplicates."""
    with db.unit_of_work() as uow:
        found = uow.session.execute(sa.update(webhook_deliveries).where(webhook_deliveries.c.id == delivery_id)
                                    .values(status=PENDING, attempts=0, next_attempt_at=clock.utcnow()))
        if not found.rowcount:
            raise NotFound("no such delivery", field="delivery_id")
        uow.commit()
        return uow.session.execute(sa.select(webhook_deliveries).where(webhook_deliveries.c.id == delivery_id)).one()


# -- from events --------------------------------------------------------------------------------
def envelope(event: Event) -> str:
    return json.dumps({"event_id": event.event_id, "event_type": event.event_type, "occurred_at": event.occurred_at,
                       "source": event.source, "version": event.version or ENVELOPE_VERSION, "data": event.data},
                      ensure_ascii=False, separators=(",", ":"))


def forward(uow: UnitOfWork, event: Event) -> int:
    """Queue the event for every partner subscribed to it, in the handler's transaction (a
    paused partner's deliveries wait for it to be resumed)."""
    if event.event_type not in EVENTS:
        return 0
    session, now = uow.session, clock.utcnow()
    subscribed = [p.id for p in session.execute(sa.select(webhook_partners.c.id, webhook_partners.c.events))
                  if event.event_type in p.events.split(",")]
    body = envelope(event)
    for partner_id in subscribed:
        if session.scalar(sa.select(webhook_deliveries.c.id).where(webhook_deliveries.c.partner_id == partner_id,
                                                                  webhook_deliveries.c.event_id == event.event_id)):
            continue
        session.execute(sa.insert(webhook_deliveries).values(
            id=f"whd_{uuid.uuid4().hex}", partner_id=partner_id, event_id=event.event_id,
            event_type=event.event_type, body=body, status=PENDING, next_attempt_at=now, created_at=now))
    return len(subscribed)


# -- the loop -------------------------------------------------------------------------------------
def retry_delay(attempts: int) -> dt.timedelta:
    """10 s, 20 s, 40 s ... capped at an hour."""
    return loops.retry_delay(attempts, first=10)


def _claim(db: Database) -> list:
    return db.lease(sa.select(webhook_deliveries, webhook_partners.c.url, webhook_partners.c.secret)
                    .join(webhook_partners, webhook_partners.c.id == webhook_deliveries.c.partner_id)
                    .where(webhook_deliveries.c.status == PENDING,
                           webhook_deliveries.c.next_attempt_at <= clock.utcnow(), webhook_partners.c.active)
                    .order_by(webhook_deliveries.c.next_attempt_at).limit(BATCH), webhook_deliveries, LEASE)


def production(config) -> bool:
    return config.environment == "production"


def post(row, timeout: float) -> int:
    body = row.body.encode()
    timestamp = int(time.time())
    answer = http.post(row.url, data=body, timeout=timeout, allow_redirects=False, headers={
        "Content-Type": "application/json", "User-Agent": "CMS-Webhooks/1", "X-CMS-Delivery": row.id,
        "X-CMS-Event": row.event_type, "X-CMS-Timestamp": str(timestamp),
        "X-CMS-Signature": signature(row.secret, timestamp, body)})
    return answer.status_code


def _settle(db: Database, row, max_attempts: int, *, code: int | None, error: str | None) -> None:
    attempts = row.attempts + 1
    now = clock.utcnow()
    if error is None and code is not None and 200 <= code < 300:
        values = {"status": DELIVERED, "delivered_at": now, "last_error": None}
    else:
        values = {"status": DEAD if attempts >= max_attempts else PENDING,
                  "last_error": (error or f"HTTP {code}")[:200], "next_attempt_at": now + retry_delay(attempts)}
    with db.unit_of_work() as uow:
        uow.session.execute(sa.update(webhook_deliveries).where(webhook_deliveries.c.id == row.id)
                            .values(attempts=attempts, last_status_code=code, **values))
        uow.commit()


def send_pending(runtime) -> int:
    config = runtime.config
    delivered = 0
    rows = _claim(runtime.db)
    budget = time.monotonic() + PASS_SECONDS
    for index, row in enumerate(rows):
        if time.monotonic() > budget:  # slow partners: the rest wait for the next pass (its heartbeat)
            runtime.db.release(webhook_deliveries, [r.id for r in rows[index:]])
            break
        if production(config) and not public_host(urlsplit(row.url).hostname or ""):
            code, error = None, "NotAPublicHost"  # its name resolves inside the network now
        else:
            try:
                code, error = post(row, config.webhook_timeout_seconds), None
            except Exception as failure:  # noqa: BLE001 - one partner's failure must not hold up the others
                code, error = None, type(failure).__name__
        _settle(runtime.db, row, config.webhook_max_attempts, code=code, error=error)
        ok = error is None and code is not None and 200 <= code < 300
        delivered += ok
        log.info("webhook %s (%s) to partner %d: %s", row.id, row.event_type, row.partner_id,
                 "delivered" if ok else (error or f"HTTP {code}"))
    return delivered


def send(runtime) -> bool:
    """One pass of the relay process's webhook loop (campus.loops): whether a full batch went."""
    return send_pending(runtime) >= BATCH
