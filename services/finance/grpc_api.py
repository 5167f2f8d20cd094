"""FinanceService over gRPC: each method declares who may call it (@rpc);
it parses, calls the use case and maps the result."""
from __future__ import annotations

import datetime as dt

from campus import access_log, clock, documents, documents_api, identifiers
from campus.auth import authorize, current_caller
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from campus.policy import OWN, RECORD, rpc
from campus.runtime import Runtime
from cms.documents.v1 import documents_pb2
from cms.finance.v1 import finance_pb2 as pb
from cms.finance.v1 import finance_pb2_grpc
from services.finance import (
    aid,
    challan_pdf,
    domain,
    fees,
    figures,
    ledger,
    recoveries,
    refunds,
    service,
    settlements,
    treasury,
)

TREASURY = {"treasury"}
#: The references of challans treasury issues by hand (the gateway makes them from a key).
HAND_ISSUED = "TRS-"
#: The services that issue challans for what they hold (a request, a registration).
ISSUERS = frozenset({"requests", "enrollment"})
#: Who decides financial aid and scholarships (the requests' department is student services).
AID_DEPARTMENTS = {"student_services", "treasury"}


def challan_message(row) -> pb.Challan:
    return pb.Challan(
        consumer_number=row.consumer_number, registration_number=row.registration_number,
        fee_code=row.fee_code, description=row.description, reference=row.reference,
        amount_paisa=row.amount_paisa, amount_after_due_date_paisa=row.amount_after_due_paisa,
        due_date=row.due_date.isoformat(), status=row.status, issued_at=clock.iso(row.issued_at),
        paid_at=clock.iso(row.paid_at), bank_mnemonic=row.bank_mnemonic or "", payer_name=row.payer_name,
        closed_reason=row.closed_reason or "", program_code=row.program_code or "", level=row.level or "",
        superseded_by=row.superseded_by or "")


def fee_message(f: domain.Fee) -> pb.Fee:
    return pb.Fee(fee_code=f.fee_code, level=f.level, amount_paisa=f.amount_paisa, title=f.title,
                  late_fee_paisa=f.late_fee_paisa, double_after_days=f.double_after_days,
                  applies_from=f.applies_from.isoformat())


def settlement_line(line: settlements.Line) -> pb.SettlementLine:
    return pb.SettlementLine(tran_date=line.tran_date, tran_auth_id=line.tran_auth_id,
                             consumer_number=line.consumer_number, amount_paisa=line.amount_paisa,
                             recorded_amount_paisa=line.recorded_amount_paisa,
                             recorded_consumer_number=line.recorded_consumer_number, note=line.note)


def settlement_message(row) -> pb.SettlementReport:
    report = settlements.report_of(row)
    return pb.SettlementReport(
        settlement_id=row.id, bank_mnemonic=row.bank_mnemonic, file_name=row.file_name, sha256=row.sha256,
        uploaded_at=clock.iso(row.uploaded_at), uploaded_by=row.uploaded_by, matched=report.matched,
        unrecorded=[settlement_line(x) for x in report.unrecorded],
        missing=[settlement_line(x) for x in report.missing],
        mismatched=[settlement_line(x) for x in report.mismatched],
        first_tran_date=row.first_tran_date, last_tran_date=row.last_tran_date, rows=row.rows)


def request_number(value: str) -> str:
    """A request number as typed; its form is requests' to say. One finance has no case for is
    answered NotFound by the case's own look-up."""
    return (value or "").strip().upper()[:40]


def refund_case_message(case, rules, paid=()) -> pb.RefundCase:
    grounds = [r.ground for r in rules if r.subtype == case.subtype]
    return pb.RefundCase(
        request_number=case.request_number, registration_number=case.registration_number, subtype=case.subtype,
        details=case.details, status=case.status, opened_at=clock.iso(case.opened_at), grounds=grounds,
        paid_challans=[challan_message(c) for c in paid], consumer_number=case.consumer_number or "",
        ground=case.ground or "", base_paisa=case.base_paisa or 0, amount_paisa=case.amount_paisa or 0,
        decided_by=case.decided_by, decided_at=clock.iso(case.decided_at), note=case.note)


def aid_case_message(case, latest=None) -> pb.AidCase:
    answer = pb.AidCase(
        request_number=case.request_number, registration_number=case.registration_number, subtype=case.subtype,
        details=case.details, status=case.status, opened_at=clock.iso(case.opened_at),
        award_paisa=case.award_paisa or 0, refunded_paisa=case.refunded_paisa or 0,
        remaining_paisa=case.remaining_paisa or 0, consumer_number=case.consumer_number or "",
        decided_by=case.decided_by, decided_at=clock.iso(case.decided_at), note=case.note)
    if latest is not None:
        answer.latest_semester_fee.CopyFrom(challan_message(latest))
    return answer


