"""Admission against real PostgreSQL and a real identity gRPC server: one student (her
record, registration number, event and account, exactly once), and bulk files applied
wholly or not at all with a report of every refused row."""
import csv
import io
import json

import pytest
import sqlalchemy as sa

from campus import testing
from campus.errors import AlreadyExists, InvalidArgument, NotFound, PermissionDenied
from cms.enrollment.v1 import enrollment_pb2 as pb
from services.enrollment import admission, peers
from services.enrollment.bootstrap import SERVICE as ENROLLMENT
from services.enrollment.models import students
from services.enrollment.seed import seed as enrollment_seed
from services.identity.bootstrap import SERVICE as IDENTITY
from services.identity.models import accounts, mail_outbox
from services.identity.tests.integration import support

RECORD = {"full_name": "Sadia Parveen", "father_name": "Ghulam Rasool", "cnic": "3740512345672",
          "date_of_birth": "2000-02-29", "gender": "Female", "postal_address": "House 7, Street 2, F-8/3, Islamabad",
          "mobile": "0300 1234567", "email": "sadia.parveen@example.pk", "program_code": "bed15",
          "centre_code": "isb", "admission_semester": "spring 2027"}


@pytest.fixture(scope="module")
def identity(users, tmp_path_factory):
    with testing.service_runtime(IDENTITY, users, var_dir=tmp_path_factory.mktemp("identity-var"),
                                 **support.FAST_ARGON2) as runtime, testing.grpc_server(IDENTITY, runtime) as address:
        yield runtime, address


@pytest.fixture(scope="module")
def enrollment(users, identity):
    with testing.service_runtime(ENROLLMENT, users, peers={"identity": identity[1]}) as runtime:
        enrollment_seed(runtime)  # opens Spring 2027's admission window
        with testing.grpc_server(ENROLLMENT, runtime) as address:
            yield runtime, address


@pytest.fixture(scope="module")
def desk(enrollment):
    clients = testing.clients_as("gateway", {"enrollment": enrollment[1]})
    yield clients
    clients.close()


@pytest.fixture
def officer(users):
    return users.staff("admissions.officer", "admissions")


def admit(desk, officer, key="", **changes):
    return desk.call("enrollment", "AdmitStudent", pb.AdmitStudentRequest(
        record=pb.AdmissionRecord(**{**RECORD, **changes}), idempotency_key=key), caller=officer)


def account_of(identity_runtime, regno):
    with identity_runtime.db.sessions() as s:
        return s.execute(sa.select(accounts).where(accounts.c.username == regno)).first()


def test_admitting_a_student_makes_her_record_number_event_and_account_once(desk, officer, enrollment, identity):
    admitted = admit(desk, officer, key="form-1")
    student = admitted.student
    assert student.registration_number.startswith("27S-") and len(student.registration_number) == 10
    assert (student.full_name, student.cnic, student.gender) == ("Sadia Parveen", "37405-1234567-2", "female")
    assert (student.program.code, student.regional_centre.code, student.admission_semester) == (
        "BED15", "ISB", "Spring 2027")
    assert student.mobile == "03001234567" and admitted.account_status == "opened"
    account = account_of(identity[0], student.registration_number)
    assert account.status == "activation_pending" and account.email == "sadia.parveen@example.pk"
    with identity[0].db.sessions() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(mail_outbox).where(
            mail_outbox.c.recipient == "sadia.parveen@example.pk")) == 1

    again = admit(desk, officer, key="form-1")  # the form submitted twice
    assert again.student.registration_number == student.registration_number
    with pytest.raises(AlreadyExists) as twice:
        admit(desk, officer, key="form-2")      # the same person and programme, another form
    assert (twice.value.field, twice.value.reason) == ("cnic", "ALREADY_ADMITTED")
    with enrollment[0].db.sessions() as s:
        events = [json.loads(e)["data"] for e in s.execute(sa.select(enrollment[0].db.outbox.c.envelope).where(
            enrollment[0].db.outbox.c.event_type == "student_admitted")).scalars()]
    assert [e["registration_number"] for e in events] == [student.registration_number]
    assert events[0]["level"] == "bed" and events[0]["regional_centre"] == "ISB"


def test_numbers_are_handed_out_in_order(desk, officer):
    first = admit(desk, officer, cnic="37405-0000001-1", email="a1@example.pk").student.registration_number
    second = admit(desk, officer, cnic="37405-0000002-1", email="a2@example.pk").student.registration_number
    assert int(second[-6:]) == int(first[-6:]) + 1


@pytest.mark.parametrize(("field", "value"), [
    ("cnic", "37405-123456-2"), ("date_of_birth", "2000-02-30"), ("date_of_birth", "2024-01-01"),
    ("gender", "f"), ("program_code", "MBBS"), ("centre_code", "XYZ"), ("admission_semester", "Autumn 2030"),
    ("admission_semester", "Summer 2027"), ("email", "not-an-address"), ("mobile", "12"), ("full_name", "  "),
    ("postal_address", "Isb"),
])
def test_a_bad_field_is_refused_naming_it_and_nothing_is_kept(desk, officer, enrollment, field, value):
    before = count_students(enrollment[0])
    with pytest.raises(InvalidArgument) as refused:
        admit(desk, officer, **{"cnic": "37405-7777777-1", field: value})
    assert refused.value.field == field
    assert count_students(enrollment[0]) == before


