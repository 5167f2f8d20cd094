"""The student dashboard: every tile asked of its service at the same time, each under its
own deadline. A slow or dead service turns its tile "unavailable"; the page still answers."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable

import grpc

from campus import auth
from cms.enrollment.v1 import enrollment_pb2
from cms.exams.v1 import exams_pb2
from cms.finance.v1 import finance_pb2
from cms.identity.v1 import identity_pb2
from cms.requests.v1 import requests_pb2
from cms.tracking.v1 import tracking_pb2
from gateway import views
from gateway.context import Gateway

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TileSource:
    service: str
    method: str
    request: Callable[[str], object]        # registration number -> request message
    view: Callable[[object], dict]


TILES: dict[str, TileSource] = {
    "profile": TileSource("enrollment", "GetStudentProfile",
                          lambda r: enrollment_pb2.GetStudentProfileRequest(registration_number=r), views.profile),
    "courses": TileSource("enrollment", "ListRegisteredCourses",
                          lambda r: enrollment_pb2.ListRegisteredCoursesRequest(registration_number=r), views.courses),
    "results": TileSource("exams", "GetResults",
                          lambda r: exams_pb2.GetResultsRequest(registration_number=r), views.results),
    "finance": TileSource("finance", "GetStudentAccount",
                          lambda r: finance_pb2.GetStudentAccountRequest(registration_number=r), views.finance),
    "requests": TileSource("requests", "ListStudentRequests",
                           lambda r: requests_pb2.ListStudentRequestsRequest(registration_number=r), views.requests),
    "tracking": TileSource("tracking", "ListStudentTracking",
                           lambda r: tracking_pb2.ListStudentTrackingRequest(registration_number=r), views.tracking),
    "account": TileSource("identity", "GetAccount",
                          lambda r: identity_pb2.GetAccountRequest(username=r), views.account),
}


def tile(gateway: Gateway, name: str, caller: auth.Caller) -> dict:
    return gather(gateway, caller, [name])[name]


def gather(gateway: Gateway, caller: auth.Caller, names: list[str] | None = None) -> dict[str, dict]:
    names = names or list(TILES)
    timeout = gateway.config.tile_timeout_seconds
    started = time.perf_counter()
    pending = {}
    for name in names:
        source = TILES[name]
        try:
            pending[name] = gateway.clients.future(source.service, source.method, source.request(caller.subject),
                                                   timeout=timeout, caller=caller)
        except Exception:  # noqa: BLE001 - a tile that cannot even start is unavailable
            log.exception("tile %s could not be asked", name)
            pending[name] = None
    return {name: _settle(name, future, TILES[name], started) for name, future in pending.items()}


def _settle(name: str, future, source: TileSource, started: float) -> dict:
    if future is None:
        return {"status": "unavailable", "data": None}
    try:
        return {"status": "ok", "data": source.view(future.result())}
    except grpc.RpcError as error:
        if error.code() == grpc.StatusCode.NOT_FOUND:
            return {"status": "ok", "data": None}
        log.warning("tile %s unavailable: %s after %.0fms", name, error.code().name,
                    (time.perf_counter() - started) * 1000)
        return {"status": "unavailable", "data": None}
