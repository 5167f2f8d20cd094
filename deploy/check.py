"""Prove the deployment files run what deploy/processes.py says, and run it safely.

    .venv/bin/python -m deploy.check [DEPLOY_DIR]   (make check-deploy; deploy/tests/unit runs it too)

(a) compose.yaml against the compose-spec schema (check-jsonschema's vendored copy: offline);
(b) every Kubernetes manifest against the Kubernetes schemas (kubernetes-validate, strict),
    the base and each overlay rendered by loading what its kustomization.yaml lists (and,
    where kubectl is installed, compared with `kubectl kustomize`);
(c) every command in compose and in the Deployments and Jobs is exactly a command of
    deploy/processes.py (PROCESSES, migrate_command, declare_queues_command), under the
    name of its process, and every process runs in both;
(d) the Dockerfile: pinned bases, a numeric non-root user, the protogen step, the gateway
    as CMD, and a .dockerignore that keeps the work tree's leftovers out;
plus the rules the manifests promise: non-root, read-only root file system, no privilege
escalation, no capabilities, RuntimeDefault seccomp, resource requests and limits, gRPC
probes on each server's port, and no real secret committed.

Exits 1 with the list of problems, 0 with a one-line summary.
"""
from __future__ import annotations

import functools
import json
import pathlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

import yaml

from campus.config import DEFAULT_PORTS, SERVICES
from deploy.processes import CONSUMERS, GATEWAY, PROCESSES, declare_queues_command, migrate_command

DEPLOY = pathlib.Path(__file__).resolve().parent
KUBERNETES_VERSION = "1.33.0"
IMAGE_NAME = "campus-management"
#: Kustomization fields the renderer below understands; anything else is refused.
KUSTOMIZE_FIELDS = {"apiVersion", "kind", "resources", "namespace", "images", "replicas", "patches"}
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass",
                  "PriorityClass", "CustomResourceDefinition"}
PLACEHOLDER = "REPLACE_ME"
#: Paths a build must never take from the work tree (.dockerignore), and paths it needs.
MUST_IGNORE = (".venv/bin/python", "var/db/finance.sqlite3", "cms/__init__.py", ".git/HEAD",
               "campus/__pycache__/config.cpython-311.pyc", ".pytest_cache/v/x")
MUST_SEND = ("requirements.txt", "protos/cms/finance/v1/finance.proto", "campus/config.py",
             "services/finance/service.py", "gateway/config.py")


def expected_commands() -> dict[str, tuple[str, ...]]:
    """Every container the deployment may run, by its name in compose and Kubernetes."""
    commands = {p.name: p.command for p in PROCESSES}
    for service in SERVICES:
        commands[f"migrate-{service}"] = migrate_command(service)
    for service in CONSUMERS:
        commands[f"declare-queues-{service}"] = declare_queues_command(service)
    return commands


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n


def run(deploy_dir: pathlib.Path = DEPLOY) -> Report:
    report = Report()
    for part in (check_compose_schema, check_compose, check_kubernetes, check_dockerfile, check_postgres_init):
        try:
            part(deploy_dir, report)
        except (OSError, yaml.YAMLError, KeyError, IndexError, TypeError, AttributeError, ValueError) as error:
            # A file too malformed to walk is a problem to list, not a traceback.
            report.add(part.__name__, f"could not check: {type(error).__name__}: {error}")
    return report


# --- (a) compose ---------------------------------------------------------------------
def check_compose_schema(deploy_dir: pathlib.Path, report: Report) -> None:
    path = deploy_dir / "compose.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec",
         "--output-format", "text", str(path)],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        details = " ".join((result.stdout + result.stderr).split())
        report.add("compose.yaml", f"does not follow the compose spec: {details}")
    report.count("compose schema")


