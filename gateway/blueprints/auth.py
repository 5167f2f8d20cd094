"""Sign-in and everything about passwords and sessions (identity does the work)."""
from __future__ import annotations

from flask import Blueprint, g

from campus import auth as campus_auth
from cms.identity.v1 import identity_pb2 as pb
from gateway import schemas
from gateway.context import current
from gateway.limits import address_and_account, auth_limit, limiter, sign_in_limits
from gateway.openapi import BEARER, SIGNED_IN, WITH_BODY, answers, api
from gateway.problems import Problem
from gateway.security import caller, client_info, signed_in

bp = Blueprint("auth", __name__, url_prefix="/api/v1/auth")


@bp.after_request
def _never_stored(response):
    # Tokens and the answers about them: never kept by a shared cache or a shared computer.
    response.headers["Cache-Control"] = "no-store"
    return response
PUBLIC = campus_auth.Caller(kind=campus_auth.PUBLIC, subject="")
#: The public sign-in routes: a body, the rate limit, identity failing or away.
PUBLIC_PROBLEMS = (*WITH_BODY, 429, 502, 503)


def _identity(method: str, request, who=PUBLIC):
    return current().clients.call("identity", method, request, caller=who)


def _tokens(pair) -> dict:
    return schemas.Tokens.from_message(pair).body()


# -- the identity calls, for the API and the portal's pages alike --------------------------
class MfaRequired(Exception):
    """The password was right; a one-time code is still needed (and, before enrolment, the
    secret to enrol with)."""

    def __init__(self, enrolment=None):
        super().__init__("a one-time code is required")
        self.enrolment = enrolment


def sign_in(username: str, password: str, otp: str = "") -> pb.TokenPair:
    """Identity's sign-in; MfaRequired when the account needs a code it was not given.

    Answering for a code is a step of a normal staff sign-in, not a failure: it does not
    spend the address's failed sign-in budget (a wrong code does)."""
    pair = _identity("Login", pb.LoginRequest(username=username, password=password, otp=otp or "",
                                              client=client_info()))
    if pair.mfa_required or not pair.access_token:
        g.mfa_prompt = True
        raise MfaRequired(pair.mfa_enrolment if pair.HasField("mfa_enrolment") else None)
    return pair


def mfa_call(method: str, who: campus_auth.Caller, otp: str | None = None) -> pb.MfaStatus:
    """The account page's MFA calls (GetMfaStatus, BeginMfaEnrolment, ConfirmMfaEnrolment,
    RegenerateRecoveryCodes, DisableMfa); identity refuses students and checks the code."""
    if method == "GetMfaStatus":
        request = pb.GetMfaStatusRequest()
    elif method == "BeginMfaEnrolment":
        request = pb.BeginMfaEnrolmentRequest(client=client_info())
    else:
        request = pb.MfaCodeRequest(otp=otp or "", client=client_info())
    return _identity(method, request, who)


def change_password_of(who: campus_auth.Caller, current_password: str, new_password: str) -> pb.TokenPair:
    """Every session of the account ends, this one too: the answer is this one's new tokens."""
    pair = _identity("ChangePassword", pb.ChangePasswordRequest(
        current_password=current_password, new_password=new_password, client=client_info()), who)
    current().forget_session(who.session_id)
    return pair


def request_reset(username: str) -> None:
    """The same answer whether or not the account exists (identity decides whether to mail)."""
    _identity("RequestPasswordReset", pb.RequestPasswordResetRequest(username=username, client=client_info()))


def reset(token: str, new_password: str) -> None:
    """A new password with the mailed token; every session of the account ends."""
    _identity("ResetPassword", pb.ResetPasswordRequest(token=token, new_password=new_password, client=client_info()))


def activate_account(username: str, code: str, new_password: str, cnic: str = "",
                     date_of_birth: str = "") -> pb.TokenPair:
    """First sign-in: the activation code (or the initial password with the admission
    record's CNIC or date of birth) buys a password of one's own and a session."""
    return _identity("Activate", pb.ActivateRequest(username=username, code=code, new_password=new_password,
                                                    cnic=cnic, date_of_birth=date_of_birth, client=client_info()))


@bp.post("/login")
@sign_in_limits()
@api.validate(json=schemas.Login, resp=answers(*PUBLIC_PROBLEMS, 401, 403, 423, HTTP_200=schemas.Tokens),
              tags=["auth"])
