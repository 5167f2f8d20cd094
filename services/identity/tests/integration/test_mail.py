"""The mailer against PostgreSQL: failed sends wait and are retried, sent mail is emptied."""
import sqlalchemy as sa

from cms.identity.v1 import identity_pb2 as pb
from services.identity import mailer
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
