"""legacy initial password: a second fact and its attempts

The keyed digests of the CNIC and the date of birth that admissions gives with a legacy
account, and the count of wrong tries of the legacy initial password with them
(services/identity/admission_facts.py). Accounts made before have no digest: their
legacy password alone no longer opens them, and the first try mails an activation code.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10 10:00:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("accounts", sa.Column("admission_cnic_digest", sa.String(64), nullable=True))
    op.add_column("accounts", sa.Column("admission_dob_digest", sa.String(64), nullable=True))
    op.add_column("accounts", sa.Column("legacy_failed_attempts", sa.Integer(), nullable=False,
                                        server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("legacy_failed_attempts")
        batch.drop_column("admission_dob_digest")
        batch.drop_column("admission_cnic_digest")
