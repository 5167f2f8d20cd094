"""Sends what the use cases queued in `mail_outbox`: a loop of the relay process.

Rows are claimed (leased) in a short transaction and sent outside it, so a slow SMTP
server never holds a database lock; a failed send is retried with back-off. Mails carry
activation codes and reset links: log where a mail went, never what it said.
"""
from __future__ import annotations

import datetime as dt
import logging
from email.message import EmailMessage

import sqlalchemy as sa

from campus import clock, mail
from campus.db import Database
from services.identity import domain
from services.identity.config import IdentityConfig
from services.identity.models import mail_outbox

log = logging.getLogger(__name__)

BATCH = 20
LEASE = dt.timedelta(minutes=5)   # a claimed row is retried after this if its sender died


def build_message(config: IdentityConfig, row) -> EmailMessage:
    return mail.message(config, to=row.recipient, subject=row.subject, body=row.body, reference=f"mail{row.id}")


def _backend(send):
    def deliver(config: IdentityConfig, row, message: EmailMessage) -> str:
        return send(config, message, name=f"{row.id:06d}")
    return deliver


#: Each of campus.mail's ways out, as this loop calls them (per row: tests replace one).
BACKENDS = {name: _backend(send) for name, send in mail.BACKENDS.items()}


def _claim(db: Database) -> list:
    return db.lease(sa.select(mail_outbox).where(mail_outbox.c.status == "pending",
                                                 mail_outbox.c.next_attempt_at <= clock.utcnow())
                    .order_by(mail_outbox.c.id).limit(BATCH), mail_outbox, LEASE)


def _settle(db: Database, row, error: Exception | None) -> None:
    attempts = row.attempts + 1
    if error is None:
        values = {"status": "sent", "sent_at": clock.utcnow(), "body": "", "last_error": None}
    else:
        gave_up = attempts >= domain.MAIL_MAX_ATTEMPTS
        values = {"status": "failed" if gave_up else "pending", "last_error": f"{type(error).__name__}: {error}"[:500],
                  "next_attempt_at": clock.utcnow() + dt.timedelta(seconds=domain.mail_retry_delay(attempts))}
        if gave_up:
            values["body"] = ""  # never to be sent: the code or link in it has no reader left
    with db.unit_of_work() as uow:
        uow.session.execute(sa.update(mail_outbox).where(mail_outbox.c.id == row.id)
                            .values(attempts=attempts, **values))
        uow.commit()


def send_pending(db: Database, config: IdentityConfig) -> int:
    """Send one batch of due mails; returns how many went out."""
    sent = 0
    for row in _claim(db):
        try:
            where = BACKENDS[config.mail_backend](config, row, build_message(config, row))
        except Exception as error:  # noqa: BLE001 - one bad mail must not hold up the batch
            # Any failure counts as an attempt, so a mail that can never go out is given
            # up after MAIL_MAX_ATTEMPTS instead of being leased again forever.
            log.warning("mail %d not sent (attempt %d): %s", row.id, row.attempts + 1, type(error).__name__)
            _settle(db, row, error)
            continue
        _settle(db, row, None)
        log.info("mail %d sent to %s", row.id, where)
        sent += 1
    return sent


def send_mail(runtime) -> bool:
    """One pass of the relay process's mail loop (campus.loops): whether a full batch went."""
    return send_pending(runtime.db, runtime.config) >= BATCH
