"""Published results come from the gateway's memory, with an ETag: result day is not a
query per student per refresh."""
import pytest

from campus import testing
from campus.grpc_client import ServiceClients
from campus.grpc_server import GrpcServer
from cms.exams.v1 import exams_pb2 as ex
from cms.exams.v1 import exams_pb2_grpc
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.context import Gateway


class CountingExams(exams_pb2_grpc.ExamsServiceServicer):
    calls = 0

    def GetResults(self, request, context):
        CountingExams.calls += 1
        return ex.GetResultsResponse(registration_number=request.registration_number, semesters=[
            ex.SemesterResult(semester="Autumn 2025", published_on="2026-08-04", gpa="2.90", courses=[
                ex.CourseResult(course_code="8601", course_title="General Methods of Teaching", credit_hours=3,
                                components_shown=True, assignment_marks=78, final_exam_marks=71, total_marks=73,
                                grade="B", remarks="pass")])])


@pytest.fixture
def setup():
    users = testing.TestUsers()
    server = GrpcServer(bind="127.0.0.1:0", workers=4, access=users.verifier, grace_seconds=0,
                        service_tokens=testing.service_tokens("exams"))
    testing.serve_double(server, "exams", CountingExams())
    port = server.start()
    config = GatewayConfig(environment="test", results_cache_seconds=60, tile_timeout_seconds=0.5)
    clients = ServiceClients(testing.service_tokens("gateway"),
                             addresses={"exams": f"127.0.0.1:{port}"})
    gateway = Gateway(config, clients, users.verifier)
    caller = users.student("22P-123456")
    gateway.sessions.put(caller.session_id, True, 60)
    CountingExams.calls = 0
    yield create_app(config, gateway).test_client(), {"Authorization": f"Bearer {caller.token}"}, server
    server.stop()


def test_an_unchanged_result_card_is_a_304(setup):
    client, auth, _ = setup
    first = client.get("/api/v1/me/results", headers=auth)
    assert first.status_code == 200 and first.get_json()["data"]["semesters"][0]["gpa"] == "2.90"
    assert first.headers["Cache-Control"] == "private, no-cache"
    again = client.get("/api/v1/me/results", headers={**auth, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == first.headers["ETag"]
    assert client.get("/api/v1/me/results", headers={**auth, "If-None-Match": '"other"'}).status_code == 200


def test_results_are_asked_of_exams_once_per_window_and_survive_it_going_down(setup):
    client, auth, server = setup
    for _ in range(5):
        assert client.get("/api/v1/me/results", headers=auth).status_code == 200
    assert CountingExams.calls == 1
    server.stop()
    tile = client.get("/api/v1/me/dashboard", headers=auth).get_json()["tiles"]["results"]
    assert tile["status"] == "ok" and tile["data"]["semesters"][0]["semester"] == "Autumn 2025"
