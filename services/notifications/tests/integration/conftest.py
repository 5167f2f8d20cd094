"""Integration tests: notifications against real PostgreSQL, over its real gRPC server
(fixtures from campus/pytest_plugin.py)."""
import pytest

from services.notifications import seed
from services.notifications.bootstrap import SERVICE


@pytest.fixture(scope="module")
def service_under_test():
    return SERVICE, seed.seed
