"""Document.barcode: the bars drawn are python-barcode's Code 128 pattern, module for module,
and the value is printed beneath them, centred (a teller types it when the scanner fails)."""
import io

import barcode
import pypdf
import pytest

from campus.printing import FONT, Document

MM = 72 / 25.4  # PDF points in a millimetre
X, Y, W, H = 20, 40, 60, 10


def drawn_bars(monkeypatch, value: str) -> tuple[Document, list[tuple]]:
    drawn = []
    original = Document.rect

    def spy(self, x, y, w, h, style=None, *args, **kwargs):
        drawn.append((x, y, w, h, style))
        return original(self, x, y, w, h, style, *args, **kwargs)

    monkeypatch.setattr(Document, "rect", spy)
    pdf = Document("Barcode")
    pdf.barcode(value, x=X, y=Y, w=W, h=H)
    return pdf, drawn


def modules_of(bars: list[tuple], count: int) -> str:
    """The module string the rectangles stand for, rebuilt from their positions and widths."""
    width = W / count
    modules = ["0"] * count
    for x, _y, w, _h, _style in bars:
        first = round((x - X) / width)
        for module in range(first, first + round(w / width)):
            modules[module] = "1"
    return "".join(modules)


@pytest.mark.parametrize("value", ["100710000000000017", "22P-123456", "REG-2026-7"])
def test_the_bars_are_the_code_128_pattern(monkeypatch, value):
    expected = barcode.Code128(value).build()[0]
    _pdf, bars = drawn_bars(monkeypatch, value)
    assert modules_of(bars, len(expected)) == expected
    assert len(bars) == expected.count("01") + 1  # one rectangle per bar, however wide
    assert all(style == "F" and (y, h) == (Y, H) for _x, y, _w, h, style in bars)
    assert max(x + w for x, _y, w, _h, _s in bars) == pytest.approx(X + W)


def test_the_value_is_printed_beneath_the_bars_centred(monkeypatch):
    value = "100710000000000017"
    pdf, _bars = drawn_bars(monkeypatch, value)
    pdf.set_font(FONT, "", 7)
    text_width = pdf.get_string_width(value)
    page = pypdf.PdfReader(io.BytesIO(pdf.finish())).pages[0]
    found = []
    page.extract_text(visitor_text=lambda text, cm, tm, *_: found.append(tm[4:6]) if text.strip() == value else None)
    assert len(found) == 1
    left, baseline = found[0][0] / MM, (page.mediabox.height - found[0][1]) / MM  # mm from the top left
    assert Y + H < baseline < Y + H + 5
    assert left == pytest.approx(X + (W - text_width) / 2, abs=0.5)


def test_a_value_code_128_cannot_carry_is_refused():
    with pytest.raises(barcode.errors.IllegalCharacterError):
        Document("Barcode").barcode("عائشہ", x=X, y=Y, w=W, h=H)
