"""Configuration, read from the environment only, checked once at start-up.

Every setting has a working local default so `make up` needs no set-up; production
(`CAMPUS_ENV=production`) refuses the development secrets and keys, and settings that name
a deployment (a remote broker or database, a public bind address) need `CAMPUS_ENV` set.
A bad value stops the process with a message naming the variable, never with a traceback.
"""
from __future__ import annotations

import pathlib
import re
import sys
from typing import ClassVar, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from campus import service_keys

ROOT = pathlib.Path(__file__).resolve().parent.parent

#: Hosts that mean "this machine": a setting naming any other looks like a deployment.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "")


def host_of(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


class BaseConfig(BaseSettings):
    """Settings every process shares."""

    model_config = SettingsConfigDict(extra="ignore", case_sensitive=False, frozen=True, populate_by_name=True)
    #: Whose credential this process holds (the service's name; "gateway"); None: no one's.
    key_owner: ClassVar[str | None] = None
    #: Whether it serves RPCs, so needs every caller's public key (the gateway does not).
    verifies_callers: ClassVar[bool] = True

    environment: Literal["local", "test", "production"] = Field("local", validation_alias="CAMPUS_ENV")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field("INFO", validation_alias="LOG_LEVEL")
    var_dir: pathlib.Path = Field(ROOT / "var", validation_alias="CAMPUS_VAR_DIR")
    #: The portal's public address: the verification QR code of every document printed
    #: points under it (`<CAMPUS_PUBLIC_URL>/verify/<document_id>`).
    public_url: str = Field("http://127.0.0.1:8080", validation_alias="CAMPUS_PUBLIC_URL",
                            pattern=r"^https?://[^\s/]+(/[^\s]*)?$")
    grpc_timeout_seconds: float = Field(3.0, gt=0, le=60, validation_alias="GRPC_TIMEOUT_SECONDS")
    #: How often each process asks for the sessions ended meanwhile (campus.sessions), and
    #: after how long without an answer staff and writes are refused (fail closed).
    session_feed_poll_seconds: float = Field(0.3, gt=0, le=1, validation_alias="SESSION_FEED_POLL_SECONDS")
    session_feed_stale_seconds: float = Field(3.0, ge=1, le=60, validation_alias="SESSION_FEED_STALE_SECONDS")
    #: This process's own Ed25519 private key (PEM), `<PREFIX>_SERVICE_KEY_FILE`; default
    #: <var_dir>/service-keys/<owner>-service-key.pem (made by `make up`).
    service_key_file: pathlib.Path | None = None
    #: Every service's public keys (campus.service_keys); default <var_dir>/service-keys/service-public-keys.json.
    service_public_keys_file: pathlib.Path | None = Field(None, validation_alias="SERVICE_PUBLIC_KEYS_FILE")
    #: The shared HS256 secret of old: nothing reads it any more; production refuses it
    #: so that no pod keeps a credential that once opened every service.
    retired_service_token_secret: str = Field("", validation_alias="SERVICE_TOKEN_SECRET", exclude=True, repr=False)

    @model_validator(mode="after")
    def _service_key_paths(self):
        keys = self.var_dir / service_keys.LOCAL_DIR
        if self.service_public_keys_file is None:
            object.__setattr__(self, "service_public_keys_file", keys / service_keys.PUBLIC_FILE)
        if self.service_key_file is None and self.key_owner:
            object.__setattr__(self, "service_key_file", keys / service_keys.key_file_name(self.key_owner))
        return self

    @model_validator(mode="after")
    def _production(self):
        if self.environment != "production":
            if "environment" not in self.model_fields_set and self.production_like():
                raise ValueError(f"CAMPUS_ENV must be set where settings look deployed ({self.production_like()}): "
                                 "production, or local/test on purpose")
            return self
        if self.retired_service_token_secret:
            raise ValueError("SERVICE_TOKEN_SECRET is no longer used (each service has its own key): remove it")
        if self.key_owner:
            if not self.service_key_file.is_file():
                raise ValueError(f"{env_name(type(self), 'service_key_file')}: {self.service_key_file} does not "
                                 f"exist; production needs {self.key_owner}'s provisioned service key")
            if self.verifies_callers:
                self._check_public_keys()
        return self

    def _check_public_keys(self) -> None:
        path = self.service_public_keys_file
        try:
            keys, development = service_keys.parse(path.read_text())
        except OSError:
            raise ValueError(f"SERVICE_PUBLIC_KEYS_FILE: {path} does not exist; production needs "
                             "the public keys document") from None
        except service_keys.ServiceKeyError as exc:
            raise ValueError(f"SERVICE_PUBLIC_KEYS_FILE: {exc}") from None
        if development:
            raise ValueError("SERVICE_PUBLIC_KEYS_FILE holds development keys (made by `make up` or the "
                             "tests); production needs keys of its own (deploy/README.md)")
        if self.key_owner not in keys:
            raise ValueError(f"SERVICE_PUBLIC_KEYS_FILE has no key for {self.key_owner}")

    def production_like(self) -> str:
        """The first setting that names a deployment rather than this machine ('' if none)."""
        return ""


class BrokerConfig(BaseConfig):
    """Settings of a process that uses RabbitMQ (each service; never the gateway)."""

    amqp_url: str = Field("amqp://guest:guest@127.0.0.1:5672/%2F", validation_alias="AMQP_URL")

    @field_validator("amqp_url")
    @classmethod
    def _amqp_scheme(cls, value: str) -> str:
        if not value.startswith(("amqp://", "amqps://")):
            raise ValueError("must be an amqp:// or amqps:// URL")
        return value

    @model_validator(mode="after")
    def _own_broker_user_in_production(self):
        if self.environment == "production" and urlsplit(self.amqp_url).username in (None, "", "guest"):
            raise ValueError("AMQP_URL must name a broker user of its own in production, not guest")
        return self

    def production_like(self) -> str:
        if host_of(self.amqp_url) not in LOCAL_HOSTS:
            return "AMQP_URL names a remote broker"
        return super().production_like()


class ServiceConfig(BrokerConfig):
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
            cls.key_owner = cls.service

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

    def production_like(self) -> str:
        if self.database_url.startswith("postgresql") and host_of(self.database_url) not in LOCAL_HOSTS:
            return f"{self.service.upper()}_DATABASE_URL names a remote database"
        if self.grpc_bind_host not in LOCAL_HOSTS:
            return "GRPC_BIND_HOST listens beyond this machine"
        return super().production_like()


class AttachmentsConfig(ServiceConfig):
    """Settings of a service that keeps documents people upload (campus.uploads checks them,
    campus.storage keeps them under names it makes)."""

    #: Each document: PDF, JPEG or PNG, up to this size.
    attachment_max_bytes: int = Field(5 * 1024 * 1024, ge=64 * 1024, le=12 * 1024 * 1024)
    #: Where they are kept (generated names, never the uploader's); default <var_dir>/attachments/<service>.
    attachments_dir: pathlib.Path | None = None
    #: S3-compatible object storage for them instead (http(s)://KEY:SECRET@host:port/bucket):
    #: containers have read-only file systems and several replicas.
    object_store_url: SecretStr = SecretStr("")

    @field_validator("object_store_url")
    @classmethod
    def _object_store_url(cls, value: SecretStr) -> SecretStr:
        from campus import storage
        if value.get_secret_value() and not re.match(storage.OBJECT_STORE_URL, value.get_secret_value()):
            raise ValueError("must be http(s)://ACCESS_KEY:SECRET_KEY@host:port/bucket")
        return value

    @model_validator(mode="after")
    def _attachments_dir(self):
        if self.attachments_dir is None:
            object.__setattr__(self, "attachments_dir", self.var_dir / "attachments" / self.service)
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
