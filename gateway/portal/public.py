"""Public pages: home, sign-in and sign-out, degree tracking by tracking ID, the prospectus."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from campus import auth
from campus.errors import (
    DeadlineExceeded,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    TooManyAttempts,
    Unauthenticated,
    Unavailable,
)
from cms.tracking.v1 import tracking_pb2
from gateway import schemas
from gateway.blueprints import auth as auth_api
from gateway.blueprints import public as public_api
from gateway.blueprints import tracking as tracking_api
from gateway.context import current
from gateway.limits import sign_in_limits
from gateway.portal import forms, mfa_pages, session
from gateway.portal.pages import page, too_many_attempts

bp = Blueprint("portal_public", __name__)

SIGN_IN_REFUSALS = {
    "PASSWORD_CHANGE_REQUIRED": _l("This account has not been activated yet: use the activation code we sent you."),
    "ACCOUNT_LOCKED": _l("This account is locked. Please contact student services."),
}


@bp.get("/")
def home():
    return page("portal/home.html", caller=session.page_caller())


def _safe_next(target: str | None) -> str | None:
    """Only a path of this site: an absolute or protocol-relative URL would send the
    freshly signed-in person to someone else's page."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
@sign_in_limits(methods=["POST"])
def login():
    form = forms.SignIn()
    if request.method == "GET":
        caller = session.page_caller()
        if caller is not None:
            return redirect(session.home_of(caller))
    if not form.validate_on_submit():
        return page("portal/login.html", form=form, status=400 if request.method == "POST" else 200)
    otp = (form.otp.data or "").strip()
    try:
        pair = auth_api.sign_in(form.username.data, form.password.data, otp)
    except auth_api.MfaRequired as needed:
        # The page keeps no password: the person types it again with the code.
        if needed.enrolment is not None:
            form.otp.errors.append(_l("Your department requires two-step sign-in. Add this account to an "
                                      "authenticator app, then sign in again with its 6-digit code."))
            return page("portal/login.html", form=form, status=401, enrolment=needed.enrolment,
                        qr=mfa_pages.qr_svg(needed.enrolment.otpauth_uri))
        form.otp.errors.append(_l("Enter the 6-digit code of your authenticator app (or a recovery code) "
                                  "and your password again."))
        return page("portal/login.html", form=form, status=401)
    except Unauthenticated as refused:
        if refused.reason == "MFA_CODE_WRONG":
            form.otp.errors.append(_l("This code is not right, or it was used already. Wait for the next one."))
        else:
            form.password.errors.append(_l("Wrong registration number, login or password."))
        return page("portal/login.html", form=form, status=401)
    except FailedPrecondition as refused:
        form.username.errors.append(SIGN_IN_REFUSALS.get(refused.reason, _l("You cannot sign in with this account.")))
        return page("portal/login.html", form=form, status=403)
    except TooManyAttempts as held:
        if held.reason == "HASHING_BUSY":  # identity is busy, not this person at fault
            form.password.errors.append(_l("Sign-in is very busy right now. Please try again in a few seconds."))
            busy = page("portal/login.html", form=form, status=503)
            busy.headers["Retry-After"] = str(held.retry_after or 5)
            return busy
        too_many_attempts(form.password, held)
        return page("portal/login.html", form=form, status=429)
    session.sign_in(pair)
    who = current().verifier.caller(pair.access_token, via="gateway")
    if who.kind == auth.BANK:
        session.sign_out()
        form.username.errors.append(_l("Bank clients use the bank API, not the portal."))
        return page("portal/login.html", form=form, status=403)
    target = _safe_next(request.args.get("next")) or session.home_of(who)
    if pair.recovery_codes:  # enrolment completed at this sign-in: the codes, this once
        return mfa_pages.recovery_codes_page(who, list(pair.recovery_codes), target)
    return redirect(target, code=303)


@bp.post("/logout")
def logout():
    if not forms.SignOut().validate_on_submit():
        return redirect(url_for("portal_public.home"), code=303)
    session.sign_out()
    return redirect(url_for("portal_public.login", signed_out=1), code=303)


@bp.get("/track")
def track():
    """Public degree tracking (seed 002): an application's progress by its tracking ID, or a
    roll number's applications in the two lists, "Incomplete / Returned Applications" and
    "In Process Applications"; no personal data."""
    form = forms.TrackApplication(request.args)
    application, by_roll = None, None
    if request.args and form.validate():
        try:
            if form.tracking_id.data:
                found = current().clients.call("tracking", "TrackApplication", tracking_pb2.TrackApplicationRequest(
                    tracking_id=form.tracking_id.data), caller=session.PUBLIC)
                application = schemas.PublicTracking.from_message(found).body()
            else:
                by_roll = tracking_api.by_roll_number(form.roll_number.data, session.PUBLIC)["applications"]
        except NotFound:
            form.tracking_id.errors.append(_l("No application has this tracking ID."))
        except InvalidArgument:
            form.roll_number.errors.append(_l("A roll number looks like BO680724."))
    status = 400 if request.args and form.errors else 200
    return page("portal/track.html", caller=session.page_caller(), form=form, application=application,
                by_roll=by_roll, status=status)


@bp.get("/programmes")
def programmes():
    """The prospectus: every programme with its scheme of studies (GET /api/v1/public/programs,
    the same function), for anyone, signed in or not."""
    try:
        catalogue, status = public_api.programs_catalogue()["programs"], 200
    except (Unavailable, DeadlineExceeded):
        catalogue, status = None, 503
    return page("portal/programmes.html", caller=session.page_caller(), catalogue=catalogue, status=status)
