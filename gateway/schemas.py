"""The shapes of request and response bodies: validated, documented in OpenAPI, and (for
responses) the one mapping from the services' messages to JSON.

Request bodies say exactly what the gateway and the services accept: a body valid by its
schema is not refused as invalid. Response models build themselves from the protobuf
message (`from_message`) and `body()` is the JSON the client gets; explicit on purpose:
protobuf's own JSON mapping turns int64 amounts into strings and shows every internal
field; an API's shape is a decision, made here once."""
from __future__ import annotations

from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema
from spectree.model_adapter.pydantic_adapter import BaseFile

from campus import identifiers, money, registry
from services.enrollment.domain import ADMISSION_FIELDS
from services.finance.domain import CONSUMER_NUMBER_PATTERN
from services.notifications.domain import WEBHOOK_EVENTS
from services.tracking.domain import ALPHANUMERICS, LETTERS

# -- patterns --------------------------------------------------------------------------
_CONTROL = identifiers.CONTROL.pattern[1:-1]   # the characters inside [...]
#: What str.strip() removes that is not a control character (refused anyway).
_BLANK = r"\t\n\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: Free text: anything but control characters (line breaks and tabs are fine).
TEXT = rf"^[^{_CONTROL}]*$"
#: Free text that must say something once trimmed, as the services trim it.
FILLED_TEXT = rf"^[^{_CONTROL}]*[^{_CONTROL}{_BLANK}][^{_CONTROL}]*$"
_INVISIBLE = identifiers.INVISIBLE.pattern[1:-1]
#: A person's name: filled text without invisible reordering or zero-width characters.
NAME = rf"^[^{_CONTROL}{_INVISIBLE}]*[^{_CONTROL}{_BLANK}{_INVISIBLE}][^{_CONTROL}{_INVISIBLE}]*$"
REGISTRATION_NUMBER = r"^[0-9]{2}[A-Za-z]{1,2}-[0-9]{6}$"
ROLL_NUMBER = r"^[A-Za-z]{2}[0-9]{6}$"
#: Any account's name: a registration number, a bank mnemonic, a staff login (any case).
USERNAME = r"^([0-9]{2}[A-Za-z]{1,2}-[0-9]{6}|[A-Z0-9]{2,8}|[A-Za-z][A-Za-z0-9._-]{2,39})$"
REQUEST_NUMBER = r"^[Ss][Rr]-[0-9]{4}-[0-9]{6,}$"
_L, _A = LETTERS + LETTERS.lower(), ALPHANUMERICS + LETTERS.lower()
TRACKING_ID = rf"^[{_L}]{{3}}-[{_L}]{{3}}-[{_A}]{{4}}$"
CODE = r"^[a-z][a-z0-9_]{1,59}$"
BANK_MNEMONIC = r"^[A-Za-z0-9]{2,8}$"


def _letters_except(words: set[str], lengths: range) -> str:
    """A regular expression (no look-around, so every engine reads it alike) for a run of
    ASCII letters, any case, of one of `lengths`, other than `words`."""
    def one_length(banned: set[str], n: int) -> str | None:
        if not banned:
            return f"[A-Za-z]{{{n}}}" if n else ""
        if n == 0:
            return None
        firsts = {w[0] for w in banned}
        free = "".join(c + c.upper() for c in "abcdefghijklmnopqrstuvwxyz" if c not in firsts)
        tail = f"[A-Za-z]{{{n - 1}}}" if n > 1 else ""
        parts = [f"[{free}]{tail}"] if free else []
        for c in sorted(firsts):
            rest = one_length({w[1:] for w in banned if w[0] == c}, n - 1)
            if rest is not None:
                parts.append(f"[{c}{c.upper()}]({rest})" if rest else f"[{c}{c.upper()}]")
        return "|".join(parts) if parts else None

    parts, run = [], []
    for n in lengths:
        banned = {w.lower() for w in words if len(w) == n}
        if banned:
            parts.append(one_length(banned, n))
        elif run and run[-1] == n - 1:
            run.append(n)
            parts[-1] = f"[A-Za-z]{{{run[0]},{n}}}"
            continue
        else:
            parts.append(f"[A-Za-z]{{{n}}}")
        run = [n] if not banned else []
    return "(" + "|".join(parts) + ")"


#: Top-level domains identity's address validator refuses (special-use names).
SPECIAL_USE_DOMAINS = {"arpa", "invalid", "local", "localhost", "onion", "test"}
#: A conservative e-mail address: every address it matches, identity's validator accepts
#: (ASCII, no "--" in a label, no special-use top-level domain such as .test or .local).
EMAIL = (r"^[A-Za-z0-9_+-]{1,32}(\.[A-Za-z0-9_+-]{1,15}){0,2}@([A-Za-z0-9]{1,20}(-[A-Za-z0-9]{1,20})?\.){1,3}"
         + _letters_except(SPECIAL_USE_DOMAINS, range(1, 25)) + "$")
#: 1LINK: a plus sign and 13 digits, the last two paisa.
ONE_LINK_AMOUNT = r"^\+[0-9]{13}$"
#: A semester as enrollment parses it: Spring or Autumn (any case) and a year from 1974 to 2200.
SEMESTER = r"^ *([Ss][Pp][Rr][Ii][Nn][Gg]|[Aa][Uu][Tt][Uu][Mm][Nn]) +(197[4-9]|19[89][0-9]|2[01][0-9]{2}|2200) *$"
#: What campus.identifiers.mobile accepts: 10 to 15 digits, single spaces or dashes between.
MOBILE = r"^\+?([0-9][ -]?){9,14}[0-9]$"
#: Filled text of at least 10 characters once trimmed (a postal address books can reach).
ADDRESS = rf"^[{_BLANK}]*[^{_CONTROL}{_BLANK}][^{_CONTROL}]{{8,}}[^{_CONTROL}{_BLANK}][{_BLANK}]*$"
#: YYYYMMDD, a real calendar date (29 February in leap years only).
YYYYMMDD = (r"^(([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
            r"((0[13578]|1[02])(0[1-9]|[12][0-9]|3[01])|(0[469]|11)(0[1-9]|[12][0-9]|30)|02(0[1-9]|1[0-9]|2[0-8]))"
            r"|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)0229)$")
HHMMSS = r"^([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]$"
#: A record's number in a service's table (a settlement file, an unmatched payment).
ROW_ID = r"^[1-9][0-9]{0,8}$"
#: YYYY-MM-DD, a real calendar date (as YYYYMMDD, with dashes).
ISO_DATE = (r"^(([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-"
            r"((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))"
            r"|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)-02-29)$")
#: A CNIC: 13 ASCII digits, the two dashes optional (37405-6543210-4).
CNIC = r"^[0-9]{5}-?[0-9]{7}-?[0-9]$"

Password = Annotated[str, Field(min_length=1, max_length=128, pattern=TEXT)]
NewPassword = Annotated[str, Field(min_length=10, max_length=128, pattern=TEXT, description=(
    "10 to 128 characters with at least one letter and one digit, not containing the username or the "
    "account's name, and not on the list of common and breached passwords"))]
Username = Annotated[str, Field(min_length=2, max_length=40, pattern=USERNAME, description=(
    "A registration number (22P-123456) or a staff login"))]
Code = Annotated[str, Field(min_length=2, max_length=60, pattern=CODE)]
Department = Literal[registry.departments()]  # type: ignore[valid-type]
TileStatus = Literal["ok", "unavailable"]


class Body(BaseModel):
    """A request body: nothing but the fields it names. Values are taken as sent (the
    services trim and normalise identifiers themselves)."""
    model_config = ConfigDict(extra="forbid")


class View(BaseModel):
    """A response body: built from a service's message, exactly these fields."""
    model_config = ConfigDict(extra="forbid")

    def body(self) -> dict[str, Any]:
        """The JSON the client gets. A field the constructor was not given is left out
        (only the bank's short answer has any)."""
        return self.model_dump(mode="json", exclude_unset=True, by_alias=True)


def _amount(paisa: int) -> dict:
    return {"amount": paisa, "amount_display": money.rupees(paisa), "currency": "PKR"}


# -- problems ---------------------------------------------------------------------------
class FieldError(BaseModel):
    field: str
    message: str


class MfaEnrolment(BaseModel):
    secret: str = Field(description="base32 TOTP secret")
    otpauth_uri: str


class ProblemDetails(BaseModel):
    """RFC 9457 problem details (media type application/problem+json)."""
    type: str = Field(description="/problems/<kind>, e.g. /problems/validation-error")
    title: str
    status: int = Field(ge=400, le=599)
    detail: str
    instance: str = Field(description="the request's path")
    request_id: str
    code: str | None = Field(None, description="the service's reason, e.g. PASSWORD_CHANGE_REQUIRED")
    errors: list[FieldError] | None = Field(None, description="the fields at fault, where some are")
    mfa_required: bool | None = Field(None, description="sign-in: the password was right, send it again with `otp`")
    mfa_enrolment: MfaEnrolment | None = Field(None, description=(
        "sign-in of staff who must use MFA and have not enrolled: add this secret to an authenticator app, "
        "then sign in with one of its codes"))


class BankProblemDetails(ProblemDetails):
    """Problem details for a bank: `response_Code` as the 1LINK switch expects it."""
    response_Code: str = Field(pattern=r"^[0-9]{2}$", description="04 invalid data, 01 unknown, 05 failed")


# -- auth -------------------------------------------------------------------------------
OTP = r"^[0-9A-Za-z -]{6,32}$"


class Login(Body):
    username: Username
    password: Password
    otp: str | None = Field(None, min_length=6, max_length=32, pattern=OTP, description=(
        "Staff who use MFA: the 6-digit code of their authenticator app, or one of their recovery codes"))


class Refresh(Body):
    refresh_token: str = Field(min_length=16, max_length=256, pattern=TEXT)


class ChangePassword(Body):
    current_password: Password
    new_password: NewPassword


class ForgotPassword(Body):
    username: Username


class ResetPassword(Body):
    token: str = Field(min_length=16, max_length=256, pattern=TEXT)
    new_password: NewPassword


class Activate(Body):
    username: Username
    code: str = Field(min_length=4, max_length=128, pattern=TEXT,
                      description="The activation code, or the initial (legacy) password")
    new_password: NewPassword
    # With the legacy initial password, one of these from the admission record (either will do).
    cnic: str | None = Field(None, pattern=CNIC, description=(
        "With the initial (legacy) password: the CNIC of the admission record, 13 digits, dashes optional"))
    date_of_birth: str | None = Field(None, pattern=ISO_DATE, description=(
        "With the initial (legacy) password: the date of birth of the admission record, YYYY-MM-DD"))


class Account(View):
    username: str
    kind: Literal["student", "staff", "bank"]
    full_name: str
    department: Department | None
    status: str
    last_login_at: str | None

    @classmethod
    def from_message(cls, a) -> Self:
        return cls(username=a.username, kind=a.kind, full_name=a.full_name, department=a.department or None,
                   status=a.status, last_login_at=a.last_login_at or None)


class Tokens(View):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"]
    expires_in: int = Field(description="seconds")
    account: Account
    recovery_codes: list[str] | None = Field(None, description=(
        "Only from the sign-in that completed an MFA enrolment: one-time recovery codes, shown this once"))

    @classmethod
    def from_message(cls, pair) -> Self:
        extra = {"recovery_codes": list(pair.recovery_codes)} if pair.recovery_codes else {}
        return cls(access_token=pair.access_token, refresh_token=pair.refresh_token, token_type="Bearer",
                   expires_in=pair.expires_in, account=Account.from_message(pair.account), **extra)


class Accepted(View):
    detail: str


# -- requests ---------------------------------------------------------------------------
class FilingHeaders(BaseModel):
    idempotency_key: str | None = Field(
        None, alias="Idempotency-Key", max_length=80, pattern=TEXT,
        description="Optional. The same key files one request, however often the call is retried.")


CorrectableField = Literal["full_name", "father_name", "cnic", "date_of_birth", "postal_address", "mobile", "email"]


class CorrectionChange(Body):
    field: CorrectableField
    new_value: str = Field(min_length=1, max_length=300, pattern=FILLED_TEXT,
                           description="checked as admission checks it (a CNIC, a date like 2001-09-03...)")


class FileRequest(Body):
    category: Code
    subtype: Code
    details: str = Field("", max_length=2000, pattern=TEXT, description="What you ask for, in your words")
    changes: list[CorrectionChange] = Field(default_factory=list, max_length=7, description=(
        "Only for a correction in personal information, and required there: each field to correct (the "
        "subtype's own among them) and its new value. Attach a document proving a name, father's name, "
        "CNIC or date of birth: admissions approve those only with one."))


