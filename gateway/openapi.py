"""Request validation and the OpenAPI document, from the same pydantic models (spectree).

`api.validate(json=Model, resp=answers(...))` on a view validates the body before the
view runs and documents both; a bad body becomes problem details naming each field.

spectree documents every response as application/json and knows nothing of path
parameter formats or response headers: `finish()` completes the document in one place,
so what it says is what the gateway does."""
from __future__ import annotations

import copy

from flask import current_app, request
from spectree import Response, SecurityScheme, SpecTree
from spectree.models import SecuritySchemeData

from campus.identifiers import CONTROL
from gateway import schemas
from gateway.config import REQUEST_LINE_LIMIT
from gateway.problems import MEDIA_TYPE, Problem
from gateway.schemas import BankProblemDetails, ProblemDetails
from services.requests.domain import REQUEST_NUMBER_PATTERN

JSON_METHODS = {"POST", "PUT", "PATCH"}

#: Every answer of a signed-in route may be these: no or a bad token (401), the wrong
#: audience (403), the rate limit (429), a service failing (502) or away (503).
SIGNED_IN = (401, 403, 429, 502, 503)
#: Every answer of a route that reads a JSON body may be these as well: an invalid body
#: (400), one over the size limit (413), one that is not JSON (415).
WITH_BODY = (400, 413, 415)

def _header(description: str, **schema) -> dict:
    return {"description": description, "required": True, "schema": {"type": "string", **schema}}


#: Path parameters, by name: what the gateway and the services accept.
PATH_PARAMETERS = {
    "request_number": {"type": "string", "pattern": schemas.REQUEST_NUMBER, "description": "like SR-2026-000123"},
    "consumer_number": {"type": "string", "pattern": schemas.CONSUMER_NUMBER_PATTERN,
                        "description": "the challan's 18-digit consumer number"},
    "tracking_id": {"type": "string", "pattern": schemas.TRACKING_ID, "description": "like EBN-AGZ-2G33"},
    "username": {"type": "string", "pattern": schemas.USERNAME,
                 "description": "a registration number (22P-123456) or a staff login"},
    "registration_number": {"type": "string", "pattern": schemas.REGISTRATION_NUMBER,
                            "description": "a student's registration number, like 22P-123456"},
    "batch_id": {"type": "string", "pattern": schemas.BATCH_ID, "description": "an admission file's id"},
    "document_id": {"type": "string", "pattern": schemas.DOCUMENT_ID,
                    "description": "the end of the URL in a document's QR code"},
    "serial": {"type": "string", "pattern": schemas.DOCUMENT_SERIAL, "description": "a document's serial"},
    "roll_number": {"type": "string", "pattern": schemas.ROLL_NUMBER, "description": "like BO680724"},
    "file_id": {"type": "string", "pattern": schemas.BATCH_ID, "description": "a marks file's id"},
    "settlement_id": {"type": "string", "pattern": schemas.ROW_ID, "description": "a settlement file's number"},
    "unmatched_id": {"type": "string", "pattern": schemas.ROW_ID, "description": "an unmatched payment's number"},
    "attachment_id": {"type": "string", "pattern": schemas.ROW_ID, "description": "a document's number on its request"},
    "article_id": {"type": "string", "pattern": schemas.ROW_ID, "description": "an FAQ article's number"},
    "complaint_number": {"type": "string", "pattern": schemas.COMPLAINT_NUMBER,
                         "description": "a help-desk complaint's number, like HD-2026-000123"},
    "notification_id": {"type": "string", "pattern": schemas.NOTIFICATION_ID,
                        "description": "n<number> or a<number> from her notifications, or `all`"},
    "announcement_id": {"type": "string", "pattern": schemas.ROW_ID, "description": "an announcement's number"},
    "delivery_id": {"type": "string", "pattern": schemas.ROW_ID, "description": "an email's or text message's number"},
    "partner_id": {"type": "string", "pattern": schemas.ROW_ID, "description": "a partner system's number"},
    "registry_number": {"type": "string", "pattern": schemas.ROLL_NUMBER,
                        "description": "a parcel's postal registry number: the student's roll number"},
    "answer_document_id": {"type": "string", "pattern": schemas.ROW_ID,
                           "description": "a document the student answered an objection with"},
    "webhook_delivery_id": {"type": "string", "pattern": schemas.WEBHOOK_DELIVERY_ID,
                            "description": "a webhook delivery's id (its X-CMS-Delivery header)"},
}
_PDF = {"200": {"description": "the document, as a PDF (its verification QR code on it)",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
                "headers": {"Content-Disposition": _header("inline; filename=..."),
                            "X-Document-Id": _header("the document's ID, as its QR code carries it")}}}

_ATTACHMENT = {"200": {"description": "the document, to download (never shown inline)",
                       "content": {t: {"schema": {"type": "string", "format": "binary"}}
                                   for t in ("application/pdf", "image/jpeg", "image/png")},
                       "headers": {"Content-Disposition": _header("attachment; filename=...")}}}


