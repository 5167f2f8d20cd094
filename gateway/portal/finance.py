"""Finance in the portal: the student's financial account (every entry of her ledger with the
balance after it, her challans) and each challan with how to pay it and its PDF to print;
treasury's tools: a student's account, a challan (cancel it, record a counter payment), the
banks' settlement files and the unmatched queue.

Each page calls the same function as its JSON twin (gateway.blueprints.finance), never the
API over HTTP; finance's refusals are said next to the field they name."""
from __future__ import annotations

import re
import uuid

import pygal
from flask import redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Regexp

from campus import clock, money
from campus.errors import DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from gateway import dashboard, schemas
from gateway.blueprints import finance as finance_api
from gateway.blueprints import student as student_api
from gateway.context import current
from gateway.portal import session
from gateway.portal.admission_forms import _field, _file_name, _ModelForm
from gateway.portal.pages import error_page, page
from gateway.portal.results import chart_svg
from gateway.portal.staff import bp as staff_bp
from gateway.portal.staff import department_of, tool
from gateway.portal.student import bp as student_bp

NOT_ANSWERING = (Unavailable, DeadlineExceeded)
CONSUMER_NUMBER = _l("A consumer number is the 18 digits printed on the challan.")
REGISTRATION_NUMBER = _l("A registration number looks like 22P-123456.")
REASON = _l("Say why in a few words (5 to 300 characters): it is kept with the ledger entry.")

#: The ledger's kinds of entry, as a statement names them.
ENTRY_KINDS = {"charge": _l("Fee charged"), "late_fee": _l("Late fee"), "payment": _l("Payment"),
               "payment_reversed": _l("Payment reversed by the bank"), "cancellation": _l("Charge cancelled"),
               "concession": _l("Concession"), "refund_granted": _l("Refund granted"),
               "refund_paid": _l("Refund paid")}
UNMATCHED_STATUSES = {"open": _l("Waiting for treasury"), "posted": _l("Posted to its challan"),
                      "refunded": _l("Refunded")}


def _banks() -> list[dict]:
    try:
        return finance_api.banks()["banks"]
    except NOT_ANSWERING:
        return []


# -- the student's -----------------------------------------------------------------------------
@student_bp.get("/finance", endpoint="finance")
@session.page_for("student")
def finance_page(caller):
    """Her financial account: balance, challans and every ledger entry (GET /api/v1/me/finance)."""
    tile = dashboard.tile(current(), "finance", caller)
    account = tile.get("data")
    return page("portal/student/finance.html", caller=caller, account=account, unavailable=account is None,
                entry_kinds=ENTRY_KINDS, status=503 if account is None else 200)


@student_bp.get("/challans/<consumer_number>", endpoint="challan")
@session.page_for("student")
def challan_page(caller, consumer_number: str):
    """One of her challans: what it asks for, by when, how to pay it, and its PDF."""
    try:
        challan = student_api.challan_of(caller, consumer_number)
    except (NotFound, InvalidArgument):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return page("portal/student/challan.html", caller=caller, challan=challan, banks=_banks())


@student_bp.get("/challans/<consumer_number>.pdf", endpoint="challan_pdf")
@session.page_for("student")
def challan_pdf(caller, consumer_number: str):
    """Her challan's three copies to print (GET /api/v1/me/challans/<number>.pdf, the same function)."""
    try:
        document = finance_api.challan_pdf_of(caller, consumer_number)
    except (NotFound, InvalidArgument):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return _pdf(document)


def _pdf(document):
    response = finance_api.pdf_response(document, download=True)
    response.headers["Cache-Control"] = "no-store"  # personal: never kept by a shared cache or computer
    return response


