"""Reference data: regional centres, programs and their courses as first published.

Maximum durations marked (unsure) come from unofficial guides. This is data: change it
with a new migration, not in code.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

REGIONAL_CENTRES = [  # (code, name)
    ("ISB", "Islamabad"),
    ("LHR", "Lahore"),
    ("KHI", "Karachi"),
    ("PSH", "Peshawar"),
    ("QTA", "Quetta"),
    ("MUL", "Multan"),
    ("FSD", "Faisalabad"),
]

PROGRAMS = [  # (code, title, level, duration in semesters, maximum duration in years)
    ("MATRIC", "Matric (Secondary School Certificate)", "matric", 2, 5),           # maximum (unsure)
    ("ADE", "Associate Degree in Education", "ba", 4, 4),
    ("BED15", "B.Ed (1.5 Years)", "bed", 3, 3),
    ("ADBA", "BA / Associate Degree in Business Administration", "ba", 4, 4),
    ("BSENG", "BS English", "ma_msc_bs", 8, 7),                                    # maximum (unsure)
]

COURSES = [  # (code, title, credit hours)
    ("201", "Islamic Studies", 6),
    ("202", "Pakistan Studies", 6),
    ("204", "Urdu", 6),
    ("207", "English-I", 3),
    ("247", "Math-I", 3),
    ("5404", "English Compulsory-I", 3),
    ("6400", "General Methods of Teaching", 3),
    ("8601", "General Methods of Teaching", 3),
    ("8602", "Educational Assessment and Evaluation", 3),
    ("8603", "Curriculum Development", 3),
    ("8604", "Research Methods in Education", 3),
    ("8605", "Educational Leadership and Management", 3),
    ("8606", "Citizenship Education and Community Engagement", 3),
    ("9382", "Functional English", 3),
    ("5418", "Financial Accounting", 3),
    ("9384", "Application of ICT", 3),
    ("ENGL3505", "Functional English", 3),
]

SCHEME_OF_STUDIES = [  # (program code, course code, semester of the program)
    ("MATRIC", "201", 1), ("MATRIC", "202", 1), ("MATRIC", "204", 1), ("MATRIC", "207", 1), ("MATRIC", "247", 1),
    ("ADE", "5404", 1), ("ADE", "6400", 1),
    ("BED15", "8601", 1), ("BED15", "8602", 1), ("BED15", "8603", 1),
    ("BED15", "8604", 2), ("BED15", "8605", 2), ("BED15", "8606", 2),
    ("ADBA", "9382", 1), ("ADBA", "5418", 1), ("ADBA", "9384", 1),
    ("BSENG", "ENGL3505", 1),
]

LINK = sa.text(
    "INSERT INTO program_courses (program_id, course_id, semester_number) "
    "SELECT p.id, c.id, :semester FROM programs p, courses c WHERE p.code = :program AND c.code = :course")


def upgrade() -> None:
    centres = sa.table("regional_centres", sa.column("code"), sa.column("name"))
    programs = sa.table("programs", sa.column("code"), sa.column("title"), sa.column("level"),
                        sa.column("duration_semesters"), sa.column("max_duration_years"))
    courses = sa.table("courses", sa.column("code"), sa.column("title"), sa.column("credit_hours"))
    op.bulk_insert(centres, [{"code": c, "name": n} for c, n in REGIONAL_CENTRES])
    op.bulk_insert(programs, [{"code": c, "title": t, "level": lv, "duration_semesters": d, "max_duration_years": m}
                              for c, t, lv, d, m in PROGRAMS])
    op.bulk_insert(courses, [{"code": c, "title": t, "credit_hours": h} for c, t, h in COURSES])
    for program, course, semester in SCHEME_OF_STUDIES:
        op.execute(LINK.bindparams(program=program, course=course, semester=semester))


def downgrade() -> None:
    for table in ("program_courses", "courses", "programs", "regional_centres"):
        op.execute(f"DELETE FROM {table}")
