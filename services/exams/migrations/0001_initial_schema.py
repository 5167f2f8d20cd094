"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 06:43:53.629234
"""
from alembic import op
import sqlalchemy as sa

from campus.alembic import platform_v1


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('grade_bands',
    sa.Column('grade', sa.String(length=2), nullable=False),
    sa.Column('min_marks', sa.Integer(), nullable=False),
    sa.Column('max_marks', sa.Integer(), nullable=False),
    sa.Column('grade_point_hundredths', sa.Integer(), nullable=False),
    sa.Column('is_pass', sa.Boolean(), nullable=False),
    sa.CheckConstraint('0 <= min_marks AND min_marks <= max_marks AND max_marks <= 100', name=op.f('ck_grade_bands_marks_range')),
    sa.PrimaryKeyConstraint('grade', name=op.f('pk_grade_bands'))
    )
    op.create_table('published_semesters',
    sa.Column('semester', sa.String(length=20), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('semester', name=op.f('pk_published_semesters'))
    )
    op.create_table('results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('semester', sa.String(length=20), nullable=False),
    sa.Column('course_code', sa.String(length=12), nullable=False),
    sa.Column('course_title', sa.String(length=120), nullable=False),
    sa.Column('credit_hours', sa.Integer(), nullable=False),
    sa.Column('assignment_marks', sa.Integer(), nullable=True),
    sa.Column('final_exam_marks', sa.Integer(), nullable=True),
    sa.Column('total_marks', sa.Integer(), nullable=True),
    sa.Column('grade', sa.String(length=2), server_default='', nullable=False),
    sa.Column('remarks', sa.String(length=10), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('assignment_marks BETWEEN 0 AND 100 AND final_exam_marks BETWEEN 0 AND 100 AND total_marks BETWEEN 0 AND 100', name=op.f('ck_results_marks_out_of_100')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_results')),
    sa.UniqueConstraint('registration_number', 'semester', 'course_code', name=op.f('uq_results_registration_number_semester_course_code'))
    )
    platform_v1.create_tables()


def downgrade() -> None:
    platform_v1.drop_tables()
    op.drop_table('results')
    op.drop_table('published_semesters')
    op.drop_table('grade_bands')
