"""Who is calling the gateway, and whether they may: bearer tokens for students and staff,
HTTP Basic for banks. Views declare their audience with a decorator and get the verified
caller from `caller()`."""
from __future__ import annotations

import functools

from flask import g, request

from campus import auth, identifiers
from campus.errors import InvalidArgument, Unauthenticated
from cms.identity.v1 import identity_pb2
from gateway.context import current
from gateway.problems import Problem

#: Requests that change nothing: a stale feed of ended sessions still lets students make them.
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def client_info() -> identity_pb2.ClientInfo:
    return identity_pb2.ClientInfo(ip=request.remote_addr or "", user_agent=request.user_agent.string[:200])


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        return None
    if scheme.lower() != "bearer" or not token.strip():
        raise Problem(401, "use an Authorization: Bearer <access token> header", kind="unauthenticated",
                      headers={"WWW-Authenticate": 'Bearer realm="cms"'})
    return token.strip()


def authenticate_bearer(required: bool = True) -> auth.Caller | None:
    token = bearer_token()
    if token is None:
        if required:
            raise Problem(401, "sign in first: this needs an access token", kind="unauthenticated",
                          headers={"WWW-Authenticate": 'Bearer realm="cms"'})
        return None
    gateway = current()
    caller = gateway.verifier.caller(token, via="gateway")
    if caller.kind == auth.BANK:
        raise Problem(403, "bank clients use the bank API only", kind="forbidden")
    if not gateway.session_active(caller, write=request.method not in SAFE_METHODS):
        raise Unauthenticated("this session has ended; sign in again", reason="SESSION_ENDED")
    g.caller = caller
    return caller


def caller() -> auth.Caller:
    return g.caller


def declare_audience(wrapper, *audience: str):
    """Say on a view who it is for: "student", "staff" (every department), "staff:<dept>",
    "bank". Read by the security battery's authorization matrix (tests/security), which
    holds every route to it; outer decorators keep it (functools.wraps copies __dict__)."""
    wrapper.audience = frozenset(audience)
    return wrapper


def student_only(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if authenticate_bearer().kind != auth.STUDENT:
            raise Problem(403, "this is for students", kind="forbidden")
        return view(*args, **kwargs)
    return declare_audience(wrapper, auth.STUDENT)


def staff_only(*departments: str):
    """Staff of any of `departments` (any department when none are named)."""
    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            who = authenticate_bearer()
            if who.kind != auth.STAFF or (departments and who.department not in departments):
                raise Problem(403, "this is for staff of " + (", ".join(departments) or "the university"),
                              kind="forbidden")
            return view(*args, **kwargs)
        return declare_audience(wrapper, *([f"{auth.STAFF}:{d}" for d in departments] or [auth.STAFF]))
    return decorate


def signed_in(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        authenticate_bearer()
        return view(*args, **kwargs)
    return declare_audience(wrapper, auth.STUDENT, auth.STAFF)


def bank_only(view):
    """HTTP Basic: user = the bank's mnemonic, password = its secret."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        credentials = request.authorization
        if credentials is None or credentials.type != "basic" or not credentials.password:
            raise Problem(401, "banks authenticate with HTTP Basic (user = bank mnemonic)", kind="unauthenticated",
                          headers={"WWW-Authenticate": 'Basic realm="cms-bank"'}, response_Code="04")
        try:
            mnemonic = identifiers.bank_mnemonic(credentials.username or "")
        except InvalidArgument:
            raise Problem(401, "unknown bank credentials", kind="unauthenticated",
                          headers={"WWW-Authenticate": 'Basic realm="cms-bank"'}, response_Code="04") from None
        try:
            g.caller = current().bank_caller(mnemonic, credentials.password, client_info())
        except Unauthenticated:
            raise Problem(401, "unknown bank credentials", kind="unauthenticated",
                          headers={"WWW-Authenticate": 'Basic realm="cms-bank"'}, response_Code="04") from None
        return view(*args, **kwargs)
    return declare_audience(wrapper, auth.BANK)
