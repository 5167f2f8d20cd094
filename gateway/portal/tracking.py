"""Degree and transcript tracking in the portal: the student's applications with their
stages and her answer to an objection; the examinations and dispatch officers' queue and
an application's page with its moves. The calls are the JSON API's (gateway.blueprints.tracking)."""
from __future__ import annotations

from flask import redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from campus.errors import (
    DeadlineExceeded,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    Unavailable,
)
from gateway.blueprints import staff as staff_api
from gateway.blueprints import tracking as tracking_api
from gateway.portal import books, forms, session
from gateway.portal.pages import error_page, page
from gateway.portal.staff import bp as staff_bp
from gateway.portal.staff import department_of, tool
from gateway.portal.student import bp as student_bp
from gateway.problems import Problem
from services.tracking import domain

NOT_ANSWERING = (Unavailable, DeadlineExceeded)
REFUSED = (InvalidArgument, FailedPrecondition, PermissionDenied)


def _refusal(form: FlaskForm, refused: Exception, fallback: str) -> None:
    """Show a service's refusal next to the field it names (or the form's main field)."""
    target = form[refused.field] if getattr(refused, "field", "") in form._fields else form[fallback]
    target.errors = [*target.errors, _l("Not accepted: %(why)s", why=refused.message)]


# -- the student ------------------------------------------------------------------------------------
class ObjectionAnswer(FlaskForm):
    text = TextAreaField(_l("Your answer"), filters=[forms._one_line_break], validators=[
        DataRequired(_l("Write your answer.")), Length(max=2000), forms._plain_text])
    file = FileField(_l("Document"), description=_l("PDF, JPEG or PNG, up to 5 MB."))
    file2 = FileField(_l("Another document"))
    file3 = FileField(_l("Another document"))


def _my_page(caller, answer_form: ObjectionAnswer | None = None, answering: str = "", *, status: int = 200):
    try:
        found = tracking_api.mine(caller)
    except NOT_ANSWERING:
        found, status = None, 503
    return page("portal/student/tracking.html", caller=caller, found=found,
                answer_form=answer_form or ObjectionAnswer(formdata=None), answering=answering,
                confirm=books.ConfirmAddress(formdata=None),
                done=request.args.get("done", ""), status=status)


@student_bp.get("/tracking", endpoint="tracking")
@session.page_for("student")
def my_tracking(caller):
    """Her degree, transcript and certificate applications, each stage with its date, an
    objection's reason and the documents wanted, and the form to answer it."""
    return _my_page(caller)


@student_bp.post("/tracking/<tracking_id>/objection-response", endpoint="objection_response")
@session.page_for("student")
def objection_response(caller, tracking_id):
    """Answer an objection with text and documents (POST /api/v1/me/tracking/<id>/objection-response)."""
    form = ObjectionAnswer()
    if not form.validate_on_submit():
        return _my_page(caller, form, tracking_id, status=400)
    files = [(f.data.filename or "", f.data.read()) for f in (form.file, form.file2, form.file3)
             if f.data and hasattr(f.data, "read") and f.data.filename]
    try:
        tracking_api.answer(caller, tracking_id, form.text.data, files)
    except (NotFound, Problem):
        return error_page(404)
    except REFUSED as refused:
        _refusal(form, refused, "text" if refused.field in ("text", "tracking_id") else "file")
        return _my_page(caller, form, tracking_id, status=409 if isinstance(refused, FailedPrecondition) else 400)
    except NOT_ANSWERING:
        return _my_page(caller, form, tracking_id, status=503)
    return redirect(url_for(".tracking", done="answered"), code=303)


def _document(caller, tracking_id: str, document_id: str):
    """A document answering an objection, for her or for an officer (the service decides)."""
    try:
        return tracking_api.document(caller, tracking_id, document_id)
    except (NotFound, InvalidArgument, Problem):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)


@student_bp.get("/tracking/<tracking_id>/documents/<document_id>", endpoint="objection_document")
@session.page_for("student")
def my_objection_document(caller, tracking_id, document_id):
    return _document(caller, tracking_id, document_id)


# -- examinations and dispatch -------------------------------------------------------------------------
STAGE_CHOICES = [("", _l("Every stage still with the university"))] + [(s, s) for s in domain.STAGES]


