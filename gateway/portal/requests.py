"""A request worked through, in the portal: on the student's request page her messages to
the officials and her documents; on the department's page the whole case (internal notes
too) with its decision, its officer, replies and documents.

Each form posts to its own address and comes back (303) to the request's page; a refusal
is shown next to its field with the status the API would answer. The calls are those of
the JSON API (gateway.blueprints.requests)."""
from __future__ import annotations

import secrets

from flask import redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from campus.errors import DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from gateway.blueprints import requests as requests_api
from gateway.blueprints import student as student_api
from gateway.portal import forms, session
from gateway.portal.admission_forms import _file_name
from gateway.portal.pages import error_page, page
from gateway.portal.staff import bp as staff_bp
from gateway.portal.student import bp as student_bp
from gateway.portal.vocabulary import DEPARTMENT_NAMES
from gateway.problems import Problem
from services.requests import domain as requests_domain

NOT_ANSWERING = (Unavailable, DeadlineExceeded)
MESSAGE_MAX = 2000
ATTACHABLE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
CLOSED = _l("This request is closed: file a new request if you need more.")


class Message(FlaskForm):
    text = TextAreaField(_l("Your message"), filters=[forms._one_line_break], validators=[
        DataRequired(_l("Write your message.")),
        Length(max=MESSAGE_MAX, message=_l("Please keep your message within %(max)d characters.")),
        forms._plain_text])
    idempotency_key = HiddenField(default=lambda: secrets.token_urlsafe(24), validators=[
        DataRequired(), Regexp(forms.IDEMPOTENCY_KEY)])


class StaffMessage(Message):
    internal = BooleanField(_l("Internal note: only the department sees it"))


class Document(FlaskForm):
    file = FileField(_l("Document"), validators=[FileRequired(_l("Choose the file to attach."))],
                     description=_l("PDF, JPEG or PNG, up to 5 MB. A photo of a paper document is fine."))


class Decision(FlaskForm):
    decision = RadioField(_l("Decision"), choices=[
        ("approve", _l("Approve: the request is resolved")),
        ("request_information", _l("Ask the student for information")),
        ("reject", _l("Reject"))], validators=[DataRequired(_l("Choose a decision."))])
    reason = TextAreaField(_l("Reason, as the student will read it"), filters=[forms._one_line_break],
                           description=_l("Required to reject or to ask for something."), validators=[
        Optional(), Length(max=300, message=_l("Please keep the reason within %(max)d characters.")),
        forms._plain_text])


class CorrectionDecisions(FlaskForm):
    """Only the CSRF token: the fields are the correction's own (decision-<field>, reason-<field>)."""


class Assignment(FlaskForm):
    officer = StringField(_l("Officer's login"), description=_l("Empty: nobody is on it."), validators=[
        Optional(), Length(max=60), Regexp(r"^[A-Za-z][A-Za-z0-9._-]{2,39}$",
                                           message=_l("A staff login, like exams.officer."))])


def _refuse(field, refused: InvalidArgument | FailedPrecondition) -> None:
    """The service's refusal next to the field (its reason in English, as the service words it)."""
    if refused.reason == "REQUEST_CLOSED":
        field.errors = [*field.errors, CLOSED]
    else:
        field.errors = [*field.errors, _l("Not accepted: %(why)s", why=refused.message)]


def _document(form: Document) -> tuple[str, bytes]:
    return _file_name(form.file.data.filename or ""), form.file.data.read()


# -- the student ---------------------------------------------------------------------------
def _student_page(caller, request_number: str, *, message=None, document=None, status: int = 200):
    try:
        filed = requests_api.request_for(caller, request_number)
    except (InvalidArgument, NotFound):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    challan, challan_unavailable = None, False
    if filed["challan"]:
        try:
            challan = student_api.challan_of(caller, filed["challan"]["consumer_number"])
        except (*NOT_ANSWERING, NotFound):
            challan_unavailable = True
    return page("portal/student/request.html", caller=caller, filed=filed, status=status,
                challan=challan, challan_unavailable=challan_unavailable,
                department=DEPARTMENT_NAMES.get(filed["department"], filed["department"]),
                message=message or Message(formdata=None), document=document or Document(formdata=None),
                attachable=ATTACHABLE, done=request.args.get("done", ""), correctable=CORRECTABLE)


