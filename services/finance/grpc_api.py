"""FinanceService over gRPC: each method declares who may call it (@rpc);
it parses, calls the use case and maps the result."""
from __future__ import annotations

import datetime as dt

from campus import clock, identifiers
from campus.auth import authorize, current_caller
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from campus.policy import OWN, RECORD, rpc
from campus.runtime import Runtime
from cms.finance.v1 import finance_pb2 as pb
from cms.finance.v1 import finance_pb2_grpc
from services.finance import domain, service


def challan_message(row) -> pb.Challan:
    return pb.Challan(
        consumer_number=row.consumer_number, registration_number=row.registration_number,
        fee_code=row.fee_code, description=row.description, reference=row.reference,
        amount_paisa=row.amount_paisa, amount_after_due_date_paisa=row.amount_after_due_paisa,
        due_date=row.due_date.isoformat(), status=row.status, issued_at=clock.iso(row.issued_at),
        paid_at=clock.iso(row.paid_at), bank_mnemonic=row.bank_mnemonic or "", payer_name=row.payer_name)


def ledger_message(line: domain.LedgerLine) -> pb.LedgerEntry:
    return pb.LedgerEntry(posted_at=clock.iso(line.posted_at), kind=line.kind, description=line.description,
                          consumer_number=line.consumer_number, debit_paisa=line.debit_paisa,
                          credit_paisa=line.credit_paisa, balance_paisa=line.balance_paisa, posted_by=line.posted_by)


def _bank_date(value: str, field: str) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        raise InvalidArgument(f"{field} must be a date as YYYYMMDD", field=field) from None


def _bank_time(value: str) -> None:
    try:
        dt.datetime.strptime(value, "%H%M%S")
    except ValueError:
        raise InvalidArgument("tran_time must be a time as HHMMSS", field="tran_time") from None


def _bank_caller(bank_mnemonic: str) -> str:
    caller = current_caller()
    mnemonic = identifiers.bank_mnemonic(bank_mnemonic)
    if caller.subject != mnemonic:
        raise PermissionDenied("a bank may only act under its own mnemonic", field="bank_mnemonic")
    return mnemonic


class FinanceServicer(finance_pb2_grpc.FinanceServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db
        self.config = runtime.config

    # Challans are issued for filed requests (requests) and semester registrations (enrollment).
    @rpc(services={"requests", "enrollment"})
    def IssueChallan(self, request, context):
        row = service.issue_challan(
            self.db, self.config, registration_number=request.registration_number, fee_code=request.fee_code,
            level=request.level, reference=request.reference, description=request.description,
            payer_name=request.payer_name, charges=[(c.fee_code, c.quantity) for c in request.charges])
        return challan_message(row)

    @rpc(students=RECORD, staff={"treasury"})
    def GetChallan(self, request, context):
        row = service.get_challan(self.db, domain.consumer_number(request.consumer_number))
        try:
            authorize(current_caller(), owner=row.registration_number, departments={"treasury"})
        except PermissionDenied:
            # Someone else's challan does not exist, as far as this caller can tell.
            raise NotFound("no challan with this consumer number", field="consumer_number") from None
        return challan_message(row)

    @rpc(students=OWN, staff={"treasury"})  # not regional: finance cannot tell a student's centre
    def GetStudentAccount(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        rows = service.student_challans(self.db, regno)
        today = clock.karachi_today()
        outstanding = sum(domain.outstanding(service.state_of(r), today) for r in rows)
        paid = sum(r.paid_amount_paisa or 0 for r in rows if r.status == domain.PAID)
        ledger = service.ledger_of(self.db, regno)
        return pb.GetStudentAccountResponse(registration_number=regno, challans=[challan_message(r) for r in rows],
                                            outstanding_paisa=outstanding, paid_paisa=paid,
                                            ledger=[ledger_message(line) for line in ledger],
                                            balance_paisa=ledger[-1].balance_paisa if ledger else 0)

    @rpc(public=True)
    def GetFeeSchedule(self, request, context):
        return pb.GetFeeScheduleResponse(fees=[
            pb.Fee(fee_code=f.fee_code, level=f.level, amount_paisa=f.amount_paisa, title=f.title)
            for f in service.fee_schedule_rows(self.db)])

    @rpc(banks=True)
    def BillInquiry(self, request, context):
        _bank_caller(request.bank_mnemonic)
        code, row, status = service.bill_inquiry(self.db, domain.consumer_number(request.consumer_number))
        if row is None:
            return pb.BillInquiryResponse(response_code=code)
        return pb.BillInquiryResponse(
            response_code=code,
            consumer_detail=(row.payer_name or row.registration_number)[:30],
            bill_status=domain.BILL_STATUS[status],
            due_date=row.due_date.strftime("%Y%m%d"),
            amount_within_due_date_paisa=row.amount_paisa,
            amount_after_due_date_paisa=row.amount_after_due_paisa,
            billing_month=clock.as_utc(row.issued_at).astimezone(clock.KARACHI).strftime("%y%m"),
            date_paid=clock.as_utc(row.paid_at).astimezone(clock.KARACHI).strftime("%Y%m%d") if row.paid_at else "",
            amount_paid_paisa=row.paid_amount_paisa or 0,
            tran_auth_id=row.tran_auth_id or "")

    @rpc(banks=True)
    def BillPayment(self, request, context):
        mnemonic = _bank_caller(request.bank_mnemonic)
        if request.transaction_amount_paisa <= 0:
            raise InvalidArgument("transaction_amount must be positive", field="transaction_amount")
        _bank_time(request.tran_time)
        attempt = domain.PaymentAttempt(
            bank_mnemonic=mnemonic, tran_auth_id=identifiers.tran_auth_id(request.tran_auth_id),
            consumer_number=domain.consumer_number(request.consumer_number),
            amount_paisa=request.transaction_amount_paisa, tran_date=_bank_date(request.tran_date, "tran_date"))
        code, identification, message = service.bill_payment(self.db, self.config, attempt, request.tran_time)
        return pb.BillPaymentResponse(response_code=code, identification_parameter=identification, message=message)

    @rpc(banks=True)
    def BillReversal(self, request, context):
        mnemonic = _bank_caller(request.bank_mnemonic)
        _bank_date(request.tran_date, "tran_date")
        _bank_time(request.tran_time)
        code, message = service.bill_reversal(
            self.db, self.config, bank_mnemonic=mnemonic, tran_auth_id=identifiers.tran_auth_id(request.tran_auth_id),
            consumer_number=domain.consumer_number(request.consumer_number), tran_date=request.tran_date,
            tran_time=request.tran_time)
        return pb.BillReversalResponse(response_code=code, message=message)
