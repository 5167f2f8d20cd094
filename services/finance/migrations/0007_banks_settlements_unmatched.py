"""The collecting banks (data), each bank's settlement files as treasury reconciled them, and
the queue of money a settlement shows that no payment call told us of.

Demo banks ABL and HBL collect from the start; treasury adds a bank with a migration (its
credential is identity's). Names are the banks' registered names.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 16:07:33.597479
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


BANKS = [("ABL", "Allied Bank Limited"), ("HBL", "Habib Bank Limited")]


def upgrade() -> None:
    banks = op.create_table('banks',
    sa.Column('mnemonic', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('active', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.PrimaryKeyConstraint('mnemonic', name=op.f('pk_banks'))
    )
    op.create_table('settlements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bank_mnemonic', sa.String(length=8), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('uploaded_by', sa.String(length=200), nullable=False),
    sa.Column('first_tran_date', sa.String(length=8), nullable=False),
    sa.Column('last_tran_date', sa.String(length=8), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('matched', sa.Integer(), nullable=False),
    sa.Column('report', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_settlements')),
    sa.UniqueConstraint('bank_mnemonic', 'sha256', name=op.f('uq_settlements_bank_mnemonic_sha256'))
    )
    op.create_table('unmatched_payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bank_mnemonic', sa.String(length=8), nullable=False),
    sa.Column('tran_auth_id', sa.String(length=6), nullable=False),
    sa.Column('consumer_number', sa.String(length=18), nullable=False),
    sa.Column('amount_paisa', sa.BigInteger(), nullable=False),
    sa.Column('tran_date', sa.String(length=8), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('found_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('settlement_id', sa.Integer(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=200), server_default='', nullable=False),
    sa.Column('note', sa.String(length=300), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['settlement_id'], ['settlements.id'],
                            name=op.f('fk_unmatched_payments_settlement_id_settlements')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unmatched_payments')),
    sa.UniqueConstraint('bank_mnemonic', 'tran_auth_id', name=op.f('uq_unmatched_payments_bank_mnemonic_tran_auth_id'))
    )
    op.bulk_insert(banks, [{"mnemonic": m, "name": n, "active": True} for m, n in BANKS])


def downgrade() -> None:
    op.drop_table('unmatched_payments')
    op.drop_table('settlements')
    op.drop_table('banks')
