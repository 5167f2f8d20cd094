"""Rate limits (Flask-Limiter), shared by gateway replicas through Redis.

Signed-in traffic is limited per account, anonymous traffic per address (generous: a
university lab or a mobile carrier puts many people behind one; see account_or_address).
Sign-in and password endpoints are limited per address *and* account name, so one guesser
behind a shared address cannot use up everyone's budget; identity throttles per account
as well, and by the guesser's address."""
from flask import request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address


def account_or_address() -> str:
    """Whose budget a request spends: a signed-in person's own (by account), anyone else's
    address. A mobile carrier puts thousands of students behind one address (carrier-grade
    NAT): limiting signed-in traffic per address would throttle the whole carrier on result
    day. The token is only read for its subject here (verified, from the verifier's cache);
    a bad one falls back to the address and is refused by the view as usual."""
    token = _presented_token()
    if token:
        try:
            from gateway.context import current
            claims = current().verifier.claims(token)
            return f"account:{claims['kind']}:{claims['sub']}"
        except Exception:  # noqa: BLE001 - any bad token: limited like an anonymous caller
            pass
    return f"address:{get_remote_address()}"


def _presented_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    from flask import session
    return session.get("at") if request.cookies else None


def default_limit() -> str:
    # Read per request from this app's own configuration (tests build several apps).
    from gateway.context import current
    return current().config.default_rate_limit


limiter = Limiter(key_func=account_or_address, default_limits=[default_limit], headers_enabled=True,
                  swallow_errors=True)


def address_and_account() -> str:
    body = request.get_json(silent=True, cache=True) if request.is_json else request.form
    name = body.get("username") if hasattr(body, "get") else None
    return f"{get_remote_address()}|{str(name)[:64].lower() if name else '-'}"


def sign_in_failures() -> str:
    from gateway.context import current
    return current().config.sign_in_failures_per_address


def spraying_address() -> str:
    return f"sign-in-failures:{get_remote_address()}"


def failed_sign_in(response) -> bool:
    """Only a refused password (or one-time code) spends the budget: a person who signs in
    spends nothing, nor does the right password of staff asked for their code next."""
    from flask import g
    return response.status_code == 401 and not g.get("mfa_prompt")


def auth_limit() -> str:
    from gateway.context import current
    return current().config.auth_rate_limit


def bank_limit() -> str:
    from gateway.context import current
    return current().config.bank_rate_limit
