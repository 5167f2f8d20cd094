"""Books mailing over real gRPC and PostgreSQL: a semester's parcels dispatched from a CSV
wholly or not at all (every refused row reported), delivered or returned, a returned one
sent again once she confirms or corrects her address, and the look-ups by roll number and
admission challan number."""
import json

import pytest
import sqlalchemy as sa

from campus.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from cms.tracking.v1 import tracking_pb2 as pb
from services.tracking import books, service
from services.tracking.models import parcel_history, parcels

AYESHA, BILAL, ZAINAB = "22P-123456", "23L-204518", "24F-100001"


@pytest.fixture(scope="module", autouse=True)
def roll_numbers(runtime):
    with runtime.db.unit_of_work() as uow:
        service.remember_roll_number(uow, "LH204518", BILAL)
        service.remember_roll_number(uow, "FS100001", ZAINAB)
        books.remember_admission_challan(uow, "100200300400500600", BILAL)
        uow.commit()


@pytest.fixture
def dispatcher(users):
    return users.staff("dispatch.officer", "dispatch")


def dispatch(clients, caller, csv: str, semester="Spring 2027", note=""):
    return clients.call("tracking", "DispatchParcels", pb.DispatchParcelsRequest(
        semester=semester, file=csv.encode(), note=note), caller=caller)


def parcel_events(runtime, registry_number):
    with runtime.db.sessions() as s:
        rows = s.scalars(sa.select(runtime.db.outbox.c.envelope).where(
            runtime.db.outbox.c.event_type == "parcel_status_changed"))
        return [e["data"] for e in map(json.loads, rows) if e["data"]["registry_number"] == registry_number]


def test_a_file_with_any_refused_row_dispatches_nothing_and_names_every_one(runtime, as_gateway, dispatcher):
    report = dispatch(as_gateway, dispatcher, "Registry_Number\nLH204518\nZZ000001\nLH204518\n12\n")
    assert report.dispatched == 0
    assert [(r.line, r.field) for r in report.refused] == [
        (3, "registry_number"), (4, "registry_number"), (5, "registry_number")]
    assert "no student" in report.refused[0].reason and "earlier line" in report.refused[1].reason
    with runtime.db.sessions() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(parcels).where(
            parcels.c.registry_number == "LH204518")) == 0
    with pytest.raises(InvalidArgument) as no_column:
        dispatch(as_gateway, dispatcher, "roll\nLH204518\n")
    assert no_column.value.field == "file"
    with pytest.raises(InvalidArgument) as bad_semester:
        dispatch(as_gateway, dispatcher, "registry_number\nLH204518\n", semester="Summer 27")
    assert bad_semester.value.field == "semester"


