"""How many times a case of each kind may be granted per program, in data: a change of
examination centre once (DOMAIN.md, unsure).

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    limits = op.create_table('case_limits',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('per_program', sa.Integer(), nullable=False),
    sa.CheckConstraint('per_program >= 0', name=op.f('ck_case_limits_not_negative')),
    sa.PrimaryKeyConstraint('kind', name=op.f('pk_case_limits'))
    )
    op.bulk_insert(limits, [{"kind": "centre_change", "per_program": 1}])


def downgrade() -> None:
    op.drop_table('case_limits')
