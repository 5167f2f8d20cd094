"""Results in the portal: the student's published results (each semester, GPA and CGPA, a
chart of her GPA) and her unofficial transcript to download; the public result card by roll
number, light enough for result day; and the examinations department's marks (one paper at a
time, or a CSV file with its progress and report) and publication (a programme's semester in
figures and charts, then published once).

Each page calls the same function as its JSON twin (gateway.blueprints.examinations, and
gateway.dashboard's results tile), never the API over HTTP. Charts are pygal's SVG drawn on
the server and put inline in the page: no JavaScript, no request of their own; pygal's own
<script> and <style> are taken out (the portal's CSP allows neither) and portal.css styles
them. Every chart has its figures in a table beside it."""
from __future__ import annotations

import csv
import io
import json
import re

import pygal
from flask import Response, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from markupsafe import Markup
from wtforms import BooleanField, HiddenField
from wtforms.validators import DataRequired, Length, Regexp

from campus.errors import FailedPrecondition, InvalidArgument, NotFound
from campus.semesters import parse_semester
from gateway import dashboard, schemas
from gateway.blueprints import examinations as exams_api
from gateway.context import current
from gateway.portal import i18n, session
from gateway.portal.admission_forms import FORM_NOT_ACCEPTED, SEMESTER, CsvFileForm, _field, _filled, _ModelForm
from gateway.portal.examinations import NOT_ANSWERING, PROGRAM, pdf_download
from gateway.portal.pages import error_page, page
from gateway.portal.public import bp as public_bp
from gateway.portal.staff import bp as staff_bp
from gateway.portal.staff import department_of, tool
from gateway.portal.student import bp as student_bp

# -- the words for exams' codes -----------------------------------------------------------------
#: A course's remarks on a result, in words.
COURSE_REMARKS = {"pass": _l("Pass"), "fail": _l("Fail"), "RL": _l("Result late")}
#: A card's one word, in words.
CARD_REMARKS = {"pass": _l("Pass"), "re-appear": _l("Re-appear in the failed courses"),
                "RL": _l("Result late: a result is still awaited")}
FILE_STATUSES = {"refused": _l("Refused: nothing applied"), "queued": _l("Queued: being applied"),
                 "applied": _l("Applied"), "failed": _l("Failed: nothing applied")}
#: A marks file's statuses while exams are still at it: its page refreshes itself.
WORKING = ("queued",)
#: A marks file's statuses that have a report to download.
REPORTED = ("refused", "applied")
#: How many refused rows a file's page lists (the report has them all).
REFUSED_SHOWN = 500
#: How many of the newest files the marks page lists.
RECENT_FILES = 20

ROLL_NUMBER = _l("A roll number is two letters and six digits, like BM214365.")
MARK = _l("A mark is a whole number from 0 to 100; leave it empty while it is awaited.")
ATTENDANCE = _l("Workshop attendance is a percentage from 0 to 100; leave it empty where there is no workshop.")
COURSE_CODE = _l("A course code is letters and digits, like 8601.")
FILE_ID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def _semester(value: str) -> str:
    """A semester as exams name it (Spring 2026), '' when it is not one."""
    try:
        return str(parse_semester(value or ""))
    except InvalidArgument:
        return ""


def _chronological(semester: str):
    try:
        return 0, parse_semester(semester)
    except InvalidArgument:
        return 1, semester


# -- charts ---------------------------------------------------------------------------------------
#: What every chart shares: phone-sized (it scales with the page), no JavaScript, no external CSS.
CHART = dict(js=[], css=[], no_prefix=True, disable_xml_declaration=True, width=360, height=240, margin=12,
             classes=["chart"], legend_at_bottom=True, show_legend=False, pretty_print=False)


def _tidy(name: str, label: str):
    """pygal's SVG made fit to put inline: its <script> (the config of its tooltips), its <style>
    (the CSP refuses inline styles: portal.css has the chart's), the tooltips' overlay and
    descriptions and its comments taken out; an image with a name for screen readers."""
    def tidy(root):
        root.set("id", f"chart-{name}")
        root.set("role", "img")
        root.set("aria-label", label)
        for parent in list(root.iter()):
            for child in list(parent):
                tag = child.tag if isinstance(child.tag, str) else ""
                if (not tag or tag.rsplit("}", 1)[-1] in ("script", "style", "desc")
                        or "tooltip-overlay" in (child.get("class") or "")):
                    parent.remove(child)
                elif child.get("id"):  # the legend's ids would repeat from one chart to the next
                    del child.attrib["id"]
        return root
    return tidy


