"""The demo dataset `make up` seeds, shared by each service's seed so the services agree.

Demo data exists only where `make up` seeds it; no migration loads it."""

PASSWORD = "Demo@2026"
#: The TOTP secret of every demo staff member who must use MFA (treasury, examinations,
#: student services): demo data only, e.g. `python -c "import pyotp; print(pyotp.TOTP('JBSWY3DPEHPK3PXP').now())"`.
MFA_SECRET = "JBSWY3DPEHPK3PXP"

STUDENT = {
    "registration_number": "22P-123456",
    "full_name": "Ayesha Siddiqui",
    "father_name": "Muhammad Siddiq",
    "email": "ayesha.siddiqui@example.pk",
    "mobile": "03001234567",
    "program_code": "BED15",
    "level": "bed",
    "roll_number": "BO680724",
}
#: A second student, at another regional centre (Lahore), with a record and an account but
#: no results or fees: "another student" and "another centre's student" in the tests.
CLASSMATE = {
    "registration_number": "23L-204518",
    "full_name": "Bilal Ahmed",
    "father_name": "Ahmed Raza",
    "email": "bilal.ahmed@example.pk",
    "mobile": "03211234567",
    "program_code": "BED15",
    "centre": "LHR",
    "cnic": "35202-1234567-1",
    "postal_address": "House 3, Street 12, Johar Town, Lahore",
}
#: A student with a registration to make: her last semester (Autumn 2025) is published with
#: one failed course (8602), and the demo seed opens Spring 2027's registration window.
REGISTRANT = {
    "registration_number": "24F-100001",
    "full_name": "Zainab Akhtar",
    "father_name": "Akhtar Hussain",
    "email": "zainab.akhtar@example.pk",
    "mobile": "03451234567",
    "program_code": "BED15",
    "level": "bed",
    "centre": "FSD",
    "cnic": "33100-7654321-8",
    "postal_address": "House 21, Street 4, Peoples Colony No. 1, Faisalabad",
    "admission_semester": "Autumn 2025",
    "date_of_birth": "2002-01-17",
    #: (course code, title, credit hours, assignment marks, final exam marks): 8602 failed
    "results": [("8601", "General Methods of Teaching", 3, 70, 66),
                ("8602", "Educational Assessment and Evaluation", 3, 55, 38),
                ("8603", "Curriculum Development", 3, 81, 74)],
}
#: A second registrant in the same position (Faisalabad, Autumn 2025 published, 8602 failed),
#: so that the portal's registration pages and the API's registration each have a student
#: of their own to register in one stack.
REGISTRANT_2 = {
    "registration_number": "24F-100002",
    "full_name": "Maryam Iqbal",
    "father_name": "Muhammad Iqbal",
    "email": "maryam.iqbal@example.pk",
    "mobile": "03461234567",
    "program_code": "BED15",
    "level": "bed",
    "centre": "FSD",
    "cnic": "33100-1234765-2",
    "postal_address": "House 7, Street 2, Madina Town, Faisalabad",
    "admission_semester": "Autumn 2025",
    "date_of_birth": "2001-06-09",
    "results": [("8601", "General Methods of Teaching", 3, 68, 61),
                ("8602", "Educational Assessment and Evaluation", 3, 62, 41),
                ("8603", "Curriculum Development", 3, 77, 70)],
}
REGISTRANTS = (REGISTRANT, REGISTRANT_2)

STAFF = [
    {"username": "admissions.officer", "full_name": "Naveed Akhtar", "department": "admissions"},
    {"username": "exams.officer", "full_name": "Samina Bashir", "department": "examinations"},
    {"username": "treasury.officer", "full_name": "Khalid Mehmood", "department": "treasury"},
    # Regional staff work for one regional centre and see only its students (the demo
    # student studies at Islamabad; Lahore's officer is "staff of another centre").
    {"username": "regional.islamabad", "full_name": "Farah Naz", "department": "regional", "centre": "ISB"},
    {"username": "regional.lahore", "full_name": "Usman Ghani", "department": "regional", "centre": "LHR"},
    {"username": "dispatch.officer", "full_name": "Imran Qureshi", "department": "dispatch"},
    {"username": "student.services", "full_name": "Rabia Anwar", "department": "student_services"},
]

BANKS = [{"mnemonic": "ABL", "name": "Allied Bank Limited"}, {"mnemonic": "HBL", "name": "Habib Bank Limited"}]
