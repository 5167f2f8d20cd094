"""Rendering a page: the signed-in person, the language, and never a cached private page."""
from __future__ import annotations

from flask import make_response, render_template, request
from flask_babel import lazy_gettext as _l

from campus import auth
from gateway.portal import i18n

ERROR_TITLES = {400: _l("The request could not be read"), 403: _l("Not for you"), 404: _l("Page not found"),
                405: _l("Not allowed here"), 413: _l("Too large"), 429: _l("Too many attempts"),
                500: _l("Something went wrong on our side"), 502: _l("A service is not answering"),
                503: _l("A service is not answering")}
ERROR_TEXTS = {400: _l("The form could not be accepted (it may have been open too long). Go back, reload the page "
                      "and try again."),
               403: _l("This page is not for your account."),
               404: _l("There is no page at this address. Check the address, or start from the home page."),
               413: _l("What was sent is larger than the portal takes. Split an admission file into smaller "
                       "files, then go back and send each."),
               429: _l("Please wait a minute, then try again."),
               500: _l("It has been logged. Please try again in a little while."),
               502: _l("Part of the portal is not answering right now. Please try again in a little while."),
               503: _l("Part of the portal is not answering right now. Please try again in a little while.")}


def page(template: str, *, caller: auth.Caller | None = None, status: int = 200, **context):
    response = make_response(render_template(template, caller=caller, **context), status)
    response.headers["Content-Language"] = i18n.language()
    if caller is not None:
        # Personal records: never kept by shared caches or a shared computer's browser.
        response.headers["Cache-Control"] = "no-store"
    return response


def is_page_request() -> bool:
    """Everything outside the JSON API, the probes and the static files is a page."""
    return not request.path.startswith(("/api/", "/healthz", "/readyz", "/static/"))


def error_page(status: int):
    """The error page in the visitor's language: what happened and what to do, never a trace."""
    from gateway.portal.session import page_caller
    try:
        caller = page_caller() if status < 500 else None
    except Exception:  # noqa: BLE001 - an error page must render whatever else is broken
        caller = None
    title = ERROR_TITLES.get(status, ERROR_TITLES[500] if status >= 500 else ERROR_TITLES[400])
    text = ERROR_TEXTS.get(status, ERROR_TEXTS[500] if status >= 500 else "")
    return page("portal/error.html", caller=caller, status=status, code=status, title=title, text=text)


def forbidden():
    return error_page(403)


def too_many_attempts(field, held) -> None:
    """Identity's throttle (TooManyAttempts), next to the field the person typed into."""
    field.errors.append(_l("Too many attempts. Try again in %(seconds)s seconds.", seconds=held.retry_after or 60))
