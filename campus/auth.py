"""Who is calling: tokens, the caller, and the checks every service makes.

Two kinds of signed token travel in gRPC metadata:

- `x-service-token`: which service is calling (EdDSA, signed with that service's own
  Ed25519 key; campus.service_keys). Every RPC needs one. Each process holds only its own
  private key; the receiver checks the signature with the public key registered for the
  service the token names, so no process can speak as another.
- `authorization: Bearer <access token>`: the end user (student, staff member, bank)
  on whose behalf the call is made, forwarded unchanged from the gateway. Access tokens
  are EdDSA-signed by the service that declares it signs them (campus.registry); every
  service verifies them with that service's public keys.

So a service does not take the gateway's word for who the user is: it checks the
token itself, and `authorize` decides with the verified caller.
"""
from __future__ import annotations

import contextvars
import hashlib
import json
import logging
import pathlib
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt import PyJWK

from campus import service_keys
from campus.cache import TtlCache
from campus.errors import PermissionDenied, Unauthenticated

log = logging.getLogger(__name__)

ACCESS_AUDIENCE = "cms"
ACCESS_ALGORITHMS = ["EdDSA"]          # the allow-list: nothing else is accepted
SERVICE_ISSUER = "cms-service"
SERVICE_AUDIENCE = "cms-internal"
SERVICE_ALGORITHMS = ["EdDSA"]       # the allow-list for service tokens too
SERVICE_TOKEN_TTL = 600

STUDENT, STAFF, BANK, SERVICE, PUBLIC = "student", "staff", "bank", "service", "public"


def access_issuer() -> str:
    """The `iss` of access tokens: named after the service that declares it signs them."""
    from campus import registry
    return f"cms-{registry.token_issuer().name}"


@dataclass(frozen=True)
class Caller:
    kind: str                       # student | staff | bank | service | public
    subject: str                    # registration number, staff login, bank mnemonic or service name
    department: str = ""            # staff only
    centre: str = ""                # staff who work for one centre: they see only its records
    session_id: str = ""
    service: str = ""               # the service that made this call
    token: str = field(default="", repr=False)  # the verified access token, forwarded onwards

    @property
    def is_student(self) -> bool:
        return self.kind == STUDENT


_caller: contextvars.ContextVar[Caller | None] = contextvars.ContextVar("caller", default=None)
request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


def current_caller() -> Caller:
    caller = _caller.get()
    if caller is None:
        raise Unauthenticated("no caller in this context")
    return caller


def set_caller(caller: Caller | None) -> contextvars.Token:
    return _caller.set(caller)


def reset_caller(token: contextvars.Token) -> None:
    _caller.reset(token)


def authorize(caller: Caller, *, owner: str | None = None, departments: Iterable[str] = (),
              services: Iterable[str] = (), banks: bool = False) -> None:
    """Allow the student who owns the record, staff of the named departments, the named
    calling services (whoever the end user is) or banks; refuse everyone else."""
    if caller.service and caller.service in services:
        return
    if caller.kind == STUDENT and owner is not None and caller.subject == owner:
        return
    if caller.kind == STAFF and caller.department in departments:
        return
    if caller.kind == BANK and banks:
        return
    raise PermissionDenied("this caller may not do that")


# -- tokens ---------------------------------------------------------------------
class VerifiedTokens:
    """Tokens already verified, with their claims, until they expire.

    The dashboard's seven RPCs carry the same two tokens; verifying a signature once per
    token instead of once per call saves most of the cost. An entry never outlives its token."""

    def __init__(self, max_entries: int = 50_000):
        self._cache = TtlCache(max_entries)

    def get(self, token: str) -> dict | None:
        return self._cache.get(token)

    def put(self, token: str, claims: dict) -> dict:
        return self._cache.put(token, claims, max(0.0, claims["exp"] - time.time()))


