from pydantic import Field

from campus.config import AttachmentsConfig


class TrackingConfig(AttachmentsConfig):
    service = "tracking"

    #: Days a student has to answer an objection before the application is rejected (DOMAIN.md: 30, unsure).
    objection_days: int = Field(30, ge=1, le=365)
    #: What the university aims for, from filing to dispatch: urgent about two weeks (DOMAIN.md).
    urgent_target_days: int = Field(14, ge=1, le=365)
    ordinary_target_days: int = Field(50, ge=1, le=730)
    #: Documents a student sends with one answer to an objection.
    documents_per_answer: int = Field(5, ge=1, le=20)
    #: How often objections past their window are looked for, to reject them.
    objection_check_seconds: float = Field(600.0, ge=0.1, le=86400)
