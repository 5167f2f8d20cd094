"""The outbox relay against real PostgreSQL and RabbitMQ: what a transaction records is
published after commit, persistent and confirmed; nothing is lost while the broker is away."""
import json
import threading

import pika
import pytest
import sqlalchemy as sa

from campus import testing
from campus.relay import OutboxRelay
from cms.finance.v1.events_pb2 import ChallanPaid
from services.finance.bootstrap import SERVICE as FINANCE


@pytest.fixture(scope="module")
def amqp_url():
    url = testing.create_vhost(testing.unique_name("cms_relay"))
    yield url
    testing.delete_vhost(url)


@pytest.fixture(scope="module", params=["postgresql", "sqlite"])
def runtime(request, tmp_path_factory):
    """PostgreSQL as in production; SQLite as `make up` runs it (another publishing path)."""
    if request.param == "postgresql":
        with testing.service_runtime(FINANCE, testing.TestUsers()) as runtime:
            yield runtime
        return
    from campus import migrations
    config = FINANCE.config(database_url=f"sqlite:///{tmp_path_factory.mktemp('relay')}/finance.sqlite3",
                            environment="test")
    runtime = FINANCE.runtime(config)
    migrations.upgrade(runtime.db)
    yield runtime
    runtime.close()


@pytest.fixture
def listener(amqp_url):
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    channel = connection.channel()
    channel.exchange_declare("finance.events", exchange_type="topic", durable=True)
    queue = channel.queue_declare("", exclusive=True).method.queue
    channel.queue_bind(queue, "finance.events", routing_key="challan_paid")
    yield channel, queue
    connection.close()


def record(runtime, consumer_number: str, commit: bool = True) -> str:
    with runtime.db.unit_of_work() as uow:
        envelope = uow.record(ChallanPaid(consumer_number=consumer_number, amount_paisa=12000))
        if commit:
            uow.commit()
    return envelope["event_id"]


def unpublished(runtime) -> int:
    outbox = runtime.db.outbox
    with runtime.db.sessions() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(outbox).where(outbox.c.published_at.is_(None)))


def received(channel, queue):
    messages = []
    while True:
        method, properties, body = channel.basic_get(queue, auto_ack=True)
        if method is None:
            return messages
        messages.append((properties, json.loads(body)))


def test_committed_events_are_published_persistent_and_marked(runtime, amqp_url, listener):
    channel, queue = listener
    event_id = record(runtime, "100710000000000017")
    record(runtime, "100710000000000025", commit=False)  # rolled back: never published
    relay = OutboxRelay(runtime.db, amqp_url)
    try:
        assert relay.publish_pending() == 1
    finally:
        relay.close()
    messages = testing.wait_until(lambda: received(channel, queue), what="the published event")
    properties, envelope = messages[0]
    assert properties.delivery_mode == 2 and properties.message_id == event_id
    assert properties.content_type == "application/json"
    assert envelope["event_type"] == "challan_paid" and envelope["source"] == "finance"
    assert envelope["data"]["consumer_number"] == "100710000000000017"
    assert unpublished(runtime) == 0


def test_events_wait_in_the_outbox_while_the_broker_is_unreachable(runtime, amqp_url, listener):
    channel, queue = listener
    record(runtime, "100710000000000033")
    unreachable = amqp_url.replace(":5672/", ":1/")
    stop = threading.Event()
    away = OutboxRelay(runtime.db, unreachable, poll_seconds=0.05)
    worker = threading.Thread(target=away.run, args=(stop,))
    worker.start()
    try:
        testing.wait_until(lambda: _attempts(runtime) > 0, what="a failed attempt to be noted")
        assert unpublished(runtime) == 1
    finally:
        stop.set()
        worker.join(10)
    back = OutboxRelay(runtime.db, amqp_url)
    try:
        assert back.publish_pending() == 1
    finally:
        back.close()
    assert [e["data"]["consumer_number"] for _, e in
            testing.wait_until(lambda: received(channel, queue), what="the event")] == ["100710000000000033"]


def _attempts(runtime) -> int:
    outbox = runtime.db.outbox
    with runtime.db.sessions() as s:
        return s.scalar(sa.select(sa.func.max(outbox.c.attempts)).where(outbox.c.published_at.is_(None))) or 0