def check_compose(deploy_dir: pathlib.Path, report: Report) -> None:
    where = "compose.yaml"
    compose = _load_yaml(deploy_dir / "compose.yaml")
    services = compose.get("services") or {}
    expected = expected_commands()
    for name, svc in services.items():
        image = str(svc.get("image", ""))
        if IMAGE_NAME not in image:
            _check_pinned(image, f"{where} service {name}", report)
            continue
        report.count("compose services of the image")
        _check_command(name, svc.get("command"), expected, f"{where} service {name}", report)
        env = svc.get("environment") or {}
        if not isinstance(env, dict):
            report.add(f"{where} service {name}", "environment must be a mapping")
            env = {}
        if env.get("GRPC_BIND_HOST") != "0.0.0.0":
            report.add(f"{where} service {name}", "GRPC_BIND_HOST must be 0.0.0.0")
        if svc.get("read_only") is not True:
            report.add(f"{where} service {name}", "must run with read_only: true")
        if "ALL" not in (svc.get("cap_drop") or []):
            report.add(f"{where} service {name}", "must drop ALL capabilities")
        service = _service_of(name)
        if service in SERVICES and f"{service.upper()}_DATABASE_URL" not in env:
            report.add(f"{where} service {name}", f"no {service.upper()}_DATABASE_URL")
        if name.endswith("-grpc"):
            _check_compose_grpc(name, service, svc, report)
    for name in expected:
        if name not in services:
            report.add(where, f"no service {name} (it runs {_shell(expected[name])})")
    gateway = services.get(GATEWAY.name) or {}
    env = gateway.get("environment") or {}
    if env.get("GATEWAY_BIND_HOST") != "0.0.0.0":
        report.add(f"{where} service gateway", "GATEWAY_BIND_HOST must be 0.0.0.0")
    for service in SERVICES:
        if env.get(f"{service.upper()}_GRPC_ADDR") != f"{service}-grpc:{DEFAULT_PORTS[service]}":
            report.add(f"{where} service gateway", f"{service.upper()}_GRPC_ADDR must be "
                                                   f"{service}-grpc:{DEFAULT_PORTS[service]}")
    if not any(str(p).endswith("8080:8080") for p in gateway.get("ports") or []):
        report.add(f"{where} service gateway", "must publish 8080")


def _check_compose_grpc(name: str, service: str, svc: dict, report: Report) -> None:
    where = f"compose.yaml service {name}"
    test = (svc.get("healthcheck") or {}).get("test") or []
    if not test or test[-1] != f"127.0.0.1:{DEFAULT_PORTS[service]}":
        report.add(where, f"healthcheck must probe 127.0.0.1:{DEFAULT_PORTS[service]}")
    depends = svc.get("depends_on") or {}
    condition = (depends.get(f"migrate-{service}") or {}) if isinstance(depends, dict) else {}
    if condition.get("condition") != "service_completed_successfully":
        report.add(where, f"must wait for migrate-{service} (service_completed_successfully)")


# --- (b) Kubernetes ------------------------------------------------------------------
class RenderError(Exception):
    pass


def render(kustomization_dir: pathlib.Path) -> list[dict]:
    """What `kustomize build` gives for the small subset of kustomize these files use."""
    path = kustomization_dir / "kustomization.yaml"
    spec = _load_yaml(path)
    unknown = set(spec) - KUSTOMIZE_FIELDS
    if unknown:
        raise RenderError(f"{path}: fields this check cannot render: {', '.join(sorted(unknown))}")
    resources: list[dict] = []
    for entry in spec.get("resources") or []:
        target = (kustomization_dir / entry).resolve()
        if target.is_dir():
            resources.extend(render(target))
        elif target.is_file():
            resources.extend(d for d in yaml.safe_load_all(target.read_text()) if d)
        else:
            raise RenderError(f"{path}: resource {entry} does not exist")
    for patch in spec.get("patches") or []:
        _apply_patch(resources, patch, kustomization_dir, path)
    if spec.get("namespace"):
        for doc in resources:
            if doc.get("kind") not in CLUSTER_SCOPED:
                doc.setdefault("metadata", {})["namespace"] = spec["namespace"]
    for image in spec.get("images") or []:
        for container in _containers_of_all(resources):
            _set_image(container, image)
    for replicas in spec.get("replicas") or []:
        matches = [d for d in resources if d.get("kind") in ("Deployment", "StatefulSet", "ReplicaSet")
                   and d["metadata"]["name"] == replicas["name"]]
        if not matches:
            raise RenderError(f"{path}: replicas for {replicas['name']}, which does not exist")
        for doc in matches:
            doc["spec"]["replicas"] = replicas["count"]
    return resources


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
    last = parts[-1]
    kind = op["op"]
    if isinstance(parent, list):
        index = len(parent) if last == "-" else int(last)
        if kind == "add":
            parent.insert(index, op["value"])
        elif kind == "replace":
            parent[index] = op["value"]
        elif kind == "remove":
            del parent[index]
        else:
            raise RenderError(f"{where}: JSON patch op {kind} is not supported here")
        return
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


