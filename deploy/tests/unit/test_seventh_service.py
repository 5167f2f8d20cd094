"""Issue 5's claim: adding a service (here an eighth) is one new folder.

In a copy of the repository's code (tmp_path; the real tree is never touched), a new
`services/bursary/` holding only its definition and config is all that is written by hand:
`python -m deploy.render` then writes its Kubernetes file, compose services, database,
address, secrets and every relay's wait for its queues, and `python -m deploy.check` passes.
"""
import dataclasses
import os
import pathlib
import shutil
import subprocess
import sys

import pytest
import yaml

from deploy import render
from deploy.checks import DEPLOY

REPO = DEPLOY.parent

BURSARY_CONFIG = '''from campus.config import ServiceConfig


class BursaryConfig(ServiceConfig):
    service = "bursary"
'''

# What a new service with a consumer, autoscaling and a secret file declares; nothing else.
BURSARY_BOOTSTRAP = '''from campus.definition import DeploySpec, SecretFile, ServiceDefinition
from services.bursary.config import BursaryConfig

SERVICE = ServiceDefinition(
    name="bursary",
    port=50058,
    proto="cms.bursary.v1.bursary",
    config=BursaryConfig,
    servicer="services.bursary.grpc_api:BursaryServicer",
    models="services.bursary.models:metadata",
    consumer="services.bursary.consumers:BursaryConsumer",
    deploy=DeploySpec(autoscale=(2, 8),
                      secret_files=(SecretFile("bursary-bank-key", "bank-key.pem", setting="BURSARY_BANK_KEY_FILE"),)),
)
'''


def run(root: pathlib.Path, module: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}  # the copy's campus, services and deploy come first
    env.pop("CAMPUS_HEARTBEAT_DIR", None)
    return subprocess.run([sys.executable, "-m", module, *args], cwd=root, env=env, capture_output=True, text=True,
                          timeout=240)


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("seventh")
    ignore = shutil.ignore_patterns("__pycache__", "tests", "migrations", ".env", "secrets")
    for part in ("campus", "services", "deploy"):
        shutil.copytree(REPO / part, root / part, ignore=ignore)
    shutil.copy(REPO / ".dockerignore", root / ".dockerignore")
    bursary = root / "services" / "bursary"
    bursary.mkdir()
    (bursary / "__init__.py").write_text("")
    (bursary / "config.py").write_text(BURSARY_CONFIG)
    (bursary / "bootstrap.py").write_text(BURSARY_BOOTSTRAP)
    before = run(root, "deploy.render", "--check")
    rendered = run(root, "deploy.render")
    assert rendered.returncode == 0, rendered.stderr
    return {"root": root, "deploy": root / "deploy", "before": before, "rendered": rendered}


def load(deploy: pathlib.Path, relative: str) -> list[dict]:
    return [d for d in yaml.safe_load_all((deploy / relative).read_text()) if d]


def test_before_rendering_the_check_names_every_file_to_regenerate(copy):
    before = copy["before"]
    assert before.returncode == 1
    for relative in ("compose.yaml", "k8s/base/bursary.yaml", "k8s/base/config.yaml", "k8s/base/kustomization.yaml",
                     "k8s/secrets.template.yaml", "k8s/overlays/local/kustomization.yaml", "postgres/initdb.sh",
                     "k8s/base/identity.yaml"):  # its relay waits for bursary's queues too
        assert relative in before.stderr


def test_its_kubernetes_file_has_every_process_its_service_autoscaler_and_jobs(copy):
    docs = {(d["kind"], d["metadata"]["name"]): d for d in load(copy["deploy"], "k8s/base/bursary.yaml")}
    assert {("Deployment", f"bursary-{role}") for role in ("grpc", "relay", "consumer")} <= set(docs)
    assert {("Job", "migrate-bursary"), ("Job", "declare-queues-bursary"), ("Service", "bursary"),
            ("PodDisruptionBudget", "bursary-grpc")} <= set(docs)
    hpa = docs[("HorizontalPodAutoscaler", "bursary-grpc")]["spec"]
    assert (hpa["minReplicas"], hpa["maxReplicas"]) == (2, 8)
    assert docs[("Service", "bursary")]["spec"]["ports"][0]["port"] == 50058
    container = docs[("Deployment", "bursary-consumer")]["spec"]["template"]["spec"]["containers"][0]
    assert container["livenessProbe"]["exec"]["command"][3] == "/tmp/heartbeats/bursary-consumer.heartbeat"
    assert {"name": "BURSARY_BANK_KEY_FILE", "value": "/var/run/secrets/campus/bursary-bank-key/bank-key.pem"} \
        in container["env"]
    assert "bursary.yaml" in yaml.safe_load((copy["deploy"] / "k8s/base/kustomization.yaml").read_text())["resources"]


