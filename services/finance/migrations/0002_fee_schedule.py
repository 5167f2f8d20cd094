"""The fee schedule as first published (PKR amounts in paisa).

Sources disagree on several amounts (degree fees by level, duplicate and triplicate,
centre change); they are data: change them with a new migration, not in code.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FEES = [  # (fee_code, level, title, amount_paisa); level "*" applies to every level
    ('degree_ordinary', 'matric', 'Certificate/Diploma/Degree Fee – Ordinary', 40000),
    ('degree_urgent', 'matric', 'Certificate/Diploma/Degree Fee – Urgent', 80000),
    ('degree_duplicate', 'matric', 'Certificate/Diploma/Degree Fee – Duplicate', 80000),
    ('degree_triplicate', 'matric', 'Triplicate Certificate/Diploma/Degree Fee', 120000),
    ('degree_ordinary', 'intermediate', 'Certificate/Diploma/Degree Fee – Ordinary', 50000),
    ('degree_urgent', 'intermediate', 'Certificate/Diploma/Degree Fee – Urgent', 100000),
    ('degree_duplicate', 'intermediate', 'Certificate/Diploma/Degree Fee – Duplicate', 100000),
    ('degree_triplicate', 'intermediate', 'Triplicate Certificate/Diploma/Degree Fee', 150000),
    ('degree_ordinary', 'ba', 'Certificate/Diploma/Degree Fee – Ordinary', 80000),
    ('degree_urgent', 'ba', 'Certificate/Diploma/Degree Fee – Urgent', 160000),
    ('degree_duplicate', 'ba', 'Certificate/Diploma/Degree Fee – Duplicate', 160000),
    ('degree_triplicate', 'ba', 'Triplicate Certificate/Diploma/Degree Fee', 240000),
    ('degree_ordinary', 'bed', 'Certificate/Diploma/Degree Fee – Ordinary', 100000),
    ('degree_urgent', 'bed', 'Certificate/Diploma/Degree Fee – Urgent', 200000),
    ('degree_duplicate', 'bed', 'Certificate/Diploma/Degree Fee – Duplicate', 200000),
    ('degree_triplicate', 'bed', 'Triplicate Certificate/Diploma/Degree Fee', 300000),
    ('degree_ordinary', 'ma_msc_bs', 'Certificate/Diploma/Degree Fee – Ordinary', 120000),
    ('degree_urgent', 'ma_msc_bs', 'Certificate/Diploma/Degree Fee – Urgent', 240000),
    ('degree_duplicate', 'ma_msc_bs', 'Certificate/Diploma/Degree Fee – Duplicate', 240000),
    ('degree_triplicate', 'ma_msc_bs', 'Triplicate Certificate/Diploma/Degree Fee', 360000),
    ('degree_ordinary', 'mphil', 'Certificate/Diploma/Degree Fee – Ordinary', 200000),
    ('degree_urgent', 'mphil', 'Certificate/Diploma/Degree Fee – Urgent', 400000),
    ('degree_duplicate', 'mphil', 'Certificate/Diploma/Degree Fee – Duplicate', 400000),
    ('degree_triplicate', 'mphil', 'Triplicate Certificate/Diploma/Degree Fee', 600000),
    ('degree_ordinary', 'phd', 'Certificate/Diploma/Degree Fee – Ordinary', 300000),
    ('degree_urgent', 'phd', 'Certificate/Diploma/Degree Fee – Urgent', 600000),
    ('degree_duplicate', 'phd', 'Certificate/Diploma/Degree Fee – Duplicate', 600000),
    ('degree_triplicate', 'phd', 'Triplicate Certificate/Diploma/Degree Fee', 900000),
    ('document_correction', '*', 'Correction in Transcript/Certificate/Degree Fee', 50000),
    ('document_verification', '*', 'Verification of Transcript/Certificate/Diploma/Degree Fee', 100000),
    ('course_change', '*', 'Course Change Fee', 50000),
    ('exam_centre_change', '*', 'Change of Examination Center', 100000),
    ('answer_script_rechecking', '*', 'Re-checking of Answer Scripts', 50000),
    ('semester_fee', 'ba', 'Semester fee, BA / Associate Degree', 273500),
    ('semester_fee', 'bed', 'Semester fee, B.Ed', 1957500),
    ('semester_fee', 'ma_msc_bs', 'Semester fee, M.Ed', 1357500),
]


def upgrade() -> None:
    fee_schedule = sa.table("fee_schedule", sa.column("fee_code"), sa.column("level"), sa.column("title"),
                            sa.column("amount_paisa"), sa.column("late_fee_paisa"))
    op.bulk_insert(fee_schedule, [
        {"fee_code": c, "level": l, "title": t, "amount_paisa": a, "late_fee_paisa": 0} for c, l, t, a in FEES])


def downgrade() -> None:
    op.execute("DELETE FROM fee_schedule")
