"""Fixtures every service's integration tests share (loaded by the root conftest.py).

A service's tests/integration/conftest.py names what is under test:

    @pytest.fixture(scope="module")
    def service_under_test():
        return SERVICE, seed.seed          # or (SERVICE, None) for no seed data

and gets `runtime` (the service on a fresh, migrated PostgreSQL database), `service_addr`
(its real gRPC server) and `as_gateway` (clients calling it as the gateway does)."""
import pytest

from campus import testing


@pytest.fixture(scope="module")
def users():
    return testing.TestUsers()


@pytest.fixture(scope="module")
def service_under_test():
    raise pytest.UsageError("define a service_under_test fixture in the service's conftest.py")


@pytest.fixture(scope="module")
def runtime(service_under_test, users):
    definition, seed = service_under_test
    with testing.service_runtime(definition, users) as runtime:
        if seed is not None:
            seed(runtime)
        yield runtime


@pytest.fixture(scope="module")
def service_addr(service_under_test, runtime):
    with testing.grpc_server(service_under_test[0], runtime) as address:
        yield address


@pytest.fixture(scope="module")
def as_gateway(service_under_test, service_addr):
    clients = testing.clients_as("gateway", {service_under_test[0].name: service_addr})
    yield clients
    clients.close()


@pytest.fixture(scope="module")
def amqp_url():
    """A RabbitMQ vhost of the module's own, deleted after it."""
    url = testing.create_vhost(testing.unique_name("cms_test"))
    yield url
    testing.delete_vhost(url)
