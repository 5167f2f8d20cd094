"""Request validation and the OpenAPI document, from the same pydantic models (spectree).

`api.validate(json=Model, resp=Response(...))` on a view validates the body before the
view runs and documents both; a bad body becomes problem details naming each field."""
from __future__ import annotations

from flask import request
from pydantic import BaseModel
from spectree import SecurityScheme, SpecTree
from spectree.models import SecuritySchemeData

from campus.identifiers import CONTROL
from gateway.problems import Problem

JSON_METHODS = {"POST", "PUT", "PATCH"}


class ProblemDetails(BaseModel):
    """RFC 9457 problem details."""
    type: str
    title: str
    status: int
    detail: str
    instance: str
    request_id: str
    code: str | None = None
    errors: list[dict] | None = None


def _field_name(location: tuple) -> str:
    return ".".join(str(part) for part in location) or "body"


def _before(req, _resp, validation_error, _instance, *_):
    if validation_error is None:
        return
    errors = [{"field": _field_name(err.get("loc", ())), "message": err.get("msg", "invalid")}
              for err in validation_error.errors()]
    raise Problem(400, "the request has invalid fields: " + ", ".join(e["field"] for e in errors),
                  kind="validation-error", errors=errors)


def check_json_body() -> None:
    """Before spectree reads the body: refuse what is not a JSON object, clearly, and any
    text with control characters (a NUL cannot even be stored) wherever it hides."""
    if request.method not in JSON_METHODS or not request.get_data(cache=True):
        return
    if not request.is_json:
        raise Problem(415, "send the body as JSON with Content-Type: application/json", kind="unsupported-media-type")
    body = request.get_json(silent=True, cache=True)
    if body is None:
        raise Problem(400, "the body is not valid JSON", kind="malformed-json", field="body")
    field = _field_with_control_characters(body)
    if field is not None:
        raise Problem(400, f"{field} contains control characters", kind="validation-error", field=field)


def _field_with_control_characters(value, path: str = "") -> str | None:
    if isinstance(value, str):
        return (path or "body") if CONTROL.search(value) else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = _field_with_control_characters(item, f"{path}.{key}" if path else str(key))
        if found:
            return found
    return None


api = SpecTree(
    "flask",
    title="Campus Management System API",
    version="1.0.0",
    description=("The public HTTP surface of the campus management system: the student dashboard and "
                 "self-service, staff tools per department, the banks' bill-payment API and public "
                 "look-ups. Errors are RFC 9457 problem details. Amounts are integers in paisa "
                 "(PKR x 100) unless a field says otherwise; the bank API uses the 1LINK format."),
    path="api/v1/docs",  # its UI pages; the document itself is served at /api/v1/openapi.json
    mode="strict",
    annotations=True,
    validation_error_status=400,
    before=_before,
    security_schemes=[
        SecurityScheme(name="bearer", data=SecuritySchemeData(type="http", scheme="bearer", bearer_format="JWT")),
        SecurityScheme(name="bank_basic", data=SecuritySchemeData(type="http", scheme="basic")),
    ],
)

BEARER = {"bearer": []}
BANK = {"bank_basic": []}
