import pytest

from tests.stack import client, running_stack


@pytest.fixture(scope="session")
def stack():
    # Results are cached in each gateway worker; here a killed exams must show as unavailable.
    with running_stack("fault", extra_env={"GATEWAY_RESULTS_CACHE_SECONDS": "0"}) as stack:
        yield stack


@pytest.fixture
def http(stack):
    with client(stack) as http:
        yield http


@pytest.fixture(scope="session")
def base_url(stack):
    return stack.gateway_url()
