"""The consumer as it runs: its own process, a real broker, a real DegreeApplicationFiled."""
import json
import os
import subprocess
import sys
import time

import pika
import pytest
import sqlalchemy as sa

from campus import testing
from campus.config import ROOT
from campus.events import envelope_for, exchange_of
from cms.requests.v1.events_pb2 import DegreeApplicationFiled
from services.tracking.models import applications

WAIT_SECONDS = 20


def tracking_env(runtime, amqp_url: str) -> dict:
    return {**os.environ, "TRACKING_DATABASE_URL": runtime.config.database_url, "AMQP_URL": amqp_url,
            "CAMPUS_ENV": "test", "LOG_LEVEL": "INFO"}


@pytest.fixture(scope="module")
def broker(runtime):
    url = testing.create_vhost(testing.unique_name("cms_test_tracking"))
    # Queues first, as deploy does: events published before the consumer is up wait for it.
    subprocess.run([sys.executable, "-m", "services.tracking", "declare-queues"], cwd=ROOT,
                   env=tracking_env(runtime, url), check=True, capture_output=True, timeout=60)
    yield url
    testing.delete_vhost(url)


@pytest.fixture(scope="module")
def consumer(runtime, broker, tmp_path_factory):
    log_path = tmp_path_factory.mktemp("tracking") / "consumer.log"
    env = tracking_env(runtime, broker)
    with open(log_path, "w") as log:
        process = subprocess.Popen([sys.executable, "-m", "services.tracking", "consume"], cwd=ROOT, env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
    yield process, log_path
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def publish(amqp_url: str, envelope: dict) -> None:
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    channel = connection.channel()
    channel.confirm_delivery()
    channel.basic_publish(
        exchange=exchange_of("requests"), routing_key=envelope["event_type"], body=json.dumps(envelope).encode(),
        properties=pika.BasicProperties(content_type="application/json", content_encoding="utf-8",
                                        delivery_mode=pika.DeliveryMode.Persistent, message_id=envelope["event_id"]),
        mandatory=True)
    connection.close()


def wait_for(condition, process, log_path, what: str):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the consumer exited:\n{log_path.read_text()}"
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    pytest.fail(f"no {what} within {WAIT_SECONDS}s; consumer log:\n{log_path.read_text()}")


def snapshot(runtime, request_number, event_id):
    with runtime.db.sessions() as s:
        apps = s.execute(sa.select(applications.c.tracking_id, applications.c.updated_at)
                         .where(applications.c.request_number == request_number)).all()
        claims = s.scalar(sa.select(sa.func.count()).select_from(runtime.db.processed_events)
                          .where(runtime.db.processed_events.c.event_id == event_id))
        events = s.scalar(sa.select(sa.func.count()).select_from(runtime.db.outbox)
                          .where(runtime.db.outbox.c.event_type == "degree_status_changed"))
    return apps, claims, events


def test_a_filed_degree_application_opens_once_however_often_it_arrives(runtime, broker, consumer):
    process, log_path = consumer
    envelope = envelope_for("requests", DegreeApplicationFiled(
        request_number="SR-2026-000777", registration_number="22P-123456", subtype="degree_ordinary",
        urgent=False, filed_at="2026-11-25T05:00:00Z"))
    publish(broker, envelope)
    wait_for(lambda: snapshot(runtime, "SR-2026-000777", envelope["event_id"])[0], process, log_path,
             "application")
    first = snapshot(runtime, "SR-2026-000777", envelope["event_id"])
    assert len(first[0]) == 1 and first[1] == 1

    publish(broker, envelope)  # a redelivery, as after a crash between commit and ack
    skipped = f"{envelope['event_id']} already handled"
    wait_for(lambda: skipped in log_path.read_text(), process, log_path, "skip of the repeated event")
    assert snapshot(runtime, "SR-2026-000777", envelope["event_id"]) == first