def chart_svg(kind, name: str, title: str, labels: list[str], series: list[tuple[str, list]], **config) -> Markup:
    """An SVG chart as markup to put in the page: `kind` is pygal's (Line, Bar, StackedBar)."""
    if len(labels) > 4:  # codes side by side would run into each other on a phone
        config.setdefault("x_label_rotation", 30)
    chart = kind(title=title, **{**CHART, **config})
    chart.add_xml_filter(_tidy(name, title))
    chart.x_labels = labels
    for label, values in series:
        chart.add(label, values)
    return Markup(chart.render(is_unicode=True))  # noqa: S704 - pygal's own SVG, every text escaped by it


def gpa_chart(semesters: list[dict]) -> Markup | None:
    """Her GPA across semesters, oldest first; None when no semester has a GPA."""
    shown = sorted(semesters, key=lambda s: _chronological(s["semester"]))
    if not any(s.get("gpa") for s in shown):
        return None
    values = [float(s["gpa"]) if s.get("gpa") else None for s in shown]
    return chart_svg(pygal.Line, "gpa", _("My GPA by semester"), [s["semester"] for s in shown],
                     [(_("GPA"), values)], range=(0, 4), y_labels=[0, 1, 2, 3, 4], dots_size=5,
                     y_title=_("GPA"), allow_interruptions=True)


def pass_rate_chart(name: str, title: str, groups: list[dict]) -> Markup | None:
    if not groups:
        return None
    return chart_svg(pygal.Bar, name, title, [g["key"] for g in groups], [(_("Pass rate (%)"), [
        g["pass_rate"] for g in groups])], range=(0, 100), y_labels=[0, 25, 50, 75, 100], y_title=_("Pass rate (%)"))


