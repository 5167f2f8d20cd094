"""What a service declares about itself, in `services/<name>/bootstrap.py`:

    SERVICE = ServiceDefinition(
        name="bursary", port=50057, proto="cms.bursary.v1.bursary", config=BursaryConfig,
        servicer="services.bursary.grpc_api:BursaryServicer", models="services.bursary.models:metadata",
        consumer="services.bursary.consumers:BursaryConsumer", seed="services.bursary.seed:seed",
        loops=[Loop("services.bursary.reminders:send_reminders", every_seconds=30)],
    )

The platform (gRPC server and client, CLI, registry) and deploy (process table,
launcher, manifest checks) derive everything from these declarations, so adding an
RPC, a consumer or a whole service is an edit inside one service's package.

Heavy parts are named as "module:attribute" and imported only by the process that needs
them: the gateway reads every service's definition to reach it, and must not import a
service's database models or consumers to do so.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from google.protobuf import descriptor_pb2, message_factory


def resolve(reference: str) -> Any:
    """The object a "module:attribute" reference names."""
    module_name, _, attribute = reference.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


@dataclass(frozen=True)
class Loop:
    """A background loop of the service's relay process (see campus.loops)."""
    task: str                    # "module:function", called as function(runtime) once per pass
    every_seconds: str | float   # a float, or the name of a config field holding one


@dataclass(frozen=True)
class SecretFile:
    """A file the service's processes read from a Secret: deploy mounts it into each of them
    and sets `setting` to its path (Kubernetes: a Secret volume; compose: a secret)."""
    secret: str                  # the Secret's name, e.g. "bursary-signing-key"
    key: str                     # the file's name in the Secret, e.g. "signing-key.pem"
    setting: str                 # the variable naming its path, e.g. "BURSARY_SIGNING_KEY_FILE"
    about: str = ""              # how to make one, for the secrets template


@dataclass(frozen=True)
class DeploySpec:
    """Where the service runs differently from the others (deploy/render.py writes the files)."""
    #: (min, max) replicas of its gRPC server, scaled on CPU; otherwise a fixed 2 replicas.
    autoscale: tuple[int, int] | None = None
    secret_files: tuple[SecretFile, ...] = ()
    #: ConfigMaps its processes read besides campus-config, written by hand in deploy/templates/.
    config_maps: tuple[str, ...] = ()
    #: The setting (environment variable) holding the MiB its gRPC server spends at most
    #: on memory-hungry work it bounds itself; deploy/check.py holds it, plus the process's
    #: own needs, within the container's memory limit.
    memory_budget: str = ""
    #: Ports its processes reach outside the cluster besides PostgreSQL and RabbitMQ (its
    #: NetworkPolicy allows them): ((port, why), ...), e.g. ((587, "SMTP"),).
    egress_ports: tuple[tuple[int, str], ...] = ()
    #: It keeps documents in S3-compatible object storage (`<NAME>_OBJECT_STORE_URL`): compose
    #: runs MinIO for it, Kubernetes reads the URL from the Secret `<name>-object-store`.
    object_store: bool = False


