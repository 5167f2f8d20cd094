"""The printed fee challan: one A4 page, three copies, each with what the bank and the
student need; a paid or cancelled challan says so."""
import dataclasses
import datetime as dt
import io

import pypdf
import pytest

from services.finance import challan_pdf
from services.finance.challan_pdf import ChallanSlip

NUMBER = "100710000000000017"
BANKS = (("ABL", "Allied Bank Limited"), ("HBL", "Habib Bank Limited"))
URL = "https://cms.example.edu.pk/verify/eyJhbGciOiJFZERTQSJ9.eyJqdGkiOiJDSEwtMDAwMDAxIn0.c2lnbmF0dXJl"
SLIP = ChallanSlip(consumer_number=NUMBER, registration_number="22P-123456", payer_name="Ayesha Siddiqui",
                   description="Semester fee, Spring 2027", reference="SR-2026-000123", amount_paisa=240000,
                   amount_after_due_paisa=264050, due_date=dt.date(2026, 12, 16), issued_on=dt.date(2026, 12, 2),
                   status="unpaid")


def pdf(slip: ChallanSlip = SLIP, banks=BANKS) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(challan_pdf.challan_pdf(slip, banks=banks, verify_url=URL)))


def text(slip: ChallanSlip = SLIP, banks=BANKS) -> str:
    return "\n".join(page.extract_text() for page in pdf(slip, banks).pages)


def test_one_a4_page_with_the_three_copies():
    reader = pdf()
    assert len(reader.pages) == 1
    assert (round(reader.pages[0].mediabox.width), round(reader.pages[0].mediabox.height)) == (595, 842)
    printed = text()
    for title in ("Bank Copy", "University Copy", "Student Copy"):
        assert printed.count(title) == 1, title
    assert printed.count("cut here") == 2


def test_every_copy_has_what_the_bank_and_the_student_need():
    printed = text()
    assert printed.count(NUMBER) >= 3
    assert printed.count("Open University - Fee Challan") == 3
    for fact in ("Ayesha Siddiqui", "22P-123456", "Semester fee, Spring 2027", "SR-2026-000123",
                 "Rs 2,400", "Rs 2,640.50", "16 Dec 2026", "2 Dec 2026", "Payable at any branch of:",
                 "Allied Bank Limited (ABL), Habib Bank Limited (HBL)", "Scan to verify"):
        assert printed.count(fact) == 3, fact
    assert "".join(printed.split()).count(URL) == 3
    assert printed.count("Bank stamp and signature") == 2
    assert "PAID" not in printed and "CANCELLED" not in printed and challan_pdf.DO_NOT_PAY not in printed


def test_a_paid_challan_says_when_and_where():
    paid = dataclasses.replace(SLIP, status="paid", paid_on=dt.date(2026, 12, 10), paid_at_bank="HBL")
    printed = text(paid)
    assert printed.count("PAID on 10 Dec 2026 at Habib Bank Limited (HBL)") == 3
    assert printed.count("PAID") == 4  # and the watermark
    assert len(pdf(paid).pages) == 1


def test_a_payment_at_a_bank_not_listed_names_its_mnemonic():
    paid = dataclasses.replace(SLIP, status="paid", paid_on=dt.date(2026, 12, 10), paid_at_bank="MCB")
    assert text(paid).count("PAID on 10 Dec 2026 at MCB") == 3


def test_a_blocked_challan_says_do_not_pay():
    blocked = dataclasses.replace(SLIP, status="blocked")
    printed = text(blocked)
    assert printed.count("Do not pay: this challan is cancelled or superseded") == 3
    assert printed.count("CANCELLED") == 1  # the watermark


def test_a_name_the_built_in_fonts_cannot_print_does_not_raise():
    printed = text(dataclasses.replace(SLIP, payer_name="عائشہ صدیقی", description="فیس Semester fee"))
    assert printed.count("Name ????? ?????") == 3 and printed.count("? Semester fee") == 3


@pytest.mark.parametrize("changes", [
    {"payer_name": "Muhammad " * 20, "description": "Semester fee and every charge of the semester " * 5},
    {"reference": "REG-" + "9" * 120},
])
def test_long_facts_keep_the_challan_on_one_page(changes):
    many_banks = BANKS + tuple((f"B{n:02d}", f"Bank Number {n} Limited") for n in range(12))
    assert len(pdf(dataclasses.replace(SLIP, **changes), banks=many_banks).pages) == 1


def test_file_name():
    assert challan_pdf.file_name(SLIP) == f"challan-{NUMBER}.pdf"
