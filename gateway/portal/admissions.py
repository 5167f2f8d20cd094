"""The admissions tools over enrollment, as pages: admit a student at the desk, or a CSV
file of them (its progress, its refused rows, its report); a student's record with its
history and corrections; the holds admissions and student services place by hand; the
semesters' admission and registration windows.

Each page calls the same function as the JSON API (gateway.blueprints.records), so both
make the same calls; enrollment's refusals are said next to the field they name."""
from __future__ import annotations

import csv
import io
import re

from flask import Response, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from campus import clock, identifiers
from campus.errors import AlreadyExists, DeadlineExceeded, InvalidArgument, NotFound, Unavailable
from gateway import schemas
from gateway.blueprints import public as public_api
from gateway.blueprints import records as records_api
from gateway.blueprints import staff as staff_api
from gateway.portal import admission_forms as forms
from gateway.portal.pages import error_page, page
from gateway.portal.staff import bp, department_of, tool
from gateway.portal.vocabulary import (
    ACCOUNT_OPENINGS,
    ADMISSION_FILE_STATUSES,
    GENDERS,
    HOLD_TITLES,
    RECORD_FIELDS,
    STUDENT_STATUSES,
)

NOT_ANSWERING = (Unavailable, DeadlineExceeded)
#: A file's statuses while enrollment is still at it: its page refreshes itself.
WORKING = ("queued", "applying")
#: A file's statuses that have a report to download.
REPORTED = ("applied", "refused")


# -- admitting one student ---------------------------------------------------------------
@bp.route("/admissions/new", methods=["GET", "POST"])
@tool("admissions")
def new_admission(caller):
    """POST /api/v1/staff/admissions as a form; a 303 to a fresh form that names the new
    registration number. The hidden key is its Idempotency-Key: sent twice, she is admitted once."""
    form = forms.AdmitStudent()
    form.offer(_programmes())
    form.offer_centres(_centres())
    if request.method == "GET":
        form.admission_semester.data = _admitting(caller)
        return _admission_page(caller, form)
    body = form.body()
    if body is None:
        if form.idempotency_key.errors:  # tampered with: a fresh key, and nothing is admitted
            form.fresh_key()
            return _admission_page(caller, form, status=400, problem=forms.FORM_NOT_ACCEPTED)
        return _admission_page(caller, form, status=400)
    try:
        admitted = records_api.admit(caller, body, form.idempotency_key.data)
    except InvalidArgument as refused:
        form.refuse_as_enrollment(refused)
        return _admission_page(caller, form, status=400)
    except AlreadyExists:
        form.refuse("cnic", form.ALREADY_ADMITTED)
        return _admission_page(caller, form, status=409)
    except NOT_ANSWERING:  # the same form again finishes this same admission
        return _admission_page(caller, form, status=503, problem=_l(
            "Admission is not available right now. Please submit the form again in a little while: "
            "the student is admitted once."))
    return redirect(url_for(".new_admission", admitted=admitted["student"]["registration_number"],
                            account=admitted["account_status"]), code=303)


def _admission_page(caller, form, *, status: int = 200, problem=None):
    admitted = request.args.get("admitted", "")
    return page("portal/staff/admit.html", caller=caller, form=form, status=status, problem=problem,
                department=department_of(caller),
                admitted=admitted if re.match(schemas.REGISTRATION_NUMBER, admitted) else "",
                account=ACCOUNT_OPENINGS.get(request.args.get("account", "")))


def _programmes() -> list[dict]:
    """Enrollment's programmes (the public reference data); none while it does not answer,
    when admitting could not be done either."""
    try:
        return public_api.programs_catalogue()["programs"]
    except NOT_ANSWERING:
        return []


def _centres() -> list[dict]:
    """The regional centres to choose from; none while enrollment does not answer (the code
    is then typed, and checked by enrollment when it answers again)."""
    try:
        return public_api.centres_list()["centres"]
    except NOT_ANSWERING:
        return []


def _admitting(caller) -> str:
    """The semester admitting students today, to start the form with (none: left empty)."""
    today = clock.karachi_today().isoformat()
    try:
        calendar = records_api.semesters(caller)["semesters"]
    except NOT_ANSWERING:
        return ""
    return next((s["code"] for s in calendar if s["admission"]["opens"] <= today <= s["admission"]["closes"]), "")


