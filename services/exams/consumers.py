"""Events exams acts on. Runs under eventlet: no gRPC here."""
from campus.consumer import DatabaseDependency, handles
from cms.enrollment.v1.events_pb2 import RegistrationConfirmed
from cms.requests.v1.events_pb2 import RequestPaid
from services.exams import cases, slips


class ExamsConsumer:
    name = "exams"
    db = DatabaseDependency()

    @handles("enrollment", "registration_confirmed")
    def on_registration_confirmed(self, uow, event):
        slips.allocate(uow, event.payload(RegistrationConfirmed))

    @handles("requests", "request_paid")
    def on_request_paid(self, uow, event):
        cases.open_case(uow, event.payload(RequestPaid))
