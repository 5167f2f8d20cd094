"""Books mailing (issue 12): each parcel's history of statuses, when it last changed and how
often it was sent (a returned parcel goes again once her address is confirmed or
corrected); the admission challans books are looked up by.

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
    with op.batch_alter_table("parcels", schema=None) as batch_op:
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("times_sent", sa.Integer(), server_default="0", nullable=False))
    op.execute("UPDATE parcels SET times_sent = 1 WHERE status <> 'prepared'")
    op.create_index("ix_parcels_semester_status", "parcels", ["semester", "status"])
    op.create_table(
        "parcel_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parcel_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.String(length=300), server_default="", nullable=False),
        sa.Column("changed_by", sa.String(length=200), server_default="", nullable=False),
        sa.ForeignKeyConstraint(["parcel_id"], ["parcels.id"], name=op.f("fk_parcel_history_parcel_id_parcels")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parcel_history")),
    )
    op.create_index("ix_parcel_history_parcel_id", "parcel_history", ["parcel_id"])
    op.create_table(
        "admission_challans",
        sa.Column("consumer_number", sa.String(length=18), nullable=False),
        sa.Column("registration_number", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("consumer_number", name=op.f("pk_admission_challans")),
    )
    op.create_index("ix_admission_challans_registration_number", "admission_challans", ["registration_number"])


def downgrade() -> None:
    op.drop_index("ix_admission_challans_registration_number", table_name="admission_challans")
    op.drop_table("admission_challans")
    op.drop_index("ix_parcel_history_parcel_id", table_name="parcel_history")
    op.drop_table("parcel_history")
    op.drop_index("ix_parcels_semester_status", table_name="parcels")
    with op.batch_alter_table("parcels", schema=None) as batch_op:
        batch_op.drop_column("times_sent")
        batch_op.drop_column("updated_at")
