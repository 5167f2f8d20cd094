"""Examinations over HTTP: the student's exam schedule and roll number slip, the public copy of
a slip and the verification of any document the system issued, and the examinations
department's tools (exam centres, date sheets, documents).

The exams calls behind each are functions of their own, shared by the JSON API here and the
portal's pages (gateway.portal.examinations), so both make the same calls."""
from __future__ import annotations

import hashlib
import json

from flask import Blueprint, Response, request

from campus import auth, documents, identifiers
from campus.errors import NotFound
from cms.documents.v1 import documents_pb2 as docs
from cms.enrollment.v1 import enrollment_pb2
from cms.exams.v1 import exams_pb2 as pb
from gateway import schemas
from gateway.blueprints.records import safe_file_name
from gateway.blueprints.staff import TOOLS
from gateway.context import current
from gateway.limits import limiter
from gateway.openapi import BEARER, SIGNED_IN, WITH_BODY, answers, api
from gateway.problems import Problem
from gateway.security import caller, staff_only, student_only

student_bp = Blueprint("exams_student", __name__, url_prefix="/api/v1/me")
public_bp = Blueprint("exams_public", __name__, url_prefix="/api/v1/public")
staff_bp = Blueprint("exams_staff", __name__, url_prefix="/api/v1/staff")
BLUEPRINTS = (student_bp, public_bp, staff_bp)
EXAMINATIONS = TOOLS["exam_centres"]
#: Who may list a student's documents (exams' ListDocuments); only examinations revoke.
DOCUMENT_READERS = TOOLS["student_documents"]


def _exams(method: str, message, who: auth.Caller | None = None, *, timeout: float | None = None):
    return current().clients.call("exams", method, message, caller=who, timeout=timeout)


@student_bp.after_request
def _private(response):
    # A slip or a schedule is personal: never kept by shared caches or a shared computer.
    response.headers.setdefault("Cache-Control", "no-store")
    return response


# -- what the API and the pages both do ---------------------------------------------------
def schedule_of(who: auth.Caller, registration_number: str, semester: str = "") -> dict:
    return schemas.ExamSchedule.from_message(_exams("GetExamSchedule", pb.GetExamScheduleRequest(
        registration_number=registration_number, semester=semester), who)).body()


def slip_of(who: auth.Caller, registration_number: str, semester: str = "") -> docs.PdfDocument:
    return _exams("GetRollNumberSlip", pb.GetRollNumberSlipRequest(registration_number=registration_number,
                                                                  semester=semester), who)


def public_slip(program: str, semester: str, registration_number: str) -> docs.PdfDocument:
    return _exams("GetPublicRollNumberSlip", pb.GetPublicRollNumberSlipRequest(
        program_code=program, semester=semester, registration_number=registration_number))


def verification(document_id: str) -> dict:
    """Genuine or revoked: the signature is checked here first (a forged ID costs no call),
    then the issuing service says whether it still stands."""
    try:
        document = documents.read(document_id, current().documents_keys())
    except documents.Forged:
        raise Problem(404, "no such document: the code is not one this university issued",
                      kind="not-found") from None
    if document.issuer not in documents.issuers():
        raise Problem(404, "no such document", kind="not-found")
    status = current().clients.call(document.issuer, "VerifyDocument",
                                    docs.VerifyDocumentRequest(document_id=document_id))
    return schemas.DocumentVerification.from_message(status).body()


def document_keys() -> dict:
    return documents.public_jwks(current().documents_keys(), documents.issuers())


def pdf_response(document: docs.PdfDocument, *, download: bool = False) -> Response:
    disposition = "attachment" if download else "inline"
    return Response(document.content, mimetype="application/pdf", headers={
        "Content-Disposition": f'{disposition}; filename="{document.file_name}"',
        "X-Document-Id": document.document_id})