# -- treasury's forms -----------------------------------------------------------------------------
class FindAccount(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET

    registration_number = _field(_l("Registration number"), _l("Like 22P-123456."),
                                 required=_l("Enter the student's registration number."),
                                 validators=[Regexp(schemas.REGISTRATION_NUMBER, message=REGISTRATION_NUMBER)])


class FindChallan(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET

    consumer_number = _field(_l("Consumer number"), _l("The 18 digits on the challan."),
                             required=_l("Enter the challan's consumer number."),
                             validators=[Regexp(r"^\s*[0-9]{1,18}\s*$", message=CONSUMER_NUMBER)])


class CancelChallan(_ModelForm):
    reason = _field(_l("Why cancel it"), _l("E.g. issued twice by mistake; replaced by a new challan."),
                    required=REASON, validators=[Length(min=5, max=300, message=REASON)])
    FIRST = "reason"
    MESSAGES = {"reason": REASON}
    PAID = _l("A paid challan cannot be cancelled: refund it instead.")

    def body(self) -> schemas.CancelChallan | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.CancelChallan, {"reason": self.reason.data or ""})


class ReplaceChallan(CancelChallan):
    reason = _field(_l("Why replace it"), _l("E.g. lost by the student; a new due date agreed."),
                    required=REASON, validators=[Length(min=5, max=300, message=REASON)])


AMOUNT = _l("Enter the amount in rupees, like 2000 or 2000.50.")
DATE = _l("Enter the date as year-month-day, like 2026-12-06.")


class ManualPayment(_ModelForm):
    amount = _field(_l("Amount received (rupees)"), _l("What the challan asks for on the day it was paid."),
                    required=AMOUNT, validators=[Regexp(r"^\s*[0-9]{1,10}(\.[0-9]{1,2})?\s*$", message=AMOUNT)])
    paid_on = _field(_l("Paid on"), _l("Year-month-day, not in the future."), required=DATE,
                     validators=[Regexp(r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$", message=DATE)])
    reason = _field(_l("How it was paid"), _l("E.g. at the treasury counter, receipt 1234; a bank draft."),
                    required=REASON, validators=[Length(min=5, max=300, message=REASON)])
    FIRST = "amount"
    MESSAGES = {"amount": _l("The amount must be what the challan asks for on that day."), "paid_on": DATE,
                "reason": REASON}

    def body(self) -> schemas.ManualPayment | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.ManualPayment, {"amount": _paisa(self.amount.data),
                                                  "paid_on": self.paid_on.data or "", "reason": self.reason.data or ""})


class SettlementFile(_ModelForm):
    bank_mnemonic = SelectField(_l("Bank"), choices=[], validators=[DataRequired(_l("Choose the bank."))])
    file = FileField(_l("Settlement file (CSV)"), validators=[FileRequired(_l("Choose the bank's CSV file."))],
                     description=_l("Columns tran_date, tran_auth_id, consumer_number, amount; "
                                    "the amount in rupees, like 2000.00."))
    FIRST = "file"
    MESSAGES = {"file": _l("The file cannot be read: see the refused lines below."),
                "bank_mnemonic": _l("Choose one of the collecting banks.")}
    NOT_CSV = _l("Send a .csv file: in Excel, Save As \"CSV UTF-8 (Comma delimited)\".")

    def offer(self, banks: list[dict]) -> SettlementFile:
        self.bank_mnemonic.choices = [("", _l("Choose")), *((b["mnemonic"], f"{b['name']} ({b['mnemonic']})")
                                                              for b in banks)]
        return self


class ResolveUnmatched(_ModelForm):
    action = RadioField(_l("What to do"), choices=[("post", _l("Post it to its challan")),
                                                   ("refund", _l("Refund it to the payer"))],
                        validators=[DataRequired(_l("Choose what to do."))])
    reason = StringField(_l("Why"), validators=[DataRequired(REASON), Length(min=5, max=300, message=REASON)])
    FIRST = "reason"
    MESSAGES = {"reason": REASON}


# -- treasury's pages ----------------------------------------------------------------------------
@staff_bp.get("/treasury", endpoint="treasury")
@tool("treasury")
def treasury(caller):
    """Find a student's account or a challan; the way to settlements and the unmatched queue."""
    accounts, challans = FindAccount(request.args), FindChallan(request.args)
    status = 200
    if "registration_number" in request.args:
        if accounts.validate():
            return redirect(url_for(".treasury_account",
                                    registration_number=accounts.registration_number.data.upper()), code=303)
        status = 400
    if "consumer_number" in request.args:
        if challans.validate():
            return redirect(url_for(".treasury_challan", consumer_number=challans.consumer_number.data.strip()),
                            code=303)
        status = 400
    return page("portal/staff/treasury.html", caller=caller, department=department_of(caller),
                accounts=accounts, challans=challans, status=status)


@staff_bp.get("/treasury/students/<registration_number>", endpoint="treasury_account")
@tool("treasury")
def treasury_account(caller, registration_number: str):
    """A student's ledger with who posted each entry, and her challans."""
    try:
        account = finance_api.account_of(caller, registration_number)
        rows = finance_api.fee_rows(caller)["fees"]
    except InvalidArgument:
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return _account_page(caller, account, rows)


def _challan_page(caller, consumer_number: str, *, cancel_form=None, payment_form=None, replace_form=None,
                  status: int = 200):
    try:
        challan = finance_api.challan_of(caller, consumer_number)
    except (NotFound, InvalidArgument):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    today = clock.karachi_today().isoformat()
    payment_form = payment_form or ManualPayment(formdata=None, data={
        "paid_on": today, "amount": f"{challan['amount'] / 100:.2f}".removesuffix(".00")})
    return page("portal/staff/treasury_challan.html", caller=caller, department=department_of(caller),
                challan=challan, cancel_form=cancel_form or CancelChallan(formdata=None), payment_form=payment_form,
                replace_form=replace_form or ReplaceChallan(formdata=None, prefix="replace"),
                done=request.args.get("done", ""), status=status)


@staff_bp.get("/treasury/challans/<consumer_number>", endpoint="treasury_challan")
@tool("treasury")
def treasury_challan(caller, consumer_number: str):
    return _challan_page(caller, consumer_number)


@staff_bp.get("/treasury/challans/<consumer_number>.pdf", endpoint="treasury_challan_pdf")
@tool("treasury")
def treasury_challan_pdf(caller, consumer_number: str):
    """A challan printed for a student at the counter."""
    try:
        finance_api.challan_of(caller, consumer_number)  # the read of her record is logged
        return _pdf(finance_api.challan_pdf_of(caller, consumer_number))
    except (NotFound, InvalidArgument):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)


@staff_bp.post("/treasury/challans/<consumer_number>/cancel", endpoint="treasury_cancel")
@tool("treasury")
def treasury_cancel(caller, consumer_number: str):
    form = CancelChallan()
    body = form.body()
    if body is None:
        return _challan_page(caller, consumer_number, cancel_form=form, status=400)
    try:
        finance_api.cancel(caller, consumer_number, body.reason)
    except (NotFound, InvalidArgument) as refused:
        if isinstance(refused, NotFound):
            return error_page(404)
        form.refuse(refused.field)
        return _challan_page(caller, consumer_number, cancel_form=form, status=400)
    except FailedPrecondition:
        form.refuse("reason", CancelChallan.PAID)
        return _challan_page(caller, consumer_number, cancel_form=form, status=409)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".treasury_challan", consumer_number=consumer_number, done="cancelled"), code=303)


