"""ended sessions

The feed of ended sessions (logout, password change, lock, a reused refresh token) that
every process polls, so that their access tokens are refused everywhere within a second.
Sessions that ended before this upgrade are not listed: their tokens were refused by the
gateway's checks as before, and expire within the access tokens' life.

Revision ID: 0006
Revises: 0002
Create Date: 2026-12-03 09:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ended_sessions',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_ended_sessions'))
    )
    op.create_index(op.f('ix_ended_sessions_ended_at'), 'ended_sessions', ['ended_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_ended_sessions_ended_at'), table_name='ended_sessions')
    op.drop_table('ended_sessions')
