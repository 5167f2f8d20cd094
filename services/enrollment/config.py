from pydantic import Field

from campus.config import ServiceConfig


class EnrollmentConfig(ServiceConfig):
    service = "enrollment"

    #: Deadline for the calls registration makes to exams and finance.
    registration_timeout_seconds: float = Field(3.0, gt=0, le=30)
    #: Days after a semester challan's due date before an unpaid registration lapses.
    registration_grace_days: int = Field(0, ge=0, le=60)
    #: A registration still without its challan after this long was interrupted: finish it.
    stalled_registration_after_seconds: float = Field(60.0, ge=1, le=86400)
    registration_sweep_seconds: float = Field(30.0, ge=0.1, le=3600)
    #: How often the relay asks identity again for accounts of admitted students not yet opened.
    account_sweep_seconds: float = Field(2.0, ge=0.1, le=3600)
    #: How often the relay looks for a queued bulk admission file.
    admission_file_poll_seconds: float = Field(2.0, ge=0.1, le=3600)
