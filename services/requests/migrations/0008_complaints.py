"""Help-desk complaints from anyone, signed in or not.

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_number", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("registration_number", sa.String(length=20), server_default="", nullable=False),
        sa.Column("email", sa.String(length=120), server_default="", nullable=False),
        sa.Column("mobile", sa.String(length=20), server_default="", nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("answer", sa.Text(), server_default="", nullable=False),
        sa.Column("answered_by", sa.String(length=120), server_default="", nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("challenge_id", sa.String(length=64), nullable=False),
        sa.Column("stored_name", sa.String(length=64), nullable=True),
        sa.Column("filename", sa.String(length=130), nullable=True),
        sa.Column("content_type", sa.String(length=40), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
        sa.UniqueConstraint("challenge_id", name=op.f("uq_complaints_challenge_id")),
        sa.UniqueConstraint("complaint_number", name=op.f("uq_complaints_complaint_number")),
    )
    op.create_index("ix_complaints_status_filed_at", "complaints", ["status", "filed_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_complaints_status_filed_at", table_name="complaints")
    op.drop_table("complaints")
