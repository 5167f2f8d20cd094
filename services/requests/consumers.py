"""Events requests acts on. Runs under eventlet: no gRPC here."""
from campus.consumer import DatabaseDependency, handles
from cms.finance.v1.events_pb2 import ChallanPaid
from services.requests import service


class RequestsConsumer:
    name = "requests"
    db = DatabaseDependency()

    @handles("finance", "challan_paid")
    def on_challan_paid(self, uow, event):
        paid = event.payload(ChallanPaid)
        service.mark_paid(uow, paid.reference, paid.consumer_number, paid.amount_paisa, paid.paid_at)
