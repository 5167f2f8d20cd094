from pydantic import Field, model_validator

from campus.config import ServiceConfig


class ExamsConfig(ServiceConfig):
    service = "exams"

    #: Since Autumn 2021 a pass needs at least this percentage in assignments...
    pass_assignment_percent: int = Field(50, ge=0, le=100)
    #: ...and at least this percentage in the final exam (help-desk article 78).
    pass_final_percent: int = Field(50, ge=0, le=100)
    #: Weights of the components in the total; sources disagree (unsure).
    assignment_weight_percent: int = Field(30, ge=0, le=100)
    final_weight_percent: int = Field(70, ge=0, le=100)

    @model_validator(mode="after")
    def _weights_make_a_whole(self):
        if self.assignment_weight_percent + self.final_weight_percent != 100:
            raise ValueError("EXAMS_ASSIGNMENT_WEIGHT_PERCENT and EXAMS_FINAL_WEIGHT_PERCENT must add up to 100")
        return self