class ServiceTokens:
    """Mints this process's service token (cached) and verifies other services' tokens.

    `private_key` is this process's own Ed25519 key (PEM bytes, or a callable giving them,
    read when first needed); `keys` the public keys of every service, to verify callers
    (None in a process that serves no RPC, such as the gateway)."""

    def __init__(self, service: str, private_key: bytes | Callable[[], bytes] | None = None,
                 keys: service_keys.ServiceKeyDirectory | None = None):
        self.service = service
        self._private_source = private_key
        self._private = None
        self._kid = ""
        self._keys = keys
        self._token = ""
        self._expires = 0.0
        self._lock = threading.Lock()
        self._verified = VerifiedTokens(1_000)

    @classmethod
    def from_files(cls, service: str, key_file, public_keys_file=None) -> ServiceTokens:
        def read() -> bytes:
            try:
                return pathlib.Path(key_file).read_bytes()
            except OSError as exc:
                raise service_keys.ServiceKeyError(
                    f"cannot read the service key of {service} at {key_file}: {exc.strerror} "
                    f"(`make up` makes local ones; deploy/README.md says how to make real ones)") from None
        keys = service_keys.ServiceKeyDirectory.from_file(public_keys_file) if public_keys_file else None
        return cls(service, read, keys)

    def _signing_key(self):
        if self._private is None:
            source = self._private_source
            if source is None:
                raise service_keys.ServiceKeyError(f"{self.service} has no service key")
            key = service_keys.load_private(source() if callable(source) else source)
            self._kid = service_keys.kid_of(key.public_key())
            self._private = key
        return self._private

    @property
    def keys(self) -> service_keys.ServiceKeyDirectory:
        """Every service's public keys (campus.documents verifies what a service issued with them)."""
        if self._keys is None:
            raise service_keys.ServiceKeyError(f"{self.service}: no public keys document")
        return self._keys

    def signing_key(self):
        """(kid, private key) of this service: campus.documents signs what it issues with it."""
        key = self._signing_key()
        return self._kid, key

    def check(self, *, verifying: bool = True) -> None:
        """Load the keys now and make sure the public keys document knows ours: at start-up,
        so a missing or mismatched key stops the process instead of failing every call."""
        self._signing_key()
        if verifying:
            if self._keys is None:
                raise service_keys.ServiceKeyError(f"{self.service}: no public keys document to verify callers with")
            if self._kid not in self._keys.kids(self.service):
                raise service_keys.ServiceKeyError(
                    f"the public keys document has no key {self._kid} for {self.service}: "
                    f"publish this service's public key there")

    def token(self) -> str:
        now = time.time()
        if now > self._expires - 60:
            with self._lock:
                if now > self._expires - 60:
                    key = self._signing_key()
                    expires = now + SERVICE_TOKEN_TTL
                    # The token first, then the expiry: a reader that skips the lock must
                    # never see a fresh expiry next to a missing token.
                    self._token = jwt.encode(
                        {"iss": SERVICE_ISSUER, "aud": SERVICE_AUDIENCE, "sub": self.service,
                         "iat": int(now), "exp": int(expires)}, key, algorithm="EdDSA",
                        headers={"kid": self._kid, "typ": "JWT"})
                    self._expires = expires
        return self._token

    def verify(self, token: str) -> str:
        """The calling service's name, once its token is signed by a key registered for it."""
        claims = self._verified.get(token)
        if claims is None:
            claims = self._verify(token)
            self._verified.put(token, claims)
        return claims["sub"]

    def _verify(self, token: str) -> dict:
        try:
            header = jwt.get_unverified_header(token)
            if header.get("alg") not in SERVICE_ALGORITHMS:
                raise jwt.InvalidAlgorithmError("algorithm not allowed")
            claimed = jwt.decode(token, options={"verify_signature": False}).get("sub")
            if not isinstance(claimed, str) or not claimed or self._keys is None:
                raise jwt.InvalidTokenError("no subject, or nothing to verify with")
            # Only the keys registered for the service the token names: a token for A
            # signed with B's key names B's kid, which A does not have.
            key = self._keys.key(claimed, str(header.get("kid", "")))
            if key is None:
                raise jwt.InvalidKeyError("no such key for the claimed service")
            claims = jwt.decode(token, key, algorithms=SERVICE_ALGORITHMS, audience=SERVICE_AUDIENCE,
                                issuer=SERVICE_ISSUER, options={"require": ["exp", "iat", "sub"]})
        except jwt.PyJWTError as exc:
            # The library's reason goes to the log, never to the caller: it helps a forger.
            log.info("service token refused: %s", type(exc).__name__)
            raise Unauthenticated("invalid service token") from None
        except service_keys.ServiceKeyError as exc:
            log.error("service token not verifiable: %s", exc)
            raise Unauthenticated("invalid service token") from None
        if claims["sub"] != claimed:
            raise Unauthenticated("invalid service token")
        return claims


