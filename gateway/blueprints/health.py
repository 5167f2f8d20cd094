"""Liveness and readiness."""
from __future__ import annotations

import grpc
from flask import Blueprint, jsonify
from grpc_health.v1 import health_pb2, health_pb2_grpc
from spectree import Response

from campus.config import SERVICES
from gateway.context import current
from gateway.limits import limiter
from gateway.openapi import api
from gateway.schemas import Health

bp = Blueprint("health", __name__)


@bp.get("/healthz")
@limiter.exempt
@api.validate(resp=Response(HTTP_200=Health), tags=["health"])
def healthz():
    """Liveness: the gateway process answers."""
    return {"status": "ok"}


@bp.get("/api/v1/openapi.json")
@limiter.exempt
@api.validate(resp=Response("HTTP_200"), tags=["health"])
def openapi_document():
    """This API's OpenAPI 3.1 document."""
    return jsonify(api.spec)


@bp.get("/readyz")
@limiter.exempt
@api.validate(resp=Response(HTTP_200=Health, HTTP_503=Health), tags=["health"])
def readyz():
    """Readiness: every service's standard gRPC health check says SERVING."""
    clients = current().clients
    futures = {service: health_pb2_grpc.HealthStub(clients.channel(service)).Check.future(
        health_pb2.HealthCheckRequest(), timeout=1.0) for service in SERVICES}
    states = {}
    for service, future in futures.items():
        try:
            states[service] = health_pb2.HealthCheckResponse.ServingStatus.Name(future.result().status)
        except grpc.RpcError as error:
            states[service] = error.code().name
    ready = all(state == "SERVING" for state in states.values())
    return {"status": "ready" if ready else "not ready", "services": states}, 200 if ready else 503
