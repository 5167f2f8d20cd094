"""The services' credentials of a running stack, as an attacker who stole one would hold them."""
from __future__ import annotations

from campus import auth
from campus.config import DEV_SERVICE_TOKEN_SECRET
from campus.grpc_client import ServiceClients


def service_tokens(stack, service: str) -> auth.ServiceTokens:
    return auth.ServiceTokens(service, stack.env.get("SERVICE_TOKEN_SECRET", DEV_SERVICE_TOKEN_SECRET))


def addresses(stack) -> dict[str, str]:
    from campus import registry
    return {name: f"127.0.0.1:{stack.env[f'{name.upper()}_GRPC_PORT']}" for name in registry.names()}


def clients_as(stack, service: str) -> ServiceClients:
    """gRPC clients to every service of the stack, carrying `service`'s credential."""
    return ServiceClients(service_tokens(stack, service), addresses=addresses(stack), default_timeout=10)