# -- access tokens --------------------------------------------------------------
class AccessTokenVerifier:
    """Verifies access tokens against the signing service's published keys (a JWKS document).

    `load_jwks` fetches the document; it is cached and fetched again when a token names
    a key we do not know (key rotation), at most every `refresh_floor` seconds.
    """

    def __init__(self, load_jwks: Callable[[], str], *, refresh_floor: float = 30.0, leeway: int = 5):
        self._load = load_jwks
        self._keys: dict[str, PyJWK] = {}
        self._fetched_at = 0.0
        self._floor = refresh_floor
        self._leeway = leeway
        self._lock = threading.Lock()
        self._verified = VerifiedTokens()

    def refresh(self) -> None:
        """Fetch the keys now (at start-up, so the first request does not wait for them)."""
        self._fetched_at = 0.0
        self._refresh()

    def _refresh(self) -> None:
        with self._lock:
            if time.monotonic() - self._fetched_at < self._floor and self._keys:
                return
            document = json.loads(self._load())
            self._keys = {k["kid"]: PyJWK(k) for k in document.get("keys", [])}
            self._fetched_at = time.monotonic()

    def _key(self, kid: str) -> PyJWK:
        if kid not in self._keys:
            self._refresh()
        if kid not in self._keys:
            log.info("access token refused: unknown key %r", kid[:32])
            raise Unauthenticated("invalid access token")
        return self._keys[kid]

    def claims(self, token: str) -> dict:
        known = self._verified.get(token)
        if known is not None:
            return known
        return self._verified.put(token, self._verify(token))

    def _verify(self, token: str) -> dict:
        try:
            header = jwt.get_unverified_header(token)
            if header.get("alg") not in ACCESS_ALGORITHMS:
                # Why goes to the log, never to the caller: the same answer for every forgery.
                log.info("access token refused: algorithm %r", str(header.get("alg"))[:16])
                raise Unauthenticated("invalid access token")
            key = self._key(str(header.get("kid", "")))
            return jwt.decode(token, key, algorithms=ACCESS_ALGORITHMS, audience=ACCESS_AUDIENCE,
                              issuer=access_issuer(), leeway=self._leeway,
                              options={"require": ["exp", "iat", "sub", "kind"]})
        except jwt.ExpiredSignatureError:
            raise Unauthenticated("access token expired", reason="TOKEN_EXPIRED") from None
        except jwt.PyJWTError as exc:
            log.info("access token refused: %s", type(exc).__name__)
            raise Unauthenticated("invalid access token") from None

    def caller(self, token: str, *, via: str = "") -> Caller:
        claims = self.claims(token)
        if claims["kind"] not in (STUDENT, STAFF, BANK):
            log.info("access token refused: kind %r", str(claims["kind"])[:16])
            raise Unauthenticated("invalid access token")
        return Caller(kind=claims["kind"], subject=claims["sub"], department=claims.get("dept", ""),
                      centre=claims.get("centre", "") if claims["kind"] == STAFF else "",
                      session_id=claims.get("sid", ""), service=via, token=token)


class AccessTokenSigner:
    """Signs access tokens with an Ed25519 key (the signing service's; tests use a throwaway one)."""

    def __init__(self, private_key_pem: bytes):
        self._key = serialization.load_pem_private_key(private_key_pem, password=None)
        public = self._key.public_key()
        jwk = json.loads(jwt.algorithms.OKPAlgorithm.to_jwk(public))
        raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.kid = hashlib.sha256(raw).hexdigest()[:16]
        self.jwk = {**jwk, "kid": self.kid, "alg": "EdDSA", "use": "sig"}

    @staticmethod
    def generate_pem() -> bytes:
        return Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())

    def jwks_json(self, *extra_public_jwks: dict) -> str:
        return json.dumps({"keys": [self.jwk, *extra_public_jwks]})

    def sign(self, *, subject: str, kind: str, ttl_seconds: int, department: str = "", centre: str = "",
             session_id: str = "", jti: str = "") -> str:
        now = int(time.time())
        claims = {"iss": access_issuer(), "aud": ACCESS_AUDIENCE, "sub": subject, "kind": kind,
                  "iat": now, "exp": now + ttl_seconds}
        if department:
            claims["dept"] = department
        if centre:
            claims["centre"] = centre
        if session_id:
            claims["sid"] = session_id
        if jti:
            claims["jti"] = jti
        return jwt.encode(claims, self._key, algorithm="EdDSA", headers={"kid": self.kid, "typ": "at+jwt"})


def caller_from_metadata(metadata: dict[str, str], services: ServiceTokens,
                         access: AccessTokenVerifier | None) -> Caller:
    """The verified caller of an incoming RPC; raises Unauthenticated."""
    service_token = metadata.get("x-service-token")
    if not service_token:
        raise Unauthenticated("missing service token")
    via = services.verify(service_token)
    authorization = metadata.get("authorization", "")
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token or access is None:
            raise Unauthenticated("unsupported authorization")
        return access.caller(token, via=via)
    if via == service_keys.GATEWAY:
        # The gateway's credential alone speaks for nobody: the public, on public methods
        # (and the pre-sign-in ones that name the gateway), never as a service.
        return Caller(kind=PUBLIC, subject="", service=via)
    return Caller(kind=SERVICE, subject=via, service=via)