def _kubectl_render(kustomization_dir: pathlib.Path) -> list[dict] | None:
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        return None
    result = subprocess.run([kubectl, "kustomize", str(kustomization_dir)],
                            capture_output=True, text=True, check=False, timeout=120)
    if result.returncode != 0:
        raise RenderError(f"kubectl kustomize {kustomization_dir}: {result.stderr.strip()}")
    return [d for d in yaml.safe_load_all(result.stdout) if d]


def _kubernetes_validate():
    from kubernetes_validate import utils as kv
    # It reads its (large) schema files again for every document; they never change during
    # a run, so read each once.
    if not hasattr(kv.schema_contents, "cache_info"):
        kv.schema_contents = functools.lru_cache(maxsize=None)(kv.schema_contents)
    return kv


def check_kubernetes(deploy_dir: pathlib.Path, report: Report) -> None:
    kv = _kubernetes_validate()
    k8s = deploy_dir / "k8s"
    files = sorted(p for p in k8s.rglob("*.yaml") if p.name != "kustomization.yaml")
    for path in files:
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                _validate(kv, doc, str(path.relative_to(deploy_dir)), report)
    secrets = _check_secret_template(k8s / "secrets.template.yaml", report)
    kustomizations = sorted(p.parent for p in k8s.rglob("kustomization.yaml"))
    if not any(p.name == "base" for p in kustomizations):
        report.add("k8s", "no base/kustomization.yaml")
    for directory in kustomizations:
        where = str(directory.relative_to(deploy_dir))
        try:
            rendered = render(directory)
            from_kubectl = _kubectl_render(directory)
        except (RenderError, OSError, KeyError, ValueError, yaml.YAMLError) as error:
            report.add(where, f"cannot be rendered: {error}")
            continue
        report.count("kustomizations")
        if from_kubectl is not None:
            report.count("agreeing with kubectl kustomize")
            _compare_renderings(where, rendered, from_kubectl, report)
        if directory.name != "base":
            for doc in rendered:
                _validate(kv, doc, f"{where} (rendered)", report)
        try:
            _check_rendered(where, rendered, secrets, report)
        except (KeyError, IndexError, TypeError, AttributeError) as error:
            report.add(where, f"malformed manifest: {type(error).__name__}: {error}")


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
    """The Secrets the manifests may refer to: a template whose values are all placeholders."""
    where = str(path.name)
    if not path.exists():
        report.add("k8s", "no secrets.template.yaml")
        return {}
    secrets = {}
    for doc in yaml.safe_load_all(path.read_text()):
        if not doc:
            continue
        if doc.get("kind") != "Secret":
            report.add(where, f"{doc.get('kind')} does not belong in the secrets template")
            continue
        name = doc["metadata"]["name"]
        if doc.get("data"):
            report.add(where, f"Secret {name}: use stringData placeholders, never data")
        values = doc.get("stringData") or {}
        for key, value in values.items():
            if not str(value).startswith(PLACEHOLDER):
                report.add(where, f"Secret {name} key {key} holds a value, not a {PLACEHOLDER} placeholder")
        secrets[name] = set(values)
    return secrets


