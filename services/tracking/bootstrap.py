"""The tracking service's definition: what the platform, the gateway and deploy know of it."""
from campus.definition import DeploySpec, Loop, ServiceDefinition
from services.tracking.config import TrackingConfig

SERVICE = ServiceDefinition(
    name="tracking",
    port=50056,
    proto="cms.tracking.v1.tracking",
    config=TrackingConfig,
    servicer="services.tracking.grpc_api:TrackingServicer",
    student_record="applications",  # staff reads and changes of it are chained (campus.access_log)
    models="services.tracking.models:metadata",
    seed="services.tracking.seed:seed",
    consumer="services.tracking.consumers:TrackingConsumer",
    loops=(Loop("services.tracking.service:reject_unanswered", every_seconds="objection_check_seconds"),),
    # The documents students answer objections with live in object storage where deployed.
    deploy=DeploySpec(object_store=True, egress_ports=((443, "object storage (S3, HTTPS)"),
                                                       (9000, "object storage (MinIO)"))),
)
