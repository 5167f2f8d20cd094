from pydantic import Field

from campus.config import ServiceConfig


class RequestsConfig(ServiceConfig):
    service = "requests"

    details_max_length: int = Field(2000, ge=100, le=20000)
    #: Deadline for the calls filing makes to enrollment and finance.
    filing_timeout_seconds: float = Field(3.0, gt=0, le=30)
    #: A filing still without its challan after this long was interrupted: finish it.
    stalled_filing_after_seconds: float = Field(60.0, ge=1, le=86400)
    stalled_filing_check_seconds: float = Field(30.0, ge=0.1, le=3600)
