"""Notifications' event consumer (nameko, its own process): each event that concerns a
student writes her inbox and queues her email and text message; enrollment's events keep
what notifications knows of her (where to write, which announcements reach her).

Most events are also queued for the partner systems subscribed to them (webhooks).
Handlers only write this service's database (no gRPC under eventlet): the sender loop
finds addresses and sends, in the relay process.
"""
import functools

from campus.consumer import DatabaseDependency, handles
from cms.enrollment.v1 import events_pb2 as enrollment
from cms.exams.v1 import events_pb2 as exams
from cms.finance.v1 import events_pb2 as finance
from cms.requests.v1 import events_pb2 as requests
from cms.tracking.v1 import events_pb2 as tracking
from services.notifications import digest, domain, service, webhooks


def relays(source: str, event_type: str):
    """`handles`, and the event queued for the partner systems subscribed to it, in the
    same transaction (campus.consumer claims the event once)."""
    def decorate(method):
        @functools.wraps(method)
        def handle(self, uow, event):
            method(self, uow, event)
            webhooks.forward(uow, event)
        return handles(source, event_type)(handle)
    return decorate


class NotificationsConsumer:
    name = "notifications"
    db = DatabaseDependency()

    # -- who the students are ------------------------------------------------------------
    @relays("enrollment", "student_admitted")
    def on_student_admitted(self, uow, event):
        admitted = event.payload(enrollment.StudentAdmitted)
        service.remember_student(uow.session, admitted.registration_number, full_name=admitted.full_name,
                                 email=admitted.email, mobile=admitted.mobile, program_code=admitted.program_code,
                                 regional_centre=admitted.regional_centre, semester=admitted.admission_semester)

    @relays("enrollment", "personal_info_changed")
    def on_personal_info_changed(self, uow, event):
        changed = event.payload(enrollment.PersonalInfoChanged)
        service.remember_student(uow.session, changed.registration_number, full_name=changed.full_name,
                                 email=changed.email, mobile=changed.mobile)

    # -- what happened to her --------------------------------------------------------------
    @relays("enrollment", "registration_confirmed")
    def on_registration_confirmed(self, uow, event):
        confirmed = event.payload(enrollment.RegistrationConfirmed)
        service.remember_student(uow.session, confirmed.registration_number, semester=confirmed.semester,
                                 program_code=confirmed.program_code, regional_centre=confirmed.regional_centre)
        courses = ", ".join(course.code for course in confirmed.courses)
        service.notify_student(uow, event.event_id, "registration_confirmed", confirmed.registration_number,
                               {"semester": confirmed.semester, "courses": courses}, reference=confirmed.semester)

    @relays("enrollment", "tutor_allocated")
    def on_tutor_allocated(self, uow, event):
        allocated = event.payload(enrollment.TutorAllocated)
        service.notify_student(uow, event.event_id, "tutor_allocated", allocated.registration_number,
                               {"semester": allocated.semester, "course_code": allocated.course_code,
                                "tutor_name": allocated.tutor_name}, reference=allocated.course_code)

    @relays("exams", "result_published")
    def on_result_published(self, uow, event):
        published = event.payload(exams.ResultPublished)
        service.notify_student(uow, event.event_id, "result_published", published.registration_number,
                               {"semester": published.semester}, reference=published.semester)

    @relays("exams", "slip_issued")
    def on_slip_issued(self, uow, event):
        slip = event.payload(exams.SlipIssued)
        service.notify_student(uow, event.event_id, "slip_issued", slip.registration_number,
                               {"semester": slip.semester, "roll_number": slip.roll_number},
                               reference=slip.roll_number)

    @relays("finance", "challan_issued")
    def on_challan_issued(self, uow, event):
        issued = event.payload(finance.ChallanIssued)
        service.notify_student(uow, event.event_id, "challan_issued", issued.registration_number,
                               {"consumer_number": issued.consumer_number, "amount": domain.amount(issued.amount_paisa),
                                "due_date": issued.due_date}, reference=issued.consumer_number)

    @relays("finance", "challan_paid")
    def on_challan_paid(self, uow, event):
        paid = event.payload(finance.ChallanPaid)
        service.notify_student(uow, event.event_id, "challan_paid", paid.registration_number,
                               {"consumer_number": paid.consumer_number, "amount": domain.amount(paid.amount_paisa),
                                "bank": paid.bank_mnemonic}, reference=paid.consumer_number)

    @relays("requests", "request_submitted")
    def on_request_submitted(self, uow, event):
        submitted = event.payload(requests.RequestSubmitted)
        service.notify_student(uow, event.event_id, "request_submitted", submitted.registration_number,
                               {"request_number": submitted.request_number,
                                "subtype": domain.subtype_title(submitted.subtype),
                                **domain.request_status(submitted.status)}, reference=submitted.request_number)

    @relays("requests", "request_status_changed")
    def on_request_status_changed(self, uow, event):
        changed = event.payload(requests.RequestStatusChanged)
        service.notify_student(uow, event.event_id, "request_status_changed", changed.registration_number,
                               {"request_number": changed.request_number, **domain.request_status(changed.to_status),
                                **domain.status_note(changed.to_status, changed.note)},
                               reference=changed.request_number)

    @relays("tracking", "degree_status_changed")
    def on_degree_status_changed(self, uow, event):
        changed = event.payload(tracking.DegreeStatusChanged)
        service.notify_student(uow, event.event_id, "degree_status_changed", changed.registration_number,
                               {"tracking_id": changed.tracking_id, "kind": changed.kind,
                                **domain.stage("rejected" if changed.rejected else changed.stage)},
                               reference=changed.tracking_id)

    @relays("tracking", "parcel_status_changed")
    def on_parcel_status_changed(self, uow, event):
        changed = event.payload(tracking.ParcelStatusChanged)
        service.notify_student(uow, event.event_id, "parcel_status_changed", changed.registration_number,
                               {"semester": changed.semester, "registry_number": changed.registry_number,
                                **domain.parcel_status(changed.status)},
                               reference=f"{changed.registry_number} {changed.semester}")

    # -- people known only by an address; department heads ---------------------------------
    @handles("requests", "complaint_filed")
    def on_complaint_filed(self, uow, event):
        filed = event.payload(requests.ComplaintFiled)
        service.notify_address(uow, event.event_id, "complaint_filed",
                               {"complaint_number": filed.complaint_number, "name": filed.name},
                               email=filed.email, mobile=filed.mobile, reference=filed.complaint_number)

    @handles("requests", "complaint_answered")
    def on_complaint_answered(self, uow, event):
        answered = event.payload(requests.ComplaintAnswered)
        service.notify_address(uow, event.event_id, "complaint_answered",
                               {"complaint_number": answered.complaint_number, "name": answered.name,
                                "answer": answered.answer[:1000]},
                               email=answered.email, mobile=answered.mobile, reference=answered.complaint_number)

    @handles("requests", "request_escalated")
    def on_request_escalated(self, uow, event):
        digest.record_escalation(uow.session, event.payload(requests.RequestEscalated))
