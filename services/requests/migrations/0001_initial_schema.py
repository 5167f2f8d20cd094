"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 06:40:21.310253
"""
from alembic import op
import sqlalchemy as sa

from campus.alembic import platform_v1


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('categories',
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_categories'))
    )
    op.create_table('request_numbers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('idempotency_key', sa.String(length=80), nullable=True),
    sa.Column('reserved_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request_numbers')),
    sa.UniqueConstraint('registration_number', 'idempotency_key', name=op.f('uq_request_numbers_registration_number_idempotency_key'))
    )
    op.create_table('subtypes',
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('category_code', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('fee_code', sa.String(length=40), nullable=True),
    sa.Column('department', sa.String(length=30), nullable=False),
    sa.Column('opens_degree_application', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('urgent', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_code'], ['categories.code'], name=op.f('fk_subtypes_category_code_categories')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_subtypes'))
    )
    op.create_table('service_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_number', sa.String(length=20), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('category', sa.String(length=60), nullable=False),
    sa.Column('subtype', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('department', sa.String(length=30), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('consumer_number', sa.String(length=18), nullable=True),
    sa.Column('amount_paisa', sa.BigInteger(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('idempotency_key', sa.String(length=80), nullable=True),
    sa.Column('filed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['subtype'], ['subtypes.code'], name=op.f('fk_service_requests_subtype_subtypes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_requests')),
    sa.UniqueConstraint('registration_number', 'idempotency_key', name=op.f('uq_service_requests_registration_number_idempotency_key')),
    sa.UniqueConstraint('request_number', name=op.f('uq_service_requests_request_number'))
    )
    with op.batch_alter_table('service_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_requests_department'), ['department'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_requests_registration_number'), ['registration_number'], unique=False)

    op.create_table('status_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.String(length=300), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['service_requests.id'], name=op.f('fk_status_history_request_id_service_requests')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_history'))
    )
    with op.batch_alter_table('status_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_history_request_id'), ['request_id'], unique=False)

    platform_v1.create_tables()


def downgrade() -> None:
    platform_v1.drop_tables()
    with op.batch_alter_table('status_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_history_request_id'))

    op.drop_table('status_history')
    with op.batch_alter_table('service_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_requests_registration_number'))
        batch_op.drop_index(batch_op.f('ix_service_requests_department'))

    op.drop_table('service_requests')
    op.drop_table('subtypes')
    op.drop_table('request_numbers')
    op.drop_table('categories')