# -- a file of students --------------------------------------------------------------------
@bp.route("/admissions/files", methods=["GET", "POST"], endpoint="admission_files")
@tool("admissions")
def admission_files(caller):
    """POST /api/v1/staff/admissions/files from a file upload (this endpoint takes bodies up to
    GATEWAY_MAX_UPLOAD_BYTES: gateway.app.UPLOAD_ENDPOINTS); a 303 to the file's page."""
    form = forms.AdmissionFile()
    if request.method == "GET":
        return _files_page(caller, form)
    upload = form.upload()
    if upload is None:
        return _files_page(caller, form, status=400)
    try:
        batch = records_api.submit_file(caller, upload.file_name, upload.csv)
    except InvalidArgument as refused:  # the file as a whole: its header, no rows, too many
        form.refuse_as_enrollment(refused)
        return _files_page(caller, form, status=400)
    except NOT_ANSWERING:
        return _files_page(caller, form, status=503, problem=_l(
            "Admission files cannot be taken right now. Please send the file again in a little while."))
    return redirect(url_for(".admission_file", batch_id=batch["batch_id"]), code=303)


def _files_page(caller, form, *, status: int = 200, problem=None):
    return page("portal/staff/admission_files.html", caller=caller, form=form, status=status, problem=problem,
                department=department_of(caller), columns=forms.COLUMN_HINTS, programmes=_programmes(),
                recent=_recent_files(caller), statuses=ADMISSION_FILE_STATUSES)


#: How many of the newest files the upload page lists.
RECENT_FILES = 20


def _recent_files(caller) -> list[dict] | None:
    """The newest admission files (GET /api/v1/staff/admissions/files); None while enrollment
    does not answer: the upload form still shows."""
    try:
        return records_api.admission_files(caller, RECENT_FILES)["batches"]
    except NOT_ANSWERING:
        return None


#: The sample file: its header names the columns; two made-up students under it.
SAMPLE_ROWS = (
    ("Ayesha Bibi", "Muhammad Aslam", "37405-1234567-8", "2002-03-15", "female",
     "House 12, Street 4, G-9/2, Islamabad", "0300-1234567", "ayesha.bibi@example.pk", "BED15", "ISB", "Spring 2027"),
    ("Usman Ali", "Ali Raza", "35202-7654321-1", "1999-11-02", "male",
     "Flat 3, Block C, Johar Town, Lahore", "0321-7654321", "usman.ali@example.pk", "ADE", "LHR", "Spring 2027"),
)


@bp.get("/admissions/sample.csv", endpoint="admission_file_sample")
@tool("admissions")
def admission_file_sample(caller):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(forms.ADMISSION_FIELDS)
    writer.writerows(SAMPLE_ROWS)
    return _attachment(out.getvalue(), "admissions-sample.csv")


@bp.get("/admissions/files/<batch_id>", endpoint="admission_file")
@tool("admissions")
def admission_file(caller, batch_id):
    """A file's status and progress (refreshing itself while enrollment applies it), its
    refused rows, and its report once there is one."""
    if not re.match(schemas.BATCH_ID, batch_id):
        return error_page(404)
    try:
        batch = records_api.admission_file(caller, batch_id)
    except NotFound:
        return error_page(404)
    except NOT_ANSWERING:
        return page("portal/staff/admission_file.html", caller=caller, batch=None, status=503,
                    department=department_of(caller))
    return page("portal/staff/admission_file.html", caller=caller, batch=batch, working=batch["status"] in WORKING,
                reported=batch["status"] in REPORTED, statuses=ADMISSION_FILE_STATUSES,
                department=department_of(caller))


@bp.get("/admissions/files/<batch_id>/report", endpoint="admission_report")
@tool("admissions")
def admission_report(caller, batch_id):
    """The file's report as a CSV attachment (GET .../files/<id>/report, the same function)."""
    if not re.match(schemas.BATCH_ID, batch_id):
        return error_page(404)
    try:
        batch, text = records_api.admission_report(caller, batch_id)
    except NotFound:
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    if batch["status"] not in REPORTED:  # nothing to download yet (or ever, for a failed file)
        return error_page(404)
    return _attachment(text, batch["file_name"].rsplit(".", 1)[0] + f"-{batch['status']}-report.csv")


def _attachment(text: str, name: str) -> Response:
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in name)[:100]
    return Response(text, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{safe}"',
                                                       "Cache-Control": "no-store"})


