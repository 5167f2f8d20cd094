"""Integration tests: tracking against real PostgreSQL and RabbitMQ, over its real gRPC server."""
import pytest

from campus import testing
from services.tracking import seed
from services.tracking.bootstrap import SERVICE


@pytest.fixture(scope="module")
def users():
    return testing.TestUsers()


@pytest.fixture(scope="module")
def runtime(users):
    with testing.service_runtime(SERVICE, users) as runtime:
        seed.seed(runtime)
        yield runtime


@pytest.fixture(scope="module")
def tracking_addr(runtime):
    with testing.grpc_server(SERVICE, runtime) as address:
        yield address


@pytest.fixture(scope="module")
def as_gateway(tracking_addr):
    clients = testing.clients_as("gateway", {"tracking": tracking_addr})
    yield clients
    clients.close()
