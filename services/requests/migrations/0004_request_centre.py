"""A service request's regional centre: regional staff see only their own centre's requests.

The centre is the student's, asked of enrollment when the request is filed. Requests
filed before this revision cannot be backfilled from here (enrollment's database is not
ours to read): they keep an empty centre, which no regional officer sees; every other
department sees them as before.

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_requests") as batch_op:
        batch_op.add_column(sa.Column("centre", sa.String(length=10), server_default="", nullable=False))
        batch_op.create_index("ix_service_requests_department_centre", ["department", "centre"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("service_requests") as batch_op:
        batch_op.drop_index("ix_service_requests_department_centre")
        batch_op.drop_column("centre")
