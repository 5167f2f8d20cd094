"""Every route, API and pages, against every kind of caller: 0 unauthorized 2xx.

Who a route is for is what its view declares (gateway.security.declare_audience), read
from the application itself, and the API's routes are the OpenAPI document's: a route
added tomorrow is in the matrix the day it exists, and one that says nothing of its
audience fails here until it does.

- A caller the route is not for: the API answers 401 or 403, a page sends her to sign in
  or answers 403 - for a write as much as for a read, with a body that is otherwise valid.
- Another student asking for the owner's record (her request, her challan): 404.
- A caller the route is for, on a read: neither 401 nor 403 (the matrix could not tell
  a route that refuses everyone from one that is safe). On a public route that is asked
  of the anonymous caller only: a credential that is not valid there (a bank's password,
  a service's token) is refused even on a public route, which is right. Writes by callers they are for are
  the other suites' business: here they would spend the shared records.
"""
from __future__ import annotations

import functools
import warnings

import pytest
import schemathesis
from schemathesis import GenerationMode

from tests.security.callers import csrf_token
from tests.security.routes import PUBLIC_ENDPOINTS, offline_app, routes

pytestmark = pytest.mark.security

ROUTES = routes()
API = [r for r in ROUTES if r.is_api]
PAGES = [r for r in ROUTES if not r.is_api and r.endpoint != "static"]
#: Path parameters naming one student's record: another student must not reach them.
OWNED = ("{consumer_number}", "{request_number}")
REFUSED_API = {401, 403}


def _document() -> dict:
    return offline_app().test_client().get("/api/v1/openapi.json").get_json()


DOCUMENT = _document()


def test_every_route_declares_its_audience_or_is_public():
    silent = sorted({r.endpoint for r in ROUTES if not r.audience} - PUBLIC_ENDPOINTS)
    assert not silent, f"routes that say nothing of who they are for: {silent}"
    stale = sorted(PUBLIC_ENDPOINTS - {r.endpoint for r in ROUTES})
    assert not stale, f"PUBLIC_ENDPOINTS names routes that no longer exist: {stale}"


def test_every_api_route_is_in_the_openapi_document():
    documented = {(method.upper(), path) for path, ops in DOCUMENT["paths"].items() for method in ops
                  if method in ("get", "post", "put", "patch", "delete")}
    served = {(r.method, r.path) for r in API}
    assert served - documented == set(), "served but not documented"
    assert documented - served == set(), "documented but not served"


@functools.cache
def _schema():
    return schemathesis.openapi.from_dict(DOCUMENT)


@functools.cache
def _valid_body(method: str, path: str) -> dict | None:
    """A body the route's schema accepts, so only who is calling can be the reason for a refusal."""
    if "requestBody" not in DOCUMENT["paths"].get(path, {}).get(method.lower(), {}):
        return None
    strategy = _schema()[path][method].as_strategy(generation_mode=GenerationMode.POSITIVE)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # .example() outside a test is what we want here
        return strategy.example().body


CALLERS = ["anonymous", "owner", "another student", "staff admissions", "staff examinations", "staff treasury",
           "staff regional", "staff of another centre", "staff dispatch", "staff student_services", "bank ABL",
           "bank HBL", "stolen service credential"]


@pytest.mark.parametrize("route", API, ids=lambda r: f"{r.method} {r.rule}")
def test_api_route_against_every_caller(route, stack, callers, records, http):
    wrong = []
    for name in CALLERS:
        caller = callers[name]
        allowed = caller.may(route.audience)
        if allowed and route.method != "GET":
            continue
        response = http.request(route.method, route.url(records), headers=caller.headers, auth=caller.auth,
                                json=_valid_body(route.method, route.path))
        status = response.status_code
        if status >= 500:
            wrong.append(f"{name}: {status} (a server error) {response.text[:200]}")
        elif not allowed and status not in REFUSED_API:
            wrong.append(f"{name}: {status}, but the route is for {sorted(route.audience)}")
        elif allowed and name == "another student" and any(p in route.path for p in OWNED) and status != 404:
            wrong.append(f"{name}: {status} for the owner's record (404 expected)")
        elif allowed and (route.audience or name == "anonymous") and status in REFUSED_API \
                and not (name == "another student" and any(p in route.path for p in OWNED)):
            wrong.append(f"{name}: {status}, but the route is for it")
    assert not wrong, f"{route.method} {route.rule}:\n  " + "\n  ".join(wrong)


def _page_refused(response) -> bool:
    """Sent to sign in, or told this page is not for them."""
    if response.status_code == 403:
        return True
    return response.status_code in (302, 303) and "/login" in response.headers.get("Location", "")


@pytest.mark.parametrize("route", PAGES, ids=lambda r: f"{r.method} {r.rule}")
def test_page_against_every_caller(route, stack, callers, records):
    wrong = []
    for name in CALLERS:
        caller = callers[name]
        allowed = caller.may(route.audience) and "bank" not in caller.labels
        if allowed and route.method != "GET":
            continue
        url = route.url(records)
        if route.method == "GET":
            response = caller.pages.get(url)
        else:
            response = caller.pages.post(url, data={"csrf_token": csrf_token(caller.pages), "reason": "x"})
        status = response.status_code
        owned = any(p in route.path for p in OWNED)
        if status >= 500:
            wrong.append(f"{name}: {status} (a server error)")
        elif not allowed and route.audience and not _page_refused(response):
            wrong.append(f"{name}: {status}, but the page is for {sorted(route.audience)}")
        elif allowed and name == "another student" and owned and status != 404:
            wrong.append(f"{name}: {status} for the owner's record (404 expected)")
        elif allowed and route.audience and not (name == "another student" and owned) and _page_refused(response):
            wrong.append(f"{name}: refused ({status}), but the page is for it")
    assert not wrong, f"{route.method} {route.rule}:\n  " + "\n  ".join(wrong)


def test_staff_of_another_centre_see_none_of_the_owners_records(callers, records, http):
    """A route being for regional staff does not make every centre's records theirs: the
    owner's request is in her own centre's queue and not in another centre's."""
    def queue(name):
        answer = http.get("/api/v1/staff/requests", headers=callers[name].headers)
        assert answer.status_code == 200, answer.text
        return {r["request_number"] for r in answer.json()["requests"]}

    assert records["regional_request_number"] in queue("staff regional")
    assert records["regional_request_number"] not in queue("staff of another centre")
