"""Demo data: the demo student's Spring 2026 books, dispatched; her roll number, for the
public look-up; applications come from the requests she pays for."""
import datetime as dt

from campus import clock
from services import demo
from services.tracking import service


def seed(runtime) -> None:
    student = demo.STUDENT
    service.record_parcel(
        runtime.db, registry_number=student["roll_number"], registration_number=student["registration_number"],
        semester="Spring 2026", status="dispatched",
        dispatched_at=dt.datetime(2026, 5, 19, 10, 30, tzinfo=clock.KARACHI).astimezone(clock.UTC),
        note="Mailed by Pakistan Post from the main campus, Islamabad")
    with runtime.db.unit_of_work() as uow:
        service.remember_roll_number(uow, student["roll_number"], student["registration_number"])
        uow.commit()