def _check_rendered(where: str, docs: list[dict], secrets: dict[str, set[str]], report: Report) -> None:
    by_kind: dict[str, dict[str, dict]] = {}
    for doc in docs:
        names = by_kind.setdefault(doc["kind"], {})
        if doc["metadata"]["name"] in names:
            report.add(where, f"two {doc['kind']} named {doc['metadata']['name']}")
        names[doc["metadata"]["name"]] = doc
    if "Secret" in by_kind:
        report.add(where, "Secrets do not belong in a kustomization (secrets.template.yaml shows them)")
    expected = expected_commands()
    workloads = {**by_kind.get("Deployment", {}), **by_kind.get("Job", {})}
    for name, doc in workloads.items():
        report.count(f"{doc['kind']}s checked")
        pod = doc["spec"]["template"]
        _check_pod(f"{where} {doc['kind']} {name}", pod, by_kind, secrets, report)
        containers = pod["spec"]["containers"]
        if len(containers) != 1:
            report.add(f"{where} {doc['kind']} {name}", "must run exactly one container, its process")
            continue
        container = containers[0]
        command = [*(container.get("command") or []), *(container.get("args") or [])]
        _check_command(name, command or None, expected, f"{where} {doc['kind']} {name}", report)
    for name in expected:
        kind = "Deployment" if any(p.name == name for p in PROCESSES) else "Job"
        if name not in by_kind.get(kind, {}):
            report.add(where, f"no {kind} {name} (it runs {_shell(expected[name])})")
    _check_grpc_servers(where, by_kind, report)
    _check_gateway(where, by_kind, report)
    _check_config(where, by_kind.get("ConfigMap", {}).get("campus-config"), report)


def _check_pod(where: str, pod: dict, by_kind: dict, secrets: dict, report: Report) -> None:
    spec = pod["spec"]
    pod_security = spec.get("securityContext") or {}
    for container in spec.get("containers", []) + spec.get("initContainers", []):
        here = f"{where} container {container['name']}"
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
        resources = container.get("resources") or {}
        for bound in ("requests", "limits"):
            for resource in ("cpu", "memory"):
                if resource not in (resources.get(bound) or {}):
                    report.add(here, f"no {resource} {bound}")
        _check_pinned(container.get("image", ""), here, report)
        for source in container.get("envFrom") or []:
            if "configMapRef" in source and source["configMapRef"]["name"] not in by_kind.get("ConfigMap", {}):
                report.add(here, f"ConfigMap {source['configMapRef']['name']} does not exist")
            if "secretRef" in source and source["secretRef"]["name"] not in secrets:
                report.add(here, f"Secret {source['secretRef']['name']} is not in secrets.template.yaml")
    for volume in spec.get("volumes") or []:
        if "secret" in volume and volume["secret"]["secretName"] not in secrets:
            report.add(where, f"Secret {volume['secret']['secretName']} is not in secrets.template.yaml")
        if "hostPath" in volume:
            report.add(where, "hostPath volumes are not allowed")


def _check_grpc_servers(where: str, by_kind: dict, report: Report) -> None:
    deployments, services = by_kind.get("Deployment", {}), by_kind.get("Service", {})
    for process in (p for p in PROCESSES if p.role == "grpc"):
        port = DEFAULT_PORTS[process.service]
        deployment = deployments.get(process.name)
        if deployment is None:
            continue
        here = f"{where} Deployment {process.name}"
        pod = deployment["spec"]["template"]
        container = pod["spec"]["containers"][0]
        for probe in ("readinessProbe", "livenessProbe"):
            if ((container.get(probe) or {}).get("grpc") or {}).get("port") != port:
                report.add(here, f"{probe} must be a gRPC probe on port {port}")
        if port not in [p.get("containerPort") for p in container.get("ports") or []]:
            report.add(here, f"must declare containerPort {port}")
        service = services.get(process.service)
        if service is None:
            report.add(where, f"no Service {process.service} for {process.name}")
            continue
        if not _selects(service["spec"].get("selector") or {}, pod):
            report.add(f"{where} Service {process.service}", f"does not select the pods of {process.name}")
        if port not in [p.get("port") for p in service["spec"].get("ports") or []]:
            report.add(f"{where} Service {process.service}", f"must expose port {port}")


