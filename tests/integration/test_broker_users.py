"""One RabbitMQ user per service, against the real local broker (made with rabbitmqctl, as
`make up` makes them): each publishes to its own exchange only and reads its own queues
only, so requests cannot forge finance's `challan_paid`."""
import json

import pika
import pytest
from pika.exceptions import ChannelClosedByBroker

from campus import testing, topology
from campus.consumer import subscriptions_of
from deploy import broker_users
from services.requests.consumers import RequestsConsumer
from services.tracking.consumers import TrackingConsumer

pytestmark = pytest.mark.skipif(not broker_users.rabbitmqctl_usable(), reason="needs a local rabbitmqctl")

CHALLAN_QUEUE = "evt-finance-challan_paid--requests.on_challan_paid"


@pytest.fixture(scope="module")
def broker():
    vhost = testing.unique_name("cms_users")
    admin = testing.create_vhost(vhost)
    prefix = f"{vhost}-"
    urls = broker_users.apply_locally(admin, prefix)
    # The consumers declare their queues with their own users, as `declare-queues` does.
    for service, consumer in (("requests", RequestsConsumer), ("tracking", TrackingConsumer)):
        with connected(urls[service]) as channel:
            topology.declare_subscriptions(channel, service, subscriptions_of(consumer), 5)
    yield admin, urls
    broker_users.remove_locally(prefix)
    testing.delete_vhost(admin)


class connected:
    def __init__(self, url):
        self.connection = pika.BlockingConnection(pika.URLParameters(url))

    def __enter__(self):
        channel = self.connection.channel()
        channel.confirm_delivery()
        return channel

    def __exit__(self, *_):
        if self.connection.is_open:
            self.connection.close()


def publish(url, exchange, routing_key, body=b"{}"):
    with connected(url) as channel:
        channel.basic_publish(exchange, routing_key, body, pika.BasicProperties(delivery_mode=2))


def refused(action) -> int:
    with pytest.raises(ChannelClosedByBroker) as error:
        action()
    return error.value.reply_code


def depth(admin, queue):
    return testing.queue_depth(admin, queue)


def test_the_gateway_has_no_broker_user():
    assert "gateway" not in {user.service for user in broker_users.users()}


def test_a_service_publishes_to_its_own_exchange_and_its_consumers_get_it(broker):
    admin, urls = broker
    before = depth(admin, CHALLAN_QUEUE)
    publish(urls["finance"], "finance.events", "challan_paid", json.dumps({"event_id": "e1"}).encode())
    testing.wait_until(lambda: depth(admin, CHALLAN_QUEUE) == before + 1, what="the event in requests' queue")
    with connected(urls["requests"]) as channel:  # requests reads its own queue
        method, _, body = channel.basic_get(CHALLAN_QUEUE, auto_ack=True)
        assert json.loads(body)["event_id"] == "e1"


def test_another_service_cannot_publish_a_forged_challan_paid(broker):
    admin, urls = broker
    before = depth(admin, CHALLAN_QUEUE)
    assert refused(lambda: publish(urls["requests"], "finance.events", "challan_paid")) == 403  # ACCESS_REFUSED
    assert refused(lambda: publish(urls["tracking"], "finance.events", "challan_paid")) == 403
    # Nor straight into the queue through the default exchange.
    assert refused(lambda: publish(urls["requests"], "", CHALLAN_QUEUE)) == 403
    assert refused(lambda: publish(urls["finance"], "", CHALLAN_QUEUE)) == 403
    assert depth(admin, CHALLAN_QUEUE) == before


def test_a_service_cannot_read_or_touch_another_services_queues(broker):
    _, urls = broker

    def consume_as(service, queue):
        with connected(urls[service]) as channel:
            channel.basic_get(queue, auto_ack=True)

    assert refused(lambda: consume_as("tracking", CHALLAN_QUEUE)) == 403
    assert refused(lambda: consume_as("finance", CHALLAN_QUEUE)) == 403
    assert refused(lambda: consume_as("tracking", "requests.dead-letters")) == 403

    def delete_as(service, queue):
        with connected(urls[service]) as channel:
            channel.queue_delete(queue)

    assert refused(lambda: delete_as("tracking", CHALLAN_QUEUE)) == 403
    assert refused(lambda: delete_as("finance", CHALLAN_QUEUE)) == 403


def test_a_consumer_cannot_redeclare_or_tap_a_source_exchange(broker):
    _, urls = broker

    def delete_exchange_as(service, exchange):
        with connected(urls[service]) as channel:
            channel.exchange_delete(exchange)

    assert refused(lambda: delete_exchange_as("requests", "finance.events")) == 403

    def tap_as(service):  # a queue of its own, bound to every event of finance
        with connected(urls[service]) as channel:
            channel.queue_bind(CHALLAN_QUEUE, "finance.events", routing_key="#")

    assert refused(lambda: tap_as("requests")) == 403  # topic permission: challan_paid only
    assert refused(lambda: tap_as("tracking")) == 403


def test_replay_goes_through_the_consumers_own_replay_exchange(broker):
    admin, urls = broker
    before = depth(admin, CHALLAN_QUEUE)
    publish(urls["requests"], topology.replay_exchange("requests"), CHALLAN_QUEUE)
    testing.wait_until(lambda: depth(admin, CHALLAN_QUEUE) == before + 1, what="the replayed event")
    # And tracking cannot use requests' replay exchange to reach requests' queue.
    assert refused(lambda: publish(urls["tracking"], topology.replay_exchange("requests"), CHALLAN_QUEUE)) == 403
