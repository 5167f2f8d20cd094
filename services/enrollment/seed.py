"""Demo data: the demo student's record, two semesters of B.Ed courses and her tutors; a
classmate at the Lahore centre (a record only); and the two registrants at Faisalabad, whose
Autumn 2025 is complete and for whom Spring 2027's registration is open (its admission and
registration windows moved to include today, as admissions would announce them early)."""
import datetime as dt

from campus import clock
from services import demo
from services.enrollment import service

OPEN_SEMESTER = "Spring 2027"

ADMISSION = "Autumn 2025"
COURSES = {"Autumn 2025": ["8601", "8602", "8603"], "Spring 2026": ["8604", "8605", "8606"]}
SPRING_TUTORS = {
    "8604": ("Dr. Tahira Bibi", "Govt. Girls Higher Secondary School, F-7/2, Islamabad", "03335551201",
             "tahira.bibi@example.pk"),
    "8605": ("Mr. Zafar Iqbal", "Islamabad Model College for Boys, G-10/4, Islamabad", "03215550342",
             "zafar.iqbal@example.pk"),
    "8606": ("Ms. Nighat Parveen", "Govt. College of Education for Women, H-9, Islamabad", "03005550913",
             "nighat.parveen@example.pk"),
}


def seed(runtime) -> None:
    student = demo.STUDENT
    regno = student["registration_number"]
    service.admit_student(
        runtime.db, registration_number=regno, program_code=student["program_code"], centre_code="ISB",
        admission_semester=ADMISSION, date_of_birth=dt.date(1999, 4, 12), full_name=student["full_name"],
        father_name=student["father_name"], gender="female", cnic="37405-6543210-4", email=student["email"],
        mobile=student["mobile"], postal_address="House 14, Street 9, G-9/2, Islamabad")
    for semester, codes in COURSES.items():
        service.register_courses(runtime.db, regno, semester, codes)
    for code, (name, address, phone, email) in SPRING_TUTORS.items():
        service.allocate_tutor(runtime.db, regno, "Spring 2026", code, name=name, postal_address=address, phone=phone,
                               email=email)
    other = demo.CLASSMATE
    service.admit_student(
        runtime.db, registration_number=other["registration_number"], program_code=other["program_code"],
        centre_code=other["centre"], admission_semester="Spring 2026", date_of_birth=dt.date(2001, 9, 3),
        full_name=other["full_name"], father_name=other["father_name"], gender="male", cnic=other["cnic"],
        email=other["email"], mobile=other["mobile"], postal_address=other["postal_address"])
    for registrant in demo.REGISTRANTS:
        _admit_registrant(runtime, registrant)
    today = clock.karachi_today()
    early = (today - dt.timedelta(days=3), max(dt.date(2027, 3, 31), today + dt.timedelta(days=60)))
    service.set_windows(runtime.db, OPEN_SEMESTER, admission=early, registration=early)


def _admit_registrant(runtime, registrant: dict) -> None:
    """Her record and her first semester's courses (their results are the exams seed's)."""
    regno = registrant["registration_number"]
    service.admit_student(
        runtime.db, registration_number=regno, program_code=registrant["program_code"],
        centre_code=registrant["centre"], admission_semester=registrant["admission_semester"],
        date_of_birth=dt.date.fromisoformat(registrant["date_of_birth"]), full_name=registrant["full_name"],
        father_name=registrant["father_name"], gender="female", cnic=registrant["cnic"], email=registrant["email"],
        mobile=registrant["mobile"], postal_address=registrant["postal_address"])
    service.register_courses(runtime.db, regno, registrant["admission_semester"],
                             [code for code, *_rest in registrant["results"]])
