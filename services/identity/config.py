import json
import pathlib
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator

from campus.config import ServiceConfig
from campus.mail import MailSettings


class IdentityConfig(MailSettings, ServiceConfig):
    service = "identity"

    access_token_ttl_seconds: int = Field(900, ge=60, le=3600)
    refresh_token_ttl_days: int = Field(14, ge=1, le=90)
    bank_token_ttl_seconds: int = Field(300, ge=60, le=900)
    activation_code_days: int = Field(30, ge=1, le=180)
    #: How long the legacy initial password (name and registration number) opens the first login.
    legacy_password_days: int = Field(30, ge=1, le=180)
    reset_token_minutes: int = Field(30, ge=5, le=1440)
    reset_mails_per_hour: int = Field(3, ge=1, le=20)

    #: Where the students' portal lives; reset links point there.
    portal_base_url: str = Field("http://localhost:8080", validation_alias=AliasChoices(
        "IDENTITY_PORTAL_BASE_URL", "PORTAL_BASE_URL", "portal_base_url"))
    mail_from: str = "CMS Identity <no-reply@cms.edu.pk>"
    mail_poll_seconds: float = Field(2.0, gt=0, le=60)

    #: Ed25519 private key (PEM) that signs access tokens; default <var_dir>/keys/identity-signing.pem.
    signing_key_file: pathlib.Path | None = None
    #: Encrypts staff TOTP secrets at rest; empty: a key derived from the signing key file.
    #: Set it (32+ characters) before the signing key is ever rotated.
    mfa_encryption_key: SecretStr = SecretStr("")
    #: The public JWKS (or one JWK) of the key used before a rotation, still accepted meanwhile.
    previous_public_jwks: str = ""

    #: Failed sign-ins per client group (an IPv4 address, an IPv6 /64) across every account
    #: name: once it has failed on this many different accounts within 15 minutes (leaving
    #: out those it then signed in to), it waits. Spraying one password over guessable
    #: registration numbers stops here; students behind a carrier's shared address who
    #: sign in normally spend none of it. 0 turns it off.
    address_failed_accounts: int = Field(30, ge=0, le=100_000)

    # Lower them only in tests: every login pays this cost, and so does every guess.
    argon2_time_cost: int = Field(3, ge=1, le=10)
    argon2_memory_kib: int = Field(65536, ge=8192, le=1048576)
    argon2_parallelism: int = Field(4, ge=1, le=16)
    #: Memory the gRPC server may spend on argon2 at once: budget / argon2_memory_kib hashes
    #: run together, the others wait `hashing_wait_seconds` for a slot, then are refused
    #: (RESOURCE_EXHAUSTED, retry after `hashing_retry_after_seconds`). Keep it, plus the
    #: process's own ~160 MiB, within the pod's memory limit (deploy/check.py holds it so).
    hashing_memory_mib: int = Field(256, ge=8, le=16384)
    hashing_wait_seconds: float = Field(0.5, ge=0, le=10)
    hashing_retry_after_seconds: int = Field(2, ge=1, le=60)

    @model_validator(mode="after")
    def _one_hash_fits(self):
        if self.hashing_memory_mib * 1024 < self.argon2_memory_kib:
            raise ValueError(f"IDENTITY_HASHING_MEMORY_MIB ({self.hashing_memory_mib}) is less than one argon2 "
                             f"hash needs (IDENTITY_ARGON2_MEMORY_KIB {self.argon2_memory_kib} KiB)")
        return self

    @field_validator("portal_base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return value.rstrip("/")

    @field_validator("mfa_encryption_key")
    @classmethod
    def _long_enough(cls, value: SecretStr) -> SecretStr:
        if value.get_secret_value() and len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters")
        return value

    @field_validator("previous_public_jwks")
    @classmethod
    def _public_keys_only(cls, value: str) -> str:
        if value.strip():
            previous_jwks(value)
        return value

    @model_validator(mode="after")
    def _https_portal_in_production(self):
        # Reset links and activation mails carry secrets: production sends them over HTTPS
        # only (a loopback address is exempt: browsers treat it as secure, and compose on
        # one host uses it).
        parts = urlsplit(self.portal_base_url)
        if (self.environment == "production" and parts.scheme != "https"
                and parts.hostname not in ("localhost", "127.0.0.1", "::1")):
            raise ValueError("IDENTITY_PORTAL_BASE_URL must be an https:// URL in production")
        return self

    @model_validator(mode="after")
    def _signing_key(self):
        if self.signing_key_file is None:
            object.__setattr__(self, "signing_key_file", self.var_dir / "keys" / "identity-signing.pem")
        if self.environment == "production" and not self.signing_key_file.is_file():
            # Generating one here would sign tokens no other replica can verify.
            raise ValueError(f"IDENTITY_SIGNING_KEY_FILE: {self.signing_key_file} does not exist; "
                             "production needs the provisioned Ed25519 signing key")
        return self

    def previous_jwks(self) -> list[dict]:
        return previous_jwks(self.previous_public_jwks) if self.previous_public_jwks.strip() else []


def previous_jwks(value: str) -> list[dict]:
    """The keys of a JWKS document or a single JWK; refuses private keys."""
    try:
        document = json.loads(value)
    except json.JSONDecodeError:
        raise ValueError("must be a JWKS or JWK JSON document") from None
    keys = document.get("keys", [document]) if isinstance(document, dict) else None
    if not keys or not all(isinstance(k, dict) and k.get("kid") and k.get("kty") for k in keys):
        raise ValueError("every key needs a kid and a kty")
    if any("d" in k for k in keys):
        raise ValueError("contains a private key; publish only the public part")
    return keys
