"""ExamsService over gRPC: each method declares who may call it (@rpc);
it parses, calls the use case and maps the result."""
from __future__ import annotations

from campus import access_log, auth, clock, documents, documents_api, identifiers
from campus.policy import OWN, rpc
from campus.runtime import Runtime
from cms.documents.v1 import documents_pb2
from cms.exams.v1 import exams_pb2 as pb
from cms.exams.v1 import exams_pb2_grpc
from services.exams import cases, centres, domain, marks, publication, service, slips, statistics, transcripts

#: Regional offices are not among them: exams cannot tell a student's centre, and they
#: must see only their own centre's students.
RESULT_DEPARTMENTS = {"examinations", "student_services"}


def course_message(row, shown: bool) -> pb.CourseResult:
    course = pb.CourseResult(course_code=row.course_code, course_title=row.course_title,
                             credit_hours=row.credit_hours, components_shown=shown, grade=row.grade,
                             remarks=row.remarks, revised_at=clock.iso(row.revised_at) if row.revised_at else "")
    if shown:  # before Autumn 2021 the card carries the grade alone
        course.assignment_marks = row.assignment_marks or 0
        course.final_exam_marks = row.final_exam_marks or 0
        course.total_marks = row.total_marks or 0
    return course


def semester_message(semester: str, published_on, rows, points: dict, gpa_levels: set[str]) -> pb.SemesterResult:
    shown = domain.components_shown(domain.parse_semester(semester))
    gpa = domain.semester_gpa(rows, points, gpa_levels)
    return pb.SemesterResult(semester=semester, published_on=published_on.isoformat(),
                             courses=[course_message(r, shown) for r in rows], gpa=str(gpa) if gpa else "")


def public_result_message(card: dict, version: int) -> pb.PublicResult:
    return pb.PublicResult(
        roll_number=card["roll_number"], name=card["name"], semester=card["semester"],
        program_code=card["program_code"], program=card["program"], gpa=card.get("gpa") or "",
        remarks=card["remarks"], published_on=card["published_on"], revised_at=card.get("revised_at") or "",
        revision=card.get("revision") or "", version=version, courses=[
            pb.CourseResult(course_code=c["code"], course_title=c["title"], credit_hours=c["credit_hours"],
                            components_shown=c["total_marks"] is not None, assignment_marks=c["assignment_marks"] or 0,
                            final_exam_marks=c["final_exam_marks"] or 0, total_marks=c["total_marks"] or 0,
                            grade=c["grade"], remarks=c["remarks"])
            for c in card["courses"]])


def publication_message(row) -> pb.Publication:
    return pb.Publication(semester=row.semester, program_code=row.program_code,
                          published_on=row.published_on.isoformat(), published_at=clock.iso(row.published_at),
                          published_by=row.published_by, candidates=row.candidates, results=row.results)


def marks_file_message(row, processed: int, *, report: bool = False) -> pb.MarksFile:
    return pb.MarksFile(file_id=row.id, file_name=row.file_name, status=row.status, total=row.total,
                        processed=processed, refused=row.refused, error=row.error, created_by=row.created_by,
                        created_at=clock.iso(row.created_at),
                        finished_at=clock.iso(row.finished_at) if row.finished_at else "",
                        report=row.report if report else "")


def group_message(group: statistics.Group, order: dict[str, int]) -> pb.GroupStatistics:
    """`order`: each grade's place, best first (the grade bands' own order)."""
    return pb.GroupStatistics(
        key=group.key, title=group.title, results=group.results, passed=group.passed, failed=group.failed,
        late=group.late, average_total=str(group.average_total) if group.average_total is not None else "",
        grades=[pb.GradeCount(grade=g, count=n) for g, n in sorted(group.grades.items(),
                                                                   key=lambda kv: (order.get(kv[0], 99), kv[0]))])


def case_message(case, candidate=None, papers=()) -> pb.ExamCase:
    return pb.ExamCase(
        request_number=case.request_number, registration_number=case.registration_number, kind=case.kind,
        details=case.details, status=case.status, opened_at=clock.iso(case.opened_at),
        decided_at=clock.iso(case.decided_at) if case.decided_at else "", decided_by=case.decided_by,
        note=case.note, roll_number=case.roll_number or "", program_code=case.program_code,
        semester=candidate.semester if candidate else "",
        centre_code=(candidate.centre_code or "") if candidate else "",
        papers=[pb.Paper(course_code=p.course_code, course_title=p.course_title) for p in papers])


