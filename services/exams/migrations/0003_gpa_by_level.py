"""A GPA only where the program level uses one.

DOMAIN.md ("Assessment"): GPA/CGPA on the national commission's scale for 4-year
bachelor's and postgraduate programs; Matric, FA and BA / Associate Degree programs get
grades and marks but no GPA. Each result now carries its program level (results recorded
before have none, and show no GPA until their level is recorded). The level codes are
enrollment's (its revision 0003). This is data: change it with a new migration, not in code.

- ADE is an associate degree: no GPA, like BA / AD (unsure).
- B.Ed 1.5 year is studied after a 16-year degree, so it is graded as postgraduate (unsure).

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LEVELS = [  # (level, on the GPA scale)
    ("matric", False),
    ("intermediate", False),
    ("ba", False),
    ("ade", False),
    ("bed", True),
    ("bed4", True),
    ("bs", True),
    ("ma_msc", True),
    ("med", True),
    ("mphil", True),
    ("phd", True),
]


def upgrade() -> None:
    op.create_table(
        "level_grading",
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("on_gpa_scale", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("level", name=op.f("pk_level_grading")),
    )
    level_grading = sa.table("level_grading", sa.column("level"), sa.column("on_gpa_scale", sa.Boolean))
    op.bulk_insert(level_grading, [{"level": lv, "on_gpa_scale": gpa} for lv, gpa in LEVELS])
    with op.batch_alter_table("results") as batch_op:
        batch_op.add_column(sa.Column("level", sa.String(length=20), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("results") as batch_op:
        batch_op.drop_column("level")
    op.drop_table("level_grading")
