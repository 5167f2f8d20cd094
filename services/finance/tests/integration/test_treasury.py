"""Treasury's tools against real PostgreSQL over gRPC: the printed challan and its QR code,
settlement files reconciled, the unmatched queue, cancelling a challan, a counter payment."""
import io

import pypdf
import pytest
import sqlalchemy as sa

from campus import clock, documents
from campus.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from cms.documents.v1 import documents_pb2 as docs
from cms.finance.v1 import finance_pb2 as pb
from services.finance import service
from services.finance.models import unmatched_payments
from services.finance.tests.integration.test_bank_collection import issue, outbox_events, pay
from services.finance.tests.integration.test_reversal import reverse


@pytest.fixture
def treasury(users):
    return users.staff("treasury.officer", "treasury")


def text_of(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


# -- the printed challan ------------------------------------------------------------------------
def test_her_challan_prints_as_three_copies_with_a_qr_code_that_verifies(as_requests, as_gateway, users, runtime):
    challan = issue(as_requests, regno="23F-720001")
    pdf = as_gateway.call("finance", "GetChallanPdf", pb.GetChallanRequest(consumer_number=challan.consumer_number),
                          caller=users.student("23F-720001"))
    text = text_of(pdf.content)
    assert len(pypdf.PdfReader(io.BytesIO(pdf.content)).pages) == 1
    for copy in ("Bank Copy", "University Copy", "Student Copy"):
        assert copy in text
    assert text.count(challan.consumer_number) >= 3
    assert "Allied Bank Limited (ABL)" in text and "Habib Bank Limited (HBL)" in text
    assert pdf.file_name == f"challan-{challan.consumer_number}.pdf"
    read = documents.read(pdf.document_id, runtime.service_tokens.keys)
    assert dict(read.facts)["consumer_number"] == challan.consumer_number
    status = as_gateway.call("finance", "VerifyDocument", docs.VerifyDocumentRequest(document_id=pdf.document_id))
    assert status.status == "genuine"
    again = as_gateway.call("finance", "GetChallanPdf", pb.GetChallanRequest(
        consumer_number=challan.consumer_number), caller=users.student("23F-720001"))
    assert again.document_id == pdf.document_id  # printed twice: one document


def test_another_students_challan_does_not_exist_for_her(as_requests, as_gateway, users, treasury):
    challan = issue(as_requests, regno="23F-720002")
    with pytest.raises(NotFound):
        as_gateway.call("finance", "GetChallanPdf", pb.GetChallanRequest(consumer_number=challan.consumer_number),
                        caller=users.student("23F-720009"))
    assert as_gateway.call("finance", "GetChallanPdf", pb.GetChallanRequest(
        consumer_number=challan.consumer_number), caller=treasury).content.startswith(b"%PDF")


# -- cancelling, a counter payment ----------------------------------------------------------------
def test_a_cancelled_challan_is_blocked_its_charge_cancelled_and_its_print_revoked(
        as_requests, as_gateway, users, treasury):
    challan = issue(as_requests, regno="23F-720003")
    printed = as_gateway.call("finance", "GetChallanPdf", pb.GetChallanRequest(
        consumer_number=challan.consumer_number), caller=users.student("23F-720003"))
    with pytest.raises(InvalidArgument) as why:
        as_gateway.call("finance", "CancelChallan", pb.CancelChallanRequest(
            consumer_number=challan.consumer_number, reason=""), caller=treasury)
    assert why.value.field == "reason"
    with pytest.raises(PermissionDenied):
        as_gateway.call("finance", "CancelChallan", pb.CancelChallanRequest(
            consumer_number=challan.consumer_number, reason="issued twice"), caller=users.student("23F-720003"))
    for _ in range(2):  # cancelling again answers the same
        cancelled = as_gateway.call("finance", "CancelChallan", pb.CancelChallanRequest(
            consumer_number=challan.consumer_number, reason="issued twice by mistake"), caller=treasury)
        assert (cancelled.status, cancelled.closed_reason) == ("blocked", "cancelled: issued twice by mistake")
    inquiry = as_gateway.call("finance", "BillInquiry", pb.BillInquiryRequest(
        consumer_number=challan.consumer_number, bank_mnemonic="ABL"), caller=users.bank("ABL"))
    assert (inquiry.response_code, inquiry.bill_status) == ("02", "B")
    assert pay(as_gateway, users, challan, key="TC0001").response_code == "02"
    ledger = as_gateway.call("finance", "GetStudentAccount", pb.GetStudentAccountRequest(
        registration_number="23F-720003"), caller=treasury).ledger
    assert [(e.kind, e.balance_paisa) for e in ledger] == [("charge", 200000), ("cancellation", 0)]
    assert ledger[-1].posted_by == "staff:treasury.officer@treasury via gateway"
    status = as_gateway.call("finance", "VerifyDocument", docs.VerifyDocumentRequest(document_id=printed.document_id))
    assert status.status == "revoked"


def test_treasury_records_a_counter_payment_once_with_its_reason(as_requests, as_gateway, users, treasury, runtime):
    challan = issue(as_requests, regno="23F-720004")
    request = pb.ManualPaymentRequest(consumer_number=challan.consumer_number, amount_paisa=challan.amount_paisa,
                                      paid_on=clock.karachi_today().isoformat(), reason="paid at the counter, R-1234")
    with pytest.raises(InvalidArgument) as wrong:
        as_gateway.call("finance", "RecordManualPayment", pb.ManualPaymentRequest(
            consumer_number=challan.consumer_number, amount_paisa=1, paid_on=request.paid_on, reason=request.reason),
            caller=treasury)
    assert wrong.value.field == "amount"
    first = as_gateway.call("finance", "RecordManualPayment", request, caller=treasury)
    again = as_gateway.call("finance", "RecordManualPayment", request, caller=treasury)
    assert (first.status, first.bank_mnemonic) == (again.status, again.bank_mnemonic) == ("paid", "TRSY")
    paid = [e for e in outbox_events(runtime, "challan_paid")
            if e["data"]["consumer_number"] == challan.consumer_number]
    assert len(paid) == 1
    payment = service.ledger_of(runtime.db, "23F-720004")[-1]
    assert (payment.kind, payment.balance_paisa) == ("payment", 0)
    assert payment.posted_by.startswith("staff:treasury.officer@treasury")


# -- settlements --------------------------------------------------------------------------------
def settlement(*rows) -> bytes:
    return ("tran_date,tran_auth_id,consumer_number,amount\n" + "".join(f"{r}\n" for r in rows)).encode()


def reconcile(as_gateway, treasury, content, bank="ABL"):
    return as_gateway.call("finance", "ReconcileSettlement", pb.ReconcileSettlementRequest(
        bank_mnemonic=bank, content=content, file_name="abl.csv"), caller=treasury)


def test_a_settlement_is_matched_row_by_row_and_the_same_file_answers_the_same_report(
        as_requests, as_gateway, users, treasury, runtime):
    today = clock.karachi_today().strftime("%Y%m%d")
    matched, differs, missing, reversed_, unheard = (issue(as_requests, regno="23F-720005") for _ in range(5))
    for challan, key in ((matched, "ST0001"), (differs, "ST0002"), (missing, "ST0003"), (reversed_, "ST0004")):
        assert pay(as_gateway, users, challan, key=key, bank="ABL").response_code == "00"
    assert reverse(as_gateway, users, reversed_, key="ST0004").response_code == "00"
    content = settlement(f"{today},ST0001,{matched.consumer_number},2000.00",
                         f"{today},ST0002,{differs.consumer_number},1999.00",
                         f"{today},ST0004,{reversed_.consumer_number},2000.00",
                         f"{today},ST0005,{unheard.consumer_number},2000.00",
                         f"{today},ST0006,100719999999999999,500.00")
    report = reconcile(as_gateway, treasury, content)
    assert report.matched == 1 and not report.refused
    assert {(x.tran_auth_id, x.amount_paisa) for x in report.unrecorded} == {("ST0005", 200000), ("ST0006", 50000)}
    assert {x.tran_auth_id for x in report.missing} >= {"ST0003"}
    assert {(x.tran_auth_id, x.recorded_amount_paisa) for x in report.mismatched} == {
        ("ST0002", 200000), ("ST0004", 200000)}
    again = reconcile(as_gateway, treasury, content)
    assert again.settlement_id == report.settlement_id
    queue = as_gateway.call("finance", "ListUnmatched", pb.ListUnmatchedRequest(status="open"), caller=treasury)
    mine = {p.tran_auth_id: p for p in queue.payments if p.tran_auth_id in ("ST0005", "ST0006")}
    assert set(mine) == {"ST0005", "ST0006"}
    assert (mine["ST0005"].challan_status, mine["ST0006"].challan_status) == ("unpaid", "")
    # A later file repeating an unrecorded payment does not queue it twice.
    reconcile(as_gateway, treasury, settlement(f"{today},ST0005,{unheard.consumer_number},2000.00"))
    with runtime.db.sessions() as s:
        assert s.execute(sa.select(sa.func.count()).select_from(unmatched_payments).where(
            unmatched_payments.c.tran_auth_id == "ST0005")).scalar() == 1

    # Treasury posts the money the bank took to its challan, once; the unknown number is refunded.
    post = pb.ResolveUnmatchedRequest(id=mine["ST0005"].id, action="post", reason="ABL settlement of today")
    assert as_gateway.call("finance", "ResolveUnmatched", post, caller=treasury).status == "posted"
    assert as_gateway.call("finance", "ResolveUnmatched", post, caller=treasury).status == "posted"
    assert service.get_challan(runtime.db, unheard.consumer_number).status == "paid"
    assert len([e for e in outbox_events(runtime, "challan_paid")
                if e["data"]["consumer_number"] == unheard.consumer_number]) == 1
    with pytest.raises(FailedPrecondition):
        as_gateway.call("finance", "ResolveUnmatched", pb.ResolveUnmatchedRequest(
            id=mine["ST0006"].id, action="post", reason="try it"), caller=treasury)
    refunded = as_gateway.call("finance", "ResolveUnmatched", pb.ResolveUnmatchedRequest(
        id=mine["ST0006"].id, action="refund", reason="no such challan: returned to the payer"), caller=treasury)
    assert refunded.status == "refunded" and refunded.resolved_by.startswith("staff:treasury.officer")


def test_a_file_with_a_bad_row_is_refused_whole_with_every_bad_row(as_gateway, treasury, runtime):
    content = settlement("20261206,SB0001,100710000000000017,2000.00", "2026-13-01,SB0002,1007,12",
                         "20261206,SB0003,abc,2000.00", "20261206,SB0001,100710000000000017,10.00",
                         "20261206,SB0004,100710000000000017,2,000.00")
    report = reconcile(as_gateway, treasury, content)
    assert [(r.line, r.field) for r in report.refused] == [(3, "tran_date"), (4, "consumer_number"),
                                                           (5, "tran_auth_id"), (6, "file")]
    assert report.settlement_id == 0
    with runtime.db.sessions() as s:
        assert s.execute(sa.select(sa.func.count()).select_from(unmatched_payments).where(
            unmatched_payments.c.tran_auth_id == "SB0001")).scalar() == 0
    for bad, field in ((b"a,b\n1,2\n", "file"), (b"\xff\xfe", "file")):
        with pytest.raises(InvalidArgument) as refused:
            reconcile(as_gateway, treasury, bad)
        assert refused.value.field == field
    with pytest.raises(InvalidArgument) as unknown:
        reconcile(as_gateway, treasury, content, bank="XYZ")
    assert unknown.value.field == "bank_mnemonic"


# -- figures --------------------------------------------------------------------------------------
def test_treasury_sees_each_banks_collections_by_day_and_the_dues_by_programme(
        as_requests, as_gateway, users, treasury):
    def issue_for(program):
        return as_requests.call("finance", "IssueChallan", pb.IssueChallanRequest(
            registration_number="23F-720010", fee_code="course_change", level="bed", program_code=program,
            reference=f"FIG-{program}-{clock.utcnow().timestamp()}", description="Course change"))

    def figures():
        answer = as_gateway.call("finance", "GetTreasuryFigures", pb.GetTreasuryFiguresRequest(days=7),
                                 caller=treasury)
        today = clock.karachi_today().isoformat()
        by_bank = {c.bank_mnemonic: (c.amount_paisa, c.payments) for c in answer.collections if c.day == today}
        dues = {(d.program_code, d.level): (d.amount_paisa, d.challans) for d in answer.outstanding}
        return by_bank, dues

    before_banks, before_dues = figures()
    paid_abl, paid_hbl, reversed_ = issue_for("FIG01"), issue_for("FIG01"), issue_for("FIG01")
    issue_for("FIG02"), issue_for("FIG02")  # unpaid
    assert pay(as_gateway, users, paid_abl, key="FG0001", bank="ABL").response_code == "00"
    assert pay(as_gateway, users, paid_hbl, key="FG0002", bank="HBL").response_code == "00"
    assert pay(as_gateway, users, reversed_, key="FG0003", bank="ABL").response_code == "00"
    assert reverse(as_gateway, users, reversed_, key="FG0003").response_code == "00"
    after_banks, after_dues = figures()
    for bank in ("ABL", "HBL"):
        amount, count = after_banks[bank]
        was = before_banks.get(bank, (0, 0))
        assert (amount - was[0], count - was[1]) == (50000, 1)  # the reversed payment is not a collection
    assert after_dues[("FIG02", "bed")] == (100000, 2)
    assert after_dues[("FIG01", "bed")] == (50000, 1)  # the reversed one is unpaid again
    assert ("FIG02", "bed") not in before_dues
    with pytest.raises(InvalidArgument) as too_long:
        as_gateway.call("finance", "GetTreasuryFigures", pb.GetTreasuryFiguresRequest(days=400), caller=treasury)
    assert too_long.value.field == "days"
    with pytest.raises(PermissionDenied):
        as_gateway.call("finance", "GetTreasuryFigures", pb.GetTreasuryFiguresRequest(days=7),
                        caller=users.staff("exams.officer", "examinations"))


def test_treasury_issues_a_challan_by_hand_under_its_own_references(as_gateway, users, treasury):
    request = pb.IssueChallanRequest(registration_number="23F-720020", fee_code="degree_duplicate", level="bed",
                                     reference="TRS-0123456789abcdef0123", description="Duplicate degree")
    first = as_gateway.call("finance", "IssueChallan", request, caller=treasury)
    assert as_gateway.call("finance", "IssueChallan", request, caller=treasury).consumer_number == \
        first.consumer_number  # the same reference: one challan
    assert first.amount_paisa == 200000
    request.reference = "SR-2026-123456"  # a request's: not treasury's to issue
    with pytest.raises(InvalidArgument) as refused:
        as_gateway.call("finance", "IssueChallan", request, caller=treasury)
    assert refused.value.field == "reference"
    with pytest.raises(PermissionDenied):
        as_gateway.call("finance", "IssueChallan", request, caller=users.staff("exams.officer", "examinations"))


def test_a_superseded_challan_gives_its_reference_to_a_fresh_one_once(
        as_requests, as_gateway, users, treasury, runtime):
    old = issue(as_requests, regno="23F-720030")
    request = pb.SupersedeChallanRequest(consumer_number=old.consumer_number, reason="lost; a new due date")
    new = as_gateway.call("finance", "SupersedeChallan", request, caller=treasury)
    assert as_gateway.call("finance", "SupersedeChallan", request, caller=treasury).consumer_number == \
        new.consumer_number  # again: the one that replaced it
    assert (new.reference, new.amount_paisa, new.status) == (old.reference, old.amount_paisa, "unpaid")
    assert new.consumer_number != old.consumer_number
    before = service.get_challan(runtime.db, old.consumer_number)
    assert (before.status, before.superseded_by) == ("blocked", new.consumer_number)
    assert before.closed_reason.startswith(f"superseded by {new.consumer_number}")
    assert pay(as_gateway, users, old, key="SU0001").response_code == "02"  # the old one is blocked
    assert pay(as_gateway, users, new, key="SU0002").response_code == "00"
    ledger = service.ledger_of(runtime.db, "23F-720030")
    assert [(e.kind, e.consumer_number) for e in ledger] == [
        ("charge", old.consumer_number), ("cancellation", old.consumer_number),
        ("charge", new.consumer_number), ("payment", new.consumer_number)]
    assert ledger[-1].balance_paisa == 0
    moved = [e["data"] for e in outbox_events(runtime, "challan_superseded")
             if e["data"]["old_consumer_number"] == old.consumer_number]
    assert [(m["new_consumer_number"], m["reference"]) for m in moved] == [(new.consumer_number, old.reference)]
    paid = [e["data"] for e in outbox_events(runtime, "challan_paid")
            if e["data"]["consumer_number"] == new.consumer_number]
    assert [p["reference"] for p in paid] == [old.reference]  # what the request waits on follows it
    with pytest.raises(FailedPrecondition):
        as_gateway.call("finance", "SupersedeChallan", pb.SupersedeChallanRequest(
            consumer_number=new.consumer_number, reason="paid already"), caller=treasury)
