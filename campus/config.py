"""Configuration, read from the environment only, checked once at start-up.

Every setting has a working local default so `make up` needs no set-up; production
(`CAMPUS_ENV=production`) refuses the development secrets. A bad value stops the
process with a message naming the variable, never with a traceback.
"""
from __future__ import annotations

import pathlib
import sys
from typing import ClassVar, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = pathlib.Path(__file__).resolve().parent.parent

DEV_SERVICE_TOKEN_SECRET = "dev-only-service-token-secret-change-me-in-production"


class BaseConfig(BaseSettings):
    """Settings every process shares."""

    model_config = SettingsConfigDict(extra="ignore", case_sensitive=False, frozen=True, populate_by_name=True)

    environment: Literal["local", "test", "production"] = Field("local", validation_alias="CAMPUS_ENV")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field("INFO", validation_alias="LOG_LEVEL")
    amqp_url: str = Field("amqp://guest:guest@127.0.0.1:5672/%2F", validation_alias="AMQP_URL")
    service_token_secret: SecretStr = Field(SecretStr(DEV_SERVICE_TOKEN_SECRET),
                                            validation_alias="SERVICE_TOKEN_SECRET")
    var_dir: pathlib.Path = Field(ROOT / "var", validation_alias="CAMPUS_VAR_DIR")
    grpc_timeout_seconds: float = Field(3.0, gt=0, le=60, validation_alias="GRPC_TIMEOUT_SECONDS")
    #: How often each process asks for the sessions ended meanwhile (campus.sessions), and
    #: after how long without an answer staff and writes are refused (fail closed).
    session_feed_poll_seconds: float = Field(0.3, gt=0, le=1, validation_alias="SESSION_FEED_POLL_SECONDS")
    session_feed_stale_seconds: float = Field(3.0, ge=1, le=60, validation_alias="SESSION_FEED_STALE_SECONDS")

    @field_validator("amqp_url")
    @classmethod
    def _amqp_scheme(cls, value: str) -> str:
        if not value.startswith(("amqp://", "amqps://")):
            raise ValueError("must be an amqp:// or amqps:// URL")
        return value

    @model_validator(mode="after")
    def _no_dev_secrets_in_production(self):
        if self.environment == "production" and (
                self.service_token_secret.get_secret_value() == DEV_SERVICE_TOKEN_SECRET):
            raise ValueError("SERVICE_TOKEN_SECRET must be set in production")
        if len(self.service_token_secret.get_secret_value()) < 32:
            raise ValueError("SERVICE_TOKEN_SECRET must be at least 32 characters")
        if self.environment == "production" and urlsplit(self.amqp_url).username in (None, "", "guest"):
            raise ValueError("AMQP_URL must name a broker user of its own in production, not guest")
        return self


class ServiceConfig(BaseConfig):
    """Settings of one service; subclasses set `service` and the `<SERVICE>_` prefix."""

    service: ClassVar[str]

    database_url: str = ""
    grpc_port: int = Field(0, ge=0, le=65535)
    grpc_bind_host: str = Field("127.0.0.1", validation_alias="GRPC_BIND_HOST")
    grpc_workers: int = Field(16, ge=1, le=256)
    grpc_grace_seconds: float = Field(5.0, ge=0, le=120)
    consumer_max_workers: int = Field(4, ge=1, le=64)
    consumer_delivery_limit: int = Field(5, ge=1, le=100)
    relay_poll_seconds: float = Field(0.2, gt=0, le=30)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if hasattr(cls, "service"):
            cls.model_config = {**cls.model_config, "env_prefix": f"{cls.service.upper()}_"}

    @model_validator(mode="after")
    def _defaults_from_service(self):
        # Frozen model: defaults that depend on the service name are filled in here.
        if not self.database_url:
            db_file = self.var_dir / "db" / f"{self.service}.sqlite3"
            object.__setattr__(self, "database_url", f"sqlite:///{db_file}")
        if not self.grpc_port:
            from campus import registry  # the port is the service's own declaration
            object.__setattr__(self, "grpc_port", registry.definition(self.service).port)
        if not self.database_url.startswith(("sqlite:", "postgresql")):
            raise ValueError(f"{self.service.upper()}_DATABASE_URL must be a sqlite:// or postgresql:// URL")
        return self


C = TypeVar("C", bound=BaseSettings)


def env_name(config_cls: type[BaseSettings], field: str) -> str:
    """The environment variable behind `field` (errors name a field by its alias when it has one)."""
    aliases = {info.validation_alias for info in config_cls.model_fields.values()
               if isinstance(info.validation_alias, str)}
    if field in aliases:
        return field
    info = config_cls.model_fields.get(field)
    if info is not None and isinstance(info.validation_alias, str):
        return info.validation_alias
    return f"{config_cls.model_config.get('env_prefix', '')}{field}".upper()


def load(config_cls: type[C]) -> C:
    """Read `config_cls` from the environment, or exit with a message naming each bad variable."""
    try:
        return config_cls()
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            where = env_name(config_cls, str(err["loc"][0])) if err["loc"] else "configuration"
            lines.append(f"  {where}: {err['msg']}")
        sys.stderr.write("Configuration error, the process cannot start:\n" + "\n".join(lines) + "\n")
        raise SystemExit(2) from None
