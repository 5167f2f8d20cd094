"""One RabbitMQ user per service, with only the permissions its declarations need.

    python -m deploy.broker_users          # rabbitmqctl commands (passwords from $RABBITMQ_<NAME>_PASSWORD)
    python -m deploy.broker_users --definitions --env-file deploy/.env > deploy/secrets/rabbitmq-definitions.json
    python -m deploy.broker_users --table               # who may do what, readable

Derived from the broker's layout (campus.topology) and each service's consumer
subscriptions (campus.registry), so a new handler or service changes the grants by itself.
RabbitMQ checks, per resource name (regexes below):

- publish to an exchange: write on it. A service writes to its own `<service>.events`
  only (and its own replay exchange), so requests cannot publish a forged `challan_paid`.
- exchange.declare: configure on it. Each publisher declares only its own exchange;
  consumers check the source's exchange passively (campus.topology), which needs nothing.
- queue.declare: configure on the queue; queue.bind: write on the queue and read on the
  exchange; consuming (and basic.get): read on the queue; a queue with a dead-letter
  exchange needs write on that exchange too. A consumer configures, binds and
  reads its own handler queues, its dead-letter exchange and queue, nothing of anyone else's.
- topic permissions narrow the routing keys: a consumer binds to a source's exchange only
  for the events it handles.

The gateway has no broker user at all. Nothing here can publish through the default
exchange (`amq.default`), which would reach any queue by name.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from campus import registry, topology
from campus.events import exchange_of

NOTHING = "^$"


def _any_of(names) -> str:
    """Exactly these names (ours are letters, digits, `_`, `-` and `.`; only the dot needs escaping)."""
    names = sorted(set(names))
    for name in names:
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
            raise ValueError(f"unexpected broker resource name {name!r}")
    return f"^({'|'.join(n.replace('.', chr(92) + '.') for n in names)})$" if names else NOTHING


@dataclass(frozen=True)
class BrokerUser:
    service: str
    subscriptions: tuple[topology.Subscription, ...] = ()
    #: exchange -> (write, read) routing-key regexes
    topics: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def own_exchanges(self) -> list[str]:
        mine = [exchange_of(self.service)]
        if self.subscriptions:
            mine.append(topology.replay_exchange(self.service))
        return mine

    @property
    def own_queues(self) -> list[str]:
        if not self.subscriptions:
            return []
        return [*(s.queue for s in self.subscriptions), topology.dead_letter_queue(self.service)]

    @property
    def configure(self) -> str:
        extra = [topology.dead_letter_exchange(self.service)] if self.subscriptions else []
        return _any_of([*self.own_exchanges, *extra, *self.own_queues])

    @property
    def write(self) -> str:
        # The exchanges it publishes to, its queues (queue.bind needs write on the queue) and
        # its dead-letter exchange (declaring a queue that dead-letters there needs write on it).
        extra = [topology.dead_letter_exchange(self.service)] if self.subscriptions else []
        return _any_of([*self.own_exchanges, *extra, *self.own_queues])

    @property
    def read(self) -> str:
        # Its queues (to consume), and the exchanges they are bound to (queue.bind needs read).
        sources = {exchange_of(s.source) for s in self.subscriptions}
        extra = [topology.dead_letter_exchange(self.service), topology.replay_exchange(self.service)] \
            if self.subscriptions else []
        return _any_of([*self.own_queues, *sources, *extra])


def users() -> list[BrokerUser]:
    """Every service's broker user, from the declarations."""
    import warnings
    # Known and accepted (ARCHITECTURE.md): nameko 2 runs on eventlet, in maintenance mode.
    warnings.filterwarnings("ignore", message=r"(?s).*Eventlet is deprecated")
    from campus.consumer import subscriptions_of
    found = []
    for definition in registry.definitions():
        subs = tuple(subscriptions_of(definition.consumer_class())) if definition.consumer else ()
        consumer = definition.consumer_class().name if definition.consumer else definition.name
        if consumer != definition.name:
            raise SystemExit(f"{definition.name}: its consumer is named {consumer!r}; queues and grants "
                             "follow the service's name")
        topics = {exchange_of(definition.name): (".*", NOTHING)}
        by_source: dict[str, set[str]] = {}
        for sub in subs:
            by_source.setdefault(exchange_of(sub.source), set()).add(sub.event_type)
        for exchange, events in by_source.items():
            topics[exchange] = (NOTHING, _any_of(events))
        found.append(BrokerUser(definition.name, subs, topics))
    return found


