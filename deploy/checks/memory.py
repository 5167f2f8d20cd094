"""A gRPC server that bounds memory-hungry work by a budget (identity: argon2 hashes, see
its DeploySpec.memory_budget) must fit that budget, plus what the process itself needs,
within its container's memory limit: otherwise the bound does not stop the OOM killer."""
from __future__ import annotations

import re

from campus import registry
from deploy.checks.common import Report

#: What a gRPC server's process needs besides its budget: Python, grpcio, SQLAlchemy, its
#: pool and worker threads (about 90 MiB measured at rest), with headroom.
BASELINE_MIB = 160
UNITS = {"Ki": 1 / 1024, "Mi": 1, "Gi": 1024, "K": 1 / 1048.576, "M": 1 / 1.048576, "G": 1000 / 1.048576}


def mebibytes(quantity: str) -> float:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG]i?)?", str(quantity))
    if not match:
        raise ValueError(f"unreadable memory quantity {quantity!r}")
    return float(match.group(1)) * (UNITS[match.group(2)] if match.group(2) else 1 / 1048576)


def check_memory_budgets(where: str, by_kind: dict, report: Report) -> None:
    for definition in registry.definitions():
        setting = definition.deploy.memory_budget
        if not setting:
            continue
        deployment = by_kind.get("Deployment", {}).get(f"{definition.name}-grpc")
        if deployment is None:
            continue  # workloads.py reports the missing Deployment
        [container] = deployment["spec"]["template"]["spec"]["containers"]
        here = f"{where} Deployment {definition.name}-grpc"
        limit = ((container.get("resources") or {}).get("limits") or {}).get("memory")
        if limit is None:
            continue  # pods.py reports it
        budget = _setting(container, by_kind, setting)
        if budget is None:
            field = definition.config.model_fields[setting.lower().removeprefix(f"{definition.env_prefix.lower()}_")]
            budget = field.default
        report.count("memory budgets")
        if float(budget) + BASELINE_MIB > mebibytes(limit):
            report.add(here, f"{setting}={budget} MiB plus the process's own {BASELINE_MIB} MiB does not fit "
                             f"its memory limit {limit}")


def _setting(container: dict, by_kind: dict, name: str) -> str | None:
    for variable in container.get("env") or []:
        if variable.get("name") == name and "value" in variable:
            return variable["value"]
    found = None
    for source in container.get("envFrom") or []:
        ref = source.get("configMapRef")
        data = (by_kind.get("ConfigMap", {}).get(ref["name"], {}).get("data") or {}) if ref else {}
        if name in data:
            found = data[name]
    return found
