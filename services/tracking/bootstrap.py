"""The tracking service's definition: what the platform, the gateway and deploy know of it."""
from campus.definition import ServiceDefinition
from services.tracking.config import TrackingConfig

SERVICE = ServiceDefinition(
    name="tracking",
    port=50056,
    proto="cms.tracking.v1.tracking",
    config=TrackingConfig,
    servicer="services.tracking.grpc_api:TrackingServicer",
    models="services.tracking.models:metadata",
    seed="services.tracking.seed:seed",
    consumer="services.tracking.consumers:TrackingConsumer",
)
