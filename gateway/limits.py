"""Rate limits (Flask-Limiter), shared by gateway replicas through Redis.

Generous per address: a university lab or a mobile carrier puts many students behind one.
Sign-in and password endpoints are limited per address *and* account name, so one guesser
behind a shared address cannot use up everyone's budget; identity throttles per account
as well, and by the guesser's address."""
from flask import request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address, headers_enabled=True, swallow_errors=True)


def address_and_account() -> str:
    body = request.get_json(silent=True, cache=True) if request.is_json else request.form
    name = body.get("username") if hasattr(body, "get") else None
    return f"{get_remote_address()}|{str(name)[:64].lower() if name else '-'}"


def auth_limit() -> str:
    from gateway.context import current
    return current().config.auth_rate_limit


def bank_limit() -> str:
    from gateway.context import current
    return current().config.bank_rate_limit
