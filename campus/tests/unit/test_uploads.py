"""Attachments (campus.uploads): the type comes from the content, never the name; good PDFs, JPEGs
and PNGs pass with a safe name whose extension matches; every hostile file is refused with
InvalidArgument naming the field; and no bytes at all make it raise anything else."""
import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from campus import uploads
from campus.errors import InvalidArgument
from campus.tests import hostile_files

pytestmark = pytest.mark.unit

MB = 1024 * 1024
LIMIT = 5 * MB

GOOD = {"pdf": (hostile_files.good_pdf, "application/pdf"), "jpeg": (hostile_files.good_jpeg, "image/jpeg"),
        "png": (hostile_files.good_png, "image/png")}

# What each case must be refused for: a case refused for another reason would not test its layer.
REASONS = {
    "script_renamed_pdf": "only PDF, JPEG or PNG", "html_renamed_pdf": "only PDF, JPEG or PNG",
    "zip_renamed_png": "only PDF, JPEG or PNG", "gif_image": "only PDF, JPEG or PNG",
    "svg_with_script": "only PDF, JPEG or PNG",
    "html_pdf_polyglot": "web page or script code", "png_with_html_chunk": "web page or script code",
    "jpeg_with_script_comment": "web page or script code",
    "pdf_with_javascript": "contains scripts", "pdf_with_escaped_javascript_name": "contains scripts",
    "pdf_javascript_in_object_stream": "contains scripts", "pdf_with_launch": "contains scripts",
    "pdf_with_embedded_file": "contains scripts",
    "pdf_without_pages": "no pages", "encrypted_pdf": "password-protected", "truncated_pdf": "PDF could not be read",
    "png_decompression_bomb": "too large", "png_over_pixel_limit": "too large", "jpeg_decompression_bomb": "too large",
    "png_with_zip_appended": "hidden after its end", "truncated_png": "hidden after its end, or is incomplete",
    "truncated_jpeg": "image could not be read",
    "path_traversal_name": "folders", "windows_traversal_name": "folders",
    "nul_in_name": "control or invisible", "newline_in_name": "control or invisible",
    "bidi_override_name": "control or invisible", "dot_file_name": "start with a dot",
    "long_name": "longer than 120", "empty_file": "empty",
}


def _inspect(content: bytes, filename: str, **options) -> uploads.Upload:
    return uploads.inspect(content, filename, max_bytes=options.pop("max_bytes", LIMIT), **options)


@pytest.mark.parametrize("kind", GOOD)
def test_a_good_file_is_accepted_with_its_type_size_and_digest(kind):
    build, content_type = GOOD[kind]
    content = build()
    upload = _inspect(content, f"scan{uploads.ALLOWED[content_type]}")
    assert upload == uploads.Upload(filename=f"scan{uploads.ALLOWED[content_type]}", content_type=content_type,
                                    size=len(content), sha256=hashlib.sha256(content).hexdigest())


@pytest.mark.parametrize(("build", "name", "expected"), [
    (hostile_files.good_pdf, "scan", "scan.pdf"),
    (hostile_files.good_pdf, "  fee receipt.pdf  ", "fee receipt.pdf"),
    (hostile_files.good_pdf, "", "attachment.pdf"),
    (hostile_files.good_pdf, "   ", "attachment.pdf"),
    (hostile_files.good_pdf, "Ali.Khan", "Ali.Khan.pdf"),
    (hostile_files.good_pdf, "x.exe", "x.exe.pdf"),
    (hostile_files.good_pdf, "report.PDF", "report.PDF"),
    (hostile_files.good_jpeg, "photo.png", "photo.jpg"),
    (hostile_files.good_jpeg, "photo.jpeg", "photo.jpeg"),
    (hostile_files.good_jpeg, "photo.JPG", "photo.JPG"),
    (hostile_files.good_png, "photo.jpg", "photo.png"),
    (hostile_files.good_png, "a..b", "a..b.png"),
    (hostile_files.good_png, "عائشہ کا شناختی کارڈ.png", "عائشہ کا شناختی کارڈ.png"),
])
def test_the_name_keeps_the_persons_base_and_takes_its_extension_from_the_content(build, name, expected):
    assert _inspect(build(), name).filename == expected


def test_a_name_of_exactly_120_characters_is_allowed():
    assert _inspect(hostile_files.good_pdf(), "a" * 116 + ".pdf").filename == "a" * 116 + ".pdf"


@pytest.mark.parametrize("case", sorted(hostile_files.HOSTILE))
def test_every_hostile_file_is_refused_for_its_own_reason(case):
    filename, content = hostile_files.HOSTILE[case]
    with pytest.raises(InvalidArgument) as refused:
        _inspect(content, filename)
    assert refused.value.field == "file"
    assert REASONS[case] in refused.value.message


