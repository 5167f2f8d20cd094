"""Prove the deployment files run what deploy/processes.py says, and run it safely.

    .venv/bin/python -m deploy.check [DEPLOY_DIR]   (make check-deploy; deploy/tests/unit runs it too)

(a) compose.py: compose.yaml against the compose-spec schema (check-jsonschema's vendored
    copy: offline), its services' hardening and start-up order, every relay after every
    consumer's declare-queues, each relay's and consumer's heartbeat healthcheck;
(b) kubernetes.py: every Kubernetes manifest against the Kubernetes schemas
    (kubernetes-validate, strict), the base and each overlay rendered by kustomize.py (and,
    where kubectl is installed, compared with `kubectl kustomize`), then workloads.py,
    init_containers.py (every relay declares every consumer's queues first), pods.py,
    endpoints.py and liveness.py (each relay and consumer probed by its own heartbeat file)
    on what they render;
(c) commands.py: every command in compose and in the Deployments (init containers too) and
    Jobs is exactly a command of deploy/processes.py (PROCESSES, migrate_command,
    declare_queues_command), under the name of its process, and every process runs in both;
(d) dockerfile.py: pinned bases, a numeric non-root user, the protogen step, the gateway as
    CMD, and a .dockerignore that keeps the work tree's leftovers out;
(e) generated.py: every file deploy/render.py writes is what it would write now (so
    (a)-(c) check the generator's output, and nobody edited it by hand);
plus the rules the manifests promise: non-root, read-only root file system, no privilege
escalation, no capabilities, RuntimeDefault seccomp, resource requests and limits, gRPC
probes on each server's port, and no real secret committed.

Exits 1 with the list of problems, 0 with a one-line summary.
"""
from __future__ import annotations

import pathlib
import sys

import yaml

from deploy.checks.common import DEPLOY, Report
from deploy.checks.compose import check_compose, check_compose_schema, check_postgres_init
from deploy.checks.dockerfile import check_dockerfile
from deploy.checks.generated import check_generated
from deploy.checks.kubernetes import check_kubernetes

PARTS = (check_generated, check_compose_schema, check_compose, check_kubernetes, check_dockerfile,
         check_postgres_init)
#: What a file too malformed to walk raises: a problem to list, not a traceback.
MALFORMED = (OSError, yaml.YAMLError, KeyError, IndexError, TypeError, AttributeError, ValueError)


def run(deploy_dir: pathlib.Path = DEPLOY) -> Report:
    report = Report()
    for part in PARTS:
        try:
            part(deploy_dir, report)
        except MALFORMED as error:
            report.add(part.__name__, f"could not check: {type(error).__name__}: {error}")
    return report


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
