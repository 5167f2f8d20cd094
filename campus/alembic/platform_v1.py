"""The platform's own tables, version 1: the outbox and the processed-events inbox.

Every service's first migration creates them by calling this module. It is frozen: a
later change to these tables is a new module (platform_v2) used by new migrations, so
that an old migration always builds exactly what it built the day it was written.
"""
import sqlalchemy as sa
from alembic import op

UNPUBLISHED = sa.text("published_at IS NULL")


def create_tables() -> None:
    op.create_table('outbox',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('event_type', sa.String(length=80), nullable=False),
    sa.Column('envelope', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('event_id', name=op.f('uq_outbox_event_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_unpublished', ['id'], unique=False, postgresql_where=UNPUBLISHED,
                              sqlite_where=UNPUBLISHED)
    op.create_table('processed_events',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('handler', sa.String(length=120), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('event_id', 'handler', name=op.f('pk_processed_events'))
    )


def drop_tables() -> None:
    op.drop_table('processed_events')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_unpublished', postgresql_where=UNPUBLISHED, sqlite_where=UNPUBLISHED)

    op.drop_table('outbox')
