"""What `kustomize build` gives, for the small subset of kustomize these files use.

`kubectl_render` asks kubectl for the same, where it is installed, to prove the two agree.
"""
from __future__ import annotations

import pathlib
import re
import shutil
import subprocess

import yaml

from deploy.checks.common import load_yaml

#: Kustomization fields the renderer below understands; anything else is refused.
KUSTOMIZE_FIELDS = {"apiVersion", "kind", "resources", "namespace", "images", "replicas", "patches"}
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass",
                  "PriorityClass", "CustomResourceDefinition"}
SCALABLE = ("Deployment", "StatefulSet", "ReplicaSet")


class RenderError(Exception):
    pass


def render(kustomization_dir: pathlib.Path) -> list[dict]:
    path = kustomization_dir / "kustomization.yaml"
    spec = load_yaml(path)
    unknown = set(spec) - KUSTOMIZE_FIELDS
    if unknown:
        raise RenderError(f"{path}: fields this check cannot render: {', '.join(sorted(unknown))}")
    resources = _resources(spec, kustomization_dir, path)
    for patch in spec.get("patches") or []:
        _apply_patch(resources, patch, kustomization_dir, path)
    if spec.get("namespace"):
        for doc in resources:
            if doc.get("kind") not in CLUSTER_SCOPED:
                doc.setdefault("metadata", {})["namespace"] = spec["namespace"]
    for image in spec.get("images") or []:
        for container in containers_of_all(resources):
            _set_image(container, image)
    for replicas in spec.get("replicas") or []:
        _set_replicas(resources, replicas, path)
    return resources


def _resources(spec: dict, kustomization_dir: pathlib.Path, path: pathlib.Path) -> list[dict]:
    resources: list[dict] = []
    for entry in spec.get("resources") or []:
        target = (kustomization_dir / entry).resolve()
        if target.is_dir():
            resources.extend(render(target))
        elif target.is_file():
            resources.extend(d for d in yaml.safe_load_all(target.read_text()) if d)
        else:
            raise RenderError(f"{path}: resource {entry} does not exist")
    return resources


def _set_replicas(resources: list[dict], replicas: dict, path: pathlib.Path) -> None:
    matches = [d for d in resources if d.get("kind") in SCALABLE and d["metadata"]["name"] == replicas["name"]]
    if not matches:
        raise RenderError(f"{path}: replicas for {replicas['name']}, which does not exist")
    for doc in matches:
        doc["spec"]["replicas"] = replicas["count"]


def _apply_patch(resources: list[dict], patch: dict, base: pathlib.Path, where: pathlib.Path) -> None:
    text = patch.get("patch")
    if text is None and "path" in patch:
        text = (base / patch["path"]).read_text()
    operations = yaml.safe_load(text or "")
    if not isinstance(operations, list) or "target" not in patch:
        raise RenderError(f"{where}: only JSON 6902 patches with a target can be rendered here")
    target = patch["target"]
    hits = [d for d in resources if _selected(d, target)]
    if not hits:
        raise RenderError(f"{where}: patch target {target} matches nothing")
    for doc in hits:
        for op in operations:
            _json_patch(doc, op, where)


def _selected(doc: dict, target: dict) -> bool:
    group, _, version = doc.get("apiVersion", "").rpartition("/")
    checks = {"kind": doc.get("kind", ""), "name": doc.get("metadata", {}).get("name", ""),
              "group": group, "version": version}
    for key, value in target.items():
        if key not in checks:
            raise RenderError(f"patch target field {key} is not supported here")
        if not re.fullmatch(str(value), checks[key]):
            return False
    return True


def _json_patch(doc: dict, op: dict, where: pathlib.Path) -> None:
    parts = [p.replace("~1", "/").replace("~0", "~") for p in op["path"].split("/")[1:]]
    parent = doc
    for part in parts[:-1]:
        parent = parent[int(part)] if isinstance(parent, list) else parent[part]
    if isinstance(parent, list):
        _patch_list(parent, parts[-1], op, where)
    else:
        _patch_mapping(doc, parent, parts[-1], op, where)


def _patch_list(parent: list, last: str, op: dict, where: pathlib.Path) -> None:
    index = len(parent) if last == "-" else int(last)
    if op["op"] == "add":
        parent.insert(index, op["value"])
    elif op["op"] == "replace":
        parent[index] = op["value"]
    elif op["op"] == "remove":
        del parent[index]
    else:
        raise RenderError(f"{where}: JSON patch op {op['op']} is not supported here")


def _patch_mapping(doc: dict, parent: dict, last: str, op: dict, where: pathlib.Path) -> None:
    kind = op["op"]
    if kind in ("replace", "remove") and last not in parent:
        raise RenderError(f"{where}: {op['path']} does not exist in {doc['kind']} {doc['metadata']['name']}")
    if kind in ("add", "replace"):
        parent[last] = op["value"]
    elif kind == "remove":
        del parent[last]
    else:
        raise RenderError(f"{where}: JSON patch op {kind} is not supported here")


def _set_image(container: dict, image: dict) -> None:
    name, _, tag = container["image"].partition("@")[0].partition(":")
    if name != image["name"]:
        return
    new = image.get("newName", name)
    if image.get("digest"):
        container["image"] = f"{new}@{image['digest']}"
    else:
        container["image"] = f"{new}:{image.get('newTag', tag)}" if image.get("newTag", tag) else new


def containers_of_all(docs: list[dict]):
    for doc in docs:
        pod = (doc.get("spec") or {}).get("template") or {}
        spec = pod.get("spec") or {}
        yield from spec.get("containers") or []
        yield from spec.get("initContainers") or []


def kubectl_render(kustomization_dir: pathlib.Path) -> list[dict] | None:
    """`kubectl kustomize`'s rendering, or None where kubectl is not installed."""
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        return None
    result = subprocess.run([kubectl, "kustomize", str(kustomization_dir)],
                            capture_output=True, text=True, check=False, timeout=120)
    if result.returncode != 0:
        raise RenderError(f"kubectl kustomize {kustomization_dir}: {result.stderr.strip()}")
    return [d for d in yaml.safe_load_all(result.stdout) if d]
