"""The requests service's definition: what the platform, the gateway and deploy know of it."""
from campus.definition import DeploySpec, Loop, ServiceDefinition
from services.requests.config import RequestsConfig

SERVICE = ServiceDefinition(
    name="requests",
    port=50055,
    proto="cms.requests.v1.requests",
    config=RequestsConfig,
    servicer="services.requests.grpc_api:RequestsServicer",
    student_record="requests",  # staff reads and changes of it are chained (campus.access_log)
    models="services.requests.models:metadata",
    consumer="services.requests.consumers:RequestsConsumer",
    seed="services.requests.seed:seed",
    loops=(Loop("services.requests.peers:resume_stalled_filings", every_seconds="stalled_filing_check_seconds"),
           Loop("services.requests.service_levels:escalate", every_seconds="escalation_check_seconds"),
           Loop("services.requests.service_levels:close", every_seconds="escalation_check_seconds")),
    calls=("enrollment", "finance"),  # the student's profile and the challan of a filing
    # Documents attached to requests and complaints live in object storage where deployed.
    deploy=DeploySpec(object_store=True, egress_ports=((443, "object storage (S3, HTTPS)"),
                                                       (9000, "object storage (MinIO)"))),
)
