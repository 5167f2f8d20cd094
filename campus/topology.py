"""The broker's layout, declared identically by publishers, consumers and deploy steps.

- `<source>.events`: durable topic exchange per publishing service (nameko's layout).
- `evt-<source>-<event_type>--<service>.<method>`: a durable quorum queue per handler.
  After `delivery_limit` failed deliveries RabbitMQ dead-letters the message to
  `<service>.dlx`, which routes everything to the queue `<service>.dead-letters`.
"""
from __future__ import annotations

from dataclasses import dataclass

from campus.events import exchange_of


def dead_letter_exchange(service: str) -> str:
    return f"{service}.dlx"


def dead_letter_queue(service: str) -> str:
    return f"{service}.dead-letters"


def handler_queue(source: str, event_type: str, service: str, method: str) -> str:
    # Must equal nameko's SERVICE_POOL queue name, or nameko would declare another queue.
    return f"evt-{source}-{event_type}--{service}.{method}"


def queue_arguments(service: str, delivery_limit: int) -> dict:
    return {
        "x-queue-type": "quorum",
        "x-delivery-limit": delivery_limit,
        "x-dead-letter-exchange": dead_letter_exchange(service),
    }


@dataclass(frozen=True)
class Subscription:
    source: str
    event_type: str
    service: str
    method: str

    @property
    def queue(self) -> str:
        return handler_queue(self.source, self.event_type, self.service, self.method)


def declare_exchange(channel, source: str) -> None:
    channel.exchange_declare(exchange_of(source), exchange_type="topic", durable=True)


def declare_subscriptions(channel, service: str, subscriptions: list[Subscription], delivery_limit: int) -> None:
    """Declare a consumer's queues before it runs, so no event published meanwhile is lost."""
    channel.exchange_declare(dead_letter_exchange(service), exchange_type="topic", durable=True)
    channel.queue_declare(dead_letter_queue(service), durable=True)
    channel.queue_bind(dead_letter_queue(service), dead_letter_exchange(service), routing_key="#")
    for sub in subscriptions:
        declare_exchange(channel, sub.source)
        channel.queue_declare(sub.queue, durable=True, arguments=queue_arguments(service, delivery_limit))
        channel.queue_bind(sub.queue, exchange_of(sub.source), routing_key=sub.event_type)
