"""Finance over HTTP: a student's printable challan, the banks that collect fees, and
treasury's tools (a student's ledger, a challan, cancelling one, a counter payment, the
banks' settlement files and the unmatched queue).

The finance calls behind each are functions of their own, shared by the JSON API here and
the portal's pages (gateway.portal.finance), so both make the same calls."""
from __future__ import annotations

import csv
import hashlib
import io
import re
import uuid

from flask import Blueprint, Response

from campus import auth, identifiers
from cms.finance.v1 import finance_pb2 as pb
from gateway import schemas
from gateway.blueprints.examinations import pdf_response
from gateway.blueprints.records import safe_file_name
from gateway.blueprints.staff import TOOLS
from gateway.context import current
from gateway.openapi import BEARER, SIGNED_IN, WITH_BODY, answers, api, takes_files
from gateway.problems import Problem, refused_file
from gateway.security import caller, staff_only, student_only
from services.finance import domain as fee_rules

student_bp = Blueprint("finance_student", __name__, url_prefix="/api/v1/me")
public_bp = Blueprint("finance_public", __name__, url_prefix="/api/v1/public")
staff_bp = Blueprint("finance_staff", __name__, url_prefix="/api/v1/staff/treasury")
aid_bp = Blueprint("finance_aid", __name__, url_prefix="/api/v1/staff/financial-aid")
BLUEPRINTS = (student_bp, public_bp, staff_bp, aid_bp)


def _finance(method: str, message, who: auth.Caller | None = None):
    return current().clients.call("finance", method, message, caller=who)


@student_bp.after_request
@staff_bp.after_request
@aid_bp.after_request
def _private(response):
    # A challan or a ledger is personal: never kept by shared caches or a shared computer.
    response.headers.setdefault("Cache-Control", "no-store")
    return response


# -- what the API and the pages both do ---------------------------------------------------
def challan_pdf_of(who: auth.Caller, consumer_number: str):
    return _finance("GetChallanPdf", pb.GetChallanRequest(consumer_number=fee_rules.consumer_number(consumer_number)),
                    who)


def banks() -> dict:
    return schemas.Banks.from_message(_finance("ListBanks", pb.ListBanksRequest())).body()


def account_of(who: auth.Caller, registration_number: str) -> dict:
    regno = identifiers.registration_number(registration_number)
    return schemas.TreasuryAccount.from_message(_finance("GetStudentAccount", pb.GetStudentAccountRequest(
        registration_number=regno), who)).body()


def challan_of(who: auth.Caller, consumer_number: str) -> dict:
    return schemas.TreasuryChallan.from_message(_finance("GetChallan", pb.GetChallanRequest(
        consumer_number=fee_rules.consumer_number(consumer_number)), who)).body()


def issue_by_hand(who: auth.Caller, body: schemas.HandChallan, key: str = "") -> dict:
    """A challan treasury issues by hand; the same key (or the same form sent twice) issues one."""
    reference = "TRS-" + hashlib.sha256(f"{who.subject}|{key or uuid.uuid4().hex}".encode()).hexdigest()[:20]
    return schemas.TreasuryChallan.from_message(_finance("IssueChallan", pb.IssueChallanRequest(
        registration_number=body.registration_number, fee_code=body.fee_code, level=body.level,
        reference=reference, description=body.description, payer_name=body.payer_name), who)).body()


def cancel(who: auth.Caller, consumer_number: str, reason: str) -> dict:
    return schemas.TreasuryChallan.from_message(_finance("CancelChallan", pb.CancelChallanRequest(
        consumer_number=fee_rules.consumer_number(consumer_number), reason=reason), who)).body()


def supersede(who: auth.Caller, consumer_number: str, reason: str) -> dict:
    return schemas.TreasuryChallan.from_message(_finance("SupersedeChallan", pb.SupersedeChallanRequest(
        consumer_number=fee_rules.consumer_number(consumer_number), reason=reason), who)).body()


def record_payment(who: auth.Caller, consumer_number: str, *, amount: int, paid_on: str, reason: str) -> dict:
    return schemas.TreasuryChallan.from_message(_finance("RecordManualPayment", pb.ManualPaymentRequest(
        consumer_number=fee_rules.consumer_number(consumer_number), amount_paisa=amount, paid_on=paid_on,
        reason=reason), who)).body()


