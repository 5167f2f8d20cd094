"""IdentityService over gRPC: each method declares who may call it (@rpc);
it parses, calls the use case and maps the result."""
from __future__ import annotations

import ipaddress

from campus import clock, identifiers, registry
from campus.auth import STAFF, STUDENT, Caller, current_caller
from campus.errors import InvalidArgument, PermissionDenied, Unauthenticated
from campus.policy import ALL, OWN, RECORD, rpc
from cms.identity.v1 import identity_pb2 as pb
from cms.identity.v1 import identity_pb2_grpc
from services.identity import activation, admin, domain, mfa, recovery, service, session_feed
from services.identity.service import Identity, MfaChallenge, Tokens

MAX_AUDIT_EVENTS = 500


def account_message(row) -> pb.Account:
    return pb.Account(username=row.username, kind=row.kind, full_name=row.full_name,
                      department=row.department or "", status=row.status, email=row.email or "",
                      last_login_at=clock.iso(row.last_login_at))


def token_pair(tokens: Tokens) -> pb.TokenPair:
    return pb.TokenPair(access_token=tokens.access_token, refresh_token=tokens.refresh_token,
                        expires_in=tokens.expires_in, token_type="Bearer", account=account_message(tokens.account),
                        recovery_codes=tokens.recovery_codes)


def sign_in_answer(answer: Tokens | MfaChallenge) -> pb.TokenPair:
    if isinstance(answer, Tokens):
        return token_pair(answer)
    pending = answer.enrolment
    return pb.TokenPair(token_type="Bearer", account=account_message(answer.account), mfa_required=True,
                        mfa_enrolment=pb.MfaEnrolment(secret=pending.secret, otpauth_uri=pending.otpauth_uri)
                        if pending else None)


def mfa_message(status: mfa.Status) -> pb.MfaStatus:
    return pb.MfaStatus(enrolled=status.enrolled, required=status.required,
                        recovery_codes_left=status.recovery_codes_left, recovery_codes=status.recovery_codes,
                        enrolment=pb.MfaEnrolment(secret=status.secret, otpauth_uri=status.otpauth_uri)
                        if status.secret else None)


def client_of(info: pb.ClientInfo) -> domain.Client:
    ip = info.ip.strip()
    if ip:
        try:
            address = ipaddress.ip_address(ip)
        except ValueError:
            raise InvalidArgument("client.ip is not an IP address", field="client.ip") from None
        # A zone (fe80::1%eth0) names an interface of the gateway's host, not the client,
        # and may be longer than the column that stores the address.
        ip = str(address).split("%", 1)[0]
    # The user agent is whatever the browser sent: kept short, never refused, and without
    # the control characters PostgreSQL cannot store (NUL) or logs should not show.
    return domain.Client(ip=ip, user_agent=identifiers.CONTROL.sub("", info.user_agent)[:200])


def _user() -> Caller:
    caller = current_caller()
    if caller.kind not in (STUDENT, STAFF) or not caller.session_id:
        raise (PermissionDenied if caller.token else Unauthenticated)("sign in as a student or staff member first")
    return caller


