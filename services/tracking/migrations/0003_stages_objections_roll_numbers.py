"""The stages of an application as the university moves it (issue 12): an objection is a
stage of its own, `signing` is folded into `ready` (printed, signed, waiting for the
courier), and sections follow the stage. Objections keep the documents they ask for and
the student's answer; her answering documents get a table; exams' roll numbers are kept
for the public look-up; the courier, who moved each stage, and a rejection are recorded.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NEW_STAGES = ("stage IN ('received', 'verification', 'objection', 'printing', 'ready', 'dispatched', "
              "'delivered')")
NEW_SECTIONS = "section IN ('in_process', 'incomplete_returned', 'dispatched', 'delivered')"
OLD_STAGES = "stage IN ('received', 'verification', 'printing', 'signing', 'dispatched', 'delivered')"
OLD_SECTIONS = "section IN ('online', 'in_process', 'incomplete_returned')"
COLUMNS = ("id, tracking_id, registration_number, kind, section, stage, urgent, request_number, filed_at, "
           "updated_at, courier_tracking_number")
FORWARD = [
    "UPDATE applications SET stage = 'ready' WHERE stage = 'signing'",
    "UPDATE applications SET section = 'in_process' WHERE section = 'online'",
    "UPDATE applications SET stage = 'objection' WHERE section = 'incomplete_returned'",
    "UPDATE applications SET section = stage WHERE stage IN ('dispatched', 'delivered')",
]
BACKWARD = [
    "UPDATE applications SET stage = 'signing' WHERE stage = 'ready'",
    "UPDATE applications SET stage = 'verification' WHERE stage = 'objection'",
    "UPDATE applications SET section = 'in_process' WHERE section IN ('dispatched', 'delivered')",
]


def _rebuild_applications(stages: str, sections: str, fixes: list[str], new_columns: bool) -> None:
    """SQLite cannot change a table's constraints in place: build `applications` again
    (rows aside and fixed there, drop, create, rows back, so its deferred foreign keys
    settle; see enrollment's 0003)."""
    op.execute("PRAGMA defer_foreign_keys = ON")
    op.execute(f"CREATE TABLE _applications_0003 AS SELECT {COLUMNS} FROM applications")
    for statement in fixes:
        op.execute(statement.replace("UPDATE applications", "UPDATE _applications_0003"))
    op.drop_index("ix_applications_registration_number", table_name="applications")
    op.drop_table("applications")
    extra = [sa.Column("courier", sa.String(length=60), nullable=True),
             sa.Column("rejected_at", sa.DateTime(timezone=True), nullable=True)] if new_columns else []
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tracking_id", sa.String(length=12), nullable=False),
        sa.Column("registration_number", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("section", sa.String(length=20), nullable=False),
        sa.Column("stage", sa.String(length=12), nullable=False),
        sa.Column("urgent", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("request_number", sa.String(length=30), nullable=False),
        sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("courier_tracking_number", sa.String(length=40), nullable=True),
        *extra,
        sa.CheckConstraint("kind IN ('degree', 'transcript', 'certificate')", name=op.f("ck_applications_known_kind")),
        sa.CheckConstraint(sections, name=op.f("ck_applications_known_section")),
        sa.CheckConstraint(stages, name=op.f("ck_applications_known_stage")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
        sa.UniqueConstraint("request_number", name=op.f("uq_applications_request_number")),
        sa.UniqueConstraint("tracking_id", name=op.f("uq_applications_tracking_id")),
    )
    op.create_index("ix_applications_registration_number", "applications", ["registration_number"])
    op.execute(f"INSERT INTO applications ({COLUMNS}) SELECT {COLUMNS} FROM _applications_0003")
    op.drop_table("_applications_0003")


def _constraints(stages: str, sections: str, fixes: list[str]) -> None:
    op.drop_constraint(op.f("ck_applications_known_stage"), "applications", type_="check")
    op.drop_constraint(op.f("ck_applications_known_section"), "applications", type_="check")
    for statement in fixes:
        op.execute(statement)
    op.create_check_constraint(op.f("ck_applications_known_stage"), "applications", sa.text(stages))
    op.create_check_constraint(op.f("ck_applications_known_section"), "applications", sa.text(sections))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_applications(NEW_STAGES, NEW_SECTIONS, FORWARD, new_columns=True)
    else:
        _constraints(NEW_STAGES, NEW_SECTIONS, FORWARD)
        op.add_column("applications", sa.Column("courier", sa.String(length=60), nullable=True))
        op.add_column("applications", sa.Column("rejected_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_applications_queue", "applications", ["stage", "urgent", "filed_at"])
    with op.batch_alter_table("objections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("documents", sa.Text(), server_default="[]", nullable=False))
        batch_op.add_column(sa.Column("raised_by", sa.String(length=120), server_default="", nullable=False))
        batch_op.add_column(sa.Column("response", sa.Text(), server_default="", nullable=False))
    with op.batch_alter_table("stage_history", schema=None) as batch_op:
        batch_op.add_column(sa.Column("changed_by", sa.String(length=200), server_default="", nullable=False))
    op.create_table(
        "objection_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("objection_id", sa.Integer(), nullable=False),
        sa.Column("stored_name", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=160), nullable=False),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["objection_id"], ["objections.id"],
                                name=op.f("fk_objection_documents_objection_id_objections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objection_documents")),
        sa.UniqueConstraint("objection_id", "sha256", name=op.f("uq_objection_documents_objection_id_sha256")),
    )
    op.create_index("ix_objection_documents_objection_id", "objection_documents", ["objection_id"])
    op.create_table(
        "roll_numbers",
        sa.Column("roll_number", sa.String(length=12), nullable=False),
        sa.Column("registration_number", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("roll_number", name=op.f("pk_roll_numbers")),
    )
    op.create_index("ix_roll_numbers_registration_number", "roll_numbers", ["registration_number"])


def downgrade() -> None:
    op.drop_index("ix_roll_numbers_registration_number", table_name="roll_numbers")
    op.drop_table("roll_numbers")
    op.drop_index("ix_objection_documents_objection_id", table_name="objection_documents")
    op.drop_table("objection_documents")
    with op.batch_alter_table("stage_history", schema=None) as batch_op:
        batch_op.drop_column("changed_by")
    with op.batch_alter_table("objections", schema=None) as batch_op:
        batch_op.drop_column("response")
        batch_op.drop_column("raised_by")
        batch_op.drop_column("documents")
    op.drop_index("ix_applications_queue", table_name="applications")
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_applications(OLD_STAGES, OLD_SECTIONS, BACKWARD, new_columns=False)
    else:
        op.drop_column("applications", "rejected_at")
        op.drop_column("applications", "courier")
        _constraints(OLD_STAGES, OLD_SECTIONS, BACKWARD)