def reconcile(who: auth.Caller, bank: str, file_name: str, content: bytes) -> tuple[dict | None, list]:
    """The settlement's report, or (None, every refused row as {line, field, reason}). Its size is
    bounded by the upload routes' limit (GATEWAY_MAX_UPLOAD_BYTES, gateway.app.UPLOAD_ENDPOINTS)."""
    answer = _finance("ReconcileSettlement", pb.ReconcileSettlementRequest(
        bank_mnemonic=bank, content=content, file_name=safe_file_name(file_name or "settlement.csv")), who)
    if answer.refused:
        return None, [{"line": r.line, "field": r.field, "reason": r.reason} for r in answer.refused]
    return schemas.SettlementReport.from_message(answer).body(), []


def row_id(value: str, field: str) -> int:
    if not re.match(schemas.ROW_ID, value or ""):
        raise Problem(404, f"no such {field.replace('_id', '').replace('_', ' ')}", kind="not-found", field=field)
    return int(value)


def settlements_of(who: auth.Caller, bank: str = "") -> dict:
    return schemas.Settlements.from_message(_finance("ListSettlements", pb.ListSettlementsRequest(
        bank_mnemonic=bank or ""), who)).body()


def settlement(who: auth.Caller, settlement_id: int) -> dict:
    return schemas.SettlementReport.from_message(_finance("GetSettlement", pb.GetSettlementRequest(
        settlement_id=settlement_id), who)).body()


def report_download(report: dict) -> Response:
    """The report's CSV as a file to save, named for its bank, first day and number."""
    name = f"settlement-{report['bank_mnemonic']}-{report['first_tran_date']}-{report['settlement_id']}-report.csv"
    return Response(report_csv(report), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{safe_file_name(name)}"', "Cache-Control": "no-store"})


def report_csv(report: dict) -> str:
    """Every line of a settlement's report that is not matched, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["finding", "tran_date", "tran_auth_id", "consumer_number", "amount", "recorded_amount",
                     "recorded_consumer_number", "note"])
    for finding in ("unrecorded", "missing", "mismatched"):
        for x in report[finding]:
            recorded = "" if x["recorded_amount"] is None else f"{x['recorded_amount'] / 100:.2f}"
            writer.writerow([finding, x["tran_date"], x["tran_auth_id"], x["consumer_number"],
                             f"{x['amount'] / 100:.2f}", recorded, x["recorded_consumer_number"] or "", x["note"]])
    return out.getvalue()


def refund_cases(who: auth.Caller, status: str = "open") -> dict:
    return schemas.RefundCases.from_message(_finance("ListRefundCases", pb.ListRefundCasesRequest(
        status=status or "open"), who)).body()


def decide_refund(who: auth.Caller, request_number: str, *, approve: bool, consumer_number: str = "",
                  ground: str = "", note: str = "") -> dict:
    return schemas.RefundCase.from_message(_finance("DecideRefund", pb.DecideRefundRequest(
        request_number=request_number, approve=approve, consumer_number=consumer_number or "", ground=ground or "",
        note=note or ""), who)).body()


def aid_cases(who: auth.Caller, status: str = "open") -> dict:
    return schemas.AidCases.from_message(_finance("ListAidCases", pb.ListAidCasesRequest(
        status=status or "open"), who)).body()


def decide_aid(who: auth.Caller, request_number: str, *, award: bool, amount: int = 0, note: str = "") -> dict:
    return schemas.AidCase.from_message(_finance("DecideAid", pb.DecideAidRequest(
        request_number=request_number, award=award, amount_paisa=amount or 0, note=note or ""), who)).body()


def fee_rows(who: auth.Caller) -> dict:
    return schemas.FeeRows.from_message(_finance("ListFeeRows", pb.ListFeeRowsRequest(), who)).body()


def set_fee(who: auth.Caller, body: schemas.SetFee) -> dict:
    return schemas.FeeRow.from_message(_finance("SetFee", pb.SetFeeRequest(
        fee_code=body.fee_code, level=body.level, title=body.title, amount_paisa=body.amount,
        late_fee_paisa=body.late_fee, double_after_days=body.double_after_days, applies_from=body.applies_from),
        who)).body()


def figures_of(who: auth.Caller, days: int = 30) -> dict:
    return schemas.TreasuryFigures.from_message(_finance("GetTreasuryFigures", pb.GetTreasuryFiguresRequest(
        days=days), who)).body()


def recoveries_of(who: auth.Caller, recovered: bool = False) -> dict:
    return schemas.Recoveries.from_message(_finance("ListRecoveries", pb.ListRecoveriesRequest(
        recovered=recovered), who)).body()


def mark_recovered(who: auth.Caller, request_number: str, note: str) -> dict:
    return schemas.Recovery.from_message(_finance("MarkRecovered", pb.MarkRecoveredRequest(
        request_number=request_number, note=note), who)).body()


def unmatched_of(who: auth.Caller, status: str = "open") -> dict:
    return schemas.UnmatchedList.from_message(_finance("ListUnmatched", pb.ListUnmatchedRequest(
        status=status or ""), who)).body()


def resolve(who: auth.Caller, unmatched_id: int, action: str, reason: str) -> dict:
    return schemas.Unmatched.from_message(_finance("ResolveUnmatched", pb.ResolveUnmatchedRequest(
        id=unmatched_id, action=action, reason=reason), who)).body()


# -- the student's ---------------------------------------------------------------------------
@student_bp.get("/challans/<consumer_number>.pdf")
@student_only
@api.validate(resp=answers(*SIGNED_IN, 400, 404), tags=["student"], security=BEARER)
def get_challan_pdf(consumer_number: str):
    """One of my challans to print: one A4 page of three copies (bank, university, student),
    each with the consumer number and its barcode, the amounts within and after the due
    date, the banks that collect it and the verification QR code. Someone else's is 404."""
    return pdf_response(challan_pdf_of(caller(), consumer_number))


@public_bp.get("/banks")
@api.validate(resp=answers(HTTP_200=schemas.Banks), tags=["public"])
def get_banks():
    """The banks whose branches collect the university's fees."""
    return banks()


# -- treasury's -----------------------------------------------------------------------------
TREASURY = TOOLS["treasury"]
SETTLEMENTS = TOOLS["settlements"]


@staff_bp.get("/students/<registration_number>/account")
@staff_only(*TREASURY)
@api.validate(resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.TreasuryAccount), tags=["staff"], security=BEARER)
def get_account(registration_number: str):
    """Treasury: a student's ledger (each entry with who posted it) and her challans."""
    return account_of(caller(), registration_number)


