"""Integration tests: enrollment against real PostgreSQL, over its real gRPC server."""
import pytest

from campus import testing
from services.enrollment import seed
from services.enrollment.bootstrap import SERVICE


@pytest.fixture(scope="module")
def users():
    return testing.TestUsers()


@pytest.fixture(scope="module")
def runtime(users):
    with testing.service_runtime(SERVICE, users) as runtime:
        seed.seed(runtime)
        yield runtime


@pytest.fixture(scope="module")
def enrollment_addr(runtime):
    with testing.grpc_server(SERVICE, runtime) as address:
        yield address


@pytest.fixture(scope="module")
def as_gateway(enrollment_addr):
    clients = testing.clients_as("gateway", {"enrollment": enrollment_addr})
    yield clients
    clients.close()