def count_students(runtime):
    with runtime.db.sessions() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(students))


def test_only_admissions_admit(desk, users):
    with pytest.raises(PermissionDenied):
        admit(desk, users.staff("regional.islamabad", "regional", centre="ISB"), cnic="37405-0000003-1")


def test_with_identity_away_the_record_stands_and_the_sweep_opens_the_account(enrollment, identity, users):
    runtime = enrollment[0]
    regno = admission.admit(runtime.db, {**RECORD, "cnic": "37405-0000004-1", "email": "late@example.pk"},
                            officer="admissions.officer")
    assert account_of(identity[0], regno) is None  # nobody asked identity yet
    with runtime.db.sessions() as s:
        assert s.scalar(sa.select(students.c.account_opened_at).where(students.c.registration_number == regno)) is None
    opened = admission.open_pending_accounts(runtime.db, peers.Accounts(runtime.clients, peers.AS_ENROLLMENT, 3.0))
    assert opened >= 1
    assert account_of(identity[0], regno).status == "activation_pending"
    assert admission.open_pending_accounts(runtime.db, peers.Accounts(runtime.clients, peers.AS_ENROLLMENT, 3.0)) == 0


def file_of(rows, header=admission.domain.ADMISSION_FIELDS):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def rows(count, start=100):
    return [{**RECORD, "full_name": f"Student {i}", "cnic": f"61101-{i:07d}-1", "email": f"s{i}@example.pk"}
            for i in range(start, start + count)]


def submit(desk, officer, text, name="autumn.csv"):
    return desk.call("enrollment", "SubmitAdmissionBatch", pb.SubmitAdmissionBatchRequest(file_name=name, csv=text),
                     caller=officer)


def test_a_good_file_is_applied_whole_with_a_report_of_the_numbers(desk, officer, enrollment):
    batch = submit(desk, officer, "\ufeff" + file_of(rows(300)))
    assert (batch.status, batch.total, list(batch.refused)) == ("queued", 300, [])
    assert admission.apply_next_batch(enrollment[0].db) == batch.batch_id
    done = desk.call("enrollment", "GetAdmissionBatch", pb.GetAdmissionBatchRequest(batch_id=batch.batch_id),
                     caller=officer)
    assert (done.status, done.processed, done.finished_at != "") == ("applied", 300, True)
    report = desk.call("enrollment", "GetAdmissionBatchReport", pb.GetAdmissionBatchRequest(
        batch_id=batch.batch_id), caller=officer)
    admitted = list(csv.DictReader(io.StringIO(report.csv)))
    assert len(admitted) == 300 and len({r["registration_number"] for r in admitted}) == 300
    assert admitted[0]["full_name"] == "Student 100"
    assert admission.apply_next_batch(enrollment[0].db) is None
    listed = desk.call("enrollment", "ListAdmissionBatches", pb.ListAdmissionBatchesRequest(), caller=officer)
    assert (listed.batches[0].batch_id, listed.batches[0].processed) == (batch.batch_id, 300)


def test_a_file_with_bad_rows_is_refused_whole_naming_every_one(desk, officer, enrollment):
    good = rows(5, start=900)
    bad = [{**good[0], "full_name": "Copy"},                     # line 7: the same person and programme as line 2
           {**good[1], "cnic": "61101-9999999-1", "program_code": "NOPE", "gender": "x"},   # line 8: two problems
           {**good[2], "cnic": "61101-0000100-1"}]               # line 9: admitted by the file before
    batch = submit(desk, officer, file_of(good + bad))
    assert batch.status == "refused"
    assert [(r.row, r.field) for r in batch.refused] == [
        (7, "cnic"), (8, "gender"), (8, "program_code"), (9, "cnic")]
    assert "line 2" in batch.refused[0].message
    report = desk.call("enrollment", "GetAdmissionBatchReport", pb.GetAdmissionBatchRequest(
        batch_id=batch.batch_id), caller=officer)
    assert report.csv.splitlines()[0] == "line,field,reason" and len(report.csv.splitlines()) == 5
    with enrollment[0].db.sessions() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(students).where(
            students.c.cnic.like("61101-00009%"))) == 0


def test_a_file_that_is_not_the_form_is_refused_at_once(desk, officer):
    for text in ("", "name,cnic\nA,1\n", file_of([])):
        with pytest.raises(InvalidArgument) as refused:
            submit(desk, officer, text)
        assert refused.value.field == "file"


def test_an_unknown_batch_is_not_found(desk, officer):
    for batch_id in ("nope", "00000000-0000-0000-0000-000000000000"):
        with pytest.raises(NotFound):
            desk.call("enrollment", "GetAdmissionBatch", pb.GetAdmissionBatchRequest(batch_id=batch_id),
                      caller=officer)
