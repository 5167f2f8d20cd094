"""Sends the queued emails and text messages: a loop of the relay process.

Rows are claimed (leased) in a short transaction and sent outside it, so a slow provider
never holds a database lock and replicas share the work. A student's address is looked
up when her message is sent (a correction approved meanwhile is honoured): from what
enrollment's events told us, else asked of enrollment. A failed send is retried with
back-off; after `delivery_max_attempts` the message is dead-lettered for staff to see
and retry. Each message carries its delivery's ID (the mail's Message-ID, the SMS
provider's reference), so a send repeated after a crash is recognisable as one.
Logs say which delivery went where by ID, never the text or the address.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import time

import requests as http
import sqlalchemy as sa

from campus import auth, clock, mail
from campus.db import Database
from campus.errors import NotFound
from cms.enrollment.v1 import enrollment_pb2
from services.notifications import domain, service
from services.notifications.config import NotificationsConfig
from services.notifications.models import deliveries

log = logging.getLogger(__name__)
BATCH = 50
LEASE = dt.timedelta(minutes=5)   # a claimed row is tried again after this if its sender died
#: A pass stops taking rows after this long: the loop beats its heartbeat between passes.
PASS_SECONDS = 20
AS_NOTIFICATIONS = auth.Caller(kind=auth.SERVICE, subject="notifications", service="notifications")


class NoAddress(Exception):
    """The student has no usable address on this channel: nothing to retry."""


# -- the ways out --------------------------------------------------------------------------
def send_email(config: NotificationsConfig, row, address: str) -> str:
    subject, body = domain.email_text(row.kind, json.loads(row.params))
    message = mail.message(config, to=address, subject=subject, body=body, reference=f"delivery{row.id}")
    return mail.BACKENDS[config.mail_backend](config, message, name=f"{row.id:08d}")


def sms_to_file(config: NotificationsConfig, row, address: str, text: str) -> str:
    """Development: one file per message under <var_dir>/sms/."""
    content = f"To: {address}\nFrom: {config.sms_sender}\nReference: delivery{row.id}\n\n{text}\n"
    return mail.write_file(config.sms_dir, f"{row.id:08d}.txt", content.encode())


def sms_over_http(config: NotificationsConfig, row, address: str, text: str) -> str:
    """A provider's HTTP API: JSON in, 2xx out. The reference lets it drop a repeat."""
    answer = http.post(config.sms_url, timeout=config.sms_timeout_seconds, json={
        "to": address, "from": config.sms_sender, "text": text, "reference": f"delivery{row.id}"},
        headers={"Authorization": f"Bearer {config.sms_api_key.get_secret_value()}"})
    answer.raise_for_status()
    return f"sms provider ({answer.status_code})"


SMS_BACKENDS = {"file": sms_to_file, "http": sms_over_http}


def send_sms(config: NotificationsConfig, row, address: str) -> str:
    return SMS_BACKENDS[config.sms_backend](config, row, address,
                                            domain.sms_text(row.kind, json.loads(row.params), config.sms_sender))


CHANNELS = {domain.EMAIL: send_email, domain.SMS: send_sms}


# -- addresses -----------------------------------------------------------------------------
def address_of(runtime, row) -> str:
    """Where this delivery goes: the address a complaint gave, or the student's own."""
    if row.address:
        return row.address
    with runtime.db.sessions() as session:
        known = service.student(session, row.recipient)
    if known is None or not (known.email or known.mobile):
        known = _ask_enrollment(runtime, row.recipient)
    address = getattr(known, "email" if row.channel == domain.EMAIL else "mobile", "") if known else ""
    if not domain.usable(row.channel, address):
        raise NoAddress(row.channel)
    return address


def _ask_enrollment(runtime, registration_number: str):
    """A student no admission event told us of (admitted before this service existed)."""
    try:
        profile = runtime.clients.call("enrollment", "GetStudentProfile", enrollment_pb2.GetStudentProfileRequest(
            registration_number=registration_number), caller=AS_NOTIFICATIONS)
    except NotFound:
        return None
    with runtime.db.unit_of_work() as uow:
        service.remember_student(uow.session, registration_number, full_name=profile.full_name, email=profile.email,
                                 mobile=profile.mobile, program_code=profile.program.code,
                                 regional_centre=profile.regional_centre.code,
                                 semester=profile.current_semester or profile.admission_semester)
        uow.commit()
        return service.student(uow.session, registration_number)


# -- the loop ------------------------------------------------------------------------------
def _claim(db: Database) -> list:
    return db.lease(sa.select(deliveries).where(deliveries.c.status == domain.PENDING,
                                                deliveries.c.next_attempt_at <= clock.utcnow())
                    .order_by(deliveries.c.next_attempt_at, deliveries.c.id).limit(BATCH), deliveries, LEASE)


def _settle(db: Database, row, max_attempts: int, *, error: Exception | None = None, address: str = "") -> None:
    attempts = row.attempts + 1
    now = clock.utcnow()
    if error is None:
        values = {"status": domain.SENT, "sent_at": now, "address": address, "last_error": None}
    elif isinstance(error, NoAddress):
        values = {"status": domain.NO_ADDRESS, "last_error": "no usable address on record"}
    else:
        dead = attempts >= max_attempts
        values = {"status": domain.DEAD if dead else domain.PENDING, "last_error": type(error).__name__[:200],
                  "next_attempt_at": now + domain.retry_delay(attempts)}
    with db.unit_of_work() as uow:
        uow.session.execute(sa.update(deliveries).where(deliveries.c.id == row.id).values(attempts=attempts, **values))
        uow.commit()


def send_pending(runtime) -> int:
    """Send one batch of due deliveries; returns how many went out."""
    config: NotificationsConfig = runtime.config
    sent = 0
    rows = _claim(runtime.db)
    budget = time.monotonic() + PASS_SECONDS
    for index, row in enumerate(rows):
        if time.monotonic() > budget:  # a slow provider: the rest wait for the next pass (its heartbeat)
            runtime.db.release(deliveries, [r.id for r in rows[index:]])
            break
        try:
            address = address_of(runtime, row)
            where = CHANNELS[row.channel](config, row, address)
        except NoAddress as error:
            log.info("delivery %d: the student has no %s address", row.id, row.channel)
            _settle(runtime.db, row, config.delivery_max_attempts, error=error)
            continue
        except Exception as error:  # noqa: BLE001 - one failed message must not hold up the batch
            log.warning("delivery %d (%s) not sent, attempt %d: %s", row.id, row.channel, row.attempts + 1,
                        type(error).__name__)
            _settle(runtime.db, row, config.delivery_max_attempts, error=error)
            continue
        _settle(runtime.db, row, config.delivery_max_attempts, address=address)
        log.info("delivery %d (%s) sent via %s", row.id, row.channel, where.rsplit("/", 1)[-1])
        sent += 1
    return sent


def send(runtime) -> bool:
    """One pass of the relay process's sender loop (campus.loops): whether a full batch went."""
    return send_pending(runtime) >= BATCH
