"""Every operation of the OpenAPI document, fed generated input (valid and not): no answer
is a 500, and every error is problem details. Driven by schemathesis from the document the
gateway serves, so a new endpoint is covered the day it is documented."""
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from campus import testing
from campus.auth import ServiceTokens
from campus.config import DEV_SERVICE_TOKEN_SECRET
from campus.grpc_client import ServiceClients
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.context import Gateway
from tests.stack import bearer, client, login

# Operations that would end the shared session or change a demo password mid-run.
SKIPPED = {("POST", "/api/v1/auth/logout"), ("POST", "/api/v1/auth/password/change")}


def _operations():
    """The document is static: read it from an app that talks to nothing."""
    config = GatewayConfig(environment="test")
    clients = ServiceClients(ServiceTokens("gateway", DEV_SERVICE_TOKEN_SECRET))
    app = create_app(config, Gateway(config, clients, testing.TestUsers().verifier))
    document = app.test_client().get("/api/v1/openapi.json").get_json()
    operations = [result.ok() for result in schemathesis.openapi.from_dict(document).get_all_operations()]
    return [op for op in operations if (op.method.upper(), op.path) not in SKIPPED]


OPERATIONS = _operations()


@pytest.fixture(scope="module")
def credentials(stack):
    with client(stack) as http:
        return {"student": bearer(login(http, "22P-123456")), "staff": bearer(login(http, "student.services"))}


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: f"{op.method.upper()} {op.path}")
def test_no_operation_answers_500(operation, stack, credentials):
    if operation.path.startswith("/api/v1/bank/"):
        auth, headers = {"auth": ("ABL", "Demo@2026")}, {}
    else:
        auth = {}
        headers = credentials["staff" if operation.path.startswith("/api/v1/staff/") else "student"]

    @given(case=operation.as_strategy())
    @settings(max_examples=15, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def call(case):
        response = case.call(base_url=stack.gateway_url(), headers={**(case.headers or {}), **headers}, **auth)
        where = f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:400]}"
        assert response.status_code < 500, where
        if response.status_code >= 400:
            assert response.headers.get("content-type") == ["application/problem+json"], where
            assert response.json()["status"] == response.status_code, where

    call()