class ChallanRef(View):
    consumer_number: str
    amount: int = Field(description="paisa")
    amount_display: str
    currency: Literal["PKR"]
    due_date: str

    @classmethod
    def from_message(cls, c) -> Self:
        return cls(consumer_number=c.consumer_number, **_amount(c.amount_paisa), due_date=c.due_date)


class StatusChange(View):
    status: str
    changed_at: str
    note: str
    actor: str = Field(description="who moved it: student:<regno>, staff:<login>@<department>, service:<name>")


class CommentView(View):
    """A message in a request's thread (`internal`: a staff note the student never sees)."""
    comment_id: int
    author_kind: Literal["student", "staff"]
    author: str
    text: str
    internal: bool
    written_at: str

    @classmethod
    def from_message(cls, c) -> Self:
        return cls(comment_id=c.comment_id, author_kind=c.author_kind, author=c.author, text=c.text,
                   internal=c.internal, written_at=c.written_at)


class AttachmentView(View):
    attachment_id: int
    filename: str
    content_type: Literal["application/pdf", "image/jpeg", "image/png"] = Field(
        description="decided from the file's content, not its name")
    size: int = Field(description="bytes")

    @classmethod
    def from_message(cls, a) -> Self:
        return cls(attachment_id=a.attachment_id, filename=a.filename, content_type=a.content_type, size=a.size)


class AttachmentListed(AttachmentView):
    author_kind: Literal["student", "staff"]
    uploaded_at: str

    @classmethod
    def from_message(cls, a) -> Self:
        return cls(attachment_id=a.attachment_id, filename=a.filename, content_type=a.content_type, size=a.size,
                   author_kind=a.author_kind, uploaded_at=a.uploaded_at)


class RequestSummary(View):
    request_number: str
    status: str
    category: str
    subtype: str
    title: str
    details: str
    department: str
    filed_at: str
    updated_at: str
    challan: ChallanRef | None
    assigned_to: str = Field(description="the officer on it; empty if nobody")
    due_by: str = Field(description="YYYY-MM-DD: the day its service level runs out; empty while awaiting payment")
    overdue: bool
    decided_by: str = Field(description="empty: its department decides it here; finance or exams otherwise")
    escalated_at: str = Field(description="when its lateness was told to the department's head; empty if not")

    @classmethod
    def _fields(cls, r) -> dict:
        return {"request_number": r.request_number, "status": r.status, "category": r.category,
                "subtype": r.subtype, "title": r.title, "details": r.details, "department": r.department,
                "filed_at": r.filed_at, "updated_at": r.updated_at,
                "challan": ChallanRef.from_message(r.challan) if r.HasField("challan") else None,
                "assigned_to": r.assigned_to, "due_by": r.due_by, "overdue": r.overdue, "decided_by": r.decided_by,
                "escalated_at": r.escalated_at}

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(**cls._fields(r))


class CorrectionFieldView(View):
    field: CorrectableField
    current_value: str = Field(description="her record's, when she filed")
    new_value: str
    decision: Literal["pending", "approved", "rejected"]
    reason: str


class RequestView(RequestSummary):
    """A request with its status history, its thread, the documents attached and (a
    correction) each field asked for with its decision."""
    history: list[StatusChange]
    thread: list[CommentView]
    attachments: list[AttachmentListed]
    corrections: list[CorrectionFieldView]

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(**cls._fields(r), history=[
            StatusChange(status=h.status, changed_at=h.changed_at, note=h.note, actor=h.actor) for h in r.history],
            thread=[CommentView.from_message(c) for c in r.thread],
            attachments=[AttachmentListed.from_message(a) for a in r.attachments],
            corrections=[CorrectionFieldView(field=f.field, current_value=f.current_value, new_value=f.new_value,
                                             decision=f.decision, reason=f.reason) for f in r.corrections])


class CommentBody(Body):
    text: str = Field(min_length=1, max_length=2000, pattern=FILLED_TEXT)


class StaffCommentBody(CommentBody):
    internal: bool = Field(False, description="a note for the department only: the student never sees it")


class CommentHeaders(BaseModel):
    idempotency_key: str | None = Field(
        None, alias="Idempotency-Key", max_length=80, pattern=TEXT,
        description="Optional. The same key writes one message, however often the call is retried.")


class AttachmentUpload(BaseModel):
    """multipart/form-data: one document."""
    model_config = ConfigDict(extra="forbid")
    file: BaseFile = Field(description=(  # type: ignore[valid-type]
        "PDF, JPEG or PNG (decided from the content), up to 5 MB; at most 10 documents and 25 MB to a request"))


class Decision(Body):
    decision: Literal["approve", "reject", "request_information"]
    reason: str = Field("", max_length=300, pattern=TEXT,
                        description="required to reject or to ask for information: the student reads it")


class FieldDecisionBody(Body):
    field: CorrectableField
    approve: bool
    reason: str = Field("", max_length=300, pattern=TEXT, description="required to refuse: the student reads it")


class CorrectionDecision(Body):
    decisions: list[FieldDecisionBody] = Field(min_length=1, max_length=7,
                                               description="every field of the correction, once")


class Assignment(Body):
    officer: str = Field(max_length=60, pattern=r"^$|^[A-Za-z][A-Za-z0-9._-]{2,39}$",
                         description="a staff login of the handling department; empty: nobody")


class RequestList(View):
    requests: list[RequestSummary]

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(requests=[RequestSummary.from_message(r) for r in response.requests])


class SubtypeView(View):
    code: str
    title: str
    fee: int = Field(description="paisa; 0 where there is no fee")
    fee_display: str
    department: str
    fee_varies_by_level: bool
    fees_by_level: dict[str, int] | None


class CategoryView(View):
    code: str
    title: str
    subtypes: list[SubtypeView]


class Catalogue(View):
    categories: list[CategoryView]


# -- a student's records -----------------------------------------------------------------
class Program(View):
    code: str
    title: str
    level: str


class RegionalCentre(View):
    code: str
    name: str


class Profile(View):
    registration_number: str
    full_name: str
    father_name: str
    gender: str
    date_of_birth: str
    cnic: str
    email: str
    mobile: str
    postal_address: str
    program: Program
    regional_centre: RegionalCentre
    admission_semester: str
    current_semester: str
    status: str

    @classmethod
    def from_message(cls, p) -> Self:
        return cls(registration_number=p.registration_number, full_name=p.full_name, father_name=p.father_name,
                   gender=p.gender, date_of_birth=p.date_of_birth, cnic=p.cnic, email=p.email, mobile=p.mobile,
                   postal_address=p.postal_address,
                   program=Program(code=p.program.code, title=p.program.title, level=p.program.level),
                   regional_centre=RegionalCentre(code=p.regional_centre.code, name=p.regional_centre.name),
                   admission_semester=p.admission_semester, current_semester=p.current_semester,
                   status=p.status)


class Tutor(View):
    name: str
    postal_address: str
    phone: str
    email: str


class Course(View):
    code: str
    title: str
    credit_hours: int
    tutor: Tutor | None

    @classmethod
    def from_message(cls, c) -> Self:
        tutor = Tutor(name=c.tutor.name, postal_address=c.tutor.postal_address, phone=c.tutor.phone,
                      email=c.tutor.email)
        return cls(code=c.code, title=c.title, credit_hours=c.credit_hours, tutor=tutor if c.tutor.name else None)


class Courses(View):
    semester: str
    courses: list[Course]
    semesters: list[str] = Field(description="every semester she has courses in, newest first")
    assignments: Literal["post", "lms"] = Field(
        description="post: assignments go to the tutor's postal address (Matric, Intermediate, BA); lms: online")

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(semester=response.semester, courses=[Course.from_message(c) for c in response.courses],
                   semesters=list(response.semesters), assignments="post" if response.assignments_by_post else "lms")


class CoursesQuery(BaseModel):
    semester: str | None = Field(None, max_length=20, pattern=SEMESTER, description="A semester's code, e.g. "
                                 "`Spring 2027`; empty: the latest she has courses in")


# -- course registration and holds ------------------------------------------------------
class RegistrationWindow(View):
    opens: str = Field(description="YYYY-MM-DD, Asia/Karachi, included")
    closes: str = Field(description="YYYY-MM-DD, Asia/Karachi, included")


class Reason(View):
    code: str = Field(description="previous_semester_incomplete, window_closed, window_not_open, "
                                  "maximum_duration_passed, hold, not_active, no_semester, nothing_to_register")
    message: str


class OfferedCourse(View):
    code: str
    title: str
    credit_hours: int
    required: bool = Field(description="a failed course that must be registered again")

    @classmethod
    def from_message(cls, c) -> Self:
        return cls(code=c.code, title=c.title, credit_hours=c.credit_hours, required=c.required)


class SemesterRegistration(View):
    semester: str
    status: Literal["awaiting_payment", "confirmed", "lapsed"]
    courses: list[OfferedCourse]
    credit_hours: int
    challan: ChallanRef | None
    registered_at: str
    confirmed_at: str | None
    lapsed_at: str | None

    @classmethod
    def from_message(cls, r) -> Self:
        challan = ChallanRef.from_message(r.challan) if r.HasField("challan") else None
        return cls(semester=r.semester, status=r.status, courses=[OfferedCourse.from_message(c) for c in r.courses],
                   credit_hours=r.credit_hours, challan=challan, registered_at=r.registered_at,
                   confirmed_at=r.confirmed_at or None, lapsed_at=r.lapsed_at or None)


class RegistrationView(View):
    semester: str = Field(description="the semester's code, as ?semester= takes it; empty when none is announced")
    window: RegistrationWindow | None
    eligible: bool
    reasons: list[Reason]
    courses: list[OfferedCourse] = Field(description="what she may register for; `required` ones she must")
    credit_limit: int
    registration: SemesterRegistration | None

    @classmethod
    def from_message(cls, o) -> Self:
        window = RegistrationWindow(opens=o.window.opens, closes=o.window.closes) if o.HasField("window") else None
        registration = SemesterRegistration.from_message(o.registration) if o.HasField("registration") else None
        return cls(semester=o.semester, window=window, eligible=o.eligible,
                   reasons=[Reason(code=r.code, message=r.message) for r in o.reasons],
                   courses=[OfferedCourse.from_message(c) for c in o.courses], credit_limit=o.credit_limit,
                   registration=registration)


class RegistrationQuery(BaseModel):
    semester: str | None = CoursesQuery.model_fields["semester"]


class RegisterCourses(Body):
    courses: list[Annotated[str, Field(min_length=1, max_length=12, pattern=r"^[A-Za-z0-9]+$")]] = Field(
        min_length=1, max_length=20, description="course codes; every required (failed) course must be among them")
    semester: str | None = CoursesQuery.model_fields["semester"]


class HoldView(View):
    code: str = Field(description="unpaid_dues, missing_documents, degree_objection")
    title: str
    action: str = Field(description="what the student must do")
    blocks: list[str] = Field(description="registration, transcript, degree")
    reference: str
    raised_at: str
    note: str

    @classmethod
    def from_message(cls, h) -> Self:
        return cls(code=h.code, title=h.title, action=h.action, blocks=list(h.blocks), reference=h.reference,
                   raised_at=h.raised_at, note=h.note)


class Holds(View):
    holds: list[HoldView]

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(holds=[HoldView.from_message(h) for h in response.holds])


class CourseResult(View):
    course_code: str
    course_title: str
    credit_hours: int
    assignment_marks: int | None = Field(description="null where the semester shows only grades")
    final_exam_marks: int | None
    total_marks: int | None
    grade: str
    remarks: str = Field(description="pass, fail or RL (result late)")
    revised_at: str | None = Field(None, description="when re-checking changed it")

    @classmethod
    def from_message(cls, c) -> Self:
        shown = c.components_shown
        return cls(course_code=c.course_code, course_title=c.course_title, credit_hours=c.credit_hours,
                   assignment_marks=c.assignment_marks if shown else None,
                   final_exam_marks=c.final_exam_marks if shown else None,
                   total_marks=c.total_marks if shown else None, grade=c.grade, remarks=c.remarks,
                   revised_at=c.revised_at or None)


class SemesterResult(View):
    semester: str
    published_on: str
    gpa: str | None = Field(description="a decimal as text; null where not on the GPA scale")
    courses: list[CourseResult]


class Results(View):
    semesters: list[SemesterResult]
    cgpa: str | None = Field(None, description="over the latest attempt of each course; null where the level "
                                               "is not graded on the GPA scale or a result is late")

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(semesters=[SemesterResult(
            semester=s.semester, published_on=s.published_on, gpa=s.gpa or None,
            courses=[CourseResult.from_message(c) for c in s.courses]) for s in response.semesters],
            cgpa=response.cgpa or None)


