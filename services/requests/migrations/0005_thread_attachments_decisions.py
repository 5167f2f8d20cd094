"""The thread, attachments, decisions and service levels.

Messages between the student and her department (and staff's internal notes), the
documents attached to a request, who moved each status, the officer a request is
assigned to, when it reached its department's queue, and each subtype's service level
and the service that decides it when not this one.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: Days from reaching the department to a decision (the urgent degree: about two weeks).
SERVICE_DAYS = {
    "need_based_financial_aid": 45, "merit_scholarship": 45, "special_persons_scholarship": 45,
    "refund_program_not_offered": 30, "refund_program_switch": 30, "refund_excess_payment": 30,
    "degree_fee_ordinary": 60, "degree_fee_urgent": 14, "degree_fee_duplicate": 60, "degree_fee_triplicate": 60,
    "document_correction_fee": 30, "document_verification_fee": 15, "course_change_fee": 15,
    "exam_centre_change": 10, "answer_script_rechecking": 30,
    "name_correction": 15, "father_name_correction": 15, "cnic_correction": 15, "date_of_birth_correction": 15,
    "address_change": 7, "mobile_number_change": 7, "email_change": 7,
    "general_query": 7, "login_problem": 3, "result_not_shown": 7, "roll_number_slip_problem": 3,
    "books_not_received": 10, "tutor_not_allocated": 10,
}
#: Requests another service decides, by its own event (finance_case_decided, exam_case_decided).
DECIDED_BY = {
    "need_based_financial_aid": "finance", "merit_scholarship": "finance", "special_persons_scholarship": "finance",
    "refund_program_not_offered": "finance", "refund_program_switch": "finance", "refund_excess_payment": "finance",
    "exam_centre_change": "exams", "answer_script_rechecking": "exams",
}


def upgrade() -> None:
    with op.batch_alter_table("subtypes") as batch_op:
        batch_op.add_column(sa.Column("service_days", sa.Integer(), server_default="30", nullable=False))
        batch_op.add_column(sa.Column("decided_by", sa.String(length=20), server_default="", nullable=False))
    subtypes = sa.table("subtypes", sa.column("code"), sa.column("service_days"), sa.column("decided_by"))
    for code, days in SERVICE_DAYS.items():
        op.execute(subtypes.update().where(subtypes.c.code == code).values(
            service_days=days, decided_by=DECIDED_BY.get(code, "")))
    with op.batch_alter_table("service_requests") as batch_op:
        batch_op.add_column(sa.Column("queued_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("assigned_to", sa.String(length=60), nullable=True))
        batch_op.create_index("ix_service_requests_department_status", ["department", "status", "queued_at"])
    # Requests already with their department: the clock starts at their last change (the
    # nearest date kept; an earlier start would call them overdue on no evidence).
    op.execute("UPDATE service_requests SET queued_at = updated_at "
               "WHERE status IN ('submitted', 'in_process', 'resolved', 'rejected')")
    with op.batch_alter_table("status_history") as batch_op:
        batch_op.add_column(sa.Column("actor", sa.String(length=120), server_default="", nullable=False))
    op.create_table(
        "messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("author_kind", sa.String(length=10), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("internal", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("idempotency_key", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(["request_id"], ["service_requests.id"],
                                name=op.f("fk_messages_request_id_service_requests")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
        sa.UniqueConstraint("request_id", "idempotency_key", name=op.f("uq_messages_request_id_idempotency_key")),
    )
    op.create_index(op.f("ix_messages_request_id"), "messages", ["request_id"], unique=False)
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("stored_name", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=130), nullable=False),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("author_kind", sa.String(length=10), nullable=False),
        sa.Column("uploaded_by", sa.String(length=120), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["service_requests.id"],
                                name=op.f("fk_attachments_request_id_service_requests")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("stored_name", name=op.f("uq_attachments_stored_name")),
        sa.UniqueConstraint("request_id", "sha256", name=op.f("uq_attachments_request_id_sha256")),
    )
    op.create_index(op.f("ix_attachments_request_id"), "attachments", ["request_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_attachments_request_id"), table_name="attachments")
    op.drop_table("attachments")
    op.drop_index(op.f("ix_messages_request_id"), table_name="messages")
    op.drop_table("messages")
    with op.batch_alter_table("status_history") as batch_op:
        batch_op.drop_column("actor")
    with op.batch_alter_table("service_requests") as batch_op:
        batch_op.drop_index("ix_service_requests_department_status")
        batch_op.drop_column("assigned_to")
        batch_op.drop_column("queued_at")
    with op.batch_alter_table("subtypes") as batch_op:
        batch_op.drop_column("decided_by")
        batch_op.drop_column("service_days")
