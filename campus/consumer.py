"""Idempotent event consumers on nameko.

    class RequestsConsumer:
        name = "bursary"
        db = DatabaseDependency()

        @handles("fees", "challan_paid")
        def on_challan_paid(self, uow, event):
            ...change the bursary database through uow.session, uow.record(...) events...

`handles` claims `(event_id, "<service>.<method>")` in the same transaction as the
handler's effect, so a redelivered event changes nothing. A handler that raises is
retried a few times in place (transient database trouble), then the message goes back
to its quorum queue; after the queue's delivery limit RabbitMQ dead-letters it to
`<service>.dead-letters`. Nothing is acknowledged before its effect is committed.

Consumers run under eventlet: no gRPC from here (grpcio does not work under its
monkey-patching). A handler acts on its own database and outbox only.
"""
from __future__ import annotations

import functools
import logging
import time

import sqlalchemy as sa
from kombu import Queue
from nameko.events import EventHandler
from nameko.extensions import DependencyProvider
from nameko.messaging import QueueConsumer

from campus import failpoints, topology
from campus.db import Database
from campus.events import Event

log = logging.getLogger(__name__)

INLINE_ATTEMPTS = 3


def _dead_letter_undecodable(self, message, error) -> None:
    """A body that is not JSON never reaches a handler: kombu would only log it and leave it
    unacknowledged, holding a prefetch slot for good. Reject it to the dead-letter queue."""
    log.error("undecodable message (routing key %s) dead-lettered: %s",
              message.delivery_info.get("routing_key"), type(error).__name__)
    message.reject(requeue=False)


# nameko 2 offers no setting for this; kombu's ConsumerMixin calls this method by name.
QueueConsumer.on_decode_error = _dead_letter_undecodable


class QuorumEventHandler(EventHandler):
    """nameko's SERVICE_POOL event handler, on a quorum queue with a dead-letter exchange."""

    def setup(self):
        super().setup()
        limit = int(self.container.config.get("DELIVERY_LIMIT", 5))
        service = self.container.service_name
        self.queue = Queue(
            self.queue.name, exchange=self.queue.exchange, routing_key=self.queue.routing_key,
            durable=True, queue_arguments=topology.queue_arguments(service, limit))


class DatabaseDependency(DependencyProvider):
    """Gives handlers the service's Database, built from the container's config."""

    def setup(self):
        factory = self.container.config["DATABASE_FACTORY"]
        self.database: Database = factory()

    def stop(self):
        self.database.dispose()

    def get_dependency(self, worker_ctx):
        return self.database


def subscriptions_of(consumer_cls) -> list[topology.Subscription]:
    """The queues a consumer class listens on, for declaring them ahead of time."""
    subs = []
    for name in dir(consumer_cls):
        sub = getattr(getattr(consumer_cls, name), "__campus_subscription__", None)
        if sub is not None:
            subs.append(topology.Subscription(sub[0], sub[1], consumer_cls.name, name))
    return subs


def handles(source: str, event_type: str):
    """Decorate `method(self, uow, event)` as an idempotent handler of `<source>.<event_type>`."""

    def decorate(method):
        @functools.wraps(method)
        def entrypoint(self, body):
            event = Event.from_envelope(body)
            handler = f"{type(self).name}.{method.__name__}"
            for attempt in range(1, INLINE_ATTEMPTS + 1):
                try:
                    return _handle_once(self.db, handler, method, self, event)
                except sa.exc.OperationalError:
                    if attempt == INLINE_ATTEMPTS:
                        raise
                    log.warning("%s: database trouble on event %s, attempt %d", handler, event.event_id, attempt)
                    time.sleep(0.5 * 2 ** attempt)

        entrypoint.__campus_subscription__ = (source, event_type)
        return QuorumEventHandler.decorator(source, event_type, requeue_on_error=True)(entrypoint)

    return decorate


def _handle_once(db: Database, handler: str, method, instance, event: Event):
    with db.unit_of_work() as uow:
        if not uow.claim_event(event.event_id, handler):
            log.info("%s: event %s already handled, skipped", handler, event.event_id)
            return None
        result = method(instance, uow, event)
        uow.commit()
    log.info("%s: handled %s %s", handler, event.event_type, event.event_id)
    # A crash here (after commit, before the ack) must not cause a second effect.
    failpoints.hit("consumer.after_commit")
    return result
