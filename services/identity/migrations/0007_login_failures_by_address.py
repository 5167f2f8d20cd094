"""login failures by address

An index for the budget of failed sign-ins per client group across every account name
(IDENTITY_ADDRESS_FAILED_ACCOUNTS).

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-03 10:00:00.000000
"""
from alembic import op


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f('ix_login_failures_ip_occurred'), 'login_failures', ['ip', 'occurred_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_login_failures_ip_occurred'), table_name='login_failures')
