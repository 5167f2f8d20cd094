"""Agreement with deploy/processes.py: a container runs exactly the command of its name."""
from __future__ import annotations

import json

from deploy.checks.common import Report
from deploy.processes import CONSUMERS, PROCESSES, SERVICES, declare_queues_command, migrate_command

#: The outbox relays: each must start after every consumer's queues exist.
RELAYS = tuple(p.name for p in PROCESSES if p.role == "relay")


def expected_commands() -> dict[str, tuple[str, ...]]:
    """Every container the deployment may run, by its name in compose and Kubernetes."""
    commands = {p.name: p.command for p in PROCESSES}
    for service in SERVICES:
        commands[f"migrate-{service}"] = migrate_command(service)
    for service in CONSUMERS:
        commands[f"declare-queues-{service}"] = declare_queues_command(service)
    return commands


def check_command(name: str, command, expected: dict, where: str, report: Report) -> None:
    if name not in expected:
        report.add(where, "runs the campus image but is no process of deploy/processes.py")
        return
    if not isinstance(command, list):
        report.add(where, f"must state its command as a list: {json.dumps(list(expected[name]))}")
        return
    if tuple(command) != expected[name]:
        report.add(where, f"runs {shell(command)}, but deploy/processes.py says {shell(expected[name])}")


def service_of(name: str) -> str:
    for prefix in ("migrate-", "declare-queues-"):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name.rsplit("-", 1)[0] if "-" in name else name


def shell(command) -> str:
    return " ".join(command)