@student_bp.get("/requests/<request_number>", endpoint="request")
@session.page_for("student")
def student_request(caller, request_number):
    """One request with its history, its challan, the thread and her documents. Someone
    else's does not exist for her: 404."""
    return _student_page(caller, request_number)


@student_bp.post("/requests/<request_number>/messages", endpoint="request_message")
@session.page_for("student")
def student_message(caller, request_number):
    """Write to the officials (POST /api/v1/me/requests/<n>/comments, the same function)."""
    form = Message()
    if not form.validate_on_submit():
        if form.idempotency_key.errors:
            form.idempotency_key.data = secrets.token_urlsafe(24)
        return _student_page(caller, request_number, message=form, status=400)
    return _change(_student_page, caller, request_number, form, form.text, lambda: requests_api.comment_on(
        caller, request_number, form.text.data, idempotency_key=form.idempotency_key.data), "message", "message",
        anchor="#thread")


@student_bp.post("/requests/<request_number>/documents", endpoint="request_document")
@session.page_for("student")
def student_document(caller, request_number):
    """Attach a document (POST /api/v1/me/requests/<n>/attachments, the same function)."""
    form = Document()
    if not form.validate_on_submit():
        return _student_page(caller, request_number, document=form, status=400)
    filename, content = _document(form)
    return _change(_student_page, caller, request_number, form, form.file, lambda: requests_api.attach_to(
        caller, request_number, filename, content), "document", "document", anchor="#documents")


@student_bp.get("/requests/<request_number>/documents/<attachment_id>", endpoint="request_download")
@session.page_for("student")
def student_download(caller, request_number, attachment_id):
    """A document on her request, as a download (never opened in the page)."""
    return _download(caller, request_number, attachment_id)


def _download(caller, request_number, attachment_id):
    try:
        return requests_api.attachment_response(caller, request_number, attachment_id)
    except (InvalidArgument, NotFound, Problem):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)


# -- the department ------------------------------------------------------------------------
def _staff_page(caller, request_number: str, *, status: int = 200, **given):
    try:
        filed = requests_api.request_for(caller, request_number)
    except (InvalidArgument, NotFound):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    handles = caller.department == filed["department"]
    assignment = given.pop("assignment", None) or Assignment(formdata=None, officer=filed["assigned_to"])
    return page("portal/staff/request.html", caller=caller, filed=filed, handles=handles, status=status,
                message=given.get("message") or StaffMessage(formdata=None),
                document=given.get("document") or Document(formdata=None),
                decision=given.get("decision") or Decision(formdata=None), assignment=assignment,
                attachable=ATTACHABLE, done=request.args.get("done", ""), correctable=CORRECTABLE,
                field_decisions=given.get("field_decisions") or {}, field_errors=given.get("field_errors") or {},
                department=DEPARTMENT_NAMES.get(filed["department"], filed["department"]))


def _change(render, caller, request_number, form, field, call, done: str, key: str, anchor: str = ""):
    """Make one change to a request (hers or the department's): back (303) to the request's
    page, or `render` it again with the refusal next to `field` (or the field it names)."""
    try:
        call()
    except (InvalidArgument, FailedPrecondition) as refused:
        target = getattr(form, refused.field, None) if refused.field in form._fields else field
        _refuse(target, refused)
        return render(caller, request_number, status=409 if isinstance(refused, FailedPrecondition) else 400,
                      **{key: form})
    except NotFound:
        return error_page(404)
    except NOT_ANSWERING:
        return render(caller, request_number, status=503, **{key: form})
    return redirect(url_for(".request", request_number=request_number, done=done) + anchor, code=303)


