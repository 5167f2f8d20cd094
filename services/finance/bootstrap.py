"""Composition root of the finance service."""
from campus.runtime import ServiceDefinition, Servicer
from cms.finance.v1 import finance_pb2_grpc
from services.finance import seed
from services.finance.config import FinanceConfig
from services.finance.grpc_api import FinanceServicer
from services.finance.models import metadata

SERVICE = ServiceDefinition(
    name="finance",
    config=FinanceConfig,
    metadata=metadata,
    servicers=[Servicer(finance_pb2_grpc.add_FinanceServiceServicer_to_server,
                        "cms.finance.v1.FinanceService", FinanceServicer)],
    seed=seed.seed,
)