def grades_chart(courses: list[dict]) -> Markup | None:
    """Each course's results by grade, stacked; the grades in the order exams give them (best first)."""
    grades = []
    for course in courses:
        grades += [g["grade"] for g in course["grades"] if g["grade"] not in grades]
    if not grades:
        return None
    counts = [{g["grade"]: g["count"] for g in course["grades"]} for course in courses]
    most = max(sum(c.values()) for c in counts) or 1
    step = -(-most // 5)  # whole results on the axis: at most six labels
    return chart_svg(pygal.StackedBar, "grades", _("Grades in each course"), [c["key"] for c in courses],
                     [(grade, [c.get(grade, 0) for c in counts]) for grade in grades], show_legend=True,
                     legend_at_bottom_columns=min(len(grades), 6), height=280, y_title=_("Results"),
                     range=(0, step * 5), y_labels=list(range(0, step * 6, step)))


# -- the student's ------------------------------------------------------------------------------
@student_bp.get("/results", endpoint="results")
@session.page_for("student")
def results(caller):
    """Her published results (GET /api/v1/me/results, the same tile), newest semester first,
    with GPA and CGPA, a chart of her GPA and her transcript to download."""
    tile = dashboard.tile(current(), "results", caller)
    unavailable = tile["status"] != "ok"
    data = tile["data"] or {}
    semesters = sorted(data.get("semesters") or [], key=lambda s: _chronological(s["semester"]), reverse=True)
    return page("portal/student/results.html", caller=caller, unavailable=unavailable, semesters=semesters,
                cgpa=data.get("cgpa"), chart=gpa_chart(semesters) if semesters else None,
                no_transcript=request.args.get("transcript") == "none", course_remarks=COURSE_REMARKS,
                status=503 if unavailable else 200)


@student_bp.get("/transcript.pdf", endpoint="transcript")
@session.page_for("student")
def transcript(caller):
    """Her unofficial transcript as a PDF (GET /api/v1/me/transcript.pdf, the same function);
    before any result is published, back to her results page, which says why there is none."""
    try:
        document = exams_api.transcript_of(caller, caller.subject)
    except (NotFound, InvalidArgument):
        return redirect(url_for(".results", transcript="none"), code=303)
    except NOT_ANSWERING:
        return error_page(503)
    return pdf_download(document)


# -- the public's: a result card by roll number ---------------------------------------------------
class FindResult(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET: it changes nothing and should be linkable

    roll_number = _field(_l("Roll number"), _l("As on your roll number slip, like BM214365."),
                         required=_l("Enter your roll number."),
                         validators=[Regexp(schemas.ROLL_NUMBER, message=ROLL_NUMBER)])

    NOT_PUBLISHED = _l("No published result has this roll number. Check it against your roll number slip: "
                       "a programme's results show here from the day they are published.")


@public_bp.get("/results", endpoint="results")
def public_results():
    """The form; with ?roll_number= the card itself (no redirect: one round trip on result day)."""
    form = FindResult(request.args)
    if "roll_number" not in request.args:
        return _card_page(form)
    return _look_up(form)


@public_bp.get("/results/<roll_number>", endpoint="result")
def public_result(roll_number):
    """A published card by roll number (GET /api/v1/public/results/<roll>, the same function)."""
    return _look_up(FindResult(formdata=None, data={"roll_number": roll_number.strip()}))


def _look_up(form):
    if not form.validate():
        return _card_page(form, status=400)
    try:
        payload, tag = exams_api.public_result(form.roll_number.data)
    except InvalidArgument:
        form.roll_number.errors = [*form.roll_number.errors, ROLL_NUMBER]
        return _card_page(form, status=400)
    except NotFound:
        return _card_page(form, status=404, problem=FindResult.NOT_PUBLISHED)
    except NOT_ANSWERING:
        return _card_page(form, status=503, problem=_l(
            "Results cannot be shown right now. Please try again in a little while."))
    # Result day: the card comes from the gateway's memory, the page from it and the language.
    etag = f"{tag}-{i18n.language()}"
    if request.if_none_match.contains(etag):
        response = Response(status=304)
    else:
        response = _card_page(FindResult(formdata=None), card=json.loads(payload))
    response.set_etag(etag)
    response.headers["Cache-Control"] = f"public, max-age={int(current().config.results_cache_seconds)}"
    response.headers["Vary"] = "Accept-Language, Cookie"
    return response


def _card_page(form, *, card: dict | None = None, status: int = 200, problem=None):
    """Light on purpose: no session is looked up (the page is the same for everyone)."""
    response = page("portal/result.html", caller=None, form=form, card=card, status=status, problem=problem,
                    course_remarks=COURSE_REMARKS, card_remarks=CARD_REMARKS)
    if card is None:
        response.headers["Cache-Control"] = "no-store"  # not published yet: it may be in a moment
    return response


# -- examinations: marks --------------------------------------------------------------------------
class RecordMarks(_ModelForm):
    """One paper's marks by roll number (POST /api/v1/staff/marks); an empty mark is awaited."""
    roll_number = _field(_l("Roll number"), _l("Like BO680724."), required=_l("Enter the roll number."))
    course_code = _field(_l("Course code"), _l("The paper, like 8604."), required=_l("Enter the course code."))
    assignment_marks = _field(_l("Assignment marks"), _l("Out of 100; empty while awaited."))
    final_exam_marks = _field(_l("Final exam marks"), _l("Out of 100; empty while awaited."))
    workshop_attendance = _field(_l("Workshop attendance (%)"), _l("Where the level has workshops; else empty."))

    FIRST = "roll_number"
    MESSAGES = {"roll_number": ROLL_NUMBER, "course_code": COURSE_CODE, "assignment_marks": MARK,
                "final_exam_marks": MARK, "workshop_attendance": ATTENDANCE}
    REFUSALS = {"roll_number": _l("No candidate has this roll number."),
                "course_code": _l("This candidate does not sit this paper.")}
    PUBLISHED = _l("This result is published: it changes now only through re-checking.")
    MARKS = ("assignment_marks", "final_exam_marks", "workshop_attendance")

    def body(self) -> schemas.RecordMarks | None:
        if not self.validate_on_submit():
            return None
        values = {"roll_number": self.roll_number.data or "", "course_code": self.course_code.data or ""}
        values |= {name: self[name].data or None for name in self.MARKS}
        return self.model(schemas.RecordMarks, values)

    def refuse_as_exams(self, refused: InvalidArgument | NotFound) -> None:
        self.refuse(refused.field or "course_code", self.REFUSALS.get(refused.field or ""))


MAX_MARKS_CHARACTERS = next(m.max_length for m in schemas.MarksFileUpload.model_fields["csv"].metadata
                            if getattr(m, "max_length", None))


class MarksFile(CsvFileForm):
    """A CSV file of marks (multipart), sent as the text of POST /api/v1/staff/marks/files."""
    file = FileField(_l("CSV file of marks"), validators=[FileRequired(_l("Choose the CSV file to send."))])

    SCHEMA = schemas.MarksFileUpload
    MESSAGES = {"file": _l("The file is empty or larger than %(megabytes)s MB: split it into smaller files.",
                           megabytes=MAX_MARKS_CHARACTERS // (1024 * 1024))}
    #: Exams' refusals of a file as a whole, by their words.
    FILE_REFUSALS = (*CsvFileForm.FILE_REFUSALS,
                     ("not a CSV", _l("Send a .csv file: in Excel, Save As \"CSV UTF-8 (Comma delimited)\".")))

    def refuse_as_exams(self, refused: InvalidArgument) -> None:
        for words, message in self.FILE_REFUSALS:
            if words in refused.message:
                self.refuse("file", _filled(message, refused.message))
                return
        self.refuse("file")


#: The columns of a file of marks, and what each takes.
MARKS_COLUMNS = {"roll_number": _l("The candidate's roll number, like BO680724."),
                 "course_code": _l("The paper, like 8604."),
                 "assignment_marks": _l("Out of 100; empty while awaited (the result is then late)."),
                 "final_exam_marks": _l("Out of 100; empty while awaited (the result is then late)."),
                 "workshop_attendance": _l("Percent attended, where the level has workshops (this column may be "
                                           "left out).")}


@staff_bp.route("/marks", methods=["GET", "POST"], endpoint="marks")
@tool("marks")
def marks(caller):
    """Enter one paper's marks; the graded result is shown with the form again (the roll
    number kept, for her next paper)."""
    form = RecordMarks()
    if request.method == "GET":
        return _marks_page(caller, form=RecordMarks(formdata=None))
    body = form.body()
    if body is None:
        return _marks_page(caller, form=form, status=400)
    try:
        recorded = exams_api.record_marks(caller, body)
    except NotFound as refused:
        form.refuse_as_exams(refused)
        return _marks_page(caller, form=form, status=404)
    except InvalidArgument as refused:
        form.refuse_as_exams(refused)
        return _marks_page(caller, form=form, status=400)
    except FailedPrecondition:
        form.refuse("course_code", form.PUBLISHED)
        return _marks_page(caller, form=form, status=409)
    except NOT_ANSWERING:
        return _marks_page(caller, form=form, status=503, problem=_l(
            "The marks cannot be saved right now. Please send them again in a little while."))
    return _marks_page(caller, form=RecordMarks(formdata=None, data={"roll_number": recorded["roll_number"]}),
                       recorded=recorded)


@staff_bp.route("/marks/files", methods=["GET", "POST"], endpoint="marks_files")
@tool("marks")
def marks_files(caller):
    """POST /api/v1/staff/marks/files from a file upload (this endpoint takes bodies up to
    GATEWAY_MAX_UPLOAD_BYTES: gateway.app.UPLOAD_ENDPOINTS); a 303 to the file's page."""
    if request.method == "GET":
        return redirect(url_for(".marks", _anchor="file"), code=303)
    file_form = MarksFile()
    upload = file_form.upload()
    if upload is None:
        return _marks_page(caller, file_form=file_form, status=400)
    try:
        sent, _report = exams_api.submit_marks(caller, upload.file_name, upload.csv)
    except InvalidArgument as refused:  # the file as a whole: its columns, no rows, too many
        file_form.refuse_as_exams(refused)
        return _marks_page(caller, file_form=file_form, status=400)
    except NOT_ANSWERING:
        return _marks_page(caller, file_form=file_form, status=503, problem=_l(
            "Files of marks cannot be taken right now. Please send the file again in a little while."))
    return redirect(url_for(".marks_file", file_id=sent["file_id"]), code=303)


def _marks_page(caller, *, form=None, file_form=None, recorded: dict | None = None, status: int = 200,
                problem=None):
    return page("portal/staff/marks.html", caller=caller, form=form or RecordMarks(formdata=None),
                file_form=file_form or MarksFile(formdata=None), recorded=recorded, status=status, problem=problem,
                department=department_of(caller), recent=_recent_files(caller), statuses=FILE_STATUSES,
                course_remarks=COURSE_REMARKS, columns=MARKS_COLUMNS)


def _recent_files(caller) -> list[dict] | None:
    """The newest files of marks; None while exams do not answer (the forms still show)."""
    try:
        return exams_api.marks_files(caller)["files"][:RECENT_FILES]
    except NOT_ANSWERING:
        return None


def _refused_rows(report: str) -> list[dict]:
    """The report's refused rows (line,field,reason), the first REFUSED_SHOWN of them."""
    rows = []
    for row in csv.DictReader(io.StringIO(report or "")):
        if len(rows) >= REFUSED_SHOWN:
            break
        rows.append({"line": row.get("line", ""), "field": row.get("field", ""), "reason": row.get("reason", "")})
    return rows


@staff_bp.get("/marks/files/<file_id>", endpoint="marks_file")
@tool("marks")
def marks_file(caller, file_id):
    """A file's status and progress (refreshing itself while exams apply it), its refused
    rows, and its report once there is one."""
    if not re.match(FILE_ID, file_id):
        return error_page(404)
    try:
        sent, report = exams_api.marks_file(caller, file_id)
    except (NotFound, InvalidArgument):
        return error_page(404)
    except NOT_ANSWERING:
        return page("portal/staff/marks_file.html", caller=caller, sent=None, status=503,
                    department=department_of(caller))
    return page("portal/staff/marks_file.html", caller=caller, sent=sent, working=sent["status"] in WORKING,
                reported=sent["status"] in REPORTED, statuses=FILE_STATUSES, department=department_of(caller),
                refused_rows=_refused_rows(report) if sent["status"] == "refused" else [], shown=REFUSED_SHOWN)


@staff_bp.get("/marks/files/<file_id>/report", endpoint="marks_report")
@tool("marks")
def marks_report(caller, file_id):
    """The file's report as a CSV attachment (GET .../marks/files/<id>/report, the same function)."""
    if not re.match(FILE_ID, file_id):
        return error_page(404)
    try:
        sent, report = exams_api.marks_file(caller, file_id)
    except (NotFound, InvalidArgument):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    if sent["status"] not in REPORTED:
        return error_page(404)
    name = sent["file_name"].rsplit(".", 1)[0] + f"-{sent['status']}-report.csv"
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in name)[:100]
    return Response(report, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{safe}"',
                                                         "Cache-Control": "no-store"})


# -- examinations: publication --------------------------------------------------------------------
class SemesterPicker(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET

    semester = _field(_l("Semester"), required=SEMESTER,
                      validators=[Length(max=20, message=SEMESTER), Regexp(schemas.SEMESTER, message=SEMESTER)])
    program = _field(_l("Programme code"), _l("Like BED15."), required=_l("Enter the programme's code."),
                     validators=[Length(max=20, message=PROGRAM), Regexp(schemas.PROGRAM_CODE, message=PROGRAM)])


class Publish(FlaskForm):
    """Publish a programme's semester: its semester and programme as hidden fields, and the
    officer's word that the figures were checked."""
    semester = HiddenField()
    program = HiddenField()
    checked = BooleanField(_l("I have checked the figures above"), validators=[DataRequired(_l(
        "Tick the box once you have checked the figures: results are published once, and change afterwards "
        "only through re-checking."))])

    def body(self) -> schemas.PublishResults | None:
        """The API's body, or None (the box not ticked, or hidden fields tampered with)."""
        if not self.validate_on_submit():
            return None
        semester, program = _semester(self.semester.data), (self.program.data or "").strip().upper()
        if not semester or not re.match(schemas.PROGRAM_CODE, program):
            return None
        return schemas.PublishResults(semester=semester, program=program)


@staff_bp.get("/publication", endpoint="publication")
@tool("publication")
def publication(caller):
    """A programme's semester in figures (?semester=&program=): charts of the pass rate by
    course and by exam centre and of the grades by course, the same figures in tables, and
    the form to publish; the publications so far."""
    picker = SemesterPicker(request.args)
    if not request.args.get("semester") and not request.args.get("program"):
        return _publication_page(caller, picker, "", "")
    if not picker.validate():
        return _publication_page(caller, picker, "", "", status=400)
    return _publication_page(caller, picker, _semester(picker.semester.data), picker.program.data.upper())


def _publication_page(caller, picker, semester: str, program: str, *, publish_form=None, status: int = 200,
                      problem=None):
    figures, unavailable = None, False
    if semester and program:
        try:
            figures = exams_api.statistics_of(caller, semester, program)
        except InvalidArgument as refused:
            target = picker.semester if refused.field == "semester" else picker.program
            target.errors = [*target.errors, SEMESTER if refused.field == "semester" else PROGRAM]
            status = 400 if status == 200 else status
        except NOT_ANSWERING:
            unavailable = True
            status = 503 if status == 200 else status
    charts = {}
    if figures:
        charts = {"courses": pass_rate_chart("pass-by-course", _("Pass rate by course"), figures["courses"]),
                  "centres": pass_rate_chart("pass-by-centre", _("Pass rate by exam centre"), figures["centres"]),
                  "grades": grades_chart(figures["courses"])}
    try:
        publications = exams_api.publications_of(caller)["publications"]
    except NOT_ANSWERING:
        publications = None
    done = next((p for p in publications or [] if (p["semester"], p["program_code"]) == (semester, program)), None)
    return page("portal/staff/publication.html", caller=caller, picker=picker, semester=semester, program=program,
                figures=figures, charts=charts, unavailable=unavailable, publications=publications, published=done,
                publish_form=publish_form or Publish(formdata=None, data={"semester": semester, "program": program}),
                status=status, problem=problem, department=department_of(caller),
                just_published=request.args.get("done") == "published")


@staff_bp.post("/publication", endpoint="publish")
@tool("publication")
def publish(caller):
    """Publish (POST /api/v1/staff/results/publications, the same function), then 303 to the
    figures, which now say published. Once: again is a 409, said on the page."""
    form = Publish()
    semester, program = _semester(form.semester.data), (form.program.data or "").strip().upper()
    if not re.match(schemas.PROGRAM_CODE, program):
        program = ""
    picker = SemesterPicker(formdata=None, data={"semester": semester, "program": program})
    body = form.body()
    if body is None:
        if not (semester and program):  # the hidden fields were tampered with
            return _publication_page(caller, picker, "", "", status=400, problem=FORM_NOT_ACCEPTED)
        return _publication_page(caller, picker, semester, program, publish_form=form, status=400)
    try:
        exams_api.publish(caller, body.semester, body.program)
    except FailedPrecondition as refused:
        said = re.search(r"published on (\d{4}-\d{2}-\d{2})", refused.message or "")
        if said:
            problem = _("%(program)s %(semester)s was already published on %(date)s: a grade changes now only "
                        "through re-checking.", program=program, semester=semester, date=i18n.date(said[1]))
        else:
            problem = _("Nobody sat %(program)s in %(semester)s: there are no results to publish.",
                        program=program, semester=semester)
        return _publication_page(caller, picker, semester, program, status=409, problem=problem)
    except InvalidArgument as refused:
        target = picker.semester if refused.field == "semester" else picker.program
        target.errors = [*target.errors, SEMESTER if refused.field == "semester" else PROGRAM]
        return _publication_page(caller, picker, "", "", status=400)
    except NOT_ANSWERING:
        return _publication_page(caller, picker, semester, program, publish_form=form, status=503, problem=_l(
            "The results cannot be published right now. Please try again in a little while."))
    return redirect(url_for(".publication", semester=body.semester, program=body.program, done="published",
                            _anchor="published"), code=303)