#: Response headers every answer with this status carries.
HEADERS_BY_STATUS = {
    401: {"WWW-Authenticate": _header("Bearer realm=\"cms\", or Basic realm=\"cms-bank\" on the bank API")},
    429: {"Retry-After": _header("seconds to wait", pattern=r"^[0-9]+$")},
}
#: ... and those of particular operations.
HEADERS_BY_OPERATION = {
    ("post", "/api/v1/me/requests", "201"): {
        "Location": _header("the new request", pattern="^/api/v1/me/requests/" + REQUEST_NUMBER_PATTERN[1:])},
    ("get", "/api/v1/me/results", "200"): {
        "ETag": _header("send it back as If-None-Match", pattern=r'^"[0-9a-f]{32}"$')},
    ("get", "/api/v1/me/results", "304"): {
        "ETag": _header("the unchanged card's", pattern=r'^"[0-9a-f]{32}"$')},
    ("get", "/api/v1/public/results/{roll_number}", "200"): {
        "ETag": _header("send it back as If-None-Match", pattern=r'^"[0-9a-f]{32}"$')},
    ("get", "/api/v1/public/results/{roll_number}", "304"): {
        "ETag": _header("the unchanged card's", pattern=r'^"[0-9a-f]{32}"$')},
}



#: Answers that are not JSON, which spectree cannot describe.
RESPONSES_BY_OPERATION = {
    ("get", "/api/v1/staff/admissions/files/{batch_id}/report"): {"200": {
        "description": "the report, as a CSV file to download",
        "content": {"text/csv": {"schema": {"type": "string"}}},
        "headers": {"Content-Disposition": _header("attachment; filename=...")}}},
    ("get", "/api/v1/me/roll-number-slip.pdf"): _PDF,
    ("get", "/api/v1/public/roll-number-slip.pdf"): _PDF,
    ("get", "/api/v1/me/transcript.pdf"): _PDF,
    ("get", "/api/v1/staff/marks/files/{file_id}/report"): {"200": {
        "description": "the report, as a CSV file to download",
        "content": {"text/csv": {"schema": {"type": "string"}}},
        "headers": {"Content-Disposition": _header("attachment; filename=...")}}},
    ("get", "/api/v1/me/challans/{consumer_number}.pdf"): _PDF,
    ("get", "/api/v1/me/requests/{request_number}/attachments/{attachment_id}"): _ATTACHMENT,
    ("get", "/api/v1/staff/complaints/{complaint_number}/document"): _ATTACHMENT,
    ("get", "/api/v1/staff/requests/{request_number}/attachments/{attachment_id}"): _ATTACHMENT,
    ("get", "/api/v1/staff/treasury/challans/{consumer_number}.pdf"): _PDF,
    ("get", "/api/v1/staff/treasury/settlements/{settlement_id}/report.csv"): {"200": {
        "description": "the report's unmatched lines, as a CSV file to download",
        "content": {"text/csv": {"schema": {"type": "string"}}},
        "headers": {"Content-Disposition": _header("attachment; filename=...")}}},
}


def _to(method: str, path: str, **parameters: str) -> dict:
    """An OpenAPI link to (method, path), its path parameters taken from this answer."""
    return {"operationRef": "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method,
            "parameters": parameters}


#: How one answer leads to the next call: what a client (and the stateful fuzzer of the
#: security battery) follows. (method, path, status) -> {link name: link}.
LINKS_BY_OPERATION = {
    ("post", "/api/v1/me/requests", "201"): {
        "GetRequest": _to("get", "/api/v1/me/requests/{request_number}",
                          request_number="$response.body#/request_number")},
    ("get", "/api/v1/me/requests", "200"): {
        "GetRequest": _to("get", "/api/v1/me/requests/{request_number}",
                          request_number="$response.body#/requests/0/request_number")},
    ("get", "/api/v1/me/finance", "200"): {
        "GetChallan": _to("get", "/api/v1/me/challans/{consumer_number}",
                          consumer_number="$response.body#/data/challans/0/consumer_number")},
    ("get", "/api/v1/me/tracking", "200"): {
        "TrackDegree": _to("get", "/api/v1/public/degree-tracking/{tracking_id}",
                           tracking_id="$response.body#/data/applications/0/tracking_id")},
    ("post", "/api/v1/staff/students", "201"): {
        name: _to(method, f"/api/v1/staff/accounts/{{username}}/{action}", username="$response.body#/username")
        for name, method, action in (("AuditAccount", "get", "audit"), ("LockAccount", "post", "lock"),
                                     ("UnlockAccount", "post", "unlock"))},
}

#: Every operation's, from the HTTP server in front of the application.
URI_TOO_LONG = {"description": f"URI Too Long: the request line is over {REQUEST_LINE_LIMIT} bytes "
                               "(answered by the HTTP server itself, not as problem details)",
                "content": {"text/html": {"schema": {"type": "string"}}}}


def answers(*problems: int, problem: type = ProblemDetails, **ok) -> Response:
    """An operation's answers: `ok` as spectree takes them (HTTP_200=Model), and each
    status in `problems` as problem details."""
    return Response(**ok, **{f"HTTP_{status}": problem for status in sorted(set(problems))})


