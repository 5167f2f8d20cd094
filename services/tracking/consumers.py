"""Tracking's event consumer (nameko, its own process): a paid degree request opens an application."""
from campus.consumer import DatabaseDependency, handles
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
