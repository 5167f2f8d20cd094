"""Two-step sign-in (MFA) on the account page of staff: set it up (a QR code and the
secret in text, confirmed with a code), new recovery codes, and, where the department
does not require it, turning it off. Every change asks for a current code; recovery
codes are shown once, in the answer that made them, and never kept by the gateway."""
from __future__ import annotations

import segno
from flask import Blueprint, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from campus.errors import FailedPrecondition, InvalidArgument, TooManyAttempts
from gateway.blueprints import auth as auth_api
from gateway.limits import auth_limit, limiter
from gateway.portal import account_forms as forms
from gateway.portal import session
from gateway.portal.pages import page, too_many_attempts

bp = Blueprint("portal_mfa", __name__)

WRONG_CODE = _l("This code is not right, or it was used already. Wait for the next one.")


def qr_svg(uri: str) -> Markup:
    """The otpauth:// URI as an inline SVG QR code (no image request, no script)."""
    return Markup(segno.make(uri, error="m").svg_inline(scale=4, border=4, title="QR"))


def _private(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def recovery_codes_page(caller, codes: list[str], next_url: str, status: int = 200):
    return _private(page("portal/account/recovery_codes.html", caller=caller, codes=codes, next_url=next_url,
                         status=status))


def _security_page(caller, status: int = 200, **context):
    state = auth_api.mfa_call("GetMfaStatus", caller) if "state" not in context else context.pop("state")
    context.setdefault("recovery_form", forms.MfaCode(prefix="recovery", formdata=None))
    context.setdefault("disable_form", forms.MfaCode(prefix="disable", formdata=None))
    return _private(page("portal/account/security.html", caller=caller, state=state, start_form=forms.MfaStart(),
                         status=status, **context))


def _with_code(caller, method: str, form):
    """Send the form's code with `method`: (identity's answer, 200), or (None, status) with
    the refusal next to the field."""
    if not form.validate_on_submit():
        return None, 400
    try:
        return auth_api.mfa_call(method, caller, form.otp.data.replace(" ", "")), 200
    except InvalidArgument:
        form.otp.errors.append(WRONG_CODE)
        return None, 400
    except TooManyAttempts as held:
        too_many_attempts(form.otp, held)
        return None, 429
    except FailedPrecondition:
        form.otp.errors.append(_l("Two-step sign-in is not in the state this form expects. Start again from "
                                  "the security page."))
        return None, 409


@bp.get("/account/security")
@session.page_for("staff")
def security(caller):
    return _security_page(caller, done=request.args.get("done", ""))


@bp.post("/account/security/start")
@limiter.limit(auth_limit)
@session.page_for("staff")
def start(caller):
    if not forms.MfaStart().validate_on_submit():
        return _security_page(caller, status=400)
    try:
        pending = auth_api.mfa_call("BeginMfaEnrolment", caller)
    except FailedPrecondition:  # enrolled meanwhile (another tab)
        return _security_page(caller, status=409)
    return _private(page("portal/account/enrol.html", caller=caller, form=forms.MfaCode(formdata=None),
                         secret=pending.enrolment.secret, qr=qr_svg(pending.enrolment.otpauth_uri)))


@bp.post("/account/security/confirm")
@limiter.limit(auth_limit)
@session.page_for("staff")
def confirm(caller):
    form = forms.MfaCode()
    answer, status = _with_code(caller, "ConfirmMfaEnrolment", form)
    if answer is None:
        # The pending secret stays in identity; a new one would need a new scan: start again.
        return _private(page("portal/account/enrol.html", caller=caller, form=form, secret="", qr=None,
                             status=status))
    return recovery_codes_page(caller, list(answer.recovery_codes), "/account/security")


@bp.post("/account/security/recovery-codes")
@limiter.limit(auth_limit)
@session.page_for("staff")
def recovery_codes(caller):
    form = forms.MfaCode(prefix="recovery")
    answer, status = _with_code(caller, "RegenerateRecoveryCodes", form)
    if answer is None:
        return _security_page(caller, status=status, recovery_form=form)
    return recovery_codes_page(caller, list(answer.recovery_codes), "/account/security")


@bp.post("/account/security/disable")
@limiter.limit(auth_limit)
@session.page_for("staff")
def disable(caller):
    form = forms.MfaCode(prefix="disable")
    answer, status = _with_code(caller, "DisableMfa", form)
    if answer is None:
        return _security_page(caller, status=status, disable_form=form)
    return redirect(url_for("portal_mfa.security", done="disabled"), code=303)
