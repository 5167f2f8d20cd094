"""What every document the system prints has: the university's heading, the verification QR
code of campus.documents with its URL spelt out beneath, and (for unofficial copies) a
watermark. fpdf2 draws the page; segno draws the QR code (PNG, no Pillow needed for it) and
python-barcode computes the bars of a Code 128 barcode (fpdf2 draws them).

The built-in PDF fonts are used (nothing to install, small files); they cover Latin-1, so
text is passed through `latin1()` first: a character they cannot print becomes '?', never
an exception in the middle of a student's download.
"""
from __future__ import annotations

import io
import re
from collections.abc import Sequence

import barcode as python_barcode
import segno
from fpdf import FPDF

UNIVERSITY = "Open University"
FONT = "Helvetica"


def latin1(text: object) -> str:
    return str(text).encode("latin-1", "replace").decode("latin-1")


class Document(FPDF):
    """An A4 page with the heading; `finish()` gives the PDF's bytes."""

    def __init__(self, title: str, *, subtitle: str = ""):
        super().__init__(format="A4", unit="mm")
        self.set_auto_page_break(auto=True, margin=18)
        self.set_title(latin1(f"{title} - {UNIVERSITY}"))
        self.set_author(UNIVERSITY)
        self.set_creator("campus management system")
        self.document_title = title
        self.add_page()
        self.set_font(FONT, "B", 16)
        self.cell(0, 9, latin1(UNIVERSITY), align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "B", 13)
        self.cell(0, 8, latin1(title), align="C", new_x="LMARGIN", new_y="NEXT")
        if subtitle:
            self.set_font(FONT, "", 10)
            self.cell(0, 6, latin1(subtitle), align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(3)

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, "I", 8)
        self.cell(0, 6, latin1(f"{self.document_title} - page {self.page_no()}"), align="C")

    def facts(self, rows: Sequence[tuple[str, str]], *, width: float | None = None, label_width: float = 45):
        """Label: value lines, such as name, registration number, roll number."""
        width = width or (self.epw - label_width)
        for label, value in rows:
            x = self.get_x()
            self.set_font(FONT, "B", 10)
            self.cell(label_width, 6.5, latin1(label))
            self.set_font(FONT, "", 10)
            self.multi_cell(width, 6.5, latin1(value), new_x="LMARGIN", new_y="NEXT")
            self.set_x(x)

    def heading(self, text: str):
        self.ln(2)
        self.set_font(FONT, "B", 11)
        self.cell(0, 7, latin1(text), new_x="LMARGIN", new_y="NEXT")

    def grid(self, header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[int]):
        self.set_font(FONT, "", 9)
        with self.table(col_widths=tuple(widths), text_align="LEFT", line_height=6) as table:
            head = table.row()
            for title in header:
                head.cell(latin1(title))
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(latin1(value))

    def paragraphs(self, lines: Sequence[str], *, size: int = 9):
        self.set_font(FONT, "", size)
        for number, line in enumerate(lines, 1):
            self.multi_cell(0, 5, latin1(f"{number}. {line}"), new_x="LMARGIN", new_y="NEXT")

    def photograph_box(self, x: float, y: float, w: float = 30, h: float = 38):
        """Where the candidate pastes her photograph, attested (the paper slip has one)."""
        self.rect(x, y, w, h)
        self.set_font(FONT, "", 7)
        self.set_xy(x, y + h / 2 - 4)
        self.multi_cell(w, 4, "Paste an attested\nphotograph here", align="C")

    def verification(self, url: str, *, x: float | None = None, y: float | None = None, size: float = 34):
        """The QR code of the document's verification URL, with the URL's start beneath."""
        qr = io.BytesIO()
        segno.make(url, error="m").save(qr, kind="png", scale=4, border=2)
        qr.seek(0)
        x = self.l_margin if x is None else x
        y = self.get_y() if y is None else y
        self.image(qr, x=x, y=y, w=size, h=size)
        self.set_xy(x + size + 3, y + 4)
        self.set_font(FONT, "B", 9)
        self.multi_cell(self.epw - size - 3, 5, "Check that this document is genuine: scan the code, or open",
                        new_x="LMARGIN", new_y="NEXT")
        self.set_x(x + size + 3)
        self.set_font(FONT, "", 7)
        self.multi_cell(self.epw - size - 3, 3.5, latin1(url), new_x="LMARGIN", new_y="NEXT")
        self.set_y(max(self.get_y(), y + size) + 2)

    def barcode(self, value: str, *, x: float, y: float, w: float, h: float):
        """The Code 128 bars of `value`, with the value printed beneath: a bank's scanner reads
        the number instead of a teller typing it. python-barcode computes the bars (no Pillow)."""
        modules = python_barcode.Code128(value).build()[0]
        width = w / len(modules)
        with self.local_context(fill_color=(0, 0, 0)):
            for bar in re.finditer("1+", modules):
                self.rect(x + bar.start() * width, y, len(bar.group()) * width, h, style="F")
        self.set_xy(x, y + h + 0.5)
        self.set_font(FONT, "", 7)
        self.cell(w, 3, latin1(value), align="C")

    def watermark(self, text: str):
        """Across every page, pale: an unofficial copy says so wherever it is cut."""
        for page in range(1, self.pages_count + 1):
            self.page = page
            with self.local_context(fill_opacity=0.12, text_color=(120, 120, 120)):
                self.set_font(FONT, "B", 60)
                with self.rotation(45, self.w / 2, self.h / 2):
                    width = self.get_string_width(text)
                    self.text(self.w / 2 - width / 2, self.h / 2, text)

    def finish(self) -> bytes:
        return bytes(self.output())
