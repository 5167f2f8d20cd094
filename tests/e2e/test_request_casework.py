"""A request worked through over HTTP against the whole stack: her documents and messages,
the department's questions and decision, downloads that never run in a browser, hostile
files refused with problem details and nothing kept."""
import pytest

from campus.tests import hostile_files
from tests.stack import bearer, login

AYESHA, CLASSMATE = "22P-123456", "23L-204518"
SERVICES, EXAMS = "student.services", "exams.officer"
PROBLEM = "application/problem+json"


@pytest.fixture
def query(http):
    """A general query of Ayesha's, which student services handles."""
    student = bearer(login(http, AYESHA))
    filed = http.post("/api/v1/me/requests", headers=student, json={
        "category": "general_query", "subtype": "general_query", "details": "Casework e2e"})
    assert filed.status_code == 201, filed.text
    return filed.json()["request_number"], student


def test_documents_and_messages_on_her_request(http, query):
    number, student = query
    sent = http.post(f"/api/v1/me/requests/{number}/attachments", headers=student,
                     files={"file": ("receipt.pdf", hostile_files.good_pdf(), "application/pdf")})
    assert sent.status_code == 201, sent.text
    attachment = sent.json()
    assert set(attachment) == {"attachment_id", "filename", "content_type", "size"}
    assert (attachment["filename"], attachment["content_type"], attachment["size"]) == (
        "receipt.pdf", "application/pdf", len(hostile_files.good_pdf()))
    wrote = http.post(f"/api/v1/me/requests/{number}/comments", headers=student, json={"text": "Any news?"})
    assert wrote.status_code == 201, wrote.text

    mine = http.get(f"/api/v1/me/requests/{number}", headers=student).json()
    assert [c["text"] for c in mine["thread"]] == ["Any news?"]
    assert [a["attachment_id"] for a in mine["attachments"]] == [attachment["attachment_id"]]
    assert mine["history"][0]["status"] == "submitted"

    download = http.get(f"/api/v1/me/requests/{number}/attachments/{attachment['attachment_id']}", headers=student)
    assert download.status_code == 200 and download.content == hostile_files.good_pdf()
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download.headers["Content-Security-Policy"]
    classmate = bearer(login(http, CLASSMATE))
    assert http.get(f"/api/v1/me/requests/{number}/attachments/{attachment['attachment_id']}",
                    headers=classmate).status_code == 404
    assert http.post(f"/api/v1/me/requests/{number}/comments", headers=classmate,
                     json={"text": "Hello"}).status_code == 404


@pytest.mark.parametrize("case", ["script_renamed_pdf", "html_pdf_polyglot", "png_decompression_bomb",
                                  "path_traversal_name", "pdf_with_javascript"])
def test_hostile_files_get_problem_details_naming_the_file(http, query, case):
    number, student = query
    filename, content = hostile_files.HOSTILE[case]
    refused = http.post(f"/api/v1/me/requests/{number}/attachments", headers=student,
                        files={"file": (filename, content, "application/pdf")})
    assert refused.status_code == 400, refused.text
    assert refused.headers["Content-Type"].startswith(PROBLEM)
    assert refused.json()["errors"][0]["field"] == "file"
    assert http.get(f"/api/v1/me/requests/{number}", headers=student).json()["attachments"] == []


def test_an_oversized_upload_is_refused_before_it_reaches_the_service(http, query):
    number, student = query
    filename, content = hostile_files.oversized(9 * 1024 * 1024)  # past the gateway's upload limit
    refused = http.post(f"/api/v1/me/requests/{number}/attachments", headers=student,
                        files={"file": (filename, content, "application/pdf")})
    assert refused.status_code == 413 and refused.headers["Content-Type"].startswith(PROBLEM)
    filename, content = hostile_files.oversized(5 * 1024 * 1024)  # under it, over the attachment limit
    refused = http.post(f"/api/v1/me/requests/{number}/attachments", headers=student,
                        files={"file": (filename, content, "application/pdf")})
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "file"


def test_the_department_asks_she_answers_it_decides(http, query):
    number, student = query
    services = bearer(login(http, SERVICES))
    asked = http.post(f"/api/v1/staff/requests/{number}/decision", headers=services,
                      json={"decision": "request_information", "reason": "Which programme?"})
    assert asked.status_code == 200 and asked.json()["status"] == "awaiting_student"
    note = http.post(f"/api/v1/staff/requests/{number}/comments", headers=services,
                     json={"text": "She wrote before about this", "internal": True})
    assert note.status_code == 201
    assert [c["text"] for c in http.get(f"/api/v1/me/requests/{number}", headers=student).json()["thread"]] == []
    http.post(f"/api/v1/me/requests/{number}/comments", headers=student, json={"text": "B.Ed."})
    assert http.get(f"/api/v1/staff/requests/{number}", headers=services).json()["status"] == "in_process"

    exams = bearer(login(http, EXAMS))
    elsewhere = http.post(f"/api/v1/staff/requests/{number}/decision", headers=exams,
                          json={"decision": "approve", "reason": ""})
    assert elsewhere.status_code == 404 and elsewhere.headers["Content-Type"].startswith(PROBLEM)
    unexplained = http.post(f"/api/v1/staff/requests/{number}/decision", headers=services,
                            json={"decision": "reject", "reason": ""})
    assert unexplained.status_code == 400 and unexplained.json()["errors"][0]["field"] == "reason"
    mine = http.put(f"/api/v1/staff/requests/{number}/assignment", headers=services, json={"officer": SERVICES})
    assert mine.status_code == 200 and mine.json()["assigned_to"] == SERVICES
    queue = http.get("/api/v1/staff/requests", headers=services, params={"assigned_to": SERVICES}).json()
    assert number in [r["request_number"] for r in queue["requests"]]
    approved = http.post(f"/api/v1/staff/requests/{number}/decision", headers=services,
                         json={"decision": "approve", "reason": "Exams start on 10 January."})
    assert approved.status_code == 200 and approved.json()["status"] == "resolved"
    history = http.get(f"/api/v1/me/requests/{number}", headers=student).json()["history"]
    assert [h["status"] for h in history] == ["submitted", "awaiting_student", "in_process", "resolved"]
    assert history[-1]["actor"] == "staff"  # she reads that staff acted, not which officer
    staff_view = http.get(f"/api/v1/staff/requests/{number}", headers=services).json()["history"]
    assert staff_view[-1]["actor"].startswith(f"staff:{SERVICES}@student_services")
    assert "assigned to student.services" in [h["note"] for h in staff_view]
