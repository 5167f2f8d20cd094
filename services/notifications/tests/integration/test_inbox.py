"""The inbox and announcements against real PostgreSQL, over the real gRPC server: who
reads what, read and unread, audiences, a regional office's limits, bad input."""
import datetime as dt

import pytest

from campus import clock
from campus.db import new_id
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from cms.notifications.v1 import notifications_pb2 as pb
from services import demo
from services.notifications import service

AYESHA = demo.STUDENT["registration_number"]        # Islamabad, BED15, Spring 2026
BILAL = demo.CLASSMATE["registration_number"]       # Lahore
ZAINAB = demo.REGISTRANT["registration_number"]     # Faisalabad, Autumn 2025


def inbox(as_gateway, users, regno, **options):
    return as_gateway.call("notifications", "ListInbox", pb.ListInboxRequest(registration_number=regno, **options),
                           caller=users.student(regno))


def publish(as_gateway, caller, **fields):
    values = {"title_en": "Exams postponed", "body_en": "The exams of 4 January are postponed.",
              "title_ur": "امتحانات ملتوی", "body_ur": "4 جنوری کے امتحانات ملتوی کر دیے گئے ہیں۔", **fields}
    return as_gateway.call("notifications", "PublishAnnouncement", pb.PublishAnnouncementRequest(**values),
                           caller=caller)


def acknowledge(runtime, regno, request_number):
    with runtime.db.unit_of_work() as uow:
        service.notify_student(uow, new_id(), "request_submitted", regno,
                               {"request_number": request_number, "subtype": "degree urgent",
                                "status_en": "in process", "status_ur": "زیرِ کارروائی"}, reference=request_number)
        uow.commit()


def test_the_seeded_announcements_reach_their_audiences(as_gateway, users):
    ayesha = [n.title_en for n in inbox(as_gateway, users, AYESHA).notifications]
    bilal = [n.title_en for n in inbox(as_gateway, users, BILAL).notifications]
    assert "Admissions open for Spring 2027" in ayesha and "Admissions open for Spring 2027" in bilal
    assert "B.Ed workshops at the Islamabad centre" in ayesha
    assert "B.Ed workshops at the Islamabad centre" not in bilal  # Lahore's student
    first = inbox(as_gateway, users, AYESHA).notifications[0]
    assert first.id.startswith("a") and first.deadline and first.title_ur and not first.read


def test_her_own_notifications_come_first_in_both_languages_and_are_hers_alone(as_gateway, users, runtime):
    acknowledge(runtime, AYESHA, "SR-2026-000321")
    found = inbox(as_gateway, users, AYESHA)
    newest = found.notifications[0]
    assert newest.id.startswith("n") and newest.kind == "request_submitted"
    assert "SR-2026-000321" in newest.title_en and "SR-2026-000321" in newest.body_ur
    assert newest.link == "/student/requests/SR-2026-000321"
    assert "SR-2026-000321" not in str(inbox(as_gateway, users, BILAL))
    with pytest.raises(PermissionDenied):
        as_gateway.call("notifications", "ListInbox", pb.ListInboxRequest(registration_number=AYESHA),
                        caller=users.student(BILAL))
    with pytest.raises(NotFound):  # another student's notification reads as none
        as_gateway.call("notifications", "MarkRead", pb.MarkReadRequest(registration_number=BILAL, id=newest.id),
                        caller=users.student(BILAL))


def test_read_and_unread(as_gateway, users, runtime):
    acknowledge(runtime, ZAINAB, "SR-2026-000400")
    before = inbox(as_gateway, users, ZAINAB)
    assert before.unread == len(before.notifications) >= 2
    mark = pb.MarkReadRequest(registration_number=ZAINAB, id=before.notifications[0].id)
    after = as_gateway.call("notifications", "MarkRead", mark, caller=users.student(ZAINAB))
    assert after.unread == before.unread - 1
    assert as_gateway.call("notifications", "MarkRead", mark, caller=users.student(ZAINAB)).unread == after.unread
    unread = inbox(as_gateway, users, ZAINAB, unread_only=True)
    assert before.notifications[0].id not in [n.id for n in unread.notifications]
    everything = pb.MarkReadRequest(registration_number=ZAINAB, id="all")
    assert as_gateway.call("notifications", "MarkRead", everything, caller=users.student(ZAINAB)).unread == 0
    assert all(n.read for n in inbox(as_gateway, users, ZAINAB).notifications)
    for bad in ("x1", "n", "n1e3", "a-1", "n١٢"):
        with pytest.raises(InvalidArgument):
            as_gateway.call("notifications", "MarkRead", pb.MarkReadRequest(registration_number=ZAINAB, id=bad),
                            caller=users.student(ZAINAB))


def test_an_announcement_to_a_program_a_region_or_a_semester(as_gateway, users):
    officer = users.staff("student.services", "student_services")
    by_semester = publish(as_gateway, officer, audience="semester", audience_value="autumn 2025",
                          title_en="Autumn 2025 resit forms")
    assert by_semester.audience_value == "Autumn 2025" and by_semester.audience_size == 2  # both registrants
    by_program = publish(as_gateway, officer, audience="program", audience_value="bed15", title_en="B.Ed news")
    assert by_program.audience_size == 4  # every demo student reads B.Ed
    assert "Autumn 2025 resit forms" in [n.title_en for n in inbox(as_gateway, users, ZAINAB).notifications]
    assert "Autumn 2025 resit forms" not in [n.title_en for n in inbox(as_gateway, users, AYESHA).notifications]
    assert "B.Ed news" in [n.title_en for n in inbox(as_gateway, users, AYESHA).notifications]


