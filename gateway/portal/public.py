"""Public pages: home, sign-in and sign-out, degree tracking by tracking ID."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from campus import auth
from campus.errors import FailedPrecondition, NotFound, TooManyAttempts, Unauthenticated
from cms.identity.v1 import identity_pb2 as pb
from cms.tracking.v1 import tracking_pb2
from gateway import schemas
from gateway.context import current
from gateway.limits import sign_in_limits
from gateway.portal import forms, session
from gateway.portal.pages import page, too_many_attempts
from gateway.security import client_info

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
    try:
        pair = current().clients.call("identity", "Login", pb.LoginRequest(
            username=form.username.data, password=form.password.data, client=client_info()),
            caller=session.PUBLIC)
    except Unauthenticated:
        form.password.errors.append(_l("Wrong registration number, login or password."))
        return page("portal/login.html", form=form, status=401)
    except FailedPrecondition as refused:
        form.username.errors.append(SIGN_IN_REFUSALS.get(refused.reason, _l("You cannot sign in with this account.")))
        return page("portal/login.html", form=form, status=403)
    except TooManyAttempts as held:
        too_many_attempts(form.password, held)
        return page("portal/login.html", form=form, status=429)
    session.sign_in(pair)
    who = current().verifier.caller(pair.access_token, via="gateway")
    if who.kind == auth.BANK:
        session.sign_out()
        form.username.errors.append(_l("Bank clients use the bank API, not the portal."))
        return page("portal/login.html", form=form, status=403)
    return redirect(_safe_next(request.args.get("next")) or session.home_of(who), code=303)


@bp.post("/logout")
def logout():
    if not forms.SignOut().validate_on_submit():
        return redirect(url_for("portal_public.home"), code=303)
    session.sign_out()
    return redirect(url_for("portal_public.login", signed_out=1), code=303)


@bp.get("/track")
def track():
    """Public degree tracking: an application's progress by its tracking ID, no personal data."""
    form = forms.TrackApplication(request.args)
    application = None
    if request.args and form.validate():
        try:
            found = current().clients.call("tracking", "TrackApplication", tracking_pb2.TrackApplicationRequest(
                tracking_id=form.tracking_id.data), caller=session.PUBLIC)
            application = schemas.PublicTracking.from_message(found).body()
        except NotFound:
            form.tracking_id.errors.append(_l("No application has this tracking ID."))
    status = 400 if request.args and form.errors else 200
    return page("portal/track.html", caller=session.page_caller(), form=form, application=application,
                status=status)
