"""The enrollment service's definition: what the platform, the gateway and deploy know of it."""
from campus.definition import ServiceDefinition
from services.enrollment.config import EnrollmentConfig

SERVICE = ServiceDefinition(
    name="enrollment",
    port=50052,
    proto="cms.enrollment.v1.enrollment",
    config=EnrollmentConfig,
    servicer="services.enrollment.grpc_api:EnrollmentServicer",
    models="services.enrollment.models:metadata",
    seed="services.enrollment.seed:seed",
)
