"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 06:42:11.002504
"""
from alembic import op
import sqlalchemy as sa

from campus.alembic import platform_v1


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('courses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('credit_hours', sa.Integer(), nullable=False),
    sa.CheckConstraint('credit_hours > 0', name=op.f('ck_courses_credit_hours_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses')),
    sa.UniqueConstraint('code', name=op.f('uq_courses_code'))
    )
    op.create_table('programs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('duration_semesters', sa.Integer(), nullable=False),
    sa.Column('max_duration_years', sa.Integer(), nullable=False),
    sa.CheckConstraint("level IN ('matric', 'intermediate', 'ba', 'bed', 'ma_msc_bs', 'mphil', 'phd')", name=op.f('ck_programs_known_level')),
    sa.CheckConstraint('duration_semesters > 0 AND max_duration_years > 0', name=op.f('ck_programs_durations_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programs')),
    sa.UniqueConstraint('code', name=op.f('uq_programs_code'))
    )
    op.create_table('regional_centres',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_regional_centres')),
    sa.UniqueConstraint('code', name=op.f('uq_regional_centres_code'))
    )
    op.create_table('tutors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('postal_address', sa.String(length=300), nullable=False),
    sa.Column('phone', sa.String(length=15), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tutors'))
    )
    op.create_table('program_courses',
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('semester_number', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['courses.id'], name=op.f('fk_program_courses_course_id_courses')),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], name=op.f('fk_program_courses_program_id_programs')),
    sa.PrimaryKeyConstraint('program_id', 'course_id', name=op.f('pk_program_courses'))
    )
    op.create_table('students',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('father_name', sa.String(length=120), nullable=False),
    sa.Column('gender', sa.String(length=10), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('cnic', sa.String(length=15), nullable=False),
    sa.Column('email', sa.String(length=120), server_default='', nullable=False),
    sa.Column('mobile', sa.String(length=15), server_default='', nullable=False),
    sa.Column('postal_address', sa.String(length=300), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('regional_centre_id', sa.Integer(), nullable=False),
    sa.Column('admission_semester', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=12), server_default='active', nullable=False),
    sa.CheckConstraint("gender IN ('female', 'male', 'other')", name=op.f('ck_students_known_gender')),
    sa.CheckConstraint("status IN ('active', 'graduated', 'withdrawn')", name=op.f('ck_students_known_status')),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], name=op.f('fk_students_program_id_programs')),
    sa.ForeignKeyConstraint(['regional_centre_id'], ['regional_centres.id'], name=op.f('fk_students_regional_centre_id_regional_centres')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_students')),
    sa.UniqueConstraint('registration_number', name=op.f('uq_students_registration_number'))
    )
    op.create_table('registrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('semester', sa.String(length=20), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['courses.id'], name=op.f('fk_registrations_course_id_courses')),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_registrations_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registrations')),
    sa.UniqueConstraint('student_id', 'semester', 'course_id', name=op.f('uq_registrations_student_id_semester_course_id'))
    )
    op.create_table('tutor_allocations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=False),
    sa.Column('allocated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_tutor_allocations_registration_id_registrations')),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutors.id'], name=op.f('fk_tutor_allocations_tutor_id_tutors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tutor_allocations')),
    sa.UniqueConstraint('registration_id', name=op.f('uq_tutor_allocations_registration_id'))
    )
    platform_v1.create_tables()


def downgrade() -> None:
    platform_v1.drop_tables()
    op.drop_table('tutor_allocations')
    op.drop_table('registrations')
    op.drop_table('students')
    op.drop_table('program_courses')
    op.drop_table('tutors')
    op.drop_table('regional_centres')
    op.drop_table('programs')
    op.drop_table('courses')
