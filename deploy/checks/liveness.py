"""Relays and consumers serve no port: each is probed by its own heartbeat file
(campus.liveness, CAMPUS_HEARTBEAT_DIR/<process>.heartbeat), in compose by a healthcheck and
in Kubernetes by an exec livenessProbe, and can write that file in a mount of its own
(/tmp: the root file system is read-only, and a volume shared by replicas would let a
healthy replica's beats hide a stalled one's)."""
from __future__ import annotations

import pathlib

from deploy.checks.commands import shell
from deploy.checks.common import Report
from deploy.processes import CONTAINER_HEARTBEAT_DIR, PROCESSES, liveness_command

HEARTBEATING = tuple(p for p in PROCESSES if p.heartbeat)
WHAT = "relays and consumers probed by their heartbeat"
#: The per-container mount the heartbeat directory lives in.
OWN_DIR = str(pathlib.PurePosixPath(CONTAINER_HEARTBEAT_DIR).parent)


def check_compose_heartbeats(services: dict, report: Report) -> None:
    for process in HEARTBEATING:
        svc = services.get(process.name)
        if svc is None:
            continue  # compose.py reports the missing process
        where = f"compose.yaml service {process.name}"
        report.count(WHAT)
        expected = ["CMD", *liveness_command(process)]
        if (svc.get("healthcheck") or {}).get("test") != expected:
            report.add(where, f"healthcheck must run {shell(expected[1:])} (CMD form): its own heartbeat file")
        env = svc.get("environment") or {}
        if isinstance(env, dict) and env.get("CAMPUS_HEARTBEAT_DIR") != CONTAINER_HEARTBEAT_DIR:
            report.add(where, f"CAMPUS_HEARTBEAT_DIR must be {CONTAINER_HEARTBEAT_DIR}, where its probe reads")
        if OWN_DIR not in _compose_mounts(svc):
            report.add(where, f"needs a tmpfs at {OWN_DIR}: its heartbeat must be its own, not a shared volume's")


def check_kubernetes_heartbeats(where: str, by_kind: dict, report: Report) -> None:
    deployments = by_kind.get("Deployment", {})
    config = (by_kind.get("ConfigMap", {}).get("campus-config") or {}).get("data") or {}
    if HEARTBEATING and config and config.get("CAMPUS_HEARTBEAT_DIR") != CONTAINER_HEARTBEAT_DIR:
        report.add(f"{where} ConfigMap campus-config", f"CAMPUS_HEARTBEAT_DIR must be {CONTAINER_HEARTBEAT_DIR}, "
                                                        f"where the relays' and consumers' probes read heartbeats")
    for process in HEARTBEATING:
        deployment = deployments.get(process.name)
        if deployment is None:
            continue  # workloads.py reports the missing process
        here = f"{where} Deployment {process.name}"
        report.count(WHAT)
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        probe = container.get("livenessProbe") or {}
        if (probe.get("exec") or {}).get("command") != list(liveness_command(process)):
            report.add(here, f"livenessProbe must exec {shell(liveness_command(process))}: its own heartbeat file")
        if not probe.get("initialDelaySeconds"):
            report.add(here, "livenessProbe needs an initialDelaySeconds: the first beat comes after start-up")
        if OWN_DIR not in [m.get("mountPath") for m in container.get("volumeMounts") or []]:
            report.add(here, f"needs its own volume (an emptyDir) at {OWN_DIR} to write its heartbeat")


def _compose_mounts(svc: dict) -> list[str]:
    """Where a compose service's volumes (short or long syntax) and tmpfs mounts land."""
    targets = [v.get("target") if isinstance(v, dict) else (str(v).split(":") + [""])[1]
               for v in svc.get("volumes") or []]
    tmpfs = svc.get("tmpfs") or []
    return targets + ([tmpfs] if isinstance(tmpfs, str) else list(tmpfs))