class Challan(View):
    consumer_number: str
    description: str
    reference: str
    amount: int = Field(description="paisa")
    amount_display: str
    currency: Literal["PKR"]
    amount_after_due_date: int = Field(description="paisa")
    due_date: str
    status: str
    issued_at: str
    paid_at: str | None

    @classmethod
    def from_message(cls, c) -> Self:
        return cls(consumer_number=c.consumer_number, description=c.description, reference=c.reference,
                   **_amount(c.amount_paisa), amount_after_due_date=c.amount_after_due_date_paisa,
                   due_date=c.due_date, status=c.status, issued_at=c.issued_at, paid_at=c.paid_at or None)


class LedgerEntry(View):
    """One entry of her account, oldest first: a debit (a charge, a late fee, a reversed
    payment, a refund paid out) or a credit (a payment, a concession, a cancelled charge,
    a refund granted), and the balance after it. Amounts in paisa."""
    posted_at: str
    kind: str
    description: str
    consumer_number: str
    debit: int = Field(description="paisa")
    credit: int = Field(description="paisa")
    balance: int = Field(description="paisa; positive: she owes, negative: she is owed")

    @classmethod
    def from_message(cls, e) -> Self:
        return cls(posted_at=e.posted_at, kind=e.kind, description=e.description, consumer_number=e.consumer_number,
                   debit=e.debit_paisa, credit=e.credit_paisa, balance=e.balance_paisa)


class Finance(View):
    outstanding: int = Field(description="paisa")
    outstanding_display: str
    paid: int = Field(description="paisa")
    balance: int = Field(description="paisa: the ledger's balance; positive, she owes; negative, she is owed")
    balance_display: str
    currency: Literal["PKR"]
    challans: list[Challan]
    ledger: list[LedgerEntry]

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(outstanding=response.outstanding_paisa, outstanding_display=money.rupees(response.outstanding_paisa),
                   paid=response.paid_paisa, balance=response.balance_paisa,
                   balance_display=money.rupees(response.balance_paisa), currency="PKR",
                   challans=[Challan.from_message(c) for c in response.challans],
                   ledger=[LedgerEntry.from_message(e) for e in response.ledger])


class ObjectionDocumentView(View):
    document_id: int
    filename: str
    content_type: str
    size: int


class Objection(View):
    reason: str
    raised_at: str
    resolve_by: str = Field(description="the last day (Pakistan) to answer it, YYYY-MM-DD")
    resolved: bool
    documents: list[str] = Field(description="the documents wanted")


class MyObjection(Objection):
    """An objection as its student and the officers see it: with her answer."""
    objection_id: int
    responded_at: str | None
    response: str
    answer_documents: list[ObjectionDocumentView]

    @classmethod
    def from_message(cls, o) -> Self:
        return cls(objection_id=o.objection_id, reason=o.reason, raised_at=o.raised_at, resolve_by=o.resolve_by,
                   resolved=o.resolved, documents=list(o.documents), responded_at=o.responded_at or None,
                   response=o.response, answer_documents=[ObjectionDocumentView(
                       document_id=d.document_id, filename=d.filename, content_type=d.content_type, size=d.size)
                       for d in o.answer_documents])


class StageChangeView(View):
    stage: str
    section: str
    changed_at: str


class PublicTracking(View):
    """An application's progress, as anyone with its tracking ID sees it (no personal data)."""
    tracking_id: str
    kind: str
    section: str = Field(description="in_process | incomplete_returned | dispatched | delivered")
    stage: str = Field(description="received | verification | objection | printing | ready | dispatched | delivered")
    urgent: bool
    updated_at: str
    rejected: bool = Field(description="its objection was not answered in time: file a new request")
    target_date: str = Field(description="when the university aims to dispatch it (urgent: about two weeks)")
    courier: str | None
    history: list[StageChangeView]
    objections: list[Objection]

    @classmethod
    def _fields(cls, a) -> dict:
        return {"tracking_id": a.tracking_id, "kind": a.kind, "section": a.section, "stage": a.stage,
                "urgent": a.urgent, "updated_at": a.updated_at, "rejected": a.rejected,
                "target_date": a.target_date, "courier": a.courier or None,
                "history": [StageChangeView(stage=h.stage, section=h.section, changed_at=h.changed_at)
                            for h in a.history],
                "objections": [Objection(reason=o.reason, raised_at=o.raised_at, resolve_by=o.resolve_by,
                                         resolved=o.resolved, documents=list(o.documents)) for o in a.objections]}

    @classmethod
    def from_message(cls, a) -> Self:
        return cls(**cls._fields(a))


class RollNumberObjection(View):
    reason: str
    respond_by: str


class RollNumberApplication(View):
    tracking_id: str
    kind: str
    stage: str
    section: str = Field(description="in_process | incomplete_returned (the seed's two lists), dispatched or "
                                     "delivered")
    urgent: bool
    rejected: bool
    updated_at: str
    history: list[StageChangeView]
    objection: RollNumberObjection | None

    @classmethod
    def from_message(cls, a) -> Self:
        open_ = [o for o in a.objections if not o.resolved]
        return cls(tracking_id=a.tracking_id, kind=a.kind, stage=a.stage, section=a.section, urgent=a.urgent,
                   rejected=a.rejected, updated_at=a.updated_at,
                   history=[StageChangeView(stage=h.stage, section=h.section, changed_at=h.changed_at)
                            for h in a.history],
                   objection=RollNumberObjection(reason=open_[-1].reason, respond_by=open_[-1].resolve_by)
                   if open_ else None)


class RollNumberTracking(View):
    applications: list[RollNumberApplication]


class RollNumberQuery(BaseModel):
    roll_number: str = Field(min_length=8, max_length=8, pattern=ROLL_NUMBER, description="like BO680724")


class StaffStageChange(StageChangeView):
    note: str
    changed_by: str


class Application(PublicTracking):
    """One of my applications (or, to an officer, a student's): its progress and what ties it to her."""
    registration_number: str
    request_number: str
    filed_at: str
    courier_tracking_number: str | None
    objections: list[MyObjection]
    history: list[StaffStageChange]

    @classmethod
    def from_message(cls, a) -> Self:
        fields = cls._fields(a)
        fields.update(objections=[MyObjection.from_message(o) for o in a.objections],
                      history=[StaffStageChange(stage=h.stage, section=h.section, changed_at=h.changed_at,
                                                note=h.note, changed_by=h.changed_by) for h in a.history])
        return cls(**fields, registration_number=a.registration_number, request_number=a.request_number,
                   filed_at=a.filed_at, courier_tracking_number=a.courier_tracking_number or None)


class StageCountView(View):
    stage: str
    count: int
    urgent: int
    overdue: int = Field(description="past their target date")


class ApplicationQueue(View):
    applications: list[Application]
    counts: list[StageCountView]

    @classmethod
    def from_message(cls, found) -> Self:
        return cls(applications=[Application.from_message(a) for a in found.applications],
                   counts=[StageCountView(stage=c.stage, count=c.count, urgent=c.urgent, overdue=c.overdue)
                           for c in found.counts])


class ApplicationQueueQuery(BaseModel):
    stage: Literal["", "received", "verification", "objection", "printing", "ready", "dispatched",
                   "delivered"] = Field("", description="empty: every application still with the university")
    urgent_only: bool = False
    registration_number: str = Field("", max_length=12, pattern=r"^(|" + REGISTRATION_NUMBER[1:-1] + ")$",
                                     description="one student's")
    limit: int = Field(50, ge=1, le=200)


class StageMove(Body):
    stage: Literal["verification", "printing", "ready", "dispatched", "delivered"] = Field(
        description="examinations: verification, printing, ready; dispatch: dispatched, delivered. "
                    "An objection is raised at .../objection")
    note: str = Field("", max_length=300, pattern=TEXT)
    courier: str = Field("", max_length=60, pattern=TEXT, description="dispatched: required")
    courier_tracking_number: str = Field("", max_length=40, pattern=TEXT, description="dispatched: required")


class ObjectionBody(Body):
    reason: str = Field(min_length=1, max_length=300, pattern=FILLED_TEXT, description="the student reads it")
    documents: list[Annotated[str, Field(max_length=120, pattern=TEXT)]] = Field(
        default_factory=list, max_length=10, description="the documents wanted, e.g. \"Attested copy of the Matric "
                                                         "certificate\"")


class ObjectionResponseForm(BaseModel):
    """multipart/form-data: the answer, with up to three documents."""
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=2000, pattern=FILLED_TEXT)
    file: BaseFile | None = Field(None, description="PDF, JPEG or PNG up to 5 MB")  # type: ignore[valid-type]
    file2: BaseFile | None = None  # type: ignore[valid-type]
    file3: BaseFile | None = None  # type: ignore[valid-type]


class Parcel(View):
    registry_number: str
    semester: str
    status: str = Field(description="prepared | dispatched | delivered | returned")
    dispatched_at: str | None
    note: str
    updated_at: str | None = None
    times_sent: int = 0

    @classmethod
    def from_message(cls, p) -> Self:
        return cls(registry_number=p.registry_number, semester=p.semester, status=p.status,
                   dispatched_at=p.dispatched_at or None, note=p.note, updated_at=p.updated_at or None,
                   times_sent=p.times_sent)


class StaffParcel(Parcel):
    registration_number: str

    @classmethod
    def from_message(cls, p) -> Self:
        return cls(**Parcel.from_message(p).model_dump(), registration_number=p.registration_number)


class ParcelList(View):
    parcels: list[StaffParcel]
    counts: dict[str, int]


class PublicParcel(View):
    registry_number: str
    semester: str
    status: str
    dispatched_at: str | None
    updated_at: str | None


class PublicBooks(View):
    parcels: list[PublicParcel]


class BooksQuery(BaseModel):
    roll_number: str = Field("", max_length=8, pattern=r"^(|" + ROLL_NUMBER[1:-1] + ")$")
    challan_number: str = Field("", max_length=18, pattern=r"^(|[0-9]{18})$",
                                description="or her admission challan's 18-digit consumer number")


class ParcelsQuery(BaseModel):
    semester: str = Field("", max_length=12, pattern=r"^(|(Spring|Autumn) 20[0-9]{2})$")
    status: Literal["", "prepared", "dispatched", "delivered", "returned"] = ""
    limit: int = Field(100, ge=1, le=500)


class DispatchUpload(BaseModel):
    """multipart/form-data: the semester and a CSV of registry numbers."""
    model_config = ConfigDict(extra="forbid")
    semester: str = Field(max_length=12, pattern=r"^(Spring|Autumn) 20[0-9]{2}$", description="like Spring 2027")
    note: str = Field("", max_length=300, pattern=TEXT, description="e.g. the post's batch; she reads it")
    file: BaseFile = Field(description=(  # type: ignore[valid-type]
        "CSV, UTF-8, its first line `registry_number` (the student's roll number), one parcel to a line"))


class DispatchReportView(View):
    semester: str
    dispatched: int
    sent_again: int = Field(description="returned once, sent again now")


class ParcelOutcome(Body):
    semester: str = Field(max_length=12, pattern=r"^(Spring|Autumn) 20[0-9]{2}$")
    status: Literal["delivered", "returned"]
    note: str = Field("", max_length=300, pattern=TEXT)


class AddressConfirmation(Body):
    semester: str = Field(max_length=12, pattern=r"^(Spring|Autumn) 20[0-9]{2}$")


class Tracking(View):
    applications: list[Application]
    parcels: list[Parcel]

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(applications=[Application.from_message(a) for a in response.applications],
                   parcels=[Parcel.from_message(p) for p in response.parcels])


# -- one case timeline --------------------------------------------------------------------------
class CaseEvent(View):
    at: str
    source: Literal["requests", "finance", "tracking"]
    what: str


class NextStep(View):
    what: str
    eta: str | None = Field(description="YYYY-MM-DD: when it is likely (the median of recent cases of its kind)")
    usually_within_days: int | None = Field(description="nine in ten recent cases took no longer")


class CaseTimeline(View):
    request_number: str
    title: str
    status: str
    tracking_id: str | None
    events: list[CaseEvent] = Field(description="oldest first")
    next_step: NextStep | None = Field(description="null once the case is over")
    eta: str | None = Field(description="YYYY-MM-DD: when the whole case is likely to end")
    usually_within_days: int | None
    incomplete: bool = Field(description="a service did not answer: some events may be missing")


