"""Rate limits per client address (Flask-Limiter), shared by replicas through Redis.

Generous by default: a university lab or a mobile carrier puts many students behind one
address. Sign-in and password endpoints are tighter; identity throttles per account too."""
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address, headers_enabled=True, swallow_errors=True)


def auth_limit() -> str:
    from gateway.context import current
    return current().config.auth_rate_limit


def bank_limit() -> str:
    from gateway.context import current
    return current().config.bank_rate_limit