@staff_bp.get("/requests/<request_number>", endpoint="request")
@session.page_for("staff")
def staff_request(caller, request_number):
    """The case: details, history (who and when), thread with internal notes, documents and,
    for the handling department, its decision, officer, reply and attachment."""
    return _staff_page(caller, request_number)


@staff_bp.post("/requests/<request_number>/messages", endpoint="request_message")
@session.page_for("staff")
def staff_message(caller, request_number):
    form = StaffMessage()
    if not form.validate_on_submit():
        return _staff_page(caller, request_number, status=400, message=form)
    return _change(_staff_page, caller, request_number, form, form.text, lambda: requests_api.comment_on(
        caller, request_number, form.text.data, internal=form.internal.data,
        idempotency_key=form.idempotency_key.data), "note" if form.internal.data else "message", "message")


@staff_bp.post("/requests/<request_number>/documents", endpoint="request_document")
@session.page_for("staff")
def staff_document(caller, request_number):
    form = Document()
    if not form.validate_on_submit():
        return _staff_page(caller, request_number, status=400, document=form)
    filename, content = _document(form)
    return _change(_staff_page, caller, request_number, form, form.file,
                       lambda: requests_api.attach_to(caller, request_number, filename, content), "document",
                       "document")


@staff_bp.post("/requests/<request_number>/decision", endpoint="request_decision")
@session.page_for("staff")
def staff_decision(caller, request_number):
    form = Decision()
    if not form.validate_on_submit():
        return _staff_page(caller, request_number, status=400, decision=form)
    return _change(_staff_page, caller, request_number, form, form.decision, lambda: requests_api.decide(
        caller, request_number, form.decision.data, form.reason.data or ""), form.decision.data, "decision")


@staff_bp.post("/requests/<request_number>/corrections", endpoint="request_corrections")
@session.page_for("staff")
def staff_corrections(caller, request_number):
    """Admissions decide a correction field by field (POST /api/v1/staff/requests/<n>/corrections)."""
    form = CorrectionDecisions()
    chosen = {f: request.form.get(f"decision-{f}", "") for f in CORRECTABLE if f"decision-{f}" in request.form
              or f"reason-{f}" in request.form}
    reasons = {f: forms._one_line_break(request.form.get(f"reason-{f}", "")).strip() for f in chosen}
    errors = {f: _l("Approve or refuse this field.") for f, d in chosen.items() if d not in ("approve", "refuse")}
    errors |= {f: _l("Say why: the student reads it.") for f, d in chosen.items() if d == "refuse" and not reasons[f]}
    given = {"field_decisions": {f: (chosen[f], reasons[f]) for f in chosen}, "field_errors": errors}
    if not form.validate_on_submit() or errors or not chosen:
        return _staff_page(caller, request_number, status=400, **given)
    try:
        requests_api.decide_correction(caller, request_number, [(f, chosen[f] == "approve", reasons[f])
                                                                for f in chosen])
    except (InvalidArgument, FailedPrecondition) as refused:
        given["field_errors"] = {refused.field if refused.field in CORRECTABLE else "_": _l(
            "Not accepted: %(why)s", why=refused.message)}
        return _staff_page(caller, request_number, status=409 if isinstance(refused, FailedPrecondition) else 400,
                           **given)
    except NotFound:
        return error_page(404)
    except NOT_ANSWERING:
        return _staff_page(caller, request_number, status=503, **given)
    return redirect(url_for(".request", request_number=request_number, done="corrections"), code=303)


@staff_bp.post("/requests/<request_number>/assignment", endpoint="request_assignment")
@session.page_for("staff")
def staff_assignment(caller, request_number):
    form = Assignment()
    if request.form.get("to_me"):
        form.officer.data = caller.subject
    if not form.validate_on_submit():
        return _staff_page(caller, request_number, status=400, assignment=form)
    return _change(_staff_page, caller, request_number, form, form.officer, lambda: requests_api.assign(
        caller, request_number, (form.officer.data or "").lower()), "assigned", "assignment")


