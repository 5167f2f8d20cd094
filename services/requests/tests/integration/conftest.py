import grpc
import pytest

from campus import testing
from campus.auth import authorize, current_caller
from campus.errors import NotFound
from cms.enrollment.v1 import enrollment_pb2 as enrollment_pb
from cms.enrollment.v1 import enrollment_pb2_grpc
from services.finance.bootstrap import SERVICE as FINANCE
from services.requests.bootstrap import SERVICE as REQUESTS

KNOWN_STUDENTS = {"22P-123456": ("Ayesha Siddiqui", "bed"), "23A-654321": ("Bilal Ahmed", "ba"),
                  "24C-000009": ("Chand Bibi", "diploma"), "23L-222333": ("Sana Javed", "ba")}
#: Each student's regional centre; Sana studies at Lahore, everyone else at Islamabad.
CENTRES = {"23L-222333": "LHR"}


class EnrollmentDouble(enrollment_pb2_grpc.EnrollmentServiceServicer):
    """Stands in for enrollment, which requests only asks for a student's centre, name and level."""

    def __init__(self, _runtime):
        pass

    def GetStudentProfile(self, request, context):
        authorize(current_caller(), owner=request.registration_number, services={"requests"})
        if request.registration_number not in KNOWN_STUDENTS:
            raise NotFound("no such student", field="registration_number")
        name, level = KNOWN_STUDENTS[request.registration_number]
        return enrollment_pb.StudentProfile(
            registration_number=request.registration_number, full_name=name, father_name="Muhammad Siddiqui",
            cnic="35202-1234567-1", date_of_birth="2001-09-03", postal_address="House 12, Street 4, G-9/1, Islamabad",
            mobile="+923001234567", email="student@example.pk",
            program=enrollment_pb.Program(code="X", title="X", level=level))

    def GetStudentCentre(self, request, context):  # the real policy (served under it): requests only
        if request.registration_number not in KNOWN_STUDENTS:
            raise NotFound("no such student", field="registration_number")
        code = CENTRES.get(request.registration_number, "ISB")
        return enrollment_pb.StudentCentre(registration_number=request.registration_number,
                                           regional_centre=enrollment_pb.RegionalCentre(code=code, name=code))


@pytest.fixture(scope="module")
def finance(users):
    with testing.service_runtime(FINANCE, users) as runtime, testing.grpc_server(FINANCE, runtime) as address:
        yield runtime, address


@pytest.fixture(scope="module")
def enrollment_addr(users, finance):
    from campus import testing
    from campus.grpc_server import GrpcServer
    server = GrpcServer(bind="127.0.0.1:0", workers=4, access=users.verifier, grace_seconds=0,
                        service_tokens=testing.service_tokens("enrollment"))
    testing.serve_double(server, "enrollment", EnrollmentDouble(None))
    port = server.start()
    yield f"127.0.0.1:{port}"
    server.stop()


@pytest.fixture(scope="module")
def attachments_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("attachments")


@pytest.fixture(scope="module")
def requests_runtime(users, finance, enrollment_addr, attachments_dir):
    peers = {"finance": finance[1], "enrollment": enrollment_addr}
    with testing.service_runtime(REQUESTS, users, peers=peers, attachments_dir=attachments_dir) as runtime:
        yield runtime


@pytest.fixture(scope="module")
def requests_addr(requests_runtime):
    with testing.grpc_server(REQUESTS, requests_runtime) as address:
        yield address


@pytest.fixture
def gateway(requests_addr, finance):
    return testing.clients_as("gateway", {"requests": requests_addr, "finance": finance[1]})


@pytest.fixture
def grpc_unavailable():
    return grpc.StatusCode.UNAVAILABLE
