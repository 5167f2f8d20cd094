"""English and Urdu: which one a page is in, and how numbers, money and dates look in it.

The language is chosen by `?lang=` on any page (and then remembered in a cookie), else by
that cookie, else by the browser's Accept-Language. Every string goes through gettext
(Flask-Babel); Urdu pages are right to left."""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from babel import numbers
from flask import Flask, g, request
from flask_babel import Babel, format_date, format_datetime, get_locale
from flask_babel import gettext as _

from campus import clock
from gateway.portal import vocabulary

LANGUAGES = {"en": {"name": "English", "dir": "ltr"}, "ur": {"name": "اردو", "dir": "rtl"}}
DEFAULT = "en"
COOKIE = "lang"
COOKIE_DAYS = 365


def select_locale() -> str:
    asked = request.args.get("lang", "")
    if asked in LANGUAGES:
        g.language_chosen = asked
        return asked
    remembered = request.cookies.get(COOKIE, "")
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(list(LANGUAGES)) or DEFAULT


def language() -> str:
    return str(get_locale() or DEFAULT)


def direction() -> str:
    return LANGUAGES.get(language(), LANGUAGES[DEFAULT])["dir"]


def _remember_choice(response):
    chosen = g.pop("language_chosen", None)
    if chosen:
        response.set_cookie(COOKIE, chosen, max_age=COOKIE_DAYS * 86400, samesite="Lax", httponly=True,
                            secure=request.is_secure)
    return response


def language_url(code: str) -> str:
    """This page in another language (its other query parameters kept)."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"] + [("lang", code)]
    return f"{request.path}?{urlencode(args)}"


def rupees(paisa: int | None) -> str:
    """An amount in paisa as the page's language writes rupees: Rs 2,000 / 2,000 روپے."""
    if paisa is None:
        return ""
    whole, part = divmod(int(paisa), 100)
    amount = numbers.format_decimal(whole + part / 100, format="#,##0.##", locale=language())
    return _("Rs %(amount)s", amount=amount)


def _karachi(value: str | dt.date | None) -> dt.date | dt.datetime | None:
    """An ISO date, or a time in Karachi (services speak UTC); None when it does not parse."""
    try:
        parsed = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return None
    if isinstance(parsed, dt.datetime):
        return clock.as_utc(parsed).astimezone(clock.KARACHI).replace(tzinfo=None)
    return parsed


def date(value: str | dt.date | None) -> str:
    """An ISO date or time from a service, as a date in the page's language (Karachi time)."""
    if not value:
        return ""
    parsed = _karachi(value)
    if parsed is None:
        return str(value)
    return format_date(parsed.date() if isinstance(parsed, dt.datetime) else parsed, format="medium")


def when(value: str | None) -> str:
    """A time from a service as a date and time in the page's language (Karachi time)."""
    parsed = _karachi(value) if value else None
    if not isinstance(parsed, dt.datetime):
        return value or ""
    return format_datetime(parsed, format="medium")


def install(app: Flask) -> None:
    Babel(app, locale_selector=select_locale, default_translation_directories="translations")
    app.after_request(_remember_choice)
    app.jinja_env.filters.update(rupees=rupees, date=date, when=when)
    app.jinja_env.globals.update(LANGUAGES=LANGUAGES, language=language, direction=direction,
                                 language_url=language_url, **vocabulary.NAMES)
