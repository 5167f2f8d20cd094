"""The portal: server-rendered pages for students, staff and the public, in English and
Urdu, built on the same gateway functions as the JSON API (never calling it over HTTP).

Pages work without JavaScript: forms post and redirect. Sessions are cookies bound to the
identity session (gateway.portal.session); every form carries a CSRF token (Flask-WTF)."""
from __future__ import annotations

from flask import Flask
from flask_wtf.csrf import CSRFError, CSRFProtect

from gateway.portal import accounts, i18n, pages, public, session, staff, student

csrf = CSRFProtect()


def install(app: Flask, api_blueprints) -> None:
    session.install(app)
    i18n.install(app)
    app.config.update(WTF_CSRF_TIME_LIMIT=None, WTF_CSRF_SSL_STRICT=True)
    csrf.init_app(app)
    for blueprint in api_blueprints:  # bearer tokens and HTTP Basic, never cookies: no CSRF to forge
        csrf.exempt(blueprint)
    for blueprint in (public.bp, student.bp, staff.bp, accounts.bp):
        app.register_blueprint(blueprint)
    app.register_error_handler(CSRFError, lambda error: pages.error_page(400))