# -- who looked at my record ---------------------------------------------------------------
class AccessEntry(View):
    at: str
    who: str = Field(description="the officer's login")
    department: str
    role: str = Field(description="officer, or regional officer of a centre")
    action: Literal["read", "change"]
    record: str = Field(description="profile, results, ledger, requests or applications")
    method: str = Field(description="what the officer's screen asked for, e.g. GetStudentProfile")

    @classmethod
    def from_message(cls, e) -> Self:
        return cls(at=e.at, who=e.staff, department=e.department,
                   role=f"regional officer, centre {e.centre}" if e.centre else "officer",
                   action=e.action if e.action in ("read", "change") else "change", record=e.record, method=e.method)


class AccessLog(View):
    entries: list[AccessEntry]
    incomplete: bool = Field(description="a service did not answer in time: its entries are missing")


# -- dashboard --------------------------------------------------------------------------
class _Tile(View):
    status: TileStatus = Field(description="unavailable: the service did not answer in time; data is null")


class ProfileTile(_Tile):
    data: Profile | None


class CoursesTile(_Tile):
    data: Courses | None


class ResultsTile(_Tile):
    data: Results | None


class FinanceTile(_Tile):
    data: Finance | None


class RequestsTile(_Tile):
    data: RequestList | None


class TrackingTile(_Tile):
    data: Tracking | None


class AccountTile(_Tile):
    data: Account | None


class ChallanTile(_Tile):
    data: Challan


class DashboardTiles(View):
    profile: ProfileTile
    courses: CoursesTile
    results: ResultsTile
    finance: FinanceTile
    requests: RequestsTile
    tracking: TrackingTile
    account: AccountTile
    notifications: NotificationsTile


class DashboardStudent(View):
    """Who the dashboard is for; all but the number are null while the profile is unavailable."""
    registration_number: str
    full_name: str | None
    program: Program | None
    current_semester: str | None


class Dashboard(View):
    student: DashboardStudent
    tiles: DashboardTiles


# -- staff ------------------------------------------------------------------------------
class QueueQuery(BaseModel):
    status: Literal["awaiting_payment", "submitted", "in_process", "awaiting_student", "resolved", "rejected",
                    "closed"] | None = None
    subtype: Code | None = None
    older_than_days: int = Field(0, ge=0, le=3650, description="only those that reached the department this long ago")
    assigned_to: str | None = Field(None, max_length=60, pattern=USERNAME)
    overdue: bool = Field(False, description="only those past their service level")
    limit: int = Field(50, ge=1, le=200)


class LockAccount(Body):
    reason: str = Field(min_length=3, max_length=200, pattern=FILLED_TEXT)


_LEGACY_NAME = r"[A-Za-z][^A-Za-z]*[A-Za-z]"


class CreateStudentAccount(Body):
    # The legacy initial password is made of the name's last two letters (identity refuses
    # a name without two, naming full_name).
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "if": {"properties": {"initial_password_policy": {"const": "legacy"}},
               "required": ["initial_password_policy"]},
        "then": {"properties": {"full_name": {"pattern": _LEGACY_NAME}}}})

    registration_number: str = Field(pattern=REGISTRATION_NUMBER)
    full_name: str = Field(min_length=2, max_length=120, pattern=NAME,
                           description="with the legacy policy, at least two letters A-Z; no invisible "
                                       "formatting characters")
    email: str = Field(min_length=6, max_length=254, pattern=EMAIL)
    mobile: str = Field("", max_length=16, pattern=r"^(\+?[0-9]{10,15})?$")
    initial_password_policy: Literal["activation", "legacy"] = "activation"
    # The legacy initial password works only with one of these (identity keeps keyed digests).
    cnic: str | None = Field(None, pattern=CNIC, description=(
        "From the admission record, for the legacy policy: 13 digits, dashes optional"))
    date_of_birth: str | None = Field(None, pattern=ISO_DATE, description=(
        "From the admission record, for the legacy policy: YYYY-MM-DD. With the legacy policy and neither "
        "this nor cnic, the initial password never works: the student's first try mails an activation code"))


class AuditEvent(View):
    occurred_at: str
    username: str
    event: str
    ip: str
    detail: str


class AuditList(View):
    events: list[AuditEvent]

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(events=[AuditEvent(occurred_at=e.occurred_at, username=e.username, event=e.event, ip=e.ip,
                                      detail=e.detail) for e in response.events])


class AuditQuery(BaseModel):
    limit: int = Field(50, ge=1, le=500)


# -- bank (1LINK field names) -------------------------------------------------------------
class BillInquiry(Body):
    consumer_number: str = Field(pattern=CONSUMER_NUMBER_PATTERN)
    bank_mnemonic: str = Field(pattern=BANK_MNEMONIC, description="the authenticated bank's own")
    reserved: str | None = Field(None, max_length=400, pattern=TEXT)


def _more_than_zero(schema: dict) -> None:
    # Finance refuses a zero amount (naming transaction_amount, response_Code 04).
    schema["properties"]["transaction_amount"]["not"] = {"const": "+0000000000000"}


class BillPayment(Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_more_than_zero)

    consumer_number: str = Field(pattern=CONSUMER_NUMBER_PATTERN)
    bank_mnemonic: str = Field(pattern=BANK_MNEMONIC, description="the authenticated bank's own")
    tran_auth_id: str = Field(pattern=r"^[A-Za-z0-9]{6}$")
    transaction_amount: str = Field(pattern=ONE_LINK_AMOUNT, description=(
        "more than zero: a plus sign and 13 digits, the last two paisa: +0000000012000"))
    tran_date: str = Field(pattern=YYYYMMDD, description="YYYYMMDD (Pakistan time)")
    tran_time: str = Field(pattern=HHMMSS, description="HHMMSS (Pakistan time)")
    reserved: str | None = Field(None, max_length=400, pattern=TEXT)


class BillReversal(Body):
    """1LINK's reversal (void) of a payment, by the bank that took it: the payment's own
    `tran_auth_id`, and the reversal's date and time at the bank."""
    model_config = ConfigDict(extra="forbid")

    consumer_number: str = Field(pattern=CONSUMER_NUMBER_PATTERN)
    bank_mnemonic: str = Field(pattern=BANK_MNEMONIC, description="the authenticated bank's own")
    tran_auth_id: str = Field(pattern=r"^[A-Za-z0-9]{6}$", description="the authorisation of the payment reversed")
    tran_date: str = Field(pattern=YYYYMMDD, description="YYYYMMDD (Pakistan time)")
    tran_time: str = Field(pattern=HHMMSS, description="HHMMSS (Pakistan time)")
    reserved: str | None = Field(None, max_length=400, pattern=TEXT)


class BillReversalAnswer(View):
    response_Code: str = Field(pattern=r"^[0-9]{2}$", description=(
        "00 reversed (a replay: 00 again), 01 no such payment of this bank, 02 the reversal window has closed"))
    message: str
    reserved: str

    @classmethod
    def from_message(cls, answer) -> Self:
        return cls(response_Code=answer.response_code, message=answer.message, reserved="")


class BillInquiryAnswer(View):
    """Only `response_Code` where there is no such bill; every field otherwise."""
    response_Code: str = Field(pattern=r"^[0-9]{2}$", description="00 found, 01 unknown consumer number")
    consumer_Detail: str = ""
    bill_status: Literal["U", "P", "B", ""] = Field("", description="U unpaid, P paid, B blocked")
    due_date: str = ""
    amount_within_dueDate: str = ""
    amount_after_dueDate: str = ""
    billing_month: str = ""
    date_paid: str = ""
    amount_paid: str = ""
    tran_auth_id: str = ""
    reserved: str = ""

    @classmethod
    def from_message(cls, answer) -> Self:
        if answer.response_code != "00" and not answer.bill_status:
            return cls(response_Code=answer.response_code)
        return cls(response_Code=answer.response_code, consumer_Detail=answer.consumer_detail,
                   bill_status=answer.bill_status, due_date=answer.due_date,
                   amount_within_dueDate=money.to_one_link(answer.amount_within_due_date_paisa),
                   amount_after_dueDate=money.to_one_link(answer.amount_after_due_date_paisa),
                   billing_month=answer.billing_month, date_paid=answer.date_paid,
                   amount_paid=money.to_one_link(answer.amount_paid_paisa) if answer.date_paid else "",
                   tran_auth_id=answer.tran_auth_id, reserved="")


class BillPaymentAnswer(View):
    response_Code: str = Field(pattern=r"^[0-9]{2}$", description="00 paid, 02 blocked, 03 duplicate, 04 invalid")
    identification_parameter: str
    reserved: str

    @classmethod
    def from_message(cls, answer) -> Self:
        return cls(response_Code=answer.response_code, identification_parameter=answer.identification_parameter,
                   reserved="")


# -- health -----------------------------------------------------------------------------
class Health(View):
    status: str
    services: dict[str, str] | None = None


# -- staff: admissions, records, holds, semesters, tutors ---------------------------------
BATCH_ID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


class AdmitStudent(Body):
    full_name: str = Field(min_length=1, max_length=120, pattern=NAME)
    father_name: str = Field(min_length=1, max_length=120, pattern=NAME)
    cnic: str = Field(pattern=CNIC, description="13 digits, dashes optional")
    date_of_birth: str = Field(pattern=ISO_DATE)
    gender: Literal["female", "male", "other"]
    postal_address: str = Field(max_length=300, pattern=ADDRESS)
    mobile: str = Field(max_length=20, pattern=MOBILE)
    email: str = Field(max_length=254, pattern=EMAIL, description="the activation code is mailed here")
    program_code: str = Field(pattern=r"^[A-Za-z0-9]{2,12}$")
    centre_code: str = Field(pattern=r"^[A-Za-z]{2,10}$")
    admission_semester: str = Field(max_length=20, pattern=SEMESTER, description="e.g. Spring 2027")


class Admission(View):
    student: Profile
    account_status: Literal["opened", "pending"] = Field(
        description="pending: identity is asked again until the account is open")

    @classmethod
    def from_message(cls, a) -> Self:
        return cls(student=Profile.from_message(a.student), account_status=a.account_status)


class AdmissionFile(Body):
    file_name: str = Field("admissions.csv", max_length=120, pattern=TEXT)
    csv: str = Field(min_length=1, max_length=4 * 1024 * 1024, pattern=TEXT, description=(
        "UTF-8 CSV, its first line naming the columns: " + ", ".join(ADMISSION_FIELDS)))


class RefusedRow(View):
    line: int
    field: str
    message: str


class AdmissionBatch(View):
    batch_id: str
    file_name: str
    status: Literal["refused", "queued", "applying", "applied", "failed"]
    total: int
    processed: int
    refused: list[RefusedRow] = Field(description="every refused row (the first 500; the report has all)")
    created_at: str
    finished_at: str | None
    created_by: str
    error: str

    @classmethod
    def from_message(cls, b) -> Self:
        return cls(batch_id=b.batch_id, file_name=b.file_name, status=b.status, total=b.total,
                   processed=b.processed, created_at=b.created_at, finished_at=b.finished_at or None,
                   created_by=b.created_by, error=b.error,
                   refused=[RefusedRow(line=r.row, field=r.field, message=r.message) for r in b.refused])


class RecordChange(View):
    field: str
    old_value: str
    new_value: str
    changed_at: str
    changed_by: str
    source: str


class StudentRecord(View):
    student: Profile
    history: list[RecordChange] = Field(description="newest first")
    admitted_by: str
    admitted_at: str | None
    account_opened_at: str | None

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(student=Profile.from_message(r.student), admitted_by=r.admitted_by,
                   admitted_at=r.admitted_at or None, account_opened_at=r.account_opened_at or None,
                   history=[RecordChange(field=h.field, old_value=h.old_value, new_value=h.new_value,
                                         changed_at=h.changed_at, changed_by=h.changed_by, source=h.source)
                            for h in r.history])


def _at_least_one_field(schema: dict) -> None:
    """Optional fields, none null in JSON: no `default: null` beside `type: string`."""
    schema["minProperties"] = 1
    for field in schema.get("properties", {}).values():
        field.pop("default", None)


