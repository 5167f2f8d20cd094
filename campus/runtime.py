"""The composition root contract: what a service declares and what its processes get.

Each service has `services/<name>/bootstrap.py` defining `SERVICE = ServiceDefinition(...)`.
The shared CLI (campus.cli) builds every process of every service from it, so the
services differ only in their domain.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlalchemy as sa

from campus import auth
from campus.config import ServiceConfig
from campus.db import Database
from campus.grpc_client import ServiceClients, jwks_from_identity


@dataclass
class Runtime:
    """What one running process of a service works with."""
    config: ServiceConfig
    db: Database
    service_tokens: auth.ServiceTokens
    clients: ServiceClients
    access: auth.AccessTokenVerifier

    def close(self) -> None:
        self.clients.close()
        self.db.dispose()


@dataclass
class Servicer:
    register: Callable        # the generated add_XServicer_to_server
    full_name: str            # e.g. "cms.finance.v1.FinanceService"
    build: Callable[[Runtime], object]


@dataclass
class ServiceDefinition:
    name: str
    config: type[ServiceConfig]
    metadata: sa.MetaData
    servicers: list[Servicer]
    consumer: str | None = None                      # "module:Class" of the nameko consumer
    seed: Callable[[Runtime], None] | None = None    # the demo data `make up` loads
    background: list[Callable[[Runtime, threading.Event], None]] = field(default_factory=list)
    access_verifier: Callable[[Runtime], auth.AccessTokenVerifier] | None = None

    def database(self, config: ServiceConfig) -> Database:
        return Database(self.name, config.database_url, self.metadata, pool_size=config.grpc_workers)

    def runtime(self, config: ServiceConfig, db: Database | None = None) -> Runtime:
        db = db or self.database(config)
        tokens = auth.ServiceTokens(self.name, config.service_token_secret.get_secret_value())
        clients = ServiceClients(tokens, default_timeout=config.grpc_timeout_seconds)
        runtime = Runtime(config, db, tokens, clients, auth.AccessTokenVerifier(jwks_from_identity(clients)))
        if self.access_verifier is not None:
            runtime.access = self.access_verifier(runtime)
        return runtime