@staff_bp.post("/treasury/challans/<consumer_number>/supersede", endpoint="treasury_supersede")
@tool("treasury")
def treasury_supersede(caller, consumer_number: str):
    form = ReplaceChallan(prefix="replace")
    body = form.body()
    if body is None:
        return _challan_page(caller, consumer_number, replace_form=form, status=400)
    try:
        new = finance_api.supersede(caller, consumer_number, body.reason)
    except NotFound:
        return error_page(404)
    except InvalidArgument as refused:
        form.refuse(refused.field)
        return _challan_page(caller, consumer_number, replace_form=form, status=400)
    except FailedPrecondition:
        form.refuse("reason", CancelChallan.PAID)
        return _challan_page(caller, consumer_number, replace_form=form, status=409)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".treasury_challan", consumer_number=new["consumer_number"], done="replaced"), code=303)


@staff_bp.post("/treasury/challans/<consumer_number>/payment", endpoint="treasury_payment")
@tool("treasury")
def treasury_payment(caller, consumer_number: str):
    form = ManualPayment()
    body = form.body()
    if body is None:
        return _challan_page(caller, consumer_number, payment_form=form, status=400)
    try:
        finance_api.record_payment(caller, consumer_number, amount=body.amount, paid_on=body.paid_on,
                                   reason=body.reason)
    except NotFound:
        return error_page(404)
    except InvalidArgument as refused:
        form.refuse(refused.field)
        return _challan_page(caller, consumer_number, payment_form=form, status=400)
    except FailedPrecondition:
        form.refuse("amount", _l("This challan is not unpaid: nothing was recorded."))
        return _challan_page(caller, consumer_number, payment_form=form, status=409)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".treasury_challan", consumer_number=consumer_number, done="paid"), code=303)


# -- settlements and the unmatched queue ------------------------------------------------------------
def _settlements_page(caller, form: SettlementFile, *, refused=(), status: int = 200):
    try:
        done = finance_api.settlements_of(caller)["settlements"]
    except NOT_ANSWERING:
        done, status = None, 503
    return page("portal/staff/settlements.html", caller=caller, department=department_of(caller), form=form,
                settlements=done, refused=list(refused), status=status)


