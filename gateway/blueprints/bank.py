"""The banks' bill-payment API, 1LINK style: the bank calls us to ask about a challan and
to say it was paid. Field names are the network's own (response_Code, amount_within_dueDate)."""
from __future__ import annotations

from flask import Blueprint
from spectree import Response

from campus import errors, money
from campus.errors import DomainError
from cms.finance.v1 import finance_pb2 as pb
from gateway import schemas
from gateway.context import current
from gateway.limits import bank_limit, limiter
from gateway.openapi import BANK, ProblemDetails, api
from gateway.problems import Problem, from_domain, render
from gateway.security import bank_only, caller

bp = Blueprint("bank", __name__, url_prefix="/api/v1/bank")
UNKNOWN_CONSUMER, INVALID_DATA, PROCESSING_FAILED = "01", "04", "05"
RESPONSE_CODES = {errors.InvalidArgument: INVALID_DATA, errors.PermissionDenied: INVALID_DATA,
                  errors.Unauthenticated: INVALID_DATA, errors.NotFound: UNKNOWN_CONSUMER}
PROBLEMS = {"HTTP_400": ProblemDetails, "HTTP_401": ProblemDetails, "HTTP_403": ProblemDetails}


@bp.errorhandler(Problem)
def _with_response_code(problem: Problem):
    # A bank's switch reads response_Code first: every refusal carries one.
    problem.extra.setdefault("response_Code", INVALID_DATA)
    return render(problem)


@bp.errorhandler(DomainError)
def _service_refusal(error: DomainError):
    problem = from_domain(error)
    problem.extra["response_Code"] = RESPONSE_CODES.get(type(error), PROCESSING_FAILED)
    return render(problem)


def _own_mnemonic(bank_mnemonic: str) -> str:
    mnemonic = bank_mnemonic.upper()
    if mnemonic != caller().subject:
        raise Problem(403, "bank_mnemonic must be the authenticated bank's own", field="bank_mnemonic",
                      kind="forbidden")
    return mnemonic


def _finance(method: str, message):
    return current().clients.call("finance", method, message, caller=caller())


@bp.post("/bill-inquiry")
@limiter.limit(bank_limit)
@bank_only
@api.validate(json=schemas.BillInquiry, resp=Response(HTTP_200=schemas.BillInquiryAnswer, **PROBLEMS),
              tags=["bank"], security=BANK)
def bill_inquiry(json: schemas.BillInquiry):
    """What a challan asks for and whether it is paid. `bill_status`: U unpaid, P paid, B blocked."""
    answer = _finance("BillInquiry", pb.BillInquiryRequest(consumer_number=json.consumer_number,
                                                           bank_mnemonic=_own_mnemonic(json.bank_mnemonic)))
    if answer.response_code != "00" and not answer.bill_status:
        return {"response_Code": answer.response_code}
    return {
        "response_Code": answer.response_code, "consumer_Detail": answer.consumer_detail,
        "bill_status": answer.bill_status, "due_date": answer.due_date,
        "amount_within_dueDate": money.to_one_link(answer.amount_within_due_date_paisa),
        "amount_after_dueDate": money.to_one_link(answer.amount_after_due_date_paisa),
        "billing_month": answer.billing_month, "date_paid": answer.date_paid,
        "amount_paid": money.to_one_link(answer.amount_paid_paisa) if answer.date_paid else "",
        "tran_auth_id": answer.tran_auth_id, "reserved": ""}


@bp.post("/bill-payment")
@limiter.limit(bank_limit)
@bank_only
@api.validate(json=schemas.BillPayment, resp=Response(HTTP_200=schemas.BillPaymentAnswer, **PROBLEMS),
              tags=["bank"], security=BANK)
def bill_payment(json: schemas.BillPayment):
    """Record a payment, exactly once per (bank, tran_auth_id): a retry gets the first answer,
    the same tran_auth_id with other data gets `03`."""
    answer = _finance("BillPayment", pb.BillPaymentRequest(
        consumer_number=json.consumer_number, bank_mnemonic=_own_mnemonic(json.bank_mnemonic),
        tran_auth_id=json.tran_auth_id, transaction_amount_paisa=money.from_one_link(json.transaction_amount),
        tran_date=json.tran_date, tran_time=json.tran_time))
    return {"response_Code": answer.response_code, "identification_parameter": answer.identification_parameter,
            "reserved": ""}
