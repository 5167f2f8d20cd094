"""The forms of the account pages and the staff tools (Flask-WTF: each carries its CSRF token).

The form checks what a person can put right before anything is sent (a field left empty,
two new passwords that differ); the rules themselves are identity's (the password policy)
or the JSON API's (a new student's fields, by the same pydantic model), and their
refusals are shown next to the field they name, in the page's language."""
from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from pydantic import ValidationError as PydanticError
from wtforms import PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp

from campus.errors import InvalidArgument
from gateway import schemas
from gateway.portal.forms import _username

PASSWORD_RULES = _l("10 to 128 characters, with at least one letter and one digit, without your registration "
                    "number, login or name, and not a common password.")


def _new_password(label=None):
    return PasswordField(label or _l("New password"), description=PASSWORD_RULES, validators=[
        DataRequired(_l("Choose a new password.")), Length(max=128, message=_l("Use at most 128 characters."))])


def _repeat():
    return PasswordField(_l("New password again"), validators=[
        DataRequired(_l("Type the new password a second time.")),
        EqualTo("new_password", message=_l("The two new passwords are not the same."))])


class ForgotPassword(FlaskForm):
    username = StringField(_l("Registration number or staff login"), validators=[
        DataRequired(_l("Enter your registration number or staff login.")), Length(max=64), _username])


class ResetPassword(FlaskForm):
    token = StringField(_l("Reset code"), description=_l("Filled in when you open the link from the mail; "
                                                         "otherwise copy the code from the mail."), validators=[
        DataRequired(_l("Enter the reset code from the mail.")), Length(max=256)])
    new_password = _new_password()
    new_password_again = _repeat()


class Activate(FlaskForm):
    username = StringField(_l("Registration number"), validators=[
        DataRequired(_l("Enter your registration number.")), Length(max=64), _username])
    code = StringField(_l("Activation code"), description=_l("From the mail admissions sent you."), validators=[
        DataRequired(_l("Enter the activation code from the mail.")), Length(max=128)])
    new_password = _new_password()
    new_password_again = _repeat()


class ChangePassword(FlaskForm):
    current_password = PasswordField(_l("Current password"), validators=[
        DataRequired(_l("Enter your current password.")), Length(max=128)])
    new_password = _new_password()
    new_password_again = _repeat()


class MfaStart(FlaskForm):
    """Only the CSRF token: set up two-step sign-in."""


class MfaCode(FlaskForm):
    otp = StringField(_l("Code from your authenticator app"), validators=[
        DataRequired(_l("Enter the 6-digit code of your authenticator app.")),
        Regexp(r"^\s*[0-9]{3}\s?[0-9]{3}\s*$", message=_l("Enter the 6-digit code of your authenticator app."))])


# -- identity's refusals, in the page's language ---------------------------------------------
#: What identity says about a new password (services.identity.domain), and how a person reads it.
PASSWORD_REFUSALS = (
    ("characters long", _l("Use 10 to 128 characters.")),
    ("must not contain your name", _l("The password must not contain your name.")),
    ("too common", _l("This password is too common: it is on a list of passwords that attackers try first. "
                      "Choose another.")),
    ("one letter and one digit", _l("Use at least one letter and one digit.")),
    ("must not contain the username", _l("The password must not contain your registration number or login.")),
    ("differ from the current", _l("The new password must not be the same as the current one.")),
    ("differ from the activation code", _l("The new password must not be the activation code.")),
)


def password_refusal(error: InvalidArgument):
    """Identity's refusal of a new password as the person reads it."""
    for words, message in PASSWORD_REFUSALS:
        if words in error.message:
            return message
    return _l("This password cannot be used: %(rules)s", rules=PASSWORD_RULES)


# -- staff tools --------------------------------------------------------------------------
POLICIES = [("activation", _l("Activation code by email (recommended)")),
            ("legacy", _l("Initial password from the name and number (old way)"))]


class NewStudent(FlaskForm):
    """The fields of POST /api/v1/staff/students, checked by its own model (`body()`)."""
    registration_number = StringField(_l("Registration number"), validators=[
        DataRequired(_l("Enter the registration number."))])
    full_name = StringField(_l("Full name"), validators=[DataRequired(_l("Enter the student's full name."))])
    email = StringField(_l("Email"), validators=[DataRequired(_l("Enter the student's email address."))])
    mobile = StringField(_l("Mobile (optional)"), validators=[Optional()])
    initial_password_policy = SelectField(_l("First sign-in"), choices=POLICIES, default="activation")

    MESSAGES = {
        "registration_number": _l("A registration number looks like 22P-123456."),
        "full_name": _l("Enter a name of 2 to 120 characters."),
        "email": _l("Enter a valid email address, like name@example.pk."),
        "mobile": _l("A mobile number is 10 to 15 digits, with or without + in front (no spaces)."),
        "initial_password_policy": _l("Choose how the student signs in the first time."),
    }
    LEGACY_NAME = _l("For an initial password from the name, the name needs at least two letters A to Z.")
    TAKEN = _l("Another student's account already has this registration number.")

    def body(self) -> schemas.CreateStudentAccount | None:
        """The API's own request model from the form, or None with the errors on the fields."""
        if not self.validate_on_submit():
            return None
        try:
            return schemas.CreateStudentAccount.model_validate({
                "registration_number": (self.registration_number.data or "").strip(),
                "full_name": (self.full_name.data or "").strip(), "email": (self.email.data or "").strip(),
                "mobile": re.sub(r"\s", "", self.mobile.data or ""),
                "initial_password_policy": self.initial_password_policy.data})
        except PydanticError as invalid:
            for problem in invalid.errors():
                self.refuse(str(problem["loc"][0]) if problem["loc"] else "registration_number")
            return None

    def refuse(self, field: str, message=None) -> None:
        target = self._fields.get(field) or self.registration_number
        message = message or self.MESSAGES.get(field, self.MESSAGES["registration_number"])
        if message not in target.errors:
            target.errors = [*target.errors, message]


class FindAccount(FlaskForm):
    class Meta:
        csrf = False  # a look-up by GET: it changes nothing and should be linkable

    username = StringField(_l("Registration number or staff login"), validators=[
        DataRequired(_l("Enter a registration number or staff login.")), Length(max=64), _username])


class LockAccount(FlaskForm):
    reason = StringField(_l("Reason for locking"), validators=[
        DataRequired(_l("Say why the account is locked.")),
        Length(min=3, max=200, message=_l("Use 3 to 200 characters."))])


class UnlockAccount(FlaskForm):
    """Only the CSRF token."""


class AuditFilter(FlaskForm):
    class Meta:
        csrf = False

    username = StringField(_l("Registration number or staff login (optional)"), validators=[
        Optional(), Length(max=64), _username])
