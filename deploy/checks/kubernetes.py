"""(b) Kubernetes: every manifest against the Kubernetes schemas, each kustomization rendered
(and compared with `kubectl kustomize`), the secrets template, then the rendered workloads."""
from __future__ import annotations

import functools
import json
import pathlib

import yaml

from deploy.checks import kustomize
from deploy.checks.common import Report
from deploy.checks.workloads import check_rendered

KUBERNETES_VERSION = "1.33.0"
PLACEHOLDER = "REPLACE_ME"


def check_kubernetes(deploy_dir: pathlib.Path, report: Report) -> None:
    kv = _kubernetes_validate()
    k8s = deploy_dir / "k8s"
    for path in sorted(p for p in k8s.rglob("*.yaml") if p.name != "kustomization.yaml"):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                _validate(kv, doc, str(path.relative_to(deploy_dir)), report)
    secrets = _check_secret_template(k8s / "secrets.template.yaml", report)
    kustomizations = sorted(p.parent for p in k8s.rglob("kustomization.yaml"))
    if not any(p.name == "base" for p in kustomizations):
        report.add("k8s", "no base/kustomization.yaml")
    for directory in kustomizations:
        _check_kustomization(kv, directory, str(directory.relative_to(deploy_dir)), secrets, report)


def _check_kustomization(kv, directory: pathlib.Path, where: str, secrets: dict, report: Report) -> None:
    try:
        rendered = kustomize.render(directory)
        from_kubectl = kustomize.kubectl_render(directory)
    except (kustomize.RenderError, OSError, KeyError, ValueError, yaml.YAMLError) as error:
        report.add(where, f"cannot be rendered: {error}")
        return
    report.count("kustomizations")
    if from_kubectl is not None:
        report.count("agreeing with kubectl kustomize")
        _compare_renderings(where, rendered, from_kubectl, report)
    if directory.name != "base":
        for doc in rendered:
            _validate(kv, doc, f"{where} (rendered)", report)
    try:
        check_rendered(where, rendered, secrets, report)
    except (KeyError, IndexError, TypeError, AttributeError) as error:
        report.add(where, f"malformed manifest: {type(error).__name__}: {error}")


def _kubernetes_validate():
    from kubernetes_validate import utils as kv
    # It reads its (large) schema files again for every document; they never change during
    # a run, so read each once.
    if not hasattr(kv.schema_contents, "cache_info"):
        kv.schema_contents = functools.lru_cache(maxsize=None)(kv.schema_contents)
    return kv


def _validate(kv, doc: dict, where: str, report: Report) -> None:
    name = f"{doc.get('kind')} {doc.get('metadata', {}).get('name')}"
    try:
        kv.validate(doc, KUBERNETES_VERSION, strict=True)
        report.count(f"documents valid for Kubernetes {KUBERNETES_VERSION}")
    except kv.ValidationError as error:
        path = "/".join(str(p) for p in error.path)
        report.add(where, f"{name} is not valid Kubernetes {KUBERNETES_VERSION}: {path}: {error.message}")
    except (kv.SchemaNotFoundError, kv.InvalidSchemaError, kv.VersionNotSupportedError) as error:
        report.add(where, f"{name}: {error}")


def _compare_renderings(where: str, ours: list[dict], theirs: list[dict], report: Report) -> None:
    def keyed(docs):
        return {(d.get("kind"), d["metadata"].get("namespace"), d["metadata"]["name"]): d for d in docs}
    mine, kubectl = keyed(ours), keyed(theirs)
    for key in sorted(set(mine) | set(kubectl), key=str):
        if json.dumps(mine.get(key), sort_keys=True) != json.dumps(kubectl.get(key), sort_keys=True):
            report.add(where, f"{key[0]} {key[2]} renders differently here and in kubectl kustomize")


def _check_secret_template(path: pathlib.Path, report: Report) -> dict[str, set[str]]:
    """The Secrets the manifests may refer to (name: keys): a template of placeholders only."""
    if not path.exists():
        report.add("k8s", "no secrets.template.yaml")
        return {}
    secrets = {}
    for doc in yaml.safe_load_all(path.read_text()):
        if not doc:
            continue
        if doc.get("kind") != "Secret":
            report.add(path.name, f"{doc.get('kind')} does not belong in the secrets template")
            continue
        secrets[doc["metadata"]["name"]] = _placeholder_keys(doc, path.name, report)
    return secrets


def _placeholder_keys(secret: dict, where: str, report: Report) -> set[str]:
    name = secret["metadata"]["name"]
    if secret.get("data"):
        report.add(where, f"Secret {name}: use stringData placeholders, never data")
    values = secret.get("stringData") or {}
    for key, value in values.items():
        if not str(value).startswith(PLACEHOLDER):
            report.add(where, f"Secret {name} key {key} holds a value, not a {PLACEHOLDER} placeholder")
    return set(values)
