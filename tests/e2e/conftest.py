import pytest

from tests.stack import client, running_stack


@pytest.fixture(scope="session")
def stack():
    with running_stack("e2e") as stack:
        yield stack


@pytest.fixture
def http(stack):
    with client(stack) as http:
        yield http


@pytest.fixture(scope="session")
def base_url(stack):
    return stack.gateway_url()
