"""Email, as every service that sends it does: the settings, the message, and the two ways
out (a folder for development, SMTP where deployed).

    class BursaryConfig(MailSettings, ServiceConfig): ...
    message = mail.message(config, to="a@example.pk", subject="...", body="...", reference="bursary-7")
    where = mail.BACKENDS[config.mail_backend](config, message, name="bursary-7")

The reference becomes the Message-ID, so a mail sent twice after a crash between the send
and its record is one mail to a receiving server that deduplicates on it. Log where a
mail went, never what it said: mails carry codes, links and what students wrote.
"""
from __future__ import annotations

import os
import pathlib
import smtplib
from email.message import EmailMessage
from email.utils import formatdate
from typing import Literal

from pydantic import BaseModel, Field, SecretStr

from campus import clock

MAIL_DOMAIN = "cms.edu.pk"


class MailSettings(BaseModel):
    """The mail settings of a service's config (mixed in before ServiceConfig, so they take
    its `<SERVICE>_` prefix)."""
    mail_backend: Literal["file", "smtp"] = "file"
    mail_from: str = "CMS <no-reply@cms.edu.pk>"
    smtp_host: str = "127.0.0.1"
    smtp_port: int = Field(587, ge=1, le=65535)
    smtp_starttls: bool = True
    smtp_username: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_timeout_seconds: float = Field(10.0, gt=0, le=120)

    @property
    def mail_dir(self) -> pathlib.Path:
        return self.var_dir / "mail"  # var_dir: the ServiceConfig it is mixed into


def message(settings: MailSettings, *, to: str, subject: str, body: str, reference: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = settings.mail_from
    mail["To"] = to
    mail["Subject"] = subject
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = f"<{reference}@{MAIL_DOMAIN}>"  # the same on a resend: one mail to a deduplicating server
    mail.set_content(body)
    return mail


def write_file(directory: pathlib.Path, name: str, content: bytes) -> str:
    """One file per message, written whole (readers never see half of one), owner-only."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{clock.utcnow().strftime('%Y%m%dT%H%M%S')}-{name}"
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(content)
    temp.replace(path)
    return str(path)


def deliver_to_file(settings: MailSettings, mail: EmailMessage, *, name: str) -> str:
    """Local development: the mail lands in <var_dir>/mail/ for the developer to open."""
    return write_file(settings.mail_dir, f"{name}.eml", mail.as_bytes())


def deliver_by_smtp(settings: MailSettings, mail: EmailMessage, *, name: str) -> str:
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
        smtp.send_message(mail)
    return f"{settings.smtp_host}:{settings.smtp_port}"


BACKENDS = {"file": deliver_to_file, "smtp": deliver_by_smtp}
