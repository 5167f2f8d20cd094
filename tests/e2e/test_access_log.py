"""Who looked at my record, against the whole stack: an officer's read of her profile and an
examinations officer's change of her application each reach her list, with who, the
department, when and what; her own reads do not; another student's list is not hers; the
chains behind it verify with the command the university runs; the page, in English and in
Urdu on a phone."""
import subprocess
import sys

from playwright.sync_api import expect

from services import demo
from tests import browser
from tests.e2e.test_portal_finance import no_serious_violations, overflow
from tests.e2e.test_tracking import paid_degree_application, stage
from tests.stack import bearer, login

AYESHA = demo.STUDENT


def access_log(http, who) -> dict:
    found = http.get("/api/v1/me/access-log", headers=who)
    assert found.status_code == 200, found.text
    assert found.headers["cache-control"] == "no-store"
    return found.json()


def test_she_sees_each_officer_who_read_or_changed_her_records(page, base_url, http, stack):
    ayesha = bearer(login(http, AYESHA["registration_number"]))
    before = access_log(http, ayesha)
    assert before["incomplete"] is False
    http.get("/api/v1/me/profile", headers=ayesha)                      # her own read: not listed
    assert len(access_log(http, ayesha)["entries"]) == len(before["entries"])

    admissions = bearer(login(http, "admissions.officer"))
    record = http.get(f"/api/v1/staff/students/{AYESHA['registration_number']}/record", headers=admissions)
    assert record.status_code == 200, record.text
    _number, tracking_id = paid_degree_application(http, base_url, ayesha)
    assert stage(http, bearer(login(http, "exams.officer")), tracking_id, stage="verification").status_code == 200

    entries = access_log(http, ayesha)["entries"]
    assert set(entries[0]) == {"at", "who", "department", "role", "action", "record", "method"}
    assert entries == sorted(entries, key=lambda e: e["at"], reverse=True)
    read = next(e for e in entries if e["who"] == "admissions.officer" and e["record"] == "profile")
    assert (read["department"], read["action"], read["role"]) == ("admissions", "read", "officer")
    moved = next(e for e in entries if e["who"] == "exams.officer" and e["record"] == "applications")
    assert (moved["department"], moved["action"], moved["method"]) == ("examinations", "change", "MoveStage")

    bilal = bearer(login(http, demo.CLASSMATE["registration_number"]))   # hers are not his
    assert not [e for e in access_log(http, bilal)["entries"] if e["method"] == "MoveStage"]
    assert http.get("/api/v1/me/access-log", headers=admissions).status_code == 403

    for service in ("enrollment", "tracking"):   # the university's verifier: every link holds
        verified = subprocess.run([sys.executable, "-m", "campus.audit", "verify", service], env=stack.env,
                                  capture_output=True, text=True, timeout=60)
        assert verified.returncode == 0 and "intact" in verified.stdout, verified.stdout + verified.stderr

    browser.sign_in(page, base_url, AYESHA["registration_number"])
    page.click("[data-access-log-link]")
    expect(page.locator("h1")).to_have_text("Who looked at my record")
    row = page.locator('[data-access-log] tr[data-record="applications"][data-action="change"]').first
    expect(row).to_contain_text("exams.officer")
    expect(row).to_contain_text("Examinations")
    expect(row).to_contain_text("Changed your degree and transcript applications")
    no_serious_violations(page, "who looked at her record")
    page.set_viewport_size(browser.PHONE)
    page.goto(f"{base_url}/student/access-log?lang=ur")
    expect(page.locator("h1")).to_have_text("میرا ریکارڈ کس نے دیکھا")
    expect(page.locator("[data-access-log]")).to_contain_text("admissions.officer")
    assert overflow(page) <= 0, f"the list is {overflow(page)}px wider than a 360px phone"
    no_serious_violations(page, "who looked at her record, in Urdu on a phone")
    page.goto(f"{base_url}/student/access-log?lang=en")
