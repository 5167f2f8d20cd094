"""How service errors become HTTP problem details."""
import pytest
from flask import Flask

from campus import errors
from campus.rpc_status import RemoteFailure
from gateway import problems


@pytest.mark.parametrize("error, status, kind", [
    (errors.InvalidArgument("bad", field="category"), 400, "validation-error"),
    (errors.Unauthenticated("who?"), 401, "unauthenticated"),
    (errors.PermissionDenied("no"), 403, "forbidden"),
    (errors.NotFound("none"), 404, "not-found"),
    (errors.AlreadyExists("twice"), 409, "conflict"),
    (errors.FailedPrecondition("first sign-in", reason="PASSWORD_CHANGE_REQUIRED"), 403, "password-change-required"),
    (errors.FailedPrecondition("locked", reason="ACCOUNT_LOCKED"), 423, "account-locked"),
    (errors.TooManyAttempts("slow down", retry_after=30), 429, "too-many-attempts"),
    (errors.Unavailable("down"), 503, "service-unavailable"),
    (RemoteFailure("boom"), 502, "upstream-failure"),
])
def test_domain_errors_map_to_status(error, status, kind):
    problem = problems.from_domain(error)
    assert (problem.status, problem.kind) == (status, kind)


def test_field_and_retry_after_are_carried():
    problem = problems.from_domain(errors.InvalidArgument("unknown subtype", field="subtype"))
    assert problem.errors == [{"field": "subtype", "message": "unknown subtype"}]
    assert problems.from_domain(errors.TooManyAttempts("x", retry_after=30)).headers["Retry-After"] == "30"
    assert problems.from_domain(errors.Unauthenticated("x")).headers["WWW-Authenticate"].startswith("Bearer")


def test_internal_details_do_not_leak():
    problem = problems.from_domain(RemoteFailure("psycopg.OperationalError at 10.0.0.5"))
    assert "psycopg" not in problem.detail


def test_render_is_rfc9457():
    app = Flask(__name__)
    with app.test_request_context("/api/v1/me/requests"):
        response = problems.render(problems.Problem(400, "bad", field="details", kind="validation-error"))
    body = response.get_json()
    assert response.mimetype == "application/problem+json"
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["instance"] == "/api/v1/me/requests" and body["errors"][0]["field"] == "details"
