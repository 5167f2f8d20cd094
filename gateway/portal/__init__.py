"""The portal: server-rendered pages for students, staff and the public, in English and
Urdu, built on the same gateway functions as the JSON API (never calling it over HTTP).

Pages work without JavaScript: forms post and redirect. Sessions are cookies bound to the
identity session (gateway.portal.session); every form carries a CSRF token (Flask-WTF)."""
from __future__ import annotations

from flask import Flask
from flask_wtf.csrf import CSRFError, CSRFProtect

from gateway.portal import (
    access_log,
    accounts,
    admissions,
    books,
    cases,
    examinations,
    finance,
    helpdesk,
    i18n,
    mfa_pages,
    notifications,
    pages,
    programmes,
    public,
    requests,
    results,
    session,
    staff,
    student,
    timeline,
    tracking,
    tutors,
)

csrf = CSRFProtect()
#: The staff tools over enrollment: their pages join staff.bp when these are imported.
ENROLLMENT_TOOLS = (admissions, tutors, programmes)
#: Examinations' pages (the student's schedule, slip and results, the public slip, result
#: card and verification, the department's tools and its paid cases) join the student,
#: public and staff blueprints when imported.
EXAMINATION_PAGES = (examinations, results, cases)
#: Finance's pages (her account and challans, treasury's tools) join the student and staff blueprints.
FINANCE_PAGES = (finance,)
#: A request worked through (the thread, documents, decisions) joins the student and staff blueprints.
REQUEST_PAGES = (requests, helpdesk)
#: Her notifications, staff's announcements and the messages not sent join the student and staff blueprints.
NOTIFICATION_PAGES = (notifications,)
#: Degree tracking: the student's applications and the examinations and dispatch pages.
TRACKING_PAGES = (tracking,)
#: Who looked at my record joins the student blueprint.
ACCESS_LOG_PAGES = (access_log,)
#: One case timeline joins the student blueprint.
TIMELINE_PAGES = (timeline,)
#: Books mailing joins the public, student and staff blueprints.
BOOKS_PAGES = (books,)


def install(app: Flask, api_blueprints) -> None:
    session.install(app)
    i18n.install(app)
    app.config.update(WTF_CSRF_TIME_LIMIT=None, WTF_CSRF_SSL_STRICT=True)
    csrf.init_app(app)
    for blueprint in api_blueprints:  # bearer tokens and HTTP Basic, never cookies: no CSRF to forge
        csrf.exempt(blueprint)
    for blueprint in (public.bp, student.bp, staff.bp, accounts.bp, mfa_pages.bp):
        app.register_blueprint(blueprint)
    app.register_error_handler(CSRFError, lambda error: pages.error_page(400))
    app.after_request(_page_headers)


#: Pages load only what the gateway serves, are never framed, and post only to themselves.
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; "
       "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")


def _page_headers(response):
    if pages.is_page_request() and response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
    return response
