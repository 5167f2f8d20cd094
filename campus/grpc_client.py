"""Calling other services: one channel per service per process, deadlines on every call.

Channels are created lazily, so a forking server (gunicorn) makes them in each worker
after the fork, as grpcio requires. Retries are gRPC's own (service config): only for
idempotent methods and only on UNAVAILABLE. Each call carries this process's service
token, the request ID and, when acting for a user, the user's access token.
"""
from __future__ import annotations

import importlib
import json
import threading
import uuid
from typing import Any

import grpc

from campus import auth
from campus.config import grpc_address
from campus.rpc_status import from_rpc_error

STUBS = {
    "identity": ("cms.identity.v1.identity_pb2_grpc", "IdentityServiceStub", "cms.identity.v1.IdentityService"),
    "enrollment": ("cms.enrollment.v1.enrollment_pb2_grpc", "EnrollmentServiceStub",
                   "cms.enrollment.v1.EnrollmentService"),
    "exams": ("cms.exams.v1.exams_pb2_grpc", "ExamsServiceStub", "cms.exams.v1.ExamsService"),
    "finance": ("cms.finance.v1.finance_pb2_grpc", "FinanceServiceStub", "cms.finance.v1.FinanceService"),
    "requests": ("cms.requests.v1.requests_pb2_grpc", "RequestsServiceStub", "cms.requests.v1.RequestsService"),
    "tracking": ("cms.tracking.v1.tracking_pb2_grpc", "TrackingServiceStub", "cms.tracking.v1.TrackingService"),
}

#: Writes that are idempotent by design (keyed on a reference). FileRequest is not here:
#: it is idempotent only when the student sent an idempotency key.
IDEMPOTENT_WRITES = {"IssueChallan", "BillPayment"}
READ_PREFIXES = ("Get", "List", "Check", "Track", "BillInquiry")


def _retry_config(service: str) -> str:
    module_name, _, full_name = STUBS[service]
    pb2 = importlib.import_module(module_name.replace("_pb2_grpc", "_pb2"))
    methods = pb2.DESCRIPTOR.services_by_name[full_name.rsplit(".", 1)[1]].methods
    idempotent = [m.name for m in methods if m.name.startswith(READ_PREFIXES) or m.name in IDEMPOTENT_WRITES]
    # round_robin over every address the name resolves to: with a headless Service each
    # replica of a scaled-out service gets its share of the calls.
    return json.dumps({"loadBalancingConfig": [{"round_robin": {}}], "methodConfig": [{
        "name": [{"service": full_name, "method": name} for name in idempotent],
        "retryPolicy": {"maxAttempts": 3, "initialBackoff": "0.05s", "maxBackoff": "0.5s",
                        "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]},
    }]})


class ServiceClients:
    """The stubs one process uses to call the others."""

    def __init__(self, tokens: auth.ServiceTokens, *, default_timeout: float = 3.0,
                 addresses: dict[str, str] | None = None):
        self.tokens = tokens
        self.default_timeout = default_timeout
        self._addresses = addresses or {}
        self._stubs: dict[str, Any] = {}
        self._channels: dict[str, grpc.Channel] = {}
        self._lock = threading.Lock()

    def channel(self, service: str) -> grpc.Channel:
        channel = self._channels.get(service)
        if channel is None:
            with self._lock:
                channel = self._channels.get(service)
                if channel is None:
                    channel = grpc.insecure_channel(
                        self._addresses.get(service) or grpc_address(service),
                        options=[("grpc.service_config", _retry_config(service)),
                                 ("grpc.enable_retries", 1),
                                 ("grpc.keepalive_time_ms", 30000)])
                    self._channels[service] = channel
        return channel

    def stub(self, service: str):
        stub = self._stubs.get(service)
        if stub is None:
            module_name, class_name, _ = STUBS[service]
            stub = getattr(importlib.import_module(module_name), class_name)(self.channel(service))
            self._stubs[service] = stub
        return stub

    def metadata(self, caller: auth.Caller | None = None) -> list[tuple[str, str]]:
        caller = caller if caller is not None else _current_or_none()
        rid = auth.request_id.get()
        metadata = [("x-service-token", self.tokens.token()),
                    ("x-request-id", rid if rid != "-" else uuid.uuid4().hex[:16])]
        if caller is not None and caller.token:
            metadata.append(("authorization", f"Bearer {caller.token}"))
        return metadata

    def call(self, service: str, method: str, request, *, timeout: float | None = None,
             caller: auth.Caller | None = None):
        """Call `service.method` and return its response, or raise the DomainError it sent."""
        rpc = getattr(self.stub(service), method)
        try:
            return rpc(request, timeout=timeout or self.default_timeout, metadata=self.metadata(caller))
        except grpc.RpcError as error:
            raise from_rpc_error(error) from None

    def close(self) -> None:
        for channel in self._channels.values():
            channel.close()
        self._channels.clear()
        self._stubs.clear()


def _current_or_none() -> auth.Caller | None:
    try:
        return auth.current_caller()
    except Exception:  # noqa: BLE001 - outside a request there is simply no caller
        return None


def jwks_from_identity(clients: ServiceClients):
    """A JWKS loader for AccessTokenVerifier that asks identity over gRPC."""
    from cms.identity.v1 import identity_pb2

    def load() -> str:
        return clients.call("identity", "GetJwks", identity_pb2.GetJwksRequest(), timeout=3.0,
                            caller=auth.Caller(kind=auth.SERVICE, subject=clients.tokens.service)).jwks_json

    return load
