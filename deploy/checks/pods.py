"""The rules every pod keeps: non-root, read-only root file system, no privilege escalation,
no capabilities, RuntimeDefault seccomp, resource requests and limits, pinned images, only
ConfigMaps that exist and Secrets of the template, no hostPath."""
from __future__ import annotations

from deploy.checks.common import Report, check_pinned


def check_pod(where: str, pod: dict, by_kind: dict, secrets: dict, report: Report) -> None:
    spec = pod["spec"]
    pod_security = spec.get("securityContext") or {}
    for container in spec.get("containers", []) + spec.get("initContainers", []):
        here = f"{where} container {container['name']}"
        _check_security(container, pod_security, here, report)
        _check_resources(container, here, report)
        check_pinned(container.get("image", ""), here, report)
        _check_references(container, by_kind, secrets, here, report)
    for volume in spec.get("volumes") or []:
        if "secret" in volume and volume["secret"]["secretName"] not in secrets:
            report.add(where, f"Secret {volume['secret']['secretName']} is not in secrets.template.yaml")
        if "hostPath" in volume:
            report.add(where, "hostPath volumes are not allowed")


def _check_security(container: dict, pod_security: dict, here: str, report: Report) -> None:
    security = container.get("securityContext") or {}
    merged = {**pod_security, **security}
    if merged.get("runAsNonRoot") is not True:
        report.add(here, "runAsNonRoot must be true")
    if merged.get("runAsUser") == 0:
        report.add(here, "must not run as user 0")
    if (merged.get("seccompProfile") or {}).get("type") != "RuntimeDefault":
        report.add(here, "seccompProfile must be RuntimeDefault")
    if security.get("readOnlyRootFilesystem") is not True:
        report.add(here, "readOnlyRootFilesystem must be true")
    if security.get("allowPrivilegeEscalation") is not False:
        report.add(here, "allowPrivilegeEscalation must be false")
    if security.get("privileged"):
        report.add(here, "must not be privileged")
    if "ALL" not in ((security.get("capabilities") or {}).get("drop") or []):
        report.add(here, "must drop ALL capabilities")


def _check_resources(container: dict, here: str, report: Report) -> None:
    resources = container.get("resources") or {}
    for bound in ("requests", "limits"):
        for resource in ("cpu", "memory"):
            if resource not in (resources.get(bound) or {}):
                report.add(here, f"no {resource} {bound}")


def _check_references(container: dict, by_kind: dict, secrets: dict, here: str, report: Report) -> None:
    for source in container.get("envFrom") or []:
        if "configMapRef" in source and source["configMapRef"]["name"] not in by_kind.get("ConfigMap", {}):
            report.add(here, f"ConfigMap {source['configMapRef']['name']} does not exist")
        if "secretRef" in source and source["secretRef"]["name"] not in secrets:
            report.add(here, f"Secret {source['secretRef']['name']} is not in secrets.template.yaml")
