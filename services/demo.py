"""The demo dataset `make up` seeds, shared by each service's seed so the services agree.

Demo data exists only where `make up` seeds it; no migration loads it."""

PASSWORD = "Demo@2026"

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

STAFF = [
    {"username": "admissions.officer", "full_name": "Naveed Akhtar", "department": "admissions"},
    {"username": "exams.officer", "full_name": "Samina Bashir", "department": "examinations"},
    {"username": "treasury.officer", "full_name": "Khalid Mehmood", "department": "treasury"},
    {"username": "regional.islamabad", "full_name": "Farah Naz", "department": "regional"},
    {"username": "dispatch.officer", "full_name": "Imran Qureshi", "department": "dispatch"},
    {"username": "student.services", "full_name": "Rabia Anwar", "department": "student_services"},
]

BANKS = [{"mnemonic": "ABL", "name": "Allied Bank Limited"}, {"mnemonic": "HBL", "name": "Habib Bank Limited"}]