@staff_bp.post("/challans")
@staff_only(*TREASURY)
@api.validate(json=schemas.HandChallan, headers=schemas.FilingHeaders,
              resp=answers(*SIGNED_IN, *WITH_BODY, 409, HTTP_201=schemas.TreasuryChallan),
              tags=["staff"], security=BEARER)
def post_challan(json: schemas.HandChallan, headers: schemas.FilingHeaders):
    """Treasury: issue a challan by hand for a fee of the schedule at her level. Send an
    `Idempotency-Key` to make retries safe: the same key issues one challan."""
    issued = issue_by_hand(caller(), json, headers.idempotency_key or "")
    return issued, 201, {"Location": f"/api/v1/staff/treasury/challans/{issued['consumer_number']}"}


@staff_bp.get("/challans/<consumer_number>")
@staff_only(*TREASURY)
@api.validate(resp=answers(*SIGNED_IN, 400, 404, HTTP_200=schemas.TreasuryChallan), tags=["staff"], security=BEARER)
def get_challan(consumer_number: str):
    """Treasury: a challan by its consumer number."""
    return challan_of(caller(), consumer_number)


@staff_bp.get("/challans/<consumer_number>.pdf")
@staff_only(*TREASURY)
@api.validate(resp=answers(*SIGNED_IN, 400, 404), tags=["staff"], security=BEARER)
def get_challan_pdf_for_treasury(consumer_number: str):
    """Treasury: a challan printed for the student at the counter."""
    who = caller()
    challan_of(who, consumer_number)  # the read of her record is logged
    return pdf_response(challan_pdf_of(who, consumer_number))


@staff_bp.post("/challans/<consumer_number>/cancel")
@staff_only(*TREASURY)
@api.validate(json=schemas.CancelChallan, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409,
                                                       HTTP_200=schemas.TreasuryChallan),
              tags=["staff"], security=BEARER)
def post_cancel(consumer_number: str, json: schemas.CancelChallan):
    """Treasury: cancel an unpaid challan (banks then see it blocked, `B`): its charge is
    cancelled in her ledger and its printed copy no longer verifies. Again: the same answer.
    A paid challan is 409: refund it instead."""
    return cancel(caller(), consumer_number, json.reason)


@staff_bp.post("/challans/<consumer_number>/supersede")
@staff_only(*TREASURY)
@api.validate(json=schemas.CancelChallan, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409,
                                                       HTTP_200=schemas.TreasuryChallan),
              tags=["staff"], security=BEARER)
