"""Filing and reading service requests: real PostgreSQL, real gRPC, a real finance service."""
import uuid

import pytest
import sqlalchemy as sa

from campus.errors import AlreadyExists, FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from cms.finance.v1 import finance_pb2
from cms.requests.v1 import requests_pb2 as pb
from services.requests.models import request_numbers, service_requests

AYESHA, BILAL = "22P-123456", "23A-654321"


def file(gateway, users, regno=AYESHA, category="other_fee_challan", subtype="degree_fee_urgent", details="Urgent",
         key="", changes=None):
    return gateway.call("requests", "FileRequest", pb.FileRequestRequest(
        registration_number=regno, category=category, subtype=subtype, details=details, idempotency_key=key,
        changes=[pb.CorrectionChange(field=f, new_value=v) for f, v in (changes or {}).items()]),
        caller=users.student(regno))


def test_catalogue_has_every_category_and_the_fee_codes(gateway):
    catalogue = gateway.call("requests", "GetCatalogue", pb.GetCatalogueRequest())
    by_code = {c.code: c for c in catalogue.categories}
    assert {"financial_aid", "fee_refund", "other_fee_challan", "personal_info_correction"} <= set(by_code)
    subtypes = {s.code: s for s in by_code["other_fee_challan"].subtypes}
    assert len(subtypes) == 9
    assert subtypes["degree_fee_urgent"].fee_code == "degree_urgent"
    assert subtypes["degree_fee_urgent"].title == "Certificate/Diploma/Degree Fee – Urgent"


def test_a_fee_bearing_request_gets_its_challan(gateway, users, finance):
    filed = file(gateway, users)
    assert filed.status == "awaiting_payment"
    assert filed.request_number.startswith("SR-")
    assert filed.challan.amount_paisa == 200000 and len(filed.challan.consumer_number) == 18
    challan = gateway.call("finance", "GetChallan", finance_pb2.GetChallanRequest(
        consumer_number=filed.challan.consumer_number), caller=users.student(AYESHA))
    assert challan.reference == filed.request_number and challan.payer_name == "Ayesha Siddiqui"
    assert [h.status for h in filed.history] == ["awaiting_payment"]


def test_the_fee_follows_the_students_level(gateway, users):
    assert file(gateway, users, regno=BILAL).challan.amount_paisa == 160000  # BA urgent: Rs 1,600


def test_a_request_without_fee_is_submitted_without_challan(gateway, users):
    filed = file(gateway, users, category="general_query", subtype="general_query", details="Exam dates?")
    assert filed.status == "submitted" and not filed.HasField("challan")


def test_the_same_idempotency_key_files_one_request(gateway, users, requests_runtime):
    key = uuid.uuid4().hex
    first, again = file(gateway, users, key=key), file(gateway, users, key=key)
    assert first.request_number == again.request_number
    assert first.challan.consumer_number == again.challan.consumer_number
    with pytest.raises(AlreadyExists) as reused:
        file(gateway, users, key=key, subtype="degree_fee_ordinary")
    assert reused.value.field == "idempotency_key"


@pytest.mark.parametrize("change, field", [
    ({"category": "no_such_category"}, "category"),
    ({"subtype": "no_such_subtype"}, "subtype"),
    ({"category": "fee_refund", "subtype": "degree_fee_urgent"}, "subtype"),
    ({"details": "x" * 2001}, "details"),
    ({"category": "Bad Code!"}, "category"),
])
def test_bad_filings_name_the_field_and_write_nothing(gateway, users, requests_runtime, change, field):
    with requests_runtime.db.sessions() as s:
        before = s.scalar(sa.select(sa.func.count()).select_from(service_requests))
    with pytest.raises(InvalidArgument) as bad:
        file(gateway, users, **change)
    assert bad.value.field == field
    with requests_runtime.db.sessions() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(service_requests)) == before


