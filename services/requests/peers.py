"""What filing needs from other services, over gRPC (the only module here that calls out)."""
from __future__ import annotations

from campus.auth import Caller
from campus.grpc_client import ServiceClients
from cms.enrollment.v1 import enrollment_pb2
from cms.finance.v1 import finance_pb2
from services.requests.service import Challan


class ChallanDesk:
    """Asks enrollment for the student's program level and name, then finance for the challan."""

    def __init__(self, clients: ServiceClients, timeout: float):
        self.clients = clients
        self.timeout = timeout

    def issue(self, caller: Caller, *, registration_number: str, fee_code: str, reference: str,
              description: str) -> Challan:
        profile = self.clients.call("enrollment", "GetStudentProfile", enrollment_pb2.GetStudentProfileRequest(
            registration_number=registration_number), timeout=self.timeout, caller=caller)
        challan = self.clients.call("finance", "IssueChallan", finance_pb2.IssueChallanRequest(
            registration_number=registration_number, fee_code=fee_code, level=profile.program.level,
            reference=reference, description=description, payer_name=profile.full_name),
            timeout=self.timeout, caller=caller)
        return Challan(challan.consumer_number, challan.amount_paisa, challan.due_date)