class RecordChanges(Body):
    """The fields to correct, each as admission takes it; at least one."""
    model_config = ConfigDict(extra="forbid", json_schema_extra=_at_least_one_field)
    full_name: SkipJsonSchema[None] | Annotated[str, Field(min_length=1, max_length=120, pattern=NAME)] = None
    father_name: SkipJsonSchema[None] | Annotated[str, Field(min_length=1, max_length=120, pattern=NAME)] = None
    cnic: SkipJsonSchema[None] | Annotated[str, Field(pattern=CNIC)] = None
    date_of_birth: SkipJsonSchema[None] | Annotated[str, Field(pattern=ISO_DATE)] = None
    postal_address: SkipJsonSchema[None] | Annotated[str, Field(max_length=300, pattern=ADDRESS)] = None
    mobile: SkipJsonSchema[None] | Annotated[str, Field(max_length=20, pattern=MOBILE)] = None
    email: SkipJsonSchema[None] | Annotated[str, Field(max_length=254, pattern=EMAIL)] = None

    @model_validator(mode="after")
    def _at_least_one(self) -> Self:
        if not self.given():
            raise ValueError("name at least one field to correct")
        return self

    def given(self) -> dict[str, str]:
        return self.model_dump(exclude_none=True)


class CorrectRecord(Body):
    changes: RecordChanges
    reason: str = Field(min_length=1, max_length=50, pattern=FILLED_TEXT, description="e.g. the form's number")


class PlaceHold(Body):
    code: Literal["missing_documents"]
    reference: str = Field(min_length=1, max_length=60, pattern=FILLED_TEXT, description="e.g. the missing document")
    note: str = Field("", max_length=300, pattern=TEXT)


class LiftHold(Body):
    code: Literal["missing_documents"]
    reference: str = Field(min_length=1, max_length=60, pattern=FILLED_TEXT)


class Window(Body):
    opens: str = Field(pattern=ISO_DATE)
    closes: str = Field(pattern=ISO_DATE)


class SemesterView(View):
    code: str
    starts_on: str
    admission: RegistrationWindow
    registration: RegistrationWindow

    @classmethod
    def from_message(cls, s) -> Self:
        return cls(code=s.code, starts_on=s.starts_on,
                   admission=RegistrationWindow(opens=s.admission.opens, closes=s.admission.closes),
                   registration=RegistrationWindow(opens=s.registration.opens, closes=s.registration.closes))


class Semesters(View):
    semesters: list[SemesterView]

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(semesters=[SemesterView.from_message(s) for s in response.semesters])


class SetWindows(Body):
    code: str = Field(max_length=20, pattern=SEMESTER)
    admission: Window | None = None
    registration: Window | None = None


class TutorOffering(View):
    course_code: str
    course_title: str
    capacity: int
    allocated: int


class TutorView(View):
    tutor_id: int
    name: str
    postal_address: str
    phone: str
    email: str
    offerings: list[TutorOffering]

    @classmethod
    def from_message(cls, t) -> Self:
        return cls(tutor_id=t.tutor_id, name=t.name, postal_address=t.postal_address, phone=t.phone, email=t.email,
                   offerings=[TutorOffering(course_code=o.course_code, course_title=o.course_title,
                                            capacity=o.capacity, allocated=o.allocated) for o in t.offerings])


class OfferingLoad(View):
    course_code: str
    course_title: str
    students: int
    allocated: int
    capacity: int


class Tutors(View):
    semester: str
    centre: str
    tutors: list[TutorView]
    offerings: list[OfferingLoad]

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(semester=r.semester, centre=r.centre, tutors=[TutorView.from_message(t) for t in r.tutors],
                   offerings=[OfferingLoad(course_code=o.course_code, course_title=o.course_title,
                                           students=o.students, allocated=o.allocated, capacity=o.capacity)
                              for o in r.offerings])


class SemesterQuery(BaseModel):
    semester: str = Field(max_length=20, pattern=SEMESTER, description="e.g. Spring 2027")



class AddTutor(Body):
    name: str = Field(min_length=1, max_length=120, pattern=NAME)
    postal_address: str = Field(max_length=300, pattern=ADDRESS)
    phone: str = Field(max_length=20, pattern=MOBILE)
    email: str = Field(max_length=254, pattern=EMAIL)


class AssignTutor(Body):
    tutor_id: int = Field(ge=1, le=2**31 - 1)
    semester: str = Field(max_length=20, pattern=SEMESTER)
    course_code: str = Field(pattern=r"^[A-Za-z0-9]{1,12}$")
    capacity: int = Field(ge=1, le=500)


class AllocateTutors(Body):
    semester: str = Field(max_length=20, pattern=SEMESTER)
    course_code: str = Field(pattern=r"^[A-Za-z0-9]{1,12}$")


class Allocation(View):
    allocated: int = Field(description="students given a tutor now")
    waiting: int = Field(description="students still without one: the tutors' places are full")


# -- reference data: the prospectus (public) and admissions' upkeep ---------------------------
class SchemeCourse(View):
    semester_number: int
    code: str
    title: str
    credit_hours: int
    practical_credit_hours: int


class ProgramView(View):
    code: str
    title: str
    level: str
    level_title: str
    duration_semesters: int
    max_duration_years: int
    credit_hours_total: int
    max_semester_credit_hours: int
    scheme: list[SchemeCourse] = Field(description="the scheme of studies, by semester of the programme")

    @classmethod
    def from_message(cls, p) -> Self:
        return cls(code=p.code, title=p.title, level=p.level, level_title=p.level_title,
                   duration_semesters=p.duration_semesters, max_duration_years=p.max_duration_years,
                   credit_hours_total=p.credit_hours_total, max_semester_credit_hours=p.max_semester_credit_hours,
                   scheme=[SchemeCourse(semester_number=c.semester_number, code=c.code, title=c.title,
                                        credit_hours=c.credit_hours, practical_credit_hours=c.practical_credit_hours)
                           for c in p.scheme])


class Programs(View):
    programs: list[ProgramView]

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(programs=[ProgramView.from_message(p) for p in response.programs])


class CourseView(View):
    code: str
    title: str
    credit_hours: int
    practical_credit_hours: int

    @classmethod
    def from_message(cls, c) -> Self:
        return cls(code=c.code, title=c.title, credit_hours=c.credit_hours,
                   practical_credit_hours=c.practical_credit_hours)


class OfferingsView(View):
    semester: str
    courses: list[CourseView]

    @classmethod
    def from_message(cls, o) -> Self:
        return cls(semester=o.semester, courses=[CourseView.from_message(c) for c in o.courses])


COURSE_CODE = r"^ *[A-Za-z0-9]{2,12} *$"


class AddCourse(Body):
    code: str = Field(max_length=14, pattern=COURSE_CODE, description="like 8601 or ENGL3505")
    title: str = Field(min_length=1, max_length=120, pattern=FILLED_TEXT)
    credit_hours: int = Field(ge=1, le=12)
    practical_credit_hours: int = Field(0, ge=0, le=12, description="of the credit hours; 3(2+1) has 1")


class SetSchemeCourse(Body):
    program_code: str = Field(pattern=r"^[A-Za-z0-9]{2,12}$")
    course_code: str = Field(max_length=14, pattern=COURSE_CODE)
    semester_number: int = Field(ge=0, le=16, description="of the programme; 0 takes the course out of the scheme")


class SetOffering(Body):
    semester: str = Field(max_length=20, pattern=SEMESTER)
    course_code: str = Field(max_length=14, pattern=COURSE_CODE)
    offered: bool


class Centres(View):
    centres: list[RegionalCentre]

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(centres=[RegionalCentre(code=c.code, name=c.name) for c in response.centres])


class AdmissionBatches(View):
    batches: list[AdmissionBatch] = Field(description="newest first")

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(batches=[AdmissionBatch.from_message(b) for b in response.batches])


class BatchesQuery(BaseModel):
    limit: int = Field(50, ge=1, le=200)


# -- examinations: schedules, slips, centres, date sheets, documents ---------------------------
PROGRAM_CODE = r"^[A-Za-z0-9]{1,20}$"
CENTRE_CODE = r"^[A-Za-z0-9-]{1,12}$"
HH_MM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
COURSE_CODE = r"^[A-Za-z0-9]{1,12}$"
#: A document ID as the QR code carries it (a compact JWS): base64url parts joined by dots.
DOCUMENT_ID = r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$"
DOCUMENT_SERIAL = r"^[A-Za-z0-9]{1,32}$"


class ScheduledPaper(View):
    course_code: str
    title: str
    date: str | None = Field(description="YYYY-MM-DD; null until the date sheet has the paper")
    start: str | None = Field(description="HH:MM, Pakistan time")
    end: str | None

    @classmethod
    def from_message(cls, p) -> Self:
        return cls(course_code=p.course_code, title=p.course_title, date=p.date or None, start=p.start or None,
                   end=p.end or None)


class ExamCentreView(View):
    code: str
    name: str
    address: str
    region: str

    @classmethod
    def from_message(cls, c) -> Self:
        return cls(code=c.code, name=c.name, address=c.address, region=c.region)


class ExamSchedule(View):
    semester: str
    roll_number: str
    centre: ExamCentreView | None = Field(description="null while every centre of her region is full")
    papers: list[ScheduledPaper] = Field(description="by date; papers without a date last")
    program_code: str
    program: str

    @classmethod
    def from_message(cls, s) -> Self:
        return cls(semester=s.semester, roll_number=s.roll_number,
                   centre=ExamCentreView.from_message(s.centre) if s.HasField("centre") else None,
                   papers=[ScheduledPaper.from_message(p) for p in s.papers], program_code=s.program_code,
                   program=s.program_title or s.program_code)


class ScheduleQuery(BaseModel):
    semester: str = Field("", max_length=20, pattern=rf"({SEMESTER})|^$",
                          description="e.g. Spring 2026; empty: the latest")


class PublicSlipQuery(BaseModel):
    program: str = Field(min_length=1, max_length=20, pattern=PROGRAM_CODE,
                         description="the program's code, as /api/v1/me/profile gives it (e.g. BED15)")
    semester: str = Field(max_length=20, pattern=SEMESTER, description="e.g. Spring 2026")
    registration_number: str = Field(max_length=20, pattern=REGISTRATION_NUMBER)


class DocumentFactView(View):
    name: str
    value: str


class DocumentVerification(View):
    status: Literal["genuine", "revoked"]
    document_type: str = Field(description="roll_number_slip, transcript, challan")
    issued_at: str
    issuer: str = Field(description="the office that issued it")
    facts: list[DocumentFactView] = Field(description="as signed; the name partly masked")
    revoked_at: str | None
    revocation_reason: str | None
    serial: str

    @classmethod
    def from_message(cls, d) -> Self:
        return cls(status=d.status, document_type=d.document_type, issued_at=d.issued_at, issuer=d.issuer,
                   facts=[DocumentFactView(name=f.name, value=f.value) for f in d.facts],
                   revoked_at=d.revoked_at or None, revocation_reason=d.revocation_reason or None, serial=d.serial)


class DocumentList(View):
    documents: list[DocumentVerification] = Field(description="newest first")

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(documents=[DocumentVerification.from_message(d) for d in response.documents])


class RevokeDocument(Body):
    reason: str = Field(min_length=1, max_length=300, pattern=FILLED_TEXT)


class DocumentKey(View):
    kty: str
    crv: str
    x: str
    kid: str
    alg: str
    use: str
    iss: str = Field(description="the service whose documents it signs")


class DocumentKeys(View):
    keys: list[DocumentKey]


class ExamCentreLoad(View):
    code: str
    region: str
    name: str
    address: str
    capacity: int
    active: bool
    seated: int = Field(description="candidates placed there in the semester")

    @classmethod
    def from_message(cls, c) -> Self:
        return cls(code=c.code, region=c.region, name=c.name, address=c.address, capacity=c.capacity,
                   active=c.active, seated=c.seated)


class ExamCentres(View):
    semester: str | None = Field(description="the semester counted; null before any candidate")
    unplaced: int = Field(description="candidates of the semester with no centre yet")
    centres: list[ExamCentreLoad]

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(semester=response.semester or None, unplaced=response.unplaced,
                   centres=[ExamCentreLoad.from_message(c) for c in response.centres])


class ExamCentresQuery(BaseModel):
    region: str = Field("", max_length=10, pattern=r"^[A-Za-z0-9]*$")
    semester: str = Field("", max_length=20, pattern=rf"({SEMESTER})|^$")


class SetExamCentre(Body):
    code: str = Field(max_length=12, pattern=CENTRE_CODE)
    region: str = Field(min_length=2, max_length=10, pattern=r"^[A-Za-z0-9]+$")
    name: str = Field(min_length=1, max_length=120, pattern=FILLED_TEXT)
    address: str = Field(min_length=1, max_length=300, pattern=FILLED_TEXT)
    capacity: int = Field(ge=0, le=100_000)
    active: bool = True


class DateSheetQuery(BaseModel):
    semester: str = Field(max_length=20, pattern=SEMESTER)
    program: str = Field(min_length=1, max_length=20, pattern=PROGRAM_CODE)