#: How long "no published result for this roll number" is remembered: on result day
#: thousands refresh before their program is out; after it is, they wait at most this long.
NOT_PUBLISHED_SECONDS = 10.0


def public_result(roll_number: str) -> tuple[bytes, str]:
    """A published card by roll number as the JSON answer's bytes and their ETag, from this
    process's memory when it has them (result day is a read of memory): a card changes only
    by a revision, which shows within `results_cache_seconds`."""
    gateway = current()
    roll = identifiers.roll_number(roll_number)
    kept = gateway.public_results.get(roll)
    if kept is None:
        try:
            card = schemas.PublicResult.from_message(_exams("GetPublicResult", pb.GetPublicResultRequest(
                roll_number=roll))).body()  # validated here, once, not on every answer from memory
            payload = json.dumps(card, ensure_ascii=False, separators=(",", ":")).encode()
            kept = (payload, hashlib.sha256(payload).hexdigest()[:32])
            gateway.public_results.put(roll, kept, gateway.config.results_cache_seconds)
        except NotFound as missing:
            kept = missing
            gateway.public_results.put(roll, kept, min(NOT_PUBLISHED_SECONDS, gateway.config.results_cache_seconds))
    if isinstance(kept, NotFound):
        raise kept
    return kept


def transcript_of(who: auth.Caller, registration_number: str) -> docs.PdfDocument:
    """Her transcript, with her name and program as enrollment has them."""
    profile = current().clients.call("enrollment", "GetStudentProfile", enrollment_pb2.GetStudentProfileRequest(
        registration_number=registration_number), caller=who)
    return _exams("GetTranscript", pb.GetTranscriptRequest(
        registration_number=registration_number, full_name=profile.full_name, father_name=profile.father_name,
        program=f"{profile.program.title} ({profile.program.code})" if profile.program.code else ""), who)


def publish(who: auth.Caller, semester: str, program: str) -> dict:
    return schemas.PublicationView.from_message(_exams("PublishResults", pb.PublishResultsRequest(
        semester=semester, program_code=program), who)).body()


def publications_of(who: auth.Caller, semester: str = "") -> dict:
    return schemas.Publications.from_message(_exams("ListPublications", pb.ListPublicationsRequest(
        semester=semester), who)).body()


def record_marks(who: auth.Caller, body: schemas.RecordMarks) -> dict:
    request = pb.RecordMarksRequest(roll_number=body.roll_number, course_code=body.course_code)
    for field in ("assignment_marks", "final_exam_marks", "workshop_attendance"):
        if getattr(body, field) is not None:
            setattr(request, field, getattr(body, field))
    return schemas.RecordedMarks.from_message(_exams("RecordMarks", request, who)).body()


def submit_marks(who: auth.Caller, file_name: str, text: str) -> tuple[dict, str]:
    """The file's status, and its report (CSV: every refused row with its field and reason)."""
    answer = _exams("SubmitMarksFile", pb.SubmitMarksFileRequest(file_name=file_name, csv=text), who,
                    timeout=current().config.file_check_timeout_seconds)
    return schemas.MarksFileView.from_message(answer).body(), answer.report


def marks_file(who: auth.Caller, file_id: str) -> tuple[dict, str]:
    answer = _exams("GetMarksFile", pb.GetMarksFileRequest(file_id=file_id), who)
    return schemas.MarksFileView.from_message(answer).body(), answer.report


def marks_files(who: auth.Caller) -> dict:
    return schemas.MarksFiles.from_message(_exams("ListMarksFiles", pb.ListMarksFilesRequest(), who)).body()


def statistics_of(who: auth.Caller, semester: str, program: str) -> dict:
    return schemas.SemesterStatisticsView.from_message(_exams("GetSemesterStatistics", pb.SemesterStatisticsRequest(
        semester=semester, program_code=program), who)).body()


def cases_of(who: auth.Caller, status: str = "", kind: str = "") -> dict:
    return schemas.ExamCases.from_message(_exams("ListExamCases", pb.ListExamCasesRequest(
        status=status, kind=kind), who)).body()


