"""Tracking's event consumer (nameko, its own process): a paid degree request opens an
application; a roll number slip tells which student a roll number belongs to, and a
semester fee challan which admission challan; a corrected postal address sends her
returned books again."""
from campus.consumer import DatabaseDependency, handles
from cms.enrollment.v1.events_pb2 import PersonalInfoChanged
from cms.exams.v1.events_pb2 import SlipIssued
from cms.finance.v1.events_pb2 import ChallanIssued
from cms.requests.v1.events_pb2 import DegreeApplicationFiled
from services.tracking import books, service


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

    @handles("finance", "challan_issued")
    def on_challan_issued(self, uow, event):
        issued = event.payload(ChallanIssued)
        if issued.fee_code == books.SEMESTER_FEE:
            books.remember_admission_challan(uow, issued.consumer_number, issued.registration_number)

    @handles("enrollment", "personal_info_changed")
    def on_personal_info_changed(self, uow, event):
        changed = event.payload(PersonalInfoChanged)
        if "postal_address" in changed.fields:
            books.address_corrected(uow, changed.registration_number)
