"""Every process of the system and the command that starts it.

One table for the local launcher, the container images, compose and Kubernetes:
deploy/check.py proves that compose and the manifests run exactly these commands. It is
derived from each service's definition (campus.registry): a gRPC server and a relay for
every service, a consumer for those that declare one.
"""
from __future__ import annotations

from dataclasses import dataclass

from campus import registry

SERVICES = registry.names()
#: Each service's gRPC port, as it declares it.
DEFAULT_PORTS = {d.name: d.port for d in registry.definitions()}
#: Services that consume events, hence run a nameko consumer process.
CONSUMERS = tuple(d.name for d in registry.with_consumers())
#: Services with demo data for `make up`, in the order they are seeded.
SEEDED = tuple(d.name for d in registry.with_seed())


@dataclass(frozen=True)
class Process:
    name: str              # e.g. "finance-grpc"
    service: str           # "finance", or "gateway"
    role: str              # grpc | relay | consumer | gateway
    command: tuple[str, ...]

    @property
    def heartbeat(self) -> bool:
        """Whether it reports liveness by heartbeat file (it serves no port to probe)."""
        return self.role in ("relay", "consumer")


def _service_processes(service: str) -> list[Process]:
    module = ("python", "-m", f"services.{service}")
    processes = [Process(f"{service}-grpc", service, "grpc", (*module, "serve")),
                 Process(f"{service}-relay", service, "relay", (*module, "relay"))]
    if service in CONSUMERS:
        processes.append(Process(f"{service}-consumer", service, "consumer", (*module, "consume")))
    return processes


GATEWAY = Process("gateway", "gateway", "gateway",
                  ("gunicorn", "--config", "python:gateway.gunicorn_conf", "gateway.wsgi:app"))

PROCESSES: tuple[Process, ...] = (*[p for s in SERVICES for p in _service_processes(s)], GATEWAY)

#: Where every container keeps its writable state (CAMPUS_VAR_DIR in compose and Kubernetes).
CONTAINER_VAR_DIR = "/var/lib/cms"
#: Each container's own: /tmp is a tmpfs (compose) or an emptyDir (Kubernetes) per container.
CONTAINER_HEARTBEAT_DIR = "/tmp/heartbeats"
LIVENESS_MAX_AGE_SECONDS = 60


def liveness_command(process: Process) -> tuple[str, ...]:
    """How a container tells whether a relay or consumer is alive: its heartbeat file
    (campus.liveness.heartbeat_file in CONTAINER_HEARTBEAT_DIR) beat within the max age."""
    heartbeat = f"{CONTAINER_HEARTBEAT_DIR}/{process.name}.heartbeat"
    return ("python", "-m", "campus.liveness", heartbeat, str(LIVENESS_MAX_AGE_SECONDS))


#: One-off steps before the processes start (a Kubernetes Job / compose one-shot service).
def migrate_command(service: str) -> tuple[str, ...]:
    return ("python", "-m", f"services.{service}", "migrate")


def declare_queues_command(service: str) -> tuple[str, ...]:
    return ("python", "-m", f"services.{service}", "declare-queues")
