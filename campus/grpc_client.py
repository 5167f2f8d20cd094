"""Calling other services: one channel per service per process, deadlines on every call.

Where each service listens comes from its definition (campus.registry). Channels are
created lazily, so a forking server (gunicorn) makes them in each worker after the fork,
as grpcio requires. Retries are gRPC's own (service config): only for the methods the
proto marks idempotent (`option idempotency_level`), and only on UNAVAILABLE. Each call carries this process's service
token, the request ID and, when acting for a user, the user's access token.
"""
from __future__ import annotations

import json
import threading
import uuid
from typing import Any

import grpc

from campus import auth, registry
from campus.rpc_status import MAX_MESSAGE_BYTES, from_rpc_error


def _service_config(definition) -> str:
    """Retries only for the methods the proto marks idempotent, and only on UNAVAILABLE."""
    # round_robin over every address the name resolves to: with a headless Service each
    # replica of a scaled-out service gets its share of the calls.
    config: dict = {"loadBalancingConfig": [{"round_robin": {}}]}
    idempotent = definition.idempotent_methods()
    if idempotent:
        config["methodConfig"] = [{
            "name": [{"service": definition.full_name, "method": name} for name in idempotent],
            "retryPolicy": {"maxAttempts": 3, "initialBackoff": "0.05s", "maxBackoff": "0.5s",
                            "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]},
        }]
    return json.dumps(config)


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
                    definition = registry.definition(service)
                    channel = grpc.insecure_channel(
                        self._addresses.get(service) or definition.address(),
                        options=[("grpc.service_config", _service_config(definition)),
                                 ("grpc.enable_retries", 1),
                                 ("grpc.keepalive_time_ms", 30000),
                                 # A service back after an outage is reached within ~2 s,
                                 # not after grpc's default back-off of up to two minutes.
                                 ("grpc.initial_reconnect_backoff_ms", 500),
                                 ("grpc.max_reconnect_backoff_ms", 2000),
                                 ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
                                 ("grpc.max_send_message_length", MAX_MESSAGE_BYTES)])
                    self._channels[service] = channel
        return channel

    def stub(self, service: str):
        stub = self._stubs.get(service)
        if stub is None:
            stub = registry.definition(service).stub(self.channel(service))
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
