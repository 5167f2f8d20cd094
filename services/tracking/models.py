"""Tracking tables: degree, transcript and certificate applications with their objections
(and the documents answering them) and stage history; book parcels; the roll numbers
exams gave each student, for the public look-up."""
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
    sa.Column("courier", sa.String(60)),
    # Its objection's window closed unanswered: shown as returned, moved no further.
    sa.Column("rejected_at", sa.DateTime(timezone=True)),
    sa.CheckConstraint("kind IN ('degree', 'transcript', 'certificate')", name="known_kind"),
    sa.CheckConstraint("section IN ('in_process', 'incomplete_returned', 'dispatched', 'delivered')",
                       name="known_section"),
    sa.CheckConstraint("stage IN ('received', 'verification', 'objection', 'printing', 'ready', 'dispatched', "
                       "'delivered')", name="known_stage"),
    # The examinations queue: urgent first, oldest first, at each stage.
    sa.Index("ix_applications_queue", "stage", "urgent", "filed_at"),
)

objections = sa.Table(
    "objections", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("application_id", sa.ForeignKey("applications.id"), nullable=False, index=True),
    sa.Column("reason", sa.String(300), nullable=False),
    sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("resolve_by", sa.Date, nullable=False),
    sa.Column("resolved_at", sa.DateTime(timezone=True)),
    sa.Column("documents", sa.Text, nullable=False, server_default="[]"),   # JSON: what is wanted
    sa.Column("raised_by", sa.String(120), nullable=False, server_default=""),
    sa.Column("response", sa.Text, nullable=False, server_default=""),      # the student's answer
)

objection_documents = sa.Table(
    "objection_documents", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("objection_id", sa.ForeignKey("objections.id"), nullable=False, index=True),
    sa.Column("stored_name", sa.String(64), nullable=False),       # ours (campus.storage), never hers
    sa.Column("filename", sa.String(160), nullable=False),
    sa.Column("content_type", sa.String(40), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("objection_id", "sha256"),
)

roll_numbers = sa.Table(
    "roll_numbers", metadata,
    # From exams' slip_issued: the public looks applications up by a roll number.
    sa.Column("roll_number", sa.String(12), primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
)

stage_history = sa.Table(
    "stage_history", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("application_id", sa.ForeignKey("applications.id"), nullable=False, index=True),
    sa.Column("section", sa.String(20), nullable=False),
    sa.Column("stage", sa.String(12), nullable=False),
    sa.Column("changed_by", sa.String(200), nullable=False, server_default=""),
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
    sa.Column("updated_at", sa.DateTime(timezone=True)),
    sa.Column("times_sent", sa.Integer, nullable=False, server_default="0"),
    sa.UniqueConstraint("registry_number", "semester"),
    sa.CheckConstraint("status IN ('prepared', 'dispatched', 'delivered', 'returned')", name="known_status"),
    sa.Index("ix_parcels_semester_status", "semester", "status"),
)

parcel_history = sa.Table(
    "parcel_history", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("parcel_id", sa.ForeignKey("parcels.id"), nullable=False, index=True),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("note", sa.String(300), nullable=False, server_default=""),
    sa.Column("changed_by", sa.String(200), nullable=False, server_default=""),
)

admission_challans = sa.Table(
    "admission_challans", metadata,
    # From finance's challan_issued (the semester fee): books are looked up by it too.
    sa.Column("consumer_number", sa.String(18), primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
)
