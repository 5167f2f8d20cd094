"""Demo data: who the demo students are (where their messages go, which announcements reach
them), each department's head for the daily digest, and two announcements: one to every
student, one to the Islamabad centre's students, with deadlines ahead of today."""
import datetime as dt

import sqlalchemy as sa

from campus import auth, clock
from services import demo
from services.notifications import service
from services.notifications.models import department_heads

#: (student, centre, the latest semester she is in): as enrollment's seed admits them.
STUDENTS = ((demo.STUDENT, "ISB", "Spring 2026"), (demo.CLASSMATE, demo.CLASSMATE["centre"], "Spring 2026"),
            *((r, r["centre"], r["admission_semester"]) for r in demo.REGISTRANTS))
STUDENT_SERVICES = auth.Caller(kind=auth.STAFF, subject="student.services", department="student_services")
ISLAMABAD = auth.Caller(kind=auth.STAFF, subject="regional.islamabad", department="regional", centre="ISB")


def seed(runtime) -> None:
    with runtime.db.unit_of_work() as uow:
        for student, centre, semester in STUDENTS:
            service.remember_student(uow.session, student["registration_number"], full_name=student["full_name"],
                                     email=student["email"], mobile=student["mobile"],
                                     program_code=student["program_code"], regional_centre=centre, semester=semester)
        for department in sorted({s["department"] for s in demo.STAFF}):
            if not uow.session.scalar(sa.select(department_heads.c.department)
                                      .where(department_heads.c.department == department)):
                uow.session.execute(sa.insert(department_heads).values(
                    department=department, name=f"Head of {department.replace('_', ' ')}",
                    email=f"head.{department.replace('_', '-')}@cms.edu.pk"))
        uow.commit()
    today = clock.karachi_today()
    _announce(runtime, STUDENT_SERVICES, "demo-admissions-open", "all", "",
              "Admissions open for Spring 2027",
              "Admissions for Spring 2027 are open. Existing students register their courses from the portal's "
              "Registration page and pay the challan by the deadline.",
              "بہار 2027 کے داخلے شروع",
              "بہار 2027 کے داخلے شروع ہو گئے ہیں۔ موجودہ طلبہ پورٹل کے رجسٹریشن صفحے سے کورسز رجسٹر کریں اور آخری "
              "تاریخ تک چالان جمع کرائیں۔", today + dt.timedelta(days=30))
    _announce(runtime, ISLAMABAD, "demo-isb-workshop", "region", "ISB",
              "B.Ed workshops at the Islamabad centre",
              "Workshops of B.Ed courses 8604-8606 are held at the regional campus, H-8, on Saturdays. "
              "Attendance is compulsory.",
              "اسلام آباد مرکز میں بی ایڈ ورکشاپس",
              "بی ایڈ کورسز 8604 تا 8606 کی ورکشاپس ہفتے کے روز علاقائی کیمپس ایچ-8 میں ہوں گی۔ حاضری لازمی ہے۔",
              today + dt.timedelta(days=14))


def _announce(runtime, caller, key, audience, value, title_en, body_en, title_ur, body_ur, deadline) -> None:
    draft = service.AnnouncementDraft(audience, value, title_en, body_en, title_ur, body_ur, deadline)
    service.publish(runtime.db, caller, draft, key)
