"""The mailer against PostgreSQL: failed sends wait and are retried, sent mail is emptied,
and nothing one mail or one pass does stops the others."""
import logging
import threading
import types

import sqlalchemy as sa

from campus import clock
from campus.loops import run_loop
from cms.identity.v1 import identity_pb2 as pb
from services.identity import domain, mailer, store
from services.identity.models import mail_outbox


def pending_row(runtime, recipient):
    with runtime.db.sessions() as s:
        return s.execute(sa.select(mail_outbox).where(mail_outbox.c.recipient == recipient)).one()


def test_a_failed_send_is_retried_later_then_marked_sent(idp, identity_runtime, monkeypatch):
    username, _ = idp.active_student()
    recipient = f"{username.lower()}@students.example.pk"
    idp.call("RequestPasswordReset", pb.RequestPasswordResetRequest(username=username))

    def broken(config, row, message):
        raise ConnectionRefusedError("mail server down")
    monkeypatch.setitem(mailer.BACKENDS, "file", broken)
    assert mailer.send_pending(identity_runtime.db, identity_runtime.config) == 0
    row = pending_row(identity_runtime, recipient)
    assert (row.status, row.attempts, row.sent_at) == ("pending", 1, None)
    assert "ConnectionRefusedError" in row.last_error
    assert mailer.send_pending(identity_runtime.db, identity_runtime.config) == 0  # not due yet

    monkeypatch.undo()
    with identity_runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(mail_outbox).where(mail_outbox.c.id == row.id)
                            .values(next_attempt_at=sa.func.now()))
        uow.commit()
    assert len(idp.mails_to(recipient)) == 1
    row = pending_row(identity_runtime, recipient)
    assert (row.status, row.attempts, row.body) == ("sent", 2, "")


def queue(runtime, recipient, body="Your code: SECRET-CODE-42"):
    with runtime.db.unit_of_work() as uow:
        store.queue_mail(uow.session, recipient, "Test", body)
        uow.commit()


def test_a_mail_that_breaks_the_backend_is_counted_and_the_rest_go_out(identity_runtime, monkeypatch, caplog):
    queue(identity_runtime, "poison@example.pk")
    queue(identity_runtime, "fine@example.pk")
    real = mailer.BACKENDS["file"]

    def picky(config, row, message):
        if row.recipient == "poison@example.pk":
            raise ValueError(f"cannot encode {row.body}")  # a bug, not a network error
        return real(config, row, message)
    monkeypatch.setitem(mailer.BACKENDS, "file", picky)
    with caplog.at_level(logging.INFO):
        assert mailer.send_pending(identity_runtime.db, identity_runtime.config) >= 1
    poison, fine = pending_row(identity_runtime, "poison@example.pk"), pending_row(identity_runtime, "fine@example.pk")
    assert (fine.status, poison.status, poison.attempts) == ("sent", "pending", 1)
    assert poison.last_error.startswith("ValueError") and "SECRET-CODE-42" not in caplog.text


def test_a_mail_given_up_on_keeps_no_secret(identity_runtime, monkeypatch):
    queue(identity_runtime, "never@example.pk")
    with identity_runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(mail_outbox).where(mail_outbox.c.recipient == "never@example.pk")
                            .values(attempts=domain.MAIL_MAX_ATTEMPTS - 1))
        uow.commit()

    def broken(config, row, message):
        raise ConnectionRefusedError("mail server down")
    monkeypatch.setitem(mailer.BACKENDS, "file", broken)
    mailer.send_pending(identity_runtime.db, identity_runtime.config)
    row = pending_row(identity_runtime, "never@example.pk")
    assert (row.status, row.attempts, row.body) == ("failed", domain.MAIL_MAX_ATTEMPTS, "")


def test_an_exception_in_one_pass_does_not_stop_the_next(identity_runtime, monkeypatch, caplog):
    stop = threading.Event()
    passes = []

    def flaky(db, config):
        passes.append(clock.utcnow())
        if len(passes) == 1:
            raise RuntimeError("template for SECRET-CODE-42 is broken")
        if len(passes) == 2:
            raise sa.exc.OperationalError("SELECT", {}, Exception("connection refused"))
        stop.set()
        return 0
    monkeypatch.setattr(mailer, "send_pending", flaky)
    runtime = types.SimpleNamespace(db=identity_runtime.db,
                                    config=identity_runtime.config.model_copy(update={"mail_poll_seconds": 0.01}))
    thread = threading.Thread(target=run_loop, args=("mail", lambda: mailer.send_mail(runtime), stop),
                              kwargs={"every": 0.01}, daemon=True)
    with caplog.at_level(logging.WARNING):
        thread.start()
        thread.join(timeout=10)
    assert not thread.is_alive() and len(passes) == 3
    assert "RuntimeError at test_mail.py:" in caplog.text and "OperationalError" in caplog.text
    assert "SECRET-CODE-42" not in caplog.text
