"""The unofficial transcript / DMC: every published result, GPA by semester and CGPA, marked
"unofficial" across every page, with the verification QR code (campus.documents).

Its document stays the same while nothing printed on it changes; a newly published
semester (or a revised result) makes a new one and revokes the old as superseded."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from campus import documents, identifiers
from campus.db import Database
from campus.errors import NotFound
from campus.printing import Document as Pdf
from services.exams import domain, service

TRANSCRIPT = "transcript"


@dataclass(frozen=True)
class Semester:
    semester: str
    published_on: str
    rows: list
    gpa: Decimal | None


@dataclass(frozen=True)
class Transcript:
    registration_number: str
    semesters: list[Semester]
    cgpa: Decimal | None


def transcript(db: Database, registration_number: str) -> Transcript:
    regno = identifiers.registration_number(registration_number)
    published = service.published_results(db, regno)
    if not published:
        raise NotFound("no published results yet: the transcript lists published results only",
                       field="registration_number")
    points = {band.grade: band.grade_point for band in service.bands(db)}
    on_scale = service.gpa_levels(db)
    semesters = [Semester(semester, published_on.isoformat(), rows, domain.semester_gpa(rows, points, on_scale))
                 for semester, published_on, rows in published]
    return Transcript(regno, semesters, domain.cgpa_of(published, points, on_scale))


def document(db: Database, tokens, found: Transcript, full_name: str) -> documents.Document:
    last = found.semesters[-1]
    facts = [("name", documents.mask_name(full_name)), ("registration_number", found.registration_number),
             ("semesters", str(len(found.semesters))), ("last_semester", last.semester),
             ("cgpa", str(found.cgpa) if found.cgpa is not None else "")]
    with db.unit_of_work() as uow:
        issued = documents.issue(uow.session, tokens, document_type=TRANSCRIPT, subject=found.registration_number,
                                 copy_of=f"{TRANSCRIPT}/{found.registration_number}", facts=facts, serial_prefix="TRN")
        uow.commit()
    return issued


def pdf(found: Transcript, *, full_name: str, father_name: str, program: str, verify_url: str) -> bytes:
    page = Pdf("Unofficial Transcript / Detailed Marks Certificate")
    page.facts([("Name", full_name), ("Father's name", father_name or "-"),
                ("Registration number", found.registration_number), ("Program", program or "-")])
    for semester in found.semesters:
        shown = domain.components_shown(domain.parse_semester(semester.semester))
        page.heading(f"{semester.semester} (published {semester.published_on})"
                     + (f" - GPA {semester.gpa}" if semester.gpa is not None else ""))
        page.grid(("Course", "Title", "Cr.", "Assign.", "Final", "Total", "Grade", "Remarks"),
                  [(r.course_code, r.course_title, r.credit_hours, _mark(r.assignment_marks, shown),
                    _mark(r.final_exam_marks, shown), _mark(r.total_marks, shown), r.grade or "-", r.remarks)
                   for r in semester.rows], (16, 62, 10, 16, 14, 14, 14, 24))
    page.heading(f"CGPA: {found.cgpa}" if found.cgpa is not None else "CGPA: not on the GPA scale, or a result is late")
    page.paragraphs(("Unofficial: issued by the student portal for information. The official transcript is issued "
                     "by the examinations department on application.",
                     "Marks of each component are shown from Autumn 2021 on; before that, the grade only."))
    page.ln(3)
    page.verification(verify_url)
    page.watermark("UNOFFICIAL")
    return page.finish()


def _mark(value, shown: bool) -> str:
    return str(value) if shown and value is not None else "-"


def file_name(found: Transcript) -> str:
    return f"transcript-{found.registration_number}.pdf"
