"""Composition root of the enrollment service."""
from campus.runtime import ServiceDefinition, Servicer
from cms.enrollment.v1 import enrollment_pb2_grpc
from services.enrollment import seed
from services.enrollment.config import EnrollmentConfig
from services.enrollment.grpc_api import EnrollmentServicer
from services.enrollment.models import metadata

SERVICE = ServiceDefinition(
    name="enrollment",
    config=EnrollmentConfig,
    metadata=metadata,
    servicers=[Servicer(enrollment_pb2_grpc.add_EnrollmentServiceServicer_to_server,
                        "cms.enrollment.v1.EnrollmentService", EnrollmentServicer)],
    seed=seed.seed,
)
