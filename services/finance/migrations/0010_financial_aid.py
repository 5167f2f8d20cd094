"""Financial aid and scholarships: student services' and treasury's cases, each award
refunded from a paid semester fee or waiting (remaining_paisa) for her next one.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 16:47:31.139483
"""
from alembic import op
import sqlalchemy as sa

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('aid_cases',
    sa.Column('request_number', sa.String(length=20), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('subtype', sa.String(length=60), nullable=False),
    sa.Column('details', sa.Text(), server_default='', nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('award_paisa', sa.BigInteger(), nullable=True),
    sa.Column('refunded_paisa', sa.BigInteger(), nullable=True),
    sa.Column('remaining_paisa', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('consumer_number', sa.String(length=18), nullable=True),
    sa.Column('decided_by', sa.String(length=200), server_default='', nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.String(length=500), server_default='', nullable=False),
    sa.CheckConstraint('remaining_paisa >= 0', name=op.f('ck_aid_cases_remaining_not_negative')),
    sa.PrimaryKeyConstraint('request_number', name=op.f('pk_aid_cases'))
    )
    with op.batch_alter_table('aid_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aid_cases_registration_number'), ['registration_number'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('aid_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aid_cases_registration_number'))

    op.drop_table('aid_cases')