@staff_bp.route("/treasury/settlements", methods=["GET", "POST"], endpoint="settlements")
@tool("settlements")
def settlements(caller):
    """Upload a bank's settlement file (the same function as POST /api/v1/staff/treasury/settlements);
    a file refused whole is shown with every refused line; a reconciled one goes to its report."""
    form = SettlementFile().offer(_banks())
    if request.method == "GET":
        return _settlements_page(caller, SettlementFile(formdata=None).offer(_banks()))
    if not form.validate_on_submit():
        return _settlements_page(caller, form, status=400)
    name = _file_name(form.file.data.filename or "")
    if not name.lower().endswith(".csv"):
        form.refuse("file", SettlementFile.NOT_CSV)
        return _settlements_page(caller, form, status=400)
    try:
        report, refused = finance_api.reconcile(caller, form.bank_mnemonic.data, name, form.file.data.read())
    except InvalidArgument as whole:  # the file as a whole (its columns, not UTF-8), or the bank
        if whole.field == "bank_mnemonic":
            form.refuse("bank_mnemonic")
        else:
            form.refuse("file", _l("The file cannot be read: %(why)s", why=whole.message))
        return _settlements_page(caller, form, status=400)
    except NOT_ANSWERING:
        return _settlements_page(caller, form, status=503)
    if refused:
        form.refuse("file")
        return _settlements_page(caller, form, refused=refused, status=400)
    return redirect(url_for(".settlement", settlement_id=report["settlement_id"]), code=303)


def _row_id(value: str) -> int | None:
    """A settlement's or an unmatched payment's number from a path, as the API checks it."""
    return int(value) if re.match(schemas.ROW_ID, value or "") else None


@staff_bp.get("/treasury/settlements/<settlement_id>", endpoint="settlement")
@tool("settlements")
def settlement(caller, settlement_id: str):
    if _row_id(settlement_id) is None:
        return error_page(404)
    try:
        report = finance_api.settlement(caller, _row_id(settlement_id))
    except (NotFound, InvalidArgument):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return page("portal/staff/settlement.html", caller=caller, department=department_of(caller), report=report)


@staff_bp.get("/treasury/settlements/<settlement_id>/report.csv", endpoint="settlement_report")
@tool("settlements")
def settlement_report(caller, settlement_id: str):
    if _row_id(settlement_id) is None:
        return error_page(404)
    try:
        report = finance_api.settlement(caller, _row_id(settlement_id))
    except (NotFound, InvalidArgument):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return finance_api.report_download(report)


def _prefix(unmatched_id: int) -> str:
    return f"payment-{unmatched_id}"


class MarkRecovered(_ModelForm):
    note = StringField(_l("How it was recovered"), validators=[DataRequired(REASON), Length(min=5, max=300,
                                                                                             message=REASON)])
    FIRST = "note"
    MESSAGES = {"note": REASON}


@staff_bp.post("/treasury/recoveries/<request_number>", endpoint="mark_recovered")
@tool("settlements")
def mark_recovered(caller, request_number: str):
    number = request_number.strip().upper()
    form = MarkRecovered(prefix=f"recover-{number.lower()}")
    return _decided(number, form, listing=".unmatched", outcome="recovered",
                    again=lambda status: _unmatched_page(caller, recovered=(number, form), status=status),
                    decide=lambda: finance_api.mark_recovered(caller, number, form.note.data.strip()))


def _unmatched_page(caller, *, posted: tuple[int, ResolveUnmatched] | None = None,
                    recovered: tuple[str, MarkRecovered] | None = None, status: int = 200):
    """The queue; each open payment with its form (the one just refused, as it was sent)."""
    shown = request.args.get("status", "open")
    if shown not in UNMATCHED_STATUSES:
        shown = "open"
    try:
        payments = finance_api.unmatched_of(caller, shown)["payments"]
    except NOT_ANSWERING:
        payments, status = None, 503
    forms = {p["id"]: posted[1] if posted and posted[0] == p["id"] else
             ResolveUnmatched(formdata=None, prefix=_prefix(p["id"])) for p in payments or ()}
    try:
        to_recover = finance_api.recoveries_of(caller)["recoveries"]
    except NOT_ANSWERING:
        to_recover, status = None, 503
    recover_forms = {r["request_number"]: recovered[1] if recovered and recovered[0] == r["request_number"] else
                     MarkRecovered(formdata=None, prefix=f"recover-{r['request_number'].lower()}")
                     for r in to_recover or ()}
    return page("portal/staff/unmatched.html", caller=caller, department=department_of(caller), payments=payments,
                shown=shown, statuses=UNMATCHED_STATUSES, forms=forms, done=request.args.get("done", ""),
                to_recover=to_recover, recover_forms=recover_forms, status=status)