class DateSheetView(View):
    semester: str
    program_code: str
    papers: list[ScheduledPaper]

    @classmethod
    def from_message(cls, sheet) -> Self:
        return cls(semester=sheet.semester, program_code=sheet.program_code,
                   papers=[ScheduledPaper.from_message(p) for p in sheet.papers])


class SetDateSheetPaper(Body):
    semester: str = Field(max_length=20, pattern=SEMESTER)
    program: str = Field(min_length=1, max_length=20, pattern=PROGRAM_CODE)
    course_code: str = Field(max_length=12, pattern=COURSE_CODE)
    title: str = Field("", max_length=120, pattern=TEXT, description="needed for a course no candidate sits yet")
    date: str = Field(max_length=10, pattern=ISO_DATE)
    start: str = Field(max_length=5, pattern=HH_MM)
    end: str = Field(max_length=5, pattern=HH_MM)


class RemoveDateSheetPaper(Body):
    semester: str = Field(max_length=20, pattern=SEMESTER)
    program: str = Field(min_length=1, max_length=20, pattern=PROGRAM_CODE)
    course_code: str = Field(max_length=12, pattern=COURSE_CODE)


class PublicCourseResult(View):
    code: str
    title: str
    credit_hours: int
    assignment_marks: int | None = Field(description="null where the semester shows only grades, or it is late")
    final_exam_marks: int | None
    total_marks: int | None
    grade: str = Field(description="empty while the result is late")
    remarks: str = Field(description="pass, fail or RL (result late)")


class PublicResult(View):
    roll_number: str
    name: str
    semester: str
    program_code: str
    program: str
    courses: list[PublicCourseResult]
    gpa: str | None = Field(description="null where the level is not on the GPA scale, or a result is late")
    remarks: str = Field(description="pass, re-appear (in the failed courses) or RL (result late)")
    published_on: str
    revised_at: str | None = Field(description="when a late result or a re-check changed the card")
    revision: str | None

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(roll_number=r.roll_number, name=r.name, semester=r.semester, program_code=r.program_code,
                   program=r.program, gpa=r.gpa or None, remarks=r.remarks, published_on=r.published_on,
                   revised_at=r.revised_at or None, revision=r.revision or None, courses=[PublicCourseResult(
                       code=c.course_code, title=c.course_title, credit_hours=c.credit_hours,
                       assignment_marks=c.assignment_marks if c.components_shown else None,
                       final_exam_marks=c.final_exam_marks if c.components_shown else None,
                       total_marks=c.total_marks if c.components_shown else None, grade=c.grade,
                       remarks=c.remarks) for c in r.courses])


class PublishResults(Body):
    semester: str = Field(max_length=20, pattern=SEMESTER)
    program: str = Field(min_length=1, max_length=20, pattern=PROGRAM_CODE)


class PublicationView(View):
    semester: str
    program_code: str
    published_on: str
    published_at: str
    published_by: str
    candidates: int
    results: int

    @classmethod
    def from_message(cls, p) -> Self:
        return cls(semester=p.semester, program_code=p.program_code, published_on=p.published_on,
                   published_at=p.published_at, published_by=p.published_by, candidates=p.candidates,
                   results=p.results)


class Publications(View):
    publications: list[PublicationView] = Field(description="newest first")

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(publications=[PublicationView.from_message(p) for p in response.publications])


class PublicationsQuery(BaseModel):
    semester: str = Field("", max_length=20, pattern=rf"({SEMESTER})|^$")


class RecordMarks(Body):
    roll_number: str = Field(max_length=8, pattern=ROLL_NUMBER)
    course_code: str = Field(max_length=12, pattern=COURSE_CODE)
    assignment_marks: int | None = Field(None, ge=0, le=100, description="out of 100; null while awaited (RL)")
    final_exam_marks: int | None = Field(None, ge=0, le=100, description="out of 100; null while awaited (RL)")
    workshop_attendance: int | None = Field(None, ge=0, le=100,
                                            description="percent attended, where the level has workshops")


class RecordedMarks(View):
    roll_number: str
    registration_number: str
    semester: str
    course_code: str
    total_marks: int | None
    grade: str
    remarks: str = Field(description="pass, fail or RL (result late)")

    @classmethod
    def from_message(cls, m) -> Self:
        return cls(roll_number=m.roll_number, registration_number=m.registration_number, semester=m.semester,
                   course_code=m.course_code, total_marks=m.total_marks if m.remarks != "RL" else None,
                   grade=m.grade, remarks=m.remarks)


MARKS_COLUMNS = "roll_number, course_code, assignment_marks, final_exam_marks and, where the level has " \
                "workshops, workshop_attendance"


class MarksFileUpload(Body):
    file_name: str = Field("marks.csv", max_length=120, pattern=TEXT)
    csv: str = Field(min_length=1, max_length=4 * 1024 * 1024, pattern=TEXT, description=(
        f"UTF-8 CSV (up to about 150,000 rows), its first line naming the columns: {MARKS_COLUMNS}. "
        "An empty mark is awaited: that result is late (RL)."))


class MarksFileView(View):
    file_id: str
    file_name: str
    status: Literal["refused", "queued", "applied", "failed"]
    total: int = Field(description="rows in the file")
    processed: int = Field(description="rows applied so far")
    refused: int = Field(description="rows refused; the report lists each with its field and reason")
    error: str | None
    created_by: str
    created_at: str
    finished_at: str | None

    @classmethod
    def from_message(cls, f) -> Self:
        return cls(file_id=f.file_id, file_name=f.file_name, status=f.status, total=f.total, processed=f.processed,
                   refused=f.refused, error=f.error or None, created_by=f.created_by, created_at=f.created_at,
                   finished_at=f.finished_at or None)


class MarksFiles(View):
    files: list[MarksFileView] = Field(description="newest first")

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(files=[MarksFileView.from_message(f) for f in response.files])


class StatisticsQuery(BaseModel):
    semester: str = Field(max_length=20, pattern=SEMESTER)
    program: str = Field(min_length=1, max_length=20, pattern=PROGRAM_CODE)


class GradeCountView(View):
    grade: str
    count: int


class GroupStatisticsView(View):
    key: str = Field(description="a course code or an exam centre's code")
    title: str
    results: int
    passed: int
    failed: int
    late: int
    pass_rate: float | None = Field(description="percent of the decided results (late ones left out)")
    average_total: str | None
    grades: list[GradeCountView] = Field(description="best grade first")

    @classmethod
    def from_message(cls, g) -> Self:
        decided = g.passed + g.failed
        return cls(key=g.key, title=g.title, results=g.results, passed=g.passed, failed=g.failed, late=g.late,
                   pass_rate=round(100 * g.passed / decided, 1) if decided else None,
                   average_total=g.average_total or None,
                   grades=[GradeCountView(grade=c.grade, count=c.count) for c in g.grades])


class SemesterStatisticsView(View):
    semester: str
    program_code: str
    candidates: int
    published: bool
    courses: list[GroupStatisticsView]
    centres: list[GroupStatisticsView]

    @classmethod
    def from_message(cls, s) -> Self:
        return cls(semester=s.semester, program_code=s.program_code, candidates=s.candidates, published=s.published,
                   courses=[GroupStatisticsView.from_message(g) for g in s.courses],
                   centres=[GroupStatisticsView.from_message(g) for g in s.centres])


class ExamCaseView(View):
    request_number: str
    registration_number: str
    kind: Literal["rechecking", "centre_change"]
    details: str = Field(description="what the student wrote")
    status: Literal["open", "revised", "unchanged", "approved", "rejected"]
    opened_at: str
    decided_at: str | None
    decided_by: str | None
    note: str | None
    semester: str | None
    roll_number: str | None
    program_code: str | None
    centre_code: str | None
    papers: list[ScheduledPaper]

    @classmethod
    def from_message(cls, c) -> Self:
        return cls(request_number=c.request_number, registration_number=c.registration_number, kind=c.kind,
                   details=c.details, status=c.status, opened_at=c.opened_at, decided_at=c.decided_at or None,
                   decided_by=c.decided_by or None, note=c.note or None, semester=c.semester or None,
                   roll_number=c.roll_number or None, program_code=c.program_code or None,
                   centre_code=c.centre_code or None, papers=[ScheduledPaper.from_message(p) for p in c.papers])


class CentreChangeGroundView(View):
    code: str
    title: str


class ExamCases(View):
    cases: list[ExamCaseView] = Field(description="open ones oldest first, decided ones newest first")
    grounds: list[CentreChangeGroundView] = Field(description="the hardships that allow a change of centre")

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(cases=[ExamCaseView.from_message(c) for c in response.cases],
                   grounds=[CentreChangeGroundView(code=g.code, title=g.title) for g in response.grounds])


class ExamCasesQuery(BaseModel):
    status: Literal["", "open", "revised", "unchanged", "approved", "rejected"] = ""
    kind: Literal["", "rechecking", "centre_change"] = ""


class DecideRecheck(Body):
    course_code: str = Field(max_length=12, pattern=COURSE_CODE)
    changed: bool = Field(description="false: the marks stand as they were")
    assignment_marks: int | None = Field(None, ge=0, le=100)
    final_exam_marks: int | None = Field(None, ge=0, le=100)
    note: str = Field("", max_length=300, pattern=TEXT, description="what the student is told")


class DecideCentreChange(Body):
    approve: bool
    centre_code: str = Field("", max_length=12, pattern=rf"({CENTRE_CODE})|^$", description="the new centre")
    ground: str = Field("", max_length=30, pattern=r"^[a-z_]*$", description="the hardship, when approved")
    note: str = Field("", max_length=300, pattern=TEXT, description="why, when refused (the student reads it)")


# -- treasury -----------------------------------------------------------------------------------
class TreasuryChallan(Challan):
    """A challan as treasury sees it: whose, which bank took it, why it was closed."""
    registration_number: str
    payer_name: str
    fee_code: str
    bank_mnemonic: str
    closed_reason: str
    superseded_by: str | None = Field(description="the challan treasury replaced it with")

    @classmethod
    def from_message(cls, c) -> Self:
        return cls(**Challan.from_message(c).model_dump(), registration_number=c.registration_number,
                   payer_name=c.payer_name, fee_code=c.fee_code, bank_mnemonic=c.bank_mnemonic,
                   closed_reason=c.closed_reason, superseded_by=c.superseded_by or None)


class PostedLedgerEntry(LedgerEntry):
    posted_by: str = Field(description="who posted it: bank:<mnemonic>, staff:<login>@<department>, or system")

    @classmethod
    def from_message(cls, e) -> Self:
        return cls(**LedgerEntry.from_message(e).model_dump(), posted_by=e.posted_by)


class TreasuryAccount(View):
    registration_number: str
    balance: int = Field(description="paisa; positive: she owes, negative: she is owed")
    balance_display: str
    outstanding: int = Field(description="paisa: what her unpaid challans ask for today")
    challans: list[TreasuryChallan]
    ledger: list[PostedLedgerEntry]

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(registration_number=r.registration_number, balance=r.balance_paisa,
                   balance_display=money.rupees(r.balance_paisa), outstanding=r.outstanding_paisa,
                   challans=[TreasuryChallan.from_message(c) for c in r.challans],
                   ledger=[PostedLedgerEntry.from_message(e) for e in r.ledger])


class HandChallan(Body):
    """A challan treasury issues by hand: a fee of the schedule, for a student."""
    registration_number: str = Field(pattern=REGISTRATION_NUMBER)
    fee_code: str = Field(pattern=r"^[a-z][a-z0-9_]{1,59}$", description="one of the schedule's fees")
    level: str = Field(pattern=r"^(\*|[a-z][a-z0-9_]{1,19})$", description="her programme's level")
    description: str = Field(min_length=5, max_length=200, pattern=TEXT, description="what it is for")
    payer_name: str = Field("", max_length=120, pattern=TEXT)


class CancelChallan(Body):
    reason: str = Field(min_length=5, max_length=300, pattern=TEXT, description="why, kept with the ledger entry")


class ManualPayment(Body):
    amount: int = Field(gt=0, le=10**12, description="paisa: what the challan asks for on `paid_on`")
    paid_on: str = Field(pattern=ISO_DATE, description="YYYY-MM-DD, not in the future")
    reason: str = Field(min_length=5, max_length=300, pattern=TEXT, description=(
        "how it was paid, e.g. at the treasury counter, receipt 1234"))


