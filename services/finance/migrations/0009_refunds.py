"""Refunds: the rules (data) and treasury's cases.

The rules, from the university's published policy (../shared/DOMAIN.md, "Fees"): a student
who switches programme before her books are dispatched gets her fee back less 10%; after
dispatch, nothing; when a programme is not offered, all of it. An excess or double payment
is refunded whole. Each rule applies from a date: a changed rule is a new row from its
date, so a case is decided by the rule of its day.

Revision ID: 0009
Revises: 0008
"""
import datetime as dt

from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

SINCE = dt.date(2020, 1, 1)
RULES = [  # (ground, request subtype, title, deduction %)
    ("program_not_offered", "refund_program_not_offered", "Programme not offered: the whole fee", 0),
    ("program_switch_before_books", "refund_program_switch",
     "Programme switched before the books were dispatched: the fee less 10%", 10),
    ("program_switch_after_books", "refund_program_switch",
     "Programme switched after the books were dispatched: nothing", 100),
    ("excess_payment", "refund_excess_payment", "Excess or double payment: the whole amount", 0),
]


def upgrade() -> None:
    rules = op.create_table('refund_rules',
    sa.Column('ground', sa.String(length=40), nullable=False),
    sa.Column('applies_from', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('deduction_percent', sa.Integer(), nullable=False),
    sa.Column('subtype', sa.String(length=60), nullable=False),
    sa.CheckConstraint('deduction_percent BETWEEN 0 AND 100', name=op.f('ck_refund_rules_deduction_is_a_percentage')),
    sa.PrimaryKeyConstraint('ground', 'applies_from', name=op.f('pk_refund_rules'))
    )
    op.create_table('refund_cases',
    sa.Column('request_number', sa.String(length=20), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('subtype', sa.String(length=60), nullable=False),
    sa.Column('details', sa.Text(), server_default='', nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('consumer_number', sa.String(length=18), nullable=True),
    sa.Column('ground', sa.String(length=40), nullable=True),
    sa.Column('base_paisa', sa.BigInteger(), nullable=True),
    sa.Column('amount_paisa', sa.BigInteger(), nullable=True),
    sa.Column('decided_by', sa.String(length=200), server_default='', nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.String(length=500), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('request_number', name=op.f('pk_refund_cases')),
    sa.UniqueConstraint('consumer_number', name=op.f('uq_refund_cases_consumer_number'))
    )
    op.create_index(op.f('ix_refund_cases_registration_number'), 'refund_cases', ['registration_number'], unique=False)
    op.bulk_insert(rules, [{"ground": g, "subtype": s, "title": t, "deduction_percent": d, "applies_from": SINCE}
                           for g, s, t, d in RULES])


def downgrade() -> None:
    op.drop_index(op.f('ix_refund_cases_registration_number'), table_name='refund_cases')
    op.drop_table('refund_cases')
    op.drop_table('refund_rules')
