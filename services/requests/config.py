from pydantic import Field

from campus.config import AttachmentsConfig


class RequestsConfig(AttachmentsConfig):
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
    #: Attachments (each up to attachment_max_bytes): so many to a request, so much in all.
    attachments_per_request: int = Field(10, ge=1, le=50)
    attachments_total_bytes: int = Field(25 * 1024 * 1024, ge=64 * 1024, le=500 * 1024 * 1024)