def decide_recheck(who: auth.Caller, request_number: str, body: schemas.DecideRecheck) -> dict:
    request = pb.DecideRecheckRequest(request_number=request_number, course_code=body.course_code,
                                      changed=body.changed, note=body.note)
    for field in ("assignment_marks", "final_exam_marks"):
        if getattr(body, field) is not None:
            setattr(request, field, getattr(body, field))
    return schemas.ExamCaseView.from_message(_exams("DecideRecheck", request, who)).body()


def decide_centre_change(who: auth.Caller, request_number: str, body: schemas.DecideCentreChange) -> dict:
    return schemas.ExamCaseView.from_message(_exams("DecideCentreChange", pb.DecideCentreChangeRequest(
        request_number=request_number, approve=body.approve, centre_code=body.centre_code, ground=body.ground,
        note=body.note), who)).body()


def centres_of(who: auth.Caller, region: str = "", semester: str = "") -> dict:
    return schemas.ExamCentres.from_message(_exams("ListExamCentres", pb.ListExamCentresRequest(
        region=region, semester=semester), who)).body()


def set_centre(who: auth.Caller, body: schemas.SetExamCentre) -> dict:
    return schemas.ExamCentreLoad.from_message(_exams("SetExamCentre", pb.SetExamCentreRequest(
        code=body.code, region=body.region, name=body.name, address=body.address, capacity=body.capacity,
        active=body.active), who)).body()


def date_sheet(semester: str, program: str) -> dict:
    return schemas.DateSheetView.from_message(_exams("GetDateSheet", pb.DateSheetRequest(
        semester=semester, program_code=program))).body()


def set_paper(who: auth.Caller, *, semester: str, program: str, course_code: str, title: str = "", date: str = "",
              start: str = "", end: str = "", remove: bool = False) -> dict:
    return schemas.DateSheetView.from_message(_exams("SetDateSheetPaper", pb.SetDateSheetPaperRequest(
        semester=semester, program_code=program, remove=remove, paper=pb.Paper(
            course_code=course_code, course_title=title, date=date, start=start, end=end)), who)).body()


def documents_of(who: auth.Caller, registration_number: str) -> dict:
    return schemas.DocumentList.from_message(_exams("ListDocuments", docs.ListDocumentsRequest(
        registration_number=registration_number), who)).body()


def revoke(who: auth.Caller, serial: str, reason: str) -> dict:
    return schemas.DocumentVerification.from_message(_exams("RevokeDocument", docs.RevokeDocumentRequest(
        serial=serial, reason=reason), who)).body()


# -- the student's ----------------------------------------------------------------------
@student_bp.get("/exam-schedule")
@student_only
@api.validate(query=schemas.ScheduleQuery, resp=answers(*SIGNED_IN, 400, 404, HTTP_200=schemas.ExamSchedule),
              tags=["student"], security=BEARER)
def get_exam_schedule(query: schemas.ScheduleQuery):
    """My roll number, exam centre and papers (date and time of each) for my latest semester,
    or `?semester=`. 404 until a registration is confirmed (its fee paid)."""
    who = caller()
    return schedule_of(who, who.subject, query.semester)


@student_bp.get("/roll-number-slip.pdf")
@student_only
@api.validate(query=schemas.ScheduleQuery, resp=answers(*SIGNED_IN, 400, 404), tags=["student"], security=BEARER)
def get_roll_number_slip(query: schemas.ScheduleQuery):
    """My roll number slip as a PDF, with its verification QR code. Printed again, it is the same document."""
    who = caller()
    return pdf_response(slip_of(who, who.subject, query.semester))


@student_bp.get("/transcript.pdf")
@student_only
@api.validate(resp=answers(*SIGNED_IN, 404), tags=["student"], security=BEARER)
def get_transcript():
    """My unofficial transcript / DMC as a PDF: every published result, GPA and CGPA, an
    "unofficial" watermark and the verification QR code. 404 before any result is published."""
    who = caller()
    return pdf_response(transcript_of(who, who.subject))


