"""Documents anyone can verify: every PDF the system issues carries a QR code whose URL ends
in `/verify/<document_id>`.

The document ID is a compact JWS (EdDSA, the issuing service's own Ed25519 key) over the
document's key facts, so a forged or altered code fails even offline: anyone holding the
published public keys (`/api/v1/public/documents/keys`, a JWKS) can check it with any JOSE
library. The service key also signs service tokens; the explicit type `TYP` (RFC 8725
section 3.11) and the claims keep the two apart: a document has no audience or expiry, so it
is never accepted as a service token, and a service token has no `TYP`, so it is never a
document.

The facts signed are those the public verification page shows, the name already masked:
the ID travels in URLs and access logs, and a stranger holding the paper should learn
from the page no more than the paper says.

Each issuing service keeps a registry of what it issued (`registry_table`, created by
`campus.alembic.documents_v1`), to say "revoked" and to hand out the same document when
the same thing is printed again. A service issues documents by answering the
`VerifyDocument` RPC of `protos/cms/documents/v1/documents.proto`; the gateway finds the
issuers by that method (`issuers()`), not by a list.
"""
from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import jwt
import sqlalchemy as sa
from sqlalchemy.orm import Session

from campus import clock
from campus.service_keys import ServiceKeyDirectory, ServiceKeyError

TYP = "doc+jwt"
ALGORITHMS = ["EdDSA"]
GENUINE, REVOKED = "genuine", "revoked"
#: The longest ID accepted before any parsing: a slip's or a transcript's is about 500 characters.
MAX_ID_LENGTH = 2000


class Forged(Exception):
    """Not a document this system issued: bad signature, unknown key or issuer, malformed."""


@dataclass(frozen=True)
class Document:
    document_id: str
    issuer: str                       # the issuing service
    serial: str                       # its row in the issuer's registry
    document_type: str                # roll_number_slip, transcript, challan...
    issued_at: dt.datetime
    facts: tuple[tuple[str, str], ...]


