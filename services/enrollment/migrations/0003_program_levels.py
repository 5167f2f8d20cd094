"""Program levels as the university prices and grades them, each its own row.

Until now ADE sat at level 'ba' (and was charged the BA semester fee) and BS, MA/MSc and
M.Ed shared 'ma_msc_bs'. Levels become a table (DOMAIN.md, "Levels"), programs refer to
it, and the programs already stored move to their own level. 'bed' keeps its code and is
the B.Ed 1.5 year program; the 4-year B.Ed is 'bed4'. This is data: change it with a new
migration, not in code.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LEVELS = [  # (code, title)
    ("matric", "Matric (SSC)"),
    ("intermediate", "Intermediate / FA (HSSC)"),
    ("ba", "BA / Associate Degree"),
    ("ade", "Associate Degree in Education (ADE)"),
    ("bed", "B.Ed (1.5 year)"),
    ("bed4", "B.Ed (4 year)"),
    ("bs", "BS (4 year)"),
    ("ma_msc", "MA / MSc"),
    ("med", "M.Ed"),
    ("mphil", "MPhil"),
    ("phd", "PhD"),
]

MOVED = [  # (program code, level before, level now)
    ("ADE", "ba", "ade"),
    ("BSENG", "ma_msc_bs", "bs"),
]

OLD_LEVELS = "level IN ('matric', 'intermediate', 'ba', 'bed', 'ma_msc_bs', 'mphil', 'phd')"
SET_LEVEL = sa.text("UPDATE programs SET level = :level WHERE code = :program AND level = :before")
PROGRAM_COLUMNS = "id, code, title, level, duration_semesters, max_duration_years"


def _programs_with(level_constraint) -> None:
    """SQLite cannot change a table's constraints in place: build `programs` again.

    Alembic's batch mode copies the rows before it drops the old table, which SQLite
    (foreign keys on, inside the migration's transaction) counts as orphaning every
    student and scheme-of-studies row for good. Here the rows go aside, the table is
    dropped and made again, and the rows come back, which settles those deferred checks."""
    op.execute("PRAGMA defer_foreign_keys = ON")
    op.execute(f"CREATE TABLE _programs_0003 AS SELECT {PROGRAM_COLUMNS} FROM programs")
    op.drop_table("programs")
    op.create_table(
        "programs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("duration_semesters", sa.Integer(), nullable=False),
        sa.Column("max_duration_years", sa.Integer(), nullable=False),
        sa.CheckConstraint("duration_semesters > 0 AND max_duration_years > 0",
                           name=op.f("ck_programs_durations_positive")),
        level_constraint,
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programs")),
        sa.UniqueConstraint("code", name=op.f("uq_programs_code")),
    )
    op.execute(f"INSERT INTO programs ({PROGRAM_COLUMNS}) SELECT {PROGRAM_COLUMNS} FROM _programs_0003")
    op.drop_table("_programs_0003")


def _level_reference() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["level"], ["program_levels.code"], name=op.f("fk_programs_level_program_levels"))


def upgrade() -> None:
    op.create_table(
        "program_levels",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_program_levels")),
    )
    levels = sa.table("program_levels", sa.column("code"), sa.column("title"))
    op.bulk_insert(levels, [{"code": c, "title": t} for c, t in LEVELS])
    if op.get_bind().dialect.name == "sqlite":
        _programs_with(_level_reference())
        for program, before, now in MOVED:
            op.execute(SET_LEVEL.bindparams(level=now, program=program, before=before))
    else:
        op.drop_constraint(op.f("ck_programs_known_level"), "programs", type_="check")
        for program, before, now in MOVED:
            op.execute(SET_LEVEL.bindparams(level=now, program=program, before=before))
        op.create_foreign_key(op.f("fk_programs_level_program_levels"), "programs", "program_levels",
                              ["level"], ["code"])
    # A program left at a level that is gone fails the foreign key (on SQLite at commit), as it should.


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA defer_foreign_keys = ON")  # 'ma_msc_bs' is no level until the rebuild
        for program, before, now in MOVED:
            op.execute(SET_LEVEL.bindparams(level=before, program=program, before=now))
        _programs_with(sa.CheckConstraint(sa.text(OLD_LEVELS), name=op.f("ck_programs_known_level")))
    else:
        op.drop_constraint(op.f("fk_programs_level_program_levels"), "programs", type_="foreignkey")
        for program, before, now in MOVED:
            op.execute(SET_LEVEL.bindparams(level=before, program=program, before=now))
        op.create_check_constraint(op.f("ck_programs_known_level"), "programs", sa.text(OLD_LEVELS))
    op.drop_table("program_levels")