@staff_bp.get("/treasury/unmatched", endpoint="unmatched")
@tool("settlements")
def unmatched(caller):
    """Money the banks' files show that no payment call told us of, each open one with its form."""
    return _unmatched_page(caller)


@staff_bp.post("/treasury/unmatched/<unmatched_id>", endpoint="resolve_unmatched")
@tool("settlements")
def resolve_unmatched(caller, unmatched_id: str):
    """Post one to its challan or refund it (POST /api/v1/staff/treasury/unmatched/<id>, the same function)."""
    if _row_id(unmatched_id) is None:
        return error_page(404)
    unmatched_id = _row_id(unmatched_id)
    form = ResolveUnmatched(prefix=_prefix(unmatched_id))
    if not form.validate_on_submit():
        return _unmatched_page(caller, posted=(unmatched_id, form), status=400)
    try:
        finance_api.resolve(caller, unmatched_id, form.action.data, form.reason.data.strip())
    except NotFound:
        return error_page(404)
    except InvalidArgument as refused:
        form.refuse(refused.field)
        return _unmatched_page(caller, posted=(unmatched_id, form), status=400)
    except FailedPrecondition as refused:
        form.refuse("action", _l("It cannot be posted: %(why)s", why=refused.message))
        return _unmatched_page(caller, posted=(unmatched_id, form), status=409)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".unmatched", done=form.action.data), code=303)


# -- treasury's figures -----------------------------------------------------------------------------
FIGURE_DAYS = (7, 30, 92)


def collections_chart(figures: dict):
    """Each bank's collections per day, stacked (rupees); None when nothing was collected."""
    if not figures["collections"]:
        return None
    days = sorted({c["day"] for c in figures["collections"]})
    banks = sorted({c["bank_mnemonic"] for c in figures["collections"]})
    amounts = {(c["day"], c["bank_mnemonic"]): c["amount"] / 100 for c in figures["collections"]}
    return chart_svg(pygal.StackedBar, "collections", _("Collections per bank per day (rupees)"),
                     [d[5:] for d in days], [(bank, [amounts.get((d, bank), 0) for d in days]) for bank in banks],
                     show_legend=True, legend_at_bottom_columns=min(len(banks), 4), height=280,
                     y_title=_("Rupees"))


def dues_chart(figures: dict, *, shown: int = 10):
    """Outstanding dues of the programmes owing most (rupees); None when nothing is owed."""
    owing = figures["outstanding"][:shown]
    if not owing:
        return None
    return chart_svg(pygal.HorizontalBar, "dues", _("Outstanding dues by programme (rupees)"),
                     [d["program_code"] or "—" for d in owing],
                     [(_("Outstanding"), [d["amount"] / 100 for d in owing])],
                     height=max(200, 28 * len(owing) + 80))


@staff_bp.get("/treasury/figures", endpoint="treasury_figures")
@tool("treasury_figures")
def treasury_figures(caller):
    """Collections per bank per day and dues by programme, as charts and as tables (GET
    /api/v1/staff/treasury/figures, the same function)."""
    days = request.args.get("days", "30")
    days = int(days) if days.isdigit() and int(days) in FIGURE_DAYS else 30
    try:
        figures = finance_api.figures_of(caller, days)
    except NOT_ANSWERING:
        return error_page(503)
    totals = {}
    for c in figures["collections"]:
        totals[c["bank_mnemonic"]] = totals.get(c["bank_mnemonic"], 0) + c["amount"]
    return page("portal/staff/treasury_figures.html", caller=caller, department=department_of(caller),
                figures=figures, days=days, choices=FIGURE_DAYS, totals=totals,
                charts={"collections": collections_chart(figures), "dues": dues_chart(figures)})


