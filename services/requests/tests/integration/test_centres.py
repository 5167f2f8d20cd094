"""Regional staff see only their own centre's requests: each request stores its student's
centre (asked of enrollment when it is filed); real PostgreSQL, real gRPC."""
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from campus import clock, migrations, testing
from campus.errors import NotFound
from cms.requests.v1 import requests_pb2 as pb
from services.requests.models import FAQ_SEARCH_OBJECTS, metadata, request_numbers, service_requests

AYESHA, SANA = "22P-123456", "23L-222333"  # Islamabad, Lahore (the enrollment double's CENTRES)


def file(gateway, users, regno, subtype="tutor_not_allocated", category="helpdesk_complaint"):
    return gateway.call("requests", "FileRequest", pb.FileRequestRequest(
        registration_number=regno, category=category, subtype=subtype, details="No tutor yet"),
        caller=users.student(regno))


def queue(gateway, caller, department="regional"):
    answer = gateway.call("requests", "ListDepartmentQueue", pb.ListDepartmentQueueRequest(
        department=department, limit=200), caller=caller)
    return {r.request_number for r in answer.requests}


def get(gateway, number, caller):
    return gateway.call("requests", "GetRequest", pb.GetRequestRequest(request_number=number), caller=caller)


def stored_centre(runtime, number):
    with runtime.db.sessions() as s:
        return s.scalar(sa.select(service_requests.c.centre).where(service_requests.c.request_number == number))


@pytest.fixture
def officers(users):
    return {"ISB": users.staff("regional.islamabad", "regional", centre="ISB"),
            "LHR": users.staff("regional.lahore", "regional", centre="LHR")}


def test_each_request_stores_its_students_centre(gateway, users, requests_runtime):
    islamabad, lahore = file(gateway, users, AYESHA), file(gateway, users, SANA)
    assert stored_centre(requests_runtime, islamabad.request_number) == "ISB"
    assert stored_centre(requests_runtime, lahore.request_number) == "LHR"
    # A fee-bearing filing too, through its two steps (challan and all).
    paid = file(gateway, users, SANA, category="other_fee_challan", subtype="degree_fee_urgent")
    assert paid.status == "awaiting_payment" and stored_centre(requests_runtime, paid.request_number) == "LHR"


def test_regional_staff_see_only_their_own_centres_queue(gateway, users, officers):
    islamabad, lahore = file(gateway, users, AYESHA), file(gateway, users, SANA)
    seen_isb, seen_lhr = queue(gateway, officers["ISB"]), queue(gateway, officers["LHR"])
    assert islamabad.request_number in seen_isb and lahore.request_number not in seen_isb
    assert lahore.request_number in seen_lhr and islamabad.request_number not in seen_lhr
    # The empty department asks for the caller's own, as the gateway does.
    assert queue(gateway, officers["LHR"], department="") == seen_lhr


def test_another_centres_request_is_not_found(gateway, users, officers):
    islamabad, lahore = file(gateway, users, AYESHA), file(gateway, users, SANA)
    assert get(gateway, islamabad.request_number, officers["ISB"]).registration_number == AYESHA
    assert get(gateway, lahore.request_number, officers["LHR"]).registration_number == SANA
    for number, officer in ((islamabad.request_number, officers["LHR"]), (lahore.request_number, officers["ISB"])):
        with pytest.raises(NotFound) as hidden:  # as for a number nobody has
            get(gateway, number, officer)
        assert hidden.value.field == "request_number"


def test_a_regional_token_without_a_centre_sees_none(gateway, users):
    filed = file(gateway, users, AYESHA)
    nowhere = users.staff("regional.nowhere", "regional")
    assert queue(gateway, nowhere) == set()
    with pytest.raises(NotFound):
        get(gateway, filed.request_number, nowhere)


def test_other_departments_see_every_centre_as_before(gateway, users):
    islamabad, lahore = file(gateway, users, AYESHA), file(gateway, users, SANA)
    # Student services oversees every queue, the regional one included, of every centre.
    oversight = users.staff("services.officer", "student_services")
    assert {islamabad.request_number, lahore.request_number} <= queue(gateway, oversight)
    assert get(gateway, lahore.request_number, oversight).registration_number == SANA
    # A centre in another department's token limits nothing.
    paid = [file(gateway, users, regno, category="other_fee_challan", subtype="degree_fee_urgent")
            for regno in (AYESHA, SANA)]
    for exams in (users.staff("exams.officer", "examinations"),
                  users.staff("exams.lahore", "examinations", centre="LHR")):
        assert {p.request_number for p in paid} <= queue(gateway, exams, department="examinations")
        assert get(gateway, paid[0].request_number, exams).registration_number == AYESHA
    # The students themselves, of course.
    assert get(gateway, lahore.request_number, users.student(SANA)).registration_number == SANA


def test_a_request_filed_before_centres_were_stored_is_seen_by_no_regional_officer(
        gateway, users, officers, requests_runtime):
    filed = file(gateway, users, AYESHA)
    with requests_runtime.db.unit_of_work() as uow:  # as the migration leaves every earlier request
        uow.session.execute(sa.update(service_requests).where(
            service_requests.c.request_number == filed.request_number).values(centre=""))
        uow.commit()
    for officer in (*officers.values(), users.staff("regional.nowhere", "regional")):
        assert filed.request_number not in queue(gateway, officer)
        with pytest.raises(NotFound):
            get(gateway, filed.request_number, officer)
    oversight = users.staff("services.officer", "student_services")
    assert filed.request_number in queue(gateway, oversight)
    assert get(gateway, filed.request_number, oversight).request_number == filed.request_number
    assert get(gateway, filed.request_number, users.student(AYESHA)).request_number == filed.request_number


def test_a_student_enrollment_does_not_know_files_nothing_even_without_a_fee(gateway, users, requests_runtime):
    with pytest.raises(NotFound):
        file(gateway, users, "24B-000002")
    with requests_runtime.db.sessions() as s:  # asked before anything is written
        assert s.scalar(sa.select(sa.func.count()).select_from(request_numbers).where(
            request_numbers.c.registration_number == "24B-000002")) == 0


# -- the migration -------------------------------------------------------------------
@pytest.fixture
def empty_db():
    with testing.empty_database("requests", metadata) as db:
        yield db


def test_the_migrations_build_the_models_tables(empty_db):
    migrations.upgrade(empty_db)
    with empty_db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,  # the FAQ's search columns are PostgreSQL's own, not the models'
            "include_name": lambda name, kind, parent: name not in FAQ_SEARCH_OBJECTS})
        assert compare_metadata(context, metadata) == []
    assert migrations.is_current(empty_db)


def test_requests_filed_before_the_upgrade_keep_an_empty_centre(empty_db):
    migrations.upgrade(empty_db, "0003")
    now = clock.utcnow()
    with empty_db.engine.begin() as connection:
        connection.execute(sa.text(
            "INSERT INTO service_requests (request_number, registration_number, category, subtype, title, details,"
            " department, status, filed_at, updated_at) VALUES ('SR-2026-000001', :regno, 'helpdesk_complaint',"
            " 'tutor_not_allocated', 'Tutor Not Allocated', 'old', 'regional', 'submitted', :now, :now)"),
            {"regno": AYESHA, "now": now})
    migrations.upgrade(empty_db)
    with empty_db.engine.connect() as connection:
        assert connection.scalar(sa.select(service_requests.c.centre)) == ""
