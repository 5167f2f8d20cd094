"""Service identity over real gRPC: each caller is who its own key says, and the gateway's
credential (the one on the internet-facing pods) opens no service-only RPC.

Finance's server on a fresh database: IssueChallan is for requests (and treasury staff),
GetFeeSchedule is public."""
import time

import jwt
import pytest

from campus import auth, service_keys, testing
from campus.errors import InvalidArgument, NotFound, PermissionDenied, Unauthenticated
from campus.grpc_client import ServiceClients
from cms.finance.v1 import finance_pb2 as pb
from services.finance.bootstrap import SERVICE as FINANCE


@pytest.fixture(scope="module")
def service_under_test():
    return FINANCE, None


def issue(clients, caller=None):
    return clients.call("finance", "IssueChallan", pb.IssueChallanRequest(
        registration_number="22P-123456", fee_code="no-such-fee", reference="SR-1"), caller=caller)


def speaking_as(service: str, pem: bytes, address: str) -> ServiceClients:
    return ServiceClients(auth.ServiceTokens(service, pem), addresses={"finance": address})


def test_the_gateways_credential_alone_reaches_public_methods_only(as_gateway):
    assert as_gateway.call("finance", "GetFeeSchedule", pb.GetFeeScheduleRequest()).fees is not None
    with pytest.raises((Unauthenticated, PermissionDenied)):
        issue(as_gateway)


def test_the_gateways_credential_with_a_students_token_is_that_student_only(as_gateway, users):
    with pytest.raises(PermissionDenied):
        issue(as_gateway, caller=users.student("22P-123456"))


def test_requests_own_credential_passes_the_policy(service_addr):
    clients = testing.clients_as("requests", {"finance": service_addr})
    with pytest.raises((InvalidArgument, NotFound)):  # past the policy: the fee code is what fails
        issue(clients)
    clients.close()


def test_a_stolen_gateway_key_cannot_speak_as_a_service(service_addr):
    stolen = testing.SERVICE_KEYS.key_file("gateway").read_bytes()
    for service in ("requests", "enrollment", "finance"):
        clients = speaking_as(service, stolen, service_addr)
        with pytest.raises(Unauthenticated):
            issue(clients)
        clients.close()


def test_a_key_nobody_published_and_the_old_shared_secret_are_refused(service_addr):
    clients = speaking_as("requests", service_keys.generate_pem(), service_addr)
    with pytest.raises(Unauthenticated):
        issue(clients)
    clients.close()

    class SharedSecret(auth.ServiceTokens):
        def token(self):
            now = int(time.time())
            return jwt.encode({"iss": auth.SERVICE_ISSUER, "aud": auth.SERVICE_AUDIENCE, "sub": "requests",
                               "iat": now, "exp": now + 60}, "dev-only-service-token-secret-change-me-in-production",
                              algorithm="HS256")

    clients = ServiceClients(SharedSecret("requests"), addresses={"finance": service_addr})
    with pytest.raises(Unauthenticated):
        issue(clients)
    clients.close()
