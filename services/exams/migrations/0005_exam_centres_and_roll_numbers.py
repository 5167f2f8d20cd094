"""Exam centres by region, date sheets, candidates with their roll numbers, and the registry
of the documents exams issues (campus.documents).

The centres are reference data (names and capacities unsure: examinations keep them up to
date in their tool); each region has at least two, so a full hall overflows to the next.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

from campus.alembic import documents_v1

EXAM_CENTRES = [  # (code, region, name, address, capacity)
    ("ISB-01", "ISB", "AIOU Main Campus, Examination Hall", "Sector H-8, Islamabad", 1500),
    ("ISB-02", "ISB", "Islamabad Model College for Girls", "F-7/2, Islamabad", 800),
    ("LHR-01", "LHR", "Government Islamia College", "Civil Lines, Lahore", 1200),
    ("LHR-02", "LHR", "AIOU Regional Campus Lahore", "Township, Lahore", 900),
    ("KHI-01", "KHI", "Government National College", "Shaheed-e-Millat Road, Karachi", 1200),
    ("KHI-02", "KHI", "AIOU Regional Campus Karachi", "Gulshan-e-Iqbal, Karachi", 900),
    ("PSH-01", "PSH", "Government College Peshawar", "Grand Trunk Road, Peshawar", 900),
    ("PSH-02", "PSH", "AIOU Regional Campus Peshawar", "Hayatabad, Peshawar", 600),
    ("QTA-01", "QTA", "Government Science College", "Jinnah Road, Quetta", 600),
    ("QTA-02", "QTA", "AIOU Regional Campus Quetta", "Samungli Road, Quetta", 400),
    ("MUL-01", "MUL", "Government Emerson College", "Bosan Road, Multan", 900),
    ("MUL-02", "MUL", "AIOU Regional Campus Multan", "Shah Rukn-e-Alam Colony, Multan", 600),
    ("FSD-01", "FSD", "Government College University, New Block", "Kotwali Road, Faisalabad", 1000),
    ("FSD-02", "FSD", "AIOU Regional Campus Faisalabad", "Peoples Colony No. 1, Faisalabad", 600),
]


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('date_sheet_papers',
    sa.Column('semester', sa.String(length=20), nullable=False),
    sa.Column('program_code', sa.String(length=20), nullable=False),
    sa.Column('course_code', sa.String(length=12), nullable=False),
    sa.Column('course_title', sa.String(length=120), nullable=False),
    sa.Column('paper_date', sa.Date(), nullable=False),
    sa.Column('starts_at', sa.Time(), nullable=False),
    sa.Column('ends_at', sa.Time(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.CheckConstraint('starts_at < ends_at', name=op.f('ck_date_sheet_papers_starts_before_it_ends')),
    sa.PrimaryKeyConstraint('semester', 'program_code', 'course_code', name=op.f('pk_date_sheet_papers'))
    )
    centres = op.create_table('exam_centres',
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('region', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.CheckConstraint('capacity >= 0', name=op.f('ck_exam_centres_capacity_not_negative')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_exam_centres'))
    )
    documents_v1.create_tables()
    op.create_table('roll_number_series',
    sa.Column('prefix', sa.String(length=2), nullable=False),
    sa.Column('semester', sa.String(length=20), nullable=False),
    sa.Column('next_serial', sa.Integer(), nullable=False),
    sa.Column('exhausted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.CheckConstraint('next_serial BETWEEN 0 AND 1000000', name=op.f('ck_roll_number_series_six_digits')),
    sa.PrimaryKeyConstraint('prefix', name=op.f('pk_roll_number_series'))
    )
    with op.batch_alter_table('roll_number_series', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roll_number_series_semester'), ['semester'], unique=False)

    op.create_table('candidates',
    sa.Column('roll_number', sa.String(length=8), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('semester', sa.String(length=20), nullable=False),
    sa.Column('program_code', sa.String(length=20), nullable=False),
    sa.Column('program_title', sa.String(length=120), server_default='', nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('region', sa.String(length=10), nullable=False),
    sa.Column('centre_code', sa.String(length=12), nullable=True),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('father_name', sa.String(length=120), nullable=False),
    sa.Column('allocated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('centre_changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['centre_code'], ['exam_centres.code'], name=op.f('fk_candidates_centre_code_exam_centres')),
    sa.PrimaryKeyConstraint('roll_number', name=op.f('pk_candidates')),
    sa.UniqueConstraint('registration_number', 'semester', name=op.f('uq_candidates_registration_number_semester'))
    )
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.create_index('ix_candidates_centre', ['semester', 'centre_code'], unique=False)

    op.create_table('candidate_papers',
    sa.Column('roll_number', sa.String(length=8), nullable=False),
    sa.Column('course_code', sa.String(length=12), nullable=False),
    sa.Column('course_title', sa.String(length=120), nullable=False),
    sa.Column('credit_hours', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['roll_number'], ['candidates.roll_number'], name=op.f('fk_candidate_papers_roll_number_candidates')),
    sa.PrimaryKeyConstraint('roll_number', 'course_code', name=op.f('pk_candidate_papers'))
    )
    op.bulk_insert(centres, [dict(code=code, region=region, name=name, address=address, capacity=capacity, active=True)
                             for code, region, name, address, capacity in EXAM_CENTRES])


def downgrade() -> None:
    op.drop_table('candidate_papers')
    with op.batch_alter_table('candidates', schema=None) as batch_op:
        batch_op.drop_index('ix_candidates_centre')

    op.drop_table('candidates')
    with op.batch_alter_table('roll_number_series', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roll_number_series_semester'))

    op.drop_table('roll_number_series')
    documents_v1.drop_tables()
    op.drop_table('exam_centres')
    op.drop_table('date_sheet_papers')