def test_every_relay_declares_its_queues_first(copy):
    deploy = copy["deploy"]
    docs = [d for path in (deploy / "k8s" / "base").glob("*.yaml") for d in load(deploy, str(path.relative_to(deploy)))]
    relays = [d for d in docs
              if d["kind"] == "Deployment" and d["metadata"]["labels"]["app.kubernetes.io/component"] == "relay"]
    assert len(relays) == 8
    for relay in relays:
        assert "declare-queues-bursary" in [c["name"] for c in relay["spec"]["template"]["spec"]["initContainers"]]
    compose = yaml.safe_load((deploy / "compose.yaml").read_text())["services"]
    for name in (n for n in compose if n.endswith("-relay")):
        assert compose[name]["depends_on"]["declare-queues-bursary"] == {"condition": "service_completed_successfully"}


def test_compose_database_address_and_secrets(copy):
    deploy = copy["deploy"]
    compose = yaml.safe_load((deploy / "compose.yaml").read_text())
    services = compose["services"]
    assert {"migrate-bursary", "declare-queues-bursary", "bursary-grpc", "bursary-relay", "bursary-consumer"} \
        <= set(services)
    assert services["gateway"]["environment"]["BURSARY_GRPC_ADDR"] == "bursary-grpc:50058"
    assert services["gateway"]["depends_on"]["bursary-grpc"] == {"condition": "service_healthy"}
    assert services["bursary-relay"]["environment"]["BURSARY_DATABASE_URL"].endswith("@postgres:5432/bursary")
    assert services["bursary-grpc"]["secrets"] == ["bursary_bank_key", "bursary_service_key", "service_public_keys"]
    assert services["bursary-relay"]["environment"]["AMQP_URL"].startswith("amqp://bursary:")
    assert compose["secrets"]["bursary_bank_key"] == {"file": "./secrets/bursary-bank-key.pem"}
    assert "bursary-var" in compose["volumes"]
    assert "for service in identity enrollment exams finance requests tracking notifications bursary; do" \
        in (deploy / "postgres/initdb.sh").read_text()
    config = load(deploy, "k8s/base/config.yaml")[0]["data"]
    assert config["BURSARY_GRPC_ADDR"] == "bursary:50058"
    secrets = {d["metadata"]["name"]: d["stringData"] for d in load(deploy, "k8s/secrets.template.yaml")}
    assert secrets["bursary-database"] == {"BURSARY_DATABASE_URL": "REPLACE_ME"}
    assert secrets["bursary-bank-key"] == {"bank-key.pem": "REPLACE_ME"}
    assert secrets["bursary-service-key"] == {"bursary-service-key.pem": "REPLACE_ME"}
    assert secrets["bursary-broker"] == {"AMQP_URL": "REPLACE_ME"}
    policies = {d["metadata"]["name"] for d in load(deploy, "k8s/base/network-policies.yaml")}
    assert {"bursary-grpc-callers", "bursary-egress"} <= policies
    local = yaml.safe_load((deploy / "k8s/overlays/local/kustomization.yaml").read_text())
    assert {"name": "bursary-consumer", "count": 1} in local["replicas"]


def test_the_checks_pass_on_the_result(copy):
    checked = run(copy["root"], "deploy.check")
    assert checked.returncode == 0, checked.stderr
    # 7 relays and 6 consumers, each in compose and in both kustomizations.
    assert "45 relays and consumers probed by their heartbeat" in checked.stdout
    assert run(copy["root"], "deploy.render", "--check").returncode == 0


def test_a_config_map_nobody_wrote_is_refused_with_where_to_write_it():
    services = render.services()
    odd = dataclasses.replace(services[0], name="odd", spec=render.DeploySpec(config_maps=("odd-config",)))
    with pytest.raises(render.RenderError, match="deploy/templates/compose.yaml.j2"):
        render.render(all_services=[*services, odd])
