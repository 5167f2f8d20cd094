"""The whole system for a test session: every process, real PostgreSQL and RabbitMQ.

Fresh databases, a vhost and free ports per session, so suites never see each other or
a developer's running `make up`."""
from __future__ import annotations

import contextlib
import email
import random
import re
import socket
import tempfile
from pathlib import Path

import httpx

from campus import registry, testing
from deploy.launcher import Stack
from tests import otp


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


@contextlib.contextmanager
def running_stack(name: str, *, seed: bool = True, extra_env: dict[str, str] | None = None):
    work = Path(tempfile.mkdtemp(prefix=f"cms-{name}-"))
    services = registry.names()
    databases = {service: testing.unique_name(f"cms_{name}_{service}") for service in services}
    amqp_url = testing.create_vhost(testing.unique_name(f"cms_{name}"))
    ports = free_ports(len(services) + 1)
    env = {"CAMPUS_ENV": "test", "CAMPUS_VAR_DIR": str(work / "var"), "AMQP_URL": amqp_url,
           "LOG_LEVEL": "INFO", "GATEWAY_PORT": str(ports[-1]), "GATEWAY_WORKERS": "2", "GATEWAY_THREADS": "16",
           "GATEWAY_AUTH_RATE_LIMIT": "100000/minute", "GATEWAY_DEFAULT_RATE_LIMIT": "1000000/minute",
           "GATEWAY_SIGN_IN_FAILURES_PER_ADDRESS": "1000000/hour", "IDENTITY_ADDRESS_FAILED_ACCOUNTS": "100000",
           "GATEWAY_SIGN_IN_FAILURES_PER_PASSWORD": "1000000/hour",
           "GATEWAY_PUBLIC_DOCUMENT_RATE_LIMIT": "1000000/minute",
           "REDIS_URL": "", "GATEWAY_TRUSTED_PROXIES": "1", **(extra_env or {})}
    for service, port in zip(services, ports[:-1], strict=True):
        env[f"{service.upper()}_DATABASE_URL"] = testing.create_database(databases[service])
        env[f"{service.upper()}_GRPC_PORT"] = str(port)
    stack = Stack(env=env, log_dir=work / "logs", restart=False)
    try:
        stack.prepare(seed=seed)
        stack.start()
        stack.wait_ready(timeout=120)
        yield stack
    except BaseException:
        _dump_logs(work / "logs")
        raise
    finally:
        stack.stop()
        stack.remove_broker_users()
        testing.delete_vhost(amqp_url)
        for database in databases.values():
            testing.drop_database(database)


def _dump_logs(log_dir: Path) -> None:
    for log in sorted(log_dir.glob("*.log")):
        print(f"----- {log.name} (last lines) -----\n" + "\n".join(log.read_text(errors="replace").splitlines()[-40:]))


def client(stack: Stack) -> httpx.Client:
    return httpx.Client(base_url=stack.gateway_url(), timeout=15)


def login(http: httpx.Client, username: str, password: str = "Demo@2026") -> dict:
    """Signs in; demo staff who must use MFA send their next one-time code (tests.otp)."""
    body = {"username": username, "password": password}
    if otp.needs_code(username):
        body["otp"] = otp.code_for(username)
    response = http.post("/api/v1/auth/login", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def bearer(tokens: dict) -> dict:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


# -- new students, through admissions and identity's real mail -----------------------
NEW_PASSWORD = "Lahore2026xyz"


def new_regno() -> str:
    return f"25S-{random.randint(0, 999999):06d}"


def mails_to(stack: Stack, recipient: str, sender: str = "no-reply@cms.edu.pk") -> list[str]:
    """The mails to `recipient` from `sender` (identity's, unless named: notifications write
    to the same students from notifications@)."""
    folder = Path(stack.env["CAMPUS_VAR_DIR"]) / "mail"
    bodies = []
    for path in sorted(folder.glob("*.eml")) if folder.exists() else []:
        message = email.message_from_bytes(path.read_bytes())
        if message["To"] == recipient and sender in (message["From"] or ""):
            bodies.append(message.get_payload(decode=True).decode())
    return bodies


def wait_for_mail(stack: Stack, recipient: str, count: int = 1, sender: str = "no-reply@cms.edu.pk") -> str:
    def arrived():
        found = mails_to(stack, recipient, sender)
        return len(found) >= count and found[-1]
    return testing.wait_until(arrived, timeout=20, what=f"mail number {count} to {recipient}")


#: The admission record's CNIC that admissions gives with a legacy account (create_student).
LEGACY_CNIC = "61101-2345678-9"


def create_student(http: httpx.Client, admissions: dict, policy: str = "activation",
                   name: str = "Zainab Bibi", **facts: str) -> tuple[str, str]:
    """A new student account opened by admissions: (registration number, email). A legacy
    one comes with the CNIC LEGACY_CNIC unless `facts` (cnic, date_of_birth) say otherwise."""
    regno = new_regno()
    mail = f"{regno.lower()}@example.pk"
    if policy == "legacy" and not facts:
        facts = {"cnic": LEGACY_CNIC}
    response = http.post("/api/v1/staff/students", headers=admissions, json={
        "registration_number": regno, "full_name": name, "email": mail, "initial_password_policy": policy,
        **facts})
    assert response.status_code == 201, response.text
    return regno, mail


def activation_code(stack: Stack, mail: str) -> str:
    """The one-time code identity mailed to a new student."""
    return re.search(r"^\s{4}(\S+)\s*$", wait_for_mail(stack, mail), re.M).group(1)


def activated_student(http: httpx.Client, stack: Stack, admissions: dict) -> tuple[str, str, str, dict]:
    """A new student who has signed in for the first time: (registration number, email,
    activation code, tokens)."""
    regno, mail = create_student(http, admissions)
    code = activation_code(stack, mail)
    activated = http.post("/api/v1/auth/activate", json={"username": regno, "code": code,
                                                         "new_password": NEW_PASSWORD})
    assert activated.status_code == 200, activated.text
    return regno, mail, code, activated.json()


def service_tokens(stack: Stack, service: str):
    """`service`'s own credential in the stack, read from where its launcher made the keys
    (what a stolen credential would be)."""
    from campus import auth, service_keys
    key = Path(stack.env["CAMPUS_VAR_DIR"]) / service_keys.LOCAL_DIR / service_keys.key_file_name(service)
    return auth.ServiceTokens(service, key.read_bytes())


def service_clients(stack: Stack, service: str):
    """gRPC clients to every service of the stack holding `service`'s own credential."""
    from campus.grpc_client import ServiceClients
    addresses = {name: f"127.0.0.1:{stack.env[f'{name.upper()}_GRPC_PORT']}" for name in registry.names()}
    return ServiceClients(service_tokens(stack, service), addresses=addresses, default_timeout=10)
