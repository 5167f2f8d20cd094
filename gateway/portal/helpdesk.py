"""The help desk in the portal: the public complaint form (for whoever cannot sign in) with
its bot check, the look-up of a complaint by its number and email or mobile, and student
services' list of complaints and answer. The calls are the JSON API's
(gateway.blueprints.requests)."""
from __future__ import annotations

from flask import redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_limiter.util import get_remote_address
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp

from campus.errors import AlreadyExists, DeadlineExceeded, FailedPrecondition, InvalidArgument, NotFound, Unavailable
from gateway.blueprints import requests as requests_api
from gateway.context import current
from gateway.limits import limiter
from gateway.portal import forms
from gateway.portal.admission_forms import _file_name
from gateway.portal.pages import error_page, page
from gateway.portal.public import bp as public_bp
from gateway.portal.staff import bp as staff_bp
from gateway.portal.staff import department_of, tool
from gateway.problems import Problem

NOT_ANSWERING = (Unavailable, DeadlineExceeded)
CATEGORIES = {"login_problem": _l("I cannot sign in"), "roll_number_slip": _l("Roll number slip"),
              "result": _l("Result"), "fee": _l("Fee or challan"), "other": _l("Something else")}
COMPLAINT_STATUSES = {"open": _l("Open"), "answered": _l("Answered"), "closed": _l("Closed")}
COMPLAINT_NUMBER = r"^\s*[Hh][Dd]-[0-9]{4}-[0-9]{6,}\s*$"


class Complaint(FlaskForm):
    name = StringField(_l("Your name"), validators=[DataRequired(_l("Enter your name.")), Length(max=120)])
    registration_number = StringField(_l("Registration number, if you know it"), description=_l("Like 22P-123456."),
                                      validators=[Optional(), Length(max=12)])
    email = StringField(_l("Email address"), validators=[Optional(), Email(_l("Enter an email address like "
                                                                               "name@example.com.")), Length(max=254)])
    mobile = StringField(_l("Mobile number"), description=_l("An email address or a mobile number: the answer is "
                                                             "sent there."),
                         validators=[Optional(), Length(max=20)])
    category = RadioField(_l("What is it about?"), choices=list(CATEGORIES.items()),
                          validators=[DataRequired(_l("Choose what it is about."))])
    text = TextAreaField(_l("Your complaint"), filters=[forms._one_line_break], validators=[
        DataRequired(_l("Write your complaint.")),
        Length(max=4000, message=_l("Please keep it within %(max)d characters.")), forms._plain_text])
    file = FileField(_l("A screenshot or document (optional)"), description=_l("PDF, JPEG or PNG, up to 5 MB."))
    challenge_answer = StringField(_l("Type the digits in the picture"), validators=[
        DataRequired(_l("Type the digits in the picture.")), Length(max=10)])
    challenge_id = HiddenField(validators=[DataRequired()])
    website = StringField(_l("Leave this empty"))  # only robots fill it in (hidden from people)


