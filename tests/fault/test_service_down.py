"""A dead service costs its tile, not the dashboard."""
import time

import pytest

from campus import testing
from tests.stack import bearer, login


def _sign_ins_work_again(http) -> None:
    """After identity comes back, each gateway worker's channel reconnects on its own
    back-off: /readyz may be answered by one worker while another still says 503 to a
    sign-in (not retried: it is not idempotent). Wait until sign-ins go through."""
    def signs_in():
        return http.post("/api/v1/auth/login", json={"username": "22P-123456", "password": "Demo@2026"}
                         ).status_code != 503
    for _ in range(4):  # requests spread over the workers: each must have reconnected
        testing.wait_until(signs_in, timeout=30, what="sign-ins to work again")


@pytest.mark.parametrize("process, tile", [("exams-grpc", "results"), ("finance-grpc", "finance"),
                                           ("identity-grpc", "account"), ("enrollment-grpc", "profile")])
def test_a_killed_service_turns_only_its_tiles_unavailable(http, stack, process, tile):
    _sign_ins_work_again(http)  # after an earlier test's identity outage
    student = bearer(login(http, "22P-123456"))
    assert http.get("/api/v1/me/dashboard", headers=student).status_code == 200
    stack.kill(process)
    try:
        started = time.monotonic()
        response = http.get("/api/v1/me/dashboard", headers=student)
        elapsed = time.monotonic() - started
        assert response.status_code == 200, response.text
        tiles = response.json()["tiles"]
        assert tiles[tile] == {"status": "unavailable", "data": None}
        same_service = {"enrollment-grpc": {"profile", "courses"}}.get(process, {tile})
        assert all(t["status"] == "ok" for name, t in tiles.items() if name not in same_service), tiles
        assert elapsed < 5, f"the dashboard took {elapsed:.1f}s with {process} down"
        testing.wait_until(lambda: http.get("/readyz").status_code == 503, timeout=5, what="readiness to drop")
    finally:
        stack.revive(process)
    testing.wait_until(lambda: http.get("/readyz").status_code == 200, timeout=30, what=f"{process} to be back")
    assert http.get("/api/v1/me/dashboard", headers=student).json()["tiles"][tile]["status"] == "ok"


def test_signing_in_while_identity_is_down_is_a_503_problem(http, stack):
    stack.kill("identity-grpc")
    try:
        response = http.post("/api/v1/auth/login", json={"username": "22P-123456", "password": "Demo@2026"})
        assert response.status_code == 503
        assert response.headers["Content-Type"] == "application/problem+json"
        assert response.headers["Retry-After"]
    finally:
        stack.revive("identity-grpc")
    testing.wait_until(lambda: http.get("/readyz").status_code == 200, timeout=30, what="identity to be back")


def test_while_identity_is_down_students_read_and_staff_and_writes_fail_closed(http, stack):
    """Revocation cannot be confirmed with identity away: a student's reads go on by her
    verified token (result day), but staff and every write are refused (503), never let
    through on a session that may have ended."""
    _sign_ins_work_again(http)
    student = bearer(login(http, "22P-123456"))
    staff = bearer(login(http, "student.services"))
    assert http.get("/api/v1/staff/requests", headers=staff).status_code == 200
    stack.kill("identity-grpc")
    try:
        time.sleep(float(stack.env.get("SESSION_FEED_STALE_SECONDS", "3")) + 0.5)
        assert http.get("/api/v1/me/profile", headers=student).status_code == 200
        refused = [http.get("/api/v1/staff/requests", headers=staff),
                   http.post("/api/v1/me/requests", headers={**student, "Idempotency-Key": "fault-write-1"},
                             json={"category": "other_fee_challan", "subtype": "degree_fee_urgent",
                                   "details": "while identity is down"})]
        for response in refused:
            assert response.status_code == 503, response.text
            assert response.json()["code"] == "SESSION_CHECK_UNAVAILABLE" and response.headers["Retry-After"]
    finally:
        stack.revive("identity-grpc")
    testing.wait_until(lambda: http.get("/readyz").status_code == 200, timeout=30, what="identity to be back")
    testing.wait_until(lambda: http.get("/api/v1/staff/requests", headers=staff).status_code == 200, timeout=10,
                       what="staff to be served again")
