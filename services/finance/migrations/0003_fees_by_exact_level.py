"""Every program level priced on its own (PKR amounts in paisa).

0002 priced three levels that are not one: 'ma_msc_bs' carried the M.Ed semester fee for
BS and MA/MSc students too, and ADE (then at level 'ba' in enrollment) paid the BA / AD
semester fee. Enrollment's levels are now exact (its revision 0003); this revision gives
each its own rows and drops 'ma_msc_bs'. A level with no row for a fee has no such fee:
finance refuses to issue it rather than charge another level's amount.

Where each figure comes from (../shared/DOMAIN.md, "Fees"):
- semester fees, first semester Autumn 2023: BA/AD 2,735; ADE 11,205; B.Ed 19,575
  (the source says "B.Ed"; it is taken as the 1.5-year B.Ed, the program the seeds show);
  M.Ed 13,575. No figure is published for Matric (priced per course, below),
  Intermediate, B.Ed 4 year, BS, MA/MSc, MPhil or PhD: they get no semester fee row.
- Matric: 780 per 6-credit-hour course, 390 per 3-credit-hour course, technology charge 250.
- degree fees, ordinary / urgent (unsure): B.Ed 1,000/2,000 (both B.Ed programs),
  MA/MSc/BS 1,200/2,400. ADE and M.Ed are not in the source's list: ADE takes the BA /
  Associate Degree figures (it is an associate degree) and M.Ed the MA/MSc ones (it is a
  master's degree); both inferred, (unsure). Duplicate and triplicate follow 0002's rule
  (duplicate = urgent, triplicate = three times ordinary).

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ORDINARY = "Certificate/Diploma/Degree Fee – Ordinary"
URGENT = "Certificate/Diploma/Degree Fee – Urgent"
DUPLICATE = "Certificate/Diploma/Degree Fee – Duplicate"
TRIPLICATE = "Triplicate Certificate/Diploma/Degree Fee"


def _degree_fees(level: str, ordinary: int) -> list[tuple[str, str, str, int]]:
    return [("degree_ordinary", level, ORDINARY, ordinary), ("degree_urgent", level, URGENT, 2 * ordinary),
            ("degree_duplicate", level, DUPLICATE, 2 * ordinary), ("degree_triplicate", level, TRIPLICATE, 3 * ordinary)]


ADDED = [  # (fee_code, level, title, amount_paisa)
    *_degree_fees("ade", 80000),       # inferred: BA / Associate Degree (unsure)
    *_degree_fees("bed4", 100000),     # B.Ed
    *_degree_fees("bs", 120000),       # MA/MSc/BS
    *_degree_fees("ma_msc", 120000),   # MA/MSc/BS
    *_degree_fees("med", 120000),      # inferred: MA/MSc (unsure)
    ("semester_fee", "ade", "Semester fee, Associate Degree in Education", 1120500),
    ("semester_fee", "med", "Semester fee, M.Ed", 1357500),
    ("course_fee_6_credit_hours", "matric", "Course fee, 6 credit hours", 78000),
    ("course_fee_3_credit_hours", "matric", "Course fee, 3 credit hours", 39000),
    ("technology_charge", "matric", "Technology charge", 25000),
]

REMOVED = [  # 0002's rows at the level that is gone, restored by the downgrade
    *_degree_fees("ma_msc_bs", 120000),
    ("semester_fee", "ma_msc_bs", "Semester fee, M.Ed", 1357500),
]

RETITLED = [  # (fee_code, level, title before, title now)
    ("semester_fee", "bed", "Semester fee, B.Ed", "Semester fee, B.Ed (1.5 year)"),
]

fee_schedule = sa.table("fee_schedule", sa.column("fee_code"), sa.column("level"), sa.column("title"),
                        sa.column("amount_paisa"), sa.column("late_fee_paisa"))


def _insert(rows) -> None:
    op.bulk_insert(fee_schedule, [
        {"fee_code": c, "level": lv, "title": t, "amount_paisa": a, "late_fee_paisa": 0} for c, lv, t, a in rows])


def _delete(rows) -> None:
    for code, level, _title, _amount in rows:
        op.execute(fee_schedule.delete().where(fee_schedule.c.fee_code == code, fee_schedule.c.level == level))


def _retitle(before: int, after: int) -> None:
    for code, level, *titles in RETITLED:
        op.execute(fee_schedule.update().where(fee_schedule.c.fee_code == code, fee_schedule.c.level == level,
                                               fee_schedule.c.title == titles[before]).values(title=titles[after]))


def upgrade() -> None:
    op.execute(fee_schedule.delete().where(fee_schedule.c.level == "ma_msc_bs"))
    _insert(ADDED)
    _retitle(0, 1)


def downgrade() -> None:
    _retitle(1, 0)
    _delete(ADDED)
    _insert(REMOVED)