def exchanges() -> list[str]:
    """Every service's events exchange: declared by the broker's administrator beforehand, so
    a consumer's queues can be bound before the publisher first runs."""
    return [exchange_of(name) for name in registry.names()]


def user_name(service: str, prefix: str = "") -> str:
    return f"{prefix}{service}"


def password_variable(service: str) -> str:
    return f"RABBITMQ_{service.upper()}_PASSWORD"


# -- output -------------------------------------------------------------------------------
def rabbitmqctl_commands(vhost: str = "/", prefix: str = "") -> list[list[str]]:
    """The commands that create every user with its permissions (passwords as $VARIABLES)."""
    out = []
    for user in users():
        name = user_name(user.service, prefix)
        out.append(["rabbitmqctl", "add_user", name, f"${password_variable(user.service)}"])
        out.append(["rabbitmqctl", "set_permissions", "-p", vhost, name, user.configure, user.write, user.read])
        for exchange, (write, read) in sorted(user.topics.items()):
            out.append(["rabbitmqctl", "set_topic_permissions", "-p", vhost, name, exchange, write, read])
    return out


def password_hash(password: str) -> str:
    """RabbitMQ's rabbit_password_hashing_sha256: base64(salt + sha256(salt + password))."""
    salt = secrets.token_bytes(4)
    return base64.b64encode(salt + hashlib.sha256(salt + password.encode()).digest()).decode()


def definitions(passwords: dict[str, str], *, vhost: str = "/", prefix: str = "",
                admin: tuple[str, str] | None = None) -> dict:
    """A RabbitMQ definitions document: the users, their permissions, the exchanges."""
    missing = [password_variable(u.service) for u in users() if not passwords.get(u.service)]
    if missing:
        raise SystemExit(f"set {', '.join(missing)} (deploy/.env)")
    doc_users = [{"name": user_name(u.service, prefix), "password_hash": password_hash(passwords[u.service]),
                  "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": []} for u in users()]
    permissions = [{"user": user_name(u.service, prefix), "vhost": vhost, "configure": u.configure,
                    "write": u.write, "read": u.read} for u in users()]
    topics = [{"user": user_name(u.service, prefix), "vhost": vhost, "exchange": exchange, "write": w, "read": r}
              for u in users() for exchange, (w, r) in sorted(u.topics.items())]
    if admin:
        doc_users.append({"name": admin[0], "password_hash": password_hash(admin[1]),
                          "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": ["administrator"]})
        permissions.append({"user": admin[0], "vhost": vhost, "configure": ".*", "write": ".*", "read": ".*"})
    return {
        "users": doc_users, "vhosts": [{"name": vhost}], "permissions": permissions, "topic_permissions": topics,
        "exchanges": [{"name": name, "vhost": vhost, "type": "topic", "durable": True, "auto_delete": False,
                       "internal": False, "arguments": {}} for name in exchanges()],
    }