# -- refunds --------------------------------------------------------------------------------------
class DecideRefund(_ModelForm):
    decision = RadioField(_l("Decision"), choices=[("approve", _l("Refund it")), ("refuse", _l("Refuse it"))],
                          validators=[DataRequired(_l("Choose whether to refund it."))])
    consumer_number = SelectField(_l("Paid challan to refund"), choices=[], validate_choice=False)
    ground = SelectField(_l("Ground"), choices=[], validate_choice=False,
                         description=_l("Its rule sets the amount: the share of the paid fee the university keeps."))
    note = StringField(_l("Note for the student"), validators=[Length(max=500)],
                       description=_l("Needed to refuse: she reads it with her request."))
    FIRST = "decision"
    MESSAGES = {"consumer_number": _l("Choose one of her paid challans."),
                "ground": _l("Choose one of this request's grounds."),
                "note": _l("Say why the refund is refused: she reads it.")}

    def offer(self, case: dict, rules: dict) -> DecideRefund:
        self.consumer_number.choices = [(c["consumer_number"], f"{c['consumer_number']} · {c['description']} · "
                                         f"{c['amount_display']}") for c in case["paid_challans"]]
        self.ground.choices = [(g, f"{rules[g]['title']} ({rules[g]['deduction_percent']}%)" if g in rules else g)
                               for g in case["grounds"]]
        return self


def _refund_prefix(request_number: str) -> str:
    return f"case-{request_number.lower()}"


def _refunds_page(caller, *, posted: tuple[str, DecideRefund] | None = None, status: int = 200):
    shown = request.args.get("status", "open")
    if shown not in ("open", "approved", "rejected"):
        shown = "open"
    try:
        found = finance_api.refund_cases(caller, shown)
    except NOT_ANSWERING:
        return error_page(503)
    rules = {r["ground"]: r for r in found["rules"]}
    forms = {c["request_number"]: (posted[1] if posted and posted[0] == c["request_number"] else
                                   DecideRefund(formdata=None, prefix=_refund_prefix(c["request_number"])))
             .offer(c, rules) for c in found["cases"] if c["status"] == "open"}
    return page("portal/staff/refunds.html", caller=caller, department=department_of(caller), cases=found["cases"],
                rules=found["rules"], forms=forms, shown=shown, done=request.args.get("done", ""),
                decided=request.args.get("case", ""), status=status)


@staff_bp.get("/treasury/refunds", endpoint="refunds")
@tool("refunds")
def refunds(caller):
    """"Refund of Fee" requests with what treasury needs to decide each (GET /api/v1/staff/treasury/refunds)."""
    return _refunds_page(caller)


@staff_bp.post("/treasury/refunds/<request_number>", endpoint="decide_refund")
@tool("refunds")
def decide_refund(caller, request_number: str):
    number = request_number.strip().upper()
    form = DecideRefund(prefix=_refund_prefix(number))
    approve = form.decision.data == "approve"
    return _decided(
        number, form, listing=".refunds", outcome="approved" if approve else "rejected",
        again=lambda status: _refunds_page(caller, posted=(number, form), status=status),
        decide=lambda: finance_api.decide_refund(
            caller, number, approve=approve, consumer_number=form.consumer_number.data if approve else "",
            ground=form.ground.data if approve else "", note=(form.note.data or "").strip()))


def _decided(number: str, form, *, again, decide, listing: str, outcome: str):
    """A case's decision posted (a refund, an aid application): refusals said next to their
    field; a case someone decided meanwhile shows among the decided; else the list again,
    the outcome said."""
    if not form.validate_on_submit():
        return again(400)
    try:
        decide()
    except NotFound:
        return error_page(404)
    except InvalidArgument as refused:
        form.refuse(refused.field)
        return again(400)
    except FailedPrecondition:
        return redirect(url_for(listing, status=outcome), code=303)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(listing, done=outcome, case=number), code=303)


# -- financial aid (student services and treasury) --------------------------------------------------
AID_SUBTYPES = {"need_based_financial_aid": _l("Need-based Financial Aid"),
                "merit_scholarship": _l("Merit Scholarship"),
                "special_persons_scholarship": _l("Scholarship for Special Persons")}


class DecideAid(_ModelForm):
    decision = RadioField(_l("Decision"), choices=[("award", _l("Award it")), ("refuse", _l("Refuse it"))],
                          validators=[DataRequired(_l("Choose whether to award it."))])
    amount = _field(_l("Award (rupees)"), _l("Refunded from her paid semester fee, or off her next one."),
                    validators=[Regexp(r"^\s*[0-9]{1,7}(\.[0-9]{1,2})?\s*$", message=AMOUNT)])
    note = StringField(_l("Note for the student"), validators=[Length(max=500)],
                       description=_l("Needed to refuse: she reads it with her request."))
    FIRST = "decision"
    MESSAGES = {"amount": _l("Enter an award between Rs 1 and Rs 1,000,000."),
                "note": _l("Say why the application is refused: she reads it.")}

    def paisa(self) -> int:
        return _paisa(self.amount.data)


