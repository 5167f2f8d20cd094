"""Account pages: a forgotten password, the reset link, first sign-in (activation), and
changing one's password. Each makes the same identity call as the JSON API
(gateway.blueprints.auth) and shows identity's refusals next to the field they name."""
from __future__ import annotations

from flask import Blueprint, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from campus.errors import InvalidArgument, TooManyAttempts, Unauthenticated
from gateway.blueprints import auth as auth_api
from gateway.context import current
from gateway.limits import address_and_account, auth_limit, limiter
from gateway.portal import account_forms as forms
from gateway.portal import session
from gateway.portal.pages import page, too_many_attempts

bp = Blueprint("portal_accounts", __name__)


def _private(response):
    """Pages that carry a code or a token: never kept by a cache or the browser's history."""
    response.headers["Cache-Control"] = "no-store"
    return response


def _form_page(template: str, form, status: int = 200, **context):
    if request.method == "POST" and status == 200:
        status = 400  # the form did not validate
    return _private(page(template, caller=session.page_caller(), form=form, status=status, **context))


BUSY = _l("The portal is very busy right now. Please try again in a few seconds.")


def _held(template: str, form, field, held: TooManyAttempts, caller=None):
    """Identity's refusal to hash now: 503 "busy, try again in a moment" when it has no memory
    free for one more password hash (HASHING_BUSY: nobody's fault), else its throttle (429)."""
    if held.reason == "HASHING_BUSY":
        field.errors.append(BUSY)
        status = 503
    else:
        too_many_attempts(field, held)
        status = 429
    response = _form_page(template, form, status=status) if caller is None else _private(
        page(template, caller=caller, form=form, status=status, changed=False))
    if status == 503:
        response.headers["Retry-After"] = str(held.retry_after or 5)
    return response


def _refused_password(form, error: InvalidArgument) -> bool:
    """Put identity's refusal of the new password next to that field; False for other fields."""
    if error.field == "new_password":
        form.new_password.errors.append(forms.password_refusal(error))
        return True
    return False


@bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit(auth_limit, key_func=address_and_account, methods=["POST"])
def forgot_password():
    """The same answer whether or not the account exists (as POST /api/v1/auth/password/forgot)."""
    form = forms.ForgotPassword()
    if request.method == "GET" or not form.validate_on_submit():
        return _form_page("portal/account/forgot.html", form, sent=bool(request.args.get("sent")))
    try:
        auth_api.request_reset(form.username.data)
    except TooManyAttempts as held:
        too_many_attempts(form.username, held)
        return _form_page("portal/account/forgot.html", form, status=429)
    return redirect(url_for("portal_accounts.forgot_password", sent=1), code=303)


@bp.route("/reset-password", methods=["GET", "POST"])
@limiter.limit(auth_limit, methods=["POST"])
def reset_password():
    """The mailed link's page. The token comes in the fragment (#token=...), which never
    reaches a server: static/reset.js copies it into the form; without JavaScript the
    person pastes the code printed in the mail."""
    form = forms.ResetPassword()
    if request.method == "GET" or not form.validate_on_submit():
        return _form_page("portal/account/reset.html", form)
    try:
        auth_api.reset(form.token.data.strip(), form.new_password.data)
    except InvalidArgument as refused:
        if not _refused_password(form, refused):
            form.token.errors.append(_l("This reset code is not valid: it may have been used or have expired. "
                                        "Ask for a new one."))
        return _form_page("portal/account/reset.html", form, status=400)
    except TooManyAttempts as held:
        return _held("portal/account/reset.html", form, form.token, held)
    session.end()  # every session of the account has ended with the reset
    return redirect(url_for("portal_public.login", reset=1), code=303)


@bp.route("/activate", methods=["GET", "POST"])
@limiter.limit(auth_limit, key_func=address_and_account, methods=["POST"])
def activate():
    """First sign-in with the code admissions' mail carries, or the old initial password
    with the CNIC or date of birth of the admission record."""
    form = forms.Activate()
    if request.method == "GET" or not form.validate_on_submit():
        return _form_page("portal/account/activate.html", form)
    try:
        pair = auth_api.activate_account(form.username.data, form.code.data.strip(), form.new_password.data,
                                         form.cnic.data or "", form.date_of_birth.data or "")
    except Unauthenticated as refused:
        if refused.reason == "LEGACY_FACT_WRONG":
            (form.date_of_birth if refused.field == "date_of_birth" else form.cnic).errors.append(form.FACT_WRONG)
        elif refused.reason == "LEGACY_PASSWORD_RETIRED":
            form.code.errors.append(form.RETIRED)
        else:
            form.code.errors.append(form.WRONG)
        return _form_page("portal/account/activate.html", form, status=401)
    except InvalidArgument as refused:
        if refused.reason == "LEGACY_FACT_REQUIRED":
            form.cnic.errors.append(form.FACT_REQUIRED)
        elif refused.field == "cnic":
            form.cnic.errors.append(forms.CNIC_FORM)
        elif refused.field == "date_of_birth":
            form.date_of_birth.errors.append(forms.DATE_FORM)
        elif not _refused_password(form, refused):
            form.code.errors.append(form.WRONG)
        return _form_page("portal/account/activate.html", form, status=400)
    except TooManyAttempts as held:
        return _held("portal/account/activate.html", form, form.code, held)
    session.sign_in(pair)
    return redirect(session.home_of(current().verifier.caller(pair.access_token, via="gateway")), code=303)


@bp.route("/account/password", methods=["GET", "POST"])
@limiter.limit(auth_limit, methods=["POST"])
@session.page_for("student", "staff")
def change_password(caller):
    """This page session goes on with the new tokens; every other session of the account ends."""
    form = forms.ChangePassword()
    status = 200
    if request.method == "POST" and form.validate_on_submit():
        try:
            pair = auth_api.change_password_of(caller, form.current_password.data, form.new_password.data)
        except InvalidArgument as refused:
            if not _refused_password(form, refused):
                form.current_password.errors.append(_l("Your current password is not right."))
            status = 400
        except TooManyAttempts as held:
            return _held("portal/account/password.html", form, form.current_password, held, caller=caller)
        else:
            session.sign_in(pair)
            return redirect(url_for("portal_accounts.change_password", changed=1), code=303)
    elif request.method == "POST":
        status = 400
    return _private(page("portal/account/password.html", caller=caller, form=form, status=status,
                         changed=bool(request.args.get("changed"))))
