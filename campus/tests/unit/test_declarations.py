"""The platform derives everything from each service's own definition: it names no
service itself, and every RPC of every service says who may call it and whether a
client may retry it."""
import io
import json
import pathlib
import re
import tokenize

import pytest

from campus import policy, registry
from campus.config import ROOT
from campus.grpc_client import _service_config

CAMPUS = ROOT / "campus"


def _code_words(path: pathlib.Path):
    """Names and string literals of a module's code; comments and docstrings are prose."""
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text()).readline))
    previous = tokenize.NEWLINE
    for token in tokens:
        if token.type == tokenize.NAME:
            yield token.start[0], token.string
        elif token.type == tokenize.STRING and previous not in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT,
                                                                   tokenize.DEDENT):
            yield token.start[0], token.string
        if token.type not in (tokenize.COMMENT, tokenize.NL):
            previous = token.type


def test_the_registry_finds_every_service_folder_in_port_order():
    names = registry.names()
    folders = {p.parent.name for p in (ROOT / "services").glob("*/bootstrap.py")}
    assert set(names) == folders and len(names) >= 6
    ports = [registry.definition(n).port for n in names]
    assert ports == sorted(ports) and len(set(ports)) == len(ports)


def test_no_service_is_named_in_the_platform():
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, registry.names())) + r")\b")
    departments = re.compile(r"\b(" + "|".join(map(re.escape, registry.departments())) + r")\b")
    found = []
    for path in sorted(CAMPUS.rglob("*.py")):
        if "tests" in path.relative_to(CAMPUS).parts:
            continue
        for line, word in _code_words(path):
            if pattern.search(word) or departments.search(word):
                found.append(f"{path.relative_to(ROOT)}:{line}: {word}")
    assert not found, "campus/ must derive these from the services' definitions:\n" + "\n".join(found)


@pytest.mark.parametrize("name", registry.names())
def test_every_rpc_declares_its_callers(name):
    definition = registry.definition(name)
    servicer = definition.servicer_class()
    methods = definition.method_names()
    assert methods
    assert policy.undeclared(servicer, methods) == []
    assert policy.unknown_departments(servicer, methods, registry.departments()) == []


@pytest.mark.parametrize("name", registry.names())
def test_retries_are_built_from_the_proto_idempotency_level(name):
    definition = registry.definition(name)
    config = json.loads(_service_config(definition))
    retried = {m["method"] for block in config.get("methodConfig", []) for m in block["name"]}
    levels = {m.name: m.GetOptions().idempotency_level for m in definition.api.methods}
    assert retried == {method for method, level in levels.items() if level != 0}
    for block in config.get("methodConfig", []):
        assert block["retryPolicy"]["retryableStatusCodes"] == ["UNAVAILABLE"]


def test_writes_are_retried_only_where_the_proto_says_so():
    retried = {n: set(registry.definition(n).idempotent_methods()) for n in registry.names()}
    assert "BillPayment" in retried["finance"] and "IssueChallan" in retried["finance"]
    assert "FileRequest" not in retried["requests"] and "Login" not in retried["identity"]
    assert "GetRequest" in retried["requests"] and "ListDepartmentQueue" in retried["requests"]


def test_one_service_signs_access_tokens_and_one_names_the_departments():
    assert registry.token_issuer().public_keys
    assert len([d for d in registry.definitions() if d.departments]) == 1


def test_a_server_will_not_serve_a_method_without_a_declared_policy():
    from campus import testing
    from campus.grpc_server import GrpcServer

    definition = registry.definition(registry.names()[0])

    class Undeclared(definition.servicer_class().__mro__[1]):   # the generated base: no @rpc at all
        pass

    server = GrpcServer(bind="127.0.0.1:0", workers=1, access=None,
                        service_tokens=testing.service_tokens("test"))
    with pytest.raises(SystemExit, match="no caller policy"):
        server.add(definition, Undeclared())


