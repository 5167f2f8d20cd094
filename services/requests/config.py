import pathlib
import re

from pydantic import Field, SecretStr, field_validator, model_validator

from campus import storage
from campus.config import ServiceConfig


class RequestsConfig(ServiceConfig):
    service = "requests"

    details_max_length: int = Field(2000, ge=100, le=20000)
    #: Deadline for the calls filing makes to enrollment and finance.
    filing_timeout_seconds: float = Field(3.0, gt=0, le=30)
    #: A filing still without its challan after this long was interrupted: finish it.
    stalled_filing_after_seconds: float = Field(60.0, ge=1, le=86400)
    stalled_filing_check_seconds: float = Field(30.0, ge=0.1, le=3600)
    #: How often overdue requests are looked for, to escalate to their department's head.
    escalation_check_seconds: float = Field(600.0, ge=0.1, le=86400)
    #: A decided request is closed this long after its decision (then it takes no more messages).
    close_decided_after_days: int = Field(30, ge=1, le=3650)
    #: What a student or an officer writes in the thread.
    message_max_length: int = Field(2000, ge=100, le=20000)
    #: Attachments: PDF, JPEG or PNG, each up to this size, so many to a request.
    attachment_max_bytes: int = Field(5 * 1024 * 1024, ge=64 * 1024, le=12 * 1024 * 1024)
    attachments_per_request: int = Field(10, ge=1, le=50)
    attachments_total_bytes: int = Field(25 * 1024 * 1024, ge=64 * 1024, le=500 * 1024 * 1024)
    #: Where attachments are kept (generated names, never the uploader's); default <var_dir>/attachments/requests.
    attachments_dir: pathlib.Path | None = None
    #: S3-compatible object storage for them instead (http(s)://KEY:SECRET@host:port/bucket):
    #: containers have read-only file systems and several replicas.
    object_store_url: SecretStr = SecretStr("")

    @field_validator("object_store_url")
    @classmethod
    def _object_store_url(cls, value: SecretStr) -> SecretStr:
        if value.get_secret_value() and not re.match(storage.OBJECT_STORE_URL, value.get_secret_value()):
            raise ValueError("must be http(s)://ACCESS_KEY:SECRET_KEY@host:port/bucket")
        return value

    @model_validator(mode="after")
    def _attachments_dir(self):
        if self.attachments_dir is None:
            object.__setattr__(self, "attachments_dir", self.var_dir / "attachments" / self.service)
        return self
