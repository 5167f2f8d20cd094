"""Looking at and replaying what a consumer gave up on.

    python -m services.<name> dead-letters            # list them
    python -m services.<name> dead-letters --replay   # send each back to the queue it died in

Replay is for after the cause is fixed (a bug, a missing row): the consumer is idempotent,
so an event that did get handled meanwhile changes nothing the second time."""
from __future__ import annotations

import json
from dataclasses import dataclass

import pika

from campus import topology


@dataclass(frozen=True)
class DeadLetter:
    event_id: str
    event_type: str
    source: str
    queue: str            # the queue it died in
    reason: str           # rejected, expired, delivery_limit...
    deliveries: int


def _describe(properties: pika.BasicProperties, body: bytes) -> DeadLetter:
    deaths = (properties.headers or {}).get("x-death") or [{}]
    death = deaths[0]
    try:
        envelope = json.loads(body)
    except ValueError:
        envelope = {}
    envelope = envelope if isinstance(envelope, dict) else {}
    return DeadLetter(str(envelope.get("event_id", properties.message_id or "?")),
                      str(envelope.get("event_type", properties.type or "?")),
                      str(envelope.get("source", "?")), str(death.get("queue", "?")),
                      str(death.get("reason", "?")), int(death.get("count", 0) or 0))


def inspect(amqp_url: str, service: str, *, replay: bool = False, limit: int = 1000) -> list[DeadLetter]:
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        channel = connection.channel()
        channel.confirm_delivery()
        seen, held = [], []
        for _ in range(limit):
            method, properties, body = channel.basic_get(topology.dead_letter_queue(service), auto_ack=False)
            if method is None:
                break
            letter = _describe(properties, body)
            seen.append(letter)
            if replay and letter.queue != "?":
                # Straight back to the queue it died in, not to every subscriber of the event:
                # through the service's own replay exchange (its queues only, by name).
                channel.basic_publish(topology.replay_exchange(service), letter.queue, body, pika.BasicProperties(
                    content_type=properties.content_type, delivery_mode=pika.DeliveryMode.Persistent,
                    message_id=properties.message_id, type=properties.type))
                channel.basic_ack(method.delivery_tag)
            else:
                held.append(method.delivery_tag)
        for tag in held:  # listed only: they stay where they are
            channel.basic_nack(tag, requeue=True)
        return seen
    finally:
        connection.close()
