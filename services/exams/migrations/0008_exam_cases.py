"""Paid requests examinations work on (re-checking, a change of examination centre), the
hardships that allow a change of centre (DOMAIN.md, unsure: transfer, marriage, change of
residence), and a result's revision by re-checking.

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

GROUNDS = [("transfer", "Transfer of service (own or spouse's)"), ("marriage", "Marriage"),
           ("change_of_residence", "Change of residence")]


def upgrade() -> None:
    grounds = op.create_table('centre_change_grounds',
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_centre_change_grounds'))
    )
    op.create_table('exam_cases',
    sa.Column('request_number', sa.String(length=20), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('roll_number', sa.String(length=8), nullable=True),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.String(length=120), server_default='', nullable=False),
    sa.Column('note', sa.String(length=300), server_default='', nullable=False),
    sa.Column('course_code', sa.String(length=12), server_default='', nullable=False),
    sa.Column('centre_code', sa.String(length=12), server_default='', nullable=False),
    sa.Column('ground', sa.String(length=30), server_default='', nullable=False),
    sa.Column('program_code', sa.String(length=20), server_default='', nullable=False),
    sa.CheckConstraint("kind IN ('rechecking', 'centre_change')", name=op.f('ck_exam_cases_known_kind')),
    sa.CheckConstraint("status IN ('open', 'revised', 'unchanged', 'approved', 'rejected')", name=op.f('ck_exam_cases_known_status')),
    sa.PrimaryKeyConstraint('request_number', name=op.f('pk_exam_cases'))
    )
    with op.batch_alter_table('exam_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exam_cases_registration_number'), ['registration_number'], unique=False)

    op.add_column('results', sa.Column('revised_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('results', sa.Column('revision_note', sa.String(length=200), server_default='', nullable=False))
    op.bulk_insert(grounds, [dict(code=code, title=title) for code, title in GROUNDS])



def downgrade() -> None:
    with op.batch_alter_table('results', schema=None) as batch_op:
        batch_op.drop_column('revision_note')
        batch_op.drop_column('revised_at')

    with op.batch_alter_table('exam_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exam_cases_registration_number'))

    op.drop_table('exam_cases')
    op.drop_table('centre_change_grounds')
