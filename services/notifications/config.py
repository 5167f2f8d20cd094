from typing import Literal

from pydantic import Field, SecretStr, model_validator

from campus.config import ServiceConfig
from campus.mail import MailSettings


class NotificationsConfig(MailSettings, ServiceConfig):
    service = "notifications"

    mail_from: str = "AIOU CMS <notifications@cms.edu.pk>"
    #: Text messages: "file" writes one file per message under <var_dir>/sms/ (development);
    #: "http" posts each to the provider at `sms_url` with `sms_api_key`.
    sms_backend: Literal["file", "http"] = "file"
    sms_url: str = Field("", pattern=r"^(https?://\S+)?$")
    sms_api_key: SecretStr = SecretStr("")
    sms_sender: str = Field("AIOU", min_length=1, max_length=11)   # the sender ID a phone shows
    sms_timeout_seconds: float = Field(10.0, gt=0, le=15)
    #: How often the sender looks for messages to send, and how often it tries one before
    #: it is dead-lettered (staff see it at /staff/notifications/deliveries and may retry it).
    send_poll_seconds: float = Field(1.0, gt=0, le=60)
    delivery_max_attempts: int = Field(8, ge=1, le=50)
    #: The hour (Karachi) after which each department's head gets the day's digest of
    #: escalated requests, and how often the digest loop looks.
    digest_hour: int = Field(9, ge=0, le=23)
    digest_check_seconds: float = Field(300.0, gt=0, le=3600)

    #: Partner systems' webhooks: each POST's deadline and how often one is tried.
    webhook_timeout_seconds: float = Field(10.0, gt=0, le=15)
    webhook_max_attempts: int = Field(10, ge=1, le=50)

    @model_validator(mode="after")
    def _sms_provider(self):
        if self.sms_backend == "http" and not (self.sms_url and self.sms_api_key.get_secret_value()):
            raise ValueError("NOTIFICATIONS_SMS_BACKEND=http needs NOTIFICATIONS_SMS_URL and NOTIFICATIONS_SMS_API_KEY")
        return self

    @property
    def sms_dir(self):
        return self.var_dir / "sms"
