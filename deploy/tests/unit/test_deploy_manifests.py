"""deploy.checks on the real files passes, and on a copy broken in one place it says where.

Each broken copy lives in tmp_path; the repository's files are never touched.
"""
import pathlib
import shutil
import subprocess
import sys

import pytest

from campus import liveness
from deploy import checks
from deploy.checks import kustomize
from deploy.processes import CONTAINER_HEARTBEAT_DIR, CONTAINER_VAR_DIR, PROCESSES, liveness_command

REPO = checks.DEPLOY.parent


@pytest.fixture
def tree(tmp_path, monkeypatch) -> pathlib.Path:
    """A copy of deploy/ (and the root .dockerignore) to break; kubectl left out for speed."""
    shutil.copytree(checks.DEPLOY, tmp_path / "deploy",
                    ignore=shutil.ignore_patterns("__pycache__", "tests", ".env", "secrets"))
    shutil.copy(REPO / ".dockerignore", tmp_path / ".dockerignore")
    monkeypatch.setattr(kustomize, "kubectl_render", lambda directory: None)
    return tmp_path / "deploy"


def break_file(root: pathlib.Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text()
    assert old in text, f"{old!r} is not in {relative}: update this test"
    path.write_text(text.replace(old, new))


def test_the_deployment_files_pass():
    report = checks.run()
    assert report.problems == []
    assert report.counts["kustomizations"] >= 2
    relays = [p for p in PROCESSES if p.role == "relay"]
    places = 1 + report.counts["kustomizations"]  # compose and each kustomization: no relay escaped
    assert report.counts["relays waiting for every consumer's queues"] == len(relays) * places
    beating = [p for p in PROCESSES if p.role in ("relay", "consumer")]
    assert report.counts["relays and consumers probed by their heartbeat"] == len(beating) * places


def test_the_command_line_prints_one_line_and_exits_zero():
    result = subprocess.run([sys.executable, "-m", "deploy.check"], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("deploy check: ok") and result.stdout.count("\n") == 1


def test_the_local_overlay_renders_one_replica_of_each_process_in_its_namespace():
    docs = kustomize.render(checks.DEPLOY / "k8s" / "overlays" / "local")
    deployments = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Deployment"}
    assert set(deployments) == {p.name for p in PROCESSES}
    assert all(d["spec"]["replicas"] == 1 for d in deployments.values())
    assert {d["metadata"].get("namespace") for d in docs if d["kind"] != "Namespace"} == {"campus"}
    images = {c["image"] for c in kustomize.containers_of_all(docs)}
    assert images == {"campus-management:local"}
    assert {d["spec"]["minReplicas"] for d in docs if d["kind"] == "HorizontalPodAutoscaler"} == {1}


def test_an_unbroken_copy_passes(tree):
    assert checks.run(tree).problems == []


BROKEN = [
    # (id, file, old, new, what the report must say)
    ("compose-command", "compose.yaml",
     'command: ["python", "-m", "services.finance", "relay"]',
     'command: ["python", "-m", "services.finance", "serve"]',
     "compose.yaml service finance-relay: runs python -m services.finance serve"),
    ("compose-missing-process", "compose.yaml", "\n  tracking-consumer:\n", "\n  tracking-consumers:\n",
     "compose.yaml: no service tracking-consumer"),
    ("compose-schema", "compose.yaml", "\n  redis:\n    image:", "\n  redis:\n    imagee: redis\n    image:",
     "does not follow the compose spec"),
    ("compose-health-port", "compose.yaml", "- 127.0.0.1:50053", "- 127.0.0.1:50054",
     "compose.yaml service exams-grpc: healthcheck must probe 127.0.0.1:50053"),
    ("compose-bind-host", "compose.yaml", "GRPC_BIND_HOST: 0.0.0.0", "GRPC_BIND_HOST: 127.0.0.1",
     "GRPC_BIND_HOST must be 0.0.0.0"),
    ("k8s-deployment-command", "k8s/base/finance.yaml",
     'command: ["python", "-m", "services.finance", "relay"]',
     'command: ["python", "-m", "services.finance", "relay", "--fast"]',
     "Deployment finance-relay: runs python -m services.finance relay --fast"),
    ("k8s-job-command", "k8s/base/exams.yaml", '"services.exams", "migrate"]', '"services.exams", "seed"]',
     "Job migrate-exams: runs python -m services.exams seed"),
    ("k8s-missing-process", "k8s/base/kustomization.yaml", "  - tracking.yaml\n", "",
     "no Deployment tracking-consumer"),
    # Relays publish without `mandatory`: each waits for every consumer's queues, not only its own.
    ("compose-relay-before-queues", "compose.yaml", "      <<: *queues-declared\n      migrate-finance:",
     "      migrate-finance:",
     "compose.yaml service finance-relay: must wait for declare-queues-requests (service_completed_successfully)"),
    ("compose-relay-before-other-queues", "compose.yaml",
     "  declare-queues-notifications: {condition: service_completed_successfully}\n\n",
     "  declare-queues-notifications: {condition: service_started}\n\n",
     "compose.yaml service requests-relay: must wait for declare-queues-notifications"),
    ("k8s-relay-before-queues", "k8s/base/finance.yaml", "- name: declare-queues-tracking",
     "- name: declare-queues-trackin", "Deployment finance-relay: no init container declare-queues-tracking"),
    ("k8s-init-command", "k8s/base/identity.yaml", '"services.requests", "declare-queues"]',
     '"services.requests", "consume"]',
     "Deployment identity-relay init container declare-queues-requests: runs python -m services.requests consume"),
    ("k8s-init-not-a-step", "k8s/base/exams.yaml",
     '- name: declare-queues-requests\n          image: campus-management:0.1.0\n'
     '          command: ["python", "-m", "services.requests", "declare-queues"]',
     '- name: requests-consumer\n          image: campus-management:0.1.0\n'
     '          command: ["python", "-m", "services.requests", "consume"]',
     "Deployment exams-relay init container requests-consumer: must be a one-off step"),
    ("k8s-init-image", "k8s/base/exams.yaml",
     "- name: declare-queues-tracking\n          image: campus-management:0.1.0",
     "- name: declare-queues-tracking\n          image: campus-management:0.0.9",
     "Deployment exams-relay init container declare-queues-tracking: must run the image of exams-relay"),
    ("k8s-init-no-amqp", "k8s/base/enrollment.yaml",
     '"services.tracking", "declare-queues"]\n          envFrom:\n            - configMapRef: {name: campus-config}\n'
     "            - secretRef: {name: tracking-broker}\n",
     '"services.tracking", "declare-queues"]\n          envFrom:\n            - configMapRef: {name: campus-config}\n',
     "Deployment enrollment-relay init container declare-queues-tracking: takes AMQP_URL from no Secret"),
    ("k8s-init-config", "k8s/base/tracking.yaml",
     '"services.requests", "declare-queues"]\n          envFrom:\n            - configMapRef: {name: campus-config}\n',
     '"services.requests", "declare-queues"]\n          envFrom:\n',
     "Deployment tracking-relay init container declare-queues-requests: must read the ConfigMaps requests-consumer"),
    ("k8s-init-foreign-database", "k8s/base/finance.yaml",
     '"services.requests", "declare-queues"]\n          envFrom:\n',
     '"services.requests", "declare-queues"]\n          envFrom:\n            - secretRef: {name: requests-database}\n',
     "Deployment finance-relay init container declare-queues-requests: must not hold the requests database's"),
    ("k8s-schema", "k8s/base/gateway.yaml", "readinessProbe:", "readinesProbe:",
     "is not valid Kubernetes"),
    ("k8s-read-only-root", "k8s/base/requests.yaml", "readOnlyRootFilesystem: true",
     "readOnlyRootFilesystem: false", "readOnlyRootFilesystem must be true"),
    ("k8s-grpc-probe-port", "k8s/base/finance.yaml", "grpc: {port: 50054}", "grpc: {port: 50053}",
     "readinessProbe must be a gRPC probe on port 50054"),
    ("k8s-no-limits", "k8s/base/identity.yaml", 'limits: {cpu: "1", memory: 512Mi}', "limits: {cpu: \"1\"}",
     "no memory limits"),
    ("k8s-config-address", "k8s/base/config.yaml", "FINANCE_GRPC_ADDR: finance:50054",
     "FINANCE_GRPC_ADDR: finance:50055", "FINANCE_GRPC_ADDR must be finance:50054"),
    ("k8s-real-secret", "k8s/secrets.template.yaml", "GATEWAY_SESSION_SECRET: REPLACE_ME",
     "GATEWAY_SESSION_SECRET: 0123456789abcdef0123456789abcdef", "holds a value"),
    ("k8s-unrenderable-overlay", "k8s/overlays/local/kustomization.yaml", "namespace: campus\n",
     "namespace: campus\ncommonLabels: {team: campus}\n", "cannot be rendered"),
    ("dockerfile-root", "docker/Dockerfile", "USER 10001:10001", "USER root", "USER <numeric uid"),
    ("dockerfile-cmd", "docker/Dockerfile", 'CMD ["gunicorn",', 'CMD ["flask", "run", "gunicorn",',
     "CMD must be the gateway"),
    ("dockerfile-latest", "docker/Dockerfile", "ARG PYTHON_IMAGE=python:3.11-slim-bookworm",
     "ARG PYTHON_IMAGE=python:latest", "must be pinned to a tag other than latest"),
    ("dockerfile-no-protogen", "docker/Dockerfile", "RUN python -m campus.protogen /app", "RUN true",
     "campus.protogen"),
    ("dockerignore-lets-in", "../.dockerignore", "\n.git/\n", "\n.git/\n!cms/\n",
     "lets cms/__init__.py into the build context"),
    ("dockerignore-keeps-out", "../.dockerignore", "\n.git/\n", "\n.git/\nservices/*/service.py\n",
     "keeps services/finance/service.py out"),
    ("postgres-databases", "postgres/initdb.sh", "finance requests", "requests",
     "postgres/initdb.sh: must create a database"),
    # Relays and consumers are probed by their own heartbeat file, not another process's.
    ("k8s-heartbeat-of-another", "k8s/base/finance.yaml", "/tmp/heartbeats/finance-relay.heartbeat",
     "/tmp/heartbeats/exams-relay.heartbeat",
     "Deployment finance-relay: livenessProbe must exec python -m campus.liveness "
     "/tmp/heartbeats/finance-relay.heartbeat 60"),
    ("k8s-no-heartbeat-probe", "k8s/base/requests.yaml",
     '            exec:\n              command: ["python", "-m", "campus.liveness", '
     '"/tmp/heartbeats/requests-consumer.heartbeat", "60"]\n',
     "            tcpSocket: {port: 8080}\n",
     "Deployment requests-consumer: livenessProbe must exec python -m campus.liveness"),
    ("compose-heartbeat-of-another", "compose.yaml", '"/tmp/heartbeats/tracking-consumer.heartbeat", "60"]',
     '"/tmp/heartbeats/tracking-relay.heartbeat", "60"]',
     "compose.yaml service tracking-consumer: healthcheck must run python -m campus.liveness "
     "/tmp/heartbeats/tracking-consumer.heartbeat 60"),
    ("k8s-another-services-key", "k8s/base/finance.yaml", "secretName: finance-service-key",
     "secretName: requests-service-key", "Deployment finance-grpc container finance-grpc: holds requests-service-key"),
    ("k8s-gateway-with-a-broker-user", "k8s/base/gateway.yaml", "            - secretRef: {name: gateway-redis}\n",
     "            - secretRef: {name: gateway-redis}\n            - secretRef: {name: finance-broker}\n",
     "Deployment gateway container gateway: holds finance-broker"),
    ("k8s-init-with-the-relays-broker-user", "k8s/base/exams.yaml", "- secretRef: {name: tracking-broker}",
     "- secretRef: {name: exams-broker}",
     "init container declare-queues-tracking: declares tracking's queues with exams-broker"),
    ("k8s-no-default-deny", "k8s/base/network-policies.yaml", "  podSelector: {}\n  policyTypes: [Ingress, Egress]\n",
     "  podSelector: {matchLabels: {app.kubernetes.io/name: nothing}}\n  policyTypes: [Ingress, Egress]\n",
     "no default-deny NetworkPolicy"),
    ("k8s-gateway-reaches-the-broker", "k8s/base/network-policies.yaml", "        - {protocol: TCP, port: 6379}\n",
     "        - {protocol: TCP, port: 5672}\n", "NetworkPolicy gateway: lets the gateway reach RabbitMQ"),
    ("k8s-server-unreachable", "k8s/base/network-policies.yaml",
     "  podSelector: {matchLabels: {app.kubernetes.io/name: exams-grpc}}",
     "  podSelector: {matchLabels: {app.kubernetes.io/name: exams-grpc-old}}",
     "Deployment exams-grpc: no NetworkPolicy lets anything reach it"),
    ("generated-edited-by-hand", "k8s/base/enrollment.yaml", "replicas: 2", "replicas: 3",
     "k8s/base/enrollment.yaml: differs from what `python -m deploy.render` writes"),
]


@pytest.mark.parametrize("relative, old, new, expected", [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_broken_copy_is_reported(tree, relative, old, new, expected):
    break_file(tree, relative, old, new)
    problems = checks.run(tree).problems
    assert any(expected in problem for problem in problems), "\n".join(problems) or "no problem reported"


def test_the_probes_read_the_file_the_processes_write(monkeypatch):
    monkeypatch.setenv("CAMPUS_HEARTBEAT_DIR", CONTAINER_HEARTBEAT_DIR)  # as the containers' environment says
    for process in (p for p in PROCESSES if p.heartbeat):
        written = liveness.heartbeat_file(pathlib.PurePosixPath(CONTAINER_VAR_DIR), process.name)
        assert liveness_command(process) == ("python", "-m", "campus.liveness", str(written), "60")
    for environment in ("compose.yaml", "k8s/base/config.yaml"):
        assert f"CAMPUS_HEARTBEAT_DIR: {CONTAINER_HEARTBEAT_DIR}" in (checks.DEPLOY / environment).read_text()


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
def test_a_renderer_that_drifts_from_kubectl_is_reported(monkeypatch):
    render = kustomize.render

    def forgetful(directory):
        docs = render(directory)
        for doc in docs:
            doc["metadata"].pop("namespace", None)
        return docs

    monkeypatch.setattr(kustomize, "render", forgetful)
    report = checks.Report()
    checks.check_kubernetes(checks.DEPLOY, report)
    assert any("renders differently here and in kubectl kustomize" in p for p in report.problems)
