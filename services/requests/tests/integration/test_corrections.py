"""A correction in personal information: filed with each field's current and new value,
decided field by field by admissions, the approved ones told to enrollment
(correction_approved). Real PostgreSQL, real gRPC; enrollment a double that says her record."""
import pytest

from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from campus.tests import hostile_files
from cms.requests.v1 import requests_pb2 as pb
from services.finance.tests.integration.test_bank_collection import outbox_events
from services.requests.tests.integration.test_filing import AYESHA, file

pytestmark = pytest.mark.integration
CORRECTION = "personal_info_correction"


def admissions(users):
    return users.staff("admissions.officer", "admissions")


def decide(gateway, number, who, *decisions):
    return gateway.call("requests", "DecideCorrection", pb.DecideCorrectionRequest(
        request_number=number, decisions=[pb.FieldDecision(field=f, approve=a, reason=r) for f, a, r in decisions]),
        caller=who)


def test_a_correction_keeps_each_fields_old_and_new_value(gateway, users):
    filed = file(gateway, users, category=CORRECTION, subtype="name_correction", details="Spelling",
                 changes={"full_name": "Aisha Siddiqui", "mobile": "0333-1234567"})
    assert filed.status == "submitted"
    assert [(f.field, f.current_value, f.new_value, f.decision) for f in filed.corrections] == [
        ("full_name", "Ayesha Siddiqui", "Aisha Siddiqui", "pending"),
        ("mobile", "+923001234567", "03331234567", "pending")]  # the new value as the record keeps it


@pytest.mark.parametrize(("subtype", "changes", "field"), [
    ("name_correction", {}, "changes"),                                   # nothing to correct
    ("name_correction", {"mobile": "03331234567"}, "changes"),           # not the subtype's own field
    ("cnic_correction", {"cnic": "12345"}, "cnic"),                       # not a CNIC
    ("date_of_birth_correction", {"date_of_birth": "2030-01-01"}, "date_of_birth"),
    ("email_change", {"email": "student@example.pk"}, "email"),           # what the record already says
    ("name_correction", {"full_name": "Ali\u202eKhan"}, "full_name"),     # invisible reordering
])
def test_a_correction_is_refused_naming_the_field(gateway, users, subtype, changes, field):
    with pytest.raises(InvalidArgument) as refused:
        file(gateway, users, category=CORRECTION, subtype=subtype, details="x", changes=changes)
    assert refused.value.field == field


def test_only_a_correction_takes_changes(gateway, users):
    with pytest.raises(InvalidArgument) as refused:
        file(gateway, users, category="general_query", subtype="general_query", details="x",
             changes={"mobile": "03331234567"})
    assert refused.value.field == "changes"


def test_admissions_decide_each_field_and_the_approved_go_to_enrollment(gateway, users, requests_runtime):
    filed = file(gateway, users, category=CORRECTION, subtype="name_correction", details="Spelling",
                 changes={"full_name": "Aisha Siddiqui", "postal_address": "House 7, Street 9, F-8/2, Islamabad"})
    number = filed.request_number
    with pytest.raises(FailedPrecondition) as generic:  # not by the general decision
        gateway.call("requests", "DecideRequest", pb.DecideRequestRequest(
            request_number=number, decision="approve"), caller=admissions(users))
    assert generic.value.reason == "DECIDED_BY_FIELD"
    with pytest.raises(NotFound):
        decide(gateway, number, users.staff("exams.officer", "examinations"), ("full_name", True, ""))
    with pytest.raises(InvalidArgument) as partial:
        decide(gateway, number, admissions(users), ("full_name", True, ""))
    assert partial.value.field == "decisions"
    with pytest.raises(InvalidArgument) as unexplained:
        decide(gateway, number, admissions(users), ("full_name", False, ""), ("postal_address", True, ""))
    assert unexplained.value.field == "reason"
    with pytest.raises(FailedPrecondition) as unproven:  # a name is corrected only on a document
        decide(gateway, number, admissions(users), ("full_name", True, ""), ("postal_address", True, ""))
    assert unproven.value.reason == "NO_EVIDENCE"

    gateway.call("requests", "AddAttachment", pb.AddAttachmentRequest(
        request_number=number, filename="matric certificate.pdf", content=hostile_files.good_pdf()),
        caller=users.student(AYESHA))
    decided = decide(gateway, number, admissions(users), ("full_name", True, ""),
                     ("postal_address", False, "Send a utility bill of the new address"))
    assert decided.status == "resolved"
    assert [(f.field, f.decision, f.reason) for f in decided.corrections] == [
        ("full_name", "approved", ""), ("postal_address", "rejected", "Send a utility bill of the new address")]
    assert decided.history[-1].note == ("corrected: full_name; not corrected: postal_address (Send a utility bill "
                                        "of the new address)")
    told = [e["data"] for e in outbox_events(requests_runtime, "correction_approved")
            if e["data"]["request_number"] == number]
    assert [(c["field"], c["new_value"]) for t in told for c in t["changes"]] == [("full_name", "Aisha Siddiqui")]
    assert told[0]["approved_by"] == "admissions.officer"
    with pytest.raises(FailedPrecondition):  # decided once
        decide(gateway, number, admissions(users), ("full_name", True, ""))


def test_a_correction_with_nothing_approved_is_rejected_and_tells_enrollment_nothing(gateway, users,
                                                                                   requests_runtime):
    filed = file(gateway, users, category=CORRECTION, subtype="mobile_number_change", details="New SIM",
                 changes={"mobile": "03001112223"})
    decided = decide(gateway, filed.request_number, admissions(users), ("mobile", False, "Call us from it first"))
    assert decided.status == "rejected"
    assert not [e for e in outbox_events(requests_runtime, "correction_approved")
                if e["data"]["request_number"] == filed.request_number]


def test_a_correction_filed_before_fields_were_kept_is_decided_as_a_whole(gateway, users, requests_runtime):
    import sqlalchemy as sa

    from services.requests.models import correction_fields, service_requests
    filed = file(gateway, users, category=CORRECTION, subtype="address_change", details="Old style",
                 changes={"postal_address": "House 9, Street 1, I-8/3, Islamabad"})
    with requests_runtime.db.unit_of_work() as uow:  # as a request of before migration 0006
        request_id = uow.session.execute(sa.select(service_requests.c.id).where(
            service_requests.c.request_number == filed.request_number)).scalar()
        uow.session.execute(sa.delete(correction_fields).where(correction_fields.c.request_id == request_id))
        uow.commit()
    decided = gateway.call("requests", "DecideRequest", pb.DecideRequestRequest(
        request_number=filed.request_number, decision="approve", reason="Updated by hand"), caller=admissions(users))
    assert decided.status == "resolved"
