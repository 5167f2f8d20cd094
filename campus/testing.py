"""Real infrastructure for tests: fresh PostgreSQL databases and RabbitMQ vhosts.

PostgreSQL comes from TEST_POSTGRES_URL (default: the local server, user postgres) and
RabbitMQ from TEST_AMQP_URL (default: the local broker). Each test session makes its own
databases and, where rabbitmqctl is at hand, its own vhost, so runs never see each other
or a running `make up`.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from urllib.parse import quote

import psycopg
import sqlalchemy as sa

from campus import auth, migrations, service_keys
from campus.config import ROOT

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
AMQP_BASE = os.environ.get("TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")


def _admin_dsn() -> str:
    return sa.engine.make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(hide_password=False)


def create_database(name: str) -> str:
    """Create (or re-create) database `name`; returns its SQLAlchemy URL."""
    with psycopg.connect(_admin_dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return sa.engine.make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


def drop_database(name: str) -> None:
    with psycopg.connect(_admin_dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def empty_database(service: str, metadata):
    """A fresh PostgreSQL database of `service` with no tables yet (for migration tests), dropped after."""
    from campus.db import Database
    name = unique_name(f"cms_test_{service}_migrations")
    db = Database(service, create_database(name), metadata, pool_size=2)
    try:
        yield db
    finally:
        db.dispose()
        drop_database(name)


def unique_name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def _rabbitmqctl(*args: str) -> bool:
    tool = shutil.which("rabbitmqctl")
    if tool is None:
        return False
    result = subprocess.run([tool, *args], capture_output=True, text=True, timeout=60)
    return result.returncode == 0


def create_vhost(name: str) -> str:
    """A fresh vhost for this run; falls back to the default vhost when rabbitmqctl is unusable."""
    if _rabbitmqctl("add_vhost", name) and _rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*"):
        return AMQP_BASE + quote(name, safe="")
    return AMQP_BASE + "%2F"


def delete_vhost(amqp_url: str) -> None:
    name = amqp_url.rsplit("/", 1)[-1]
    if name and name != "%2F":
        _rabbitmqctl("delete_vhost", name)


# -- services under test ------------------------------------------------------------
class TestServiceKeys:
    """Throwaway service keys for this test session: one Ed25519 key per service and the
    gateway, made on first use in a temporary directory (marked development), so no run
    shares keys with another or with `make up`."""

    __test__ = False

    def __init__(self, *, development: bool = True):
        self._directory: str | None = None
        self._development = development

    @property
    def directory(self):
        import pathlib
        if self._directory is None:
            self._directory = tempfile.mkdtemp(prefix="cms-service-keys-")
            service_keys.new(pathlib.Path(self._directory), service_keys.owners(), development=self._development)
        return pathlib.Path(self._directory)

    def key_file(self, name: str):
        return self.directory / service_keys.key_file_name(name)

    @property
    def public_file(self):
        return self.directory / service_keys.PUBLIC_FILE

    def settings(self, name: str) -> dict:
        """Config keyword arguments giving `name`'s process these keys."""
        return {"service_key_file": self.key_file(name), "service_public_keys_file": self.public_file}

    def env(self, name: str) -> dict[str, str]:
        """Environment giving a process of `name` (a service, or the gateway) these keys."""
        return {f"{name.upper()}_SERVICE_KEY_FILE": str(self.key_file(name)),
                "SERVICE_PUBLIC_KEYS_FILE": str(self.public_file)}

    def tokens(self, name: str) -> auth.ServiceTokens:
        """`name`'s credential; a name without a key (a test server's) can verify, not call."""
        return auth.ServiceTokens.from_files(name, self.key_file(name), self.public_file)


SERVICE_KEYS = TestServiceKeys()
#: Keys not marked development, for tests of what production accepts.
PRODUCTION_KEYS = TestServiceKeys(development=False)


def service_tokens(name: str) -> auth.ServiceTokens:
    return SERVICE_KEYS.tokens(name)



class TestUsers:
    """Signs access tokens as the signing service would, with a throwaway key, for service tests."""

    __test__ = False  # not a pytest class

    def __init__(self):
        self.signer = auth.AccessTokenSigner(auth.AccessTokenSigner.generate_pem())
        self.verifier = auth.AccessTokenVerifier(self.signer.jwks_json)

    def caller(self, kind: str, subject: str, *, department: str = "", centre: str = "",
               via: str = "gateway") -> auth.Caller:
        token = self.signer.sign(subject=subject, kind=kind, ttl_seconds=300, department=department,
                                 centre=centre, session_id=uuid.uuid4().hex)
        return self.verifier.caller(token, via=via)

    def student(self, regno: str, via: str = "gateway") -> auth.Caller:
        return self.caller(auth.STUDENT, regno, via=via)

    def staff(self, username: str, department: str, via: str = "gateway", centre: str = "") -> auth.Caller:
        return self.caller(auth.STAFF, username, department=department, centre=centre, via=via)

    def bank(self, mnemonic: str, via: str = "gateway") -> auth.Caller:
        return self.caller(auth.BANK, mnemonic, via=via)


