"""The student dashboard: every tile asked of its service at the same time, each under its
own deadline. A slow or dead service turns its tile "unavailable"; the page still answers."""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import wait
from dataclasses import dataclass

import grpc

from campus import auth
from cms.enrollment.v1 import enrollment_pb2
from cms.exams.v1 import exams_pb2
from cms.finance.v1 import finance_pb2
from cms.identity.v1 import identity_pb2
from cms.notifications.v1 import notifications_pb2
from cms.requests.v1 import requests_pb2
from cms.tracking.v1 import tracking_pb2
from gateway import schemas
from gateway.context import Gateway

log = logging.getLogger(__name__)
UNAVAILABLE = {"status": "unavailable", "data": None}


@dataclass(frozen=True)
class TileSource:
    service: str
    method: str
    request: Callable[[str], object]        # registration number -> request message
    model: type[schemas.View]               # its from_message(answer) is the tile's data
    immutable: bool = False                 # published once, never changed: kept in memory

    def view(self, answer) -> dict:
        return self.model.from_message(answer).body()


TILES: dict[str, TileSource] = {
    "profile": TileSource("enrollment", "GetStudentProfile",
                          lambda r: enrollment_pb2.GetStudentProfileRequest(registration_number=r), schemas.Profile),
    "courses": TileSource("enrollment", "ListRegisteredCourses",
                          lambda r: enrollment_pb2.ListRegisteredCoursesRequest(registration_number=r),
                          schemas.Courses),
    "results": TileSource("exams", "GetResults",
                          lambda r: exams_pb2.GetResultsRequest(registration_number=r), schemas.Results,
                          immutable=True),
    "finance": TileSource("finance", "GetStudentAccount",
                          lambda r: finance_pb2.GetStudentAccountRequest(registration_number=r), schemas.Finance),
    "requests": TileSource("requests", "ListStudentRequests",
                           lambda r: requests_pb2.ListStudentRequestsRequest(registration_number=r),
                           schemas.RequestList),
    "tracking": TileSource("tracking", "ListStudentTracking",
                           lambda r: tracking_pb2.ListStudentTrackingRequest(registration_number=r), schemas.Tracking),
    "account": TileSource("identity", "GetAccount",
                          lambda r: identity_pb2.GetAccountRequest(username=r), schemas.Account),
    "notifications": TileSource("notifications", "ListInbox",
                                lambda r: notifications_pb2.ListInboxRequest(registration_number=r, limit=5),
                                schemas.InboxTileData),
}


def for_student(gateway: Gateway, caller: auth.Caller) -> dict:
    """The whole dashboard: the JSON API's body and the portal page's data, one function."""
    tiles = gather(gateway, caller)
    profile = tiles["profile"]["data"] or {}
    student = schemas.DashboardStudent(
        registration_number=caller.subject, full_name=profile.get("full_name"), program=profile.get("program"),
        current_semester=profile.get("current_semester"))
    return {"student": student.body(), "tiles": tiles}


def tile(gateway: Gateway, name: str, caller: auth.Caller) -> dict:
    if TILES[name].immutable:  # result day: her published card from memory, no thread hop
        kept = gateway.results.get(caller.subject)
        if kept is not None:
            return kept
    return gather(gateway, caller, [name])[name]


def gather(gateway: Gateway, caller: auth.Caller, names: list[str] | None = None) -> dict[str, dict]:
    """Ask every tile at once; whatever has not answered by the page's deadline is unavailable.

    The deadline is one moment for the whole page, fixed before anything is asked, so a
    tile waiting for a free thread does not get extra time and the page never waits
    longer than one tile's deadline (plus the margin to hand results back)."""
    names = names or list(TILES)
    deadline = time.monotonic() + gateway.config.tile_timeout_seconds
    metadata = gateway.clients.metadata(caller)
    pending = {gateway.askers.submit(_ask, gateway, TILES[name], caller.subject, metadata, deadline): name
               for name in names}
    done, late = wait(pending, timeout=max(0.0, deadline - time.monotonic()) + 0.2)
    for future in late:
        future.cancel()  # not started yet: never started; running: its own deadline ends it
        log.warning("tile %s missed the page's deadline", pending[future])
    tiles = {pending[future]: _settled(pending[future], future) for future in done}
    return {name: tiles.get(name, UNAVAILABLE) for name in names}


def _ask(gateway: Gateway, source: TileSource, registration_number: str, metadata, deadline: float) -> dict:
    if source.immutable:
        kept = gateway.results.get(registration_number)
        if kept is not None:
            return kept
    started = time.perf_counter()
    timeout = deadline - time.monotonic()
    if timeout <= 0:
        return UNAVAILABLE
    try:
        rpc = getattr(gateway.clients.stub(source.service), source.method)
        tile = {"status": "ok", "data": source.view(rpc(source.request(registration_number), timeout=timeout,
                                                         metadata=metadata))}
        if source.immutable:
            gateway.results.put(registration_number, tile, gateway.config.results_cache_seconds)
        return tile
    except grpc.RpcError as error:
        if error.code() == grpc.StatusCode.NOT_FOUND:
            return {"status": "ok", "data": None}
        log.warning("tile %s.%s unavailable: %s after %.0fms", source.service, source.method, error.code().name,
                    (time.perf_counter() - started) * 1000)
        return UNAVAILABLE


def _settled(name: str, future) -> dict:
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - whatever went wrong, this tile is unavailable, the page is not
        log.exception("tile %s failed", name)
        return UNAVAILABLE
