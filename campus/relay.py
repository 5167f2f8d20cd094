"""The outbox relay: publishes what a service's transactions wrote to its outbox.

It takes the oldest unpublished rows, publishes each with pika as a persistent message
and waits for the broker's confirm, then marks them published. When the broker is away
it keeps the rows and retries with capped exponential back-off: an outage delays events,
it never loses them. A crash between publish and mark sends an event twice, which is
why every consumer is idempotent.

One precondition: RabbitMQ drops a message that no queue is bound to, so every consumer's
queues are declared (`declare-queues`) before any relay starts; the launcher, compose and
the Kubernetes manifests all do so.
"""
from __future__ import annotations

import json
import logging
import threading
import time

import pika
import sqlalchemy as sa
from pika.exceptions import AMQPError

from campus import clock, topology
from campus.db import Database
from campus.events import exchange_of
from campus.loops import run_loop

log = logging.getLogger(__name__)


class OutboxRelay:
    def __init__(self, db: Database, amqp_url: str, *, batch_size: int = 100, poll_seconds: float = 0.2):
        self.db = db
        self.amqp_url = amqp_url
        self.batch_size = batch_size
        self.poll_seconds = poll_seconds
        self._connection: pika.BlockingConnection | None = None
        self._channel = None

    # -- broker ---------------------------------------------------------------
    def _channel_or_connect(self):
        if self._channel is None or self._channel.is_closed:
            self.close()
            params = pika.URLParameters(self.amqp_url)
            params.connection_attempts = 1
            params.blocked_connection_timeout = 30
            self._connection = pika.BlockingConnection(params)
            self._channel = self._connection.channel()
            self._channel.confirm_delivery()
            topology.declare_exchange(self._channel, self.db.name)
            log.info("relay connected to the broker for %s", exchange_of(self.db.name))
        return self._channel

    def close(self) -> None:
        try:
            if self._connection is not None and self._connection.is_open:
                self._connection.close()
        except AMQPError:
            pass
        self._connection = self._channel = None

    # -- work -----------------------------------------------------------------
    def publish_pending(self) -> int:
        """Publish one batch; returns how many events the broker confirmed."""
        if self.db.is_postgres:
            return self._publish_locked()
        return self._publish_then_mark()

    def _unpublished(self):
        outbox = self.db.outbox
        return (sa.select(outbox.c.id, outbox.c.event_type, outbox.c.envelope)
                .where(outbox.c.published_at.is_(None)).order_by(outbox.c.id).limit(self.batch_size))

    def _publish_locked(self) -> int:
        # Several relay replicas may run: each locks the rows it publishes and skips the
        # rows another is publishing. PostgreSQL locks rows, so nothing else waits on it.
        with self.db.unit_of_work() as uow:
            rows = uow.session.execute(self._unpublished().with_for_update(skip_locked=True)).all()
            published: list[int] = []
            try:
                self._publish_rows(rows, published)
            finally:
                self._mark(uow.session, published)
                uow.commit()
        return len(published)

    def _publish_then_mark(self) -> int:
        # SQLite locks the whole file to write: read, publish outside any transaction, then
        # mark in a short one. One relay per service there; a crash between the two only
        # publishes again, which consumers absorb.
        with self.db.sessions() as session:
            rows = session.execute(self._unpublished()).all()
        published: list[int] = []
        try:
            self._publish_rows(rows, published)
        finally:
            if published:
                with self.db.unit_of_work() as uow:
                    self._mark(uow.session, published)
                    uow.commit()
        return len(published)

    def _publish_rows(self, rows, published: list[int]) -> None:
        """Publish in order, noting each confirmed one in `published` (kept if one fails)."""
        if not rows:
            return
        channel = self._channel_or_connect()
        for row in rows:
            self._publish(channel, row.event_type, row.envelope)
            published.append(row.id)

    def _mark(self, session, ids: list[int]) -> None:
        if ids:
            outbox = self.db.outbox
            session.execute(sa.update(outbox).where(outbox.c.id.in_(ids))
                            .values(published_at=clock.utcnow(), attempts=outbox.c.attempts + 1))

    def _publish(self, channel, event_type: str, envelope_json: str) -> None:
        envelope = json.loads(envelope_json)
        channel.basic_publish(
            exchange=exchange_of(self.db.name),
            routing_key=event_type,
            body=envelope_json.encode(),
            properties=pika.BasicProperties(
                content_type="application/json", content_encoding="utf-8",
                delivery_mode=pika.DeliveryMode.Persistent, message_id=envelope["event_id"],
                type=event_type, app_id=self.db.name, timestamp=int(time.time())),
        )

    def _note_failure(self, error: Exception) -> None:
        """Note the failure on the oldest waiting event, for whoever looks at the outbox."""
        outbox = self.db.outbox
        try:
            with self.db.unit_of_work() as uow:
                first = uow.session.scalar(sa.select(sa.func.min(outbox.c.id)).where(outbox.c.published_at.is_(None)))
                if first is not None:
                    uow.session.execute(sa.update(outbox).where(outbox.c.id == first).values(
                        attempts=outbox.c.attempts + 1, last_error=f"{type(error).__name__}: {error}"[:500]))
                    uow.commit()
        except sa.exc.SQLAlchemyError:
            log.warning("could not note the failure in the outbox either")

    def run(self, stop: threading.Event, beat=None) -> None:
        """Publish until `stop` is set, backing off while the broker or database is away."""
        run_loop(f"{self.db.name} outbox relay", lambda: self.publish_pending() >= self.batch_size, stop,
                 every=self.poll_seconds, on_error=self._failed, beat=beat)
        self.close()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, (AMQPError, OSError)):
            self.close()  # a fresh connection next pass
            self._note_failure(error)
