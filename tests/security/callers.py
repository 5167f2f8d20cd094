"""The kinds of caller the security battery tries every route as, and how each signs in.

Each caller carries the audience labels it satisfies (gateway.security.declare_audience:
"student", "staff", "staff:<department>", "bank"), its API credentials, and an HTTP
client holding its portal session (cookies), so one table drives the API and the pages."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import httpx

from services import demo
from tests import otp

_addresses = itertools.count(1)


def fresh_address() -> str:
    """A client address of its own (the stack trusts one proxy hop): budgets per address
    are not shared between tests unless a test means them to be."""
    n = next(_addresses)
    return f"203.0.{n // 250 % 250}.{n % 250 + 1}"


@dataclass
class Caller:
    name: str
    labels: frozenset[str]
    headers: dict = field(default_factory=dict)     # for the JSON API
    auth: tuple[str, str] | None = None            # HTTP Basic (banks)
    pages: httpx.Client | None = None              # its portal session
    subject: str = ""

    def may(self, audience: frozenset[str]) -> bool:
        """Whether a route declared for `audience` is for this caller (none declared: public)."""
        return not audience or bool(self.labels & audience)


def api_sign_in(http: httpx.Client, username: str, password: str = demo.PASSWORD, **headers) -> dict:
    """Sign in through the JSON API, with the next one-time code for staff who must use one."""
    body = {"username": username, "password": password}
    if otp.needs_code(username):
        body["otp"] = otp.code_for(username)
    response = http.post("/api/v1/auth/login", json=body, headers=headers)
    assert response.status_code == 200, f"{username}: {response.status_code} {response.text[:300]}"
    return response.json()


CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_token(pages: httpx.Client, *paths: str) -> str:
    """The session's CSRF token, from the first of `paths` with a form (a signed-in person's
    password page, or the sign-in page)."""
    for path in paths or ("/account/password", "/login"):
        found = CSRF.search(pages.get(path, follow_redirects=True).text)
        if found:
            return found.group(1)
    raise AssertionError(f"no CSRF token on {paths}")


def page_sign_in(base_url: str, username: str, password: str = demo.PASSWORD) -> httpx.Client:
    """A browser-like client signed in through the portal's own form (second step included)."""
    pages = httpx.Client(base_url=base_url, timeout=15, headers={"X-Forwarded-For": "198.51.100.10"})
    form = {"csrf_token": csrf_token(pages, "/login"), "username": username, "password": password,
            "otp": otp.code_for(username)}
    answer = pages.post("/login", data=form)
    assert answer.status_code == 303, f"{username}: {answer.status_code} {answer.text[:300]}"
    return pages


def anonymous_pages(base_url: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, timeout=15, headers={"X-Forwarded-For": "198.51.100.11"})


def bank_token(stack, http: httpx.Client, caller: Caller) -> str:
    """The access token identity gives a bank for its credential (what the gateway forwards)."""
    from campus import auth as campus_auth
    from cms.identity.v1 import identity_pb2 as pb
    from tests.stack import service_clients as clients_as
    clients = clients_as(stack, "gateway")
    try:
        mnemonic, secret = caller.auth
        pair = clients.call("identity", "AuthenticateBank", pb.AuthenticateBankRequest(
            bank_mnemonic=mnemonic, secret=secret, client=pb.ClientInfo(ip="198.51.100.12")),
            caller=campus_auth.Caller(kind=campus_auth.PUBLIC, subject=""))
        return pair.access_token
    finally:
        clients.close()
