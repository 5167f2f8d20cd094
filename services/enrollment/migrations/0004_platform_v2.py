"""The platform's tables, version 2: the audit chain and the log of staff reads of student records.

Revision ID: 0004
Revises: 0003
"""
from campus.alembic import platform_v2

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    platform_v2.create_tables()


def downgrade() -> None:
    platform_v2.drop_tables()