def recovery_message(r) -> pb.Recovery:
    return pb.Recovery(request_number=r.request_number, registration_number=r.registration_number,
                       consumer_number=r.consumer_number, request_status=r.request_status,
                       bank_mnemonic=r.bank_mnemonic, reversed_at=clock.iso(r.reversed_at),
                       recovered_at=clock.iso(r.recovered_at), recovered_by=r.recovered_by, note=r.note)


def unmatched_message(row, challan_status: str = "") -> pb.UnmatchedPayment:
    return pb.UnmatchedPayment(
        id=row.id, bank_mnemonic=row.bank_mnemonic, tran_auth_id=row.tran_auth_id,
        consumer_number=row.consumer_number, amount_paisa=row.amount_paisa, tran_date=row.tran_date,
        status=row.status, found_at=clock.iso(row.found_at), settlement_id=row.settlement_id,
        resolved_at=clock.iso(row.resolved_at), resolved_by=row.resolved_by, note=row.note,
        challan_status=challan_status)


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


class FinanceServicer(access_log.servicer(), documents_api.servicer(staff=TREASURY),
                      finance_pb2_grpc.FinanceServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db
        self.config = runtime.config
        self.tokens = runtime.service_tokens
        self.public_url = runtime.config.public_url

    def _visible_challan(self, consumer_number: str):
        """The challan, if this caller may see it: hers, or any for treasury. Someone else's
        challan does not exist, as far as this caller can tell."""
        row = service.get_challan(self.db, domain.consumer_number(consumer_number))
        try:
            authorize(current_caller(), owner=row.registration_number, departments=TREASURY)
        except PermissionDenied:
            raise NotFound("no challan with this consumer number", field="consumer_number") from None
        return row

    # Challans are issued for filed requests (requests) and semester registrations (enrollment),
    # and by treasury by hand (a fee owed that no request or registration asks for).
    @rpc(services=ISSUERS, staff=TREASURY)
    def IssueChallan(self, request, context):
        caller = current_caller()
        by_hand = caller.kind == "staff" and caller.service not in ISSUERS  # treasury, through the gateway
        if by_hand and not request.reference.startswith(HAND_ISSUED):
            raise InvalidArgument(f"a challan issued by hand has a reference starting {HAND_ISSUED}",
                                  field="reference")
        row = service.issue_challan(
            self.db, self.config, registration_number=request.registration_number, fee_code=request.fee_code,
            level=request.level, reference=request.reference, description=request.description,
            payer_name=request.payer_name, charges=[(c.fee_code, c.quantity) for c in request.charges],
            program_code=request.program_code)
        return challan_message(row)

    @rpc(students=RECORD, staff=TREASURY)
    def GetChallan(self, request, context):
        return challan_message(self._visible_challan(request.consumer_number))

    @rpc(students=RECORD, staff=TREASURY)
    def GetChallanPdf(self, request, context):
        row = self._visible_challan(request.consumer_number)
        document = service.challan_document(self.db, self.tokens, row)
        slip = service.challan_slip(row)
        content = challan_pdf.challan_pdf(slip, banks=service.collecting_banks(self.db),
                                          verify_url=documents.qr_url(self.public_url, document.document_id))
        return documents_pb2.PdfDocument(content=content, file_name=challan_pdf.file_name(slip),
                                         document_id=document.document_id)

    @rpc(public=True)  # the challan page and the prospectus name the banks that collect fees
    def ListBanks(self, request, context):
        return pb.ListBanksResponse(banks=[pb.Bank(mnemonic=m, name=n) for m, n in service.collecting_banks(self.db)])

    # -- treasury ------------------------------------------------------------------------------
    @rpc(staff=TREASURY)
    def ReconcileSettlement(self, request, context):
        row, refused = settlements.reconcile(self.db, bank_mnemonic=request.bank_mnemonic, content=request.content,
                                             file_name=request.file_name, by=ledger.actor())
        if row is None:
            return pb.SettlementReport(bank_mnemonic=request.bank_mnemonic, file_name=request.file_name, refused=[
                pb.RefusedRow(line=line, field=field, reason=reason) for line, field, reason in refused])
        return settlement_message(row)

    @rpc(staff=TREASURY)
    def ListSettlements(self, request, context):
        return pb.ListSettlementsResponse(settlements=[
            settlement_message(r) for r in settlements.list_settlements(self.db, request.bank_mnemonic)])

    @rpc(staff=TREASURY)
    def GetSettlement(self, request, context):
        return settlement_message(settlements.get_settlement(self.db, request.settlement_id))

    @rpc(staff=TREASURY)
    def ListUnmatched(self, request, context):
        return pb.ListUnmatchedResponse(payments=[
            unmatched_message(row, status) for row, status in settlements.list_unmatched(self.db, request.status)])

    @rpc(staff=TREASURY)
    def ResolveUnmatched(self, request, context):
        return unmatched_message(treasury.resolve_unmatched(self.db, request.id, request.action, request.reason))

    @rpc(staff=TREASURY)
    def ListRefundCases(self, request, context):
        found, rules = refunds.list_cases(self.db, request.status or refunds.OPEN)
        return pb.ListRefundCasesResponse(
            cases=[refund_case_message(case, rules, paid) for case, paid in found],
            rules=[pb.RefundRule(ground=r.ground, title=r.title, deduction_percent=r.deduction_percent,
                                 applies_from=r.applies_from.isoformat()) for r in rules])

    @rpc(staff=TREASURY)
    def DecideRefund(self, request, context):
        number = request_number(request.request_number)
        case = refunds.decide(self.db, number, approve=request.approve, consumer_number=request.consumer_number,
                              ground=request.ground, note=request.note)
        return refund_case_message(case, refunds.rules(self.db))

    @rpc(staff=AID_DEPARTMENTS)
    def ListAidCases(self, request, context):
        return pb.ListAidCasesResponse(cases=[aid_case_message(case, latest)
                                              for case, latest in aid.list_cases(self.db, request.status or aid.OPEN)])

    @rpc(staff=AID_DEPARTMENTS)
    def DecideAid(self, request, context):
        case = aid.decide(self.db, request_number(request.request_number), award=request.award,
                          amount_paisa=request.amount_paisa, note=request.note)
        return aid_case_message(case)

    @rpc(staff=TREASURY)
    def ListRecoveries(self, request, context):
        return pb.ListRecoveriesResponse(recoveries=[
            recovery_message(r) for r in recoveries.to_recover(self.db, recovered=request.recovered)])

    @rpc(staff=TREASURY)
    def MarkRecovered(self, request, context):
        return recovery_message(recoveries.mark_recovered(self.db, request_number(request.request_number),
                                                          request.note))

    @rpc(staff=TREASURY)
    def GetTreasuryFigures(self, request, context):
        first, last, collected = figures.collections(self.db, request.days or 30)
        return pb.TreasuryFigures(
            from_date=first.isoformat(), to_date=last.isoformat(),
            collections=[pb.DailyCollection(day=c.day.isoformat(), bank_mnemonic=c.bank_mnemonic,
                                            amount_paisa=c.amount_paisa, payments=c.payments) for c in collected],
            outstanding=[pb.ProgramDues(program_code=d.program_code, level=d.level, amount_paisa=d.amount_paisa,
                                        challans=d.challans) for d in figures.outstanding(self.db)])

    @rpc(staff=TREASURY)
    def CancelChallan(self, request, context):
        return challan_message(treasury.cancel_challan(self.db, request.consumer_number, request.reason))

    @rpc(staff=TREASURY)
    def SupersedeChallan(self, request, context):
        return challan_message(treasury.supersede_challan(self.db, self.config, request.consumer_number,
                                                          request.reason))

    @rpc(staff=TREASURY)
    def RecordManualPayment(self, request, context):
        return challan_message(treasury.record_manual_payment(
            self.db, request.consumer_number, amount_paisa=request.amount_paisa, paid_on=request.paid_on,
            reason=request.reason))

    @rpc(students=OWN, staff=TREASURY)  # not regional: finance cannot tell a student's centre
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

    @rpc(public=True)  # the fees in force today
    def GetFeeSchedule(self, request, context):
        return pb.GetFeeScheduleResponse(fees=[fee_message(f) for f in service.fee_schedule_rows(self.db)])

    @rpc(staff=TREASURY)  # every row: the past ones and those announced
    def ListFeeRows(self, request, context):
        return pb.GetFeeScheduleResponse(fees=[fee_message(f) for f in service.all_fee_rows(self.db)])

    @rpc(staff=TREASURY)
    def SetFee(self, request, context):
        return fee_message(fees.set_fee(
            self.db, fee_code=request.fee_code, level=request.level, title=request.title,
            amount_paisa=request.amount_paisa, late_fee_paisa=request.late_fee_paisa,
            double_after_days=request.double_after_days, applies_from=request.applies_from))

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
            # After the due date: what it asks for today (the late fee, or the double fee once due).
            amount_after_due_date_paisa=max(row.amount_after_due_paisa,
                                            service.state_of(row).asks(clock.karachi_today())),
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