# -- least privilege: every grant, and who uses it --------------------------------------
S = policy.ALL
ANNOUNCING = {"student_services", "admissions", "examinations", "treasury", "regional"}
#: Every grant of every RPC to staff departments and to calling services (issue 7: grants
#: nothing uses are removed). A new grant is a deliberate edit here too, made with the
#: tool or the peer call that needs it. Staff reads of a student's record stay with the
#: departments that keep or serve it; regional offices only where the service can limit
#: them to their own centre (enrollment); every service grant has a peer that calls it.
GRANTS = {
    ("identity", "Login"): (set(), {"gateway"}),
    ("identity", "Refresh"): (set(), {"gateway"}),
    ("identity", "Logout"): (S, set()),
    ("identity", "ChangePassword"): (S, set()),
    ("identity", "Activate"): (set(), {"gateway"}),
    ("identity", "RequestPasswordReset"): (set(), {"gateway"}),
    ("identity", "ResetPassword"): (set(), {"gateway"}),
    ("identity", "AuthenticateBank"): (set(), {"gateway"}),
    ("identity", "CreateStudentAccount"): ({"admissions"}, {"enrollment"}),
    ("identity", "GetAccount"): (S, set()),
    ("identity", "LockAccount"): ({"student_services"}, set()),
    ("identity", "UnlockAccount"): ({"student_services"}, set()),
    # The feed of ended sessions, polled by the platform in every process (campus.sessions).
    ("identity", "EndedSessions"): (set(), {"gateway", *registry.names()}),
    # Each staff member's own second factor (the portal's security page).
    ("identity", "GetMfaStatus"): (S, set()),
    ("identity", "BeginMfaEnrolment"): (S, set()),
    ("identity", "ConfirmMfaEnrolment"): (S, set()),
    ("identity", "RegenerateRecoveryCodes"): (S, set()),
    ("identity", "DisableMfa"): (S, set()),
    ("identity", "ListAuditEvents"): ({"student_services"}, set()),
    ("enrollment", "GetStudentProfile"): ({"admissions", "student_services", "dispatch", "regional"},
                                         {"requests", "notifications"}),
    # Requests stores the student's centre on each filed request (regional staff see theirs).
    ("enrollment", "GetStudentCentre"): (set(), {"requests"}),
    ("enrollment", "ListRegisteredCourses"): ({"admissions", "regional"}, set()),
    ("enrollment", "ListHolds"): ({"admissions", "student_services"}, set()),
    ("enrollment", "PlaceHold"): ({"admissions", "student_services"}, set()),
    ("enrollment", "LiftHold"): ({"admissions", "student_services"}, set()),
    ("enrollment", "AdmitStudent"): ({"admissions"}, set()),
    ("enrollment", "ListAdmissionBatches"): ({"admissions"}, set()),
    ("enrollment", "AddCourse"): ({"admissions"}, set()),
    ("enrollment", "SetSchemeCourse"): ({"admissions"}, set()),
    ("enrollment", "SetOffering"): ({"admissions"}, set()),
    ("enrollment", "ListTutors"): ({"regional"}, set()),
    ("enrollment", "AddTutor"): ({"regional"}, set()),
    ("enrollment", "AssignTutor"): ({"regional"}, set()),
    ("enrollment", "AllocateTutors"): ({"regional"}, set()),
    ("enrollment", "GetStudentRecord"): ({"admissions"}, set()),
    ("enrollment", "CorrectRecord"): ({"admissions"}, set()),
    ("enrollment", "ListSemesters"): ({"admissions"}, set()),
    ("enrollment", "SetSemesterWindows"): ({"admissions"}, set()),
    ("enrollment", "SubmitAdmissionBatch"): ({"admissions"}, set()),
    ("enrollment", "GetAdmissionBatch"): ({"admissions"}, set()),
    ("enrollment", "GetAdmissionBatchReport"): ({"admissions"}, set()),
    ("exams", "GetResults"): ({"examinations", "student_services"}, set()),
    ("exams", "GetExamSchedule"): ({"examinations", "student_services"}, set()),
    ("exams", "GetRollNumberSlip"): ({"examinations", "student_services"}, set()),
    ("exams", "ListDocuments"): ({"examinations", "student_services"}, set()),
    ("exams", "RevokeDocument"): ({"examinations"}, set()),
    ("exams", "ListExamCentres"): ({"examinations"}, set()),
    ("exams", "SetExamCentre"): ({"examinations"}, set()),
    ("exams", "SetDateSheetPaper"): ({"examinations"}, set()),
    ("exams", "PublishResults"): ({"examinations"}, set()),
    ("exams", "RecordMarks"): ({"examinations"}, set()),
    ("exams", "ListExamCases"): ({"examinations"}, set()),
    ("exams", "DecideRecheck"): ({"examinations"}, set()),
    ("exams", "DecideCentreChange"): ({"examinations"}, set()),
    ("exams", "SubmitMarksFile"): ({"examinations"}, set()),
    ("exams", "GetMarksFile"): ({"examinations"}, set()),
    ("exams", "ListMarksFiles"): ({"examinations"}, set()),
    ("exams", "GetSemesterStatistics"): ({"examinations"}, set()),
    ("exams", "ListPublications"): ({"examinations"}, set()),
    ("exams", "GetTranscript"): ({"examinations", "student_services"}, set()),
    ("finance", "IssueChallan"): ({"treasury"}, {"requests", "enrollment"}),
    ("finance", "GetChallan"): ({"treasury"}, set()),
    ("finance", "GetStudentAccount"): ({"treasury"}, set()),
    ("finance", "GetChallanPdf"): ({"treasury"}, set()),
    ("finance", "ReconcileSettlement"): ({"treasury"}, set()),
    ("finance", "ListSettlements"): ({"treasury"}, set()),
    ("finance", "GetSettlement"): ({"treasury"}, set()),
    ("finance", "ListUnmatched"): ({"treasury"}, set()),
    ("finance", "ResolveUnmatched"): ({"treasury"}, set()),
    ("finance", "CancelChallan"): ({"treasury"}, set()),
    ("finance", "SupersedeChallan"): ({"treasury"}, set()),
    ("finance", "GetTreasuryFigures"): ({"treasury"}, set()),
    ("finance", "ListRefundCases"): ({"treasury"}, set()),
    ("finance", "DecideRefund"): ({"treasury"}, set()),
    ("finance", "ListAidCases"): ({"student_services", "treasury"}, set()),
    ("finance", "ListFeeRows"): ({"treasury"}, set()),
    ("finance", "ListRecoveries"): ({"treasury"}, set()),
    ("finance", "MarkRecovered"): ({"treasury"}, set()),
    ("finance", "SetFee"): ({"treasury"}, set()),
    ("finance", "DecideAid"): ({"student_services", "treasury"}, set()),
    ("finance", "RecordManualPayment"): ({"treasury"}, set()),
    ("finance", "ListDocuments"): ({"treasury"}, set()),
    ("finance", "RevokeDocument"): ({"treasury"}, set()),
    ("requests", "GetRequest"): (S, set()),
    ("requests", "ListStudentRequests"): ({"student_services"}, set()),
    ("requests", "ListDepartmentQueue"): (S, set()),
    # The thread, documents and decisions: the servicer checks the handling department.
    ("requests", "AddAttachment"): (S, set()),
    ("requests", "GetAttachment"): (S, set()),
    ("requests", "AddComment"): (S, set()),
    ("requests", "DecideRequest"): (S, set()),
    ("requests", "DecideCorrection"): (S, set()),
    ("requests", "GetQueueFigures"): (S, set()),
    # The help desk: student services answer the complaints anyone files.
    ("requests", "ListComplaints"): ({"student_services"}, set()),
    ("requests", "GetComplaint"): ({"student_services"}, set()),
    ("requests", "GetComplaintDocument"): ({"student_services"}, set()),
    ("requests", "AnswerComplaint"): ({"student_services"}, set()),
    ("requests", "SaveFaqArticle"): ({"student_services"}, set()),
    ("requests", "ListFaqArticles"): ({"student_services"}, set()),
    ("requests", "AssignRequest"): (S, set()),
    ("tracking", "ListStudentTracking"): ({"dispatch", "examinations", "student_services"}, set()),
    # Examinations and dispatch move applications (tracking's domain.MOVES says which stages).
    ("tracking", "ListApplications"): ({"dispatch", "examinations", "student_services"}, set()),
    ("tracking", "GetApplication"): ({"dispatch", "examinations", "student_services"}, set()),
    ("tracking", "GetObjectionDocument"): ({"dispatch", "examinations", "student_services"}, set()),
    ("tracking", "MoveStage"): ({"dispatch", "examinations"}, set()),
    # Books mailing: dispatch sends parcels and records what the post said.
    ("tracking", "DispatchParcels"): ({"dispatch"}, set()),
    ("tracking", "SetParcelStatus"): ({"dispatch"}, set()),
    ("tracking", "ListParcels"): ({"dispatch"}, set()),
    # How long recent cases took at each stage: aggregate, nobody's record (the case timeline).
    ("requests", "GetStageDurations"): ("*", set()),
    ("tracking", "GetStageDurations"): ("*", set()),
    ("tracking", "RaiseObjection"): ({"dispatch", "examinations"}, set()),
    # Announcements: a regional office to its own centre only (notifications checks the audience).
    ("notifications", "PublishAnnouncement"): (ANNOUNCING, set()),
    ("notifications", "ListAnnouncements"): (ANNOUNCING, set()),
    ("notifications", "WithdrawAnnouncement"): (ANNOUNCING, set()),
    ("notifications", "ListDeliveries"): ({"student_services"}, set()),
    ("notifications", "RetryDelivery"): ({"student_services"}, set()),
    ("notifications", "RegisterPartner"): ({"student_services"}, set()),
    ("notifications", "ListPartners"): ({"student_services"}, set()),
    ("notifications", "SetPartnerActive"): ({"student_services"}, set()),
    ("notifications", "ListWebhookDeliveries"): ({"student_services"}, set()),
    ("notifications", "RedeliverWebhook"): ({"student_services"}, set()),
}


def _declared_grants() -> dict:
    found = {}
    for name in registry.names():
        definition = registry.definition(name)
        servicer = definition.servicer_class()
        for method in definition.method_names():
            declared = policy.policy_of(servicer, method)
            staff = declared.staff if declared.staff == policy.ALL else set(declared.staff)
            if staff or declared.services:
                found[(name, method)] = (staff, set(declared.services))
    return found


def test_no_grant_grows_silently():
    assert _declared_grants() == GRANTS


def _source_of(folder: pathlib.Path) -> str:
    return "\n".join(p.read_text() for p in sorted(folder.rglob("*.py")) if "tests" not in p.parts)


#: Called by the platform on every process's behalf, not by any one service's code.
PLATFORM_CALLS = {("identity", "EndedSessions")}


@pytest.mark.parametrize("service, method", sorted(k for k, (_staff, services) in GRANTS.items()
                                                   if services and k not in PLATFORM_CALLS))
def test_every_calling_service_granted_a_method_calls_it(service, method):
    for caller in GRANTS[(service, method)][1]:
        code = _source_of(ROOT / "gateway" if caller == "gateway" else ROOT / "services" / caller)
        assert f'"{method}"' in code and f'"{service}"' in code, f"{caller} never calls {service}.{method}"
