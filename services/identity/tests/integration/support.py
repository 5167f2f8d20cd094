"""What the integration tests share: calls as the gateway, and the database behind them."""
from __future__ import annotations

import email
import email.policy
import itertools
import json

import sqlalchemy as sa

from cms.identity.v1 import identity_pb2 as pb
from services import demo
from services.identity import mailer
from services.identity.models import audit_events
from tests import otp as otp_codes

FAST_ARGON2 = {"argon2_time_cost": 1, "argon2_memory_kib": 8192, "argon2_parallelism": 1}
NEW_PASSWORD = "Fresh-Start-2027"
#: The admission record's facts that admissions gives with every legacy account made here.
CNIC, DATE_OF_BIRTH = "61101-2345678-9", "2003-08-14"

_numbers = itertools.count(1)


def unique_regno() -> str:
    return f"26T-{500000 + next(_numbers):06d}"


def unique_ip() -> str:
    n = next(_numbers)
    return f"198.51.{n // 250}.{n % 250 + 1}"


def unique_ipv6_net() -> str:
    """The first four groups of an IPv6 /64 no other test uses, like 2001:db8:12:1."""
    return f"2001:db8:{next(_numbers):x}:1"


class Gateway:
    def __init__(self, clients, runtime):
        self.clients = clients
        self.runtime = runtime
        self._staff_sessions: dict[str, pb.TokenPair] = {}

    def call(self, method: str, request, caller=None):
        return self.clients.call("identity", method, request, caller=caller)

    def login(self, username: str, password: str = demo.PASSWORD, ip: str = "203.0.113.10",
              otp: str | None = None) -> pb.TokenPair:
        """Signs in; demo staff who must use MFA send their next code unless `otp` is given."""
        return self.call("Login", pb.LoginRequest(
            username=username, password=password, client=pb.ClientInfo(ip=ip, user_agent="pytest"),
            otp=otp_codes.code_for(username) if otp is None and password == demo.PASSWORD else otp or ""))

    def caller(self, tokens: pb.TokenPair):
        return self.runtime.access.caller(tokens.access_token, via="gateway")

    def staff(self, department: str):
        """The department's demo staff member, signed in: a session still active is reused
        (identity takes each one-time code once, so MFA sign-ins are rationed)."""
        username = next(s["username"] for s in demo.STAFF if s["department"] == department)
        tokens = self._staff_sessions.get(username)
        if tokens is None or not self._still_active(tokens):
            tokens = self._staff_sessions[username] = self.login(username)
        return self.caller(tokens)

    def _still_active(self, tokens: pb.TokenPair) -> bool:
        try:
            return self.check(tokens)
        except Exception:  # noqa: BLE001 - an expired token: sign in again
            return False

    def check(self, tokens: pb.TokenPair) -> bool:
        sid = self.caller(tokens).session_id
        return self.call("CheckSession", pb.CheckSessionRequest(session_id=sid)).active

    def create_student(self, policy: str = "activation", regno: str | None = None,
                       full_name: str = "Ayesha Siddiqui", cnic: str = CNIC,
                       date_of_birth: str = DATE_OF_BIRTH) -> pb.Account:
        """A new student; a legacy one with the admission record's CNIC and date of birth."""
        regno = regno or unique_regno()
        return self.call("CreateStudentAccount", pb.CreateStudentAccountRequest(
            registration_number=regno, full_name=full_name, email=f"{regno.lower()}@students.example.pk",
            mobile="03001234567", initial_password_policy=policy, cnic=cnic, date_of_birth=date_of_birth),
            caller=self.staff("admissions"))

    def runtime_passwords(self):
        """The hasher identity hashes passwords with (its configured argon2 parameters)."""
        from services.identity.service import Identity
        return Identity.from_runtime(self.runtime).passwords

    def active_student(self, password: str = NEW_PASSWORD) -> tuple[str, pb.TokenPair]:
        """A student who has been through the legacy first login; (username, tokens)."""
        account = self.create_student("legacy")
        tokens = self.call("Activate", pb.ActivateRequest(
            username=account.username, code="ui" + account.username[-4:], new_password=password, cnic=CNIC,
            client=pb.ClientInfo(ip="203.0.113.10")))
        return account.username, tokens

    def mails_to(self, recipient: str) -> list[email.message.EmailMessage]:
        mailer.send_pending(self.runtime.db, self.runtime.config)
        found = []
        for path in sorted(self.runtime.config.mail_dir.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if message["To"] == recipient:
                found.append(message)
        return found

    def outbox(self, event_type: str) -> list[dict]:
        outbox = self.runtime.db.outbox
        with self.runtime.db.sessions() as s:
            rows = s.execute(sa.select(outbox.c.envelope).where(outbox.c.event_type == event_type)).scalars()
            return [json.loads(r) for r in rows]

    def audit(self, username: str) -> list[sa.Row]:
        with self.runtime.db.sessions() as s:
            return list(s.execute(sa.select(audit_events).where(audit_events.c.username == username)
                                  .order_by(audit_events.c.id)))