# -- the public's -----------------------------------------------------------------------
@public_bp.get("/results/<roll_number>")
# The answer was validated against PublicResult when it was built (public_result): checking
# the same bytes again on every answer from memory would cost result day most of its time.
@api.validate(resp=answers(400, 404, 429, 502, 503, HTTP_200=schemas.PublicResult, HTTP_304=None), tags=["public"],
              skip_validation=True)
def get_public_result(roll_number: str):
    """A published result by roll number, for when the portal's own pages are busy or down
    (seed 000). Answered from memory on result day; send the ETag back as If-None-Match."""
    payload, tag = public_result(roll_number)
    # Published results are public: shared caches may keep them a minute.
    headers = {"ETag": f'"{tag}"', "Cache-Control": f"public, max-age={int(current().config.results_cache_seconds)}"}
    if request.if_none_match.contains(tag):
        return "", 304, headers
    return Response(payload, mimetype="application/json", headers=headers)


@public_bp.get("/roll-number-slip.pdf")
@limiter.limit(lambda: current().config.public_document_rate_limit)
@api.validate(query=schemas.PublicSlipQuery, resp=answers(400, 404, 429, 502, 503), tags=["public"])
def get_public_roll_number_slip(query: schemas.PublicSlipQuery):
    """A roll number slip by program code, semester and registration number: all three must match.
    This copy is also valid to appear in exam centres. Limited per address."""
    answer = pdf_response(public_slip(query.program, query.semester, query.registration_number))
    answer.headers["Cache-Control"] = "no-store"  # a person's slip: never kept by a shared cache
    return answer


@public_bp.get("/verify/<document_id>")
@api.validate(resp=answers(400, 404, 429, 502, 503, HTTP_200=schemas.DocumentVerification), tags=["public"])
def verify_document(document_id: str):
    """Whether a document this university issued is genuine or revoked: its type, date of issue
    and key facts (the name partly masked). The ID is the end of the URL in the document's QR code;
    a forged or altered one is a 404."""
    return verification(document_id)


@public_bp.get("/documents/keys")
@api.validate(resp=answers(429, HTTP_200=schemas.DocumentKeys), tags=["public"])
def get_document_keys():
    """The public keys that sign documents (a JWKS, each key with its issuer): a document ID is
    a compact JWS (EdDSA) anyone can check offline with them."""
    return document_keys()


@public_bp.get("/date-sheets")
@api.validate(query=schemas.DateSheetQuery, resp=answers(400, 429, 502, 503, HTTP_200=schemas.DateSheetView),
              tags=["public"])
def get_date_sheet(query: schemas.DateSheetQuery):
    """A program's date sheet for a semester (`?semester=Spring 2026&program=BED15`)."""
    return date_sheet(query.semester, query.program)


# -- the examinations department's --------------------------------------------------------
@staff_bp.get("/exam-centres")
@staff_only(*EXAMINATIONS)
@api.validate(query=schemas.ExamCentresQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.ExamCentres),
              tags=["staff"], security=BEARER)
def get_exam_centres(query: schemas.ExamCentresQuery):
    """Examinations: the exam centres (of `?region=`), each with the candidates seated there in the
    semester, and how many candidates have no centre yet (every centre of their region full)."""
    return centres_of(caller(), query.region, query.semester)


@staff_bp.put("/exam-centres")
@staff_only(*EXAMINATIONS)
@api.validate(json=schemas.SetExamCentre, resp=answers(*SIGNED_IN, *WITH_BODY, 409, HTTP_200=schemas.ExamCentreLoad),
              tags=["staff"], security=BEARER)
def put_exam_centre(json: schemas.SetExamCentre):
    """Examinations: add an exam centre or change one (its capacity, or closing it with `active: false`)."""
    return set_centre(caller(), json)


