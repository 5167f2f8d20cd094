"""The fee challan a student prints and pays at a bank branch: one A4 page, three copies.

A challan must be downloaded and printed to be paid to ABL or another bank (the seeds say
so): the bank keeps one copy, the university one, the student one. The page is cut along
its dashed lines, so each copy carries everything on its own: the consumer number, large
and as a Code 128 barcode the teller can scan instead of typing eighteen digits; who pays
and for what; the amount within and after the due date; the banks that take it; and the
QR code that tells a genuine challan from an edited one. A paid or cancelled challan still
prints, but says so on every copy and is watermarked, so nobody pays it twice.
"""
from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass

import segno

from campus.money import rupees
from campus.printing import FONT, UNIVERSITY, Document, latin1
from services.finance.domain import BLOCKED_STATUS, PAID

COPIES = ("Bank Copy", "University Copy", "Student Copy")
STAMPED = ("Bank Copy", "University Copy")
DO_NOT_PAY = "Do not pay: this challan is cancelled or superseded"
WATERMARKS = {PAID: "PAID", BLOCKED_STATUS: "CANCELLED"}
FOOTER = 14  # Document's footer line takes the page's last 12 mm
RIGHT = 60  # the right column: barcode, QR code, bank stamp
GAP = 5
LABEL = 38
LINE = 4.4
QR = 21
RED, GREEN = (170, 0, 0), (0, 110, 0)


@dataclass(frozen=True)
class ChallanSlip:
    consumer_number: str  # 18 digits
    registration_number: str
    payer_name: str
    description: str  # what it pays for, e.g. "Semester fee, Spring 2027"
    reference: str  # e.g. a request number SR-2026-000123 or "REG-..."
    amount_paisa: int
    amount_after_due_paisa: int
    due_date: datetime.date
    issued_on: datetime.date
    status: str  # "unpaid" | "paid" | "blocked"
    paid_on: datetime.date | None = None
    paid_at_bank: str = ""  # bank mnemonic that took the payment
    double_from: datetime.date | None = None  # where the fee has a double fee stage: from this day
    amount_double_paisa: int | None = None


def challan_pdf(slip: ChallanSlip, *, banks: Sequence[tuple[str, str]], verify_url: str) -> bytes:
    """`banks`: (mnemonic, name) of each bank that takes the fee, e.g. ("ABL", "Allied Bank Limited")."""
    pdf = Document("Fee Challan")
    pdf.set_auto_page_break(auto=False)  # three copies on one sheet, never a second page
    top = pdf.get_y()
    height = (pdf.h - FOOTER - top) / len(COPIES)
    for number, title in enumerate(COPIES):
        y = top + number * height
        if number:
            _cut_here(pdf, y)
        _copy(pdf, slip, title, banks, verify_url, y + 2, y + height - 2)
    if slip.status in WATERMARKS:
        pdf.watermark(WATERMARKS[slip.status])
    return pdf.finish()


def file_name(slip: ChallanSlip) -> str:
    return f"challan-{slip.consumer_number}.pdf"


def _copy(pdf: Document, slip: ChallanSlip, title: str, banks: Sequence[tuple[str, str]], verify_url: str,
          y: float, bottom: float):
    right = pdf.w - pdf.r_margin - RIGHT
    _header(pdf, title, y)
    _consumer_number(pdf, slip.consumer_number, y + 7, right)
    below = _facts(pdf, slip, y + 19)
    below = _status(pdf, slip, banks, below + 1)
    _banks(pdf, banks, below + 1, bottom)
    below = _verification(pdf, verify_url, right, y + 22)
    if title in STAMPED:
        _stamp_box(pdf, right, below + 2)


def _header(pdf: Document, title: str, y: float):
    pdf.set_xy(pdf.l_margin, y)
    pdf.set_font(FONT, "B", 11)
    pdf.cell(pdf.epw - RIGHT, 6, latin1(f"{UNIVERSITY} - Fee Challan"))
    pdf.set_font(FONT, "B", 10)
    pdf.cell(RIGHT, 6, latin1(title), border=1, align="C")


def _consumer_number(pdf: Document, number: str, y: float, right: float):
    """Large, for the teller who types it; barred, for the one who scans it."""
    pdf.set_xy(pdf.l_margin, y)
    pdf.set_font(FONT, "", 7)
    pdf.cell(LABEL, 3, "Consumer number")
    pdf.set_xy(pdf.l_margin, y + 3)
    pdf.set_font(FONT, "B", 16)
    pdf.cell(pdf.epw - RIGHT - GAP, 7, latin1(number))
    pdf.barcode(number, x=right, y=y, w=RIGHT, h=10)


