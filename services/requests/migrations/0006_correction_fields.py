"""The fields of a "Correction in personal information" request, each decided on its own.

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "correction_fields",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=30), nullable=False),
        sa.Column("current_value", sa.String(length=300), nullable=False),
        sa.Column("new_value", sa.String(length=300), nullable=False),
        sa.Column("decision", sa.String(length=10), server_default="pending", nullable=False),
        sa.Column("reason", sa.String(length=300), server_default="", nullable=False),
        sa.Column("decided_by", sa.String(length=120), server_default="", nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["request_id"], ["service_requests.id"],
                                name=op.f("fk_correction_fields_request_id_service_requests")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correction_fields")),
        sa.UniqueConstraint("request_id", "field", name=op.f("uq_correction_fields_request_id_field")),
    )
    op.create_index(op.f("ix_correction_fields_request_id"), "correction_fields", ["request_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_correction_fields_request_id"), table_name="correction_fields")
    op.drop_table("correction_fields")
