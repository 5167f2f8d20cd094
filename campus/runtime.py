"""What one running process of a service works with, built from its definition
(campus.definition) and its configuration."""
from __future__ import annotations

from dataclasses import dataclass

from campus import auth, registry
from campus.config import ServiceConfig
from campus.db import Database
from campus.definition import ServiceDefinition, resolve
from campus.grpc_client import ServiceClients


@dataclass
class Runtime:
    config: ServiceConfig
    db: Database
    service_tokens: auth.ServiceTokens
    clients: ServiceClients
    access: auth.AccessTokenVerifier

    def close(self) -> None:
        self.clients.close()
        self.db.dispose()


def public_keys(clients: ServiceClients):
    """A JWKS loader asking the service that signs access tokens, for AccessTokenVerifier."""
    return resolve(registry.token_issuer().public_keys)(clients)


def service_tokens(name: str, config) -> auth.ServiceTokens:
    """This process's own credential (its key file) and, if it serves RPCs, every caller's
    public keys; read when first needed (`check()` reads them at start-up)."""
    return auth.ServiceTokens.from_files(name, config.service_key_file,
                                         config.service_public_keys_file if config.verifies_callers else None)


def build_runtime(definition: ServiceDefinition, config: ServiceConfig, db: Database | None = None) -> Runtime:
    db = db or definition.database(config)
    tokens = service_tokens(definition.name, config)
    clients = ServiceClients(tokens, default_timeout=config.grpc_timeout_seconds)
    runtime = Runtime(config, db, tokens, clients, auth.AccessTokenVerifier(public_keys(clients)))
    if definition.access_verifier:
        # The signing service checks tokens with its own keys: asking itself over gRPC
        # would make every authenticated call depend on a call to itself.
        runtime.access = resolve(definition.access_verifier)(runtime)
    return runtime