class StatusLookUp(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET: it changes nothing

    complaint_number = StringField(_l("Complaint number"), description=_l("Like HD-2026-000123."), validators=[
        DataRequired(_l("Enter the complaint number.")),
        Regexp(COMPLAINT_NUMBER, message=_l("A complaint number looks like HD-2026-000123."))])
    contact = StringField(_l("The email or mobile you gave"), validators=[
        DataRequired(_l("Enter the email address or mobile number you gave.")), Length(max=254)])


class Answer(FlaskForm):
    answer = TextAreaField(_l("Answer (sent to her)"), filters=[forms._one_line_break], validators=[
        DataRequired(_l("Write the answer.")), Length(max=4000), forms._plain_text])
    close = BooleanField(_l("Close the complaint with this answer"))


def _help_page(form: Complaint, *, status: int = 200, problem=None):
    form.challenge_answer.data = ""
    try:
        fresh = requests_api.new_challenge()
    except Exception:  # noqa: BLE001 - a picture that cannot be drawn must not hide the form's problem
        fresh = None
    if fresh:
        form.challenge_id.data = fresh["challenge_id"]
    return page("portal/help.html", form=form, challenge=fresh, problem=problem, categories=CATEGORIES,
                status=status)


@public_bp.route("/help", methods=["GET", "POST"], endpoint="help")
@limiter.limit(requests_api.helpdesk_limit, key_func=get_remote_address, methods=["POST"])
def help_desk():
    """The complaint form for anyone (POST /api/v1/public/complaints, the same function)."""
    form = Complaint()
    if request.method == "GET":
        return _help_page(Complaint(formdata=None))
    if form.website.data:  # a robot: answered as if filed, nothing kept
        return redirect(url_for(".help_filed", number="HD-0000-000000"), code=303)
    if not form.validate_on_submit():
        return _help_page(form, status=400)
    upload = form.file.data
    filename, content = (_file_name(upload.filename or ""), upload.read()) if upload and upload.filename else ("", b"")
    values = {f: (form[f].data or "").strip() for f in ("name", "registration_number", "email", "mobile")}
    try:
        filed = requests_api.file_complaint({**values, "category": form.category.data, "text": form.text.data},
                                            form.challenge_id.data, form.challenge_answer.data, filename, content)
    except Problem as refused:  # the bot check
        form.challenge_answer.errors = [_l("The digits did not match. Type the digits of this new picture.")]
        return _help_page(form, status=refused.status)
    except AlreadyExists:
        form.challenge_answer.errors = [_l("Type the digits of this new picture.")]
        return _help_page(form, status=409)
    except InvalidArgument as refused:
        target = form[refused.field] if refused.field in ("name", "registration_number", "email", "mobile", "text",
                                                          "category") else form.file
        target.errors = [*target.errors, _l("Not accepted: %(why)s", why=refused.message)]
        return _help_page(form, status=400)
    except NOT_ANSWERING:
        return _help_page(form, status=503, problem=_l("The help desk cannot take complaints right now. Please try "
                                                         "again in a little while."))
    return redirect(url_for(".help_filed", number=filed["complaint_number"]), code=303)


@public_bp.get("/help/filed", endpoint="help_filed")
def help_filed():
    number = request.args.get("number", "")
    return page("portal/help_filed.html", number=number if len(number) <= 20 else "")


@public_bp.get("/help/status", endpoint="help_status")
@limiter.limit(lambda: current().config.public_document_rate_limit, key_func=get_remote_address)
def help_status():
    """A complaint's status and answer, by its number and the email or mobile given with it."""
    form = StatusLookUp(request.args)
    found, status = None, 200
    if "complaint_number" in request.args or "contact" in request.args:  # not ?lang= alone
        if form.validate():
            try:
                found = requests_api.complaint_status(form.complaint_number.data.strip().upper(), form.contact.data)
            except (NotFound, InvalidArgument):
                form.complaint_number.errors = [_l("No complaint has this number and this email or mobile.")]
                status = 404
            except NOT_ANSWERING:
                return error_page(503)
        else:
            status = 400
    return page("portal/help_status.html", form=form, found=found, categories=CATEGORIES,
                statuses=COMPLAINT_STATUSES, status=status)


# -- student services ------------------------------------------------------------------------
@staff_bp.get("/complaints", endpoint="complaints")
@tool("helpdesk")
def complaints(caller):
    """The help desk's complaints, oldest first (GET /api/v1/staff/complaints)."""
    shown = request.args.get("status", "")
    shown = shown if shown in COMPLAINT_STATUSES else ""
    try:
        found, status = requests_api.complaints_of(caller, shown)["complaints"], 200
    except NOT_ANSWERING:
        found, status = None, 503
    return page("portal/staff/complaints.html", caller=caller, department=department_of(caller), complaints=found,
                shown=shown, statuses=COMPLAINT_STATUSES, categories=CATEGORIES, status=status)


def _complaint_page(caller, number: str, form: Answer, *, status: int = 200):
    try:
        found = requests_api.complaint_for(caller, number)
    except (NotFound, InvalidArgument):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return page("portal/staff/complaint.html", caller=caller, complaint=found, form=form, categories=CATEGORIES,
                statuses=COMPLAINT_STATUSES, done=request.args.get("done", ""), status=status)


@staff_bp.route("/complaints/<complaint_number>", methods=["GET", "POST"], endpoint="complaint")
@tool("helpdesk")
def complaint(caller, complaint_number):
    """One complaint, and its answer (POST /api/v1/staff/complaints/<n>/answer)."""
    form = Answer()
    if request.method == "GET":
        return _complaint_page(caller, complaint_number, Answer(formdata=None))
    if not form.validate_on_submit():
        return _complaint_page(caller, complaint_number, form, status=400)
    try:
        requests_api.answer_complaint(caller, complaint_number, form.answer.data, form.close.data)
    except (NotFound, InvalidArgument):
        return error_page(404)
    except FailedPrecondition:
        form.answer.errors = [_l("This complaint is closed.")]
        return _complaint_page(caller, complaint_number, form, status=409)
    except NOT_ANSWERING:
        return _complaint_page(caller, complaint_number, form, status=503)
    return redirect(url_for(".complaint", complaint_number=complaint_number, done="answered"), code=303)


@staff_bp.get("/complaints/<complaint_number>/document", endpoint="complaint_document")
@tool("helpdesk")
def complaint_document(caller, complaint_number):
    try:
        return requests_api.complaint_document(caller, complaint_number)
    except (NotFound, InvalidArgument, Problem):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)


