import pathlib

from pydantic import Field, model_validator

from campus.config import ServiceConfig


class RequestsConfig(ServiceConfig):
    service = "requests"

    details_max_length: int = Field(2000, ge=100, le=20000)
    #: Deadline for the calls filing makes to enrollment and finance.
    filing_timeout_seconds: float = Field(3.0, gt=0, le=30)
    #: A filing still without its challan after this long was interrupted: finish it.
    stalled_filing_after_seconds: float = Field(60.0, ge=1, le=86400)
    stalled_filing_check_seconds: float = Field(30.0, ge=0.1, le=3600)
    #: What a student or an officer writes in the thread.
    message_max_length: int = Field(2000, ge=100, le=20000)
    #: Attachments: PDF, JPEG or PNG, each up to this size, so many to a request.
    attachment_max_bytes: int = Field(5 * 1024 * 1024, ge=64 * 1024, le=12 * 1024 * 1024)
    attachments_per_request: int = Field(10, ge=1, le=50)
    attachments_total_bytes: int = Field(25 * 1024 * 1024, ge=64 * 1024, le=500 * 1024 * 1024)
    #: Where attachments are kept (generated names, never the uploader's); default <var_dir>/attachments/requests.
    attachments_dir: pathlib.Path | None = None

    @model_validator(mode="after")
    def _attachments_dir(self):
        if self.attachments_dir is None:
            object.__setattr__(self, "attachments_dir", self.var_dir / "attachments" / self.service)
        return self
