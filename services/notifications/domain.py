"""What notifications say, in English and Urdu, and the rules of who gets what.

Each kind of notification is a template pair filled in from the event's own fields (its
params). The inbox keeps the params, not the text, so a student reads every notification
in the language she reads the portal in; an email carries both languages; a text message
is the short English line (most phones read it; Urdu SMS costs three messages).
Every acknowledgement about a request names its number.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from campus import identifiers, loops, money

EMAIL, SMS = "email", "sms"
CHANNELS = (EMAIL, SMS)
PENDING, SENT, DEAD, NO_ADDRESS = "pending", "sent", "dead", "no_address"
DELIVERY_STATUSES = (PENDING, SENT, DEAD, NO_ADDRESS)
AUDIENCES = ("all", "program", "region", "semester")
ANNOUNCEMENT = "announcement"
INBOX_LIMIT, INBOX_MAX = 20, 100
TITLE_MAX, BODY_MAX = 150, 2000
SMS_MAX = 320  # two concatenated messages at most
#: What partner systems may subscribe to (webhooks): what happens to a student's studies.
#: Not complaints (the contact details of people who are not students) nor escalations (internal).
WEBHOOK_EVENTS = ("student_admitted", "personal_info_changed", "registration_confirmed", "tutor_allocated",
                  "slip_issued", "result_published", "challan_issued", "challan_paid", "request_submitted",
                  "request_status_changed", "degree_status_changed", "parcel_status_changed")

#: The request statuses as a student reads them (requests' own codes).
REQUEST_STATUSES = {
    "awaiting_payment": ("awaiting payment of its challan", "چالان کی ادائیگی کا منتظر"),
    "submitted": ("submitted to its department", "متعلقہ شعبے کو جمع"),
    "in_process": ("in process", "زیرِ کارروائی"),
    "awaiting_student": ("waiting for your answer", "آپ کے جواب کا منتظر"),
    "resolved": ("approved / resolved", "منظور / حل"),
    "rejected": ("rejected", "مسترد"),
    "closed": ("closed", "بند"),
}
#: Degree and transcript stages (tracking's codes).
STAGES = {
    "received": ("received", "موصول"), "verification": ("under verification", "تصدیق کے مرحلے میں"),
    "objection": ("returned with an objection: see its reason and its last day, and answer it on the portal",
                  "اعتراض کے ساتھ واپس: وجہ اور آخری تاریخ دیکھیں اور پورٹل پر جواب دیں"),
    "printing": ("being printed", "طباعت کے مرحلے میں"),
    "ready": ("printed and ready for dispatch", "طبع شدہ اور روانگی کے لیے تیار"),
    "dispatched": ("dispatched by courier", "کوریئر سے روانہ"), "delivered": ("delivered", "موصول ہو گئی"),
    "rejected": ("rejected: its objection was not answered in time; please file a new request",
                 "مسترد: اعتراض کا جواب وقت پر نہیں دیا گیا؛ براہ کرم نئی درخواست دیں"),
}


@dataclass(frozen=True)
class Template:
    title_en: str
    body_en: str
    title_ur: str
    body_ur: str
    link: str = ""


TEMPLATES: dict[str, Template] = {
    "request_submitted": Template(
        "Request {request_number} received",
        "Your request {request_number} ({subtype}) has been received and is {status_en}. "
        "Follow it and write to the officials in its thread on the portal.",
        "درخواست {request_number} موصول",
        "آپ کی درخواست {request_number} ({subtype}) موصول ہو گئی ہے اور {status_ur} ہے۔ "
        "پورٹل پر اسی درخواست میں اس کی پیش رفت دیکھیں اور متعلقہ افسران کو لکھیں۔",
        "/student/requests/{request_number}"),
    "request_status_changed": Template(
        "Request {request_number}: {status_en}",
        "Your request {request_number} is now {status_en}.{note_en}",
        "درخواست {request_number}: {status_ur}",
        "آپ کی درخواست {request_number} اب {status_ur} ہے۔{note_ur}",
        "/student/requests/{request_number}"),
    "challan_issued": Template(
        "Challan {consumer_number} issued",
        "Your challan {consumer_number} for {amount} is issued. Pay it at any collecting bank by {due_date}.",
        "چالان {consumer_number} جاری",
        "آپ کا چالان {consumer_number} ({amount}) جاری ہو گیا ہے۔ {due_date} تک کسی بھی مجاز بینک میں جمع کرائیں۔",
        "/student/challans/{consumer_number}"),
    "challan_paid": Template(
        "Payment received: challan {consumer_number}",
        "We have received {amount} for challan {consumer_number} (bank {bank}). Thank you.",
        "ادائیگی موصول: چالان {consumer_number}",
        "چالان {consumer_number} کی رقم {amount} موصول ہو گئی ہے (بینک {bank})۔ شکریہ۔",
        "/student/finance"),
    "registration_confirmed": Template(
        "Registration confirmed: {semester}",
        "Your registration for {semester} is confirmed: {courses}. Your roll number slip follows before the exams.",
        "رجسٹریشن کی تصدیق: {semester}",
        "{semester} کے لیے آپ کی رجسٹریشن کی تصدیق ہو گئی ہے: {courses}۔ امتحان سے پہلے رول نمبر سلپ جاری ہو گی۔",
        "/student/courses"),
    "slip_issued": Template(
        "Roll number slip: {semester}",
        "Your roll number slip for {semester} is issued: roll number {roll_number}. Print it from the portal "
        "and bring it to the examination centre.",
        "رول نمبر سلپ: {semester}",
        "{semester} کے لیے آپ کی رول نمبر سلپ جاری ہو گئی ہے: رول نمبر {roll_number}۔ پورٹل سے پرنٹ کر کے "
        "امتحانی مرکز لے کر آئیں۔",
        "/student/results"),
    "tutor_allocated": Template(
        "Tutor allocated: course {course_code}",
        "{tutor_name} is your tutor for course {course_code} in {semester}.",
        "ٹیوٹر مقرر: کورس {course_code}",
        "{semester} میں کورس {course_code} کے لیے آپ کے ٹیوٹر {tutor_name} ہیں۔",
        "/student/courses"),
    "result_published": Template(
        "Result published: {semester}",
        "Your result for {semester} is published. See it on the portal.",
        "نتیجہ جاری: {semester}",
        "{semester} کا آپ کا نتیجہ جاری ہو گیا ہے۔ پورٹل پر دیکھیں۔",
        "/student/results"),
    "degree_status_changed": Template(
        "Application {tracking_id}: {stage_en}",
        "Your {kind} application {tracking_id} is {stage_en}.",
        "درخواست {tracking_id}: {stage_ur}",
        "آپ کی {kind} کی درخواست {tracking_id} {stage_ur} ہے۔",
        "/track?tracking_id={tracking_id}"),
    "parcel_status_changed": Template(
        "Books for {semester}: {status_en}",
        "Your books for {semester} (registry number {registry_number}) are {status_en}.",
        "{semester} کی کتب: {status_ur}",
        "{semester} کی آپ کی کتب (رجسٹری نمبر {registry_number}) {status_ur}۔",
        "/student/tracking"),
    "complaint_filed": Template(
        "Complaint {complaint_number} received",
        "Dear {name}, your complaint {complaint_number} has been received by Student Services. "
        "Look up its answer with this number and your email or mobile at /help/status.",
        "شکایت {complaint_number} موصول",
        "محترم {name}، آپ کی شکایت {complaint_number} شعبہ طلبہ امور کو موصول ہو گئی ہے۔ "
        "اس نمبر اور اپنی ای میل یا موبائل سے /help/status پر جواب دیکھیں۔"),
    "complaint_answered": Template(
        "Complaint {complaint_number} answered",
        "Dear {name}, Student Services answered your complaint {complaint_number}: {answer}",
        "شکایت {complaint_number} کا جواب",
        "محترم {name}، شعبہ طلبہ امور نے آپ کی شکایت {complaint_number} کا جواب دیا ہے: {answer}"),
    "escalation_digest": Template(
        "{count} overdue requests in {department}",
        "These requests are past their service level and still with {department}:\n{lines}",
        "{department} میں {count} تاخیر شدہ درخواستیں",
        "یہ درخواستیں مقررہ مدت سے تجاوز کر چکی ہیں اور ابھی {department} کے پاس ہیں:\n{lines}"),
}
#: Kinds written to the student's inbox as well as sent (the others go to an address only).
TO_STUDENT = frozenset(TEMPLATES) - {"complaint_filed", "complaint_answered", "escalation_digest"}


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""  # a field an older event lacks reads as nothing, never as an error


def render(kind: str, params: dict) -> dict[str, str]:
    """title_en, body_en, title_ur, body_ur and link of a notification."""
    template = TEMPLATES[kind]
    values = _Blank(params)
    return {name: getattr(template, name).format_map(values)
            for name in ("title_en", "body_en", "title_ur", "body_ur", "link")}


def email_text(kind: str, params: dict) -> tuple[str, str]:
    """Subject and body of the email: English, then Urdu."""
    text = render(kind, params)
    return text["title_en"], f"{text['body_en']}\n\n{text['body_ur']}\n\n-- Allama Iqbal Open University\n"


def sms_text(kind: str, params: dict, sender: str) -> str:
    text = render(kind, params)
    return f"{sender}: {text['body_en']}"[:SMS_MAX]


# -- what an event says, as template params -------------------------------------------
def request_status(status: str) -> dict[str, str]:
    en, ur = REQUEST_STATUSES.get(status, (status.replace("_", " "), status.replace("_", " ")))
    return {"status": status, "status_en": en, "status_ur": ur}


def status_note(to_status: str, note: str) -> dict[str, str]:
    """A rejection's reason or the department's question is hers to read; other notes
    (a challan's consumer number, a system's remark) say nothing new."""
    if to_status in ("rejected", "awaiting_student") and note:
        return {"note_en": f" Reason: {note[:300]}", "note_ur": f" وجہ: {note[:300]}"}
    return {}


#: A parcel's statuses as a student reads them (tracking's books codes).
PARCEL_STATUSES = {
    "prepared": ("ready to be sent again", "دوبارہ بھیجنے کے لیے تیار ہیں"),
    "dispatched": ("dispatched by post", "ڈاک سے روانہ کر دی گئی ہیں"),
    "delivered": ("delivered", "موصول ہو گئی ہیں"),
    "returned": ("returned by the post: confirm or correct your postal address on the portal",
                 "ڈاک نے واپس کر دی ہیں: پورٹل پر اپنا ڈاک کا پتہ تصدیق کریں یا درست کریں"),
}


def parcel_status(code: str) -> dict[str, str]:
    en, ur = PARCEL_STATUSES.get(code, (code, code))
    return {"status": code, "status_en": en, "status_ur": ur}


def stage(stage_code: str) -> dict[str, str]:
    en, ur = STAGES.get(stage_code, (stage_code, stage_code))
    return {"stage": stage_code, "stage_en": en, "stage_ur": ur}


def amount(paisa: int) -> str:
    return money.rupees(paisa)


def subtype_title(code: str) -> str:
    return code.replace("_", " ")


# -- addresses and audiences -----------------------------------------------------------
def mask(channel: str, address: str) -> str:
    """What staff see of an address: enough to recognise it, not to copy it."""
    if not address:
        return ""
    if channel == EMAIL and "@" in address:
        name, _, host = address.partition("@")
        return f"{name[:1]}***@{host}"
    return f"{address[:4]}{'*' * max(0, len(address) - 6)}{address[-2:]}"


def usable(channel: str, address: str) -> bool:
    if channel == EMAIL:
        return "@" in address and len(address) <= 254
    return bool(identifiers.MOBILE.match(address))


def retry_delay(attempts: int) -> dt.timedelta:
    """30 s, 1 min, 2 min ... capped at 1 hour: a provider that is down for a while is
    not hammered, and one back in minutes loses minutes."""
    return loops.retry_delay(attempts, first=30)