def _aid_prefix(request_number: str) -> str:
    return f"aid-{request_number.lower()}"


def _aid_page(caller, *, posted: tuple[str, DecideAid] | None = None, status: int = 200):
    shown = request.args.get("status", "open")
    if shown not in ("open", "awarded", "rejected"):
        shown = "open"
    try:
        found = finance_api.aid_cases(caller, shown)["cases"]
    except NOT_ANSWERING:
        return error_page(503)
    forms = {c["request_number"]: posted[1] if posted and posted[0] == c["request_number"] else
             DecideAid(formdata=None, prefix=_aid_prefix(c["request_number"])) for c in found if c["status"] == "open"}
    return page("portal/staff/financial_aid.html", caller=caller, department=department_of(caller), cases=found,
                forms=forms, shown=shown, subtypes=AID_SUBTYPES, done=request.args.get("done", ""),
                decided=request.args.get("case", ""), status=status)


@staff_bp.get("/financial-aid", endpoint="financial_aid")
@tool("financial_aid")
def financial_aid(caller):
    """Financial aid and scholarship requests to decide (GET /api/v1/staff/financial-aid)."""
    return _aid_page(caller)


@staff_bp.post("/financial-aid/<request_number>", endpoint="decide_aid")
@tool("financial_aid")
def decide_aid(caller, request_number: str):
    number = request_number.strip().upper()
    form = DecideAid(prefix=_aid_prefix(number))
    award = form.decision.data == "award"
    return _decided(
        number, form, listing=".financial_aid", outcome="awarded" if award else "rejected",
        again=lambda status: _aid_page(caller, posted=(number, form), status=status),
        decide=lambda: finance_api.decide_aid(caller, number, award=award, amount=form.paisa() if award else 0,
                                              note=(form.note.data or "").strip()))


# -- the fee schedule ---------------------------------------------------------------------------------
RUPEES_OR_NOTHING = _l("Enter rupees, like 2000 or 2000.50 (0 for none).")


def _paisa(text: str | None) -> int:
    """Rupees typed in a form (already checked by its field's pattern) in paisa; 0 for none."""
    return money.from_rupees(text) or 0


