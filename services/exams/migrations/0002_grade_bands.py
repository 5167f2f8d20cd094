"""Grade bands and their grade points on the 4.0 scale.

The bands are the ones one source gives (A+ 85-100 ... F below 50); sources disagree,
and the grade points per band are our reading of the national commission's scale
(unsure). This is data: change it with a new migration, not in code.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

GRADE_BANDS = [  # (grade, lowest marks, highest marks, grade point in hundredths, a pass)
    ("A+", 85, 100, 400, True),
    ("A", 80, 84, 370, True),
    ("B", 70, 79, 300, True),
    ("C", 60, 69, 200, True),
    ("D", 50, 59, 100, True),
    ("F", 0, 49, 0, False),
]


def upgrade() -> None:
    grade_bands = sa.table("grade_bands", sa.column("grade"), sa.column("min_marks"), sa.column("max_marks"),
                           sa.column("grade_point_hundredths"), sa.column("is_pass", sa.Boolean))
    op.bulk_insert(grade_bands, [
        {"grade": g, "min_marks": lo, "max_marks": hi, "grade_point_hundredths": gp, "is_pass": ok}
        for g, lo, hi, gp, ok in GRADE_BANDS])


def downgrade() -> None:
    op.execute("DELETE FROM grade_bands")
