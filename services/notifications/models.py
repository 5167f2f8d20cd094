"""Notifications tables: who the students are (where to write to, whom announcements reach),
their inboxes, announcements, the email and SMS deliveries, and escalations awaiting the
department heads' daily digest."""
import sqlalchemy as sa

from campus.db import new_metadata

metadata = new_metadata()
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

#: What notifications knows of each student, kept from enrollment's events (and asked of
#: enrollment when a message must go to a student no event has described yet).
students = sa.Table(
    "students", metadata,
    sa.Column("registration_number", sa.String(20), primary_key=True),
    sa.Column("full_name", sa.String(100), nullable=False, server_default=""),
    sa.Column("email", sa.String(254), nullable=False, server_default=""),
    sa.Column("mobile", sa.String(15), nullable=False, server_default=""),
    sa.Column("program_code", sa.String(20), nullable=False, server_default="", index=True),
    sa.Column("regional_centre", sa.String(10), nullable=False, server_default="", index=True),
    sa.Column("semester", sa.String(20), nullable=False, server_default="", index=True),  # the latest she is in
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

#: Her own inbox: one row per event that concerns her (an announcement is not copied here).
inbox = sa.Table(
    "inbox", metadata,
    sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
    sa.Column("registration_number", sa.String(20), nullable=False),
    sa.Column("event_id", sa.String(36), nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("params", sa.Text, nullable=False),           # JSON: what the templates fill in
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("read_at", sa.DateTime(timezone=True)),
    sa.UniqueConstraint("event_id", "registration_number"),  # once per event and student
    sa.Index("ix_inbox_student_newest", "registration_number", "id"),
)

announcements = sa.Table(
    "announcements", metadata,
    sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
    sa.Column("audience", sa.String(10), nullable=False),
    sa.Column("audience_value", sa.String(40), nullable=False, server_default=""),
    sa.Column("title_en", sa.String(150), nullable=False),
    sa.Column("body_en", sa.String(2000), nullable=False),
    sa.Column("title_ur", sa.String(150), nullable=False),
    sa.Column("body_ur", sa.String(2000), nullable=False),
    sa.Column("deadline", sa.Date),
    sa.Column("published_by", sa.String(120), nullable=False),
    sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("withdrawn_at", sa.DateTime(timezone=True)),
    sa.Column("idempotency_key", sa.String(64), unique=True),
    sa.CheckConstraint("audience IN ('all', 'program', 'region', 'semester')", name="known_audience"),
    sa.Index("ix_announcements_audience", "audience", "audience_value", "id"),
)

#: Which announcements a student has read: a row only once she has (most never are).
announcement_reads = sa.Table(
    "announcement_reads", metadata,
    sa.Column("announcement_id", sa.ForeignKey("announcements.id"), primary_key=True),
    sa.Column("registration_number", sa.String(20), primary_key=True),
    sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
)

#: An email or text message to send: one per event, channel and recipient, whatever the
#: number of deliveries of the event. Its text is rendered when sent and not kept after.
deliveries = sa.Table(
    "deliveries", metadata,
    sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(60), nullable=False),
    sa.Column("channel", sa.String(5), nullable=False),
    sa.Column("recipient", sa.String(254), nullable=False),   # a registration number, or an address given
    sa.Column("address", sa.String(254), nullable=False, server_default=""),  # "" until resolved
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("params", sa.Text, nullable=False),
    sa.Column("reference", sa.String(40), nullable=False, server_default=""),
    sa.Column("status", sa.String(10), nullable=False, server_default="pending"),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_error", sa.String(200)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("sent_at", sa.DateTime(timezone=True)),
    sa.UniqueConstraint("event_id", "channel", "recipient"),
    sa.CheckConstraint("channel IN ('email', 'sms')", name="known_channel"),
    sa.CheckConstraint("status IN ('pending', 'sent', 'dead', 'no_address')", name="known_status"),
    sa.Index("ix_deliveries_due", "status", "next_attempt_at"),
)

#: Requests past their service level, waiting for their department head's daily digest.
escalations = sa.Table(
    "escalations", metadata,
    sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
    sa.Column("request_number", sa.String(30), nullable=False, unique=True),
    sa.Column("department", sa.String(30), nullable=False, index=True),
    sa.Column("subtype", sa.String(40), nullable=False),
    sa.Column("due_by", sa.String(10), nullable=False),
    sa.Column("assigned_to", sa.String(80), nullable=False, server_default=""),
    sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("digest_on", sa.Date),          # the day's digest that told the head; NULL: not yet
)

#: Each department's head: who the digest goes to.
department_heads = sa.Table(
    "department_heads", metadata,
    sa.Column("department", sa.String(30), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("email", sa.String(254), nullable=False),
)

#: Partner systems (the LMS, a library) told of events by signed HTTP POSTs.
webhook_partners = sa.Table(
    "webhook_partners", metadata,
    sa.Column("id", BIG_ID, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(60), nullable=False, unique=True),
    sa.Column("url", sa.String(500), nullable=False),
    # The shared secret signs each delivery, so it is kept (a hash could not sign): shown to
    # staff once when registered, never listed or logged.
    sa.Column("secret", sa.String(100), nullable=False),
    sa.Column("events", sa.String(1000), nullable=False),     # event types, comma-separated
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("created_by", sa.String(120), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

#: One POST of one event to one partner, retried until it answers 2xx; its id is the
#: X-CMS-Delivery header the partner deduplicates on.
webhook_deliveries = sa.Table(
    "webhook_deliveries", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("partner_id", sa.ForeignKey("webhook_partners.id"), nullable=False),
    sa.Column("event_id", sa.String(36), nullable=False),
    sa.Column("event_type", sa.String(80), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("status", sa.String(10), nullable=False, server_default="pending"),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_status_code", sa.Integer),
    sa.Column("last_error", sa.String(200)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("delivered_at", sa.DateTime(timezone=True)),
    sa.UniqueConstraint("partner_id", "event_id"),
    sa.CheckConstraint("status IN ('pending', 'delivered', 'dead')", name="known_status"),
    sa.Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
    sa.Index("ix_webhook_deliveries_partner", "partner_id", "created_at"),
)