def test_a_student_files_only_for_themselves(gateway, users):
    with pytest.raises(PermissionDenied):
        gateway.call("requests", "FileRequest", pb.FileRequestRequest(
            registration_number=BILAL, category="general_query", subtype="general_query", details="hi"),
            caller=users.student(AYESHA))


def test_someone_elses_request_is_not_found(gateway, users):
    filed = file(gateway, users)
    mine = gateway.call("requests", "GetRequest", pb.GetRequestRequest(request_number=filed.request_number),
                        caller=users.student(AYESHA))
    assert mine.request_number == filed.request_number
    with pytest.raises(NotFound):
        gateway.call("requests", "GetRequest", pb.GetRequestRequest(request_number=filed.request_number),
                     caller=users.student(BILAL))


def test_staff_see_their_departments_queue_only(gateway, users):
    filed = file(gateway, users)
    queue = gateway.call("requests", "ListDepartmentQueue", pb.ListDepartmentQueueRequest(department="examinations"),
                         caller=users.staff("exams.officer", "examinations"))
    assert filed.request_number in {r.request_number for r in queue.requests}
    with pytest.raises(PermissionDenied):
        gateway.call("requests", "ListDepartmentQueue", pb.ListDepartmentQueueRequest(department="examinations"),
                     caller=users.staff("treasury.officer", "treasury"))
    assert gateway.call("requests", "GetRequest", pb.GetRequestRequest(request_number=filed.request_number),
                        caller=users.staff("exams.officer", "examinations")).status == "awaiting_payment"


def test_unknown_student_files_nothing(gateway, users, requests_runtime):
    with pytest.raises(NotFound):
        file(gateway, users, regno="24B-000001")
    with requests_runtime.db.sessions() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(service_requests).where(
            service_requests.c.registration_number == "24B-000001")) == 0
        # Asked before anything is written: not even a number is reserved.
        assert s.scalar(sa.select(sa.func.count()).select_from(request_numbers).where(
            request_numbers.c.registration_number == "24B-000001")) == 0


def test_a_fee_finance_refuses_withdraws_the_filing(gateway, users, requests_runtime):
    # 24C-000009 studies at a level with no degree fee in finance's schedule: finance
    # refuses (it never charges another level's fee) and names the level.
    with pytest.raises(FailedPrecondition) as refused:
        file(gateway, users, regno="24C-000009")
    assert refused.value.field == "level"
    with requests_runtime.db.sessions() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(service_requests).where(
            service_requests.c.registration_number == "24C-000009")) == 0


def test_the_same_key_filed_ten_times_at_once_is_one_request(gateway, users, requests_runtime):
    from concurrent.futures import ThreadPoolExecutor
    key = uuid.uuid4().hex
    with ThreadPoolExecutor(max_workers=10) as pool:
        filed = list(pool.map(lambda _: file(gateway, users, key=key), range(10)))
    assert len({f.request_number for f in filed}) == 1
    assert {f.status for f in filed} == {"awaiting_payment"}
    with requests_runtime.db.sessions() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(service_requests).where(
            service_requests.c.idempotency_key == key)) == 1


def test_a_filing_interrupted_midway_is_finished_by_the_sweeper(requests_runtime, finance):
    import datetime as dt

    from services.requests import peers, service
    filing = service.Filing(AYESHA, "other_fee_challan", "degree_fee_ordinary", "interrupted")
    filing, subtype = service.validate(requests_runtime.db, filing, 2000)
    stalled = service.open_filing(requests_runtime.db, filing, subtype, centre="ISB")  # ...then the process died
    assert stalled.status == "filing" and stalled.consumer_number is None
    desk = peers.ChallanDesk(requests_runtime.clients, peers.AS_REQUESTS, 3.0)
    assert service.resume_stalled_filings(requests_runtime.db, desk, older_than=dt.timedelta(0)) >= 1
    finished = service.get_request(requests_runtime.db, stalled.request_number)
    assert finished.status == "awaiting_payment" and len(finished.consumer_number) == 18
