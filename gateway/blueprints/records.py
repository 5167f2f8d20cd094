"""Staff tools over enrollment: admissions (admit one student or a file of them, a record
and its corrections, the semesters' windows), holds (admissions and student services),
and each regional office's tutors.

The enrollment calls behind each tool are functions of their own, shared by the JSON API
here and the portal's pages, so both make the same calls."""
from __future__ import annotations

from flask import Blueprint, Response

from campus import auth, identifiers
from cms.enrollment.v1 import enrollment_pb2 as pb
from gateway import schemas
from gateway.blueprints.staff import TOOLS
from gateway.context import current
from gateway.openapi import BEARER, SIGNED_IN, WITH_BODY, answers, api
from gateway.security import caller, staff_only

bp = Blueprint("records", __name__, url_prefix="/api/v1/staff")


def _enrollment(who: auth.Caller, method: str, message):
    return current().clients.call("enrollment", method, message, caller=who)


# -- the enrollment calls, for the API and the pages alike ---------------------------------
def admit(who: auth.Caller, body: schemas.AdmitStudent, idempotency_key: str = "") -> dict:
    record = pb.AdmissionRecord(**body.model_dump())
    return schemas.Admission.from_message(_enrollment(who, "AdmitStudent", pb.AdmitStudentRequest(
        record=record, idempotency_key=idempotency_key))).body()


def submit_file(who: auth.Caller, file_name: str, text: str) -> dict:
    return schemas.AdmissionBatch.from_message(_enrollment(who, "SubmitAdmissionBatch", pb.SubmitAdmissionBatchRequest(
        file_name=file_name, csv=text))).body()


def admission_files(who: auth.Caller, limit: int = 50) -> dict:
    """The newest admission files first, each with its status and progress."""
    return schemas.AdmissionBatches.from_message(_enrollment(who, "ListAdmissionBatches",
                                                             pb.ListAdmissionBatchesRequest(limit=limit))).body()


def admission_file(who: auth.Caller, batch_id: str) -> dict:
    return schemas.AdmissionBatch.from_message(_enrollment(who, "GetAdmissionBatch", pb.GetAdmissionBatchRequest(
        batch_id=batch_id))).body()


def admission_report(who: auth.Caller, batch_id: str) -> tuple[dict, str]:
    report = _enrollment(who, "GetAdmissionBatchReport", pb.GetAdmissionBatchRequest(batch_id=batch_id))
    return schemas.AdmissionBatch.from_message(report.batch).body(), report.csv


def student_record(who: auth.Caller, regno: str) -> dict:
    return schemas.StudentRecord.from_message(_enrollment(who, "GetStudentRecord", pb.GetStudentRecordRequest(
        registration_number=identifiers.registration_number(regno)))).body()


def correct_record(who: auth.Caller, regno: str, changes: dict[str, str], reason: str) -> dict:
    return schemas.StudentRecord.from_message(_enrollment(who, "CorrectRecord", pb.CorrectRecordRequest(
        registration_number=identifiers.registration_number(regno), changes=changes, reason=reason))).body()


def holds_of(who: auth.Caller, regno: str) -> dict:
    return schemas.Holds.from_message(_enrollment(who, "ListHolds", pb.ListHoldsRequest(
        registration_number=identifiers.registration_number(regno)))).body()


def place_hold(who: auth.Caller, regno: str, code: str, reference: str, note: str = "") -> dict:
    return schemas.HoldView.from_message(_enrollment(who, "PlaceHold", pb.PlaceHoldRequest(
        registration_number=identifiers.registration_number(regno), code=code, reference=reference,
        note=note))).body()


def lift_hold(who: auth.Caller, regno: str, code: str, reference: str) -> dict:
    return schemas.Holds.from_message(_enrollment(who, "LiftHold", pb.LiftHoldRequest(
        registration_number=identifiers.registration_number(regno), code=code, reference=reference))).body()