def test_every_hostile_case_has_a_reason_to_check():
    assert set(REASONS) == set(hostile_files.HOSTILE)


def test_the_field_named_is_the_one_given():
    filename, content = hostile_files.HOSTILE["gif_image"]
    with pytest.raises(InvalidArgument) as refused:
        _inspect(content, filename, field="evidence")
    assert refused.value.field == "evidence"


@pytest.mark.parametrize(("limit", "said"), [(5 * MB, "5 MB"), (2 * MB + MB // 2, "2.5 MB")])
def test_a_file_over_the_limit_is_refused_naming_the_limit(limit, said):
    filename, content = hostile_files.oversized(limit)
    assert len(content) == limit + 1 and content.startswith(b"%PDF-")
    with pytest.raises(InvalidArgument) as refused:
        _inspect(content, filename, max_bytes=limit)
    assert refused.value.field == "file"
    assert refused.value.message == f"the file is larger than {said}"


def test_a_file_of_exactly_the_limit_is_accepted():
    content = hostile_files.good_pdf()
    assert _inspect(content, "x.pdf", max_bytes=len(content)).size == len(content)


@pytest.mark.parametrize("name", ["a/b.pdf", "..", "C:\\x.pdf", "scan\x7f.pdf", "scan\x85.pdf", "scan\u2028.pdf",
                                  "scan\ud800.pdf", "a\u200bb.pdf", "what?.pdf", "a<b>.pdf", 'say "hi".pdf'])
def test_a_name_is_refused_not_cleaned(name):
    with pytest.raises(InvalidArgument) as refused:
        _inspect(hostile_files.good_pdf(), name)
    assert refused.value.field == "file"


def test_the_pixel_limit_is_the_callers():
    with pytest.raises(InvalidArgument, match="at most 0.0001 million pixels"):
        _inspect(hostile_files.good_png(), "x.png", max_pixels=100)
    assert _inspect(hostile_files.good_png(), "x.png", max_pixels=16 * 16).content_type == "image/png"


def test_the_pixel_limit_holds_with_pillows_own_guard_switched_off(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    for case in ("png_decompression_bomb", "jpeg_decompression_bomb"):
        filename, content = hostile_files.HOSTILE[case]
        with pytest.raises(InvalidArgument, match="too large"):
            _inspect(content, filename)


def test_inspecting_leaves_pillows_global_limit_alone():
    before = Image.MAX_IMAGE_PIXELS
    _inspect(hostile_files.good_png(), "x.png", max_pixels=10**12)
    assert Image.MAX_IMAGE_PIXELS == before


def test_the_hostile_files_are_deterministic():
    assert hostile_files.good_pdf.__wrapped__() == hostile_files.good_pdf()
    assert hostile_files.good_jpeg.__wrapped__() == hostile_files.good_jpeg()
    assert hostile_files.good_png.__wrapped__() == hostile_files.good_png()
    # the two pypdf would otherwise randomise (a script's UUID name, encryption's file identifier)
    assert hostile_files._rewritten(hostile_files._add_javascript) == hostile_files.HOSTILE["pdf_with_javascript"][1]
    assert hostile_files._rewritten(hostile_files._encrypt) == hostile_files.HOSTILE["encrypted_pdf"][1]


def _upload_or_refusal(content: bytes, filename: str) -> None:
    try:
        result = uploads.inspect(content, filename, max_bytes=64 * 1024)
    except InvalidArgument as refused:
        assert refused.field == "file" and refused.message
    else:
        assert result.content_type in uploads.ALLOWED and result.filename.lower().endswith(tuple(uploads.ALIASES[
            result.content_type]))


@settings(deadline=None, max_examples=150)
@given(content=st.binary(max_size=4096), filename=st.text(max_size=130))
def test_random_bytes_give_an_upload_or_a_refusal_never_a_crash(content, filename):
    _upload_or_refusal(content, filename)


@settings(deadline=None, max_examples=150)
@given(magic=st.sampled_from([magic for magic, _ in uploads.MAGIC]), tail=st.binary(max_size=4096))
def test_random_bytes_after_each_magic_give_an_upload_or_a_refusal(magic, tail):
    _upload_or_refusal(magic + tail, "scan")


@settings(deadline=None, max_examples=150)
@given(kind=st.sampled_from(sorted(GOOD)), data=st.data())
def test_a_good_file_damaged_anywhere_gives_an_upload_or_a_refusal(kind, data):
    content = bytearray(GOOD[kind][0]())
    for _ in range(data.draw(st.integers(1, 8))):
        content[data.draw(st.integers(0, len(content) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(content)))
    _upload_or_refusal(bytes(content[:cut]), "scan")
