"""Admissions, records, holds and tutors over HTTP against the whole stack: a student
admitted at the desk gets her record, her number and (by identity's real mail) her
activation code, signs in and sees her programme; a file of students is applied whole in
the background with its progress and report; a record is corrected with its history; a
missing-documents hold blocks her registration until lifted; a regional office keeps its
own centre's tutors."""
import csv
import io

from campus import testing
from services.enrollment.domain import ADMISSION_FIELDS
from tests.stack import activation_code, bearer, login

RECORD = {"full_name": "Kiran Shahzadi", "father_name": "Shahzad Ahmed", "cnic": "37405-5555555-2",
          "date_of_birth": "2001-07-14", "gender": "female", "postal_address": "House 5, Street 8, G-11/1, Islamabad",
          "mobile": "0301-5555555", "email": "kiran.shahzadi@example.pk", "program_code": "BED15",
          "centre_code": "ISB", "admission_semester": "Spring 2027"}


def test_a_student_admitted_at_the_desk_activates_her_account_and_sees_her_programme(http, stack):
    admissions = bearer(login(http, "admissions.officer"))
    admitted = http.post("/api/v1/staff/admissions", headers={**admissions, "Idempotency-Key": "desk-e2e-1"},
                         json=RECORD)
    assert admitted.status_code == 201, admitted.text
    student = admitted.json()["student"]
    regno = student["registration_number"]
    assert regno.startswith("27S-") and admitted.json()["account_status"] == "opened"
    assert (student["program"]["code"], student["regional_centre"]["code"]) == ("BED15", "ISB")
    again = http.post("/api/v1/staff/admissions", headers={**admissions, "Idempotency-Key": "desk-e2e-1"},
                      json=RECORD)
    assert again.json()["student"]["registration_number"] == regno
    twice = http.post("/api/v1/staff/admissions", headers=admissions, json=RECORD)
    assert (twice.status_code, twice.json()["code"]) == (409, "ALREADY_ADMITTED")

    code = activation_code(stack, RECORD["email"])
    activated = http.post("/api/v1/auth/activate", json={"username": regno, "code": code,
                                                         "new_password": "Blue-Lantern-2027"})
    assert activated.status_code == 200, activated.text
    mine = bearer(login(http, regno, "Blue-Lantern-2027"))
    profile = http.get("/api/v1/me/profile", headers=mine).json()
    assert profile["data"]["full_name"] == "Kiran Shahzadi"
    registration = http.get("/api/v1/me/registration", headers=mine).json()
    assert registration["eligible"] is True
    assert [c["code"] for c in registration["courses"]] == ["8601", "8602", "8603"]  # her first semester

    placed = http.post(f"/api/v1/staff/students/{regno}/holds", headers=admissions, json={
        "code": "missing_documents", "reference": "Attested B.A. transcript", "note": "Bring it to the centre"})
    assert placed.status_code == 201, placed.text
    held = http.get("/api/v1/me/registration", headers=mine).json()
    assert held["eligible"] is False and [r["code"] for r in held["reasons"]] == ["hold"]
    assert http.get("/api/v1/me/holds", headers=mine).json()["holds"][0]["code"] == "missing_documents"
    lifted = http.post(f"/api/v1/staff/students/{regno}/holds/lift", headers=admissions,
                       json={"code": "missing_documents", "reference": "Attested B.A. transcript"})
    assert lifted.status_code == 200 and lifted.json() == {"holds": []}

    corrected = http.patch(f"/api/v1/staff/students/{regno}/record", headers=admissions, json={
        "changes": {"father_name": "Shahzad Ahmed Khan"}, "reason": "CR form 77"})
    assert corrected.status_code == 200, corrected.text
    history = corrected.json()["history"]
    assert (history[0]["field"], history[0]["old_value"], history[0]["changed_by"]) == (
        "father_name", "Shahzad Ahmed", "admissions.officer")
    assert http.get(f"/api/v1/staff/students/{regno}/record", headers=bearer(login(http, "dispatch.officer"))
                    ).status_code == 403


def admission_file(count: int, start: int) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ADMISSION_FIELDS)
    writer.writeheader()
    writer.writerows({**RECORD, "full_name": f"Student {i}", "cnic": f"35202-{i:07d}-3",
                      "email": f"student{i}@example.pk"} for i in range(start, start + count))
    return out.getvalue()