@contextlib.contextmanager
def service_runtime(definition, users: TestUsers, *, amqp_url: str | None = None,
                    peers: dict[str, str] | None = None, **overrides):
    """The service's runtime on a fresh, migrated PostgreSQL database of its own; `peers`
    says where the services it calls listen."""
    name = unique_name(f"cms_test_{definition.name}")
    url = create_database(name)
    settings = {"database_url": url, "environment": "test", **SERVICE_KEYS.settings(definition.name),
                **overrides}
    if amqp_url:
        settings["amqp_url"] = amqp_url
    config = definition.config(**settings)
    runtime = definition.runtime(config)
    runtime.access = users.verifier
    if peers:
        from campus.grpc_client import ServiceClients
        runtime.clients = ServiceClients(runtime.service_tokens, addresses=peers)
    migrations.upgrade(runtime.db)
    try:
        yield runtime
    finally:
        runtime.close()
        drop_database(name)


@contextlib.contextmanager
def grpc_server(definition, runtime):
    """The service's real gRPC server, in this process, on a free port."""
    from campus.access_log import AccessLog
    from campus.grpc_server import GrpcServer
    server = GrpcServer(bind="127.0.0.1:0", workers=8, service_tokens=runtime.service_tokens,
                        access=runtime.access, grace_seconds=0.5,
                        access_log=AccessLog(runtime.db, definition.student_record))
    server.add(definition, definition.servicer_class()(runtime))
    port = server.start()
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.stop()


def load_migration(service: str, name: str):
    """A service's migration module, imported from its file, for tests that read its data."""
    import importlib.util
    path = ROOT / "services" / service / "migrations" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{service}_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def serve_double(server, service: str, double) -> None:
    """Serve a test double of `service` on `server`, under the real servicer's caller policies."""
    from campus import registry
    definition = registry.definition(service)
    server.add(definition, double, policies_of=definition.servicer_class())


def clients_as(service: str, addresses: dict[str, str]):
    """ServiceClients speaking as `service` (the gateway, a service...) to the given addresses."""
    from campus.grpc_client import ServiceClients
    return ServiceClients(service_tokens(service), addresses=addresses)


# -- processes and the broker -------------------------------------------------------



class Process:
    """A process of ours under test: started with its own environment, log kept in a file."""

    def __init__(self, name: str, args: list[str], env: dict[str, str]):
        self.name = name
        self.log = tempfile.NamedTemporaryFile(prefix=f"{name}-", suffix=".log", delete=False)
        service = name.split("-", 1)[0]
        keys = SERVICE_KEYS.env(service) if service in service_keys.owners() else {}
        full_env = {**os.environ, "CAMPUS_ENV": "test", "PYTHONUNBUFFERED": "1", **keys, **env}
        self.popen = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=full_env,
                                      stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def output(self) -> str:
        with open(self.log.name, errors="replace") as f:
            return f.read()

    def alive(self) -> bool:
        return self.popen.poll() is None

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15) -> None:
        if self.alive():
            os.killpg(self.popen.pid, sig)
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(5)

    def kill(self) -> None:
        self.stop(signal.SIGKILL)


def wait_until(check, *, timeout: float = 20, interval: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def publish(amqp_url: str, envelope: dict) -> None:
    """Publish an event envelope as a relay would (persistent, confirmed)."""
    import pika

    from campus import topology
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        channel = connection.channel()
        channel.confirm_delivery()
        topology.declare_exchange(channel, envelope["source"])
        channel.basic_publish(f"{envelope['source']}.events", envelope["event_type"], json.dumps(envelope).encode(),
                              pika.BasicProperties(content_type="application/json", delivery_mode=2,
                                                   message_id=envelope["event_id"]))
    finally:
        connection.close()


def queue_depth(amqp_url: str, queue: str) -> int:
    import pika
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        return connection.channel().queue_declare(queue, passive=True).method.message_count
    finally:
        connection.close()


def consumer_ready(process: Process, amqp_url: str, queue: str, timeout: float = 30) -> None:
    """Wait until the consumer process is attached to its queue."""
    import pika

    def attached():
        if not process.alive():
            raise AssertionError(f"{process.name} died:\n{process.output()[-3000:]}")
        try:
            connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
        except Exception:  # noqa: BLE001
            return False
        try:
            return connection.channel().queue_declare(queue, passive=True).method.consumer_count > 0
        except Exception:  # noqa: BLE001 - not declared yet
            return False
        finally:
            if connection.is_open:
                connection.close()

    wait_until(attached, timeout=timeout, interval=0.3, what=f"{process.name} to consume {queue}")


@contextlib.contextmanager
def running_consumer(service: str, database_url: str, amqp_url: str, queue: str):
    """The service's event consumer in its own process, attached to `queue`; stopped after."""
    process = Process(f"{service}-consumer", ["-m", f"services.{service}", "consume"], {
        f"{service.upper()}_DATABASE_URL": database_url, "AMQP_URL": amqp_url})
    try:
        consumer_ready(process, amqp_url, queue)
        yield process
    finally:
        process.stop()


# -- a system outside the university, receiving HTTP POSTs ---------------------------------
class HttpReceiver:
    """An HTTP server on a free local port that keeps each POST (headers, body) and answers
    `answer`: a partner system's webhook endpoint, an SMS provider. Use `with HttpReceiver()`."""

    def __init__(self, path: str = "/in"):
        import http.server
        import threading

        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the standard library's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.received.append((dict(self.headers), body))
                self.send_response(receiver.answer)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.received: list[tuple[dict, bytes]] = []
        self.answer = 200
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def __enter__(self) -> HttpReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()
