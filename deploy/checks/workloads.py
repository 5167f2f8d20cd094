"""A rendered kustomization: each Deployment and Job runs one process of deploy/processes.py,
under its name, in a pod that keeps the rules of pods.py, after the one-off steps its
init containers run (init_containers.py), relays and consumers probed by their heartbeat
(liveness.py); every process runs."""
from __future__ import annotations

from deploy.checks.commands import check_command, expected_commands, shell
from deploy.checks.common import Report
from deploy.checks.credentials import check_credentials
from deploy.checks.endpoints import check_config, check_gateway, check_grpc_servers
from deploy.checks.init_containers import check_init_containers
from deploy.checks.liveness import check_kubernetes_heartbeats
from deploy.checks.memory import check_memory_budgets
from deploy.checks.network import check_network_policies
from deploy.checks.pods import check_pod
from deploy.processes import PROCESSES


def check_rendered(where: str, docs: list[dict], secrets: dict[str, set[str]], report: Report) -> None:
    by_kind = _by_kind(where, docs, report)
    if "Secret" in by_kind:
        report.add(where, "Secrets do not belong in a kustomization (secrets.template.yaml shows them)")
    expected = expected_commands()
    workloads = {**by_kind.get("Deployment", {}), **by_kind.get("Job", {})}
    for name, doc in workloads.items():
        _check_workload(f"{where} {doc['kind']} {name}", name, doc, by_kind, secrets, expected, report)
    for name in expected:
        kind = "Deployment" if any(p.name == name for p in PROCESSES) else "Job"
        if name not in by_kind.get(kind, {}):
            report.add(where, f"no {kind} {name} (it runs {shell(expected[name])})")
    check_grpc_servers(where, by_kind, report)
    check_gateway(where, by_kind, report)
    check_config(where, by_kind.get("ConfigMap", {}).get("campus-config"), report)
    check_kubernetes_heartbeats(where, by_kind, report)
    check_memory_budgets(where, by_kind, report)
    check_credentials(where, by_kind, secrets, report)
    check_network_policies(where, by_kind, report)


def _by_kind(where: str, docs: list[dict], report: Report) -> dict[str, dict[str, dict]]:
    by_kind: dict[str, dict[str, dict]] = {}
    for doc in docs:
        names = by_kind.setdefault(doc["kind"], {})
        if doc["metadata"]["name"] in names:
            report.add(where, f"two {doc['kind']} named {doc['metadata']['name']}")
        names[doc["metadata"]["name"]] = doc
    return by_kind


def _check_workload(here: str, name: str, doc: dict, by_kind: dict, secrets: dict, expected: dict,
                    report: Report) -> None:
    report.count(f"{doc['kind']}s checked")
    pod = doc["spec"]["template"]
    check_pod(here, pod, by_kind, secrets, report)
    containers = pod["spec"]["containers"]
    if len(containers) != 1:
        report.add(here, "must run exactly one container, its process")
        return
    container = containers[0]
    command = [*(container.get("command") or []), *(container.get("args") or [])]
    check_command(name, command or None, expected, here, report)
    check_init_containers(here, name, pod, by_kind, secrets, expected, report)