@staff_bp.put("/date-sheets/papers")
@staff_only(*TOOLS["date_sheets"])
@api.validate(json=schemas.SetDateSheetPaper, resp=answers(*SIGNED_IN, *WITH_BODY, HTTP_200=schemas.DateSheetView),
              tags=["staff"], security=BEARER)
def put_date_sheet_paper(json: schemas.SetDateSheetPaper):
    """Examinations: put a paper on a program's date sheet, or move it. Slips printed afterwards show it."""
    return set_paper(caller(), semester=json.semester, program=json.program, course_code=json.course_code,
                     title=json.title, date=json.date, start=json.start, end=json.end)


@staff_bp.post("/date-sheets/papers/remove")
@staff_only(*TOOLS["date_sheets"])
@api.validate(json=schemas.RemoveDateSheetPaper, resp=answers(*SIGNED_IN, *WITH_BODY, 404,
              HTTP_200=schemas.DateSheetView),
              tags=["staff"], security=BEARER)
def remove_date_sheet_paper(json: schemas.RemoveDateSheetPaper):
    """Examinations: take a paper off a program's date sheet."""
    return set_paper(caller(), semester=json.semester, program=json.program, course_code=json.course_code,
                     remove=True)


@staff_bp.get("/students/<registration_number>/documents")
@staff_only(*DOCUMENT_READERS)
@api.validate(resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.DocumentList), tags=["staff"], security=BEARER)
def get_student_documents(registration_number: str):
    """Examinations and student services: the documents issued to a student, newest first."""
    return documents_of(caller(), registration_number)


@staff_bp.post("/documents/<serial>/revoke")
@staff_only(*TOOLS["documents"])
@api.validate(json=schemas.RevokeDocument, resp=answers(*SIGNED_IN, *WITH_BODY, 404,
              HTTP_200=schemas.DocumentVerification),
              tags=["staff"], security=BEARER)
def revoke_document(serial: str, json: schemas.RevokeDocument):
    """Examinations: revoke a document (its verification page says so from now on, with the reason)."""
    return revoke(caller(), serial, json.reason)


@staff_bp.post("/results/publications")
@staff_only(*TOOLS["publication"])
@api.validate(json=schemas.PublishResults, resp=answers(*SIGNED_IN, *WITH_BODY, 409, HTTP_201=schemas.PublicationView),
              tags=["staff"], security=BEARER)
def post_publication(json: schemas.PublishResults):
    """Examinations: publish a program's results of a semester. Once: afterwards a grade changes
    only through re-checking (409 if done before). Every candidate's card is kept as published."""
    return publish(caller(), json.semester, json.program), 201


@staff_bp.get("/results/publications")
@staff_only(*TOOLS["publication"])
@api.validate(query=schemas.PublicationsQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.Publications),
              tags=["staff"], security=BEARER)
def get_publications(query: schemas.PublicationsQuery):
    """Examinations: what has been published (of `?semester=`), newest first."""
    return publications_of(caller(), query.semester)


@staff_bp.post("/marks")
@staff_only(*TOOLS["marks"])
@api.validate(json=schemas.RecordMarks, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, HTTP_200=schemas.RecordedMarks),
              tags=["staff"], security=BEARER)
def post_marks(json: schemas.RecordMarks):
    """Examinations: one paper's marks by roll number, graded by the level's scheme. A mark left
    out is awaited (the result is late). A published result is a 409: it changes only through re-checking."""
    return record_marks(caller(), json)


@staff_bp.post("/marks/files")
@staff_only(*TOOLS["marks"])
@api.validate(json=schemas.MarksFileUpload, resp=answers(*SIGNED_IN, *WITH_BODY, HTTP_201=schemas.MarksFileView),
              tags=["staff"], security=BEARER)
