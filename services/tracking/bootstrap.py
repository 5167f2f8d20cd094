"""Composition root of the tracking service."""
from campus.runtime import ServiceDefinition, Servicer
from cms.tracking.v1 import tracking_pb2_grpc
from services.tracking import seed
from services.tracking.config import TrackingConfig
from services.tracking.grpc_api import TrackingServicer
from services.tracking.models import metadata

SERVICE = ServiceDefinition(
    name="tracking",
    config=TrackingConfig,
    metadata=metadata,
    servicers=[Servicer(tracking_pb2_grpc.add_TrackingServiceServicer_to_server,
                        "cms.tracking.v1.TrackingService", TrackingServicer)],
    consumer="services.tracking.consumers:TrackingConsumer",
    seed=seed.seed,
)
