"""What registration needs from other services, over gRPC (the only module here that calls out)."""
from __future__ import annotations

import datetime as dt
import logging

from campus import auth
from campus.grpc_client import ServiceClients
from cms.exams.v1 import exams_pb2
from cms.finance.v1 import finance_pb2
from cms.identity.v1 import identity_pb2
from services.enrollment import admission, registration
from services.enrollment.registration import Challan

log = logging.getLogger(__name__)
AS_ENROLLMENT = auth.Caller(kind=auth.SERVICE, subject="enrollment", service="enrollment")


class Registrar:
    """Exams tells her published results; finance issues the semester's challan.

    Acting for a student, the calls carry her token and fit in what is left of her own
    deadline: a call that outlived its caller would register unseen."""

    def __init__(self, clients: ServiceClients, caller: auth.Caller, timeout: float):
        self.clients = clients
        self.caller = caller
        self.timeout = timeout

    def results(self, registration_number: str) -> dict[str, dict[str, str]]:
        answer = self.clients.call("exams", "GetResults", exams_pb2.GetResultsRequest(
            registration_number=registration_number), timeout=self.timeout, caller=self.caller)
        return {s.semester: {c.course_code: c.remarks for c in s.courses} for s in answer.semesters}

    def issue(self, *, registration_number: str, payer_name: str, level: str, reference: str, description: str,
              charges: list[tuple[str, int]], program_code: str = "") -> Challan:
        challan = self.clients.call("finance", "IssueChallan", finance_pb2.IssueChallanRequest(
            registration_number=registration_number, fee_code="semester_fee", level=level, reference=reference,
            description=description, payer_name=payer_name, program_code=program_code,
            charges=[finance_pb2.Charge(fee_code=code, quantity=n) for code, n in charges]),
            timeout=self.timeout, caller=self.caller)
        return Challan(challan.consumer_number, challan.amount_paisa, challan.due_date)


def within(timeout: float, budget: float | None) -> float:
    """A call's deadline: its own timeout, cut to what is left of the caller's (at least 0.1 s)."""
    return timeout if budget is None else max(0.1, min(timeout, budget))


def for_caller(clients: ServiceClients, caller: auth.Caller, timeout: float, budget: float | None) -> Registrar:
    return Registrar(clients, caller, within(timeout, budget))


def sweep_registrations(runtime) -> bool:
    """One pass of the relay process's sweep (campus.loops): finish registrations a crash
    left half-way, and lapse those unpaid past their due date."""
    config = runtime.config
    desk = Registrar(runtime.clients, AS_ENROLLMENT, config.registration_timeout_seconds)
    finished = registration.resume_stalled(
        runtime.db, desk, older_than=dt.timedelta(seconds=config.stalled_registration_after_seconds))
    lapsed = registration.lapse_overdue(runtime.db, grace_days=config.registration_grace_days)
    if finished or lapsed:
        log.info("registrations: %d stalled finished, %d lapsed", finished, lapsed)
    return False


class Accounts:
    """Identity opens an admitted student's portal account and mails her activation code.

    CreateStudentAccount is idempotent on the registration number, so asking again (the
    sweep, after a timeout) opens one account."""

    def __init__(self, clients: ServiceClients, caller: auth.Caller, timeout: float):
        self.clients = clients
        self.caller = caller
        self.timeout = timeout

    def open_account(self, student) -> None:
        self.clients.call("identity", "CreateStudentAccount", identity_pb2.CreateStudentAccountRequest(
            registration_number=student.registration_number, full_name=student.full_name, email=student.email,
            mobile=student.mobile, initial_password_policy="activation"), timeout=self.timeout, caller=self.caller)


def open_accounts(runtime) -> bool:
    """One pass of the relay process's sweep: accounts of admitted students not yet confirmed.
    A full batch opened means more may wait (a file of thousands): go again at once."""
    opened = admission.open_pending_accounts(
        runtime.db, Accounts(runtime.clients, AS_ENROLLMENT, runtime.config.registration_timeout_seconds),
        limit=admission.ACCOUNTS_PER_PASS)
    if opened:
        log.info("opened %d student account(s)", opened)
    return opened >= admission.ACCOUNTS_PER_PASS


def apply_admission_files(runtime) -> bool:
    """Apply every queued bulk admission file, oldest first (each whole, or not at all)."""
    while (batch_id := admission.apply_next_batch(runtime.db)) is not None:
        log.info("admission file %s done", batch_id)
    return False
