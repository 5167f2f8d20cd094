"""The help desk: complaints from anyone, signed in or not ("If anyone facing problems in
logging in he/she can submit their complaints online"), each with a number she looks up
with her email or mobile, answered by student services.

The gateway checks the bot challenge; the challenge's id is stored with the complaint
(unique), so one solved challenge files one complaint whatever is replayed."""
from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass

import sqlalchemy as sa

from campus import audit, clock, identifiers, personal_info, storage, uploads
from campus.auth import Caller
from campus.db import Database
from campus.errors import AlreadyExists, FailedPrecondition, InvalidArgument, NotFound
from cms.requests.v1 import events_pb2
from services.requests.models import complaints

log = logging.getLogger(__name__)

CATEGORIES = ("login_problem", "roll_number_slip", "result", "fee", "other")
OPEN, ANSWERED, CLOSED = "open", "answered", "closed"
STATUSES = (OPEN, ANSWERED, CLOSED)
NUMBER = re.compile(r"^HD-[0-9]{4}-[0-9]{6,}$")
CHALLENGE_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
TEXT_MAX, ANSWER_MAX = 4000, 4000


@dataclass(frozen=True)
class Complaint:
    name: str
    registration_number: str
    email: str
    mobile: str
    category: str
    text: str
    challenge_id: str
    filename: str = ""
    content: bytes = b""


def parse_number(value: str, field: str = "complaint_number") -> str:
    number = (value or "").strip().upper() if isinstance(value, str) else ""
    if not NUMBER.match(number):
        raise InvalidArgument(f"{field} is not a complaint number (like HD-2026-000123)", field=field)
    return number


def _checked(complaint: Complaint) -> Complaint:
    regno = (complaint.registration_number or "").strip()
    email = identifiers.email(complaint.email)
    if len(email) > personal_info.EMAIL_MAX:  # what the complaint keeps, as a record does
        raise InvalidArgument(f"email is longer than {personal_info.EMAIL_MAX} characters", field="email")
    mobile = identifiers.mobile(complaint.mobile)
    if not email and not mobile:
        raise InvalidArgument("give an email address or a mobile number: the answer is sent there", field="email")
    if complaint.category not in CATEGORIES:
        raise InvalidArgument(f"category must be one of {', '.join(CATEGORIES)}", field="category")
    if not CHALLENGE_ID.match(complaint.challenge_id or ""):
        raise InvalidArgument("the bot check is missing", field="challenge_answer")
    return Complaint(
        name=identifiers.person_name(complaint.name, "name"),
        registration_number=identifiers.registration_number(regno) if regno else "",
        email=email, mobile=mobile, category=complaint.category,
        text=identifiers.text(complaint.text, "text", max_length=TEXT_MAX, required=True),
        challenge_id=complaint.challenge_id, filename=complaint.filename, content=complaint.content)


def file_complaint(db: Database, store: storage.Store, complaint: Complaint, *, max_bytes: int) -> sa.Row:
    """Record a complaint (and its document) and tell whoever listens (`complaint_filed`)."""
    complaint = _checked(complaint)
    upload = uploads.inspect(complaint.content, complaint.filename, max_bytes=max_bytes) if complaint.content else None
    name = storage.new_name() if upload else None
    if upload:
        store.put(name, complaint.content, upload.content_type)
    now = clock.utcnow()
    try:
        with db.unit_of_work() as uow:
            complaint_id = uow.session.execute(sa.insert(complaints).values(
                complaint_number=f"HD-P{uuid.uuid4().hex[:16]}", name=complaint.name,  # numbered below
                registration_number=complaint.registration_number, email=complaint.email, mobile=complaint.mobile,
                category=complaint.category, text=complaint.text, status=OPEN, filed_at=now,
                challenge_id=complaint.challenge_id, stored_name=name, filename=upload and upload.filename,
                content_type=upload and upload.content_type, size=upload and upload.size)).inserted_primary_key[0]
            number = f"HD-{clock.karachi_today().year}-{complaint_id:06d}"  # the row's own serial
            uow.session.execute(sa.update(complaints).where(complaints.c.id == complaint_id).values(
                complaint_number=number))
            uow.record(events_pb2.ComplaintFiled(
                complaint_number=number, registration_number=complaint.registration_number, name=complaint.name,
                email=complaint.email, mobile=complaint.mobile, category=complaint.category,
                filed_at=clock.iso(now)))
            uow.commit()
    except sa.exc.IntegrityError:
        if name:
            store.delete(name)
        raise AlreadyExists("this bot check was used already: solve a new one", field="challenge_answer") from None
    except Exception:
        if name:
            store.delete(name)  # nothing kept: no row, no file
        raise
    return get(db, number)


def get(db: Database, number: str) -> sa.Row:
    with db.sessions() as session:
        row = session.execute(sa.select(complaints).where(complaints.c.complaint_number == number)).first()
    if row is None:
        raise NotFound("no such complaint", field="complaint_number")
    return row


def status_for(db: Database, number: str, contact: str) -> sa.Row:
    """The complaint, for whoever gives its number and the email or mobile it was filed with:
    anyone else learns nothing, not even that the number exists."""
    row = get(db, parse_number(number))
    contact = (contact or "").strip()
    given_mobile = re.sub(r"[\s-]", "", contact)
    if contact and (contact.casefold() == row.email.casefold() or (row.mobile and given_mobile == row.mobile)):
        return row
    raise NotFound("no complaint with this number and contact", field="complaint_number")


def listed(db: Database, status: str, limit: int) -> list[sa.Row]:
    if status and status not in STATUSES:
        raise InvalidArgument("unknown status", field="status")
    query = sa.select(complaints)
    query = query.where(complaints.c.status == status) if status else query.where(complaints.c.status != CLOSED)
    with db.sessions() as session:
        return list(session.execute(query.order_by(complaints.c.filed_at, complaints.c.id).limit(limit)))


def answer(db: Database, number: str, caller: Caller, text: str, *, close: bool) -> sa.Row:
    """Student services answer (the answer is sent to her: `complaint_answered`), and may close it."""
    text = identifiers.text(text, "answer", max_length=ANSWER_MAX, required=True)
    with db.unit_of_work() as uow:
        row = uow.session.execute(sa.select(complaints).where(
            complaints.c.complaint_number == parse_number(number)).with_for_update()).first()
        if row is None:
            raise NotFound("no such complaint", field="complaint_number")
        if row.status == CLOSED:
            raise FailedPrecondition("this complaint is closed", field="answer", reason="COMPLAINT_CLOSED")
        now = clock.utcnow()
        status = CLOSED if close else ANSWERED
        uow.session.execute(sa.update(complaints).where(complaints.c.id == row.id).values(
            answer=text, answered_by=audit.actor_of(caller), answered_at=now, status=status))
        uow.record(events_pb2.ComplaintAnswered(
            complaint_number=row.complaint_number, registration_number=row.registration_number, name=row.name,
            email=row.email, mobile=row.mobile, status=status, answer=text, answered_at=clock.iso(now)))
        uow.commit()
    return get(db, row.complaint_number)


def document(db: Database, store: storage.Store, number: str) -> tuple[sa.Row, bytes]:
    row = get(db, parse_number(number))
    if not row.stored_name:
        raise NotFound("this complaint has no document", field="complaint_number")
    return row, store.get(row.stored_name)
