"""Events enrollment acts on. Runs under eventlet: no gRPC here."""
from campus.consumer import DatabaseDependency, handles
from cms.finance.v1.events_pb2 import ChallanIssued, ChallanPaid, ChallanPaymentReversed, ChallanSuperseded
from cms.requests.v1.events_pb2 import CorrectionApproved
from cms.tracking.v1.events_pb2 import DegreeStatusChanged
from services.enrollment import corrections, holds, registration


class EnrollmentConsumer:
    name = "enrollment"
    db = DatabaseDependency()

    @handles("finance", "challan_paid")
    def on_challan_paid(self, uow, event):
        paid = event.payload(ChallanPaid)
        holds.due_paid(uow, paid.consumer_number)
        registration.confirm(uow, paid.reference, paid.consumer_number, paid.paid_at)

    @handles("finance", "challan_payment_reversed")
    def on_challan_payment_reversed(self, uow, event):
        reversed_ = event.payload(ChallanPaymentReversed)
        holds.due_reversed(uow, reversed_.consumer_number)
        registration.payment_reversed(uow, reversed_.reference, reversed_.consumer_number)

    @handles("finance", "challan_superseded")
    def on_challan_superseded(self, uow, event):
        superseded = event.payload(ChallanSuperseded)
        holds.due_replaced(uow, superseded.old_consumer_number, superseded.new_consumer_number, superseded.due_date)
        registration.challan_replaced(uow, superseded.old_consumer_number, superseded.new_consumer_number,
                                      superseded.due_date)

    @handles("finance", "challan_issued")
    def on_challan_issued(self, uow, event):
        issued = event.payload(ChallanIssued)
        holds.due_issued(uow, consumer_number=issued.consumer_number, registration_number=issued.registration_number,
                         fee_code=issued.fee_code, reference=issued.reference, amount_paisa=issued.amount_paisa,
                         due_date=issued.due_date)

    @handles("tracking", "degree_status_changed")
    def on_degree_status_changed(self, uow, event):
        changed = event.payload(DegreeStatusChanged)
        # A rejected application's objection is closed too (she files again): the hold goes.
        holds.degree_stage(uow, registration_number=changed.registration_number, tracking_id=changed.tracking_id,
                           stage="rejected" if changed.rejected else changed.stage, source="tracking")

    @handles("requests", "correction_approved")
    def on_correction_approved(self, uow, event):
        approved = event.payload(CorrectionApproved)
        corrections.apply(uow, approved.registration_number, {c.field: c.new_value for c in approved.changes},
                          changed_by=approved.approved_by or "requests", source=approved.request_number)