def post_supersede(consumer_number: str, json: schemas.CancelChallan):
    """Treasury: replace an unpaid (or expired, or cancelled) challan with a new one for the same
    amount and a fresh due date; the old one is blocked and its print revoked, and what waited on
    it (a request, a registration) waits on the new one. Answers the new challan (again: the same).
    A paid challan is 409."""
    return supersede(caller(), consumer_number, json.reason)


@staff_bp.post("/challans/<consumer_number>/payment")
@staff_only(*TREASURY)
@api.validate(json=schemas.ManualPayment, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409,
                                                       HTTP_200=schemas.TreasuryChallan),
              tags=["staff"], security=BEARER)
def post_payment(consumer_number: str, json: schemas.ManualPayment):
    """Treasury: a payment taken at the counter (bank `TRSY`), with its reason, in the audit
    chain and the ledger under the officer's name. The same payment again: the same answer."""
    return record_payment(caller(), consumer_number, amount=json.amount, paid_on=json.paid_on, reason=json.reason)


@staff_bp.post("/settlements")
@takes_files
@staff_only(*SETTLEMENTS)
@api.validate(form=schemas.SettlementUpload, resp=answers(*SIGNED_IN, *WITH_BODY, HTTP_200=schemas.SettlementReport),
              tags=["staff"], security=BEARER)
def post_settlement(form: schemas.SettlementUpload = None):  # None: not multipart
    """Treasury: a bank's daily settlement file (multipart: `file`, `bank_mnemonic`) matched
    against the payments recorded from that bank. Money in the file never recorded here is
    kept in the unmatched queue (once per authorisation) for treasury to post or refund.
    A row that cannot be read refuses the file whole: 400 naming every such row. The same
    file again answers its first report."""
    if form is None or not hasattr(form.file, "read"):
        raise Problem(400, "send the settlement as multipart/form-data with a `file`", field="file")
    report, refused = reconcile(caller(), form.bank_mnemonic, form.file.filename or "", form.file.read())
    if refused:
        raise refused_file(refused, "the file was not reconciled")
    return report


@staff_bp.get("/settlements")
@staff_only(*SETTLEMENTS)
@api.validate(query=schemas.SettlementsQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.Settlements),
              tags=["staff"], security=BEARER)
def get_settlements(query: schemas.SettlementsQuery):
    """Treasury: the settlement files reconciled, newest first (`?bank=` for one bank's)."""
    return settlements_of(caller(), query.bank or "")


@staff_bp.get("/settlements/<settlement_id>")
@staff_only(*SETTLEMENTS)
@api.validate(resp=answers(*SIGNED_IN, 404, HTTP_200=schemas.SettlementReport), tags=["staff"], security=BEARER)
def get_settlement(settlement_id: str):
    """Treasury: one settlement's report."""
    return settlement(caller(), row_id(settlement_id, "settlement_id"))


@staff_bp.get("/settlements/<settlement_id>/report.csv")
@staff_only(*SETTLEMENTS)
@api.validate(resp=answers(*SIGNED_IN, 404), tags=["staff"], security=BEARER)
def get_settlement_report(settlement_id: str):
    """Treasury: the report's unmatched lines (unrecorded, missing, mismatched) as CSV."""
    return report_download(settlement(caller(), row_id(settlement_id, "settlement_id")))


@staff_bp.get("/refunds")
@staff_only(*TOOLS["refunds"])
@api.validate(query=schemas.RefundCasesQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.RefundCases),
              tags=["staff"], security=BEARER)
def get_refunds(query: schemas.RefundCasesQuery):
    """Treasury: "Refund of Fee" requests (open ones unless `?status=`), each with what she
    wrote, her paid challans not refunded yet and the grounds it may be decided on; the
    refund rules in force (the share of a paid fee the university keeps on each ground)."""
    return refund_cases(caller(), query.status or "open")


@staff_bp.post("/refunds/<request_number>")
@staff_only(*TOOLS["refunds"])
@api.validate(json=schemas.DecideRefund, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409,
                                                      HTTP_200=schemas.RefundCase),
              tags=["staff"], security=BEARER)
def post_refund(request_number: str, json: schemas.DecideRefund):
    """Treasury: approve a refund (`consumer_number` of her paid challan and a `ground`: its
    rule sets the amount; her ledger grants it and pays it out, `refund_paid`), or refuse it
    with a `note` she reads. Either way her request closes. Decided once: the same decision
    again answers the case; the other is 409."""
    return decide_refund(caller(), request_number, approve=json.approve, consumer_number=json.consumer_number or "",
                         ground=json.ground or "", note=json.note or "")