def semesters(who: auth.Caller) -> dict:
    return schemas.Semesters.from_message(_enrollment(who, "ListSemesters", pb.ListSemestersRequest())).body()


def set_windows(who: auth.Caller, body: schemas.SetWindows) -> dict:
    request = pb.SetSemesterWindowsRequest(code=body.code)
    for name in ("admission", "registration"):
        window = getattr(body, name)
        if window is not None:
            getattr(request, name).CopyFrom(pb.Window(opens=window.opens, closes=window.closes))
    return schemas.SemesterView.from_message(_enrollment(who, "SetSemesterWindows", request)).body()


def tutors(who: auth.Caller, semester: str) -> dict:
    return schemas.Tutors.from_message(_enrollment(who, "ListTutors", pb.ListTutorsRequest(semester=semester))).body()


def add_tutor(who: auth.Caller, body: schemas.AddTutor) -> dict:
    return schemas.TutorView.from_message(_enrollment(who, "AddTutor", pb.AddTutorRequest(
        **body.model_dump()))).body()


def assign_tutor(who: auth.Caller, body: schemas.AssignTutor) -> dict:
    return schemas.TutorView.from_message(_enrollment(who, "AssignTutor", pb.AssignTutorRequest(
        **body.model_dump()))).body()


def allocate_tutors(who: auth.Caller, semester: str, course_code: str) -> dict:
    answer = _enrollment(who, "AllocateTutors", pb.AllocateTutorsRequest(semester=semester, course_code=course_code))
    return schemas.Allocation(allocated=answer.allocated, waiting=answer.waiting).body()


def add_course(who: auth.Caller, body: schemas.AddCourse) -> dict:
    return schemas.CourseView.from_message(_enrollment(who, "AddCourse", pb.AddCourseRequest(
        **body.model_dump()))).body()


def set_scheme_course(who: auth.Caller, body: schemas.SetSchemeCourse) -> dict:
    return schemas.ProgramView.from_message(_enrollment(who, "SetSchemeCourse", pb.SetSchemeCourseRequest(
        **body.model_dump()))).body()


def set_offering(who: auth.Caller, body: schemas.SetOffering) -> dict:
    return schemas.OfferingsView.from_message(_enrollment(who, "SetOffering", pb.SetOfferingRequest(
        **body.model_dump()))).body()


# -- the JSON API: admissions ---------------------------------------------------------------
@bp.post("/admissions")
@staff_only(*TOOLS["admissions"])
@api.validate(json=schemas.AdmitStudent, headers=schemas.FilingHeaders,
              resp=answers(*SIGNED_IN, *WITH_BODY, 409, HTTP_201=schemas.Admission), tags=["staff"], security=BEARER)
def post_admission(json: schemas.AdmitStudent, headers: schemas.FilingHeaders):
    """Admissions: admit a student into a programme at a regional centre. Her record and
    registration number are made at once; identity opens her account and mails the
    activation code (`account_status` pending: it is asked again until it does). The same
    `Idempotency-Key` admits once; the same CNIC in the same programme is a 409."""
    return admit(caller(), json, headers.idempotency_key or ""), 201


@bp.post("/admissions/files")
@staff_only(*TOOLS["admissions"])
@api.validate(json=schemas.AdmissionFile, resp=answers(*SIGNED_IN, *WITH_BODY, HTTP_201=schemas.AdmissionBatch),
              tags=["staff"], security=BEARER)
def post_admission_file(json: schemas.AdmissionFile):
    """Admissions: a CSV file of students, checked whole. Any bad row: `refused`, every refused
    row listed (and in the report), nobody admitted. Otherwise `queued`, then applied whole:
    follow it at its URL until `applied` (or `failed`, nobody admitted)."""
    batch = submit_file(caller(), json.file_name, json.csv)
    return batch, 201, {"Location": f"/api/v1/staff/admissions/files/{batch['batch_id']}"}


@bp.get("/admissions/files")
@staff_only(*TOOLS["admissions"])
@api.validate(query=schemas.BatchesQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.AdmissionBatches),
              tags=["staff"], security=BEARER)