@dataclass(frozen=True)
class ServiceDefinition:
    name: str
    port: int                     # default gRPC port; <NAME>_GRPC_PORT / <NAME>_GRPC_ADDR override
    proto: str                    # the generated module of its API, e.g. "cms.bursary.v1.bursary"
    config: type                  # its ServiceConfig subclass
    servicer: str                 # "module:Class" of its servicer, built as Class(runtime)
    models: str                   # "module:attribute" of its SQLAlchemy MetaData
    consumer: str | None = None   # "module:Class" of its nameko consumer
    seed: str | None = None       # "module:function": function(runtime) loads the demo data
    loops: tuple[Loop, ...] = ()
    #: The service that signs access tokens says so, with the function that gives a
    #: process its verifier ("module:function(runtime)") and the loader of its public
    #: keys for everyone else ("module:function(clients) -> callable returning a JWKS").
    access_verifier: str | None = None
    public_keys: str | None = None
    #: It also owns sessions, and names the feed of ended ones every process polls
    #: ("module:function(clients, own_runtime) -> fetch(after) -> campus.sessions.EndedPage";
    #: own_runtime is its runtime in its own processes, None elsewhere).
    ended_sessions: str | None = None
    #: The staff departments, declared by the service that owns staff accounts.
    departments: tuple[str, ...] = ()
    #: Which of them work for one regional centre (named in the staff member's token): they
    #: see, and speak to, only its students; one whose token names no centre, nobody's.
    centre_bound: tuple[str, ...] = ()
    #: What of a student's it keeps, as she would name it ("profile", "results", "ledger",
    #: "requests", "applications"): staff reads and changes of it are chained in its audit
    #: log (campus.access_log) and it answers ListRecordAccess for her page.
    student_record: str = ""
    #: The services it calls over gRPC (besides the token issuer, whose keys every service
    #: fetches). The NetworkPolicies let exactly these calls through; a test holds the code
    #: and every `services=` grant to it.
    calls: tuple[str, ...] = ()
    #: How deploy runs it, where that differs from the other services.
    deploy: DeploySpec = DeploySpec()

    # -- the API, from the generated code ------------------------------------------
    @cached_property
    def pb2(self):
        return importlib.import_module(f"{self.proto}_pb2")

    @cached_property
    def pb2_grpc(self):
        return importlib.import_module(f"{self.proto}_pb2_grpc")

    @cached_property
    def api(self):
        """The proto service descriptor (each service's API is the one service in its proto)."""
        services = list(self.pb2.DESCRIPTOR.services_by_name.values())
        if len(services) != 1:
            raise ValueError(f"{self.proto} must define exactly one gRPC service")
        return services[0]

    @property
    def full_name(self) -> str:
        return self.api.full_name

    def request_type(self, method: str) -> type:
        """The request message class of one of its methods, wherever its proto defines it
        (the documents' RPCs take the platform's shared messages, cms.documents.v1)."""
        return message_factory.GetMessageClass(self.api.methods_by_name[method].input_type)

    def stub(self, channel):
        return getattr(self.pb2_grpc, f"{self.api.name}Stub")(channel)

    def register(self, servicer, server) -> None:
        getattr(self.pb2_grpc, f"add_{self.api.name}Servicer_to_server")(servicer, server)

    def method_names(self) -> list[str]:
        return [method.name for method in self.api.methods]

    def idempotent_methods(self) -> list[str]:
        """Methods the proto marks `idempotency_level = NO_SIDE_EFFECTS` or `IDEMPOTENT`."""
        unknown = descriptor_pb2.MethodOptions.IDEMPOTENCY_UNKNOWN
        return [m.name for m in self.api.methods if m.GetOptions().idempotency_level != unknown]

    def read_only_methods(self) -> frozenset[str]:
        """Methods the proto marks `idempotency_level = NO_SIDE_EFFECTS`: every other one may write."""
        reads = descriptor_pb2.MethodOptions.NO_SIDE_EFFECTS
        return frozenset(m.name for m in self.api.methods if m.GetOptions().idempotency_level == reads)

    # -- where it listens ------------------------------------------------------------
    @property
    def env_prefix(self) -> str:
        return self.name.upper()

    def address(self) -> str:
        """Where a client finds it: <NAME>_GRPC_ADDR, else localhost and its port."""
        port = os.environ.get(f"{self.env_prefix}_GRPC_PORT", self.port)
        return os.environ.get(f"{self.env_prefix}_GRPC_ADDR", f"127.0.0.1:{port}")

    # -- the parts named by reference ----------------------------------------------------
    def metadata(self):
        return resolve(self.models)

    def servicer_class(self) -> type:
        return resolve(self.servicer)

    def consumer_class(self):
        return resolve(self.consumer) if self.consumer else None

    def seed_function(self):
        return resolve(self.seed) if self.seed else None

    def database(self, config):
        from campus.db import Database
        return Database(self.name, config.database_url, self.metadata(), pool_size=config.grpc_workers)

    def runtime(self, config, db=None):
        from campus.runtime import build_runtime
        return build_runtime(self, config, db)