# -- the FAQ knowledge base -------------------------------------------------------------------
FAQ_CATEGORIES = {"portal": _l("The portal"), "login": _l("Signing in"), "requests": _l("Service requests"),
                  "fees": _l("Fees and challans"), "exams": _l("Exams and results"),
                  "registration": _l("Course registration"), "books": _l("Books"), "degrees": _l("Degrees")}


def _lang() -> str:
    from gateway.portal import i18n
    return "ur" if i18n.language() == "ur" else "en"


@public_bp.get("/faq", endpoint="faq")
def faq():
    """The answers to frequent questions: search them (GET /api/v1/public/faq, the same
    function), or read a category's."""
    words = (request.args.get("q") or "")[:200]
    category = request.args.get("category", "")
    category = category if category in FAQ_CATEGORIES else ""
    try:
        found, status = requests_api.faq_search(words, _lang(), category, 20)["articles"], 200
    except InvalidArgument:
        found, status = [], 400
    except NOT_ANSWERING:
        found, status = None, 503
    return page("portal/faq.html", words=words, category=category, found=found, categories=FAQ_CATEGORIES,
                status=status)


@public_bp.get("/faq/<article_id>", endpoint="faq_article")
def faq_article(article_id):
    """One answer, with "Was this answer helpful?"."""
    try:
        shown = requests_api.faq_article(article_id, _lang())
    except (NotFound, InvalidArgument, Problem):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return page("portal/faq_article.html", article=shown, categories=FAQ_CATEGORIES, form=FaqVote(),
                voted=request.args.get("voted", ""))


class FaqVote(FlaskForm):
    """Only the CSRF token: the button pressed says yes or no."""


@public_bp.post("/faq/<article_id>/vote", endpoint="faq_vote")
@limiter.limit(lambda: current().config.public_document_rate_limit, key_func=get_remote_address)
def faq_vote(article_id):
    form = FaqVote()
    if not form.validate_on_submit() or request.form.get("helpful") not in ("yes", "no"):
        return error_page(400)
    try:
        requests_api.faq_vote(article_id, request.form["helpful"] == "yes")
    except (NotFound, InvalidArgument, Problem):
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    return redirect(url_for(".faq_article", article_id=article_id, voted="1") + "#helpful", code=303)


