"""Whether an uploaded attachment is acceptable, decided from its content, never its name.

Only PDF, JPEG and PNG are accepted. Everything refused raises InvalidArgument with a sentence
the person who uploaded it can act on; no input bytes make this raise anything else, because
a crash here is a 500 for the person and a way for an attacker to probe the parsers.

Layers, cheapest first: name, size, magic bytes at offset 0, web markup anywhere (polyglots),
then the format's own parser (pypdf, Pillow) for structure, active content and image size.
"""
from __future__ import annotations

import hashlib
import io
import re
import struct
import unicodedata
import warnings
from dataclasses import dataclass

from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from campus.errors import InvalidArgument
from campus.identifiers import INVISIBLE

ALLOWED = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}

# Offset 0 only: a format recognised further in is exactly how polyglots are made.
MAGIC = ((b"%PDF-", "application/pdf"), (b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"))

# Extensions a person may already have given each type, kept as written (photo.JPEG stays).
ALIASES = {"application/pdf": {".pdf"}, "image/jpeg": {".jpg", ".jpeg", ".jpe", ".jfif"}, "image/png": {".png"}}
KNOWN_EXTENSIONS = set().union(*ALIASES.values())

MAX_NAME = 120
# Control characters (NUL, CR/LF split headers), lone surrogates (cannot be stored or sent as UTF-8)
# and line/paragraph separators; INVISIBLE adds the bidi overrides that make "gpj.exe" read "exe.jpg".
UNSAFE_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}
# Characters Windows cannot save in a name: the name is offered on download, so it must be savable.
RESERVED = set('<>:"|?*')

# HTML a browser would run if it ever sniffed the file as a page. A tag counts only when followed
# by what ends a tag name in HTML (whitespace, / or >): that is all a browser honours, and it keeps
# random compressed bytes (a photo, a scan) from matching short tags like "<svg" by chance.
MARKUP = re.compile(rb"<(?:html|script|body|iframe|svg|object|embed|!doctype)[\t\n\x0c\r />]|javascript:", re.I)

# PDF names that run code, launch programs, carry other files or interactive (XFA) forms.
ACTIVE_PDF_NAMES = {"/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/XFA"}


def _name_pattern(names: set[str]) -> re.Pattern:
    """Matches these PDF names as whole tokens (the next byte ends a name: PDF 32000 7.3.5), each
    character written plainly or as a #xx escape (/J#61vaScript is /JavaScript): one regex, so
    a file of a million short names costs no Python loop."""
    def char(ch: str) -> str:
        hex_digits = "".join(f"[{d}{d.upper()}]" if d.isalpha() else d for d in f"{ord(ch):02x}")
        return f"(?:{re.escape(ch)}|#{hex_digits})"
    spelled = ["".join(char(ch) for ch in name[1:]) for name in sorted(names)]
    return re.compile(f"/(?:{'|'.join(spelled)})(?=[\\x00\\t\\n\\x0c\\r ()<>\\[\\]{{}}/%]|\\Z)".encode())


ACTIVE_PDF_NAME = _name_pattern(ACTIVE_PDF_NAMES)
# Walking every object costs time per object; a real document of a few MB has far fewer.
MAX_PDF_OBJECTS = 200_000

IMAGE_FORMATS = {"image/jpeg": ("JPEG", {"JPEG", "MPO"}), "image/png": ("PNG", {"PNG"})}


@dataclass(frozen=True)
class Upload:
    filename: str        # the name to show and to offer on download: safe, its extension matching the content
    content_type: str    # one of ALLOWED
    size: int
    sha256: str          # hex


def inspect(content: bytes, filename: str, *, max_bytes: int, max_pixels: int = 40_000_000,
            field: str = "file") -> Upload:
    """The accepted upload, or InvalidArgument(field=field) saying why it is refused."""
    def refuse(message: str):
        return InvalidArgument(message, field=field)

    base = _checked_name(filename, refuse)
    if not content:
        raise refuse("the file is empty")
    if len(content) > max_bytes:
        raise refuse(f"the file is larger than {_megabytes(max_bytes)}")
    content_type = _sniff(content, refuse)
    if MARKUP.search(content):
        raise refuse("the file contains web page or script code, which an attachment may not contain")
    if content_type == "application/pdf":
        _check_pdf(content, refuse)
    else:
        _check_image(content, content_type, max_pixels, refuse)
    return Upload(filename=_with_extension(base, content_type), content_type=content_type,
                  size=len(content), sha256=hashlib.sha256(content).hexdigest())


def _megabytes(limit: int) -> str:
    mb = limit / (1024 * 1024)
    return f"{mb:.1f}".removesuffix(".0") + " MB" if mb >= 0.1 else f"{limit} bytes"


def _checked_name(filename: str, refuse) -> str:
    """The person's name, trimmed; refused rather than cleaned, so nobody is surprised by what
    we store, and a name that tries to climb folders is seen as what it is."""
    name = unicodedata.normalize("NFC", filename or "").strip()
    if "/" in name or "\\" in name or name in {".", ".."}:
        raise refuse("the file name may not contain folders")
    if any(unicodedata.category(ch) in UNSAFE_CATEGORIES for ch in name) or INVISIBLE.search(name):
        raise refuse("the file name may not contain control or invisible characters")
    if name.startswith("."):
        raise refuse("the file name may not start with a dot")
    if len(name) > MAX_NAME:
        raise refuse(f"the file name is longer than {MAX_NAME} characters")
    if RESERVED & set(name):
        raise refuse('the file name may not contain any of < > : " | ? *')
    return name


def _with_extension(name: str, content_type: str) -> str:
    """The extension follows the content: a known extension of the wrong type is replaced
    (photo.png holding a JPEG becomes photo.jpg); any other ending is kept and the right one
    added (Ali.Khan stays readable as Ali.Khan.pdf); an empty name becomes attachment.<ext>."""
    stem, dot, ext = (name or "attachment").rpartition(".")
    ext = f".{ext}".lower()
    if dot and stem and ext in ALIASES[content_type]:
        return name or "attachment"
    if dot and stem and ext in KNOWN_EXTENSIONS:
        return stem + ALLOWED[content_type]
    return (name or "attachment") + ALLOWED[content_type]


def _sniff(content: bytes, refuse) -> str:
    for magic, content_type in MAGIC:
        if content.startswith(magic):
            return content_type
    raise refuse("only PDF, JPEG or PNG files can be attached")


def _check_pdf(content: bytes, refuse) -> None:
    # The raw scan also sees objects the cross-reference table leaves out, which a viewer that
    # repairs files may still use; stream bodies are skipped (compressed bytes match "/JS" by chance).
    if _active_names(_outside_streams(content)):
        raise _active_content(refuse)
    # pypdf is third-party code fed hostile bytes: besides PdfReadError it raises ValueError,
    # KeyError, RecursionError and more on broken files, and any of them only means "unreadable".
    try:
        reader = PdfReader(io.BytesIO(content))
        encrypted = reader.is_encrypted
        pages = 0 if encrypted else len(reader.pages)
        active = not encrypted and _active_objects(reader, refuse)
    except InvalidArgument:
        raise
    except Exception:
        raise refuse("the PDF could not be read; it may be damaged") from None
    if encrypted:
        raise refuse("the PDF is password-protected; please attach a copy without a password")
    if not pages:
        raise refuse("the PDF has no pages")
    if active:
        raise _active_content(refuse)


def _active_content(refuse):
    return refuse("the PDF contains scripts, attached files or interactive forms, which are not allowed; "
                  "please print it to a new PDF and attach that")


def _active_names(raw: bytes) -> bool:
    return ACTIVE_PDF_NAME.search(raw) is not None


def _outside_streams(raw: bytes) -> bytes:
    """The bytes between stream bodies, found with str.find (linear: a regex from each "stream"
    to the next "endstream" is quadratic on a file of nothing but "stream")."""
    parts, position = [], 0
    while (start := raw.find(b"stream", position)) != -1:
        end = raw.find(b"endstream", start + 6)
        if end == -1:
            break  # an unterminated body is scanned: better a refusal than a blind spot
        parts.append(raw[position:start])
        position = end + 9
    parts.append(raw[position:])
    return b" ".join(parts)


def _active_objects(reader: PdfReader, refuse) -> bool:
    """Whether any object pypdf can reach names active content: this sees inside compressed
    object streams, where a raw byte scan is blind, with names already unescaped."""
    numbers = [(n, gen) for gen, entries in reader.xref.items() for n in entries]
    numbers += [(n, 0) for n in reader.xref_objStm]
    if len(numbers) > MAX_PDF_OBJECTS:
        raise refuse("the PDF has too many parts to check; please print it to a new PDF and attach that")
    return any(_names_active(reader.get_object(IndirectObject(n, gen, reader))) for n, gen in numbers)


def _names_active(obj) -> bool:
    # Iterative, without resolving references: every indirect object is visited on its own.
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, NameObject) and item in ACTIVE_PDF_NAMES:
            return True
        if isinstance(item, DictionaryObject):
            stack.extend(dict.keys(item))
            stack.extend(dict.values(item))
        elif isinstance(item, ArrayObject):
            stack.extend(list.__iter__(item))
    return False


