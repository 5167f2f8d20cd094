"""Assessment in data: each level's weights, pass minimums and workshop attendance; workshop
attendance on each result; and files of marks, applied whole.

DOMAIN.md ("Assessment"), all unsure: since Autumn 2021 a pass needs at least 50% in the
final exam and 50% in assignments, Matric 40%; assignments weigh 30% and the final 70% (the
sources disagree); workshops, with 80% attendance required, for some programs and never for
Matric, FA or BA / AD: here the teacher-education levels (ADE, B.Ed, M.Ed) and the
postgraduate ones.

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

SCHEMES = [  # (level, assignment weight, final weight, assignment minimum, final minimum, workshop attendance)
    ("matric", 30, 70, 40, 40, None),
    ("intermediate", 30, 70, 50, 50, None),
    ("ba", 30, 70, 50, 50, None),
    ("ade", 30, 70, 50, 50, 80),
    ("bed", 30, 70, 50, 50, 80),
    ("bed4", 30, 70, 50, 50, 80),
    ("bs", 30, 70, 50, 50, None),
    ("ma_msc", 30, 70, 50, 50, None),
    ("med", 30, 70, 50, 50, 80),
    ("mphil", 30, 70, 50, 50, 80),
    ("phd", 30, 70, 50, 50, 80),
]


def upgrade() -> None:
    schemes = op.create_table('assessment_schemes',
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('assignment_weight', sa.Integer(), nullable=False),
    sa.Column('final_weight', sa.Integer(), nullable=False),
    sa.Column('assignment_min', sa.Integer(), nullable=False),
    sa.Column('final_min', sa.Integer(), nullable=False),
    sa.Column('workshop_attendance_min', sa.Integer(), nullable=True),
    sa.CheckConstraint('assignment_weight + final_weight = 100', name=op.f('ck_assessment_schemes_weights_make_a_whole')),
    sa.PrimaryKeyConstraint('level', name=op.f('pk_assessment_schemes'))
    )
    op.create_table('marks_files',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('file_name', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('rows', sa.Text(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('report', sa.Text(), server_default='', nullable=False),
    sa.Column('refused', sa.Integer(), server_default='0', nullable=False),
    sa.Column('error', sa.String(length=300), server_default='', nullable=False),
    sa.Column('created_by', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('refused', 'queued', 'applied', 'failed')", name=op.f('ck_marks_files_known_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_marks_files'))
    )
    op.create_table('marks_file_progress',
    sa.Column('file_id', sa.String(length=36), nullable=False),
    sa.Column('processed', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['file_id'], ['marks_files.id'], name=op.f('fk_marks_file_progress_file_id_marks_files')),
    sa.PrimaryKeyConstraint('file_id', name=op.f('pk_marks_file_progress'))
    )
    op.add_column('results', sa.Column('workshop_attendance', sa.Integer(), nullable=True))
    op.bulk_insert(schemes, [dict(level=level, assignment_weight=aw, final_weight=fw, assignment_min=am, final_min=fm,
                                  workshop_attendance_min=ws) for level, aw, fw, am, fm, ws in SCHEMES])



def downgrade() -> None:
    with op.batch_alter_table('results', schema=None) as batch_op:
        batch_op.drop_column('workshop_attendance')

    op.drop_table('marks_file_progress')
    op.drop_table('marks_files')
    op.drop_table('assessment_schemes')