class SettlementUpload(BaseModel):
    """multipart/form-data: the bank's settlement file and the bank it is from."""
    model_config = ConfigDict(extra="forbid")
    file: BaseFile = Field(description=(  # type: ignore[valid-type]
        "CSV, UTF-8, its first line `tran_date,tran_auth_id,consumer_number,amount`; the amount in rupees "
        "with two decimals (2000.00), tran_date YYYYMMDD or YYYY-MM-DD"))
    bank_mnemonic: str = Field(pattern=BANK_MNEMONIC)


class SettlementLine(View):
    tran_date: str
    tran_auth_id: str
    consumer_number: str
    amount: int = Field(description="paisa, as the bank's file has it (a missing one: as recorded)")
    amount_display: str
    recorded_amount: int | None = Field(None, description="mismatched: paisa, as recorded here")
    recorded_consumer_number: str | None = None
    note: str

    @classmethod
    def from_message(cls, x) -> Self:
        recorded = x.recorded_amount_paisa or x.recorded_consumer_number
        return cls(tran_date=x.tran_date, tran_auth_id=x.tran_auth_id, consumer_number=x.consumer_number,
                   amount=x.amount_paisa, amount_display=money.rupees(x.amount_paisa),
                   recorded_amount=x.recorded_amount_paisa if recorded else None,
                   recorded_consumer_number=x.recorded_consumer_number if recorded else None, note=x.note)


class SettlementReport(View):
    """A bank's settlement file matched against the payments recorded from it."""
    settlement_id: int
    bank_mnemonic: str
    file_name: str
    uploaded_at: str
    uploaded_by: str
    rows: int
    first_tran_date: str
    last_tran_date: str
    matched: int
    unrecorded: list[SettlementLine] = Field(description="in the file, never recorded: kept in the unmatched queue")
    missing: list[SettlementLine] = Field(description="recorded here from this bank on the file's dates, not in it")
    mismatched: list[SettlementLine] = Field(description="in both, with another amount or consumer number, "
                                                         "or reversed here")

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(settlement_id=r.settlement_id, bank_mnemonic=r.bank_mnemonic, file_name=r.file_name,
                   uploaded_at=r.uploaded_at, uploaded_by=r.uploaded_by, rows=r.rows,
                   first_tran_date=r.first_tran_date, last_tran_date=r.last_tran_date, matched=r.matched,
                   unrecorded=[SettlementLine.from_message(x) for x in r.unrecorded],
                   missing=[SettlementLine.from_message(x) for x in r.missing],
                   mismatched=[SettlementLine.from_message(x) for x in r.mismatched])


class Settlements(View):
    settlements: list[SettlementReport]

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(settlements=[SettlementReport.from_message(s) for s in r.settlements])


class SettlementsQuery(Body):
    bank: str | None = Field(None, pattern=BANK_MNEMONIC)


class Unmatched(View):
    id: int
    bank_mnemonic: str
    tran_auth_id: str
    consumer_number: str
    amount: int = Field(description="paisa")
    amount_display: str
    currency: Literal["PKR"]
    tran_date: str
    status: Literal["open", "posted", "refunded"]
    found_at: str
    settlement_id: int
    resolved_at: str | None
    resolved_by: str
    note: str
    challan_status: str = Field(description="its consumer number's challan (unpaid, paid, blocked), or empty: none")

    @classmethod
    def from_message(cls, p) -> Self:
        return cls(id=p.id, bank_mnemonic=p.bank_mnemonic, tran_auth_id=p.tran_auth_id,
                   consumer_number=p.consumer_number, **_amount(p.amount_paisa), tran_date=p.tran_date,
                   status=p.status, found_at=p.found_at, settlement_id=p.settlement_id,
                   resolved_at=p.resolved_at or None, resolved_by=p.resolved_by, note=p.note,
                   challan_status=p.challan_status)


class UnmatchedList(View):
    payments: list[Unmatched]

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(payments=[Unmatched.from_message(p) for p in r.payments])


class UnmatchedQuery(Body):
    status: Literal["open", "posted", "refunded"] | None = None


class ResolveUnmatched(Body):
    action: Literal["post", "refund"] = Field(description="post: pay its challan with it; refund: give it back")
    reason: str = Field(min_length=5, max_length=300, pattern=TEXT)


class Bank(View):
    mnemonic: str
    name: str


class Banks(View):
    banks: list[Bank]

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(banks=[Bank(mnemonic=b.mnemonic, name=b.name) for b in r.banks])


class FiguresQuery(Body):
    days: int | None = Field(None, ge=1, le=92, description="the last N days of collections (30 if not given)")


class DailyCollection(View):
    day: str
    bank_mnemonic: str
    amount: int = Field(description="paisa")
    payments: int


class ProgramDues(View):
    program_code: str = Field(description="empty for challans issued without a programme")
    level: str
    amount: int = Field(description="paisa: what the unpaid challans ask for today")
    challans: int


class TreasuryFigures(View):
    from_date: str
    to_date: str
    collections: list[DailyCollection] = Field(description="each bank's standing payments by transaction date")
    outstanding: list[ProgramDues] = Field(description="unpaid challans that can still be paid, largest first")

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(from_date=r.from_date, to_date=r.to_date,
                   collections=[DailyCollection(day=c.day, bank_mnemonic=c.bank_mnemonic, amount=c.amount_paisa,
                                                payments=c.payments) for c in r.collections],
                   outstanding=[ProgramDues(program_code=d.program_code, level=d.level, amount=d.amount_paisa,
                                            challans=d.challans) for d in r.outstanding])


class RefundRule(View):
    ground: str
    title: str
    deduction_percent: int = Field(description="kept by the university; 100: nothing is refunded")
    applies_from: str


class RefundCase(View):
    """A "Refund of Fee" request as treasury decides it."""
    request_number: str
    registration_number: str
    subtype: str
    details: str
    status: Literal["open", "approved", "rejected"]
    opened_at: str
    grounds: list[str] = Field(description="the rules this request may be decided on")
    paid_challans: list[TreasuryChallan] = Field(description="open: her paid challans not refunded yet")
    consumer_number: str | None = None
    ground: str | None = None
    base: int | None = Field(None, description="paisa: what the refunded challan was paid")
    amount: int | None = Field(None, description="paisa: what was refunded")
    decided_by: str
    decided_at: str | None
    note: str

    @classmethod
    def from_message(cls, c) -> Self:
        decided = c.status != "open"
        return cls(request_number=c.request_number, registration_number=c.registration_number, subtype=c.subtype,
                   details=c.details, status=c.status, opened_at=c.opened_at, grounds=list(c.grounds),
                   paid_challans=[TreasuryChallan.from_message(p) for p in c.paid_challans],
                   consumer_number=c.consumer_number or None, ground=c.ground or None,
                   base=c.base_paisa if decided and c.consumer_number else None,
                   amount=c.amount_paisa if decided and c.consumer_number else None,
                   decided_by=c.decided_by, decided_at=c.decided_at or None, note=c.note)


class RefundCases(View):
    cases: list[RefundCase]
    rules: list[RefundRule]

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(cases=[RefundCase.from_message(c) for c in r.cases],
                   rules=[RefundRule(ground=x.ground, title=x.title, deduction_percent=x.deduction_percent,
                                     applies_from=x.applies_from) for x in r.rules])


class RefundCasesQuery(Body):
    status: Literal["open", "approved", "rejected"] | None = None


class DecideRefund(Body):
    approve: bool
    consumer_number: str | None = Field(None, pattern=CONSUMER_NUMBER_PATTERN, description=(
        "approve: the paid challan to refund, one of the case's `paid_challans`"))
    ground: str | None = Field(None, max_length=40, pattern=r"^[a-z_]+$", description=(
        "approve: one of the case's `grounds`: its rule sets the amount"))
    note: str | None = Field(None, max_length=500, pattern=TEXT, description="refuse: why (she reads it)")


class AidCase(View):
    """An "Apply for Financial Aid / Scholarship" request as student services or treasury decide it."""
    request_number: str
    registration_number: str
    subtype: str
    details: str
    status: Literal["open", "awarded", "rejected"]
    opened_at: str
    latest_semester_fee: TreasuryChallan | None = Field(description=(
        "open: her latest semester fee; paid, an award is refunded from it, else it waits for the next one"))
    award: int | None = Field(None, description="paisa")
    refunded: int | None = Field(None, description="paisa: refunded from her paid semester fee")
    remaining: int | None = Field(None, description="paisa: still waiting for her next semester fee")
    decided_by: str
    decided_at: str | None
    note: str

    @classmethod
    def from_message(cls, c) -> Self:
        awarded = c.status == "awarded"
        latest = TreasuryChallan.from_message(c.latest_semester_fee) if c.HasField("latest_semester_fee") else None
        return cls(request_number=c.request_number, registration_number=c.registration_number, subtype=c.subtype,
                   details=c.details, status=c.status, opened_at=c.opened_at, latest_semester_fee=latest,
                   award=c.award_paisa if awarded else None, refunded=c.refunded_paisa if awarded else None,
                   remaining=c.remaining_paisa if awarded else None, decided_by=c.decided_by,
                   decided_at=c.decided_at or None, note=c.note)


class AidCases(View):
    cases: list[AidCase]

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(cases=[AidCase.from_message(c) for c in r.cases])


class AidCasesQuery(Body):
    status: Literal["open", "awarded", "rejected"] | None = None


class DecideAid(Body):
    award: bool
    amount: int | None = Field(None, ge=100, le=100_000_000, description="award: paisa (Rs 1 to Rs 1,000,000)")
    note: str | None = Field(None, max_length=500, pattern=TEXT, description="refuse: why (she reads it)")


class FeeRow(View):
    fee_code: str
    level: str = Field(description='a program level, or "*" for every level')
    title: str
    amount: int = Field(description="paisa")
    late_fee: int = Field(description="paisa, added after the due date")
    double_after_days: int = Field(description="days after the due date from which the fee is doubled (0: never)")
    applies_from: str

    @classmethod
    def from_message(cls, f) -> Self:
        return cls(fee_code=f.fee_code, level=f.level, title=f.title, amount=f.amount_paisa, late_fee=f.late_fee_paisa,
                   double_after_days=f.double_after_days, applies_from=f.applies_from)


class FeeRows(View):
    fees: list[FeeRow]

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(fees=[FeeRow.from_message(f) for f in r.fees])


class SetFee(Body):
    fee_code: str = Field(pattern=r"^[a-z][a-z0-9_]{1,59}$", description="one the schedule has")
    level: str = Field(pattern=r"^(\*|[a-z][a-z0-9_]{1,19})$", description='a level the schedule has, or "*"')
    title: str = Field(min_length=1, max_length=120, pattern=TEXT)
    amount: int = Field(ge=0, le=10_000_000_000, description="paisa")
    late_fee: int = Field(0, ge=0, le=10_000_000_000, description="paisa")
    double_after_days: int = Field(0, ge=0, le=365)
    applies_from: str = Field(pattern=ISO_DATE, description="YYYY-MM-DD, today or later")


class Recovery(View):
    """A fee to recover: the bank reversed its payment after the request was decided."""
    request_number: str
    registration_number: str
    consumer_number: str
    request_status: str
    bank_mnemonic: str
    reversed_at: str
    recovered_at: str | None
    recovered_by: str
    note: str

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(request_number=r.request_number, registration_number=r.registration_number,
                   consumer_number=r.consumer_number, request_status=r.request_status, bank_mnemonic=r.bank_mnemonic,
                   reversed_at=r.reversed_at, recovered_at=r.recovered_at or None, recovered_by=r.recovered_by,
                   note=r.note)


class Recoveries(View):
    recoveries: list[Recovery]

    @classmethod
    def from_message(cls, r) -> Self:
        return cls(recoveries=[Recovery.from_message(x) for x in r.recoveries])


class RecoveriesQuery(Body):
    recovered: bool = False


class MarkRecovered(Body):
    note: str = Field(min_length=5, max_length=300, pattern=TEXT, description="how the fee was recovered")


# -- the help desk ---------------------------------------------------------------------------
ComplaintCategory = Literal["login_problem", "roll_number_slip", "result", "fee", "other"]
COMPLAINT_NUMBER = r"^[Hh][Dd]-[0-9]{4}-[0-9]{6,}$"


class Challenge(View):
    """The bot check: type the digits of the picture into `challenge_answer`."""
    challenge_id: str = Field(description="send it back as `challenge_id` with the complaint")
    image: str = Field(description="the picture of digits, a data: URL (PNG)")
    expires_in: int = Field(description="seconds it stays valid")