def _facts(pdf: Document, slip: ChallanSlip, y: float) -> float:
    rows = (("Name", slip.payer_name, ""), ("Registration number", slip.registration_number, ""),
            ("Pays for", slip.description, ""), ("Reference", slip.reference, ""),
            ("Issued on", _date(slip.issued_on), ""), ("Due date", _date(slip.due_date), "B"),
            ("Payable within due date", rupees(slip.amount_paisa), "B"),
            ("Payable after due date", rupees(slip.amount_after_due_paisa), ""))
    if slip.double_from and slip.amount_double_paisa:  # the line fits: the copy has room for one more
        rows += ((f"Payable from {_date(slip.double_from)}", f"{rupees(slip.amount_double_paisa)} (double fee)", ""),)
    width = pdf.epw - RIGHT - GAP - LABEL
    for label, value, style in rows:
        pdf.set_xy(pdf.l_margin, y)
        pdf.set_font(FONT, "", 8.5)
        pdf.cell(LABEL, LINE, latin1(label))
        pdf.cell(width, LINE, _fit(pdf, value, width, style))
        y += LINE
    return y


def _status(pdf: Document, slip: ChallanSlip, banks: Sequence[tuple[str, str]], y: float) -> float:
    """A paid or cancelled challan says so where the teller looks, in colour."""
    if slip.status == PAID:
        text, colour = _paid(slip, banks), GREEN
    elif slip.status == BLOCKED_STATUS:
        text, colour = DO_NOT_PAY, RED
    else:
        return y
    pdf.set_xy(pdf.l_margin, y)
    with pdf.local_context(text_color=colour):
        pdf.cell(pdf.epw - RIGHT - GAP, 6, _fit(pdf, text, pdf.epw - RIGHT - GAP, "B", 11))
    return y + 6


def _paid(slip: ChallanSlip, banks: Sequence[tuple[str, str]]) -> str:
    text = "PAID" + (f" on {_date(slip.paid_on)}" if slip.paid_on else "")
    return text + (f" at {_bank(slip.paid_at_bank, banks)}" if slip.paid_at_bank else "")


def _banks(pdf: Document, banks: Sequence[tuple[str, str]], y: float, bottom: float):
    """Every bank, in smaller type when there are many: the copy ends at its cut line."""
    names = latin1(", ".join(f"{name} ({mnemonic})" for mnemonic, name in banks))
    width, size = pdf.epw - RIGHT - GAP, 7.5
    while size > 5 and y + 3.5 + _height(pdf, names, width, size) > bottom:
        size -= 0.5
    pdf.set_xy(pdf.l_margin, y)
    pdf.set_font(FONT, "B", 7.5)
    pdf.cell(width, 3.5, "Payable at any branch of:", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", size)
    pdf.multi_cell(width, size * 0.45, names, new_x="LMARGIN", new_y="NEXT")


def _height(pdf: Document, text: str, width: float, size: float) -> float:
    pdf.set_font(FONT, "", size)
    return len(pdf.multi_cell(width, size * 0.45, text, dry_run=True, output="LINES")) * size * 0.45


def _verification(pdf: Document, url: str, x: float, y: float) -> float:
    """Document.verification's QR code, small enough for three copies, with a short line
    beside it (the URL is for the record: nobody types it). Returns where it ends."""
    qr = io.BytesIO()
    segno.make(url, error="m").save(qr, kind="png", scale=4, border=2)
    qr.seek(0)
    pdf.image(qr, x=x, y=y, w=QR, h=QR)
    pdf.set_xy(x + QR + 1, y + 1)
    pdf.set_font(FONT, "B", 7)
    pdf.cell(RIGHT - QR - 1, 3.5, "Scan to verify", new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "", 4.5)
    pdf.multi_cell(RIGHT - QR - 1, 1.9, latin1(url), new_x="LEFT", new_y="NEXT")
    return max(pdf.get_y(), y + QR)


def _stamp_box(pdf: Document, x: float, y: float):
    pdf.rect(x, y, RIGHT, 18)
    pdf.set_xy(x, y + 14)
    pdf.set_font(FONT, "", 6.5)
    pdf.cell(RIGHT, 3.5, "Bank stamp and signature", align="C")


def _cut_here(pdf: Document, y: float):
    pdf.set_dash_pattern(dash=1.5, gap=1.2)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.set_dash_pattern()
    pdf.set_font(FONT, "I", 6)
    width = pdf.get_string_width("cut here") + 4
    pdf.set_xy((pdf.w - width) / 2, y - 1.5)
    with pdf.local_context(fill_color=(255, 255, 255)):
        pdf.cell(width, 3, "cut here", align="C", fill=True)


def _fit(pdf: Document, text: str, width: float, style: str, size: float = 8.5) -> str:
    """Sets the font (down to 6 pt) so `text` stays on its line; past that it is cut short."""
    text = latin1(text)
    pdf.set_font(FONT, style, size)
    while size > 6 and pdf.get_string_width(text) > width:
        size -= 0.5
        pdf.set_font(FONT, style, size)
    while len(text) > 3 and pdf.get_string_width(text) > width:
        text = text[:-4] + "..."
    return text


def _bank(mnemonic: str, banks: Sequence[tuple[str, str]]) -> str:
    names = dict(banks)
    return f"{names[mnemonic]} ({mnemonic})" if mnemonic in names else mnemonic


def _date(day: datetime.date) -> str:
    return f"{day.day} {day:%b %Y}"
