"""known clients and legacy password expiry

The client groups (an IPv4 address or an IPv6 /64) each account signed in from lately,
which the account-wide throttle lets through; and a deadline for the legacy initial
password of students who have not signed in yet: 30 days (the default of
IDENTITY_LEGACY_PASSWORD_DAYS) from this upgrade, not from their creation, so that no
one is locked out on the day it is deployed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 09:00:00.000000
"""
import datetime as dt

from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LEGACY_PASSWORD_DAYS = 30


def upgrade() -> None:
    op.create_table('known_clients',
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('client_group', sa.String(length=45), nullable=False),
    sa.Column('last_success_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('username', 'client_group', name=op.f('pk_known_clients'))
    )

    accounts = sa.table('accounts',
                        sa.column('kind', sa.String), sa.column('status', sa.String),
                        sa.column('status_before_lock', sa.String), sa.column('password_hash', sa.String),
                        sa.column('activation_expires_at', sa.DateTime(timezone=True)))
    deadline = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=LEGACY_PASSWORD_DAYS)
    # A student whose password is still the legacy one: waiting to change it, or locked meanwhile.
    op.execute(accounts.update().where(
        accounts.c.kind == 'student', accounts.c.password_hash.is_not(None),
        accounts.c.activation_expires_at.is_(None),
        sa.or_(accounts.c.status == 'password_change_required',
               sa.and_(accounts.c.status == 'locked',
                       accounts.c.status_before_lock == 'password_change_required')),
    ).values(activation_expires_at=deadline))


def downgrade() -> None:
    # The legacy deadlines stay: 0001 has the column, and an earlier deadline is no harm.
    op.drop_table('known_clients')
