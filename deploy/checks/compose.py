"""(a) compose.yaml: the compose spec, the processes' commands, hardening, start-up order."""
from __future__ import annotations

import pathlib
import re
import subprocess
import sys

from deploy.checks.commands import RELAYS, check_command, expected_commands, service_of, shell
from deploy.checks.common import IMAGE_NAME, Report, check_pinned, load_yaml
from deploy.checks.liveness import check_compose_heartbeats
from deploy.processes import CONSUMERS, DEFAULT_PORTS, GATEWAY, SERVICES

WHERE = "compose.yaml"


def check_compose_schema(deploy_dir: pathlib.Path, report: Report) -> None:
    path = deploy_dir / "compose.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec",
         "--output-format", "text", str(path)],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        details = " ".join((result.stdout + result.stderr).split())
        report.add(WHERE, f"does not follow the compose spec: {details}")
    report.count("compose schema")


def check_compose(deploy_dir: pathlib.Path, report: Report) -> None:
    services = load_yaml(deploy_dir / "compose.yaml").get("services") or {}
    expected = expected_commands()
    for name, svc in services.items():
        _check_service(name, svc, expected, report)
    for name in expected:
        if name not in services:
            report.add(WHERE, f"no service {name} (it runs {shell(expected[name])})")
    _check_gateway(services.get(GATEWAY.name) or {}, report)
    for relay in (r for r in RELAYS if r in services):
        _check_relay(f"{WHERE} service {relay}", services[relay], report)
    check_compose_heartbeats(services, report)


def _check_service(name: str, svc: dict, expected: dict, report: Report) -> None:
    where = f"{WHERE} service {name}"
    image = str(svc.get("image", ""))
    if IMAGE_NAME not in image:
        check_pinned(image, where, report)
        return
    report.count("compose services of the image")
    check_command(name, svc.get("command"), expected, where, report)
    env = svc.get("environment") or {}
    if not isinstance(env, dict):
        report.add(where, "environment must be a mapping")
        env = {}
    _check_hardening(svc, env, where, report)
    service = service_of(name)
    if service in SERVICES and f"{service.upper()}_DATABASE_URL" not in env:
        report.add(where, f"no {service.upper()}_DATABASE_URL")
    if name.endswith("-grpc"):
        _check_grpc(where, service, svc, report)


def _check_hardening(svc: dict, env: dict, where: str, report: Report) -> None:
    if env.get("GRPC_BIND_HOST") != "0.0.0.0":
        report.add(where, "GRPC_BIND_HOST must be 0.0.0.0")
    if svc.get("read_only") is not True:
        report.add(where, "must run with read_only: true")
    if "ALL" not in (svc.get("cap_drop") or []):
        report.add(where, "must drop ALL capabilities")


def _check_grpc(where: str, service: str, svc: dict, report: Report) -> None:
    test = (svc.get("healthcheck") or {}).get("test") or []
    if not test or test[-1] != f"127.0.0.1:{DEFAULT_PORTS[service]}":
        report.add(where, f"healthcheck must probe 127.0.0.1:{DEFAULT_PORTS[service]}")
    if not _waits_for(svc, f"migrate-{service}"):
        report.add(where, f"must wait for migrate-{service} (service_completed_successfully)")


def _check_relay(where: str, svc: dict, report: Report) -> None:
    # It publishes without `mandatory`: before a consumer's queues exist, RabbitMQ drops its events.
    report.count("relays waiting for every consumer's queues")
    for service in CONSUMERS:
        if not _waits_for(svc, f"declare-queues-{service}"):
            report.add(where, f"must wait for declare-queues-{service} (service_completed_successfully): "
                              f"it would publish events before the queues of {service} exist")


def _waits_for(svc: dict, one_shot: str) -> bool:
    depends = svc.get("depends_on") or {}
    condition = (depends.get(one_shot) or {}) if isinstance(depends, dict) else {}
    return condition.get("condition") == "service_completed_successfully"


def _check_gateway(gateway: dict, report: Report) -> None:
    where = f"{WHERE} service gateway"
    env = gateway.get("environment") or {}
    if env.get("GATEWAY_BIND_HOST") != "0.0.0.0":
        report.add(where, "GATEWAY_BIND_HOST must be 0.0.0.0")
    for service in SERVICES:
        address = f"{service}-grpc:{DEFAULT_PORTS[service]}"
        if env.get(f"{service.upper()}_GRPC_ADDR") != address:
            report.add(where, f"{service.upper()}_GRPC_ADDR must be {address}")
    if not any(str(p).endswith("8080:8080") for p in gateway.get("ports") or []):
        report.add(where, "must publish 8080")


def check_postgres_init(deploy_dir: pathlib.Path, report: Report) -> None:
    text = (deploy_dir / "postgres" / "initdb.sh").read_text()
    match = re.search(r"for service in ([\w ]+); do", text)
    listed = tuple(match.group(1).split()) if match else ()
    if listed != SERVICES:
        report.add("postgres/initdb.sh", f"must create a database for each of {', '.join(SERVICES)}")
