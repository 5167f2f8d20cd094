"""Events exams acts on. Runs under eventlet: no gRPC here."""
from campus.consumer import DatabaseDependency, handles
from cms.enrollment.v1.events_pb2 import RegistrationConfirmed
from services.exams import slips


class ExamsConsumer:
    name = "exams"
    db = DatabaseDependency()

    @handles("enrollment", "registration_confirmed")
    def on_registration_confirmed(self, uow, event):
        slips.allocate(uow, event.payload(RegistrationConfirmed))
