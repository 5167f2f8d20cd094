"""Events finance acts on. Runs under eventlet: no gRPC here."""
from campus.consumer import DatabaseDependency, handles
from cms.requests.v1.events_pb2 import PaymentReversedAfterDecision, RequestSubmitted
from services.finance import aid, recoveries, refunds


class FinanceConsumer:
    name = "finance"
    db = DatabaseDependency()

    @handles("requests", "request_submitted")
    def on_request_submitted(self, uow, event):
        submitted = event.payload(RequestSubmitted)
        refunds.open_case(uow, submitted) or aid.open_case(uow, submitted)

    @handles("requests", "payment_reversed_after_decision")
    def on_payment_reversed_after_decision(self, uow, event):
        recoveries.tell_treasury(uow, event.payload(PaymentReversedAfterDecision))