def _check_gateway(where: str, by_kind: dict, report: Report) -> None:
    deployments = by_kind.get("Deployment", {})
    hpas = by_kind.get("HorizontalPodAutoscaler", {})
    for name in (GATEWAY.name, "exams-grpc", "finance-grpc"):
        targets = [h for h in hpas.values() if h["spec"]["scaleTargetRef"].get("name") == name]
        if not targets:
            report.add(where, f"no HorizontalPodAutoscaler for {name}")
    for hpa in hpas.values():
        if hpa["spec"]["scaleTargetRef"].get("name") not in deployments:
            report.add(where, f"HorizontalPodAutoscaler {hpa['metadata']['name']} scales a missing Deployment")
    gateway = deployments.get(GATEWAY.name)
    if gateway is None:
        return
    pod = gateway["spec"]["template"]
    if not any(_selects(p["spec"]["selector"].get("matchLabels") or {}, pod)
               for p in by_kind.get("PodDisruptionBudget", {}).values()):
        report.add(where, "no PodDisruptionBudget for the gateway")
    if not any(_selects(s["spec"].get("selector") or {}, pod) for s in by_kind.get("Service", {}).values()):
        report.add(where, "no Service for the gateway")
    probe = pod["spec"]["containers"][0].get("readinessProbe") or {}
    if (probe.get("httpGet") or {}).get("path") != "/healthz":
        report.add(f"{where} Deployment gateway", "readinessProbe must GET /healthz")


def _check_config(where: str, config: dict | None, report: Report) -> None:
    if config is None:
        report.add(where, "no ConfigMap campus-config")
        return
    data = config.get("data") or {}
    for key in ("GRPC_BIND_HOST", "GATEWAY_BIND_HOST"):
        if data.get(key) != "0.0.0.0":
            report.add(f"{where} ConfigMap campus-config", f"{key} must be 0.0.0.0")
    for service in SERVICES:
        key, value = f"{service.upper()}_GRPC_ADDR", f"{service}:{DEFAULT_PORTS[service]}"
        if data.get(key) != value:
            report.add(f"{where} ConfigMap campus-config", f"{key} must be {value}")


def _selects(selector: dict, pod: dict) -> bool:
    labels = pod.get("metadata", {}).get("labels") or {}
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def _containers_of_all(docs: list[dict]):
    for doc in docs:
        pod = (doc.get("spec") or {}).get("template") or {}
        spec = pod.get("spec") or {}
        yield from spec.get("containers") or []
        yield from spec.get("initContainers") or []


