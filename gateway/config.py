"""Gateway settings (`GATEWAY_` prefix), read once at start-up."""
from typing import ClassVar

from pydantic import Field, SecretStr, model_validator

from campus.config import LOCAL_HOSTS, BaseConfig, host_of

#: gunicorn's limit on the request line (method, path and query): a longer one is a 414,
#: answered by gunicorn itself (text/html) before the gateway sees it.
REQUEST_LINE_LIMIT = 4094
DEV_SESSION_SECRET = "dev-only-portal-session-secret-change-me-in-production"


class GatewayConfig(BaseConfig):
    """No broker settings: the gateway publishes and consumes nothing, so it holds no
    broker credential. Its service key (GATEWAY_SERVICE_KEY_FILE) is its only credential
    towards the services; it verifies no service tokens, so needs no public keys."""

    model_config = {**BaseConfig.model_config, "env_prefix": "GATEWAY_"}
    key_owner: ClassVar[str] = "gateway"
    verifies_callers: ClassVar[bool] = False

    bind_host: str = "127.0.0.1"
    port: int = Field(8080, ge=1, le=65535)
    workers: int = Field(2, ge=1, le=64)
    threads: int = Field(16, ge=1, le=256)
    #: Rate-limit store shared by every gateway replica; empty: in-process memory.
    redis_url: str = Field("", validation_alias="REDIS_URL")
    #: How long a "session still active" answer from identity is trusted; asked only while
    #: the feed of ended sessions (campus.sessions) is stale.
    session_check_ttl_seconds: float = Field(1.0, ge=0, le=300)
    #: While identity cannot answer at all, accept a student's reads on the verified token
    #: (and its session's last known state) instead of refusing every student. Availability
    #: on result day, against at most one token life (15 minutes) of an ended session.
    #: Staff and every write are refused (503) whatever this says.
    session_check_fail_open: bool = True
    #: Each dashboard tile's own deadline.
    tile_timeout_seconds: float = Field(0.8, gt=0, le=10)
    #: Reverse proxies in front of the gateway whose X-Forwarded-For is trusted.
    trusted_proxies: int = Field(0, ge=0, le=5)
    default_rate_limit: str = "1200/minute"
    #: Per client address and account name (sign-in, activation, forgot password).
    auth_rate_limit: str = "20/minute"
    #: Failed sign-ins per client address across every account name: one address spraying a
    #: common password over thousands of guessable registration numbers runs out of these.
    #: Generous, since a mobile carrier puts many students behind one address.
    sign_in_failures_per_address: str = "600/hour"
    #: Failed sign-ins per client address *with one password*: spraying is one password
    #: over many account names, so it runs out of these within a few accounts; a student's
    #: own typos spend them only on her wrong password, never on her right one.
    sign_in_failures_per_password: str = "10/hour"
    bank_rate_limit: str = "6000/minute"
    #: Public look-ups that answer with a person's document (the roll number slip by program,
    #: semester and registration number), per client address: enough for a family or a
    #: cyber cafe, far too few to harvest slips by guessing registration numbers.
    public_document_rate_limit: str = "30/minute;300/day"
    #: Help-desk complaints one client address may file (a lab or a carrier shares one).
    helpdesk_rate_limit: str = "20/hour;100/day"
    max_body_bytes: int = Field(64 * 1024, ge=1024, le=10 * 1024 * 1024)
    #: Bodies of the routes that take a file (a bulk admission CSV of 20,000 rows fits).
    max_upload_bytes: int = Field(8 * 1024 * 1024, ge=64 * 1024, le=64 * 1024 * 1024)
    #: The deadline of the call that checks a whole file of marks before queueing it (100,000
    #: rows take several seconds; the file is applied afterwards, in the background).
    file_check_timeout_seconds: float = Field(60.0, gt=0, le=600)
    catalogue_ttl_seconds: float = Field(60.0, ge=0, le=3600)
    #: Published results never change: a student's result card is served from memory for
    #: this long, so result day is a read of memory, not a query per refresh. A newly
    #: published semester shows within this window.
    results_cache_seconds: float = Field(60.0, ge=0, le=3600)

    #: Signs the portal's session cookie (which holds the page session's tokens).
    session_secret: SecretStr = SecretStr(DEV_SESSION_SECRET)
    #: A page session left alone this long ends (the identity session too, on next use).
    session_idle_minutes: int = Field(30, ge=5, le=720)
    #: Cookies only over HTTPS; None: in production only (local and test runs are plain HTTP).
    secure_cookies: bool | None = None

    @model_validator(mode="after")
    def _portal_secrets(self):
        secret = self.session_secret.get_secret_value()
        if self.environment == "production" and secret == DEV_SESSION_SECRET:
            raise ValueError("GATEWAY_SESSION_SECRET must be set in production")
        if len(secret) < 32:
            raise ValueError("GATEWAY_SESSION_SECRET must be at least 32 characters")
        if self.secure_cookies is None:
            object.__setattr__(self, "secure_cookies", self.environment == "production")
        return self

    def production_like(self) -> str:
        if self.bind_host not in LOCAL_HOSTS:
            return "GATEWAY_BIND_HOST listens beyond this machine"
        if self.redis_url and host_of(self.redis_url) not in LOCAL_HOSTS:
            return "REDIS_URL names a remote store"
        return super().production_like()
