"""The documents part of an issuing service's gRPC API (protos/cms/documents/v1): a servicer
mixin, so every service that issues documents answers VerifyDocument, ListDocuments and
RevokeDocument the same way.

    class ExamsServicer(documents_api.servicer(staff={"examinations"}), exams_pb2_grpc.ExamsServiceServicer):
        ...  # needs self.db and self.tokens (runtime.service_tokens)
"""
from __future__ import annotations

from collections.abc import Iterable

from campus import audit, auth, clock, documents, identifiers
from campus.errors import InvalidArgument, NotFound
from campus.policy import OWN, rpc
from cms.documents.v1 import documents_pb2 as pb

NOT_FOUND = "no such document"


def status_message(row, issuer: str) -> pb.DocumentStatus:
    issued = documents.from_row(row, issuer=issuer)
    return pb.DocumentStatus(
        serial=row.serial, status=documents.REVOKED if row.revoked_at else documents.GENUINE,
        document_type=row.document_type, issued_at=clock.iso(issued.issued_at),
        facts=[pb.DocumentFact(name=k, value=v) for k, v in issued.facts],
        revoked_at=clock.iso(clock.as_utc(row.revoked_at)) if row.revoked_at else "",
        revocation_reason=row.revocation_reason, issuer=issuer)


def servicer(*, staff: Iterable[str], revokers: Iterable[str] | None = None) -> type:
    """A mixin whose staff of `staff` list a student's documents and `revokers` (default:
    the same) revoke one."""
    readers = frozenset(staff)
    revokers = frozenset(revokers if revokers is not None else readers)

    class IssuesDocuments:
        @rpc(public=True)
        def VerifyDocument(self, request, context):
            """Genuine or revoked, for an ID whose signature holds and which this service issued."""
            try:
                document = documents.read(request.document_id, self.tokens.keys)
            except documents.Forged:
                raise NotFound(NOT_FOUND, field="document_id") from None
            with self.db.sessions() as session:
                row = documents.status(session, document.serial)
            # Signed by us but not in the registry, or another ID for the serial: not ours to vouch for.
            if document.issuer != self.tokens.service or row is None or row.document_id != request.document_id:
                raise NotFound(NOT_FOUND, field="document_id")
            return status_message(row, self.tokens.service)

        # Her own list, or staff's (a staff read of a student's documents is logged, campus.access_log).
        @rpc(students=OWN, staff=readers)
        def ListDocuments(self, request, context):
            regno = identifiers.registration_number(request.registration_number)
            with self.db.sessions() as session:
                rows = documents.of_subject(session, regno)
            return pb.ListDocumentsResponse(documents=[status_message(r, self.tokens.service) for r in rows])

        @rpc(staff=revokers)
        def RevokeDocument(self, request, context):
            reason = identifiers.text(request.reason, "reason", max_length=300, required=True)
            serial = (request.serial or "").strip().upper()
            if not serial or len(serial) > 32 or not serial.isalnum():
                raise InvalidArgument("serial must be a document's serial", field="serial")
            who = auth.current_caller()
            with self.db.unit_of_work() as uow:
                row = documents.revoke(uow.session, serial, by=who.subject, reason=reason)
                if row is None:
                    raise NotFound(NOT_FOUND, field="serial")
                audit.append(uow.session, entity="document", entity_id=serial, action="revoked",
                             payload={"reason": reason, "subject": row.subject, "type": row.document_type})
                uow.commit()
            return status_message(row, self.tokens.service)

    return IssuesDocuments
