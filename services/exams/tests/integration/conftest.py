"""Integration tests: exams against real PostgreSQL, over its real gRPC server."""
import pytest

from campus import testing
from services.exams import seed
from services.exams.bootstrap import SERVICE


@pytest.fixture(scope="module")
def users():
    return testing.TestUsers()


@pytest.fixture(scope="module")
def runtime(users):
    with testing.service_runtime(SERVICE, users) as runtime:
        seed.seed(runtime)
        yield runtime


@pytest.fixture(scope="module")
def exams_addr(runtime):
    with testing.grpc_server(SERVICE, runtime) as address:
        yield address


@pytest.fixture(scope="module")
def as_gateway(exams_addr):
    clients = testing.clients_as("gateway", {"exams": exams_addr})
    yield clients
    clients.close()
