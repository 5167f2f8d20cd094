"""Exams tables: grade bands, course results, which semesters are published, exam centres,
date sheets, candidates with their roll numbers, and the documents exams issued."""
import sqlalchemy as sa

from campus import documents
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
    # The program whose award list it is on (publication is per program and semester);
    # empty for results recorded before (their semester was published as a whole).
    sa.Column("program_code", sa.String(20), nullable=False, server_default=""),
    # Out of 100 each; empty while a component is awaited (the result is late, RL).
    sa.Column("assignment_marks", sa.Integer),
    sa.Column("final_exam_marks", sa.Integer),
    # Percent of the course's workshops attended, where the level has workshops.
    sa.Column("workshop_attendance", sa.Integer),
    sa.Column("total_marks", sa.Integer),
    sa.Column("grade", sa.String(2), nullable=False, server_default=""),
    sa.Column("remarks", sa.String(10), nullable=False),                # pass | fail | RL
    sa.Column("published_on", sa.Date),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    # A published result changes only through re-checking: when, and on which request.
    sa.Column("revised_at", sa.DateTime(timezone=True)),
    sa.Column("revision_note", sa.String(200), nullable=False, server_default=""),
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

# -- exam centres, date sheets and roll numbers --------------------------------------------
# Halls where papers are sat, by region (enrollment's regional centre code: exams keeps the
# code only, as with levels). Reference data, kept by the examinations department.
exam_centres = sa.Table(
    "exam_centres", metadata,
    sa.Column("code", sa.String(12), primary_key=True),             # "ISB-01"
    sa.Column("region", sa.String(10), nullable=False),             # regional centre: "ISB"
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("address", sa.String(300), nullable=False),
    sa.Column("capacity", sa.Integer, nullable=False),               # candidates per semester
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.CheckConstraint("capacity >= 0", name="capacity_not_negative"),
)

