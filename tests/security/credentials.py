"""The services' credentials of a running stack, as an attacker who stole one would hold them."""
from __future__ import annotations

from campus.grpc_client import ServiceClients
from tests.stack import service_clients


def clients_as(stack, service: str) -> ServiceClients:
    """gRPC clients to every service of the stack, carrying `service`'s credential."""
    return service_clients(stack, service)


def service_tokens(stack, service: str):
    return service_clients(stack, service).tokens
