"""Liveness and readiness."""
from __future__ import annotations

import grpc
from flask import Blueprint, jsonify
from grpc_health.v1 import health_pb2, health_pb2_grpc

from campus import registry
from gateway.context import current
from gateway.limits import limiter
from gateway.openapi import answers, api
from gateway.schemas import Health

bp = Blueprint("health", __name__)


def _health(channel) -> str:
    try:
        answer = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=1.0)
        return health_pb2.HealthCheckResponse.ServingStatus.Name(answer.status)
    except grpc.RpcError as error:
        return error.code().name


@bp.get("/healthz")
@limiter.exempt
@api.validate(resp=answers(HTTP_200=Health), tags=["health"])
def healthz():
    """Liveness: the gateway process answers."""
    return {"status": "ok"}


@bp.get("/api/v1/openapi.json")
@limiter.exempt
@api.validate(resp=answers(HTTP_200=None), tags=["health"])
def openapi_document():
    """This API's OpenAPI 3.1 document."""
    return jsonify(api.spec)


@bp.get("/readyz")
@limiter.exempt
@api.validate(resp=answers(HTTP_200=Health, HTTP_503=Health), tags=["health"])
def readyz():
    """Readiness: every service's standard gRPC health check says SERVING.

    Asked at most once a second per worker, however often probes (or anyone) ask."""
    gateway = current()
    states = gateway.readiness.get("states")
    if states is None:
        asked = {service: gateway.askers.submit(_health, gateway.clients.channel(service))
                 for service in registry.names()}
        states = gateway.readiness.put("states", {service: f.result() for service, f in asked.items()}, 1.0)
    ready = all(state == "SERVING" for state in states.values())
    return {"status": "ready" if ready else "not ready", "services": states}, 200 if ready else 503