def post_marks_file(json: schemas.MarksFileUpload):
    """Examinations: a CSV file of marks, checked whole. Any bad row (an unknown roll number, a paper
    she does not sit, marks out of range, the same paper twice, a published program): `refused`,
    every refused row in the report, nothing applied. Otherwise `queued`, then applied whole:
    follow it at its URL until `applied` (or `failed`, nothing applied)."""
    answer, _report = submit_marks(caller(), json.file_name, json.csv)
    return answer, 201, {"Location": f"/api/v1/staff/marks/files/{answer['file_id']}"}


@staff_bp.get("/marks/files")
@staff_only(*TOOLS["marks"])
@api.validate(resp=answers(*SIGNED_IN, HTTP_200=schemas.MarksFiles), tags=["staff"], security=BEARER)
def get_marks_files():
    """Examinations: the files of marks, newest first, with their status and progress."""
    return marks_files(caller())


@staff_bp.get("/marks/files/<file_id>")
@staff_only(*TOOLS["marks"])
@api.validate(resp=answers(*SIGNED_IN, 404, HTTP_200=schemas.MarksFileView), tags=["staff"], security=BEARER)
def get_marks_file(file_id: str):
    """Examinations: a file's status and progress (rows applied so far of its total)."""
    return marks_file(caller(), file_id)[0]


@staff_bp.get("/marks/files/<file_id>/report")
@staff_only(*TOOLS["marks"])
@api.validate(resp=answers(*SIGNED_IN, 404), tags=["staff"], security=BEARER)
def get_marks_file_report(file_id: str):
    """Examinations: the file's report as CSV: every refused row with its field and reason."""
    answer, report = marks_file(caller(), file_id)
    name = answer["file_name"].rsplit(".", 1)[0] + f"-{answer['status']}-report.csv"
    return Response(report, mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{safe_file_name(name)}"'})


@staff_bp.get("/results/statistics")
@staff_only(*TOOLS["publication"])
@api.validate(query=schemas.StatisticsQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.SemesterStatisticsView),
              tags=["staff"], security=BEARER)
def get_statistics(query: schemas.StatisticsQuery):
    """Examinations: a program's semester by course and by exam centre (pass rate, grades, average
    total), to see an outlier centre or a mistyped upload before publishing."""
    return statistics_of(caller(), query.semester, query.program)


@staff_bp.get("/exam-cases")
@staff_only(*TOOLS["exam_cases"])
@api.validate(query=schemas.ExamCasesQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.ExamCases),
              tags=["staff"], security=BEARER)
def get_exam_cases(query: schemas.ExamCasesQuery):
    """Examinations: paid re-checking and change-of-centre requests (open ones unless `?status=`),
    each with the student's roll number, centre and papers; and the hardships that allow a change."""
    return cases_of(caller(), query.status, query.kind)


@staff_bp.post("/exam-cases/<request_number>/recheck")
@staff_only(*TOOLS["exam_cases"])
@api.validate(json=schemas.DecideRecheck, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, HTTP_200=schemas.ExamCaseView),
              tags=["staff"], security=BEARER)
def post_recheck(request_number: str, json: schemas.DecideRecheck):
    """Examinations: the outcome of a re-check. New marks revise the published result (it says it
    was revised, and when); none leave it. The request is closed and the student told."""
    return decide_recheck(caller(), request_number, json)


@staff_bp.post("/exam-cases/<request_number>/centre-change")
@staff_only(*TOOLS["exam_cases"])
@api.validate(json=schemas.DecideCentreChange, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409,
              HTTP_200=schemas.ExamCaseView),
              tags=["staff"], security=BEARER)
def post_centre_change(request_number: str, json: schemas.DecideCentreChange):
    """Examinations: approve a change of examination centre (a hardship, once per program: 409 if
    changed before) or refuse it saying why. Approved, her next slip carries the new centre and
    the old slip stops being genuine."""
    return decide_centre_change(caller(), request_number, json)
