"""The finance service's definition: what the platform, the gateway and deploy know of it."""
from campus.definition import DeploySpec, Loop, ServiceDefinition
from services.finance.config import FinanceConfig

SERVICE = ServiceDefinition(
    name="finance",
    port=50054,
    proto="cms.finance.v1.finance",
    config=FinanceConfig,
    servicer="services.finance.grpc_api:FinanceServicer",
    student_record="ledger",  # staff reads and changes of it are chained (campus.access_log)
    models="services.finance.models:metadata",
    seed="services.finance.seed:seed",
    consumer="services.finance.consumers:FinanceConsumer",
    loops=(Loop("services.finance.loops:close_expired_challans", every_seconds="challan_expiry_check_seconds"),),
    deploy=DeploySpec(autoscale=(2, 20)),  # fee deadlines
)