class IdentityServicer(identity_pb2_grpc.IdentityServiceServicer):
    def __init__(self, runtime):
        self.idn = Identity.from_runtime(runtime)

    @rpc(services={"gateway"})
    def Login(self, request, context):
        return sign_in_answer(service.login(self.idn, request.username, request.password,
                                            client_of(request.client), otp=request.otp))

    @rpc(services={"gateway"})
    def Refresh(self, request, context):
        return token_pair(service.refresh(self.idn, request.refresh_token, client_of(request.client)))

    @rpc(students=RECORD, staff=ALL)
    def Logout(self, request, context):
        service.logout(self.idn, _user(), client_of(request.client))
        return pb.LogoutResponse()

    @rpc(public=True)
    def CheckSession(self, request, context):
        session_id = identifiers.text(request.session_id, "session_id", max_length=36, required=True)
        return pb.CheckSessionResponse(active=service.check_session(self.idn, session_id))

    # Polled by every gateway worker and every service process (campus.sessions).
    @rpc(services={"gateway", *registry.names()})
    def EndedSessions(self, request, context):
        ended = session_feed.page(self.idn.db, self.idn.config, request.after)
        return pb.EndedSessionsResponse(session_ids=ended.session_ids, cursor=ended.cursor, more=ended.more,
                                        keep_seconds=ended.keep_seconds)

    @rpc(public=True)
    def GetJwks(self, request, context):
        return pb.GetJwksResponse(jwks_json=self.idn.keys.jwks_json())

    @rpc(students=RECORD, staff=ALL)
    def ChangePassword(self, request, context):
        return token_pair(service.change_password(self.idn, _user(), request.current_password,
                                                  request.new_password, client_of(request.client)))

    @rpc(services={"gateway"})
    def Activate(self, request, context):
        return token_pair(activation.activate(self.idn, request.username, request.code, request.new_password,
                                              client_of(request.client), cnic=request.cnic,
                                              date_of_birth=request.date_of_birth))

    @rpc(services={"gateway"})
    def RequestPasswordReset(self, request, context):
        recovery.request_password_reset(self.idn, request.username, client_of(request.client))
        return pb.RequestPasswordResetResponse()

    @rpc(services={"gateway"})
    def ResetPassword(self, request, context):
        recovery.reset_password(self.idn, request.token, request.new_password, client_of(request.client))
        return pb.ResetPasswordResponse()

    @rpc(services={"gateway"})
    def AuthenticateBank(self, request, context):
        return token_pair(service.authenticate_bank(self.idn, request.bank_mnemonic, request.secret,
                                                    client_of(request.client)))

    # Admissions open an account by hand; enrollment opens the account of a student it admits.
    @rpc(staff={"admissions"}, services={"enrollment"})
    def CreateStudentAccount(self, request, context):
        caller = current_caller()
        return account_message(admin.create_student_account(
            self.idn, caller, registration_number=request.registration_number, full_name=request.full_name,
            email=request.email, mobile=request.mobile, policy=request.initial_password_policy,
            cnic=request.cnic, date_of_birth=request.date_of_birth))

    @rpc(students=OWN, owner_field="username", staff=ALL)
    def GetAccount(self, request, context):
        username = identifiers.username(request.username)
        return account_message(admin.get_account(self.idn, username))

    @rpc(staff={"student_services"})
    def LockAccount(self, request, context):
        caller = current_caller()
        return account_message(admin.lock_account(self.idn, caller, identifiers.username(request.username),
                                                  request.reason))

    @rpc(staff={"student_services"})
    def UnlockAccount(self, request, context):
        caller = current_caller()
        return account_message(admin.unlock_account(self.idn, caller, identifiers.username(request.username)))

    @rpc(staff=ALL)
    def GetMfaStatus(self, request, context):
        return mfa_message(service.mfa_status(self.idn, _user()))

    @rpc(staff=ALL)
    def BeginMfaEnrolment(self, request, context):
        return mfa_message(service.begin_mfa_enrolment(self.idn, _user(), client_of(request.client)))

    @rpc(staff=ALL)
    def ConfirmMfaEnrolment(self, request, context):
        return mfa_message(service.confirm_mfa_enrolment(self.idn, _user(), request.otp, client_of(request.client)))

    @rpc(staff=ALL)
    def RegenerateRecoveryCodes(self, request, context):
        return mfa_message(service.regenerate_recovery_codes(self.idn, _user(), request.otp,
                                                             client_of(request.client)))

    @rpc(staff=ALL)
    def DisableMfa(self, request, context):
        return mfa_message(service.disable_mfa(self.idn, _user(), request.otp, client_of(request.client)))

    @rpc(staff={"student_services"})
    def ListAuditEvents(self, request, context):
        username = identifiers.username(request.username) if request.username else ""
        if not 0 <= request.limit <= MAX_AUDIT_EVENTS:
            raise InvalidArgument(f"limit must be between 1 and {MAX_AUDIT_EVENTS}", field="limit")
        rows = admin.audit_log(self.idn, username, request.limit or 50)
        return pb.ListAuditEventsResponse(events=[
            pb.AuditEvent(occurred_at=clock.iso(r.occurred_at), username=r.username, event=r.event, ip=r.ip,
                          detail=r.detail) for r in rows])
