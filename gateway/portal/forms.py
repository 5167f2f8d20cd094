"""The portal's forms: Flask-WTF, so every one carries its CSRF token (sign-in included)."""
from __future__ import annotations

import re
import secrets

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from pydantic import ValidationError as BodyRefused
from wtforms import HiddenField, PasswordField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from campus import identifiers
from campus.errors import InvalidArgument
from gateway import schemas
from services.tracking.domain import parse_tracking_id


def _username(form, field) -> None:
    try:
        field.data = identifiers.username(field.data or "")
    except InvalidArgument:
        raise ValidationError(_l("Enter your registration number (like 22P-123456) or your staff login.")) from None


class SignIn(FlaskForm):
    username = StringField(_l("Registration number or staff login"), validators=[
        DataRequired(_l("Enter your registration number or staff login.")), Length(max=64), _username])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Enter your password.")), Length(max=128)])
    otp = StringField(_l("One-time code (staff with two-step sign-in)"), description=_l(
        "The 6-digit code of your authenticator app, or one of your recovery codes."), validators=[
        Optional(), Length(min=6, max=32, message=_l("Enter the 6-digit code of your authenticator app."))])


class SignOut(FlaskForm):
    """Only the CSRF token: a link elsewhere must not be able to sign anyone out."""


def _tracking_id(form, field) -> None:
    try:
        field.data = parse_tracking_id(field.data or "")
    except InvalidArgument:
        raise ValidationError(_l("A tracking ID looks like EBN-AGZ-2G33.")) from None


class TrackApplication(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET: it changes nothing and should be linkable

    tracking_id = StringField(_l("Tracking ID"), validators=[Optional(), Length(max=20), _tracking_id])
    roll_number = StringField(_l("Roll number"), validators=[Optional(), Length(max=12), Regexp(
        schemas.ROLL_NUMBER, message=_l("A roll number looks like BO680724."))])

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not (self.tracking_id.data or self.roll_number.data):
            self.tracking_id.errors.append(_l("Enter the tracking ID from your acknowledgement, or your roll number."))
            return False
        return True


#: The JSON API's own limits for a filing (schemas.FileRequest), so the page refuses what it refuses.
DETAILS_MAX_LENGTH = next(m.max_length for m in schemas.FileRequest.model_fields["details"].metadata
                          if getattr(m, "max_length", None))
IDEMPOTENCY_KEY = r"^[A-Za-z0-9_-]{16,80}$"


def _one_line_break(text: str | None) -> str:
    """A textarea sends CRLF; the API (and its length limit) count a line break once."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


def _chosen(form, field) -> None:
    if field.data not in form.offered:
        raise ValidationError(_l("Choose the request you want to file."))


def _plain_text(form, field) -> None:
    if not re.match(schemas.TEXT, field.data or ""):
        raise ValidationError(_l("The details contain characters that cannot be saved. Please retype them."))


class FileRequest(FlaskForm):
    """A service request: one subtype of the catalogue (as "category/subtype"), the details,
    and the idempotency key made when the form was first shown: submitted twice, it files once."""
    choice = StringField(_l("What do you need?"), validators=[_chosen])
    details = TextAreaField(_l("Details"), filters=[_one_line_break], validators=[
        Length(max=DETAILS_MAX_LENGTH, message=_l("Please keep the details within %(max)d characters.")),
        _plain_text])
    idempotency_key = HiddenField(default=lambda: secrets.token_urlsafe(24), validators=[
        DataRequired(), Regexp(IDEMPOTENCY_KEY)])

    def __init__(self, offered: set[str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = offered

    def fresh_key(self) -> None:
        self.idempotency_key.data = secrets.token_urlsafe(24)


def _as_the_api_takes_them(form, field) -> None:
    """The JSON API's own limits on a registration (schemas.RegisterCourses): codes of letters
    and digits, at most 20. What the service then refuses, it names (see the view)."""
    try:
        schemas.RegisterCourses(courses=field.data or [], semester=form.semester.data or None)
    except BodyRefused:
        raise ValidationError(_l("Choose your courses from the list.")) from None


class RegisterCourses(FlaskForm):
    """Her courses for the semester the page showed: a checkbox each, her failed ones checked
    to begin with. She may uncheck one; the service refuses that, next to the courses."""
    courses = SelectMultipleField(_l("Courses"), validate_choice=False, validators=[_as_the_api_takes_them])
    semester = HiddenField()
