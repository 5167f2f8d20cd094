"""Each challan keeps the programme and level it was issued at (treasury's outstanding dues
by programme). Challans issued before say nothing ("").

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('challans', sa.Column('program_code', sa.String(length=20), server_default='', nullable=False))
    op.add_column('challans', sa.Column('level', sa.String(length=20), server_default='', nullable=False))
    op.create_index('ix_challans_status_program', 'challans', ['status', 'program_code'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_challans_status_program', table_name='challans')
    with op.batch_alter_table('challans', schema=None) as batch_op:
        batch_op.drop_column('level')
        batch_op.drop_column('program_code')
