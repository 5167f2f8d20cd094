"""Exams tables: grade bands, course results, and which semesters are published."""
import sqlalchemy as sa

from campus.db import new_metadata

metadata = new_metadata()

grade_bands = sa.Table(
    "grade_bands", metadata,
    sa.Column("grade", sa.String(2), primary_key=True),
    sa.Column("min_marks", sa.Integer, nullable=False),
    sa.Column("max_marks", sa.Integer, nullable=False),
    # Hundredths (400 = 4.00): exact on every backend, unlike a float.
    sa.Column("grade_point_hundredths", sa.Integer, nullable=False),
    sa.Column("is_pass", sa.Boolean, nullable=False),
    sa.CheckConstraint("0 <= min_marks AND min_marks <= max_marks AND max_marks <= 100", name="marks_range"),
)

# Which program levels are graded on the national commission's GPA/CGPA scale. Exams keeps
# its own copy of the level codes (enrollment owns the levels; exams never reads its
# database): the rule "a GPA only where the level uses one" is an assessment rule, so it
# is exams' data, and each result carries the level it was recorded at (below).
level_grading = sa.Table(
    "level_grading", metadata,
    sa.Column("level", sa.String(20), primary_key=True),          # enrollment's level code
    sa.Column("on_gpa_scale", sa.Boolean, nullable=False),
)

results = sa.Table(
    "results", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False),
    sa.Column("semester", sa.String(20), nullable=False),               # "Autumn 2025"
    sa.Column("course_code", sa.String(12), nullable=False),
    sa.Column("course_title", sa.String(120), nullable=False),
    sa.Column("credit_hours", sa.Integer, nullable=False),
    # The program level the course was taken at, recorded with the marks (the award list
    # is per program); empty for results recorded before levels were kept.
    sa.Column("level", sa.String(20), nullable=False, server_default=""),
    # Out of 100 each; empty while a component is awaited (the result is late, RL).
    sa.Column("assignment_marks", sa.Integer),
    sa.Column("final_exam_marks", sa.Integer),
    sa.Column("total_marks", sa.Integer),
    sa.Column("grade", sa.String(2), nullable=False, server_default=""),
    sa.Column("remarks", sa.String(10), nullable=False),                # pass | fail | RL
    sa.Column("published_on", sa.Date),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    # The unique key's leading column serves the per-student look-up too.
    sa.UniqueConstraint("registration_number", "semester", "course_code"),
    sa.CheckConstraint("assignment_marks BETWEEN 0 AND 100 AND final_exam_marks BETWEEN 0 AND 100 "
                       "AND total_marks BETWEEN 0 AND 100", name="marks_out_of_100"),
)

published_semesters = sa.Table(
    "published_semesters", metadata,
    sa.Column("semester", sa.String(20), primary_key=True),
    sa.Column("published_on", sa.Date, nullable=False),
    sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
)
