"""Fees to recover: payments a bank reversed after what they paid for was decided (requests
tells finance with payment_reversed_after_decision); treasury marks each recovered.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 17:07:06.379440
"""
from alembic import op
import sqlalchemy as sa

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('recoveries',
    sa.Column('request_number', sa.String(length=20), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('consumer_number', sa.String(length=18), nullable=False),
    sa.Column('request_status', sa.String(length=20), nullable=False),
    sa.Column('bank_mnemonic', sa.String(length=8), nullable=False),
    sa.Column('reversed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recovered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('recovered_by', sa.String(length=200), server_default='', nullable=False),
    sa.Column('note', sa.String(length=300), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('request_number', name=op.f('pk_recoveries'))
    )


def downgrade() -> None:
    op.drop_table('recoveries')
