"""The student dashboard and a student's reach: only their own records."""
from tests.stack import activated_student, bearer, login

TILES = {"profile", "courses", "results", "finance", "requests", "tracking", "notifications"}


def test_dashboard_has_every_tile_ok_for_the_demo_student(http):
    response = http.get("/api/v1/me/dashboard", headers=bearer(login(http, "22P-123456")))
    assert response.status_code == 200
    body = response.json()
    assert body["student"]["registration_number"] == "22P-123456"
    assert body["student"]["full_name"] == "Ayesha Siddiqui"
    assert TILES <= set(body["tiles"])
    assert {name: t["status"] for name, t in body["tiles"].items()} == {name: "ok" for name in body["tiles"]}
    tiles = body["tiles"]
    assert tiles["profile"]["data"]["program"]["level"] == "bed"
    assert tiles["courses"]["data"]["courses"], "the demo student is registered in courses"
    assert tiles["results"]["data"]["semesters"], "the demo student has published results"
    assert any(c["status"] == "paid" for c in tiles["finance"]["data"]["challans"])
    assert tiles["tracking"]["data"]["parcels"][0]["registry_number"] == "BO680724"
    assert response.headers["Cache-Control"] == "no-store"


def test_dashboard_needs_a_student(http):
    assert http.get("/api/v1/me/dashboard").status_code == 401
    staff = bearer(login(http, "exams.officer"))
    forbidden = http.get("/api/v1/me/dashboard", headers=staff)
    assert forbidden.status_code == 403
    assert forbidden.headers["Content-Type"] == "application/problem+json"


def test_a_request_that_is_not_the_callers_is_404(http, stack):
    ayesha = bearer(login(http, "22P-123456"))
    filed = http.post("/api/v1/me/requests", headers=ayesha, json={
        "category": "general_query", "subtype": "general_query", "details": "When are workshops?"}).json()
    assert filed["status"] == "submitted" and filed["challan"] is None
    url = f"/api/v1/me/requests/{filed['request_number']}"
    assert http.get(url, headers=ayesha).status_code == 200
    # Another student, signed in for real, asks for Ayesha's request: it does not exist for him.
    _, _, _, bilal = activated_student(http, stack, bearer(login(http, "admissions.officer")))
    theirs = http.get(url, headers=bearer(bilal))
    assert theirs.status_code == 404 and theirs.json()["status"] == 404
    assert theirs.json() | {"instance": "", "request_id": ""} == http.get(
        "/api/v1/me/requests/SR-2026-999999", headers=bearer(bilal)).json() | {"instance": "", "request_id": ""}
    assert filed["request_number"] not in {r["request_number"] for r in
                                           http.get("/api/v1/me/requests", headers=bearer(bilal)).json()["requests"]}


def test_staff_see_their_department_queue(http):
    student = bearer(login(http, "22P-123456"))
    filed = http.post("/api/v1/me/requests", headers=student, json={
        "category": "personal_info_correction", "subtype": "address_change", "details": "Moved",
        "changes": [{"field": "postal_address", "new_value": "House 5, Street 2, Peshawar"}]}).json()
    admissions = http.get("/api/v1/staff/requests", headers=bearer(login(http, "admissions.officer"))).json()
    assert filed["request_number"] in {r["request_number"] for r in admissions["requests"]}
    treasury = http.get("/api/v1/staff/requests", headers=bearer(login(http, "treasury.officer"))).json()
    assert filed["request_number"] not in {r["request_number"] for r in treasury["requests"]}
    assert http.get("/api/v1/staff/requests", headers=student).status_code == 403


def test_health_and_openapi(http):
    assert http.get("/healthz").json() == {"status": "ok"}
    ready = http.get("/readyz").json()
    assert ready["status"] == "ready" and set(ready["services"].values()) == {"SERVING"}
    document = http.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/auth/login", "/api/v1/me/dashboard", "/api/v1/requests/catalogue", "/api/v1/me/requests",
                 "/api/v1/me/requests/{request_number}", "/api/v1/bank/bill-inquiry", "/api/v1/bank/bill-payment",
                 "/healthz", "/readyz", "/api/v1/openapi.json"):
        assert path in document["paths"], path


def test_results_carry_an_etag_and_revalidate_to_304(http):
    student = bearer(login(http, "22P-123456"))
    first = http.get("/api/v1/me/results", headers=student)
    assert first.status_code == 200 and first.json()["data"]["semesters"][0]["semester"] == "Autumn 2025"
    again = http.get("/api/v1/me/results", headers={**student, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.content == b""
