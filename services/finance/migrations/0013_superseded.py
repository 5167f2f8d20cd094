"""A challan treasury superseded names the one that replaced it.

Revision ID: 0013
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('challans', sa.Column('superseded_by', sa.String(length=18), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('challans', schema=None) as batch_op:
        batch_op.drop_column('superseded_by')