def test_one_key_publishes_once_and_a_withdrawn_announcement_leaves_every_inbox(as_gateway, users):
    officer = users.staff("exams.officer", "examinations")
    first = publish(as_gateway, officer, audience="all", title_en="Date sheet out", idempotency_key="k-date-sheet")
    again = publish(as_gateway, officer, audience="all", title_en="Date sheet out", idempotency_key="k-date-sheet")
    assert first.announcement_id == again.announcement_id
    assert first.published_by.startswith("staff:exams.officer@examinations")
    as_gateway.call("notifications", "WithdrawAnnouncement",
                    pb.WithdrawAnnouncementRequest(announcement_id=first.announcement_id), caller=officer)
    assert "Date sheet out" not in [n.title_en for n in inbox(as_gateway, users, BILAL).notifications]


def test_a_regional_office_announces_to_its_own_centre_only(as_gateway, users):
    islamabad = users.staff("regional.islamabad", "regional", centre="ISB")
    with pytest.raises(PermissionDenied) as refused:
        publish(as_gateway, islamabad, audience="all")
    assert refused.value.field == "audience"
    with pytest.raises(PermissionDenied):
        publish(as_gateway, islamabad, audience="region", audience_value="LHR")
    mine = publish(as_gateway, islamabad, audience="region", audience_value="ISB", title_en="ISB library hours")
    lahore = users.staff("regional.lahore", "regional", centre="LHR")
    listed = as_gateway.call("notifications", "ListAnnouncements", pb.ListAnnouncementsRequest(), caller=lahore)
    assert all(a.audience_value == "LHR" for a in listed.announcements)
    with pytest.raises(NotFound):
        as_gateway.call("notifications", "WithdrawAnnouncement",
                        pb.WithdrawAnnouncementRequest(announcement_id=mine.announcement_id), caller=lahore)
    nowhere = users.staff("regional.new", "regional")  # no centre on her account: nothing, not everything
    with pytest.raises(PermissionDenied):
        publish(as_gateway, nowhere, audience="all")
    with pytest.raises(PermissionDenied):
        as_gateway.call("notifications", "ListAnnouncements", pb.ListAnnouncementsRequest(), caller=nowhere)
    with pytest.raises(PermissionDenied):  # dispatch does not announce
        publish(as_gateway, users.staff("dispatch.officer", "dispatch"), audience="all")
    with pytest.raises(PermissionDenied):
        publish(as_gateway, users.student(AYESHA), audience="all")


@pytest.mark.parametrize(("fields", "field"), [
    ({"audience": "everyone"}, "audience"),
    ({"audience": "semester", "audience_value": "Summer 2026"}, "audience_value"),
    ({"audience": "program", "audience_value": "B.Ed 15"}, "audience_value"),
    ({"audience": "all", "title_en": ""}, "title_en"),
    ({"audience": "all", "body_en": "x" * 2001}, "body_en"),
    ({"audience": "all", "title_ur": "\x00"}, "title_ur"),
    ({"audience": "all", "deadline": "31/12/2026"}, "deadline"),
    ({"audience": "all", "deadline": "2020-01-01"}, "deadline"),
])
def test_a_bad_announcement_names_its_field_and_publishes_nothing(as_gateway, users, fields, field):
    officer = users.staff("student.services", "student_services")
    before = len(as_gateway.call("notifications", "ListAnnouncements", pb.ListAnnouncementsRequest(limit=200),
                                 caller=officer).announcements)
    with pytest.raises(InvalidArgument) as refused:
        publish(as_gateway, officer, **fields)
    assert refused.value.field == field
    assert len(as_gateway.call("notifications", "ListAnnouncements", pb.ListAnnouncementsRequest(limit=200),
                               caller=officer).announcements) == before


def test_an_announcement_without_urdu_shows_its_english_and_its_deadline(as_gateway, users):
    officer = users.staff("treasury.officer", "treasury")
    deadline = (clock.karachi_today() + dt.timedelta(days=10)).isoformat()
    sent = publish(as_gateway, officer, audience="region", audience_value="FSD", title_en="Fee deadline",
                   title_ur="", body_ur="", deadline=deadline)
    assert (sent.title_ur, sent.body_ur, sent.deadline) == ("Fee deadline", sent.body_en, deadline)


def test_an_old_announcement_stays_while_its_deadline_is_ahead(as_gateway, users, runtime):
    import sqlalchemy as sa

    from services.notifications.models import announcements
    officer = users.staff("student.services", "student_services")
    far = (clock.karachi_today() + dt.timedelta(days=30)).isoformat()
    kept = publish(as_gateway, officer, audience="all", title_en="Degree forms all year", deadline=far)
    gone = publish(as_gateway, officer, audience="all", title_en="Last year's news")
    with runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(announcements).where(announcements.c.id.in_(
            [kept.announcement_id, gone.announcement_id])).values(published_at=clock.utcnow() - dt.timedelta(days=200)))
        uow.commit()
    titles = [n.title_en for n in inbox(as_gateway, users, BILAL, limit=100).notifications]
    assert "Degree forms all year" in titles and "Last year's news" not in titles