class ComplaintForm(BaseModel):
    """multipart/form-data: a complaint, the solved bot check, and an optional document."""
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=2, max_length=120, pattern=NAME)
    registration_number: str = Field("", max_length=12, pattern=r"^$|" + REGISTRATION_NUMBER[1:],
                                     description="if you know it")
    email: str = Field("", max_length=120, pattern=TEXT, description="an email address or a mobile number, at "
                                                                     "least one: the answer is sent there")
    mobile: str = Field("", max_length=20, pattern=r"^$|^\+?[0-9 -]{10,20}$")
    category: ComplaintCategory
    text: str = Field(min_length=1, max_length=4000, pattern=FILLED_TEXT)
    challenge_id: str = Field(min_length=20, max_length=400, pattern=r"^[A-Za-z0-9_=-]+$",
                              description="from GET /api/v1/public/complaints/challenge")
    challenge_answer: str = Field(min_length=1, max_length=10, pattern=TEXT, description="the picture's digits")
    website: str = Field("", max_length=0, description="leave empty (a field only robots fill in)")
    file: BaseFile | None = Field(None, description=(  # type: ignore[valid-type]
        "optional: a screenshot or a document, PDF, JPEG or PNG up to 5 MB"))


class ComplaintFiled(View):
    complaint_number: str


class ComplaintStatusQuery(BaseModel):
    contact: str = Field(min_length=3, max_length=254, pattern=FILLED_TEXT,
                         description="the email address or mobile number the complaint was filed with")


class ComplaintStatus(View):
    complaint_number: str
    category: ComplaintCategory
    status: Literal["open", "answered", "closed"]
    filed_at: str
    answer: str
    answered_at: str

    @classmethod
    def _fields(cls, c) -> dict:
        return {"complaint_number": c.complaint_number, "category": c.category, "status": c.status,
                "filed_at": c.filed_at, "answer": c.answer, "answered_at": c.answered_at}

    @classmethod
    def from_message(cls, c) -> Self:
        return cls(**cls._fields(c))


class ComplaintView(ComplaintStatus):
    """A complaint as student services see it."""
    name: str
    registration_number: str
    email: str
    mobile: str
    text: str
    answered_by: str
    document: str = Field(description="its document's file name; empty if none")

    @classmethod
    def from_message(cls, c) -> Self:
        return cls(**cls._fields(c), name=c.name, registration_number=c.registration_number, email=c.email,
                   mobile=c.mobile, text=c.text, answered_by=c.answered_by, document=c.filename)


class ComplaintList(View):
    complaints: list[ComplaintView]


class ComplaintsQuery(BaseModel):
    status: Literal["open", "answered", "closed"] | None = None
    limit: int = Field(50, ge=1, le=200)


class ComplaintAnswer(Body):
    answer: str = Field(min_length=1, max_length=4000, pattern=FILLED_TEXT, description="sent to her")
    close: bool = Field(False, description="close the complaint with this answer")


# -- the FAQ knowledge base ------------------------------------------------------------------
FaqCategory = Literal["portal", "login", "requests", "fees", "exams", "registration", "books", "degrees"]


class FaqQuery(BaseModel):
    q: str = Field("", max_length=200, pattern=TEXT, description="words; empty: the most read articles")
    lang: Literal["en", "ur"] = "en"
    category: FaqCategory | None = None
    limit: int = Field(10, ge=1, le=50)


class FaqHit(View):
    id: int
    title: str
    snippet: str = Field(description="the words around the match")
    category: FaqCategory


class FaqHits(View):
    articles: list[FaqHit]


class FaqArticleQuery(BaseModel):
    lang: Literal["en", "ur"] = "en"


class FaqArticleView(View):
    """An article in one language (Urdu falls back to English where it has none)."""
    id: int
    category: FaqCategory
    title: str
    answer: str = Field(description="the article's text")
    lang: Literal["en", "ur"]
    views: int
    helpful_yes: int
    helpful_no: int
    updated_at: str

    @classmethod
    def of(cls, a, lang: str) -> Self:
        urdu = lang == "ur" and bool(a.title_ur and a.body_ur)
        return cls(id=a.article_id, category=a.category, title=a.title_ur if urdu else a.title_en,
                   answer=a.body_ur if urdu else a.body_en, lang="ur" if urdu else "en", views=a.views,
                   helpful_yes=a.helpful_yes, helpful_no=a.helpful_no, updated_at=a.updated_at)


class FaqVote(Body):
    helpful: bool = Field(description="Was this answer helpful? yes (true) or no (false)")


class FaqArticleBody(Body):
    category: FaqCategory
    title_en: str = Field(min_length=1, max_length=200, pattern=FILLED_TEXT)
    body_en: str = Field(min_length=1, max_length=20000, pattern=FILLED_TEXT)
    title_ur: str = Field("", max_length=200, pattern=TEXT)
    body_ur: str = Field("", max_length=20000, pattern=TEXT)
    published: bool = True


class FaqArticleFull(View):
    id: int
    category: FaqCategory
    title_en: str
    body_en: str
    title_ur: str
    body_ur: str
    published: bool
    views: int
    helpful_yes: int
    helpful_no: int
    updated_at: str
    updated_by: str

    @classmethod
    def from_message(cls, a) -> Self:
        return cls(id=a.article_id, category=a.category, title_en=a.title_en, body_en=a.body_en,
                   title_ur=a.title_ur, body_ur=a.body_ur, published=a.published, views=a.views,
                   helpful_yes=a.helpful_yes, helpful_no=a.helpful_no, updated_at=a.updated_at,
                   updated_by=a.updated_by)


class FaqArticles(View):
    articles: list[FaqArticleFull]


# -- notifications ----------------------------------------------------------------------
NOTIFICATION_ID = r"^([na][1-9][0-9]{0,17}|all)$"
Language = Literal["en", "ur"]
Audience = Literal["all", "program", "region", "semester"]
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class InboxQuery(BaseModel):
    lang: Language = Field("en", description="the language of each title and body")
    unread_only: bool = False
    limit: int = Field(20, ge=1, le=100)


class NotificationItem(View):
    id: str = Field(description="n<number>: hers alone; a<number>: an announcement")
    # "body" in JSON; not its Python name, which would hide View.body().
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    kind: str
    title: str
    text: str = Field(alias="body")
    created_at: str
    read: bool
    deadline: str | None = Field(description="YYYY-MM-DD: an announcement's deadline")
    link: str | None = Field(description="the portal page it is about")

    @classmethod
    def from_message(cls, n, lang: str = "en") -> Self:
        return cls(id=n.id, kind=n.kind, title=n.title_ur if lang == "ur" else n.title_en,
                   text=n.body_ur if lang == "ur" else n.body_en, created_at=n.created_at, read=n.read,
                   deadline=n.deadline or None, link=n.link or None)


class Inbox(View):
    notifications: list[NotificationItem]
    unread: int

    @classmethod
    def from_message(cls, response, lang: str = "en") -> Self:
        return cls(notifications=[NotificationItem.from_message(n, lang) for n in response.notifications],
                   unread=response.unread)


class BilingualNotification(NotificationItem):
    """On the dashboard's tile: both languages, for the portal to show the one she reads."""
    title_ur: str
    body_ur: str

    @classmethod
    def from_message(cls, n, lang: str = "en") -> Self:
        return cls(**NotificationItem.from_message(n).model_dump(), title_ur=n.title_ur, body_ur=n.body_ur)


class InboxTileData(View):
    notifications: list[BilingualNotification]
    unread: int

    @classmethod
    def from_message(cls, response) -> Self:
        return cls(notifications=[BilingualNotification.from_message(n) for n in response.notifications],
                   unread=response.unread)


class NotificationsTile(_Tile):
    data: InboxTileData | None


class Unread(View):
    unread: int


class AnnouncementBody(Body):
    audience: Audience
    audience_value: str = Field("", max_length=40, pattern=r"^[A-Za-z0-9 ]*$",
                                description="the program's code (BED15), the centre's (ISB) or the semester "
                                            "(Spring 2027); empty for all")
    title_en: str = Field(min_length=1, max_length=150, pattern=FILLED_TEXT)
    body_en: str = Field(min_length=1, max_length=2000, pattern=FILLED_TEXT)
    title_ur: str = Field("", max_length=150, pattern=TEXT, description="empty: Urdu readers see the English")
    body_ur: str = Field("", max_length=2000, pattern=TEXT)
    deadline: str = Field("", pattern=rf"{DATE}|^$", description="YYYY-MM-DD, today or later; empty for none")


class AnnouncementView(View):
    id: int
    audience: Audience
    audience_value: str
    title_en: str
    body_en: str
    title_ur: str
    body_ur: str
    deadline: str | None
    published_by: str
    published_at: str
    withdrawn: bool
    audience_size: int = Field(description="the students it reaches today")

    @classmethod
    def from_message(cls, a) -> Self:
        return cls(id=a.announcement_id, audience=a.audience, audience_value=a.audience_value, title_en=a.title_en,
                   body_en=a.body_en, title_ur=a.title_ur, body_ur=a.body_ur, deadline=a.deadline or None,
                   published_by=a.published_by, published_at=a.published_at, withdrawn=a.withdrawn,
                   audience_size=a.audience_size)


class Announcements(View):
    announcements: list[AnnouncementView]


class AnnouncementHeaders(BaseModel):
    idempotency_key: str | None = Field(
        None, alias="Idempotency-Key", max_length=80, pattern=TEXT,
        description="Optional. The same key publishes one announcement, however often the call is retried.")


DeliveryStatus = Literal["pending", "sent", "dead", "no_address"]


class DeliveryQuery(BaseModel):
    status: DeliveryStatus | None = None
    limit: int = Field(50, ge=1, le=200)


DashboardTiles.model_rebuild()
Dashboard.model_rebuild()


class DeliveryView(View):
    id: int
    channel: Literal["email", "sms"]
    kind: str
    recipient: str = Field(description="a registration number, or a masked address")
    address: str = Field(description="masked")
    status: DeliveryStatus
    attempts: int
    last_error: str | None
    created_at: str
    sent_at: str | None
    reference: str

    @classmethod
    def from_message(cls, d) -> Self:
        return cls(id=d.delivery_id, channel=d.channel, kind=d.kind, recipient=d.recipient, address=d.address,
                   status=d.status, attempts=d.attempts, last_error=d.last_error or None, created_at=d.created_at,
                   sent_at=d.sent_at or None, reference=d.reference)


class Deliveries(View):
    deliveries: list[DeliveryView]
    counts: dict[str, int]


# -- webhooks for partner systems ------------------------------------------------------------
WEBHOOK_DELIVERY_ID = r"^whd_[0-9a-f]{32}$"
WebhookStatus = Literal["pending", "delivered", "dead"]


class PartnerBody(Body):
    name: str = Field(min_length=1, max_length=60, pattern=FILLED_TEXT)
    # No blank and no control character (the gateway refuses those in any field, before all else).
    url: str = Field(min_length=8, max_length=500, pattern=rf"^https?://[^\s{_CONTROL}]+$",
                     description="where events are POSTed; https:// in production")
    events: list[Literal[*WEBHOOK_EVENTS]] = Field(min_length=1, max_length=len(WEBHOOK_EVENTS))


class PartnerActive(Body):
    active: bool


class PartnerView(View):
    id: int
    name: str
    url: str
    events: list[str]
    active: bool
    created_by: str
    created_at: str
    deliveries: dict[str, int] = Field(description="counted by status")
    secret: str | None = Field(None, description="only when registered: the HMAC key to check signatures with")

    @classmethod
    def from_message(cls, p) -> Self:
        found = cls(id=p.partner_id, name=p.name, url=p.url, events=list(p.events), active=p.active,
                    created_by=p.created_by, created_at=p.created_at, deliveries=dict(p.deliveries))
        if p.secret:
            found.secret = p.secret
        return found


class Partners(View):
    partners: list[PartnerView]
    events: list[str] = Field(description="what a partner may subscribe to (docs/events.md)")


class WebhookDeliveryQuery(BaseModel):
    status: WebhookStatus | None = None
    limit: int = Field(50, ge=1, le=200)


class WebhookDeliveryView(View):
    id: str = Field(description="the X-CMS-Delivery header, the same on every retry")
    partner_id: int
    event_id: str
    event_type: str
    status: WebhookStatus
    attempts: int
    last_status_code: int | None
    last_error: str | None
    created_at: str
    delivered_at: str | None

    @classmethod
    def from_message(cls, d) -> Self:
        return cls(id=d.delivery_id, partner_id=d.partner_id, event_id=d.event_id, event_type=d.event_type,
                   status=d.status, attempts=d.attempts, last_status_code=d.last_status_code or None,
                   last_error=d.last_error or None, created_at=d.created_at, delivered_at=d.delivered_at or None)


class WebhookDeliveries(View):
    deliveries: list[WebhookDeliveryView]
