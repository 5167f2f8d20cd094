"""DomainError <-> gRPC status with rich details (google.rpc BadRequest, ErrorInfo, RetryInfo)."""
from __future__ import annotations

import grpc
from google.protobuf import duration_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from campus.errors import BY_CODE, DomainError

DOMAIN = "cms.edu.pk"
#: The largest message a server or client takes: a call may carry an attached document (a
#: few MB), above grpc's 4 MB default; the gateway's upload limit stays well under it.
MAX_MESSAGE_BYTES = 16 * 1024 * 1024


class RemoteFailure(DomainError):
    """The other service failed in a way it did not explain (INTERNAL, UNKNOWN...)."""
    code = grpc.StatusCode.INTERNAL
    default_reason = "REMOTE_FAILURE"


def to_status(error: DomainError) -> grpc.Status:
    details = []
    info = error_details_pb2.ErrorInfo(reason=error.reason, domain=DOMAIN)
    details.append(info)
    if error.field:
        details.append(error_details_pb2.BadRequest(field_violations=[
            error_details_pb2.BadRequest.FieldViolation(field=error.field, description=error.message)]))
    if error.retry_after:
        details.append(error_details_pb2.RetryInfo(retry_delay=duration_pb2.Duration(seconds=error.retry_after)))
    packed = []
    for detail in details:
        any_detail = status_pb2.google_dot_protobuf_dot_any__pb2.Any()
        any_detail.Pack(detail)
        packed.append(any_detail)
    return rpc_status.to_status(status_pb2.Status(code=error.code.value[0], message=error.message, details=packed))


def from_rpc_error(error: grpc.RpcError) -> DomainError:
    code = error.code() if hasattr(error, "code") else grpc.StatusCode.UNKNOWN
    message = error.details() if hasattr(error, "details") else str(error)
    cls = BY_CODE.get(code, RemoteFailure)
    field = reason = retry_after = None
    status = None
    try:
        status = rpc_status.from_call(error)
    except (ValueError, AttributeError):
        pass
    for detail in (status.details if status else []):
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            if bad.field_violations:
                field = bad.field_violations[0].field
        elif detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            reason = info.reason
        elif detail.Is(error_details_pb2.RetryInfo.DESCRIPTOR):
            retry = error_details_pb2.RetryInfo()
            detail.Unpack(retry)
            retry_after = retry.retry_delay.seconds
    return cls(message or code.name, field=field, reason=reason, retry_after=retry_after)


assert code_pb2.NOT_FOUND == grpc.StatusCode.NOT_FOUND.value[0]
