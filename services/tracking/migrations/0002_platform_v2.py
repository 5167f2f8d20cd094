"""The platform's tables, version 2: the audit chain and the log of staff reads of student records.

Revision ID: 0002
Revises: 0001
"""
from campus.alembic import platform_v2

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    platform_v2.create_tables()


def downgrade() -> None:
    platform_v2.drop_tables()