# -- a student: her record (admissions) and her holds (admissions, student services) ---------
@bp.get("/students", endpoint="find_student")
@tool("holds")
def find_student(caller):
    """Find a student by registration number: on to her page."""
    finder = forms.FindStudent(request.args)
    if "registration_number" not in request.args:
        return _finder_page(caller, finder)
    if not finder.validate():
        return _finder_page(caller, finder, status=400)
    regno = identifiers.registration_number(finder.registration_number.data)
    return redirect(url_for(".student", registration_number=regno), code=303)


def _finder_page(caller, finder, *, status: int = 200):
    return page("portal/staff/student.html", caller=caller, finder=finder, seen=None, status=status,
                department=department_of(caller))


def _not_found(caller, regno: str):
    finder = forms.FindStudent(formdata=None, data={"registration_number": regno})
    finder.registration_number.errors = [finder.NOT_FOUND]
    return _finder_page(caller, finder, status=404)


@bp.get("/students/<registration_number>", endpoint="student")
@tool("holds")
def student(caller, registration_number):
    return _student_page(caller, registration_number)


def _student_page(caller, regno: str, *, record: dict | None = None, correction=None, hold_form=None,
                  status: int = 200, problem=None):
    """Her record with its history and the correction form (admissions only: the record is
    theirs), and her holds with the forms to place and lift them."""
    try:
        regno = identifiers.registration_number(regno)
        seen = _seen(caller, regno, record)
    except (InvalidArgument, NotFound):
        return _not_found(caller, regno)
    if seen["unavailable"] and status == 200:
        status = 503
    student = (seen["record"] or {}).get("student")
    return page("portal/staff/student.html", caller=caller, finder=forms.FindStudent(formdata=None), seen=seen,
                regno=regno, problem=problem, status=status, department=department_of(caller),
                correction=correction or (forms.CorrectRecord.of(student) if student else None),
                hold_form=hold_form or forms.PlaceHold(formdata=None),
                done=request.args.get("done", ""), hand_placed=forms.HAND_PLACED, hold_titles=HOLD_TITLES,
                record_fields=RECORD_FIELDS, genders=GENDERS, student_statuses=STUDENT_STATUSES, source=_source)


#: How enrollment's history says a correction was made at the desk ("by hand: <reason>",
#: services.enrollment.corrections); any other source is the approved request's number.
BY_HAND = "by hand: "


def _source(source: str) -> str:
    """Where a change of the record came from, in the page's language."""
    if source.startswith(BY_HAND):
        return str(_l("At the desk: %(reason)s", reason=source[len(BY_HAND):]))
    if re.match(schemas.REQUEST_NUMBER, source):
        return str(_l("Service request %(number)s", number=source))
    return source


def _seen(caller, regno: str, record: dict | None) -> dict:
    """What of her the caller's department may see; NotFound when there is no such student."""
    seen = {"record": record, "holds": None, "unavailable": False,
            "keeps_records": staff_api.owns(caller, "student_records")}
    try:
        if seen["keeps_records"] and record is None:
            seen["record"] = records_api.student_record(caller, regno)
        seen["holds"] = records_api.holds_of(caller, regno)["holds"]
    except NOT_ANSWERING:
        seen["unavailable"] = True
    return seen


@bp.post("/students/<registration_number>/record", endpoint="correct_record")
@tool("student_records")
def correct_record(caller, registration_number):
    """PATCH /api/v1/staff/students/<number>/record with the fields that differ from the record
    as it stands; a 303 back to her page, whose history then shows each change."""
    try:
        regno = identifiers.registration_number(registration_number)
        record = records_api.student_record(caller, regno)
    except (InvalidArgument, NotFound):
        return _not_found(caller, registration_number)
    except NOT_ANSWERING:
        return _student_page(caller, registration_number, status=503)
    form = forms.CorrectRecord()
    body = form.body(record["student"])
    if body is None:
        return _student_page(caller, regno, record=record, correction=form, status=400)
    try:
        records_api.correct_record(caller, regno, body.changes.given(), body.reason)
    except InvalidArgument as refused:
        form.refuse_as_enrollment(refused)
        return _student_page(caller, regno, record=record, correction=form, status=400)
    except NOT_ANSWERING:
        return _student_page(caller, regno, record=record, correction=form, status=503, problem=_l(
            "The record cannot be corrected right now. Please save again in a little while."))
    return redirect(url_for(".student", registration_number=regno, done="corrected", _anchor="history"), code=303)


