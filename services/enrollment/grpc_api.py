"""EnrollmentService over gRPC: each method declares who may call it (@rpc);
it parses, calls the use case and maps the result."""
from __future__ import annotations

import datetime as dt
import json

from campus import access_log, clock, identifiers
from campus.auth import current_caller
from campus.errors import DeadlineExceeded, DomainError, InvalidArgument, PermissionDenied, Unavailable
from campus.grpc_server import time_left
from campus.policy import OWN, rpc
from campus.runtime import Runtime
from cms.enrollment.v1 import enrollment_pb2 as pb
from cms.enrollment.v1 import enrollment_pb2_grpc
from services.enrollment import (
    admission,
    catalogue,
    corrections,
    domain,
    holds,
    peers,
    registration,
    service,
    tutors,
)

#: Who reads a student's record (least privilege: the departments that keep it, dispatch
#: for the postal address, regional offices for their own centre's students; the
#: requests service for the payer's name and level). campus/tests/unit/test_declarations.py
#: holds every grant: a new one is a deliberate edit there too.
PROFILE_DEPARTMENTS = {"admissions", "regional", "student_services", "dispatch"}
PROFILE_SERVICES = {"requests", "notifications"}  # filing; where her messages go
#: The requests service stores the student's centre on each request it files, so that
#: regional offices see only their own centre's requests; nobody else needs this read.
CENTRE_SERVICES = {"requests"}
COURSE_DEPARTMENTS = {"admissions", "regional"}
#: Holds are kept by admissions (missing documents) and seen by student services, who
#: answer students asking what blocks them.
HOLD_DEPARTMENTS = {"admissions", "student_services"}
ADMISSIONS = {"admissions"}
#: Regional offices keep their own centre's tutors (the centre comes from the token).
TUTOR_DEPARTMENTS = {"regional"}
#: The refused rows a batch's answer lists; the downloadable report has all of them.
REFUSED_SHOWN = 500


def profile_message(row, current_semester: str) -> pb.StudentProfile:
    return pb.StudentProfile(
        registration_number=row.registration_number, full_name=row.full_name, father_name=row.father_name,
        gender=row.gender, date_of_birth=row.date_of_birth.isoformat(), cnic=row.cnic, email=row.email,
        mobile=row.mobile, postal_address=row.postal_address,
        program=pb.Program(code=row.program_code, title=row.program_title, level=row.program_level),
        regional_centre=pb.RegionalCentre(code=row.centre_code, name=row.centre_name),
        admission_semester=row.admission_semester, current_semester=current_semester, status=row.status)


def course_message(row) -> pb.RegisteredCourse:
    tutor = None
    if row.tutor_name is not None:
        tutor = pb.Tutor(name=row.tutor_name, postal_address=row.tutor_address, phone=row.tutor_phone,
                         email=row.tutor_email)
    return pb.RegisteredCourse(code=row.code, title=row.title, credit_hours=row.credit_hours, tutor=tutor)


def offered_message(offered: domain.Offered) -> pb.OfferedCourse:
    course = offered.course
    return pb.OfferedCourse(code=course.code, title=course.title, credit_hours=course.credit_hours,
                            required=offered.required)


def registration_message(row, registered: list[domain.Offered]) -> pb.SemesterRegistration:
    message = pb.SemesterRegistration(
        semester=row.semester, status=row.status, courses=[offered_message(o) for o in registered],
        credit_hours=row.credit_hours, registered_at=clock.iso(row.registered_at),
        confirmed_at=clock.iso(row.confirmed_at), lapsed_at=clock.iso(row.lapsed_at))
    if row.consumer_number:
        message.challan.CopyFrom(pb.RegistrationChallan(consumer_number=row.consumer_number,
                                                        amount_paisa=row.amount_paisa or 0,
                                                        due_date=row.due_date.isoformat() if row.due_date else ""))
    return message


def overview_message(seen: registration.Overview) -> pb.RegistrationOverview:
    message = pb.RegistrationOverview(
        semester=seen.semester, eligible=seen.eligible, credit_limit=seen.credit_limit,
        reasons=[pb.Reason(code=r.code, message=r.message) for r in seen.reasons],
        courses=[offered_message(o) for o in seen.offered])
    if seen.calendar is not None:
        message.window.CopyFrom(pb.Window(opens=seen.calendar.registration_opens.isoformat(),
                                          closes=seen.calendar.registration_closes.isoformat()))
    if seen.registration is not None and seen.registration.status != domain.FILING:
        message.registration.CopyFrom(registration_message(seen.registration, seen.registered))
    return message


