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
    # The most credit hours a student of this level registers for in one semester.
    sa.Column("max_semester_credit_hours", sa.Integer, nullable=False, server_default="18"),
    # How the semester fee is charged: by credit hour, or (Matric) by course.
    sa.Column("fee_basis", sa.String(12), nullable=False, server_default="credit_hour"),
    # Matric, Intermediate and BA students post assignments to their tutor; the others
    # submit them on the LMS (seed 001).
    sa.Column("assignments_by_post", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.CheckConstraint("max_semester_credit_hours > 0", name="credit_limit_positive"),
    sa.CheckConstraint("fee_basis IN ('credit_hour', 'course')", name="known_fee_basis"),
)

programs = sa.Table(
    "programs", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(12), nullable=False, unique=True),
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("level", sa.ForeignKey("program_levels.code"), nullable=False),
    sa.Column("duration_semesters", sa.Integer, nullable=False),
    sa.Column("max_duration_years", sa.Integer, nullable=False),
    sa.Column("credit_hours_total", sa.Integer, nullable=False, server_default="0"),  # to complete it
    sa.CheckConstraint("duration_semesters > 0 AND max_duration_years > 0", name="durations_positive"),
)

courses = sa.Table(
    "courses", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(12), nullable=False, unique=True),   # 8601, ENGL3505
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("credit_hours", sa.Integer, nullable=False),
    # Of credit_hours, how many are practical (lab, workshop): 3(2+1) has 1.
    sa.Column("practical_credit_hours", sa.Integer, nullable=False, server_default="0"),
    sa.CheckConstraint("credit_hours > 0", name="credit_hours_positive"),
    sa.CheckConstraint("practical_credit_hours BETWEEN 0 AND credit_hours", name="practical_within_credit_hours"),
)

# Spring and Autumn of each year, with the windows admissions announce (dates in
# Asia/Karachi, both ends included).
semesters = sa.Table(
    "semesters", metadata,
    sa.Column("code", sa.String(20), primary_key=True),        # "Spring 2027"
    sa.Column("starts_on", sa.Date, nullable=False),
    sa.Column("admission_opens", sa.Date, nullable=False),
    sa.Column("admission_closes", sa.Date, nullable=False),
    sa.Column("registration_opens", sa.Date, nullable=False),
    sa.Column("registration_closes", sa.Date, nullable=False),
    sa.CheckConstraint("admission_opens <= admission_closes AND registration_opens <= registration_closes",
                       name="windows_in_order"),
)

# The courses a semester offers (a course in the scheme but not offered cannot be registered).
offerings = sa.Table(
    "offerings", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("semester", sa.ForeignKey("semesters.code"), nullable=False),
    sa.Column("course_id", sa.ForeignKey("courses.id"), nullable=False),
    sa.UniqueConstraint("semester", "course_id"),
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
    # Admission: who admitted her and when, the form's idempotency key, and when identity
    # confirmed her account (empty: enrollment asks identity again until it does).
    sa.Column("admitted_at", sa.DateTime(timezone=True)),
    sa.Column("admitted_by", sa.String(60), nullable=False, server_default=""),
    sa.Column("admission_key", sa.String(80), index=True, unique=True),
    sa.Column("account_opened_at", sa.DateTime(timezone=True)),
    sa.CheckConstraint("gender IN ('female', 'male', 'other')", name="known_gender"),
    # The account sweep's look-up stays small however many students there are.
    sa.Index("ix_students_account_pending", "id", postgresql_where=sa.text("account_opened_at IS NULL"),
             sqlite_where=sa.text("account_opened_at IS NULL")),
    sa.CheckConstraint("status IN ('active', 'graduated', 'withdrawn')", name="known_status"),
)

# A student's registration for one semester and its fee. Filed in two transactions around
# finance's challan (status `filing` between them); unpaid past the due date it lapses, and
# she may register again (the next attempt).
semester_registrations = sa.Table(
    "semester_registrations", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("student_id", sa.ForeignKey("students.id"), nullable=False),
    sa.Column("semester", sa.String(20), nullable=False),
    sa.Column("attempt", sa.Integer, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    # What she asked for, kept after a lapse removes the course rows: "8602,8604" and
    # which of them were failed courses registered again.
    sa.Column("course_codes", sa.String(400), nullable=False),
    sa.Column("repeat_codes", sa.String(400), nullable=False, server_default=""),
    sa.Column("credit_hours", sa.Integer, nullable=False),
    sa.Column("consumer_number", sa.String(18), unique=True),
    sa.Column("amount_paisa", sa.BigInteger),
    sa.Column("due_date", sa.Date),
    sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("confirmed_at", sa.DateTime(timezone=True)),
    sa.Column("lapsed_at", sa.DateTime(timezone=True)),
    sa.UniqueConstraint("student_id", "semester", "attempt"),
    sa.CheckConstraint("status IN ('filing', 'awaiting_payment', 'confirmed', 'lapsed')", name="known_status"),
)

registrations = sa.Table(
    "registrations", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("student_id", sa.ForeignKey("students.id"), nullable=False),
    sa.Column("semester", sa.String(20), nullable=False),          # "Spring 2026"
    sa.Column("course_id", sa.ForeignKey("courses.id"), nullable=False),
    sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
    # Empty for courses registered before registration was a process (the demo seed's).
    sa.Column("semester_registration_id", sa.ForeignKey("semester_registrations.id")),
    sa.UniqueConstraint("student_id", "semester", "course_id"),
)

tutors = sa.Table(
    "tutors", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(120), nullable=False),
    # Matric to BA students post their assignments to this address.
    sa.Column("postal_address", sa.String(300), nullable=False),
    sa.Column("phone", sa.String(15), nullable=False, server_default=""),
    sa.Column("email", sa.String(254), nullable=False, server_default=""),
    # The regional office that engages the tutor (empty for tutors the first seed made).
    sa.Column("regional_centre_id", sa.ForeignKey("regional_centres.id")),
)

