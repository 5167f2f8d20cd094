"""Identity's signing key: loaded from a file, generated on first use outside production."""
from __future__ import annotations

import logging
import os
import pathlib
import secrets

from campus.auth import AccessTokenSigner, AccessTokenVerifier
from services.identity.config import IdentityConfig

log = logging.getLogger(__name__)


class SigningKeys:
    """The key that signs access tokens and the public keys that verify them."""

    def __init__(self, signer: AccessTokenSigner, previous: list[dict]):
        self.signer = signer
        self.previous = previous

    def jwks_json(self) -> str:
        return self.signer.jwks_json(*self.previous)


def load(config: IdentityConfig) -> SigningKeys:
    path = config.signing_key_file
    if not path.is_file():
        if config.environment == "production":
            raise SystemExit(f"IDENTITY_SIGNING_KEY_FILE: {path} does not exist")
        _generate(path)
    try:
        signer = AccessTokenSigner(path.read_bytes())
    except Exception as exc:  # noqa: BLE001 - any unreadable key is the same start-up error
        raise SystemExit(f"IDENTITY_SIGNING_KEY_FILE: {path} is not an Ed25519 private key "
                         f"in PEM ({type(exc).__name__})") from None
    return SigningKeys(signer, config.previous_jwks())


def _generate(path: pathlib.Path) -> None:
    """Write a new key without ever exposing a half-written or world-readable file.

    The server and the relay may start together; os.link fails if the other one won,
    and then both use the winner's key."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(AccessTokenSigner.generate_pem())
        os.link(temp, path)
        log.info("generated a new signing key at %s", path)
    except FileExistsError:
        pass
    finally:
        temp.unlink(missing_ok=True)


def verifier(runtime) -> AccessTokenVerifier:
    """Identity checks access tokens with its own keys instead of asking itself over gRPC."""
    return AccessTokenVerifier(load(runtime.config).jwks_json)


def public_keys(clients):
    """For every other process: a JWKS loader that asks identity over gRPC."""
    from campus import auth
    from cms.identity.v1 import identity_pb2

    def load() -> str:
        return clients.call("identity", "GetJwks", identity_pb2.GetJwksRequest(), timeout=3.0,
                            caller=auth.Caller(kind=auth.SERVICE, subject=clients.tokens.service)).jwks_json

    return load
