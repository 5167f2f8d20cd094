"""Tracking tables: degree, transcript and certificate applications with their objections
and stage history; book parcels."""
import sqlalchemy as sa

from campus.db import new_metadata

metadata = new_metadata()

applications = sa.Table(
    "applications", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("tracking_id", sa.String(12), nullable=False, unique=True),          # EBN-AGZ-2G33
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
    sa.Column("kind", sa.String(12), nullable=False),
    sa.Column("section", sa.String(20), nullable=False),
    sa.Column("stage", sa.String(12), nullable=False),
    sa.Column("urgent", sa.Boolean, nullable=False, server_default=sa.false()),
    # One application per service request, whatever the number of deliveries of its event.
    sa.Column("request_number", sa.String(30), nullable=False, unique=True),
    sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("courier_tracking_number", sa.String(40)),
    sa.CheckConstraint("kind IN ('degree', 'transcript', 'certificate')", name="known_kind"),
    sa.CheckConstraint("section IN ('online', 'in_process', 'incomplete_returned')", name="known_section"),
    sa.CheckConstraint("stage IN ('received', 'verification', 'printing', 'signing', 'dispatched', 'delivered')",
                       name="known_stage"),
)

objections = sa.Table(
    "objections", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("application_id", sa.ForeignKey("applications.id"), nullable=False, index=True),
    sa.Column("reason", sa.String(300), nullable=False),
    sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("resolve_by", sa.Date, nullable=False),
    sa.Column("resolved_at", sa.DateTime(timezone=True)),
)

stage_history = sa.Table(
    "stage_history", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("application_id", sa.ForeignKey("applications.id"), nullable=False, index=True),
    sa.Column("section", sa.String(20), nullable=False),
    sa.Column("stage", sa.String(12), nullable=False),
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("note", sa.String(300), nullable=False, server_default=""),
)

parcels = sa.Table(
    "parcels", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("registry_number", sa.String(12), nullable=False),     # the postal registry number = roll number
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
    sa.Column("semester", sa.String(20), nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("dispatched_at", sa.DateTime(timezone=True)),
    sa.Column("note", sa.String(300), nullable=False, server_default=""),
    sa.UniqueConstraint("registry_number", "semester"),
    sa.CheckConstraint("status IN ('prepared', 'dispatched', 'delivered', 'returned')", name="known_status"),
)