def _check_image(content: bytes, content_type: str, max_pixels: int, refuse) -> None:
    plugin, formats = IMAGE_FORMATS[content_type]
    unreadable = refuse("the image could not be read; it may be damaged")
    # Pillow's own bomb guard warns, then errors, past its global limit: turned into errors here,
    # locally, so a bomb is refused whatever the process's warning filters are.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(content), formats=[plugin])
            size = image.size
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(refuse, min(max_pixels, Image.MAX_IMAGE_PIXELS or max_pixels)) from None
        except Exception:  # Pillow raises OSError, SyntaxError, ValueError, struct.error... on bad bytes
            raise unreadable from None
    if image.format not in formats:
        raise unreadable
    # Before decoding: a few KB can declare an image that takes gigabytes to hold.
    if size[0] * size[1] > max_pixels:
        raise _too_many_pixels(refuse, max_pixels)
    if content_type == "image/png" and _png_end(content) != len(content):
        raise refuse("the image has data hidden after its end, or is incomplete")
    try:
        _decode_check(image, content_type)
    except Exception:  # as above: anything Pillow raises here means the image is damaged
        raise unreadable from None


def _too_many_pixels(refuse, max_pixels: int):
    return refuse(f"the image is too large: at most {max_pixels / 1e6:g} million pixels are allowed")


def _decode_check(image: Image.Image, content_type: str) -> None:
    if content_type == "image/png":
        image.verify()  # every chunk's CRC, through IEND
        return
    # Pillow's verify() checks nothing for JPEG; decoding at 1/8 scale reads every byte of the
    # compressed data (so a truncated or corrupt file fails) for 1/64 of the memory.
    image.draft(None, (1, 1))
    image.load()


def _png_end(content: bytes) -> int | None:
    """Where the IEND chunk ends (None without one): bytes after it are how a PNG is made into
    a ZIP or a script as well (a polyglot), and no image needs them."""
    position = 8
    while position + 12 <= len(content):
        length, kind = struct.unpack(">I4s", content[position:position + 8])
        position += 12 + length
        if kind == b"IEND":
            return position
    return None
