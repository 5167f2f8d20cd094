"""The service request catalogue: the categories and subtypes the portal offers.

From the help-desk page (financial aid/scholarship, refund of fee, other fee
challan/invoice and its nine subtypes, correction in personal information) and the
portal guide (name/CNIC correction, address/mobile change, general queries), plus the
help-desk complaints the requests service also receives. Fees live in finance's fee
schedule, referred to here by fee code.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CATEGORIES = [
    ("financial_aid", "Apply for Financial Aid / Scholarship"),
    ("fee_refund", "Refund of Fee"),
    ("other_fee_challan", "Other Fee Challan/Invoice"),
    ("personal_info_correction", "Correction in Personal Information"),
    ("general_query", "General Query"),
    ("helpdesk_complaint", "Help-desk Complaint"),
]

# (code, category, title, fee_code, department, opens a degree application, urgent)
SUBTYPES = [
    ("need_based_financial_aid", "financial_aid", "Need-based Financial Aid", None, "student_services", False, False),
    ("merit_scholarship", "financial_aid", "Merit Scholarship", None, "student_services", False, False),
    ("special_persons_scholarship", "financial_aid", "Scholarship for Special Persons", None, "student_services", False, False),
    ("refund_program_not_offered", "fee_refund", "Refund – Program Not Offered", None, "treasury", False, False),
    ("refund_program_switch", "fee_refund", "Refund – Program Switched Before Books Dispatch", None, "treasury", False, False),
    ("refund_excess_payment", "fee_refund", "Refund – Excess or Double Payment", None, "treasury", False, False),
    ("degree_fee_ordinary", "other_fee_challan", "Certificate/Diploma/Degree Fee – Ordinary", "degree_ordinary", "examinations", True, False),
    ("degree_fee_urgent", "other_fee_challan", "Certificate/Diploma/Degree Fee – Urgent", "degree_urgent", "examinations", True, True),
    ("degree_fee_duplicate", "other_fee_challan", "Certificate/Diploma/Degree Fee – Duplicate", "degree_duplicate", "examinations", True, False),
    ("degree_fee_triplicate", "other_fee_challan", "Triplicate Certificate/Diploma/Degree Fee", "degree_triplicate", "examinations", True, False),
    ("document_correction_fee", "other_fee_challan", "Correction in Transcript/Certificate/Degree Fee", "document_correction", "examinations", False, False),
    ("document_verification_fee", "other_fee_challan", "Verification of Transcript/Certificate/Diploma/Degree Fee", "document_verification", "examinations", False, False),
    ("course_change_fee", "other_fee_challan", "Course Change Fee", "course_change", "admissions", False, False),
    ("exam_centre_change", "other_fee_challan", "Change of Examination Center", "exam_centre_change", "examinations", False, False),
    ("answer_script_rechecking", "other_fee_challan", "Re-checking of Answer Scripts", "answer_script_rechecking", "examinations", False, False),
    ("name_correction", "personal_info_correction", "Name Correction", None, "admissions", False, False),
    ("father_name_correction", "personal_info_correction", "Father's Name Correction", None, "admissions", False, False),
    ("cnic_correction", "personal_info_correction", "CNIC Correction", None, "admissions", False, False),
    ("date_of_birth_correction", "personal_info_correction", "Date of Birth Correction", None, "admissions", False, False),
    ("address_change", "personal_info_correction", "Postal Address Change", None, "admissions", False, False),
    ("mobile_number_change", "personal_info_correction", "Mobile Number Change", None, "admissions", False, False),
    ("email_change", "personal_info_correction", "Email Address Change", None, "admissions", False, False),
    ("general_query", "general_query", "General Query", None, "student_services", False, False),
    ("login_problem", "helpdesk_complaint", "Login Problem", None, "student_services", False, False),
    ("result_not_shown", "helpdesk_complaint", "Result Not Shown or Incomplete", None, "examinations", False, False),
    ("roll_number_slip_problem", "helpdesk_complaint", "Roll Number Slip Problem", None, "examinations", False, False),
    ("books_not_received", "helpdesk_complaint", "Books Not Received", None, "dispatch", False, False),
    ("tutor_not_allocated", "helpdesk_complaint", "Tutor Not Allocated", None, "regional", False, False),
]


def upgrade() -> None:
    categories = sa.table("categories", sa.column("code"), sa.column("title"), sa.column("position"))
    subtypes = sa.table("subtypes", sa.column("code"), sa.column("category_code"), sa.column("title"),
                        sa.column("fee_code"), sa.column("department"), sa.column("opens_degree_application"),
                        sa.column("urgent"), sa.column("position"))
    op.bulk_insert(categories, [{"code": c, "title": t, "position": i} for i, (c, t) in enumerate(CATEGORIES)])
    op.bulk_insert(subtypes, [
        {"code": code, "category_code": cat, "title": title, "fee_code": fee, "department": dept,
         "opens_degree_application": opens, "urgent": urgent, "position": i}
        for i, (code, cat, title, fee, dept, opens, urgent) in enumerate(SUBTYPES)])


def downgrade() -> None:
    op.execute("DELETE FROM subtypes")
    op.execute("DELETE FROM categories")
