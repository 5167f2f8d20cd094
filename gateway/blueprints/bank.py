"""The banks' bill-payment API, 1LINK style: the bank calls us to ask about a challan and
to say it was paid. Field names are the network's own (response_Code, amount_within_dueDate).

Finance decides everything, the bank's own mnemonic included; the gateway forwards and
gives every refusal the response code a bank's switch reads first."""
from __future__ import annotations

from flask import Blueprint
from werkzeug.exceptions import HTTPException

from campus import errors, money
from campus.errors import DomainError
from cms.finance.v1 import finance_pb2 as pb
from gateway import schemas
from gateway.context import current
from gateway.limits import bank_limit, limiter
from gateway.openapi import BANK, WITH_BODY, answers, api
from gateway.problems import Problem, from_domain, from_http, render
from gateway.security import bank_only, caller
from services.finance.domain import FAILED, INVALID_DATA, UNKNOWN_CONSUMER

bp = Blueprint("bank", __name__, url_prefix="/api/v1/bank")
RESPONSE_CODES = {errors.InvalidArgument: INVALID_DATA, errors.PermissionDenied: INVALID_DATA,
                  errors.Unauthenticated: INVALID_DATA, errors.NotFound: UNKNOWN_CONSUMER}
#: Bad credentials (401), another bank's mnemonic (403), a locked bank client (423), the
#: rate limit or too many failed sign-ins (429), finance or identity failing or away.
PROBLEMS = (*WITH_BODY, 401, 403, 423, 429, 502, 503)


@bp.errorhandler(Problem)
def _with_response_code(problem: Problem):
    # A bank's switch reads response_Code first: every refusal carries one.
    problem.extra.setdefault("response_Code", INVALID_DATA)
    return render(problem)


@bp.errorhandler(HTTPException)
def _http_refusal(error: HTTPException):
    # A body too large, the rate limit: the switch needs its response code all the same.
    return _with_response_code(from_http(error))


@bp.errorhandler(DomainError)
def _service_refusal(error: DomainError):
    problem = from_domain(error)
    problem.extra["response_Code"] = RESPONSE_CODES.get(type(error), FAILED)
    return render(problem)


def _finance(method: str, message):
    return current().clients.call("finance", method, message, caller=caller())


@bp.post("/bill-inquiry")
@limiter.limit(bank_limit)
@bank_only
@api.validate(json=schemas.BillInquiry, resp=answers(*PROBLEMS, problem=schemas.BankProblemDetails,
                                                     HTTP_200=schemas.BillInquiryAnswer),
              tags=["bank"], security=BANK)
def bill_inquiry(json: schemas.BillInquiry):
    """What a challan asks for and whether it is paid. `bill_status`: U unpaid, P paid, B blocked.

    An unknown consumer number is a 200 with `response_Code` 01 and nothing else."""
    answer = _finance("BillInquiry", pb.BillInquiryRequest(consumer_number=json.consumer_number,
                                                           bank_mnemonic=json.bank_mnemonic))
    return schemas.BillInquiryAnswer.from_message(answer).body()


@bp.post("/bill-payment")
@limiter.limit(bank_limit)
@bank_only
@api.validate(json=schemas.BillPayment, resp=answers(*PROBLEMS, problem=schemas.BankProblemDetails,
                                                     HTTP_200=schemas.BillPaymentAnswer),
              tags=["bank"], security=BANK)
def bill_payment(json: schemas.BillPayment):
    """Record a payment, exactly once per (bank, tran_auth_id): a retry gets the first answer,
    the same tran_auth_id with other data gets `03`."""
    answer = _finance("BillPayment", pb.BillPaymentRequest(
        consumer_number=json.consumer_number, bank_mnemonic=json.bank_mnemonic,
        tran_auth_id=json.tran_auth_id, transaction_amount_paisa=money.from_one_link(json.transaction_amount),
        tran_date=json.tran_date, tran_time=json.tran_time))
    return schemas.BillPaymentAnswer.from_message(answer).body()


@bp.post("/bill-reversal")
@limiter.limit(bank_limit)
@bank_only
@api.validate(json=schemas.BillReversal, resp=answers(*PROBLEMS, problem=schemas.BankProblemDetails,
                                                      HTTP_200=schemas.BillReversalAnswer),
              tags=["bank"], security=BANK)
def bill_reversal(json: schemas.BillReversal):
    """Reverse (void) a payment this bank recorded, by its `tran_auth_id`, within the reversal
    window: the challan is unpaid again. A replay answers `00` again; another bank's payment,
    or one never made, is `01`; past the window, `02` (treasury refunds it instead)."""
    answer = _finance("BillReversal", pb.BillReversalRequest(
        consumer_number=json.consumer_number, bank_mnemonic=json.bank_mnemonic, tran_auth_id=json.tran_auth_id,
        tran_date=json.tran_date, tran_time=json.tran_time))
    return schemas.BillReversalAnswer.from_message(answer).body()
