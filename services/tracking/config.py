from pydantic import Field

from campus.config import ServiceConfig


class TrackingConfig(ServiceConfig):
    service = "tracking"

    #: Days a student has to resolve an objection before the application is rejected (unsure).
    objection_days: int = Field(30, ge=1, le=365)
