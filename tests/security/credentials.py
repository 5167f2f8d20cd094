"""The services' credentials of a running stack, as an attacker who stole one would hold them."""
from __future__ import annotations

from pathlib import Path

from campus import auth, service_keys
from campus.grpc_client import ServiceClients


def service_tokens(stack, service: str) -> auth.ServiceTokens:
    """`service`'s own private key, read from where the stack's launcher made it."""
    folder = Path(stack.env["CAMPUS_VAR_DIR"]) / service_keys.LOCAL_DIR
    return auth.ServiceTokens(service, (folder / service_keys.key_file_name(service)).read_bytes())


def addresses(stack) -> dict[str, str]:
    from campus import registry
    return {name: f"127.0.0.1:{stack.env[f'{name.upper()}_GRPC_PORT']}" for name in registry.names()}


def clients_as(stack, service: str) -> ServiceClients:
    """gRPC clients to every service of the stack, carrying `service`'s credential."""
    return ServiceClients(service_tokens(stack, service), addresses=addresses(stack), default_timeout=10)