# -- on a local broker (make up, the test stacks) -----------------------------------------
def rabbitmqctl_usable() -> bool:
    tool = shutil.which("rabbitmqctl")
    if tool is None:
        return False
    try:
        return subprocess.run([tool, "-q", "list_vhosts"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _ctl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([shutil.which("rabbitmqctl"), *args], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)


def apply_locally(admin_url: str, prefix: str) -> dict[str, str]:
    """Create (or reset) every service's user on the local broker, each with a fresh password,
    its permissions and every exchange, in one `rabbitmqctl import_definitions`; returns each
    service's own AMQP URL. `admin_url` names the vhost (its user needs no rights here)."""
    import tempfile
    parts = urlsplit(admin_url)
    vhost_part = parts.path[1:] or "%2F"
    vhost = unquote(vhost_part)
    passwords = {user.service: secrets.token_hex(16) for user in users()}
    document = definitions(passwords, vhost=vhost, prefix=prefix)
    del document["vhosts"]  # it exists: the caller made it (or it is the default one)
    # The broker node reads the file (so it must be world-readable): it holds salted hashes
    # of random passwords only, and lives for the length of the command.
    with tempfile.NamedTemporaryFile("w", suffix=".json", prefix="broker-users-") as handle:
        os.chmod(handle.name, 0o644)
        json.dump(document, handle)
        handle.flush()
        result = _ctl("import_definitions", handle.name)
    if result.returncode != 0:
        raise RuntimeError(f"rabbitmqctl import_definitions failed: {(result.stderr or result.stdout).strip()}")
    host = parts.hostname or "127.0.0.1"
    port = f":{parts.port}" if parts.port else ""
    urls = {service: urlunsplit((parts.scheme, f"{quote(user_name(service, prefix), safe='')}:{password}@{host}{port}",
                                 f"/{vhost_part}", parts.query, ""))
            for service, password in passwords.items()}
    _wait_for_import(admin_url, urls)
    return urls


def _wait_for_import(admin_url: str, urls: dict[str, str], timeout: float = 60) -> None:
    """The import runs in the background: wait until every user may open the vhost (users
    and permissions are imported first) and every exchange exists (imported last)."""
    import pika
    deadline = time.monotonic() + timeout
    pending = dict(urls)
    while True:
        for service, url in list(pending.items()):
            try:
                pika.BlockingConnection(pika.URLParameters(url)).close()
                del pending[service]
            except pika.exceptions.AMQPError:
                pass
        if not pending and _exchanges_exist(admin_url):
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"the broker users of {', '.join(sorted(pending)) or 'every service'} "
                               f"were not ready within {timeout:.0f}s")
        time.sleep(0.2)


def _exchanges_exist(admin_url: str) -> bool:
    import pika
    connection = pika.BlockingConnection(pika.URLParameters(admin_url))
    try:
        for name in exchanges():
            connection.channel().exchange_declare(name, passive=True)
        return True
    except pika.exceptions.ChannelClosedByBroker:
        return False
    finally:
        if connection.is_open:
            connection.close()


def remove_locally(prefix: str, *, wait: bool = True) -> None:
    """Delete the users apply_locally made (in the background unless `wait`)."""
    tool = shutil.which("rabbitmqctl")
    commands = [[tool, "-q", "delete_user", user_name(u.service, prefix)] for u in users()]
    script = "; ".join(" ".join(_shell_quote(part) for part in command) for command in commands)
    process = subprocess.Popen(["sh", "-c", script], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    if wait:
        process.wait(timeout=300)


def _read_env_file(path: str) -> dict[str, str]:
    values = {}
    with open(path) as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                key, _, value = line.partition("=")
                values[key.strip()] = value.strip()
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.broker_users", description=__doc__.split("\n\n")[0])
    parser.add_argument("--vhost", default="/")
    parser.add_argument("--prefix", default="", help="prepended to each user's name (the service's)")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--definitions", action="store_true", help="a RabbitMQ definitions JSON document")
    what.add_argument("--table", action="store_true", help="each user's permissions, readable")
    parser.add_argument("--env-file", help="read RABBITMQ_<NAME>_PASSWORD (and RABBITMQ_PASSWORD, the "
                                           "administrator campus) from this file as well as the environment")
    args = parser.parse_args(argv)
    if args.table:
        for user in users():
            print(f"{user_name(user.service, args.prefix)}\n  configure {user.configure}\n  write     {user.write}\n"
                  f"  read      {user.read}")
            for exchange, (w, r) in sorted(user.topics.items()):
                print(f"  topic     {exchange}: write {w} read {r}")
        return 0
    if args.definitions:
        env = {**(_read_env_file(args.env_file) if args.env_file else {}), **os.environ}
        passwords = {u.service: env.get(password_variable(u.service), "") for u in users()}
        admin = ("campus", env["RABBITMQ_PASSWORD"]) if env.get("RABBITMQ_PASSWORD") else None
        print(json.dumps(definitions(passwords, vhost=args.vhost, prefix=args.prefix, admin=admin), indent=2))
        return 0
    print("# One RabbitMQ user per service (deploy/broker_users.py); the gateway has none.")
    for command in rabbitmqctl_commands(args.vhost, args.prefix):
        print(" ".join(f'"{c}"' if c.startswith("$") else _shell_quote(c) for c in command))
    print("# and each exchange, so consumers can bind before the publisher first runs:")
    for name in exchanges():
        print(f"rabbitmqadmin declare exchange --vhost={_shell_quote(args.vhost)} name={name} type=topic durable=true")
    return 0


def _shell_quote(text: str) -> str:
    import shlex
    return shlex.quote(text)


if __name__ == "__main__":
    sys.exit(main())
