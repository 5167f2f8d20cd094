from pydantic import Field

from campus.config import ServiceConfig


class ExamsConfig(ServiceConfig):
    """The pass rules and weights are data (assessment_schemes), not settings: they differ by
    level and examinations change them with a migration."""
    service = "exams"

    #: How often the relay's loop looks for a queued file of marks.
    marks_file_poll_seconds: float = Field(2.0, ge=0.1, le=3600)