def hold_message(hold: holds.Hold) -> pb.Hold:
    return pb.Hold(code=hold.code, title=hold.title, action=hold.action, blocks=list(hold.blocks),
                   reference=hold.reference, raised_at=clock.iso(hold.raised_at), note=hold.note)


def batch_message(row, processed: int) -> pb.AdmissionBatch:
    refused = json.loads(row.refused)
    # Queued and already being applied: its progress says so.
    status = "applying" if row.status == "queued" and processed else row.status
    return pb.AdmissionBatch(
        batch_id=row.id, file_name=row.file_name, status=status, total=row.total, processed=processed,
        refused=[pb.RefusedRow(row=line, field=field, message=message) for line, field, message in
                 refused[:REFUSED_SHOWN]],
        created_at=clock.iso(row.created_at), finished_at=clock.iso(row.finished_at), created_by=row.created_by,
        error=row.error)


def record_message(db, regno: str) -> pb.StudentRecord:
    row, changes = corrections.record(db, regno)
    return pb.StudentRecord(
        student=profile_message(*service.student_profile(db, regno)), admitted_by=row.admitted_by,
        admitted_at=clock.iso(row.admitted_at), account_opened_at=clock.iso(row.account_opened_at),
        history=[pb.RecordChange(field=c.field, old_value=c.old_value, new_value=c.new_value,
                                 changed_at=clock.iso(c.changed_at), changed_by=c.changed_by, source=c.source)
                 for c in changes])


def semester_message(row) -> pb.SemesterWindows:
    return pb.SemesterWindows(
        code=row.code, starts_on=row.starts_on.isoformat(),
        admission=pb.Window(opens=row.admission_opens.isoformat(), closes=row.admission_closes.isoformat()),
        registration=pb.Window(opens=row.registration_opens.isoformat(),
                               closes=row.registration_closes.isoformat()))


def _window(message, field: str):
    try:
        return dt.date.fromisoformat(message.opens), dt.date.fromisoformat(message.closes)
    except ValueError:
        raise InvalidArgument(f"{field} must have dates like 2027-02-01", field=field) from None


def tutors_message(centre: str, semester: str, people, load) -> pb.ListTutorsResponse:
    return pb.ListTutorsResponse(semester=semester, centre=centre, tutors=[
        pb.TutorRecord(tutor_id=p.id, name=p.name, postal_address=p.postal_address, phone=p.phone, email=p.email,
                       offerings=[pb.TutorOffering(course_code=t.code, course_title=t.title, capacity=t.capacity,
                                                   allocated=t.allocated) for t in taught])
        for p, taught in people], offerings=[
        pb.OfferingLoad(course_code=r.code, course_title=r.title, students=r.students, allocated=r.allocated,
                        capacity=r.capacity) for r in load])


def course_detail(row) -> pb.CourseDetail:
    return pb.CourseDetail(code=row.code, title=row.title, credit_hours=row.credit_hours,
                           practical_credit_hours=row.practical_credit_hours)


def program_detail(program, scheme) -> pb.ProgramDetail:
    return pb.ProgramDetail(
        code=program.code, title=program.title, level=program.level, level_title=program.level_title,
        duration_semesters=program.duration_semesters, max_duration_years=program.max_duration_years,
        credit_hours_total=program.credit_hours_total, max_semester_credit_hours=program.max_semester_credit_hours,
        scheme=[pb.SchemeCourse(semester_number=c.semester_number, code=c.code, title=c.title,
                                credit_hours=c.credit_hours, practical_credit_hours=c.practical_credit_hours)
                for c in scheme])


def offerings_message(db, semester: str) -> pb.Offerings:
    return pb.Offerings(semester=semester, courses=[course_detail(r) for r in catalogue.offered(db, semester)])


def _required_semester(text: str) -> str:
    if not text.strip():
        raise InvalidArgument("semester is required", field="semester")
    return _semester(text)


def _semester(text: str) -> str:
    return str(domain.parse_semester(text)) if text.strip() else ""


def _centre(caller) -> str | None:
    """The centre whose students the caller may see (None: any); centre-bound staff
    without one see nobody."""
    try:
        return domain.centre_scope(caller.kind, caller.department, caller.centre)
    except domain.NoCentre:
        raise PermissionDenied("this staff account belongs to no regional centre") from None