@staff_bp.get("/requests/<request_number>/documents/<attachment_id>", endpoint="request_download")
@session.page_for("staff")
def staff_download(caller, request_number, attachment_id):
    """A document on a request of the department's, as a download."""
    return _download(caller, request_number, attachment_id)


# -- a correction in personal information ---------------------------------------------------
#: Each correctable field as the form labels it, in the record's order.
CORRECTABLE = {"full_name": _l("Name"), "father_name": _l("Father's name"), "cnic": _l("CNIC"),
               "date_of_birth": _l("Date of birth"), "postal_address": _l("Postal address"),
               "mobile": _l("Mobile number"), "email": _l("Email address")}


class Correction(FlaskForm):
    full_name = StringField(CORRECTABLE["full_name"], validators=[Optional(), Length(max=120)])
    father_name = StringField(CORRECTABLE["father_name"], validators=[Optional(), Length(max=120)])
    cnic = StringField(CORRECTABLE["cnic"], description=_l("Like 35202-1234567-1."),
                       validators=[Optional(), Length(max=20)])
    date_of_birth = StringField(CORRECTABLE["date_of_birth"], description=_l("Like 2001-09-03."),
                                validators=[Optional(), Length(max=10)])
    postal_address = TextAreaField(CORRECTABLE["postal_address"], filters=[forms._one_line_break],
                                   validators=[Optional(), Length(max=300)])
    mobile = StringField(CORRECTABLE["mobile"], description=_l("Like 0300-1234567."),
                         validators=[Optional(), Length(max=20)])
    email = StringField(CORRECTABLE["email"], validators=[Optional(), Length(max=120)])
    details = TextAreaField(_l("Why the record is wrong"), filters=[forms._one_line_break], validators=[
        Length(max=2000, message=_l("Please keep the details within %(max)d characters.")), forms._plain_text])
    idempotency_key = HiddenField(default=lambda: secrets.token_urlsafe(24), validators=[
        DataRequired(), Regexp(forms.IDEMPOTENCY_KEY)])

    def changes(self) -> dict[str, str]:
        return {f: (self[f].data or "").strip() for f in CORRECTABLE if (self[f].data or "").strip()}


def _correction_page(caller, form: Correction, *, status: int = 200, problem=None):
    from gateway import dashboard
    from gateway.context import current
    profile = dashboard.tile(current(), "profile", caller).get("data")
    return page("portal/student/correction.html", caller=caller, form=form, profile=profile, fields=CORRECTABLE,
                problem=problem, status=503 if profile is None else status)


@student_bp.route("/requests/correction", methods=["GET", "POST"], endpoint="correction")
@session.page_for("student")
def correction(caller):
    """Ask for a correction of her record: each field shows what the record says; she fills in
    the ones that are wrong (POST /api/v1/me/requests with `changes`, the same function)."""
    form = Correction()
    if request.method == "GET":
        return _correction_page(caller, Correction(formdata=None))
    if not form.validate_on_submit():
        form.idempotency_key.data = secrets.token_urlsafe(24)
        return _correction_page(caller, form, status=400)
    changes = form.changes()
    if not changes:
        return _correction_page(caller, form, status=400, problem=_l("Fill in the new value of what is wrong."))
    subtype = requests_domain.CORRECTION_FIELD_SUBTYPES[next(iter(changes))]
    try:
        filed = student_api.file_for(caller, category="personal_info_correction", subtype=subtype,
                                     details=form.details.data or "", idempotency_key=form.idempotency_key.data,
                                     changes=changes)
    except InvalidArgument as refused:
        if refused.field in CORRECTABLE:
            form[refused.field].errors = [*form[refused.field].errors, _l("Not accepted: %(why)s",
                                                                          why=refused.message)]
            return _correction_page(caller, form, status=400)
        return _correction_page(caller, form, status=400, problem=_l("Not accepted: %(why)s", why=refused.message))
    except NOT_ANSWERING:
        return _correction_page(caller, form, status=503,
                                problem=_l("Filing is not available right now. Please try again in a little while."))
    return redirect(url_for(".request", request_number=filed["request_number"], done="correction"), code=303)
