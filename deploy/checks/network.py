"""NetworkPolicies: everything denied by default, and the gateway never reaching the
database or the broker (whatever else an edit lets through)."""
from __future__ import annotations

from deploy.checks.common import Report

FORBIDDEN_FOR_GATEWAY = {5432: "PostgreSQL", 5671: "RabbitMQ", 5672: "RabbitMQ"}


def selects(selector: dict, labels: dict) -> bool:
    """Whether a Kubernetes label selector matches these labels."""
    if any(labels.get(k) != v for k, v in (selector.get("matchLabels") or {}).items()):
        return False
    for expression in selector.get("matchExpressions") or []:
        key, operator, values = expression["key"], expression["operator"], expression.get("values") or []
        if operator == "In" and labels.get(key) not in values:
            return False
        if operator == "NotIn" and labels.get(key) in values:
            return False
        if operator == "Exists" and key not in labels:
            return False
        if operator == "DoesNotExist" and key in labels:
            return False
    return True


def check_network_policies(where: str, by_kind: dict, report: Report) -> None:
    policies = by_kind.get("NetworkPolicy", {})
    if not any(p["spec"].get("podSelector") == {} and set(p["spec"].get("policyTypes") or []) >= {"Ingress", "Egress"}
               and not p["spec"].get("ingress") and not p["spec"].get("egress") for p in policies.values()):
        report.add(where, "no default-deny NetworkPolicy (every pod, Ingress and Egress, no rules)")
    for name, doc in by_kind.get("Deployment", {}).items():
        labels = doc["spec"]["template"]["metadata"].get("labels") or {}
        applying = [p for p in policies.values() if selects(p["spec"].get("podSelector") or {}, labels)]
        if labels.get("app.kubernetes.io/component") in ("grpc", "gateway") and not any(
                p["spec"].get("ingress") for p in applying):
            report.add(f"{where} Deployment {name}", "no NetworkPolicy lets anything reach it")
        if labels.get("campus/service") == "gateway":
            for policy in applying:
                for rule in policy["spec"].get("egress") or []:
                    ports = [p.get("port") for p in rule.get("ports") or []] or [None]
                    for port in ports:
                        if port is None or port in FORBIDDEN_FOR_GATEWAY:
                            what = FORBIDDEN_FOR_GATEWAY.get(port, "every port")
                            report.add(f"{where} NetworkPolicy {policy['metadata']['name']}",
                                       f"lets the gateway reach {what}")
        report.count("pods under NetworkPolicies")