class EnrollmentServicer(access_log.servicer(), enrollment_pb2_grpc.EnrollmentServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db
        self.config = runtime.config
        self.clients = runtime.clients

    def _registrar(self, context) -> peers.Registrar:
        return peers.for_caller(self.clients, current_caller(), self.config.registration_timeout_seconds,
                                time_left(context))

    @rpc(students=OWN, staff=PROFILE_DEPARTMENTS, services=PROFILE_SERVICES)
    def GetStudentProfile(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        # Authorise before looking the student up, so a refusal says nothing about who exists;
        # another centre's student is not found, as for a number nobody has.
        caller = current_caller()
        profile = profile_message(*service.student_profile(self.db, regno, _centre(caller)))
        for detail in domain.hidden_details(caller.kind, caller.department):
            profile.ClearField(detail)
        return profile

    @rpc(services=CENTRE_SERVICES)
    def GetStudentCentre(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        centre = service.student_centre(self.db, regno)
        return pb.StudentCentre(registration_number=regno,
                                regional_centre=pb.RegionalCentre(code=centre.code, name=centre.name))

    @rpc(students=OWN, staff=COURSE_DEPARTMENTS)
    def ListRegisteredCourses(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        semester = str(domain.parse_semester(request.semester)) if request.semester.strip() else ""
        semester, rows, held, by_post = service.registered_courses(self.db, regno, semester,
                                                                   _centre(current_caller()))
        return pb.ListRegisteredCoursesResponse(semester=semester, courses=[course_message(r) for r in rows],
                                                semesters=held, assignments_by_post=by_post)

    @rpc(students=OWN)
    def GetRegistration(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        return overview_message(registration.overview(self.db, regno, self._registrar(context),
                                                      _semester(request.semester)))

    @rpc(students=OWN)
    def Register(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        return overview_message(registration.register(self.db, regno, list(request.course_codes),
                                                      self._registrar(context), _semester(request.semester)))

    @rpc(students=OWN, staff=HOLD_DEPARTMENTS)
    def ListHolds(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        return pb.ListHoldsResponse(holds=[hold_message(h) for h in holds.list_holds(self.db, regno)])

    @rpc(staff=HOLD_DEPARTMENTS)
    def PlaceHold(self, request, context):
        caller = current_caller()
        regno = identifiers.registration_number(request.registration_number)
        return hold_message(holds.place(self.db, regno, identifiers.code(request.code, "code"), request.reference,
                                        request.note, officer=caller.subject, department=caller.department))

    @rpc(staff=HOLD_DEPARTMENTS)
    def LiftHold(self, request, context):
        caller = current_caller()
        regno = identifiers.registration_number(request.registration_number)
        holds.lift(self.db, regno, identifiers.code(request.code, "code"), request.reference,
                   officer=caller.subject, department=caller.department)
        return pb.ListHoldsResponse(holds=[hold_message(h) for h in holds.list_holds(self.db, regno)])

    @rpc(staff=ADMISSIONS)
    def AdmitStudent(self, request, context):
        caller = current_caller()
        record = {field: getattr(request.record, field) for field in domain.ADMISSION_FIELDS}
        regno = admission.admit(self.db, record, officer=caller.subject, idempotency_key=request.idempotency_key)
        desk = peers.Accounts(self.clients, caller, peers.within(self.config.registration_timeout_seconds,
                                                                 time_left(context)))
        try:
            status = "opened" if admission.open_account(self.db, regno, desk) else "pending"
        except (Unavailable, DeadlineExceeded, DomainError):
            status = "pending"  # the record stands; the sweep asks identity again
        return pb.Admission(student=profile_message(*service.student_profile(self.db, regno)), account_status=status)

    @rpc(staff=ADMISSIONS)
    def SubmitAdmissionBatch(self, request, context):
        batch_id = admission.submit_batch(self.db, request.file_name, request.csv, officer=current_caller().subject)
        return batch_message(*admission.batch(self.db, batch_id))

    @rpc(staff=ADMISSIONS)
    def GetAdmissionBatch(self, request, context):
        return batch_message(*admission.batch(self.db, request.batch_id))

    @rpc(staff=ADMISSIONS)
    def GetAdmissionBatchReport(self, request, context):
        row, processed = admission.batch(self.db, request.batch_id)
        return pb.AdmissionBatchReport(batch=batch_message(row, processed), csv=row.report)

    # Her own record and its history are hers to read too; admissions' reads are logged.
    @rpc(students=OWN, staff=ADMISSIONS)
    def GetStudentRecord(self, request, context):
        return record_message(self.db, identifiers.registration_number(request.registration_number))

    @rpc(staff=ADMISSIONS)
    def CorrectRecord(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        corrections.correct(self.db, regno, dict(request.changes), officer=current_caller().subject,
                            reason=request.reason)
        return record_message(self.db, regno)

    @rpc(staff=ADMISSIONS)
    def ListSemesters(self, request, context):
        return pb.ListSemestersResponse(semesters=[semester_message(r) for r in service.semester_calendar(self.db)])

    @rpc(staff=ADMISSIONS)
    def SetSemesterWindows(self, request, context):
        return semester_message(service.set_windows(
            self.db, request.code,
            admission=_window(request.admission, "admission") if request.HasField("admission") else None,
            registration=_window(request.registration, "registration") if request.HasField("registration")
            else None))

    def _tutor_centre(self) -> str:
        centre = _centre(current_caller())
        if not centre:
            raise PermissionDenied("tutors are kept by a regional office for its own centre")
        return centre

    @rpc(staff=TUTOR_DEPARTMENTS)
    def ListTutors(self, request, context):
        centre, semester = self._tutor_centre(), _required_semester(request.semester)
        return tutors_message(centre, semester, *tutors.centre_tutors(self.db, centre, semester))

    @rpc(staff=TUTOR_DEPARTMENTS)
    def AddTutor(self, request, context):
        centre = self._tutor_centre()
        tutor_id = tutors.add(self.db, centre, name=request.name, postal_address=request.postal_address,
                              phone=request.phone, email=request.email)
        people, _load = tutors.centre_tutors(self.db, centre, "")
        return tutors_message(centre, "", [p for p in people if p[0].id == tutor_id], []).tutors[0]

    @rpc(staff=TUTOR_DEPARTMENTS)
    def AssignTutor(self, request, context):
        centre, semester = self._tutor_centre(), _required_semester(request.semester)
        tutors.assign(self.db, centre, request.tutor_id, semester, request.course_code, request.capacity)
        people, _load = tutors.centre_tutors(self.db, centre, semester)
        return tutors_message(centre, semester, [p for p in people if p[0].id == request.tutor_id], []).tutors[0]

    @rpc(staff=TUTOR_DEPARTMENTS)
    def AllocateTutors(self, request, context):
        centre, semester = self._tutor_centre(), _required_semester(request.semester)
        allocated, waiting = tutors.allocate(self.db, centre, semester, request.course_code)
        return pb.AllocateTutorsResponse(allocated=allocated, waiting=waiting)

    # The programmes and their schemes of studies are the university's public prospectus.
    @rpc(public=True)
    def ListPrograms(self, request, context):
        return pb.ListProgramsResponse(programs=[program_detail(*p) for p in catalogue.programs_with_schemes(self.db)])

    @rpc(staff=ADMISSIONS)
    def AddCourse(self, request, context):
        return course_detail(catalogue.add_course(self.db, request.code, request.title, request.credit_hours,
                                                  request.practical_credit_hours))

    @rpc(staff=ADMISSIONS)
    def SetSchemeCourse(self, request, context):
        code = catalogue.set_scheme_course(self.db, request.program_code, request.course_code,
                                           request.semester_number)
        return next(program_detail(*p) for p in catalogue.programs_with_schemes(self.db) if p[0].code == code)

    @rpc(public=True)
    def ListOfferings(self, request, context):
        return offerings_message(self.db, _required_semester(request.semester))

    @rpc(staff=ADMISSIONS)
    def SetOffering(self, request, context):
        semester = _required_semester(request.semester)
        catalogue.set_offering(self.db, semester, request.course_code, request.offered)
        return offerings_message(self.db, semester)

    @rpc(public=True)
    def ListCentres(self, request, context):
        return pb.ListCentresResponse(centres=[pb.RegionalCentre(code=c.code, name=c.name)
                                               for c in catalogue.centres(self.db)])

    @rpc(staff=ADMISSIONS)
    def ListAdmissionBatches(self, request, context):
        limit = request.limit or 50
        if not 1 <= limit <= 200:
            raise InvalidArgument("limit must be between 1 and 200", field="limit")
        return pb.ListAdmissionBatchesResponse(batches=[batch_message(row, processed)
                                                        for row, processed in admission.recent_batches(self.db, limit)])
