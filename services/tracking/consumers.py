"""Tracking's event consumer (nameko, its own process): a paid degree request opens an
application; a roll number slip tells which student a roll number belongs to."""
from campus.consumer import DatabaseDependency, handles
from cms.exams.v1.events_pb2 import SlipIssued
from cms.requests.v1.events_pb2 import DegreeApplicationFiled
from services.tracking import service


class TrackingConsumer:
    name = "tracking"
    db = DatabaseDependency()

    @handles("requests", "degree_application_filed")
    def on_degree_application_filed(self, uow, event):
        # Idempotent twice over: by event (handles) and by request number (a request
        # re-filed under a new event still has one application).
        service.open_application(uow, event.payload(DegreeApplicationFiled))

    @handles("exams", "slip_issued")
    def on_slip_issued(self, uow, event):
        slip = event.payload(SlipIssued)
        service.remember_roll_number(uow, slip.roll_number, slip.registration_number)
