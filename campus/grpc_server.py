"""The gRPC server every service runs.

Standard health service (SERVING while up, NOT_SERVING while draining), reflection so
grpcurl works, one interceptor for request IDs, caller authentication, the caller policy
each method declares (campus.policy), logging and the mapping of domain errors to status
codes, and a graceful stop on SIGTERM/SIGINT.
"""
from __future__ import annotations

import logging
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from campus import auth, policy, registry
from campus.errors import DomainError, PermissionDenied
from campus.rpc_status import MAX_MESSAGE_BYTES, to_status
from campus.sessions import SessionFeed

log = logging.getLogger("campus.rpc")

#: Methods anyone may call without a service token: probes and grpcurl.
OPEN_PREFIXES = ("/grpc.health.v1.Health/", "/grpc.reflection.")


def time_left(context, margin: float = 0.3) -> float | None:
    """Seconds left of the caller's deadline, less a margin to write the answer (None: no
    deadline): what a method that calls other services may give those calls."""
    remaining = context.time_remaining()
    return None if remaining is None else remaining - margin


class ServerInterceptor(grpc.ServerInterceptor):
    def __init__(self, service_tokens: auth.ServiceTokens, access: auth.AccessTokenVerifier | None,
                 policies: dict[str, policy.Policy], answered: Callable | None = None,
                 sessions: SessionFeed | None = None, reads: set[str] | None = None):
        self._service_tokens = service_tokens
        self._access = access
        self._policies = policies  # by method path, filled in as servicers are added
        #: Called as answered(method, policy, caller, request, response) before an answer
        #: goes out (campus.access_log logs staff reads); if it raises, the call fails.
        self._answered = answered
        self._sessions = sessions  # which sessions have ended (None: not checked, tests only)
        self._reads = reads if reads is not None else set()  # method paths without side effects

    def intercept_service(self, continuation, handler_call_details):
        handler = continuation(handler_call_details)
        method = handler_call_details.method
        if handler is None or method.startswith(OPEN_PREFIXES):
            return handler
        if handler.unary_unary is None:
            # Only unary calls get the caller checks below: a streaming method would slip
            # past them, so none is served until this interceptor handles streams.
            log.error("refusing streaming method %s: not authenticated by the interceptor", method)
            return None
        behaviour = handler.unary_unary

        def wrapped(request, context):
            metadata = dict(context.invocation_metadata())
            rid_token = auth.request_id.set(metadata.get("x-request-id") or uuid.uuid4().hex[:16])
            started = time.perf_counter()
            outcome, error, caller_token = "OK", None, None
            try:
                caller = auth.caller_from_metadata(metadata, self._service_tokens, self._access)
                caller_token = auth.set_caller(caller)
                if self._sessions is not None:
                    self._sessions.check(caller, write=method not in self._reads)
                declared = self._policies.get(method)
                if declared is None:  # fail closed: GrpcServer.add refuses this case anyway
                    raise PermissionDenied("no caller policy is declared for this method")
                declared.check(caller, request)
                response = behaviour(request, context)
                if self._answered is not None:
                    self._answered(method, declared, caller, request, response)
                return response
            except DomainError as exc:
                outcome, error = exc.code.name, exc
            except Exception:  # noqa: BLE001 - the one place unexpected errors become INTERNAL
                log.exception("%s failed", method)
                outcome = "INTERNAL"
                error = DomainError("internal error")
                error.code = grpc.StatusCode.INTERNAL
                error.reason = "INTERNAL"
            finally:
                log.info("%s %s %.1fms", method, outcome, (time.perf_counter() - started) * 1000)
                if caller_token is not None:
                    auth.reset_caller(caller_token)
                auth.request_id.reset(rid_token)
            context.abort_with_status(to_status(error))

        return grpc.unary_unary_rpc_method_handler(
            wrapped, request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer)


