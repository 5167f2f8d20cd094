"""Events requests acts on. Runs under eventlet: no gRPC here."""
from campus.consumer import DatabaseDependency, handles
from cms.exams.v1.events_pb2 import ExamCaseDecided
from cms.finance.v1.events_pb2 import (
    ChallanClosed,
    ChallanPaid,
    ChallanPaymentReversed,
    ChallanSuperseded,
    FinanceCaseDecided,
)
from services.requests import service


class RequestsConsumer:
    name = "requests"
    db = DatabaseDependency()

    @handles("finance", "challan_paid")
    def on_challan_paid(self, uow, event):
        paid = event.payload(ChallanPaid)
        service.mark_paid(uow, paid.reference, paid.consumer_number, paid.amount_paisa, paid.paid_at)

    @handles("finance", "challan_payment_reversed")
    def on_challan_payment_reversed(self, uow, event):
        reversed_ = event.payload(ChallanPaymentReversed)
        service.payment_reversed(uow, reversed_.reference, reversed_.consumer_number, reversed_.bank_mnemonic)

    @handles("finance", "challan_superseded")
    def on_challan_superseded(self, uow, event):
        superseded = event.payload(ChallanSuperseded)
        service.challan_replaced(uow, superseded.reference, superseded.old_consumer_number,
                                 superseded.new_consumer_number, superseded.amount_paisa, superseded.due_date)

    @handles("finance", "challan_closed")
    def on_challan_closed(self, uow, event):
        closed = event.payload(ChallanClosed)
        service.challan_closed(uow, closed.reference, closed.consumer_number, closed.why, closed.note)

    @handles("finance", "finance_case_decided")
    def on_finance_case_decided(self, uow, event):
        decided = event.payload(FinanceCaseDecided)
        service.conclude(uow, decided.request_number, decided.outcome, decided.note, decided.decided_by)

    @handles("exams", "exam_case_decided")
    def on_exam_case_decided(self, uow, event):
        decided = event.payload(ExamCaseDecided)
        service.conclude(uow, decided.request_number, decided.outcome, decided.note, decided.decided_by)
