"""Requests tables: the catalogue, service requests and their status history."""
import sqlalchemy as sa

from campus.db import new_metadata

metadata = new_metadata()

categories = sa.Table(
    "categories", metadata,
    sa.Column("code", sa.String(60), primary_key=True),
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
)

subtypes = sa.Table(
    "subtypes", metadata,
    sa.Column("code", sa.String(60), primary_key=True),
    sa.Column("category_code", sa.String(60), sa.ForeignKey("categories.code"), nullable=False),
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("fee_code", sa.String(40)),                 # finance's fee; NULL = no fee
    sa.Column("department", sa.String(30), nullable=False),
    sa.Column("opens_degree_application", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("urgent", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("position", sa.Integer, nullable=False),
)

# Request numbers are reserved before the challan is asked for, so the challan can carry
# the number as its reference; the same idempotency key reserves the same number again.
request_numbers = sa.Table(
    "request_numbers", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False),
    sa.Column("idempotency_key", sa.String(80)),
    sa.Column("reserved_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("registration_number", "idempotency_key"),
)

service_requests = sa.Table(
    "service_requests", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("request_number", sa.String(20), nullable=False, unique=True),
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
    sa.Column("category", sa.String(60), nullable=False),
    sa.Column("subtype", sa.String(60), sa.ForeignKey("subtypes.code"), nullable=False),
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("details", sa.Text, nullable=False),
    sa.Column("department", sa.String(30), nullable=False, index=True),
    # The student's regional centre when the request was filed (enrollment's centre code):
    # regional staff see only their own centre's. "" for requests filed before it was
    # stored (no backfill across databases): no regional officer sees those.
    sa.Column("centre", sa.String(10), nullable=False, server_default=""),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("consumer_number", sa.String(18)),
    sa.Column("amount_paisa", sa.BigInteger),
    sa.Column("due_date", sa.Date),
    sa.Column("idempotency_key", sa.String(80)),
    sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("registration_number", "idempotency_key"),
    sa.Index("ix_service_requests_department_centre", "department", "centre"),
)

status_history = sa.Table(
    "status_history", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("request_id", sa.Integer, sa.ForeignKey("service_requests.id"), nullable=False, index=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("note", sa.String(300), nullable=False, server_default=""),
)