def centre_message(row, seated: int = 0) -> pb.ExamCentre:
    return pb.ExamCentre(code=row.code, region=row.region, name=row.name, address=row.address,
                         capacity=row.capacity, active=row.active, seated=seated)


def paper_message(course_code: str, course_title: str, day, start, end) -> pb.Paper:
    return pb.Paper(course_code=course_code, course_title=course_title, date=day.isoformat() if day else "",
                    start=f"{start:%H:%M}" if start else "", end=f"{end:%H:%M}" if end else "")


def schedule_message(found: slips.Schedule) -> pb.ExamSchedule:
    c = found.candidate
    answer = pb.ExamSchedule(registration_number=c.registration_number, semester=c.semester,
                             roll_number=c.roll_number, full_name=c.full_name, father_name=c.father_name,
                             program_code=c.program_code, program_title=c.program_title,
                             papers=[paper_message(p.course_code, p.course_title, p.date, p.start, p.end)
                                     for p in found.papers])
    if found.centre is not None:
        answer.centre.CopyFrom(centre_message(found.centre))
    return answer


def _optional(request, field: str) -> int | None:
    """An optional mark: unset means awaited (the result will be late)."""
    return getattr(request, field) if request.HasField(field) else None


class ExamsServicer(access_log.servicer(), documents_api.servicer(staff=RESULT_DEPARTMENTS, revokers={"examinations"}),
                    exams_pb2_grpc.ExamsServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db
        self.config = runtime.config
        self.tokens = runtime.service_tokens
        self.public_url = runtime.config.public_url

    def _slip(self, found: slips.Schedule) -> documents_pb2.PdfDocument:
        document = slips.slip_document(self.db, self.tokens, found)
        content = slips.slip_pdf(found, documents.qr_url(self.public_url, document.document_id))
        return documents_pb2.PdfDocument(content=content, file_name=slips.file_name(found),
                                         document_id=document.document_id)

    @rpc(staff={"examinations"})
    def RecordMarks(self, request, context):
        candidate, graded = marks.record(
            self.db, self.config, roll_number=request.roll_number, course_code=request.course_code,
            assignment_marks=_optional(request, "assignment_marks"),
            final_exam_marks=_optional(request, "final_exam_marks"),
            workshop_attendance=_optional(request, "workshop_attendance"), by=auth.current_caller().subject)
        return pb.RecordedMarks(roll_number=candidate.roll_number, registration_number=candidate.registration_number,
                                semester=candidate.semester, course_code=request.course_code.strip().upper(),
                                total_marks=graded.total or 0, grade=graded.grade, remarks=graded.remarks)

    @rpc(staff={"examinations"})
    def SubmitMarksFile(self, request, context):
        file_id = marks.submit(self.db, request.file_name, request.csv, by=auth.current_caller().subject)
        return marks_file_message(*marks.file(self.db, file_id), report=True)

    @rpc(staff={"examinations"})
    def GetMarksFile(self, request, context):
        return marks_file_message(*marks.file(self.db, request.file_id), report=True)

    @rpc(staff={"examinations"})
    def ListMarksFiles(self, request, context):
        return pb.ListMarksFilesResponse(files=[marks_file_message(r, r.processed or 0) for r in marks.recent(self.db)])

    @rpc(staff={"examinations"})
    def GetSemesterStatistics(self, request, context):
        found = statistics.semester(self.db, request.semester, request.program_code)
        order = {band.grade: place for place, band in enumerate(service.bands(self.db))}
        return pb.SemesterStatistics(semester=found.semester, program_code=found.program_code,
                                     candidates=found.candidates, published=found.published,
                                     courses=[group_message(g, order) for g in found.courses],
                                     centres=[group_message(g, order) for g in found.centres])

    @rpc(staff={"examinations"})
    def ListExamCases(self, request, context):
        found, grounds = cases.cases(self.db, request.status, request.kind)
        return pb.ListExamCasesResponse(cases=[case_message(*c) for c in found], grounds=[
            pb.CentreChangeGround(code=g.code, title=g.title) for g in grounds])

    @rpc(staff={"examinations"})
    def DecideRecheck(self, request, context):
        return case_message(cases.decide_recheck(
            self.db, request_number=request.request_number, course_code=request.course_code,
            changed=request.changed, assignment_marks=_optional(request, "assignment_marks"),
            final_exam_marks=_optional(request, "final_exam_marks"), note=request.note))

    @rpc(staff={"examinations"})
    def DecideCentreChange(self, request, context):
        return case_message(cases.decide_centre_change(
            self.db, request_number=request.request_number, approve=request.approve, centre_code=request.centre_code,
            ground=request.ground, note=request.note))

    @rpc(students=OWN, staff=RESULT_DEPARTMENTS)
    def GetExamSchedule(self, request, context):
        return schedule_message(slips.schedule(self.db, request.registration_number, request.semester))

    @rpc(students=OWN, staff=RESULT_DEPARTMENTS)
    def GetRollNumberSlip(self, request, context):
        return self._slip(slips.schedule(self.db, request.registration_number, request.semester))

    @rpc(public=True)
    def GetPublicRollNumberSlip(self, request, context):
        return self._slip(slips.public_schedule(self.db, program_code=request.program_code, semester=request.semester,
                                                registration_number=request.registration_number))

    @rpc(staff={"examinations"})
    def ListExamCentres(self, request, context):
        rows, semester, unplaced = centres.list_centres(self.db, request.region, request.semester)
        return pb.ListExamCentresResponse(centres=[centre_message(r, seated) for r, seated in rows],
                                          semester=semester, unplaced=unplaced)

    @rpc(staff={"examinations"})
    def SetExamCentre(self, request, context):
        return centre_message(centres.set_centre(
            self.db, code=request.code, region=request.region, name=request.name, address=request.address,
            capacity=request.capacity, active=request.active, by=auth.current_caller().subject))

    @rpc(public=True)
    def GetDateSheet(self, request, context):
        return self._date_sheet(request.semester, request.program_code)

    def _date_sheet(self, semester: str, program_code: str) -> pb.DateSheet:
        semester, program_code, rows = centres.date_sheet(self.db, semester, program_code)
        return pb.DateSheet(semester=semester, program_code=program_code, papers=[
            paper_message(r.course_code, r.course_title, r.paper_date, r.starts_at, r.ends_at) for r in rows])

    @rpc(staff={"examinations"})
    def SetDateSheetPaper(self, request, context):
        paper = request.paper
        centres.set_paper(self.db, semester=request.semester, program_code=request.program_code,
                          course_code=paper.course_code, course_title=paper.course_title, date=paper.date,
                          start=paper.start, end=paper.end, remove=request.remove, by=auth.current_caller().subject)
        return self._date_sheet(request.semester, request.program_code)

    @rpc(students=OWN, staff=RESULT_DEPARTMENTS)
    def GetResults(self, request, context):
        regno = identifiers.registration_number(request.registration_number)
        points = {band.grade: band.grade_point for band in service.bands(self.db)}
        gpa_levels = service.gpa_levels(self.db)
        published = service.published_results(self.db, regno)
        cgpa = domain.cgpa_of(published, points, gpa_levels)
        return pb.GetResultsResponse(registration_number=regno, cgpa=str(cgpa) if cgpa is not None else "",
                                     semesters=[semester_message(*p, points, gpa_levels) for p in published])

    @rpc(public=True)
    def GetPublicResult(self, request, context):
        card, version = publication.public_card(self.db, request.roll_number)
        return public_result_message(card, version)

    @rpc(staff={"examinations"})
    def PublishResults(self, request, context):
        return publication_message(publication.publish(self.db, request.semester, request.program_code,
                                                       by=auth.current_caller().subject))

    @rpc(staff={"examinations"})
    def ListPublications(self, request, context):
        return pb.ListPublicationsResponse(publications=[
            publication_message(r) for r in publication.publications(self.db, request.semester)])

    @rpc(students=OWN, staff=RESULT_DEPARTMENTS)
    def GetTranscript(self, request, context):
        found = transcripts.transcript(self.db, request.registration_number)
        full_name = identifiers.text(request.full_name, "full_name", max_length=120, required=True)
        document = transcripts.document(self.db, self.tokens, found, full_name)
        content = transcripts.pdf(found, full_name=full_name, father_name=request.father_name[:120],
                                  program=request.program[:120],
                                  verify_url=documents.qr_url(self.public_url, document.document_id))
        return documents_pb2.PdfDocument(content=content, file_name=transcripts.file_name(found),
                                         document_id=document.document_id)
