"""Composition root of the exams service."""
from campus.runtime import ServiceDefinition, Servicer
from cms.exams.v1 import exams_pb2_grpc
from services.exams import seed
from services.exams.config import ExamsConfig
from services.exams.grpc_api import ExamsServicer
from services.exams.models import metadata

SERVICE = ServiceDefinition(
    name="exams",
    config=ExamsConfig,
    metadata=metadata,
    servicers=[Servicer(exams_pb2_grpc.add_ExamsServiceServicer_to_server,
                        "cms.exams.v1.ExamsService", ExamsServicer)],
    seed=seed.seed,
)
