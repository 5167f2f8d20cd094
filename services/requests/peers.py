"""What filing needs from other services, over gRPC (the only module here that calls out)."""
from __future__ import annotations

import datetime as dt
import logging

from campus import auth, personal_info
from campus.grpc_client import ServiceClients
from cms.enrollment.v1 import enrollment_pb2
from cms.finance.v1 import finance_pb2
from services.requests import service
from services.requests.service import Challan, Payer

log = logging.getLogger(__name__)
AS_REQUESTS = auth.Caller(kind=auth.SERVICE, subject="requests", service="requests")


class ChallanDesk:
    """Enrollment says the student's regional centre and who pays at which program level;
    finance issues the challan.

    Acting for a student, the calls carry the student's token and fit in what is left of
    the student's own deadline: a call that outlived its caller would file unseen."""

    def __init__(self, clients: ServiceClients, caller: auth.Caller, timeout: float):
        self.clients = clients
        self.caller = caller
        self.timeout = timeout

    def centre(self, registration_number: str) -> str:
        answer = self.clients.call("enrollment", "GetStudentCentre", enrollment_pb2.GetStudentCentreRequest(
            registration_number=registration_number), timeout=self.timeout, caller=self.caller)
        return answer.regional_centre.code

    def payer(self, registration_number: str) -> Payer:
        profile = self.clients.call("enrollment", "GetStudentProfile", enrollment_pb2.GetStudentProfileRequest(
            registration_number=registration_number), timeout=self.timeout, caller=self.caller)
        return Payer(profile.full_name, profile.program.level, profile.program.code)

    def personal_info(self, registration_number: str) -> dict[str, str]:
        profile = self.clients.call("enrollment", "GetStudentProfile", enrollment_pb2.GetStudentProfileRequest(
            registration_number=registration_number), timeout=self.timeout, caller=self.caller)
        return {field: getattr(profile, field) for field in personal_info.FIELDS}

    def issue(self, payer: Payer, *, registration_number: str, reference: str, fee_code: str,
              description: str) -> Challan:
        challan = self.clients.call("finance", "IssueChallan", finance_pb2.IssueChallanRequest(
            registration_number=registration_number, fee_code=fee_code, level=payer.level, reference=reference,
            description=description, payer_name=payer.full_name, program_code=payer.program_code),
            timeout=self.timeout, caller=self.caller)
        return Challan(challan.consumer_number, challan.amount_paisa, challan.due_date)


def for_caller(clients: ServiceClients, caller: auth.Caller, timeout: float, budget: float | None) -> ChallanDesk:
    return ChallanDesk(clients, caller, timeout if budget is None else max(0.1, min(timeout, budget)))


def resume_stalled_filings(runtime) -> bool:
    """One pass of the relay process's sweep (campus.loops): finish filings a crash left half-way."""
    desk = ChallanDesk(runtime.clients, AS_REQUESTS, runtime.config.filing_timeout_seconds)
    older_than = dt.timedelta(seconds=runtime.config.stalled_filing_after_seconds)
    finished = service.resume_stalled_filings(runtime.db, desk, older_than=older_than)
    if finished:
        log.info("finished %d stalled filing(s)", finished)
    return False
