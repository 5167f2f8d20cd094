import pytest

from campus import testing
from campus.definition import resolve
from services.identity.bootstrap import SERVICE
from services.identity.tests.integration import support


@pytest.fixture(scope="module")
def identity_runtime(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("identity-var")
    with testing.service_runtime(SERVICE, testing.TestUsers(), var_dir=var_dir, **support.FAST_ARGON2) as runtime:
        # Identity's tokens are its own: verify them with its key, not the test signer's.
        runtime.access = resolve(SERVICE.access_verifier)(runtime)
        SERVICE.seed_function()(runtime)
        yield runtime


@pytest.fixture(scope="module")
def identity_addr(identity_runtime):
    with testing.grpc_server(SERVICE, identity_runtime) as address:
        yield address


@pytest.fixture(scope="module")
def gateway(identity_addr):
    clients = testing.clients_as("gateway", {"identity": identity_addr})
    yield clients
    clients.close()


@pytest.fixture(scope="module")
def as_enrollment(identity_addr):
    clients = testing.clients_as("enrollment", {"identity": identity_addr})
    yield clients
    clients.close()


@pytest.fixture(scope="module")
def idp(gateway, identity_runtime):
    """The identity service as the gateway sees it, with the steps tests repeat."""
    return support.Gateway(gateway, identity_runtime)
