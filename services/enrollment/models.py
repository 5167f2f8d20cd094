"""Enrollment tables: regional centres, programs and their courses, student records,
course registration and tutor allocation."""
import sqlalchemy as sa

from campus.db import new_metadata

metadata = new_metadata()

regional_centres = sa.Table(
    "regional_centres", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(10), nullable=False, unique=True),
    sa.Column("name", sa.String(80), nullable=False),
)

# Each level the university prices and grades on its own (ADE is not BA, B.Ed 1.5 year
# is not B.Ed 4 year). The codes are the vocabulary finance's fee schedule and exams'
# grading rules are keyed by; the rows are data (migrations), not code.
program_levels = sa.Table(
    "program_levels", metadata,
    sa.Column("code", sa.String(20), primary_key=True),      # matric, ade, bed, bs, med, ...
    sa.Column("title", sa.String(80), nullable=False),
)

programs = sa.Table(
    "programs", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(12), nullable=False, unique=True),
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("level", sa.ForeignKey("program_levels.code"), nullable=False),
    sa.Column("duration_semesters", sa.Integer, nullable=False),
    sa.Column("max_duration_years", sa.Integer, nullable=False),
    sa.CheckConstraint("duration_semesters > 0 AND max_duration_years > 0", name="durations_positive"),
)

courses = sa.Table(
    "courses", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(12), nullable=False, unique=True),   # 8601, ENGL3505
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("credit_hours", sa.Integer, nullable=False),
    sa.CheckConstraint("credit_hours > 0", name="credit_hours_positive"),
)

program_courses = sa.Table(
    "program_courses", metadata,
    sa.Column("program_id", sa.ForeignKey("programs.id"), primary_key=True),
    sa.Column("course_id", sa.ForeignKey("courses.id"), primary_key=True),
    sa.Column("semester_number", sa.Integer, nullable=False),   # in the scheme of studies
)

students = sa.Table(
    "students", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False, unique=True),
    sa.Column("full_name", sa.String(120), nullable=False),
    sa.Column("father_name", sa.String(120), nullable=False),
    sa.Column("gender", sa.String(10), nullable=False),
    sa.Column("date_of_birth", sa.Date, nullable=False),
    sa.Column("cnic", sa.String(15), nullable=False),             # 37405-1234567-2
    sa.Column("email", sa.String(120), nullable=False, server_default=""),
    sa.Column("mobile", sa.String(15), nullable=False, server_default=""),
    sa.Column("postal_address", sa.String(300), nullable=False),
    sa.Column("program_id", sa.ForeignKey("programs.id"), nullable=False),
    sa.Column("regional_centre_id", sa.ForeignKey("regional_centres.id"), nullable=False),
    sa.Column("admission_semester", sa.String(20), nullable=False),
    sa.Column("status", sa.String(12), nullable=False, server_default="active"),
    sa.CheckConstraint("gender IN ('female', 'male', 'other')", name="known_gender"),
    sa.CheckConstraint("status IN ('active', 'graduated', 'withdrawn')", name="known_status"),
)

registrations = sa.Table(
    "registrations", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("student_id", sa.ForeignKey("students.id"), nullable=False),
    sa.Column("semester", sa.String(20), nullable=False),          # "Spring 2026"
    sa.Column("course_id", sa.ForeignKey("courses.id"), nullable=False),
    sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("student_id", "semester", "course_id"),
)

tutors = sa.Table(
    "tutors", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(120), nullable=False),
    # Matric to BA students post their assignments to this address.
    sa.Column("postal_address", sa.String(300), nullable=False),
    sa.Column("phone", sa.String(15), nullable=False, server_default=""),
)

tutor_allocations = sa.Table(
    "tutor_allocations", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("registration_id", sa.ForeignKey("registrations.id"), nullable=False, unique=True),
    sa.Column("tutor_id", sa.ForeignKey("tutors.id"), nullable=False),
    sa.Column("allocated_at", sa.DateTime(timezone=True), nullable=False),
)
