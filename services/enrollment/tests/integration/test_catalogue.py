"""Reference data against real PostgreSQL over enrollment's gRPC server: the public
prospectus of programmes and schemes, and admissions adding a course, putting it in a
scheme and offering it (never withdrawing one students are registered for)."""
import pytest

from campus.errors import AlreadyExists, FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from cms.enrollment.v1 import enrollment_pb2 as pb


def call(as_gateway, method, request, caller=None):
    return as_gateway.call("enrollment", method, request, caller=caller)


def test_anyone_reads_the_programmes_with_their_schemes(as_gateway):
    programs = {p.code: p for p in call(as_gateway, "ListPrograms", pb.ListProgramsRequest()).programs}
    bed = programs["BED15"]
    assert (bed.level, bed.credit_hours_total, bed.max_duration_years, bed.max_semester_credit_hours) == (
        "bed", 54, 3, 18)
    assert [(c.semester_number, c.code) for c in bed.scheme][:4] == [(1, "8601"), (1, "8602"), (1, "8603"),
                                                                     (2, "8604")]
    assert {"FA", "BED4", "MED", "MPHILEDU", "PHDEDU"} <= set(programs)
    assert programs["ADBA"].scheme[2].practical_credit_hours == 1  # 9384 Application of ICT 3(2+1)
    assert [c.code for c in call(as_gateway, "ListCentres", pb.ListCentresRequest()).centres][:2] == ["FSD", "ISB"]
    offered = call(as_gateway, "ListOfferings", pb.ListOfferingsRequest(semester="Spring 2027"))
    assert "8604" in {c.code for c in offered.courses}


def test_admissions_add_a_course_to_a_scheme_and_offer_it(as_gateway, users):
    officer = users.staff("admissions.officer", "admissions")
    added = call(as_gateway, "AddCourse", pb.AddCourseRequest(code="8607", title="Teaching Practice",
                                                              credit_hours=6, practical_credit_hours=6), officer)
    assert (added.code, added.credit_hours) == ("8607", 6)
    with pytest.raises(AlreadyExists):
        call(as_gateway, "AddCourse", pb.AddCourseRequest(code="8607", title="Again", credit_hours=3), officer)
    program = call(as_gateway, "SetSchemeCourse", pb.SetSchemeCourseRequest(
        program_code="bed15", course_code="8607", semester_number=3), officer)
    assert (3, "8607") in [(c.semester_number, c.code) for c in program.scheme]
    offered = call(as_gateway, "SetOffering", pb.SetOfferingRequest(semester="Spring 2027", course_code="8607",
                                                                     offered=True), officer)
    assert "8607" in {c.code for c in offered.courses}
    withdrawn = call(as_gateway, "SetOffering", pb.SetOfferingRequest(semester="Spring 2027", course_code="8607",
                                                                       offered=False), officer)
    assert "8607" not in {c.code for c in withdrawn.courses}
    with pytest.raises(FailedPrecondition):  # the demo student is registered for 8604 in Spring 2026
        call(as_gateway, "SetOffering", pb.SetOfferingRequest(semester="Spring 2026", course_code="8604",
                                                              offered=False), officer)


@pytest.mark.parametrize(("method", "request_", "field"), [
    ("AddCourse", pb.AddCourseRequest(code="86 07", title="X", credit_hours=3), "code"),
    ("AddCourse", pb.AddCourseRequest(code="9999", title="X", credit_hours=0), "credit_hours"),
    ("AddCourse", pb.AddCourseRequest(code="9999", title="X", credit_hours=3, practical_credit_hours=4),
     "practical_credit_hours"),
    ("AddCourse", pb.AddCourseRequest(code="9999", title=" ", credit_hours=3), "title"),
    ("SetSchemeCourse", pb.SetSchemeCourseRequest(program_code="BED15", course_code="8601", semester_number=9),
     "semester_number"),
])
def test_bad_reference_data_names_the_field(as_gateway, users, method, request_, field):
    with pytest.raises(InvalidArgument) as refused:
        call(as_gateway, method, request_, users.staff("admissions.officer", "admissions"))
    assert refused.value.field == field


def test_unknown_things_are_not_found_and_only_admissions_change_them(as_gateway, users):
    officer = users.staff("admissions.officer", "admissions")
    for method, request_ in (("SetSchemeCourse", pb.SetSchemeCourseRequest(program_code="NOPE", course_code="8601",
                                                                            semester_number=1)),
                             ("SetOffering", pb.SetOfferingRequest(semester="Autumn 2040", course_code="8601",
                                                                   offered=True))):
        with pytest.raises(NotFound):
            call(as_gateway, method, request_, officer)
    with pytest.raises(PermissionDenied):
        call(as_gateway, "AddCourse", pb.AddCourseRequest(code="9998", title="X", credit_hours=3),
             users.staff("exams.officer", "examinations"))