# -- the registry each issuing service keeps ----------------------------------------------
def registry_table(metadata: sa.MetaData) -> sa.Table:
    return sa.Table(
        "issued_documents", metadata,
        sa.Column("serial", sa.String(32), primary_key=True),
        sa.Column("document_type", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(40), nullable=False),          # whose: a registration number
        # What it is a copy of (the slip of a semester...): printed again, the same document.
        sa.Column("copy_of", sa.String(200), nullable=False),
        sa.Column("facts", sa.Text, nullable=False),                  # JSON: the signed facts, in order
        sa.Column("document_id", sa.Text, nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        sa.Column("revoked_by", sa.String(120), nullable=False, server_default=""),
        sa.Column("revocation_reason", sa.String(300), nullable=False, server_default=""),
        sa.Index("ix_issued_documents_copy_of", "copy_of"),
        sa.Index("ix_issued_documents_subject", "subject", "issued_at"),
    )


# A table clause of our own (like campus.audit): the service's metadata defines the real table.
_TABLE = sa.table("issued_documents", *(sa.column(c) for c in (
    "serial", "document_type", "subject", "copy_of", "facts", "document_id", "issued_at", "revoked_at",
    "revoked_by", "revocation_reason")))


# -- signing ---------------------------------------------------------------------------
def mask_name(name: str) -> str:
    """'Ayesha Siddiqui' -> 'Ay**** Si******': enough to match the paper, not to learn a name."""
    return " ".join(word[:2] + "*" * max(0, len(word) - 2) for word in name.split())


def sign(tokens, *, serial: str, document_type: str, issued_at: dt.datetime,
         facts: Sequence[tuple[str, str]]) -> str:
    """The document ID: `tokens` (campus.auth.ServiceTokens) lends this service's key."""
    kid, key = tokens.signing_key()
    return jwt.encode({"iss": tokens.service, "jti": serial, "dt": document_type, "iat": int(issued_at.timestamp()),
                       "f": dict(facts)}, key, algorithm="EdDSA", headers={"kid": kid, "typ": TYP})


def read(document_id: str, keys: ServiceKeyDirectory) -> Document:
    """The document an ID stands for, once its signature holds; Forged otherwise."""
    if not document_id or len(document_id) > MAX_ID_LENGTH:
        raise Forged("no such document")
    try:
        header = jwt.get_unverified_header(document_id)
        if header.get("typ") != TYP or header.get("alg") not in ALGORITHMS:
            raise Forged("not a document")
        issuer = jwt.decode(document_id, options={"verify_signature": False}).get("iss")
        key = keys.key(issuer, str(header.get("kid", ""))) if isinstance(issuer, str) else None
        if key is None:
            raise Forged("no such key")
        claims = jwt.decode(document_id, key, algorithms=ALGORITHMS, issuer=issuer,
                            options={"require": ["iss", "jti", "iat"], "verify_aud": False})
        facts = claims.get("f", {})
        if not isinstance(facts, dict) or not isinstance(claims.get("dt"), str):
            raise Forged("malformed")
        return Document(document_id, issuer, str(claims["jti"]), claims["dt"],
                        dt.datetime.fromtimestamp(claims["iat"], dt.UTC),
                        tuple((str(k), str(v)) for k, v in facts.items()))
    except (jwt.PyJWTError, ServiceKeyError, ValueError, TypeError, OverflowError) as exc:
        raise Forged(type(exc).__name__) from None


def public_jwks(keys: ServiceKeyDirectory, issuers: Sequence[str]) -> dict:
    """The public keys that sign documents, as a JWKS (each key names its issuer)."""
    return {"keys": [{**jwk.Algorithm.to_jwk(jwk.key, as_dict=True), "kid": kid, "alg": "EdDSA", "use": "sig",
                      "iss": issuer}
                     for issuer in sorted(issuers) for kid, jwk in sorted(keys.keys_of(issuer).items())]}


def issuers() -> list[str]:
    """The services that issue documents: those whose API answers VerifyDocument."""
    from campus import registry
    return [d.name for d in registry.definitions() if "VerifyDocument" in d.api.methods_by_name]


# -- issuing and revoking, in the issuing service's own transaction --------------------
def issue(session: Session, tokens, *, document_type: str, subject: str, copy_of: str,
          facts: Sequence[tuple[str, str]], serial_prefix: str = "") -> Document:
    """The document for `copy_of` with these facts: the one issued before if nothing changed
    (printing a slip twice gives one document), else a new one, and the old copy revoked as
    superseded (a slip reissued for a new centre must not stay valid for the old one)."""
    facts = tuple((str(k), str(v)) for k, v in facts)
    encoded = json.dumps(facts, ensure_ascii=False)
    current = _current(session, copy_of)
    if current is not None and current.facts == encoded:
        return from_row(current, issuer=tokens.service)  # printed again: a read, no lock (exam week)
    current = _current(session, copy_of, lock=True)
    if current is not None and current.facts == encoded:
        return from_row(current, issuer=tokens.service)
    now = clock.utcnow().replace(microsecond=0)
    if current is not None:
        _revoke(session, current.serial, by="system", reason="superseded by a new copy", at=now)
    serial = f"{serial_prefix}{uuid.uuid4().hex[:16].upper()}"
    document_id = sign(tokens, serial=serial, document_type=document_type, issued_at=now, facts=facts)
    session.execute(sa.insert(_TABLE).values(serial=serial, document_type=document_type, subject=subject,
                                             copy_of=copy_of, facts=encoded, document_id=document_id,
                                             issued_at=now, revoked_by="", revocation_reason=""))
    return Document(document_id, tokens.service, serial, document_type, now, facts)


def _current(session: Session, copy_of: str, *, lock: bool = False) -> sa.Row | None:
    query = sa.select(_TABLE).where(_TABLE.c.copy_of == copy_of, _TABLE.c.revoked_at.is_(None))
    return session.execute(query.with_for_update() if lock else query).first()


def from_row(row, *, issuer: str) -> Document:
    """The document a registry row records."""
    return Document(row.document_id, issuer, row.serial, row.document_type, clock.as_utc(row.issued_at),
                    tuple(tuple(pair) for pair in json.loads(row.facts)))


def _revoke(session: Session, serial: str, *, by: str, reason: str, at: dt.datetime) -> int:
    return session.execute(sa.update(_TABLE).where(_TABLE.c.serial == serial, _TABLE.c.revoked_at.is_(None))
                           .values(revoked_at=at, revoked_by=by, revocation_reason=reason)).rowcount


def revoke(session: Session, serial: str, *, by: str, reason: str) -> sa.Row | None:
    """Revoke a document (once: revoking it again changes nothing); None if there is no such one."""
    _revoke(session, serial, by=by, reason=reason, at=clock.utcnow().replace(microsecond=0))
    return status(session, serial)


def revoke_copy(session: Session, copy_of: str, *, by: str, reason: str) -> int:
    """Revoke whatever copy of `copy_of` stands (a challan cancelled: its printed copy must not
    verify as good); how many were revoked."""
    return session.execute(sa.update(_TABLE).where(_TABLE.c.copy_of == copy_of, _TABLE.c.revoked_at.is_(None))
                           .values(revoked_at=clock.utcnow().replace(microsecond=0), revoked_by=by,
                                   revocation_reason=reason)).rowcount


def status(session: Session, serial: str) -> sa.Row | None:
    return session.execute(sa.select(_TABLE).where(_TABLE.c.serial == serial)).first()


def of_subject(session: Session, subject: str) -> list[sa.Row]:
    """What was issued to a student, newest first (the staff tool lists it to revoke)."""
    return list(session.execute(sa.select(_TABLE).where(_TABLE.c.subject == subject)
                                .order_by(_TABLE.c.issued_at.desc())))


def qr_url(base_url: str, document_id: str) -> str:
    return f"{base_url.rstrip('/')}/verify/{document_id}"