class SetFee(_ModelForm):
    fee_code = SelectField(_l("Fee"), choices=[], validators=[DataRequired(_l("Choose the fee."))])
    level = SelectField(_l("Programme level"), choices=[], validators=[DataRequired(_l("Choose the level."))])
    title = _field(_l("Title"), _l("As the challan and the catalogue name it."), required=_l("Enter the title."),
                   validators=[Length(max=120)])
    amount = _field(_l("Amount (rupees)"), None, required=RUPEES_OR_NOTHING,
                    validators=[Regexp(r"^\s*[0-9]{1,8}(\.[0-9]{1,2})?\s*$", message=RUPEES_OR_NOTHING)])
    late_fee = _field(_l("Late fee (rupees)"), _l("Added after the due date."), required=RUPEES_OR_NOTHING,
                      validators=[Regexp(r"^\s*[0-9]{1,8}(\.[0-9]{1,2})?\s*$", message=RUPEES_OR_NOTHING)])
    double_after_days = _field(_l("Double fee after (days)"), _l("Days after the due date from which the fee is "
                                                                   "doubled; 0 for never."),
                               required=_l("Enter a number of days (0 for never)."),
                               validators=[Regexp(r"^\s*[0-9]{1,3}\s*$", message=_l("Enter 0 to 365 days."))])
    applies_from = _field(_l("Applies from"), _l("Today or a later day: the past stays as it was."),
                          required=DATE, validators=[Regexp(r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$", message=DATE)])
    FIRST = "fee_code"
    MESSAGES = {"fee_code": _l("Choose one of the schedule's fees."), "level": _l("Choose one of the levels."),
                "title": _l("Enter the title (up to 120 characters)."), "amount": RUPEES_OR_NOTHING,
                "late_fee": RUPEES_OR_NOTHING, "double_after_days": _l("Enter 0 to 365 days."),
                "applies_from": _l("Enter today or a later day, as year-month-day.")}

    def offer(self, rows: list[dict]) -> SetFee:
        self.fee_code.choices = [("", _l("Choose")), *((c, c) for c in sorted({r["fee_code"] for r in rows}))]
        self.level.choices = [("", _l("Choose")), *((lv, lv) for lv in sorted({r["level"] for r in rows}))]
        return self

    def body(self) -> schemas.SetFee | None:
        if not self.validate_on_submit():
            return None
        return self.model(schemas.SetFee, {
            "fee_code": self.fee_code.data, "level": self.level.data, "title": self.title.data or "",
            "amount": _paisa(self.amount.data), "late_fee": _paisa(self.late_fee.data),
            "double_after_days": int(self.double_after_days.data or 0), "applies_from": self.applies_from.data})


def _fees_page(caller, form: SetFee | None = None, *, status: int = 200):
    try:
        rows = finance_api.fee_rows(caller)["fees"]
    except NOT_ANSWERING:
        return error_page(503)
    today = clock.karachi_today().isoformat()
    form = (form or SetFee(formdata=None, data={"applies_from": today, "late_fee": "0",
                                                 "double_after_days": "0"})).offer(rows)
    return page("portal/staff/fees.html", caller=caller, department=department_of(caller), rows=rows, form=form,
                today=today, done=request.args.get("done", ""), status=status)


@staff_bp.route("/treasury/fees", methods=["GET", "POST"], endpoint="fees")
@tool("fees")
def fees(caller):
    """The fee schedule, every row with the day it applies from, and a fee set from a day
    (PUT /api/v1/staff/treasury/fees, the same function)."""
    if request.method == "GET":
        return _fees_page(caller)
    try:
        rows = finance_api.fee_rows(caller)["fees"]
    except NOT_ANSWERING:
        return error_page(503)
    form = SetFee().offer(rows)
    body = form.body()
    if body is None:
        return _fees_page(caller, form, status=400)
    try:
        finance_api.set_fee(caller, body)
    except InvalidArgument as refused:
        form.refuse(refused.field)
        return _fees_page(caller, form, status=400)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".fees", done=f"{body.fee_code}/{body.level}/{body.applies_from}"), code=303)


# -- a challan issued by hand --------------------------------------------------------------------------
class HandChallan(_ModelForm):
    key = HiddenField()
    fee_code = SelectField(_l("Fee"), choices=[], validators=[DataRequired(_l("Choose the fee."))])
    level = SelectField(_l("Programme level"), choices=[], validators=[DataRequired(_l("Choose the level."))])
    description = _field(_l("What it is for"), _l("Printed on the challan, e.g. Duplicate result card, Spring 2026."),
                         required=_l("Say what the challan is for."), validators=[Length(min=5, max=200)])
    FIRST = "fee_code"
    MESSAGES = {"fee_code": _l("Choose one of the schedule's fees."),
                "level": _l("This fee has no amount at this level: choose her programme's level."),
                "description": _l("Say what the challan is for (5 to 200 characters).")}

    def offer(self, rows: list[dict]) -> HandChallan:
        self.fee_code.choices = [("", _l("Choose")), *((c, c) for c in sorted({r["fee_code"] for r in rows}))]
        self.level.choices = [("", _l("Choose")), *((lv, lv) for lv in sorted({r["level"] for r in rows}))]
        if not self.key.data:
            self.key.data = uuid.uuid4().hex  # the form sent twice issues one challan
        return self


@staff_bp.post("/treasury/students/<registration_number>/challans", endpoint="treasury_issue")
@tool("treasury")
def treasury_issue(caller, registration_number: str):
    try:
        rows = finance_api.fee_rows(caller)["fees"]
        account = finance_api.account_of(caller, registration_number)
    except InvalidArgument:
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    form = HandChallan().offer(rows)
    body = None
    if form.validate_on_submit():
        body = form.model(schemas.HandChallan, {
            "registration_number": account["registration_number"], "fee_code": form.fee_code.data,
            "level": form.level.data, "description": form.description.data or ""})
    if body is None:
        return _account_page(caller, account, rows, form, status=400)
    try:
        issued = finance_api.issue_by_hand(caller, body, form.key.data or "")
    except (InvalidArgument, FailedPrecondition) as refused:
        form.refuse(refused.field)
        return _account_page(caller, account, rows, form, status=400)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".treasury_challan", consumer_number=issued["consumer_number"], done="issued"),
                    code=303)


def _account_page(caller, account: dict, rows: list[dict], form: HandChallan | None = None, *, status: int = 200):
    return page("portal/staff/treasury_account.html", caller=caller, department=department_of(caller),
                account=account, entry_kinds=ENTRY_KINDS, issue_form=form or HandChallan(formdata=None).offer(rows),
                status=status)
