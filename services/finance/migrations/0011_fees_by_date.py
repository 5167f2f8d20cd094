"""The fee schedule by date, maintained by treasury: each row applies from a day (a change is
a new row from its date; the rows before stay, so a challan's fee can always be explained),
says who set it, and may double the fee some days after the due date (the late fee first,
then the double fee). Challans issued under such a rule keep the day the double fee starts
and its amount. The rows so far apply from 2020-01-01, set by the migrations.

Revision ID: 0011
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('challans', sa.Column('double_fee_from', sa.Date(), nullable=True))
    op.add_column('challans', sa.Column('amount_double_paisa', sa.BigInteger(), nullable=True))
    with op.batch_alter_table('fee_schedule', schema=None) as batch_op:
        batch_op.add_column(sa.Column('double_after_days', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('applies_from', sa.Date(), server_default='2020-01-01', nullable=False))
        batch_op.add_column(sa.Column('set_by', sa.String(length=200), server_default='migration', nullable=False))
        batch_op.drop_constraint(batch_op.f('uq_fee_schedule_fee_code_level'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_fee_schedule_fee_code_level_applies_from'),
                                          ['fee_code', 'level', 'applies_from'])


def downgrade() -> None:
    op.execute("DELETE FROM fee_schedule WHERE applies_from <> '2020-01-01'")
    with op.batch_alter_table('fee_schedule', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_fee_schedule_fee_code_level_applies_from'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_fee_schedule_fee_code_level'), ['fee_code', 'level'])
        batch_op.drop_column('set_by')
        batch_op.drop_column('applies_from')
        batch_op.drop_column('double_after_days')
    with op.batch_alter_table('challans', schema=None) as batch_op:
        batch_op.drop_column('amount_double_paisa')
        batch_op.drop_column('double_fee_from')
