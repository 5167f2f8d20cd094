"""Regional staff see only their own centre's service requests, through the gateway: the
demo student studies at Islamabad (ISB), so regional.islamabad sees her request in the
regional office's queue (API and console page) and regional.lahore does not."""
import re

from tests.stack import bearer, client, login

STUDENT = "22P-123456"


def numbers(http, headers):
    queue = http.get("/api/v1/staff/requests", headers=headers, params={"limit": 200})
    assert queue.status_code == 200, queue.text
    return {r["request_number"] for r in queue.json()["requests"]}


def console(stack, username):
    """The staff console page, signed in through the portal's own form."""
    with client(stack) as http:
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', http.get("/login").text).group(1)
        signed_in = http.post("/login", data={"username": username, "password": "Demo@2026", "csrf_token": token})
        assert signed_in.status_code in (302, 303), signed_in.text
        page = http.get("/staff")
        assert page.status_code == 200
        return page.text


def test_regional_staff_see_only_their_own_centres_requests(http, stack):
    student = bearer(login(http, STUDENT))
    filed = http.post("/api/v1/me/requests", headers=student, json={
        "category": "helpdesk_complaint", "subtype": "tutor_not_allocated", "details": "No tutor for 8604 yet"})
    assert filed.status_code == 201, filed.text
    number = filed.json()["request_number"]
    assert filed.json()["department"] == "regional"

    assert number in numbers(http, bearer(login(http, "regional.islamabad")))
    assert number not in numbers(http, bearer(login(http, "regional.lahore")))
    assert number in console(stack, "regional.islamabad")
    assert number not in console(stack, "regional.lahore")
