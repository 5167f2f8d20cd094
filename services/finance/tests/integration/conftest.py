import pytest

from campus import testing
from services.finance.bootstrap import SERVICE


@pytest.fixture(scope="module")
def users():
    return testing.TestUsers()


@pytest.fixture(scope="module")
def runtime(users):
    with testing.service_runtime(SERVICE, users) as runtime:
        yield runtime


@pytest.fixture(scope="module")
def finance_addr(runtime):
    with testing.grpc_server(SERVICE, runtime) as address:
        yield address
