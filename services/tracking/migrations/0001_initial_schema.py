"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 06:45:16.509769
"""
from alembic import op
import sqlalchemy as sa

from campus.alembic import platform_v1


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tracking_id', sa.String(length=12), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('section', sa.String(length=20), nullable=False),
    sa.Column('stage', sa.String(length=12), nullable=False),
    sa.Column('urgent', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('request_number', sa.String(length=30), nullable=False),
    sa.Column('filed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('courier_tracking_number', sa.String(length=40), nullable=True),
    sa.CheckConstraint("kind IN ('degree', 'transcript', 'certificate')", name=op.f('ck_applications_known_kind')),
    sa.CheckConstraint("section IN ('online', 'in_process', 'incomplete_returned')", name=op.f('ck_applications_known_section')),
    sa.CheckConstraint("stage IN ('received', 'verification', 'printing', 'signing', 'dispatched', 'delivered')", name=op.f('ck_applications_known_stage')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications')),
    sa.UniqueConstraint('request_number', name=op.f('uq_applications_request_number')),
    sa.UniqueConstraint('tracking_id', name=op.f('uq_applications_tracking_id'))
    )
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applications_registration_number'), ['registration_number'], unique=False)

    op.create_table('parcels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('registry_number', sa.String(length=12), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('semester', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('dispatched_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.String(length=300), server_default='', nullable=False),
    sa.CheckConstraint("status IN ('prepared', 'dispatched', 'delivered', 'returned')", name=op.f('ck_parcels_known_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parcels')),
    sa.UniqueConstraint('registry_number', 'semester', name=op.f('uq_parcels_registry_number_semester'))
    )
    with op.batch_alter_table('parcels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_parcels_registration_number'), ['registration_number'], unique=False)

    op.create_table('objections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('raised_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolve_by', sa.Date(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_objections_application_id_applications')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_objections'))
    )
    with op.batch_alter_table('objections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_objections_application_id'), ['application_id'], unique=False)

    op.create_table('stage_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('section', sa.String(length=20), nullable=False),
    sa.Column('stage', sa.String(length=12), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.String(length=300), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_stage_history_application_id_applications')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage_history'))
    )
    with op.batch_alter_table('stage_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stage_history_application_id'), ['application_id'], unique=False)

    platform_v1.create_tables()


def downgrade() -> None:
    platform_v1.drop_tables()
    with op.batch_alter_table('stage_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stage_history_application_id'))

    op.drop_table('stage_history')
    with op.batch_alter_table('objections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_objections_application_id'))

    op.drop_table('objections')
    with op.batch_alter_table('parcels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parcels_registration_number'))

    op.drop_table('parcels')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applications_registration_number'))

    op.drop_table('applications')
