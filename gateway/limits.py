"""Rate limits (Flask-Limiter), shared by gateway replicas through Redis.

Signed-in traffic is limited per account, anonymous traffic per address (generous: a
university lab or a mobile carrier puts many people behind one; see account_or_address).
Sign-in and password endpoints are limited per address *and* account name, so one guesser
behind a shared address cannot use up everyone's budget; identity throttles per account
as well, and by the guesser's address.

Sign-in failures have two budgets per address (`sign_in_limits`): every failure, generous
(a carrier's thousands of students mistype too), and failures *with the same password*,
tight. Password spraying is one password against many account names: it spends the tight
budget at once, while a student who mistypes spends it only on her own wrong password, and
a right password is never refused by it."""
import hashlib
import hmac

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


def sprayed_password() -> str:
    """One password from one address, whatever the account names: a keyed hash, truncated,
    so the limiter's storage never holds a password or anything to test guesses against."""
    from gateway.context import current
    body = request.get_json(silent=True, cache=True) if request.is_json else request.form
    password = body.get("password") if hasattr(body, "get") else None
    key = current().config.session_secret.get_secret_value().encode()
    digest = hmac.new(key, str(password or "").encode(), hashlib.sha256).hexdigest()[:16]
    return f"sign-in-password:{get_remote_address()}:{digest}"


def same_password_failures() -> str:
    from gateway.context import current
    return current().config.sign_in_failures_per_password


def sign_in_limits(**options):
    """The sign-in routes' budgets (API and portal alike): per address and account name,
    failures per address, and failures per address with one password."""
    def decorate(view):
        view = limiter.limit(same_password_failures, key_func=sprayed_password, deduct_when=failed_sign_in,
                             **options)(view)
        view = limiter.limit(sign_in_failures, key_func=spraying_address, deduct_when=failed_sign_in,
                             **options)(view)
        return limiter.limit(auth_limit, key_func=address_and_account, **options)(view)
    return decorate


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