def test_dispatched_then_returned_then_sent_again_once_she_confirms(runtime, as_gateway, dispatcher, users):
    report = dispatch(as_gateway, dispatcher, "registry_number\nLH204518\nfs100001\n", note="Pakistan Post, batch 7")
    assert (report.dispatched, report.sent_again, list(report.refused)) == (2, 0, [])
    again = dispatch(as_gateway, dispatcher, "registry_number\nLH204518\n")
    assert "already dispatched" in again.refused[0].reason

    returned = as_gateway.call("tracking", "SetParcelStatus", pb.SetParcelStatusRequest(
        registry_number="LH204518", semester="Spring 2027", status="returned"), caller=dispatcher)
    assert (returned.status, returned.registration_number) == ("returned", BILAL)
    assert "address" in returned.note
    with pytest.raises(FailedPrecondition):
        as_gateway.call("tracking", "SetParcelStatus", pb.SetParcelStatusRequest(
            registry_number="LH204518", semester="Spring 2027", status="delivered"), caller=dispatcher)
    assert "confirms or corrects" in dispatch(as_gateway, dispatcher, "registry_number\nLH204518\n").refused[0].reason

    with pytest.raises(NotFound):   # not hers
        as_gateway.call("tracking", "ConfirmParcelAddress", pb.ConfirmParcelAddressRequest(
            registry_number="LH204518", semester="Spring 2027"), caller=users.student(AYESHA))
    confirmed = as_gateway.call("tracking", "ConfirmParcelAddress", pb.ConfirmParcelAddressRequest(
        registry_number="LH204518", semester="Spring 2027"), caller=users.student(BILAL))
    assert (confirmed.status, confirmed.registration_number) == ("prepared", "")
    resent = dispatch(as_gateway, dispatcher, "registry_number\nLH204518\n")
    assert (resent.dispatched, resent.sent_again) == (1, 1)
    delivered = as_gateway.call("tracking", "SetParcelStatus", pb.SetParcelStatusRequest(
        registry_number="LH204518", semester="Spring 2027", status="delivered", note="Signed for"),
        caller=dispatcher)
    assert (delivered.status, delivered.times_sent) == ("delivered", 2)
    assert [e["status"] for e in parcel_events(runtime, "LH204518")] == [
        "dispatched", "returned", "prepared", "dispatched", "delivered"]
    with runtime.db.sessions() as s:
        history = s.scalars(sa.select(parcel_history.c.status).join(parcels).where(
            parcels.c.registry_number == "LH204518").order_by(parcel_history.c.id)).all()
    assert history == ["dispatched", "returned", "prepared", "dispatched", "delivered"]


def test_a_corrected_address_sends_returned_books_again(runtime, as_gateway, dispatcher):
    dispatch(as_gateway, dispatcher, "registry_number\nFS100001\n", semester="Autumn 2027")
    as_gateway.call("tracking", "SetParcelStatus", pb.SetParcelStatusRequest(
        registry_number="FS100001", semester="Autumn 2027", status="returned"), caller=dispatcher)
    with runtime.db.unit_of_work() as uow:
        assert books.address_corrected(uow, ZAINAB) == 1
        uow.commit()
    assert parcel_events(runtime, "FS100001")[-1]["status"] == "prepared"


def test_the_public_looks_books_up_by_roll_number_or_admission_challan(as_gateway, dispatcher):
    dispatch(as_gateway, dispatcher, "registry_number\nLH204518\n", semester="Autumn 2026")
    by_roll = as_gateway.call("tracking", "TrackBooks", pb.TrackBooksRequest(roll_number="lh204518"))
    by_challan = as_gateway.call("tracking", "TrackBooks", pb.TrackBooksRequest(challan_number="100200300400500600"))
    assert [p.semester for p in by_roll.parcels] == [p.semester for p in by_challan.parcels]
    assert "Autumn 2026" in [p.semester for p in by_roll.parcels]
    assert all(p.registration_number == "" and p.note == "" for p in by_roll.parcels)
    assert as_gateway.call("tracking", "TrackBooks", pb.TrackBooksRequest(
        challan_number="999999999999999999")).parcels == []
    with pytest.raises(InvalidArgument) as bad:
        as_gateway.call("tracking", "TrackBooks", pb.TrackBooksRequest(challan_number="12"))
    assert bad.value.field == "challan_number"


def test_dispatch_s_list_puts_returned_parcels_first_with_counts(as_gateway, dispatcher, users):
    listed = as_gateway.call("tracking", "ListParcels", pb.ListParcelsRequest(), caller=dispatcher)
    counts = {c.status: c.count for c in listed.counts}
    assert set(counts) == {"prepared", "dispatched", "delivered", "returned"}
    assert sum(counts.values()) >= 3
    for who in (users.staff("regional.islamabad", "regional", centre="ISB"), users.student(BILAL)):
        with pytest.raises(PermissionDenied):
            dispatch(as_gateway, who, "registry_number\nLH204518\n")
    with pytest.raises(PermissionDenied):
        as_gateway.call("tracking", "SetParcelStatus", pb.SetParcelStatusRequest(
            registry_number="LH204518", semester="Autumn 2026", status="delivered"),
            caller=users.staff("exam.officer", "examinations"))
