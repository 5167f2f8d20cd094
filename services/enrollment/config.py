from campus.config import ServiceConfig


class EnrollmentConfig(ServiceConfig):
    service = "enrollment"