# One paper of a program's date sheet for a semester.
date_sheet_papers = sa.Table(
    "date_sheet_papers", metadata,
    sa.Column("semester", sa.String(20), primary_key=True),
    sa.Column("program_code", sa.String(20), primary_key=True),
    sa.Column("course_code", sa.String(12), primary_key=True),
    sa.Column("course_title", sa.String(120), nullable=False),
    sa.Column("paper_date", sa.Date, nullable=False),
    sa.Column("starts_at", sa.Time, nullable=False),                 # Asia/Karachi
    sa.Column("ends_at", sa.Time, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_by", sa.String(120), nullable=False),
    sa.CheckConstraint("starts_at < ends_at", name="starts_before_it_ends"),
)

# Roll numbers are two letters and six digits, unique for ever (the public result look-up
# and the book parcels go by them). A semester draws from series of a million numbers
# each: when one runs out, the next two letters open.
roll_number_series = sa.Table(
    "roll_number_series", metadata,
    sa.Column("prefix", sa.String(2), primary_key=True),
    sa.Column("semester", sa.String(20), nullable=False, index=True),
    sa.Column("next_serial", sa.Integer, nullable=False),
    sa.Column("exhausted", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.CheckConstraint("next_serial BETWEEN 0 AND 1000000", name="six_digits"),
)

# A candidate of a semester: her roll number, her exam centre, and what the slip prints
# (copied from enrollment's `registration_confirmed`: exams never asks for it again).
candidates = sa.Table(
    "candidates", metadata,
    sa.Column("roll_number", sa.String(8), primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False),
    sa.Column("semester", sa.String(20), nullable=False),
    sa.Column("program_code", sa.String(20), nullable=False),
    sa.Column("program_title", sa.String(120), nullable=False, server_default=""),
    sa.Column("level", sa.String(20), nullable=False),
    sa.Column("region", sa.String(10), nullable=False),
    # Empty while every centre of her region is full: examinations place her by hand.
    sa.Column("centre_code", sa.String(12), sa.ForeignKey("exam_centres.code")),
    sa.Column("full_name", sa.String(120), nullable=False),
    sa.Column("father_name", sa.String(120), nullable=False),
    sa.Column("allocated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("centre_changed_at", sa.DateTime(timezone=True)),
    sa.UniqueConstraint("registration_number", "semester"),
    sa.Index("ix_candidates_centre", "semester", "centre_code"),
)

# The papers a candidate sits: the courses of her confirmed registration.
candidate_papers = sa.Table(
    "candidate_papers", metadata,
    sa.Column("roll_number", sa.String(8), sa.ForeignKey("candidates.roll_number"), primary_key=True),
    sa.Column("course_code", sa.String(12), primary_key=True),
    sa.Column("course_title", sa.String(120), nullable=False),
    sa.Column("credit_hours", sa.Integer, nullable=False),
)

issued_documents = documents.registry_table(metadata)

# -- publication ---------------------------------------------------------------------------
# A program's results of a semester, published once: what was published is kept as each
# candidate's card (below), so that result day reads one row per look-up and a later change
# (a late result, a re-check) is a new version of the card that says it was revised.
result_publications = sa.Table(
    "result_publications", metadata,
    sa.Column("semester", sa.String(20), primary_key=True),
    sa.Column("program_code", sa.String(20), primary_key=True),
    sa.Column("published_on", sa.Date, nullable=False),
    sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("published_by", sa.String(120), nullable=False),
    sa.Column("candidates", sa.Integer, nullable=False),
    sa.Column("results", sa.Integer, nullable=False),
)

published_cards = sa.Table(
    "published_cards", metadata,
    sa.Column("roll_number", sa.String(8), sa.ForeignKey("candidates.roll_number"), primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
    sa.Column("semester", sa.String(20), nullable=False),
    sa.Column("program_code", sa.String(20), nullable=False),
    sa.Column("card", sa.Text, nullable=False),                       # JSON, as the public look-up shows it
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.Column("published_on", sa.Date, nullable=False),
    sa.Column("revised_at", sa.DateTime(timezone=True)),
)

# -- assessment, in data ---------------------------------------------------------------------
# How a course of each program level is assessed: the weights of assignments and the final
# exam in the total, the minimum in each for a pass (from Autumn 2021 on), and the workshop
# attendance required where the level has workshops (not Matric, FA, BA / AD). DOMAIN.md
# marks the figures unsure: examinations change them with a migration, never in code.
assessment_schemes = sa.Table(
    "assessment_schemes", metadata,
    sa.Column("level", sa.String(20), primary_key=True),              # enrollment's level code
    sa.Column("assignment_weight", sa.Integer, nullable=False),
    sa.Column("final_weight", sa.Integer, nullable=False),
    sa.Column("assignment_min", sa.Integer, nullable=False),
    sa.Column("final_min", sa.Integer, nullable=False),
    sa.Column("workshop_attendance_min", sa.Integer),                 # empty: no workshops
    sa.CheckConstraint("assignment_weight + final_weight = 100", name="weights_make_a_whole"),
)

# A file of marks, checked whole and applied whole (or refused whole, with its report), and
# how far its application has got, written beside (not inside) its transaction.
marks_files = sa.Table(
    "marks_files", metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("file_name", sa.String(120), nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("total", sa.Integer, nullable=False),
    # The checked rows, JSON: kept after they are applied, since the audit chain holds their digest.
    sa.Column("rows", sa.Text, nullable=False),
    sa.Column("digest", sa.String(64), nullable=False),
    sa.Column("report", sa.Text, nullable=False, server_default=""),    # CSV: every refused row, or what changed
    sa.Column("refused", sa.Integer, nullable=False, server_default="0"),
    sa.Column("error", sa.String(300), nullable=False, server_default=""),
    sa.Column("created_by", sa.String(120), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.CheckConstraint("status IN ('refused', 'queued', 'applied', 'failed')", name="known_status"),
)
marks_file_progress = sa.Table(
    "marks_file_progress", metadata,
    sa.Column("file_id", sa.ForeignKey("marks_files.id"), primary_key=True),
    sa.Column("processed", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

# -- paid requests examinations work on ------------------------------------------------------
# Opened when requests says the challan of a "Re-checking of Answer Scripts" or a "Change of
# Examination Center" request is paid; decided here; requests is told the outcome.
exam_cases = sa.Table(
    "exam_cases", metadata,
    sa.Column("request_number", sa.String(20), primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("details", sa.Text, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("roll_number", sa.String(8)),                  # her latest candidature when it opened
    sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("decided_at", sa.DateTime(timezone=True)),
    sa.Column("decided_by", sa.String(120), nullable=False, server_default=""),
    sa.Column("note", sa.String(300), nullable=False, server_default=""),
    sa.Column("course_code", sa.String(12), nullable=False, server_default=""),   # re-checked
    sa.Column("centre_code", sa.String(12), nullable=False, server_default=""),   # moved to
    sa.Column("ground", sa.String(30), nullable=False, server_default=""),        # the hardship
    sa.Column("program_code", sa.String(20), nullable=False, server_default=""),
    sa.CheckConstraint("kind IN ('rechecking', 'centre_change')", name="known_kind"),
    sa.CheckConstraint("status IN ('open', 'revised', 'unchanged', 'approved', 'rejected')", name="known_status"),
)

# The hardships that allow a change of examination centre (DOMAIN.md: transfer, marriage,
# change of residence, with attested documents): data, changed by a migration.
centre_change_grounds = sa.Table(
    "centre_change_grounds", metadata,
    sa.Column("code", sa.String(30), primary_key=True),
    sa.Column("title", sa.String(120), nullable=False),
)

# How many times a case of each kind may be granted to a student in one program (a change of
# centre: once, DOMAIN.md, unsure); no row: no limit.
case_limits = sa.Table(
    "case_limits", metadata,
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("per_program", sa.Integer, nullable=False),
    sa.CheckConstraint("per_program >= 0", name="not_negative"),
)
