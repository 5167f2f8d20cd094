"""The notifications service's definition: what the platform, the gateway and deploy know of it."""
from campus.definition import DeploySpec, Loop, ServiceDefinition
from services.notifications.config import NotificationsConfig

SERVICE = ServiceDefinition(
    name="notifications",
    port=50057,
    proto="cms.notifications.v1.notifications",
    config=NotificationsConfig,
    servicer="services.notifications.grpc_api:NotificationsServicer",
    models="services.notifications.models:metadata",
    consumer="services.notifications.consumers:NotificationsConsumer",
    seed="services.notifications.seed:seed",
    loops=(Loop("services.notifications.sender:send", every_seconds="send_poll_seconds"),
           Loop("services.notifications.webhooks:send", every_seconds="send_poll_seconds"),
           Loop("services.notifications.digest:send_digests", every_seconds="digest_check_seconds")),
    calls=("enrollment",),  # where a student's mail and messages go, when no event has said yet
    deploy=DeploySpec(egress_ports=((587, "SMTP submission"),
                                    (443, "the SMS provider and partner systems' webhooks (HTTPS)"))),
)
