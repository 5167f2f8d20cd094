"""Semester fees by credit hour, for course registration (enrollment issues a semester's
challan as `credit_hour_fee` x the credit hours registered; Matric by course instead:
`course_fee_6_credit_hours`, `course_fee_3_credit_hours` and one `technology_charge`).

Each rate is a published first-semester fee (../shared/DOMAIN.md, "Fees", Autumn 2023)
divided by that semester's credit hours in the scheme of studies, so that a full first
semester costs what was published:
- B.Ed (1.5 year): 19,575 for 18 credit hours = 1,087.50 a credit hour;
- ADE: 11,205 for 18 credit hours = 622.50 a credit hour.
No other level has a published figure that divides into whole paisa per credit hour
(BA / AD 2,735; M.Ed 13,575 with an unknown load): they have no rate, and finance
refuses their semester challan (FailedPrecondition on level) until treasury sets one.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

RATES = [  # (level, title, paisa a credit hour)
    ("bed", "Semester fee per credit hour, B.Ed (1.5 year)", 108750),
    ("ade", "Semester fee per credit hour, Associate Degree in Education", 62250),
]

fee_schedule = sa.table("fee_schedule", sa.column("fee_code"), sa.column("level"), sa.column("title"),
                        sa.column("amount_paisa"), sa.column("late_fee_paisa"))


def upgrade() -> None:
    op.bulk_insert(fee_schedule, [{"fee_code": "credit_hour_fee", "level": level, "title": title,
                                   "amount_paisa": amount, "late_fee_paisa": 0} for level, title, amount in RATES])


def downgrade() -> None:
    op.execute(fee_schedule.delete().where(fee_schedule.c.fee_code == "credit_hour_fee"))
