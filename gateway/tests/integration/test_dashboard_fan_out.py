"""The dashboard over real gRPC: services that answer, one that is slow, one that is gone."""
import threading
import time

import pytest

from campus import testing
from campus.grpc_client import ServiceClients
from campus.grpc_server import GrpcServer
from cms.enrollment.v1 import enrollment_pb2 as en
from cms.enrollment.v1 import enrollment_pb2_grpc
from cms.exams.v1 import exams_pb2 as ex
from cms.exams.v1 import exams_pb2_grpc
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.context import Gateway

REGNO = "22P-123456"


class Enrollment(enrollment_pb2_grpc.EnrollmentServiceServicer):
    def GetStudentProfile(self, request, context):
        return en.StudentProfile(registration_number=request.registration_number, full_name="Ayesha Siddiqui",
                                 program=en.Program(code="BED15", title="B.Ed", level="bed"))

    def ListRegisteredCourses(self, request, context):
        return en.ListRegisteredCoursesResponse(semester="Spring 2026", courses=[
            en.RegisteredCourse(code="8604", title="Research Methods in Education", credit_hours=3)])


class SlowExams(exams_pb2_grpc.ExamsServiceServicer):
    release = threading.Event()

    def GetResults(self, request, context):
        self.release.wait(5)
        return ex.GetResultsResponse(registration_number=request.registration_number)


@pytest.fixture(scope="module")
def gateway_app():
    users = testing.TestUsers()
    server = GrpcServer(bind="127.0.0.1:0", workers=8, service_tokens=testing.service_tokens("x"),
                        access=users.verifier, grace_seconds=0)
    testing.serve_double(server, "enrollment", Enrollment())
    testing.serve_double(server, "exams", SlowExams())
    port = server.start()
    live = f"127.0.0.1:{port}"
    dead = f"127.0.0.1:{testing.unique_name('x') and 1}"  # port 1: nothing listens there
    config = GatewayConfig(tile_timeout_seconds=0.5, session_check_ttl_seconds=60, environment="test")
    clients = ServiceClients(testing.service_tokens("gateway"), addresses={
        "enrollment": live, "exams": live, "identity": dead, "finance": dead, "requests": dead, "tracking": dead})
    gateway = Gateway(config, clients, users.verifier)
    app = create_app(config, gateway)
    yield app, users, gateway
    SlowExams.release.set()
    server.stop()


def test_slow_and_dead_services_cost_their_tiles_only(gateway_app):
    app, users, gateway = gateway_app
    caller = users.student(REGNO)
    gateway.sessions.put(caller.session_id, True, 60)  # identity is among the dead
    started = time.monotonic()
    response = app.test_client().get("/api/v1/me/dashboard", headers={"Authorization": f"Bearer {caller.token}"})
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    tiles = response.get_json()["tiles"]
    assert tiles["profile"]["status"] == "ok" and tiles["courses"]["data"]["courses"][0]["code"] == "8604"
    assert tiles["results"]["status"] == "unavailable"                       # slow: past its deadline
    for name in ("finance", "requests", "tracking", "account", "notifications"):
        assert tiles[name] == {"status": "unavailable", "data": None}       # dead
    assert elapsed < 1.5, f"tiles are asked in parallel, each under 0.5 s; took {elapsed:.2f}s"
    assert response.get_json()["student"]["full_name"] == "Ayesha Siddiqui"


def test_a_revoked_session_is_refused(gateway_app):
    app, users, gateway = gateway_app
    caller = users.student(REGNO)
    gateway.sessions.put(caller.session_id, False, 60)
    response = app.test_client().get("/api/v1/me/dashboard", headers={"Authorization": f"Bearer {caller.token}"})
    assert response.status_code == 401 and response.get_json()["code"] == "SESSION_ENDED"


def test_an_unreachable_identity_falls_back_to_the_token(gateway_app):
    app, users, gateway = gateway_app
    caller = users.student(REGNO)  # never checked: identity (dead) cannot be asked
    response = app.test_client().get("/api/v1/me/profile", headers={"Authorization": f"Bearer {caller.token}"})
    assert response.status_code == 200 and response.get_json()["status"] == "ok"
    gateway.forget_session(caller.session_id)  # logged out through this gateway: refused even so
    response = app.test_client().get("/api/v1/me/profile", headers={"Authorization": f"Bearer {caller.token}"})
    assert response.status_code == 401


def test_the_openapi_document_is_valid_and_lists_every_route(gateway_app):
    from openapi_spec_validator import validate
    app, _, _ = gateway_app
    document = app.test_client().get("/api/v1/openapi.json").get_json()
    validate(document)
    # Every route but the portal's HTML pages (they are not the JSON API) and the docs' own.
    routes = {rule.rule for rule in app.url_map.iter_rules()
              if not rule.rule.startswith(("/api/v1/docs", "/static")) and not rule.endpoint.startswith("portal_")}
    documented = {path.replace("{", "<").replace("}", ">") for path in document["paths"]}
    assert routes <= documented, routes - documented


def test_rate_limits_answer_429_problems():
    config = GatewayConfig(auth_rate_limit="2/minute", environment="test")
    clients = ServiceClients(testing.service_tokens("gateway"), addresses={"identity": "127.0.0.1:1"})
    app = create_app(config, Gateway(config, clients, testing.TestUsers().verifier))
    client = app.test_client()
    statuses = [client.post("/api/v1/auth/password/forgot", json={"username": "22P-123456"}).status_code
                for _ in range(3)]
    assert statuses[-1] == 429
    last = client.post("/api/v1/auth/password/forgot", json={"username": "22P-123456"})
    assert last.mimetype == "application/problem+json" and last.headers.get("Retry-After")
