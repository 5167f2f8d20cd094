"""Each pod holds its own service's credentials only: its own `<service>-service-key`,
`<service>-broker` and `<service>-database` Secrets, never another's (a relay's init
container that declares a consumer's queues holds that consumer's broker user, and nothing
else of it); the gateway holds no broker credential at all."""
from __future__ import annotations

from deploy.checks.common import Report

OWNED = ("-service-key", "-broker", "-database")


def _secret_refs(container: dict) -> set[str]:
    refs = {r["secretRef"]["name"] for r in container.get("envFrom") or [] if "secretRef" in r}
    refs |= {((e.get("valueFrom") or {}).get("secretKeyRef") or {}).get("name") for e in container.get("env") or []}
    return {r for r in refs if r}


def _owner(secret: str) -> str | None:
    for suffix in OWNED:
        if secret.endswith(suffix):
            return secret.removesuffix(suffix)
    if secret.startswith("gateway-"):
        return "gateway"
    return None


def check_credentials(where: str, by_kind: dict, secrets: dict[str, set[str]], report: Report) -> None:
    for kind in ("Deployment", "Job"):
        for name, doc in by_kind.get(kind, {}).items():
            pod = doc["spec"]["template"]
            owner = (pod.get("metadata", {}).get("labels") or {}).get("campus/service")
            here = f"{where} {kind} {name}"
            if not owner:
                report.add(here, "no campus/service label: whose credentials may it hold?")
                continue
            spec = pod["spec"]
            mounted = {v["secret"]["secretName"] for v in spec.get("volumes") or [] if "secret" in v}
            for container in spec.get("containers", []):
                _only_own(f"{here} container {container['name']}", owner, _secret_refs(container) | mounted, report)
                if owner == "gateway":
                    _no_broker(f"{here} container {container['name']}", container, secrets, report)
            for container in spec.get("initContainers") or []:
                consumer = container["name"].removeprefix("declare-queues-")
                refs = _secret_refs(container)
                for secret in refs:
                    if secret.endswith("-broker") and secret != f"{consumer}-broker":
                        report.add(f"{here} init container {container['name']}",
                                   f"declares {consumer}'s queues with {secret}, not {consumer}'s own broker user")
                _only_own(f"{here} init container {container['name']}", owner,
                          {r for r in refs if r != f"{consumer}-broker"}, report)
            report.count("pods holding only their own credentials")


def _only_own(here: str, owner: str, refs: set[str], report: Report) -> None:
    for secret in sorted(refs):
        whose = _owner(secret)
        if whose is not None and whose != owner:
            report.add(here, f"holds {secret}, a credential of {whose}, not of {owner}")


def _no_broker(here: str, container: dict, secrets: dict[str, set[str]], report: Report) -> None:
    keys = set().union(*(secrets.get(ref, set()) for ref in _secret_refs(container)))
    keys |= {e["name"] for e in container.get("env") or []}
    if "AMQP_URL" in keys:
        report.add(here, "the gateway must hold no broker credential (AMQP_URL)")
