"""Integration tests: finance against real PostgreSQL, over its real gRPC server
(fixtures from campus/pytest_plugin.py)."""
import pytest

from campus import testing
from services.finance.bootstrap import SERVICE


@pytest.fixture(scope="module")
def service_under_test():
    return SERVICE, None


@pytest.fixture
def as_requests(service_addr):
    """Clients calling finance as the requests service does (it issues challans)."""
    return testing.clients_as("requests", {"finance": service_addr})
