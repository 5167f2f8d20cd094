"""How the processes find each other: each gRPC server's probes, port and Service, the
gateway's Service, disruption budget, autoscaler and probe, and the addresses in campus-config."""
from __future__ import annotations

from campus import registry
from deploy.checks.common import Report
from deploy.processes import DEFAULT_PORTS, GATEWAY, PROCESSES, SERVICES

#: The gateway, and the gRPC servers whose definitions ask for it (DeploySpec.autoscale).
AUTOSCALED = (GATEWAY.name, *(f"{d.name}-grpc" for d in registry.definitions() if d.deploy.autoscale))


def check_grpc_servers(where: str, by_kind: dict, report: Report) -> None:
    deployments, services = by_kind.get("Deployment", {}), by_kind.get("Service", {})
    for process in (p for p in PROCESSES if p.role == "grpc"):
        deployment = deployments.get(process.name)
        if deployment is None:
            continue
        port = DEFAULT_PORTS[process.service]
        pod = deployment["spec"]["template"]
        _check_grpc_container(f"{where} Deployment {process.name}", pod["spec"]["containers"][0], port, report)
        service = services.get(process.service)
        if service is None:
            report.add(where, f"no Service {process.service} for {process.name}")
            continue
        here = f"{where} Service {process.service}"
        if not selects(service["spec"].get("selector") or {}, pod):
            report.add(here, f"does not select the pods of {process.name}")
        if port not in [p.get("port") for p in service["spec"].get("ports") or []]:
            report.add(here, f"must expose port {port}")


def _check_grpc_container(here: str, container: dict, port: int, report: Report) -> None:
    for probe in ("readinessProbe", "livenessProbe"):
        if ((container.get(probe) or {}).get("grpc") or {}).get("port") != port:
            report.add(here, f"{probe} must be a gRPC probe on port {port}")
    if port not in [p.get("containerPort") for p in container.get("ports") or []]:
        report.add(here, f"must declare containerPort {port}")


def check_gateway(where: str, by_kind: dict, report: Report) -> None:
    deployments = by_kind.get("Deployment", {})
    _check_autoscalers(where, deployments, by_kind.get("HorizontalPodAutoscaler", {}), report)
    gateway = deployments.get(GATEWAY.name)
    if gateway is None:
        return
    pod = gateway["spec"]["template"]
    if not any(selects(p["spec"]["selector"].get("matchLabels") or {}, pod)
               for p in by_kind.get("PodDisruptionBudget", {}).values()):
        report.add(where, "no PodDisruptionBudget for the gateway")
    if not any(selects(s["spec"].get("selector") or {}, pod) for s in by_kind.get("Service", {}).values()):
        report.add(where, "no Service for the gateway")
    probe = pod["spec"]["containers"][0].get("readinessProbe") or {}
    if (probe.get("httpGet") or {}).get("path") != "/healthz":
        report.add(f"{where} Deployment gateway", "readinessProbe must GET /healthz")


def _check_autoscalers(where: str, deployments: dict, hpas: dict, report: Report) -> None:
    for name in AUTOSCALED:
        if not [h for h in hpas.values() if h["spec"]["scaleTargetRef"].get("name") == name]:
            report.add(where, f"no HorizontalPodAutoscaler for {name}")
    for hpa in hpas.values():
        if hpa["spec"]["scaleTargetRef"].get("name") not in deployments:
            report.add(where, f"HorizontalPodAutoscaler {hpa['metadata']['name']} scales a missing Deployment")


def check_config(where: str, config: dict | None, report: Report) -> None:
    if config is None:
        report.add(where, "no ConfigMap campus-config")
        return
    here = f"{where} ConfigMap campus-config"
    data = config.get("data") or {}
    for key in ("GRPC_BIND_HOST", "GATEWAY_BIND_HOST"):
        if data.get(key) != "0.0.0.0":
            report.add(here, f"{key} must be 0.0.0.0")
    for service in SERVICES:
        key, value = f"{service.upper()}_GRPC_ADDR", f"{service}:{DEFAULT_PORTS[service]}"
        if data.get(key) != value:
            report.add(here, f"{key} must be {value}")


def selects(selector: dict, pod: dict) -> bool:
    labels = pod.get("metadata", {}).get("labels") or {}
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())