def get_admission_files(query: schemas.BatchesQuery):
    """Admissions: the admission files, newest first, with their status and progress."""
    return admission_files(caller(), query.limit)


@bp.get("/admissions/files/<batch_id>")
@staff_only(*TOOLS["admissions"])
@api.validate(resp=answers(*SIGNED_IN, 404, HTTP_200=schemas.AdmissionBatch), tags=["staff"], security=BEARER)
def get_admission_file(batch_id: str):
    """Admissions: a file's status and progress (rows admitted so far of its total)."""
    return admission_file(caller(), batch_id)


@bp.get("/admissions/files/<batch_id>/report")
@staff_only(*TOOLS["admissions"])
@api.validate(resp=answers(*SIGNED_IN, 404), tags=["staff"], security=BEARER)
def get_admission_report(batch_id: str):
    """Admissions: the file's report as CSV: each admitted student's registration number, or
    each refused row with its field and reason."""
    batch, text = admission_report(caller(), batch_id)
    name = batch["file_name"].rsplit(".", 1)[0] + f"-{batch['status']}-report.csv"
    return Response(text, mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=\"{safe_file_name(name)}\""})


def safe_file_name(name: str) -> str:
    """A download's file name, as any browser takes it in Content-Disposition."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in name)[:100]


@bp.get("/students/<registration_number>/record")
@staff_only(*TOOLS["student_records"])
@api.validate(resp=answers(*SIGNED_IN, 400, 404, HTTP_200=schemas.StudentRecord), tags=["staff"], security=BEARER)
def get_student_record(registration_number: str):
    """Admissions: a student's record and every change of it, newest first (the read is logged)."""
    return student_record(caller(), registration_number)


@bp.patch("/students/<registration_number>/record")
@staff_only(*TOOLS["student_records"])
@api.validate(json=schemas.CorrectRecord, resp=answers(*SIGNED_IN, *WITH_BODY, 404, HTTP_200=schemas.StudentRecord),
              tags=["staff"], security=BEARER)
def patch_student_record(registration_number: str, json: schemas.CorrectRecord):
    """Admissions: correct fields of a record, saying why; the old values stay in its history."""
    return correct_record(caller(), registration_number, json.changes.given(), json.reason)


@bp.get("/semesters")
@staff_only(*TOOLS["semesters"])
@api.validate(resp=answers(*SIGNED_IN, HTTP_200=schemas.Semesters), tags=["staff"], security=BEARER)
def get_semesters():
    """Admissions: the semesters with their admission and registration windows."""
    return semesters(caller())


@bp.put("/semesters")
@staff_only(*TOOLS["semesters"])
@api.validate(json=schemas.SetWindows, resp=answers(*SIGNED_IN, *WITH_BODY, 404, HTTP_200=schemas.SemesterView),
              tags=["staff"], security=BEARER)
def put_semester_windows(json: schemas.SetWindows):
    """Admissions: announce or move a semester's admission and registration windows."""
    return set_windows(caller(), json)


@bp.post("/courses")
@staff_only(*TOOLS["programmes"])
@api.validate(json=schemas.AddCourse, resp=answers(*SIGNED_IN, *WITH_BODY, 409, HTTP_201=schemas.CourseView),
              tags=["staff"], security=BEARER)
def post_course(json: schemas.AddCourse):
    """Admissions: a new course (409 if its code exists)."""
    return add_course(caller(), json), 201


@bp.put("/programs/scheme")
@staff_only(*TOOLS["programmes"])
@api.validate(json=schemas.SetSchemeCourse, resp=answers(*SIGNED_IN, *WITH_BODY, 404, HTTP_200=schemas.ProgramView),
              tags=["staff"], security=BEARER)
def put_scheme_course(json: schemas.SetSchemeCourse):
    """Admissions: put a course in a programme's scheme of studies at a semester (0: take it out)."""
    return set_scheme_course(caller(), json)


