"""Identity tables: accounts, sessions and their refresh tokens, reset tokens, mail to
send, login throttling (and the places each account signs in from) and the audit log.
Secrets are stored only as hashes."""
import sqlalchemy as sa

from campus.db import new_metadata

metadata = new_metadata()

BigId = sa.BigInteger().with_variant(sa.Integer, "sqlite")
When = sa.DateTime(timezone=True)

accounts = sa.Table(
    "accounts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # Registration number, staff login or bank mnemonic.
    sa.Column("username", sa.String(40), nullable=False, unique=True),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("full_name", sa.String(120), nullable=False),
    sa.Column("department", sa.String(20), nullable=False, server_default=""),
    # A staff member who works for one regional centre (enrollment's centre code): her
    # access token carries it, and services show her only that centre's students.
    sa.Column("centre", sa.String(10), nullable=False, server_default=""),
    sa.Column("email", sa.String(254), nullable=False, server_default=""),
    sa.Column("mobile", sa.String(20), nullable=False, server_default=""),
    sa.Column("status", sa.String(30), nullable=False),
    sa.Column("status_before_lock", sa.String(30)),      # restored by an unlock
    sa.Column("lock_reason", sa.String(200)),
    sa.Column("password_hash", sa.String(200)),           # argon2id; for a bank, its secret
    sa.Column("activation_code_hash", sa.String(200)),
    # When the first-login credential stops working: the activation code or, for the
    # legacy policy, the initial password. Cleared once the user sets a password.
    sa.Column("activation_expires_at", When),
    sa.Column("created_at", When, nullable=False),
    sa.Column("password_changed_at", When),
    sa.Column("last_login_at", When),
    sa.CheckConstraint("kind IN ('student', 'staff', 'bank')", name="kind_known"),
    sa.CheckConstraint("status IN ('active', 'activation_pending', 'password_change_required', 'locked')",
                       name="status_known"),
)

sessions = sa.Table(
    "sessions", metadata,
    sa.Column("id", sa.String(36), primary_key=True),    # the `sid` of access tokens
    sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id"), nullable=False, index=True),
    sa.Column("created_at", When, nullable=False),
    sa.Column("expires_at", When, nullable=False),        # moves forward with every refresh
    sa.Column("revoked_at", When),
    sa.Column("revoked_reason", sa.String(40)),
    sa.Column("ip", sa.String(45), nullable=False, server_default=""),
    sa.Column("user_agent", sa.String(200), nullable=False, server_default=""),
)

# Every session that ended, in the order it ended: the feed (EndedSessions) that every
# process polls to refuse an ended session's access tokens. `seq` is the readers' cursor;
# rows older than the access tokens' longest life serve no one and are swept.
ended_sessions = sa.Table(
    "ended_sessions", metadata,
    sa.Column("seq", BigId, primary_key=True, autoincrement=True),
    sa.Column("session_id", sa.String(36), nullable=False),
    sa.Column("ended_at", When, nullable=False, index=True),
)

refresh_tokens = sa.Table(
    "refresh_tokens", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("session_id", sa.String(36), sa.ForeignKey("sessions.id"), nullable=False, index=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("issued_at", When, nullable=False),
    sa.Column("expires_at", When, nullable=False),
    sa.Column("used_at", When),                           # rotated: presenting it again is reuse
)

reset_tokens = sa.Table(
    "password_reset_tokens", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id"), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", When, nullable=False),
    sa.Column("expires_at", When, nullable=False),
    sa.Column("used_at", When),
    sa.Index("ix_password_reset_tokens_account_created", "account_id", "created_at"),
)

mail_outbox = sa.Table(
    "mail_outbox", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("recipient", sa.String(254), nullable=False),
    sa.Column("subject", sa.String(200), nullable=False),
    sa.Column("body", sa.Text, nullable=False),           # emptied once sent: it may hold a code or link
    sa.Column("status", sa.String(10), nullable=False),   # pending | sent | failed
    sa.Column("created_at", When, nullable=False),
    sa.Column("next_attempt_at", When, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("sent_at", When),
    sa.Column("last_error", sa.String(500)),
    sa.Index("ix_mail_outbox_pending", "next_attempt_at", postgresql_where=sa.text("status = 'pending'"),
             sqlite_where=sa.text("status = 'pending'")),
)

# Keyed by the name typed, not the account: unknown names throttle exactly like real ones.
# `ip` holds the client group (domain.client_group): an IPv4 address, or an IPv6 /64.
login_throttle = sa.Table(
    "login_throttle", metadata,
    sa.Column("username", sa.String(40), primary_key=True),
    sa.Column("ip", sa.String(45), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),    # consecutive, since the last success
    sa.Column("last_failure_at", When, nullable=False),
)

login_failures = sa.Table(
    "login_failures", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(40), nullable=False),
    sa.Column("ip", sa.String(45), nullable=False),
    sa.Column("occurred_at", When, nullable=False),
    sa.Index("ix_login_failures_username_occurred", "username", "occurred_at"),
    sa.Index("ix_login_failures_ip_occurred", "ip", "occurred_at"),   # the budget per client group
)

# The client groups each account signed in from lately: once the account-wide failure
# limit is reached, only these still get in (domain.retry_after).
known_clients = sa.Table(
    "known_clients", metadata,
    sa.Column("username", sa.String(40), primary_key=True),
    sa.Column("client_group", sa.String(45), primary_key=True),
    sa.Column("last_success_at", When, nullable=False),
)

# Staff MFA (TOTP). The secret is encrypted (services.identity.mfa) and never leaves
# identity once enrolment is confirmed; `confirmed_at` is empty while enrolment is pending.
# `last_step` is the TOTP time step last accepted: a code is good once.
mfa_credentials = sa.Table(
    "mfa_credentials", metadata,
    sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id"), primary_key=True),
    sa.Column("secret_encrypted", sa.String(200), nullable=False),
    sa.Column("created_at", When, nullable=False),
    sa.Column("confirmed_at", When),
    sa.Column("last_step", sa.BigInteger),
)

# One-time recovery codes, stored as digests only; a used one keeps its row (used_at).
mfa_recovery_codes = sa.Table(
    "mfa_recovery_codes", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id"), nullable=False, index=True),
    sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", When, nullable=False),
    sa.Column("used_at", When),
)

audit_events = sa.Table(
    "audit_events", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("occurred_at", When, nullable=False),
    sa.Column("username", sa.String(40), nullable=False),
    sa.Column("event", sa.String(40), nullable=False),
    sa.Column("ip", sa.String(45), nullable=False, server_default=""),
    sa.Column("user_agent", sa.String(200), nullable=False, server_default=""),
    sa.Column("detail", sa.String(200), nullable=False, server_default=""),
    sa.Index("ix_audit_events_username_occurred", "username", "occurred_at"),
)
