"""The broker's layout, declared identically by publishers, consumers and deploy steps.

- `<source>.events`: durable topic exchange per publishing service (nameko's layout).
- `evt-<source>-<event_type>--<service>.<method>`: a durable quorum queue per handler.
  After `delivery_limit` failed deliveries RabbitMQ dead-letters the message to
  `<service>.dlx`, which routes everything to the queue `<service>.dead-letters`.
- `<service>.replay`: a direct exchange binding each of the consumer's queues by its own
  name, so `dead-letters --replay` sends an event back to one queue of its own without
  publishing to the source's exchange or the default exchange (deploy/broker_users.py).

Each service declares only what is its own (its exchange; its queues, dead letters and
replay exchange). A consumer only checks that the source's exchange exists (a passive
declare needs no permission); the broker's administrator declares every exchange
beforehand (deploy/broker_users.py), or the publisher does when it first runs.
"""
from __future__ import annotations

from dataclasses import dataclass

from campus.events import exchange_of


def dead_letter_exchange(service: str) -> str:
    return f"{service}.dlx"


def dead_letter_queue(service: str) -> str:
    return f"{service}.dead-letters"


def replay_exchange(service: str) -> str:
    return f"{service}.replay"


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


class MissingExchange(Exception):
    pass


def source_exchange(channel, source: str) -> None:
    """Make sure `source`'s exchange exists without needing configure permission on it: a
    passive declare first (on a channel of its own, since a refusal closes the channel), and
    only if it is missing a real one, which a per-service broker user may not do."""
    import pika.exceptions
    probe = channel.connection.channel()
    try:
        probe.exchange_declare(exchange_of(source), passive=True)
        probe.close()
        return
    except pika.exceptions.ChannelClosedByBroker as error:
        if error.reply_code != 404:
            raise
    try:
        declare_exchange(channel, source)
    except pika.exceptions.ChannelClosedByBroker as error:
        if error.reply_code == 403:
            raise MissingExchange(f"the exchange {exchange_of(source)} does not exist and this broker user may "
                                  "not declare it: declare every exchange first "
                                  "(python -m deploy.broker_users)") from None
        raise


def declare_subscriptions(channel, service: str, subscriptions: list[Subscription], delivery_limit: int) -> None:
    """Declare a consumer's queues before it runs, so no event published meanwhile is lost."""
    channel.exchange_declare(dead_letter_exchange(service), exchange_type="topic", durable=True)
    channel.exchange_declare(replay_exchange(service), exchange_type="direct", durable=True)
    for sub in subscriptions:
        source_exchange(channel, sub.source)
        channel.queue_declare(sub.queue, durable=True, arguments=queue_arguments(service, delivery_limit))
        channel.queue_bind(sub.queue, exchange_of(sub.source), routing_key=sub.event_type)
        channel.queue_bind(sub.queue, replay_exchange(service), routing_key=sub.queue)
    # Last: the dead-letter queue existing means every queue above is declared and bound.
    channel.queue_declare(dead_letter_queue(service), durable=True)
    channel.queue_bind(dead_letter_queue(service), dead_letter_exchange(service), routing_key="#")
