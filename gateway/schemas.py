"""The shapes of request and response bodies (validated, and documented in OpenAPI)."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Code = Field(min_length=2, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# -- auth ---------------------------------------------------------------------------
class Login(Body):
    username: str = Field(min_length=1, max_length=64, description="Registration number (22P-123456) or staff login")
    password: str = Field(min_length=1, max_length=128)


class Refresh(Body):
    refresh_token: str = Field(min_length=16, max_length=256)


class ChangePassword(Body):
    current_password: str = Field(min_length=1, max_length=128)
    new_password: str = Field(min_length=8, max_length=128)


class ForgotPassword(Body):
    username: str = Field(min_length=1, max_length=64)


class ResetPassword(Body):
    token: str = Field(min_length=16, max_length=256)
    new_password: str = Field(min_length=8, max_length=128)


class Activate(Body):
    username: str = Field(min_length=1, max_length=64)
    code: str = Field(min_length=4, max_length=128, description="The activation code, or the initial (legacy) password")
    new_password: str = Field(min_length=8, max_length=128)


class Account(BaseModel):
    username: str
    kind: str
    full_name: str
    department: str | None = None
    status: str
    last_login_at: str | None = None


class Tokens(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"]
    expires_in: int
    account: Account


class Accepted(BaseModel):
    detail: str


# -- requests -----------------------------------------------------------------------
class FileRequest(Body):
    category: str = Code
    subtype: str = Code
    details: str = Field("", max_length=2000, description="What you ask for, in your words")


class ChallanView(BaseModel):
    consumer_number: str
    amount: int = Field(description="paisa")
    amount_display: str
    currency: Literal["PKR"]
    due_date: str


class StatusChangeView(BaseModel):
    status: str
    changed_at: str
    note: str


class RequestView(BaseModel):
    request_number: str
    status: str
    category: str
    subtype: str
    title: str
    details: str
    department: str
    filed_at: str
    updated_at: str
    challan: ChallanView | None = None
    history: list[StatusChangeView] | None = None


class RequestList(BaseModel):
    requests: list[RequestView]


class SubtypeView(BaseModel):
    code: str
    title: str
    fee: int = Field(description="paisa; 0 where there is no fee")
    fee_display: str
    department: str
    fee_varies_by_level: bool
    fees_by_level: dict[str, int] | None = None


class CategoryView(BaseModel):
    code: str
    title: str
    subtypes: list[SubtypeView]


class Catalogue(BaseModel):
    categories: list[CategoryView]


# -- dashboard ----------------------------------------------------------------------
class Tile(BaseModel):
    status: Literal["ok", "unavailable"]
    data: Any = None


class Dashboard(BaseModel):
    student: dict[str, Any]
    tiles: dict[str, Tile]


class TileOnly(BaseModel):
    status: Literal["ok", "unavailable"]
    data: Any = None


# -- staff --------------------------------------------------------------------------
class QueueQuery(BaseModel):
    status: Literal["awaiting_payment", "submitted", "in_process", "resolved", "rejected"] | None = None
    limit: int = Field(50, ge=1, le=200)


class LockAccount(Body):
    reason: str = Field(min_length=3, max_length=200)


class CreateStudentAccount(Body):
    registration_number: str = Field(pattern=r"^\d{2}[A-Za-z]{1,2}-\d{6}$")
    full_name: str = Field(min_length=2, max_length=120)
    email: str = Field(min_length=3, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    mobile: str = Field("", max_length=20, pattern=r"^(\+?\d{10,15})?$")
    initial_password_policy: Literal["activation", "legacy"] = "activation"


class AuditEventView(BaseModel):
    occurred_at: str
    username: str
    event: str
    ip: str
    detail: str


class AuditList(BaseModel):
    events: list[AuditEventView]


class AuditQuery(BaseModel):
    limit: int = Field(50, ge=1, le=500)


# -- bank (1LINK field names) -------------------------------------------------------
Amount = Field(pattern=r"^\+\d{13}$", description="a plus sign and 13 digits, the last two paisa: +0000000012000")


class BillInquiry(Body):
    consumer_number: str = Field(pattern=r"^\d{1,18}$")
    bank_mnemonic: str = Field(pattern=r"^[A-Za-z0-9]{2,8}$")
    reserved: str | None = Field(None, max_length=400)


class BillPayment(Body):
    consumer_number: str = Field(pattern=r"^\d{1,18}$")
    bank_mnemonic: str = Field(pattern=r"^[A-Za-z0-9]{2,8}$")
    tran_auth_id: str = Field(pattern=r"^[A-Za-z0-9]{6}$")
    transaction_amount: str = Amount
    tran_date: str = Field(pattern=r"^\d{8}$", description="YYYYMMDD")
    tran_time: str = Field(pattern=r"^\d{6}$", description="HHMMSS")
    reserved: str | None = Field(None, max_length=400)


class BillInquiryAnswer(BaseModel):
    response_Code: str
    consumer_Detail: str = ""
    bill_status: str = ""
    due_date: str = ""
    amount_within_dueDate: str = ""
    amount_after_dueDate: str = ""
    billing_month: str = ""
    date_paid: str = ""
    amount_paid: str = ""
    tran_auth_id: str = ""
    reserved: str = ""


class BillPaymentAnswer(BaseModel):
    response_Code: str
    identification_parameter: str = ""
    reserved: str = ""


# -- health -------------------------------------------------------------------------
class Health(BaseModel):
    status: str
    services: dict[str, str] | None = None


class PublicTracking(BaseModel):
    tracking_id: str
    kind: str
    section: str
    stage: str
    urgent: bool
    updated_at: str
    objections: list[dict[str, Any]]
