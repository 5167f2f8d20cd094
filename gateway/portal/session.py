"""Page sessions: a signed, HttpOnly cookie holding the identity session's own tokens.

The cookie is bound to the same identity session as the API's tokens: every page checks
the access token (signature, expiry) and asks identity whether its session still stands,
so logout, a password change or a locked account ends the page session too. An access
token near its end is traded for a new pair with the refresh token (one use each), and a
session left idle for `session_idle_minutes` ends."""
from __future__ import annotations

import functools
import logging
import time

from flask import Flask, redirect, request, session, url_for

from campus import auth
from campus.errors import DeadlineExceeded, DomainError, Unauthenticated, Unavailable
from cms.identity.v1 import identity_pb2 as pb
from gateway.context import current
from gateway.security import SAFE_METHODS, client_info, declare_audience

log = logging.getLogger(__name__)

PUBLIC = auth.Caller(kind=auth.PUBLIC, subject="")
REFRESH_MARGIN_SECONDS = 60
#: Write the cookie again for activity at most this often (each write is a Set-Cookie).
SEEN_EVERY_SECONDS = 60


def install(app: Flask) -> None:
    config = current_config(app)
    app.secret_key = config.session_secret.get_secret_value()
    app.config.update(SESSION_COOKIE_NAME="cms_session", SESSION_COOKIE_HTTPONLY=True,
                      SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_SECURE=config.secure_cookies,
                      SESSION_REFRESH_EACH_REQUEST=False)


def current_config(app: Flask):
    return app.extensions["cms_gateway"].config


def sign_in(pair) -> None:
    """Start a page session with the tokens identity just issued."""
    session.clear()
    _keep(pair)
    session["seen"] = int(time.time())


def _keep(pair) -> None:
    session["at"] = pair.access_token
    session["rt"] = pair.refresh_token
    session["exp"] = int(time.time()) + int(pair.expires_in)


def end() -> None:
    session.clear()


def page_caller() -> auth.Caller | None:
    """The signed-in person of this page request, or None (the session, if any, is over)."""
    if not session.get("at"):
        return None
    gateway = current()
    now = int(time.time())
    if now - int(session.get("seen", 0)) > gateway.config.session_idle_minutes * 60:
        sign_out()
        return None
    try:
        if now > int(session.get("exp", 0)) - REFRESH_MARGIN_SECONDS:
            _renew(gateway)
        caller = gateway.verifier.caller(session["at"], via="gateway")
        if caller.kind == auth.BANK or not gateway.session_active(caller, write=request.method not in SAFE_METHODS):
            raise Unauthenticated("this session has ended")
    except Unauthenticated:
        end()
        return None
    if now - int(session.get("seen", 0)) > SEEN_EVERY_SECONDS:
        session["seen"] = now
    return caller


def _renew(gateway) -> None:
    """New tokens for old. With identity away the current token serves while it lasts
    (then the page asks to sign in again): the dashboard stays up on result day."""
    try:
        _keep(gateway.clients.call("identity", "Refresh", pb.RefreshRequest(
            refresh_token=session.get("rt", ""), client=client_info()), caller=PUBLIC))
    except (Unavailable, DeadlineExceeded):
        log.warning("identity unavailable: page session renewed later")


def sign_out() -> None:
    """End the identity session behind this page session, then the page session itself."""
    token = session.get("at")
    if token:
        gateway = current()
        try:
            who = gateway.verifier.caller(token, via="gateway")
            gateway.clients.call("identity", "Logout", pb.LogoutRequest(client=client_info()), caller=who)
            gateway.forget_session(who.session_id)
        except DomainError as error:  # expired or already ended: nothing left to end
            log.info("logout: session already over (%s)", type(error).__name__)
    end()


def home_of(caller: auth.Caller) -> str:
    return url_for("portal_student.dashboard") if caller.kind == auth.STUDENT else url_for("portal_staff.console")


def page_for(*kinds: str):
    """A page for signed-in students or staff; others go to sign in (and come back)."""
    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            caller = page_caller()
            if caller is None:
                return redirect(url_for("portal_public.login", next=request.full_path.rstrip("?")))
            if caller.kind not in kinds:
                from gateway.portal.pages import forbidden
                return forbidden()
            return view(caller, *args, **kwargs)
        return declare_audience(wrapper, *kinds)
    return decorate