def login(json: schemas.Login):
    """Sign in with a registration number (students) or login name (staff).

    401: wrong username or password, or a wrong `otp` (code `MFA_CODE_WRONG`). Staff who
    must use MFA (treasury, examinations, and those who may lock accounts) or have enrolled
    send `otp`: without it the answer is 401 with `"mfa_required": true` (and, before their
    enrolment, `mfa_enrolment`: the secret to add to an authenticator; the sign-in with one
    of its codes completes the enrolment and returns `recovery_codes` once).
    403 `password-change-required` means: first sign-in, call /auth/activate. 423: the
    account is locked. 429: too many failed attempts. 503 `HASHING_BUSY`: too many
    sign-ins at this moment; try again after Retry-After."""
    try:
        return _tokens(sign_in(json.username, json.password, json.otp or ""))
    except MfaRequired as needed:
        extra = {}
        if needed.enrolment is not None:
            extra["mfa_enrolment"] = {"secret": needed.enrolment.secret,
                                      "otpauth_uri": needed.enrolment.otpauth_uri}
        raise Problem(401, "a one-time code is required: send it as otp", kind="mfa-required",
                      code="MFA_REQUIRED", headers={"WWW-Authenticate": 'Bearer realm="cms"'},
                      mfa_required=True, **extra) from None


@bp.post("/refresh")
@limiter.limit(auth_limit)
@api.validate(json=schemas.Refresh, resp=answers(*PUBLIC_PROBLEMS, 401, HTTP_200=schemas.Tokens), tags=["auth"])
def refresh(json: schemas.Refresh):
    """Trade a refresh token for new tokens; each refresh token works once (401 after)."""
    return _tokens(_identity("Refresh", pb.RefreshRequest(refresh_token=json.refresh_token,
                                                          client=client_info())))


@bp.post("/logout")
@signed_in
@api.validate(resp=answers(*SIGNED_IN, *WITH_BODY, HTTP_204=None), tags=["auth"], security=BEARER)
def logout():
    """End this session: its access and refresh tokens stop working."""
    who = caller()
    _identity("Logout", pb.LogoutRequest(client=client_info()), who)
    current().forget_session(who.session_id)
    return "", 204


@bp.get("/me")
@signed_in
@api.validate(resp=answers(*SIGNED_IN, HTTP_200=schemas.Account), tags=["auth"], security=BEARER)
def me():
    """The signed-in account."""
    who = caller()
    return schemas.Account.from_message(_identity("GetAccount", pb.GetAccountRequest(username=who.subject), who)).body()


@bp.post("/password/change")
@signed_in
@limiter.limit(auth_limit)
@api.validate(json=schemas.ChangePassword, resp=answers(*SIGNED_IN, *WITH_BODY, HTTP_200=schemas.Tokens),
              tags=["auth"], security=BEARER)
def change_password(json: schemas.ChangePassword):
    """Change the password: every other session ends; the answer carries this one's new tokens."""
    return _tokens(change_password_of(caller(), json.current_password, json.new_password))


@bp.post("/password/forgot")
@limiter.limit(auth_limit, key_func=address_and_account)
@api.validate(json=schemas.ForgotPassword, resp=answers(*PUBLIC_PROBLEMS, HTTP_202=schemas.Accepted), tags=["auth"])
def forgot_password(json: schemas.ForgotPassword):
    """Ask for a password reset link by email. The answer is the same whether or not the account exists."""
    request_reset(json.username)
    return schemas.Accepted(detail="If this account exists and has an email address, a reset link is on its way."
                            ).body(), 202


@bp.post("/password/reset")
@limiter.limit(auth_limit)
@api.validate(json=schemas.ResetPassword, resp=answers(*PUBLIC_PROBLEMS, HTTP_204=None), tags=["auth"])
def reset_password(json: schemas.ResetPassword):
    """Set a new password with the token from the reset email; every session ends.

    A token that is unknown, used or expired is a 400 naming `token`."""
    reset(json.token, json.new_password)
    return "", 204


@bp.post("/activate")
@limiter.limit(auth_limit, key_func=address_and_account)
@api.validate(json=schemas.Activate, resp=answers(*PUBLIC_PROBLEMS, 401, HTTP_200=schemas.Tokens),
              tags=["auth"])
def activate(json: schemas.Activate):
    """First sign-in: the activation code (or the initial password) and a new password of your own.

    The initial (legacy) password works only with `cnic` or `date_of_birth` as on the
    admission record: without either, 400 naming `cnic` (code `LEGACY_FACT_REQUIRED`).
    401: wrong username or code (or it has expired); `LEGACY_FACT_WRONG` (naming the field)
    when the fact does not match; after 5 wrong tries of the initial password (a wrong
    password or fact) it stops working for good and an activation code is mailed instead
    (`LEGACY_PASSWORD_RETIRED`)."""
    return _tokens(activate_account(json.username, json.code, json.new_password, json.cnic or "",
                                    json.date_of_birth or ""))