def _field_name(location: tuple) -> str:
    return ".".join(str(part) for part in location) or "body"


def _before(req, _resp, validation_error, _instance, *_):
    if validation_error is None:
        return
    errors = [{"field": _field_name(err.get("loc", ())), "message": err.get("msg", "invalid")}
              for err in validation_error.errors()]
    raise Problem(400, "the request has invalid fields: " + ", ".join(e["field"] for e in errors),
                  kind="validation-error", errors=errors)


MAX_JSON_DEPTH = 16


def nesting_depth(raw: bytes) -> int:
    """How deep arrays and objects nest in a JSON text (strings skipped), without parsing it."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:      # backslash
                escaped = True
            elif byte == 0x22:      # closing quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return deepest


def takes_files(view):
    """Mark an API route that takes multipart/form-data (a file upload) instead of JSON.
    Put it right under the route's decorator: the function the route registers carries it."""
    view.takes_files = True
    return view


#: What a route that takes files accepts: a form with its files, or the form alone.
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def check_json_body() -> None:
    """Before spectree reads the body: refuse what is not a JSON object, clearly, and any
    text with control characters (a NUL cannot even be stored) wherever it hides."""
    if request.method not in JSON_METHODS or not request.path.startswith("/api/"):
        return  # the portal's pages post forms; only the JSON API takes JSON bodies
    view = current_app.view_functions.get(request.endpoint)
    if getattr(view, "takes_files", False) and request.mimetype in FORM_TYPES:
        return  # a file upload (or its form sent without the optional file): validated by its route
    raw = request.get_data(cache=True)
    if not raw:
        return
    if not request.is_json:
        raise Problem(415, "send the body as JSON with Content-Type: application/json", kind="unsupported-media-type")
    # The byte scan only where enough brackets exist to nest too deep (counting is C-fast).
    if raw.count(b"[") + raw.count(b"{") > MAX_JSON_DEPTH and nesting_depth(raw) > MAX_JSON_DEPTH:
        # Checked on the bytes, before parsing: a deep enough document would exhaust the
        # parser's recursion and answer 500 with a thousand-frame traceback.
        raise Problem(400, f"the body is nested more than {MAX_JSON_DEPTH} levels deep", kind="malformed-json",
                      field="body")
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


class CampusSpecTree(SpecTree):
    @property
    def spec(self) -> dict:
        if not hasattr(self, "_finished"):
            self._finished = finish(copy.deepcopy(super().spec), self)
        return self._finished


def finish(spec: dict, tree: SpecTree) -> dict:
    """What spectree cannot say: problem details as application/problem+json, path
    parameter formats, response headers and links, the HTTP server's 414; and none of spectree's own
    validation-error model, which the gateway never answers with (a 400 is problem
    details, declared per route where it can happen)."""
    problems = {f"#/components/schemas/{tree.naming_strategy(model)}" for model in (ProblemDetails, BankProblemDetails)}
    unused = set()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and parameter["name"] in PATH_PARAMETERS:
                    described = PATH_PARAMETERS[parameter["name"]]
                    parameter["schema"] = {k: v for k, v in described.items() if k != "description"}
                    parameter["description"] = described["description"]
            for status, response in list(operation["responses"].items()):
                content = response.get("content", {})
                ref = content.get("application/json", {}).get("schema", {}).get("$ref", "")
                if ref.split("/")[-1].startswith("ValidationError."):
                    del operation["responses"][status]
                    unused.add(ref.split("/")[-1])
                    continue
                if ref in problems:
                    response["content"] = {MEDIA_TYPE: content["application/json"]}
                headers = {**HEADERS_BY_STATUS.get(int(status), {}),
                           **HEADERS_BY_OPERATION.get((method, path, status), {})}
                if int(status) == 503 and ref in problems:
                    headers["Retry-After"] = HEADERS_BY_STATUS[429]["Retry-After"]
                if headers:
                    response["headers"] = headers
                if (method, path, status) in LINKS_BY_OPERATION:
                    response["links"] = LINKS_BY_OPERATION[(method, path, status)]
            operation["responses"].update(RESPONSES_BY_OPERATION.get((method, path), {}))
            operation["responses"]["414"] = URI_TOO_LONG
            operation["responses"] = dict(sorted(operation["responses"].items()))
    schemas_ = spec["components"]["schemas"]
    for name in [n for n in schemas_ if any(n == u or n.startswith(u + ".") for u in unused)]:
        del schemas_[name]
    return spec


api = CampusSpecTree(
    "flask",
    title="Campus Management System API",
    version="1.0.0",
    description=("The public HTTP surface of the campus management system: the student dashboard and "
                 "self-service, staff tools per department, the banks' bill-payment API and public "
                 "look-ups. Errors are RFC 9457 problem details (application/problem+json). Amounts are "
                 "integers in paisa (PKR x 100) unless a field says otherwise; the bank API uses the "
                 "1LINK format."),
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