@staff_bp.get("/fees")
@staff_only(*TOOLS["fees"])
@api.validate(resp=answers(*SIGNED_IN, HTTP_200=schemas.FeeRows), tags=["staff"], security=BEARER)
def get_fees():
    """Treasury: every row of the fee schedule (each applies from its day), past and announced."""
    return fee_rows(caller())


@staff_bp.put("/fees")
@staff_only(*TOOLS["fees"])
@api.validate(json=schemas.SetFee, resp=answers(*SIGNED_IN, *WITH_BODY, HTTP_200=schemas.FeeRow),
              tags=["staff"], security=BEARER)
def put_fee(json: schemas.SetFee):
    """Treasury: set a fee (and its late fee and double fee) from a day, today or later. The
    rows before stay for the challans issued under them; the same fee, level and day again
    replaces that row."""
    return set_fee(caller(), json)


@staff_bp.get("/figures")
@staff_only(*TOOLS["treasury_figures"])
@api.validate(query=schemas.FiguresQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.TreasuryFigures),
              tags=["staff"], security=BEARER)
def get_figures(query: schemas.FiguresQuery):
    """Treasury: what each bank collected each day over the last `days` (30), and what is
    outstanding by programme (unpaid challans that can still be paid, at today's amount)."""
    return figures_of(caller(), query.days or 30)


@staff_bp.get("/recoveries")
@staff_only(*SETTLEMENTS)
@api.validate(query=schemas.RecoveriesQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.Recoveries),
              tags=["staff"], security=BEARER)
def get_recoveries(query: schemas.RecoveriesQuery):
    """Treasury: fees to recover, payments a bank reversed after the request was decided
    (`?recovered=true`: those recovered)."""
    return recoveries_of(caller(), query.recovered)


@staff_bp.post("/recoveries/<request_number>")
@staff_only(*SETTLEMENTS)
@api.validate(json=schemas.MarkRecovered, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409,
                                                       HTTP_200=schemas.Recovery),
              tags=["staff"], security=BEARER)
def post_recovered(request_number: str, json: schemas.MarkRecovered):
    """Treasury: a fee recovered, and how (409 if it was marked before)."""
    return mark_recovered(caller(), request_number, json.note)


@staff_bp.get("/unmatched")
@staff_only(*SETTLEMENTS)
@api.validate(query=schemas.UnmatchedQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.UnmatchedList),
              tags=["staff"], security=BEARER)
def get_unmatched(query: schemas.UnmatchedQuery):
    """Treasury: money the banks' files show that no payment call told us of (`open` unless `?status=`)."""
    return unmatched_of(caller(), query.status or "open")


@staff_bp.post("/unmatched/<unmatched_id>")
@staff_only(*SETTLEMENTS)
@api.validate(json=schemas.ResolveUnmatched, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409,
                                                          HTTP_200=schemas.Unmatched),
              tags=["staff"], security=BEARER)
def post_unmatched(unmatched_id: str, json: schemas.ResolveUnmatched):
    """Treasury: `post` an unmatched payment to its challan (it becomes the bank's recorded
    payment, once; the challan is paid and what waited on it moves on), or `refund` it.
    409 when its challan cannot take it (none, paid, cancelled, another amount): refund it."""
    return resolve(caller(), row_id(unmatched_id, "unmatched_id"), json.action, json.reason)


# -- financial aid (student services and treasury) ------------------------------------------------
@aid_bp.get("")
@staff_only(*TOOLS["financial_aid"])
@api.validate(query=schemas.AidCasesQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.AidCases),
              tags=["staff"], security=BEARER)
def get_aid_cases(query: schemas.AidCasesQuery):
    """Student services and treasury: financial aid and scholarship requests (open ones unless
    `?status=`), each with what she wrote and her latest semester fee."""
    return aid_cases(caller(), query.status or "open")


@aid_bp.post("/<request_number>")
@staff_only(*TOOLS["financial_aid"])
@api.validate(json=schemas.DecideAid, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, HTTP_200=schemas.AidCase),
              tags=["staff"], security=BEARER)
def post_aid_case(request_number: str, json: schemas.DecideAid):
    """Award an `amount` (refunded from her paid semester fee, up to what she paid; the rest off
    her next semester fee) or refuse with a `note` she reads. Either way her request closes.
    Decided once: the same decision again answers the case; the other is 409."""
    return decide_aid(caller(), request_number, award=json.award, amount=json.amount or 0, note=json.note or "")