class FaqArticleForm(FlaskForm):
    category = RadioField(_l("Category"), choices=list(FAQ_CATEGORIES.items()),
                          validators=[DataRequired(_l("Choose a category."))])
    title_en = StringField(_l("Title (English)"), validators=[DataRequired(_l("Write the title.")),
                                                              Length(max=200)])
    body_en = TextAreaField(_l("Answer (English)"), filters=[forms._one_line_break], validators=[
        DataRequired(_l("Write the answer.")), Length(max=20000), forms._plain_text])
    title_ur = StringField(_l("Title (Urdu)"), validators=[Optional(), Length(max=200)])
    body_ur = TextAreaField(_l("Answer (Urdu)"), filters=[forms._one_line_break], validators=[
        Optional(), Length(max=20000), forms._plain_text])
    published = BooleanField(_l("Published: anyone can read it"), default=True)

    def fields(self) -> dict:
        return {f: (self[f].data or "").strip() if f != "published" else bool(self[f].data)
                for f in ("category", "title_en", "body_en", "title_ur", "body_ur", "published")}


def _faq_staff_page(caller, form: FaqArticleForm, *, editing: dict | None = None, status: int = 200):
    try:
        articles = requests_api.faq_articles(caller)["articles"]
    except NOT_ANSWERING:
        articles, status = None, 503
    return page("portal/staff/faq.html", caller=caller, department=department_of(caller), articles=articles,
                form=form, editing=editing, categories=FAQ_CATEGORIES, done=request.args.get("done", ""),
                status=status)


@staff_bp.route("/faq", methods=["GET", "POST"], endpoint="faq")
@tool("faq")
def faq_articles(caller):
    """Student services keep the FAQ: every article with its views and votes; a new one."""
    form = FaqArticleForm()
    if request.method == "GET":
        return _faq_staff_page(caller, FaqArticleForm(formdata=None))
    if not form.validate_on_submit():
        return _faq_staff_page(caller, form, status=400)
    try:
        saved = requests_api.faq_save(caller, form.fields())
    except InvalidArgument as refused:
        target = form[refused.field] if refused.field in form._fields else form.title_en
        target.errors = [*target.errors, _l("Not accepted: %(why)s", why=refused.message)]
        return _faq_staff_page(caller, form, status=400)
    except NOT_ANSWERING:
        return _faq_staff_page(caller, form, status=503)
    return redirect(url_for(".faq_edit", article_id=saved["id"], done="saved"), code=303)


@staff_bp.route("/faq/<article_id>", methods=["GET", "POST"], endpoint="faq_edit")
@tool("faq")
def faq_edit(caller, article_id):
    """One article's texts in both languages, edited or unpublished."""
    try:
        number = requests_api.article_number(article_id)
        current = next((a for a in requests_api.faq_articles(caller)["articles"] if a["id"] == number), None)
    except Problem:
        return error_page(404)
    except NOT_ANSWERING:
        return error_page(503)
    if current is None:
        return error_page(404)
    form = FaqArticleForm() if request.method == "POST" else FaqArticleForm(formdata=None, data=current)
    if request.method == "GET":
        return _faq_staff_page(caller, form, editing=current)
    if not form.validate_on_submit():
        return _faq_staff_page(caller, form, editing=current, status=400)
    try:
        requests_api.faq_save(caller, form.fields(), number)
    except InvalidArgument as refused:
        target = form[refused.field] if refused.field in form._fields else form.title_en
        target.errors = [*target.errors, _l("Not accepted: %(why)s", why=refused.message)]
        return _faq_staff_page(caller, form, editing=current, status=400)
    except NOT_ANSWERING:
        return _faq_staff_page(caller, form, editing=current, status=503)
    return redirect(url_for(".faq_edit", article_id=number, done="saved"), code=303)