def test_a_file_of_students_is_applied_whole_with_progress_and_a_report(http):
    admissions = bearer(login(http, "admissions.officer"))
    text = admission_file(50, start=1000)
    submitted = http.post("/api/v1/staff/admissions/files", headers=admissions,
                          json={"file_name": "spring-2027.csv", "csv": text})
    assert submitted.status_code == 201, submitted.text
    batch = submitted.json()
    assert (batch["status"], batch["total"]) == ("queued", 50)
    url = submitted.headers["Location"]
    done = testing.wait_until(lambda: http.get(url, headers=admissions).json()["status"] == "applied" and
                              http.get(url, headers=admissions).json(), timeout=60, what="the file to be applied")
    assert done["processed"] == 50
    report = http.get(f"{url}/report", headers=admissions)
    assert report.headers["Content-Type"].startswith("text/csv")
    assert "spring-2027-applied-report.csv" in report.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(report.text)))
    assert len(rows) == 50 and all(r["registration_number"].startswith("27S-") for r in rows)

    listed = http.get("/api/v1/staff/admissions/files", headers=admissions).json()["batches"]
    assert listed[0]["batch_id"] == batch["batch_id"] and listed[0]["status"] == "applied"
    bad = text.replace("35202-0001001-3", "35202-0001000-3")  # two lines, one person
    refused = http.post("/api/v1/staff/admissions/files", headers=admissions, json={"csv": bad}).json()
    assert refused["status"] == "refused"
    assert {(r["line"], r["field"]) for r in refused["refused"]} >= {(3, "cnic")}


def test_a_regional_office_keeps_its_own_tutors(http):
    islamabad = bearer(login(http, "regional.islamabad"))
    added = http.post("/api/v1/staff/tutors", headers=islamabad, json={
        "name": "Ms. Saima Akram", "postal_address": "Govt. Girls High School, I-10/1, Islamabad",
        "phone": "0333-5550202", "email": "saima.akram@example.pk"})
    assert added.status_code == 201, added.text
    tutor_id = added.json()["tutor_id"]
    offered = http.put("/api/v1/staff/tutors/offerings", headers=islamabad, json={
        "tutor_id": tutor_id, "semester": "Spring 2026", "course_code": "8601", "capacity": 30})
    assert offered.status_code == 200 and offered.json()["offerings"][0]["capacity"] == 30
    allocated = http.post("/api/v1/staff/tutors/allocations", headers=islamabad,
                          json={"semester": "Spring 2026", "course_code": "8601"})
    assert allocated.status_code == 200 and set(allocated.json()) == {"allocated", "waiting"}
    listed = http.get("/api/v1/staff/tutors", headers=islamabad, params={"semester": "Spring 2026"}).json()
    assert listed["centre"] == "ISB" and "Ms. Saima Akram" in {t["name"] for t in listed["tutors"]}

    lahore = bearer(login(http, "regional.lahore"))
    assert "Ms. Saima Akram" not in {t["name"] for t in http.get(
        "/api/v1/staff/tutors", headers=lahore, params={"semester": "Spring 2026"}).json()["tutors"]}
    other = http.put("/api/v1/staff/tutors/offerings", headers=lahore, json={
        "tutor_id": tutor_id, "semester": "Spring 2026", "course_code": "8601", "capacity": 5})
    assert other.status_code == 404
    assert http.get("/api/v1/staff/tutors", headers=bearer(login(http, "admissions.officer")),
                    params={"semester": "Spring 2026"}).status_code == 403


def test_the_prospectus_is_public_and_admissions_keep_it(http):
    programs = {p["code"]: p for p in http.get("/api/v1/public/programs").json()["programs"]}
    assert {"ISB", "LHR", "FSD"} <= {c["code"] for c in http.get("/api/v1/public/centres").json()["centres"]}
    assert programs["BED15"]["credit_hours_total"] == 54 and programs["BED15"]["scheme"][0]["code"] == "8601"
    admissions = bearer(login(http, "admissions.officer"))
    added = http.post("/api/v1/staff/courses", headers=admissions, json={
        "code": "8610", "title": "Educational Psychology", "credit_hours": 3})
    assert added.status_code == 201, added.text
    scheme = http.put("/api/v1/staff/programs/scheme", headers=admissions, json={
        "program_code": "BED15", "course_code": "8610", "semester_number": 3})
    assert [c["code"] for c in scheme.json()["scheme"] if c["semester_number"] == 3] == ["8610"]
    offered = http.put("/api/v1/staff/semesters/offerings", headers=admissions, json={
        "semester": "Autumn 2027", "course_code": "8610", "offered": True})
    assert "8610" in {c["code"] for c in offered.json()["courses"]}
    public = http.get("/api/v1/public/offerings", params={"semester": "Autumn 2027"}).json()
    assert "8610" in {c["code"] for c in public["courses"]}
    assert http.post("/api/v1/staff/courses", headers=bearer(login(http, "regional.islamabad")), json={
        "code": "8611", "title": "X", "credit_hours": 3}).status_code == 403