@bp.put("/semesters/offerings")
@staff_only(*TOOLS["programmes"])
@api.validate(json=schemas.SetOffering, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, HTTP_200=schemas.OfferingsView),
              tags=["staff"], security=BEARER)
def put_offering(json: schemas.SetOffering):
    """Admissions: offer a course in a semester, or withdraw it (409 while students are registered for it)."""
    return set_offering(caller(), json)


# -- holds: admissions and student services --------------------------------------------------
@bp.get("/students/<registration_number>/holds")
@staff_only(*TOOLS["holds"])
@api.validate(resp=answers(*SIGNED_IN, 400, 404, HTTP_200=schemas.Holds), tags=["staff"], security=BEARER)
def get_student_holds(registration_number: str):
    """Admissions and student services: what holds a student, and what she must do."""
    return holds_of(caller(), registration_number)


@bp.post("/students/<registration_number>/holds")
@staff_only(*TOOLS["holds"])
@api.validate(json=schemas.PlaceHold, resp=answers(*SIGNED_IN, *WITH_BODY, 404, HTTP_201=schemas.HoldView),
              tags=["staff"], security=BEARER)
def post_student_hold(registration_number: str, json: schemas.PlaceHold):
    """Place a hold (missing documents); the same hold again is the one placed before."""
    return place_hold(caller(), registration_number, json.code, json.reference, json.note), 201


@bp.post("/students/<registration_number>/holds/lift")
@staff_only(*TOOLS["holds"])
@api.validate(json=schemas.LiftHold, resp=answers(*SIGNED_IN, *WITH_BODY, 404, HTTP_200=schemas.Holds),
              tags=["staff"], security=BEARER)
def lift_student_hold(registration_number: str, json: schemas.LiftHold):
    """Lift a hold placed by hand; it stays on record with who lifted it and when."""
    return lift_hold(caller(), registration_number, json.code, json.reference)


# -- regional offices: their own centre's tutors ------------------------------------------------
@bp.get("/tutors")
@staff_only(*TOOLS["tutors"])
@api.validate(query=schemas.SemesterQuery, resp=answers(*SIGNED_IN, 400, HTTP_200=schemas.Tutors), tags=["staff"],
              security=BEARER)
def get_tutors(query: schemas.SemesterQuery):
    """Regional office: my centre's tutors with their offerings in a semester, and each
    offering's students, how many have a tutor, and the places."""
    return tutors(caller(), query.semester)


@bp.post("/tutors")
@staff_only(*TOOLS["tutors"])
@api.validate(json=schemas.AddTutor, resp=answers(*SIGNED_IN, *WITH_BODY, HTTP_201=schemas.TutorView),
              tags=["staff"], security=BEARER)
def post_tutor(json: schemas.AddTutor):
    """Regional office: engage a tutor at my centre."""
    return add_tutor(caller(), json), 201


@bp.put("/tutors/offerings")
@staff_only(*TOOLS["tutors"])
@api.validate(json=schemas.AssignTutor, resp=answers(*SIGNED_IN, *WITH_BODY, 404, 409, HTTP_200=schemas.TutorView),
              tags=["staff"], security=BEARER)
def put_tutor_offering(json: schemas.AssignTutor):
    """Regional office: a tutor of my centre teaches a course offering, for at most `capacity`
    students (never fewer than she already has: 409)."""
    return assign_tutor(caller(), json)


@bp.post("/tutors/allocations")
@staff_only(*TOOLS["tutors"])
@api.validate(json=schemas.AllocateTutors, resp=answers(*SIGNED_IN, *WITH_BODY, HTTP_200=schemas.Allocation),
              tags=["staff"], security=BEARER)
def post_tutor_allocations(json: schemas.AllocateTutors):
    """Regional office: give my centre's confirmed students of the offering without a tutor
    the least loaded tutor with a place; says how many still wait."""
    return allocate_tutors(caller(), json.semester, json.course_code)