# --- (d) Dockerfile ------------------------------------------------------------------
def dockerfile_instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined and comments dropped."""
    instructions, pending = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        keyword, _, rest = line.partition(" ")
        instructions.append((keyword.upper(), rest.strip()))
    return instructions


def check_dockerfile(deploy_dir: pathlib.Path, report: Report) -> None:
    where = "docker/Dockerfile"
    instructions = dockerfile_instructions((deploy_dir / "docker" / "Dockerfile").read_text())
    args: dict[str, str] = {}
    stages: list[list[tuple[str, str]]] = []
    names: set[str] = set()
    for keyword, rest in instructions:
        if keyword == "ARG" and not stages:
            name, _, default = rest.partition("=")
            args[name] = default
        if keyword == "FROM":
            words = [w for w in rest.split() if not w.startswith("--")]
            image = re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m.group(1), m.group(0)), words[0])
            if image not in names:
                _check_pinned(image, f"{where} FROM {words[0]}", report)
            if len(words) >= 3 and words[1].upper() == "AS":
                names.add(words[2])
            stages.append([])
        elif stages:
            stages[-1].append((keyword, rest))
    report.count("Dockerfile stages", len(stages))
    if len(stages) < 2:
        report.add(where, "must be multi-stage (a builder and a runtime stage)")
        return
    runs = " ".join(rest for stage in stages for keyword, rest in stage if keyword == "RUN")
    if "-m campus.protogen" not in runs:
        report.add(where, "no `python -m campus.protogen` step: the cms package would be missing")
    if "pip install -r requirements.txt" not in runs:
        report.add(where, "no `pip install -r requirements.txt` step")
    final = stages[-1]
    users = [rest for keyword, rest in final if keyword == "USER"]
    if not users or not re.fullmatch(r"\d+(:\d+)?", users[-1]) or users[-1].split(":")[0] == "0":
        report.add(where, "the runtime stage must end with USER <numeric uid other than 0>")
    final_runs = " ".join(rest for keyword, rest in final if keyword == "RUN")
    if re.search(r"\b(gcc|g\+\+|build-essential|make|python3-dev)\b", final_runs):
        report.add(where, "the runtime stage must not install build tools")
    env = " ".join(rest for keyword, rest in final if keyword == "ENV")
    for setting in ("PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1", "PYTHONPATH=/app"):
        if setting not in env:
            report.add(where, f"the runtime stage must set {setting}")
    cmds = [rest for keyword, rest in final if keyword == "CMD"]
    try:
        cmd = tuple(json.loads(cmds[-1])) if cmds else ()
    except json.JSONDecodeError:
        cmd = ()
    if cmd != GATEWAY.command:
        report.add(where, f"CMD must be the gateway in exec form: {json.dumps(list(GATEWAY.command))}")
    _check_dockerignore(deploy_dir.parent / ".dockerignore", report)


def _check_dockerignore(path: pathlib.Path, report: Report) -> None:
    if not path.exists():
        report.add(".dockerignore", "missing at the repository root")
        return
    patterns = [line.strip() for line in path.read_text().splitlines()
                if line.strip() and not line.strip().startswith("#")]
    for candidate in MUST_IGNORE:
        if not _docker_ignored(candidate, patterns):
            report.add(".dockerignore", f"lets {candidate} into the build context")
    for candidate in MUST_SEND:
        if _docker_ignored(candidate, patterns):
            report.add(".dockerignore", f"keeps {candidate} out, but the image needs it")


def _docker_ignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule: the last pattern matching the path or one of its parents decides."""
    parts = path.split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        regex = _dockerignore_regex(pattern.lstrip("!").strip("/"))
        if any(regex.fullmatch(prefix) for prefix in prefixes):
            ignored = not negate
    return ignored


def _dockerignore_regex(pattern: str) -> re.Pattern:
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        elif pattern[i] == "[":
            end = pattern.index("]", i)
            out, i = out + pattern[i:end + 1], end + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out)


# --- the rest ------------------------------------------------------------------------
def check_postgres_init(deploy_dir: pathlib.Path, report: Report) -> None:
    text = (deploy_dir / "postgres" / "initdb.sh").read_text()
    match = re.search(r"for service in ([\w ]+); do", text)
    listed = tuple(match.group(1).split()) if match else ()
    if listed != SERVICES:
        report.add("postgres/initdb.sh", f"must create a database for each of {', '.join(SERVICES)}")


def _check_command(name: str, command, expected: dict, where: str, report: Report) -> None:
    if name not in expected:
        report.add(where, "runs the campus image but is no process of deploy/processes.py")
        return
    if not isinstance(command, list):
        report.add(where, f"must state its command as a list: {json.dumps(list(expected[name]))}")
        return
    if tuple(command) != expected[name]:
        report.add(where, f"runs {_shell(command)}, but deploy/processes.py says {_shell(expected[name])}")


def _check_pinned(image: str, where: str, report: Report) -> None:
    name = image.partition("@")[0]
    tag = name.rpartition(":")[2] if ":" in name.rpartition("/")[2] else ""
    if "@sha256:" in image:
        return
    if not tag or tag == "latest":
        report.add(where, f"image {image or '(none)'} must be pinned to a tag other than latest")


def _service_of(name: str) -> str:
    for prefix in ("migrate-", "declare-queues-"):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name.rsplit("-", 1)[0] if "-" in name else name


def _shell(command) -> str:
    return " ".join(command)


def _load_yaml(path: pathlib.Path) -> dict:
    return yaml.safe_load(path.read_text()) or {}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    report = run(pathlib.Path(args[0]).resolve() if args else DEPLOY)
    if report.problems:
        print(f"deploy check: {len(report.problems)} problem(s)", file=sys.stderr)
        for problem in report.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    summary = ", ".join(f"{n} {what}" for what, n in report.counts.items())
    print(f"deploy check: ok ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
