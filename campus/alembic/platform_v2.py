"""The platform's own tables, version 2: the audit chain (campus.audit) and the log of
staff reads of student records (campus.access_log).

Every service's migration after its platform_v1 one calls this module. Frozen like
platform_v1: a later change to these tables is a platform_v3 module.
"""
import sqlalchemy as sa
from alembic import op

#: The hash the first record of a chain links to.
GENESIS = "0" * 64


def create_tables() -> None:
    op.create_table('audit_chain',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('entity_id', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('request_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_chain')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_chain_hash'))
    )
    with op.batch_alter_table('audit_chain', schema=None) as batch_op:
        batch_op.create_index('ix_audit_chain_entity', ['entity', 'entity_id'], unique=False)
    head = op.create_table('audit_chain_head',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_chain_head'))
    )
    op.bulk_insert(head, [{'id': 1, 'seq': 0, 'hash': GENESIS}])
    op.create_table('record_access',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('student', sa.String(length=40), nullable=False),
    sa.Column('staff', sa.String(length=120), nullable=False),
    sa.Column('department', sa.String(length=40), nullable=False),
    sa.Column('via', sa.String(length=40), nullable=False),
    sa.Column('method', sa.String(length=200), nullable=False),
    sa.Column('request_id', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record_access'))
    )
    with op.batch_alter_table('record_access', schema=None) as batch_op:
        batch_op.create_index('ix_record_access_student', ['student', 'at'], unique=False)


def drop_tables() -> None:
    with op.batch_alter_table('record_access', schema=None) as batch_op:
        batch_op.drop_index('ix_record_access_student')
    op.drop_table('record_access')
    op.drop_table('audit_chain_head')
    with op.batch_alter_table('audit_chain', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_chain_entity')
    op.drop_table('audit_chain')
