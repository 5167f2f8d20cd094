"""Init containers: one-off steps of deploy/processes.py, in the image of their pod's process.

Every relay Deployment declares the queues of every consumer first, as `make up` does: a
relay publishes to `<source>.events` without `mandatory`, so RabbitMQ drops an event no queue
is bound to yet, and Kubernetes does not order the declare-queues Jobs before Deployments.
"""
from __future__ import annotations

from deploy.checks.commands import RELAYS, check_command, service_of
from deploy.checks.common import Report
from deploy.processes import CONSUMERS, PROCESSES


def check_init_containers(here: str, name: str, pod: dict, by_kind: dict, secrets: dict, expected: dict,
                          report: Report) -> None:
    spec = pod["spec"]
    init = spec.get("initContainers") or []
    for container in init:
        _check_step(f"{here} init container {container['name']}", container, spec["containers"][0], expected,
                    report)
    if name not in RELAYS:
        return
    report.count("relays waiting for every consumer's queues")
    steps = {c["name"]: c for c in init}
    for service in CONSUMERS:
        step = steps.get(f"declare-queues-{service}")
        if step is None:
            report.add(here, f"no init container declare-queues-{service}: "
                             f"the relay would publish events before the queues of {service} exist")
            continue
        _check_declaring(f"{here} init container {step['name']}", step, service_of(name), service, by_kind,
                         secrets, report)


def _check_step(where: str, container: dict, process: dict, expected: dict, report: Report) -> None:
    if container["name"] not in expected or any(p.name == container["name"] for p in PROCESSES):
        report.add(where, "must be a one-off step of deploy/processes.py (migrate-<service> or "
                          "declare-queues-<service>)")
        return
    command = [*(container.get("command") or []), *(container.get("args") or [])]
    check_command(container["name"], command or None, expected, where, report)
    if container.get("image") != process.get("image"):
        report.add(where, f"must run the image of {process['name']}, {process.get('image')}")


def _check_declaring(where: str, container: dict, owner: str, consumer: str, by_kind: dict, secrets: dict,
                     report: Report) -> None:
    """It needs the broker's URL and the consumer's settings, and no other service's database."""
    keys = _from_secrets(container, secrets)
    if "AMQP_URL" not in keys:
        report.add(where, "takes AMQP_URL from no Secret of secrets.template.yaml")
    for service in (s for s in _databases(keys) if s != owner):
        report.add(where, f"must not hold the {service} database's credentials: declaring queues needs the broker")
    wanted = _config_maps(_consumer_container(by_kind, consumer))
    missing = sorted(wanted - _config_maps(container))
    if missing:
        report.add(where, f"must read the ConfigMaps {consumer}-consumer reads ({', '.join(missing)}): "
                          f"the queues' arguments come from there")


def _from_secrets(container: dict, secrets: dict[str, set[str]]) -> set[str]:
    """The variables a container takes from Secrets of the template."""
    refs = [r["secretRef"]["name"] for r in container.get("envFrom") or [] if "secretRef" in r]
    names = set().union(*(secrets.get(ref, set()) for ref in refs))
    for env in container.get("env") or []:
        ref = (env.get("valueFrom") or {}).get("secretKeyRef") or {}
        if ref.get("key") in secrets.get(ref.get("name"), set()):
            names.add(env["name"])
    return names


def _databases(keys: set[str]) -> list[str]:
    return sorted(k.removesuffix("_DATABASE_URL").lower() for k in keys if k.endswith("_DATABASE_URL"))


def _consumer_container(by_kind: dict, consumer: str) -> dict:
    deployment = by_kind.get("Deployment", {}).get(f"{consumer}-consumer")
    return deployment["spec"]["template"]["spec"]["containers"][0] if deployment else {}


def _config_maps(container: dict) -> set[str]:
    return {r["configMapRef"]["name"] for r in container.get("envFrom") or [] if "configMapRef" in r}
