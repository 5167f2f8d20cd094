"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 06:36:24.494077
"""
from alembic import op
import sqlalchemy as sa

from campus.alembic import platform_v1


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bank_payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bank_mnemonic', sa.String(length=8), nullable=False),
    sa.Column('tran_auth_id', sa.String(length=6), nullable=False),
    sa.Column('consumer_number', sa.String(length=18), nullable=False),
    sa.Column('amount_paisa', sa.BigInteger(), nullable=False),
    sa.Column('tran_date', sa.String(length=8), nullable=False),
    sa.Column('tran_time', sa.String(length=6), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('response_code', sa.String(length=2), nullable=False),
    sa.Column('identification_parameter', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bank_payments')),
    sa.UniqueConstraint('bank_mnemonic', 'tran_auth_id', name=op.f('uq_bank_payments_bank_mnemonic_tran_auth_id'))
    )
    op.create_table('challans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consumer_number', sa.String(length=18), nullable=True),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('payer_name', sa.String(length=120), server_default='', nullable=False),
    sa.Column('fee_code', sa.String(length=40), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('reference', sa.String(length=60), nullable=False),
    sa.Column('amount_paisa', sa.BigInteger(), nullable=False),
    sa.Column('amount_after_due_paisa', sa.BigInteger(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paid_amount_paisa', sa.BigInteger(), nullable=True),
    sa.Column('bank_mnemonic', sa.String(length=8), nullable=True),
    sa.Column('tran_auth_id', sa.String(length=6), nullable=True),
    sa.CheckConstraint('amount_paisa > 0', name=op.f('ck_challans_amount_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_challans')),
    sa.UniqueConstraint('consumer_number', name=op.f('uq_challans_consumer_number')),
    sa.UniqueConstraint('reference', name=op.f('uq_challans_reference'))
    )
    with op.batch_alter_table('challans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challans_registration_number'), ['registration_number'], unique=False)

    op.create_table('fee_schedule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fee_code', sa.String(length=40), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('amount_paisa', sa.BigInteger(), nullable=False),
    sa.Column('late_fee_paisa', sa.BigInteger(), server_default='0', nullable=False),
    sa.CheckConstraint('amount_paisa >= 0 AND late_fee_paisa >= 0', name=op.f('ck_fee_schedule_fee_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fee_schedule')),
    sa.UniqueConstraint('fee_code', 'level', name=op.f('uq_fee_schedule_fee_code_level'))
    )
    op.create_table('ledger_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('consumer_number', sa.String(length=18), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('amount_paisa', sa.BigInteger(), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('posted_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entries'))
    )
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_entries_registration_number'), ['registration_number'], unique=False)

    platform_v1.create_tables()


def downgrade() -> None:
    platform_v1.drop_tables()
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_entries_registration_number'))

    op.drop_table('ledger_entries')
    op.drop_table('fee_schedule')
    with op.batch_alter_table('challans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challans_registration_number'))

    op.drop_table('challans')
    op.drop_table('bank_payments')
