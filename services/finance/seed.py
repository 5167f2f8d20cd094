"""Demo data: the demo student's paid first-semester fee."""

from campus import clock
from services import demo
from services.finance import domain, service

SEMESTER_FEE_REFERENCE = f"ADM-AUTUMN-2025-{demo.STUDENT['registration_number']}"


def seed(runtime) -> None:
    student = demo.STUDENT
    challan = service.issue_challan(
        runtime.db, runtime.config, registration_number=student["registration_number"], fee_code="semester_fee",
        level=student["level"], reference=SEMESTER_FEE_REFERENCE, description="Semester fee, Autumn 2025",
        payer_name=student["full_name"])
    if challan.status == domain.UNPAID:
        service.bill_payment(runtime.db, runtime.config, domain.PaymentAttempt(
            bank_mnemonic="ABL", tran_auth_id="DEMO01", consumer_number=challan.consumer_number,
            amount_paisa=challan.amount_paisa, tran_date=clock.karachi_today()), "101500")
