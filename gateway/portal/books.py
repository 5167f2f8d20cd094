"""Books mailing in the portal: the public look-up by roll number or admission challan
number, dispatch's page (a semester's CSV, the report, delivered or returned), and the
student's confirmation of her address for a returned parcel. The calls are the JSON API's
(gateway.blueprints.books)."""
from __future__ import annotations

from flask import redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from campus.errors import DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from gateway import schemas
from gateway.blueprints import books as books_api
from gateway.portal import session
from gateway.portal.pages import error_page, page
from gateway.portal.public import bp as public_bp
from gateway.portal.staff import bp as staff_bp
from gateway.portal.staff import department_of, tool
from gateway.portal.student import bp as student_bp
from gateway.problems import Problem

NOT_ANSWERING = (Unavailable, DeadlineExceeded)
SEMESTER = r"^(Spring|Autumn) 20[0-9]{2}$"


# -- the public ------------------------------------------------------------------------------------
class BooksLookUp(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET: it changes nothing and should be linkable

    roll_number = StringField(_l("Roll number"), validators=[Optional(), Length(max=12), Regexp(
        schemas.ROLL_NUMBER, message=_l("A roll number looks like BO680724."))])
    challan_number = StringField(_l("Admission challan number"), validators=[Optional(), Regexp(
        r"^[0-9]{18}$", message=_l("A challan number has 18 digits."))])

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not (self.roll_number.data or self.challan_number.data):
            self.roll_number.errors.append(_l("Enter your roll number or your admission challan number."))
            return False
        return True


@public_bp.get("/books", endpoint="books")
def books_page():
    """Where a student's books are, by roll number or admission challan number (seed 000)."""
    form = BooksLookUp(request.args)
    found, status = None, 200
    if request.args and form.validate():
        try:
            found = books_api.look_up((form.roll_number.data or "").upper(), form.challan_number.data or "",
                                      session.PUBLIC)["parcels"]
        except InvalidArgument:
            form.roll_number.errors.append(_l("A roll number looks like BO680724."))
        except NOT_ANSWERING:
            status = 503
    status = 400 if request.args and form.errors else status
    return page("portal/books.html", caller=session.page_caller(), form=form, found=found, status=status)


# -- the student ------------------------------------------------------------------------------------
class ConfirmAddress(FlaskForm):
    semester = HiddenField(validators=[DataRequired(), Regexp(SEMESTER)])


@student_bp.post("/parcels/<registry_number>/confirm-address", endpoint="confirm_address")
@session.page_for("student")
def confirm_address(caller, registry_number):
    """Her returned parcel: the address is right, send it again."""
    form = ConfirmAddress()
    if not form.validate_on_submit():
        return error_page(400)
    try:
        books_api.confirm_address(caller, registry_number, form.semester.data)
    except (NotFound, InvalidArgument, Problem):
        return error_page(404)
    except FailedPrecondition:
        return redirect(url_for(".tracking"), code=303)   # already sent again: the page says so
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".tracking", done="address"), code=303)


# -- dispatch -----------------------------------------------------------------------------------------
class DispatchForm(FlaskForm):
    semester = StringField(_l("Semester"), description=_l("Like Spring 2027."), validators=[
        DataRequired(_l("Name the semester.")), Regexp(SEMESTER, message=_l("Like Spring 2027 or Autumn 2026."))])
    note = StringField(_l("Note for the students"), description=_l("Like the post's batch."),
                       validators=[Optional(), Length(max=300)])
    file = FileField(_l("Registry numbers (CSV)"), description=_l(
        "UTF-8 CSV, its first line registry_number, then one roll number to a line."))


class OutcomeForm(FlaskForm):
    semester = HiddenField(validators=[DataRequired(), Regexp(SEMESTER)])
    status = SelectField(choices=[("delivered", "delivered"), ("returned", "returned")])


def _parcels_page(caller, form: DispatchForm, *, report=None, refused=(), status: int = 200):
    shown = request.args.get("status", "")
    shown = shown if shown in ("prepared", "dispatched", "delivered", "returned") else ""
    try:
        found = books_api.parcels_of(caller, status=shown, limit=200)
    except NOT_ANSWERING:
        found, status = None, 503
    return page("portal/staff/parcels.html", caller=caller, department=department_of(caller), form=form,
                report=report, refused=refused, found=found, shown=shown, outcome=OutcomeForm(formdata=None),
                done=request.args.get("done", ""), status=status)


@staff_bp.route("/parcels", methods=["GET", "POST"], endpoint="parcels")
@tool("parcels")
def parcels(caller):
    """Dispatch a semester's parcels from a CSV (POST /api/v1/staff/parcels/dispatch), then
    the parcels, returned ones first."""
    if request.method == "GET":
        return _parcels_page(caller, DispatchForm(formdata=None))
    form = DispatchForm()
    upload = form.file.data
    if not form.validate_on_submit() or not (upload and getattr(upload, "filename", "")):
        if not (upload and getattr(upload, "filename", "")):
            form.file.errors = [*form.file.errors, _l("Choose the CSV file.")]
        return _parcels_page(caller, form, status=400)
    try:
        report, refused = books_api.dispatch(caller, form.semester.data, upload.read(), form.note.data or "")
    except InvalidArgument as bad:
        target = form[bad.field] if bad.field in form._fields else form.file
        target.errors = [*target.errors, _l("Not accepted: %(why)s", why=bad.message)]
        return _parcels_page(caller, form, status=400)
    except NOT_ANSWERING:
        return _parcels_page(caller, form, status=503)
    return _parcels_page(caller, form, report=report, refused=refused, status=400 if refused else 200)


@staff_bp.post("/parcels/<registry_number>/status", endpoint="parcel_status")
@tool("parcels")
def parcel_status(caller, registry_number):
    form = OutcomeForm()
    if not form.validate_on_submit():
        return error_page(400)
    try:
        books_api.record_outcome(caller, registry_number, form.semester.data, form.status.data)
    except (NotFound, InvalidArgument, Problem):
        return error_page(404)
    except FailedPrecondition:
        return error_page(409)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".parcels", done=form.status.data), code=303)