@bp.post("/students/<registration_number>/holds", endpoint="place_hold")
@tool("holds")
def place_hold(caller, registration_number):
    """A missing-documents hold (POST /api/v1/staff/students/<number>/holds); placed again, it
    is the one placed before."""
    form = forms.PlaceHold()
    body = form.body()
    if body is None:
        return _student_page(caller, registration_number, hold_form=form, status=400)
    try:
        records_api.place_hold(caller, registration_number, body.code, body.reference, body.note)
    except NotFound:
        return _not_found(caller, registration_number)
    except InvalidArgument as refused:
        if refused.field == "registration_number":
            return _not_found(caller, registration_number)
        form.refuse(refused.field)
        return _student_page(caller, registration_number, hold_form=form, status=400)
    except NOT_ANSWERING:
        return _student_page(caller, registration_number, hold_form=form, status=503, problem=_l(
            "The hold cannot be placed right now. Please try again in a little while."))
    return _back_to(registration_number, "held")


@bp.post("/students/<registration_number>/holds/lift", endpoint="lift_hold")
@tool("holds")
def lift_hold(caller, registration_number):
    """Lift a hold placed by hand; it stays on record with who lifted it."""
    form = forms.LiftHold()
    if not form.validate_on_submit():
        return _student_page(caller, registration_number, status=400, problem=forms.FORM_NOT_ACCEPTED)
    try:
        records_api.lift_hold(caller, registration_number, form.code.data, form.reference.data)
    except NotFound:  # lifted meanwhile (or no such student: the page says so)
        return _student_page(caller, registration_number, status=409, problem=_l(
            "This hold is no longer on the student's record: it may have been lifted already."))
    except InvalidArgument:
        return _student_page(caller, registration_number, status=400, problem=forms.FORM_NOT_ACCEPTED)
    except NOT_ANSWERING:
        return _student_page(caller, registration_number, status=503, problem=_l(
            "The hold cannot be lifted right now. Please try again in a little while."))
    return _back_to(registration_number, "lifted")


def _back_to(regno: str, done: str):
    return redirect(url_for(".student", registration_number=identifiers.registration_number(regno), done=done,
                            _anchor="holds"), code=303)


# -- the semesters' windows ------------------------------------------------------------------
@bp.get("/semesters", endpoint="semesters")
@tool("semesters")
def semesters(caller):
    """Every semester with its admission and registration windows, a form each to move them."""
    return _semesters_page(caller)


@bp.post("/semesters", endpoint="move_windows")
@tool("semesters")
def move_windows(caller):
    """PUT /api/v1/staff/semesters from one semester's form (its code in `semester`)."""
    code = request.form.get("semester", "")[:20]
    form = forms.SemesterWindows(prefix=forms.slug(code))
    body = form.body(code)
    if body is None:
        return _semesters_page(caller, moving=(code, form), status=400)
    try:
        records_api.set_windows(caller, body)
    except InvalidArgument as refused:
        form.refuse_as_enrollment(refused)
        return _semesters_page(caller, moving=(code, form), status=400)
    except NotFound:
        return _semesters_page(caller, status=404, problem=_l("There is no such semester in the calendar."))
    except NOT_ANSWERING:
        return _semesters_page(caller, moving=(code, form), status=503, problem=_l(
            "The windows cannot be moved right now. Please save again in a little while."))
    return redirect(url_for(".semesters", moved=body.code, _anchor=forms.slug(body.code)), code=303)


def _semesters_page(caller, *, moving: tuple | None = None, status: int = 200, problem=None):
    """The calendar, each semester with its form; the one just posted keeps what was sent."""
    try:
        calendar = records_api.semesters(caller)["semesters"]
    except NOT_ANSWERING:
        calendar, status = None, 503
    windows = {s["code"]: forms.SemesterWindows.of(s) for s in calendar or []}
    if moving and moving[0] in windows:
        windows[moving[0]] = moving[1]
    elif moving and status == 400:  # a semester the page never showed: tampered with
        problem = problem or forms.FORM_NOT_ACCEPTED
    return page("portal/staff/semesters.html", caller=caller, calendar=calendar, windows=windows, status=status,
                problem=problem, moved=request.args.get("moved", "")[:20], department=department_of(caller),
                slug=forms.slug, today=clock.karachi_today().isoformat())