class GrpcServer:
    def __init__(self, *, bind: str, workers: int, service_tokens: auth.ServiceTokens,
                 access: auth.AccessTokenVerifier | None, grace_seconds: float = 5.0, reflect: bool = True,
                 access_log: Callable | None = None, sessions: SessionFeed | None = None):
        """`sessions`: the feed of ended sessions whose callers are refused (campus.sessions);
        every served process passes one, only tests go without."""
        self.bind = bind
        self.reflect = reflect
        self.grace_seconds = grace_seconds
        self._policies: dict[str, policy.Policy] = {}
        self._reads: set[str] = set()
        self.server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="rpc"),
            interceptors=[ServerInterceptor(service_tokens, access, self._policies, access_log, sessions,
                                            self._reads)],
            # Fail loudly if the port is taken instead of silently sharing it. Connections
            # are recycled every few minutes so clients rebalance onto new replicas.
            options=[("grpc.so_reuseport", 0), ("grpc.max_connection_age_ms", 300_000),
                     ("grpc.max_connection_age_grace_ms", 30_000),
                     ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
                     ("grpc.max_send_message_length", MAX_MESSAGE_BYTES)])
        self.health = health.HealthServicer(experimental_non_blocking=True)
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.server)
        self._names: list[str] = []
        self._sessions = sessions

    def add(self, definition, servicer, *, policies_of=None) -> None:
        """Serve `definition`'s API with `servicer`, once every method declares its callers.

        `policies_of` lends the declarations of another class: a test double serves under
        the real servicer's policies."""
        methods = definition.method_names()
        servicer_policies = policies_of or servicer
        missing = policy.undeclared(servicer_policies, methods)
        if missing:
            raise SystemExit(f"{definition.name}: no caller policy (@rpc) on {', '.join(missing)}")
        unknown = policy.unknown_departments(servicer_policies, methods, registry.departments())
        if unknown:
            raise SystemExit(f"{definition.name}: policies name unknown departments {', '.join(unknown)}")
        reads = definition.read_only_methods()
        for name in methods:
            self._policies[f"/{definition.full_name}/{name}"] = policy.policy_of(servicer_policies, name)
            if name in reads:
                self._reads.add(f"/{definition.full_name}/{name}")
        definition.register(servicer, self.server)
        self._names.append(definition.full_name)

    def start(self) -> int:
        port = self.server.add_insecure_port(self.bind)
        if port == 0:
            raise SystemExit(f"cannot listen on {self.bind}: is another process using it?")
        if self.reflect:  # for grpcurl in development; production does not describe itself
            reflection.enable_server_reflection(
                [*self._names, health.SERVICE_NAME, reflection.SERVICE_NAME], self.server)
        self.server.start()
        if self._sessions is not None and self._sessions.fed:
            # Until the feed of ended sessions first answers, staff and writes would be refused
            # as UNAVAILABLE: say NOT_SERVING till then, so readiness waits and nobody is sent here.
            for name in ["", *self._names]:
                self.health.set(name, health_pb2.HealthCheckResponse.NOT_SERVING)
            threading.Thread(target=self._serve_once_fresh, name="ready-when-fresh", daemon=True).start()
        else:
            self._mark_serving()
        return port

    def _serve_once_fresh(self) -> None:
        while not self._sessions.wait_fresh(timeout=5.0):
            log.info("waiting for the feed of ended sessions before saying SERVING")
        self._mark_serving()

    def _mark_serving(self) -> None:
        for name in ["", *self._names]:
            self.health.set(name, health_pb2.HealthCheckResponse.SERVING)
        log.info("serving %s on %s", ", ".join(self._names), self.bind)

    def stop(self) -> None:
        # Tell probes and load balancers first, then let in-flight calls finish.
        self.health.enter_graceful_shutdown()
        self.server.stop(self.grace_seconds).wait()

    def serve_until_signalled(self, on_stop: Iterable[Callable[[], None]] = ()) -> None:
        stopping = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stopping.set())
        self.start()
        stopping.wait()
        log.info("stopping gracefully")
        self.stop()
        for callback in on_stop:
            callback()
