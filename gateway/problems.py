"""RFC 9457 problem details: every error the gateway answers with, in one place.

Domain errors from the services map to HTTP status by one table; validation errors name
the offending field; unexpected errors become a 500 that says nothing internal."""
from __future__ import annotations

import logging

from flask import Flask, Response, json, request
from werkzeug.exceptions import HTTPException

from campus import auth
from campus import errors as domain
from campus.rpc_status import RemoteFailure

log = logging.getLogger(__name__)
MEDIA_TYPE = "application/problem+json"

STATUS_BY_ERROR: dict[type[domain.DomainError], tuple[int, str]] = {
    domain.InvalidArgument: (400, "validation-error"),
    domain.Unauthenticated: (401, "unauthenticated"),
    domain.PermissionDenied: (403, "forbidden"),
    domain.NotFound: (404, "not-found"),
    domain.AlreadyExists: (409, "conflict"),
    domain.FailedPrecondition: (409, "failed-precondition"),
    domain.TooManyAttempts: (429, "too-many-attempts"),
    domain.Unavailable: (503, "service-unavailable"),
    domain.DeadlineExceeded: (503, "service-unavailable"),
    RemoteFailure: (502, "upstream-failure"),
}
#: Reasons that deserve their own status.
STATUS_BY_REASON = {
    "PASSWORD_CHANGE_REQUIRED": (403, "password-change-required"),
    "ACCOUNT_LOCKED": (423, "account-locked"),
    # Identity has no memory free for one more password hash just now: the server is busy,
    # not the client at fault (Retry-After says when to try again).
    "HASHING_BUSY": (503, "service-busy"),
}
TITLES = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found", 405: "Method not allowed",
          409: "Conflict", 413: "Request too large", 415: "Unsupported media type", 423: "Locked",
          429: "Too many requests", 500: "Internal error", 502: "Bad gateway", 503: "Service unavailable"}


class Problem(Exception):
    """Raise anywhere in a view to answer with problem details."""

    def __init__(self, status: int, detail: str, *, kind: str = "", field: str | None = None,
                 errors: list[dict] | None = None, code: str = "", headers: dict | None = None, **extra):
        super().__init__(detail)
        self.status, self.detail = status, detail
        self.kind = kind or TITLES.get(status, "error").lower().replace(" ", "-")
        self.errors = errors or ([{"field": field, "message": detail}] if field else [])
        self.code, self.headers, self.extra = code, headers or {}, extra


def from_domain(error: domain.DomainError) -> Problem:
    status, kind = STATUS_BY_REASON.get(error.reason) or _by_class(error)
    headers = {}
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="cms"'
    if error.retry_after:
        headers["Retry-After"] = str(error.retry_after)
    elif status == 503:
        headers["Retry-After"] = "5"
    detail = error.message if status < 500 or status == 503 else "a service failed to answer"
    if status == 503:
        detail = "a service is unavailable; try again shortly"
    return Problem(status, detail, kind=kind, field=error.field, code=error.reason, headers=headers)


def from_http(error: HTTPException) -> Problem:
    """Werkzeug's own errors (404, 405, 413, 429 from the rate limiter...) as problems."""
    headers = {"Allow": ", ".join(error.valid_methods)} if getattr(error, "valid_methods", None) else {}
    if error.code == 429:
        headers["Retry-After"] = "60"
    return Problem(error.code or 500, error.description or TITLES.get(error.code, "error"), headers=headers)


def _by_class(error: domain.DomainError) -> tuple[int, str]:
    for cls in type(error).__mro__:
        if cls in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[cls]
    return 500, "internal-error"


def render(problem: Problem) -> Response:
    from gateway.portal import pages  # the portal's own pages get an error page, not JSON
    if pages.is_page_request():
        response = pages.error_page(problem.status)
        for name, value in problem.headers.items():
            response.headers[name] = value
        return response
    body = {"type": f"/problems/{problem.kind}", "title": TITLES.get(problem.status, "Error"),
            "status": problem.status, "detail": problem.detail, "instance": request.path,
            "request_id": auth.request_id.get()}
    if problem.errors:
        body["errors"] = problem.errors
    if problem.code:
        body["code"] = problem.code
    body.update(problem.extra)
    response = Response(json.dumps(body), status=problem.status, mimetype=MEDIA_TYPE)
    for name, value in problem.headers.items():
        response.headers[name] = value
    return response


def install(app: Flask) -> None:
    app.register_error_handler(Problem, render)
    app.register_error_handler(domain.DomainError, lambda e: render(from_domain(e)))

    app.register_error_handler(HTTPException, lambda e: render(from_http(e)))

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        return render(Problem(500, "something went wrong on our side; it has been logged", kind="internal-error"))


def refused_file(refused: list[dict], outcome: str) -> Problem:
    """A file refused whole: 400 naming every refused row ({line, field, reason}), and what
    did not happen because of them (`outcome`)."""
    return Problem(400, f"{len({r['line'] for r in refused})} rows refused: {outcome}",
                   errors=[{"field": r["field"], "message": f"line {r['line']}: {r['reason']}"} for r in refused])