class MoveForm(FlaskForm):
    stage = SelectField(_l("Move to"), choices=[(s, s) for s in domain.MOVES if s != domain.OBJECTION],
                        validators=[DataRequired()])
    note = StringField(_l("Note"), validators=[Optional(), Length(max=300)])
    courier = StringField(_l("Courier"), description=_l("Like TCS or Pakistan Post (dispatch only)."),
                          validators=[Optional(), Length(max=60)])
    courier_tracking_number = StringField(_l("Courier's tracking number"), validators=[Optional(), Length(max=40)])


class ObjectionForm(FlaskForm):
    reason = StringField(_l("Reason the student reads"), validators=[
        DataRequired(_l("Write the reason.")), Length(max=300)])
    documents = TextAreaField(_l("Documents wanted, one to a line"), validators=[Optional(), Length(max=1300)])

    def wanted(self) -> list[str]:
        return [line.strip() for line in (self.documents.data or "").splitlines() if line.strip()]


@staff_bp.get("/tracking", endpoint="tracking")
@tool("tracking")
def tracking_queue(caller):
    """The queue (GET /api/v1/staff/tracking): urgent first, then the oldest, with counts."""
    stage = request.args.get("stage", "")
    stage = stage if stage in domain.STAGES else ""
    try:
        found, status = tracking_api.queue(caller, stage, request.args.get("urgent") == "1", limit=100), 200
    except NOT_ANSWERING:
        found, status = None, 503
    return page("portal/staff/tracking.html", caller=caller, department=department_of(caller), found=found,
                shown=stage, urgent=request.args.get("urgent") == "1", status=status)


def _application_page(caller, tracking_id: str, move_form=None, objection_form=None, *, status: int = 200):
    try:
        found = tracking_api.application(caller, tracking_id)
    except (NotFound, InvalidArgument, Problem):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    moves = [s for s in domain.NEXT.get(found["stage"], ()) if domain.MOVES[s][0] == caller.department]
    can_object = domain.MOVES[domain.OBJECTION][0] == caller.department and \
        found["stage"] in domain.MOVES[domain.OBJECTION][1] and not found["rejected"]
    move_form = move_form or MoveForm(formdata=None)
    move_form.stage.choices = [(s, s) for s in moves] or move_form.stage.choices
    return page("portal/staff/tracking_application.html", caller=caller, department=department_of(caller),
                a=found, moves=moves if not found["rejected"] else [], can_object=can_object,
                move_form=move_form, objection_form=objection_form or ObjectionForm(formdata=None),
                may_move=staff_api.owns(caller, "tracking_moves"), done=request.args.get("done", ""), status=status)


@staff_bp.get("/tracking/<tracking_id>", endpoint="tracking_application")
@tool("tracking")
def tracking_application(caller, tracking_id):
    """One application: its stages, objections and answers, and what this officer may do next."""
    return _application_page(caller, tracking_id)


@staff_bp.post("/tracking/<tracking_id>/stage", endpoint="tracking_move")
@tool("tracking_moves")
def tracking_move(caller, tracking_id):
    form = MoveForm()
    form.stage.choices = [(s, s) for s in domain.MOVES if s != domain.OBJECTION]
    if not form.validate_on_submit():
        return _application_page(caller, tracking_id, form, status=400)
    try:
        tracking_api.move(caller, tracking_id, form.stage.data, form.note.data or "", form.courier.data or "",
                          form.courier_tracking_number.data or "")
    except (NotFound, Problem):
        return error_page(404)
    except REFUSED as refused:
        _refusal(form, refused, "stage")
        return _application_page(caller, tracking_id, form, status=403 if isinstance(refused, PermissionDenied)
                                 else 409 if isinstance(refused, FailedPrecondition) else 400)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".tracking_application", tracking_id=tracking_id, done="moved"), code=303)


@staff_bp.post("/tracking/<tracking_id>/objection", endpoint="tracking_objection")
@tool("tracking_moves")
def tracking_objection(caller, tracking_id):
    form = ObjectionForm()
    if not form.validate_on_submit():
        return _application_page(caller, tracking_id, objection_form=form, status=400)
    try:
        tracking_api.object_to(caller, tracking_id, form.reason.data, form.wanted())
    except (NotFound, Problem):
        return error_page(404)
    except REFUSED as refused:
        _refusal(form, refused, "reason")
        return _application_page(caller, tracking_id, objection_form=form,
                                 status=403 if isinstance(refused, PermissionDenied) else 409)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".tracking_application", tracking_id=tracking_id, done="objected"), code=303)


@staff_bp.get("/tracking/<tracking_id>/documents/<document_id>", endpoint="tracking_document")
@tool("tracking")
def tracking_document(caller, tracking_id, document_id):
    return _document(caller, tracking_id, document_id)
