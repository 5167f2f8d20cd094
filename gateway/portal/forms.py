"""The portal's forms: Flask-WTF, so every one carries its CSRF token (sign-in included)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from campus import identifiers
from campus.errors import InvalidArgument
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

    tracking_id = StringField(_l("Tracking ID"), validators=[
        DataRequired(_l("Enter the tracking ID from your acknowledgement.")), Length(max=20), _tracking_id])
