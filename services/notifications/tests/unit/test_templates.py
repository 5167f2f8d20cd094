"""Unit tests: what notifications say (both languages, the request number in every
acknowledgement), masked addresses, retry delays and audiences, with no I/O."""
import datetime as dt
import re
import string

import pytest

from services.notifications import domain

PARAMS = {"request_number": "SR-2026-000123", "subtype": "degree urgent", "consumer_number": "1234567890123",
          "amount": "Rs 2,400", "due_date": "2026-12-20", "bank": "ABL", "semester": "Spring 2027",
          "courses": "8604, 8605", "course_code": "8604", "tutor_name": "Dr. Tahira Bibi", "roll_number": "BO680724",
          "registry_number": "BO680724",
          "tracking_id": "EBN-AGZ-2G33", "kind": "degree", "complaint_number": "HD-2026-000001", "name": "Ayesha",
          "answer": "Your password is reset.", "department": "Admissions", "count": 2, "lines": "- SR-2026-000123",
          "note_en": "", "note_ur": "",
          **domain.request_status("in_process"), **domain.stage("printing")}


@pytest.mark.parametrize("kind", sorted(domain.TEMPLATES))
def test_every_template_fills_in_every_field_in_both_languages(kind):
    text = domain.render(kind, PARAMS)
    for name in ("title_en", "body_en", "title_ur", "body_ur"):
        assert text[name] and "{" not in text[name], (kind, name)
    assert re.search("[\u0600-\u06ff]", text["body_ur"]), "the Urdu body is in Urdu"
    fields = {f for _, f, _, _ in string.Formatter().parse(domain.TEMPLATES[kind].body_en) if f}
    assert fields <= set(PARAMS), f"{kind} names a field no event gives: {fields - set(PARAMS)}"


@pytest.mark.parametrize("kind", ["request_submitted", "request_status_changed"])
def test_each_acknowledgement_of_a_request_names_its_number_everywhere(kind):
    text = domain.render(kind, PARAMS)
    subject, body = domain.email_text(kind, PARAMS)
    sms = domain.sms_text(kind, PARAMS, "AIOU")
    for where in (text["title_en"], text["title_ur"], text["body_en"], text["body_ur"], subject, body, sms):
        assert "SR-2026-000123" in where
    assert text["link"] == "/student/requests/SR-2026-000123"


def test_a_field_an_older_event_lacks_reads_as_nothing():
    assert domain.render("challan_paid", {"consumer_number": "1"})["body_en"].startswith("We have received  for")


def test_a_rejection_says_why_and_other_notes_stay_out():
    assert "Reason: no document" in domain.render("request_status_changed", {
        **domain.request_status("rejected"), **domain.status_note("rejected", "no document")})["body_en"]
    assert domain.status_note("in_process", "challan 123 paid") == {}


def test_an_sms_is_one_short_english_line():
    text = domain.sms_text("complaint_answered", {**PARAMS, "answer": "x" * 2000}, "AIOU")
    assert text.startswith("AIOU: ") and len(text) == domain.SMS_MAX


def test_addresses_are_masked_for_staff():
    assert domain.mask("email", "ayesha.siddiqui@example.pk") == "a***@example.pk"
    assert domain.mask("sms", "03001234567") == "0300*****67"
    assert domain.mask("sms", "") == ""


def test_only_usable_addresses_are_written_to():
    assert domain.usable("email", "a@example.pk") and not domain.usable("email", "")
    assert domain.usable("sms", "03001234567") and domain.usable("sms", "+923001234567")
    assert not domain.usable("sms", "0300-CALL-ME")


def test_retries_back_off_to_an_hour():
    delays = [domain.retry_delay(n) for n in range(1, 12)]
    assert delays[0] == dt.timedelta(seconds=30) and delays == sorted(delays)
    assert delays[-1] == dt.timedelta(hours=1)

