"""Stateful fuzzing of the whole API: at least 10,000 calls in sequences schemathesis
builds from the document's links (inferred from Location headers and the schemas), each
call made as the operation's audience. 0 answers of 5xx, 0 that break the document:
status, media type, headers and body as documented."""
from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.security.callers import fresh_address

pytestmark = pytest.mark.security
CASES = int(os.environ.get("SECURITY_FUZZ_CASES", "10000"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]
#: They would end the session the other calls are made in, or change its password.
LEFT_OUT = ["/api/v1/auth/logout", "/api/v1/auth/password/change"]


def _as_audience(path: str, callers) -> dict:
    if path.startswith("/api/v1/bank/"):
        return {"auth": callers["bank ABL"].auth}
    if path == "/api/v1/staff/students":
        return {"headers": dict(callers["staff admissions"].headers)}
    if path.startswith("/api/v1/staff/"):
        return {"headers": dict(callers["staff student_services"].headers)}
    return {"headers": dict(callers["owner"].headers)}


@pytest.mark.timeout(1200)
def test_stateful_fuzzing_finds_no_server_error_and_no_schema_violation(stack, callers):
    config = schemathesis.Config.from_dict({"generation": {"with-security-parameters": False, "mode": "positive"}})
    schema = schemathesis.openapi.from_url(f"{stack.gateway_url()}/api/v1/openapi.json", config=config)
    schema = schema.exclude(path=LEFT_OUT)
    made = {"calls": 0, "by_status": {}}

    class Fuzz(schema.as_state_machine()):
        def get_call_kwargs(self, case):
            kwargs = _as_audience(case.path, callers)
            # Its own address per call: failed sign-ins must not throttle the fuzzer into 429s only.
            kwargs.setdefault("headers", {})["X-Forwarded-For"] = fresh_address()
            return kwargs

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            made["calls"] += 1
            made["by_status"][response.status_code] = made["by_status"].get(response.status_code, 0) + 1
            case.validate_response(response, checks=CHECKS, transport_kwargs=kwargs)

    rounds = 0
    while made["calls"] < CASES:
        rounds += 1
        Fuzz.run(settings=settings(max_examples=400, stateful_step_count=20, deadline=None, database=None,
                                   derandomize=False, suppress_health_check=list(HealthCheck)))
    statuses = dict(sorted(made["by_status"].items()))
    print(f"\nstateful fuzzing: {made['calls']} calls in {rounds} rounds; answers by status {statuses}")
    assert made["calls"] >= CASES
    assert not [s for s in statuses if s >= 500], statuses