# A tutor teaching a course offering at her centre, for at most `capacity` students.
tutor_offerings = sa.Table(
    "tutor_offerings", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("tutor_id", sa.ForeignKey("tutors.id"), nullable=False),
    sa.Column("semester", sa.String(20), nullable=False),
    sa.Column("course_id", sa.ForeignKey("courses.id"), nullable=False),
    sa.Column("capacity", sa.Integer, nullable=False),
    sa.UniqueConstraint("tutor_id", "semester", "course_id"),
    sa.CheckConstraint("capacity BETWEEN 1 AND 500", name="capacity_in_range"),
)

tutor_allocations = sa.Table(
    "tutor_allocations", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("registration_id", sa.ForeignKey("registrations.id"), nullable=False, unique=True),
    sa.Column("tutor_id", sa.ForeignKey("tutors.id"), nullable=False),
    sa.Column("allocated_at", sa.DateTime(timezone=True), nullable=False),
)


# -- holds: what blocks a student, and what she must do about it -----------------------
hold_types = sa.Table(
    "hold_types", metadata,
    sa.Column("code", sa.String(30), primary_key=True),       # unpaid_dues, missing_documents, ...
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("action", sa.String(300), nullable=False),      # what the student must do
    sa.Column("blocks", sa.String(100), nullable=False),      # "registration,transcript,degree"
    # Placed and lifted by hand by these departments ("" for holds only events raise).
    sa.Column("placed_by", sa.String(100), nullable=False, server_default=""),
)

holds = sa.Table(
    "holds", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
    sa.Column("hold_type", sa.ForeignKey("hold_types.code"), nullable=False),
    sa.Column("reference", sa.String(60), nullable=False),    # the challan, document or tracking ID
    sa.Column("note", sa.String(300), nullable=False, server_default=""),
    sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("raised_by", sa.String(60), nullable=False),    # an officer's login or the event's source
    sa.Column("cleared_at", sa.DateTime(timezone=True)),
    sa.Column("cleared_by", sa.String(60)),
)

# The fee codes whose challans are dues: unpaid past the due date they hold the student.
due_fee_codes = sa.Table(
    "due_fee_codes", metadata,
    sa.Column("fee_code", sa.String(40), primary_key=True),
)

# Enrollment's copy of the dues finance issued (from its events), to know when one is overdue.
dues = sa.Table(
    "dues", metadata,
    sa.Column("consumer_number", sa.String(18), primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
    sa.Column("fee_code", sa.String(40), nullable=False),
    sa.Column("amount_paisa", sa.BigInteger, nullable=False),
    sa.Column("due_date", sa.Date, nullable=False),
    sa.Column("paid_at", sa.DateTime(timezone=True)),
)


# -- admission ----------------------------------------------------------------------------
# The last serial given under each registration number prefix ("27S"): registration
# numbers are handed out in order, never twice.
registration_serials = sa.Table(
    "registration_serials", metadata,
    sa.Column("prefix", sa.String(4), primary_key=True),
    sa.Column("last_serial", sa.Integer, nullable=False),
)

# A bulk admission file: validated whole when submitted (refused with every bad row, or
# queued), then applied whole by the relay's loop, in one transaction.
admission_batches = sa.Table(
    "admission_batches", metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("file_name", sa.String(120), nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("total", sa.Integer, nullable=False),
    sa.Column("records", sa.Text, nullable=False),       # the validated rows, JSON; emptied once applied
    sa.Column("report", sa.Text, nullable=False, server_default=""),  # CSV
    sa.Column("refused", sa.Text, nullable=False, server_default="[]"),  # JSON [[row, field, message]]
    sa.Column("error", sa.String(300), nullable=False, server_default=""),
    sa.Column("created_by", sa.String(60), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.CheckConstraint("status IN ('refused', 'queued', 'applying', 'applied', 'failed')", name="known_status"),
)

# How far a batch being applied has got, written beside (not inside) its transaction.
admission_batch_progress = sa.Table(
    "admission_batch_progress", metadata,
    sa.Column("batch_id", sa.ForeignKey("admission_batches.id"), primary_key=True),
    sa.Column("processed", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

# Every change of a student's record, with the value it replaced: corrections never lose
# what was there before.
record_history = sa.Table(
    "record_history", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("student_id", sa.ForeignKey("students.id"), nullable=False, index=True),
    sa.Column("field", sa.String(30), nullable=False),
    sa.Column("old_value", sa.String(300), nullable=False),
    sa.Column("new_value", sa.String(300), nullable=False),
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("changed_by", sa.String(60), nullable=False),     # an officer's login, or "requests"
    sa.Column("source", sa.String(60), nullable=False),         # a correction request's number, or "by hand"
)
