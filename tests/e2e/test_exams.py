"""Examinations over HTTP against the whole stack (issue 9's pinned contract): the demo
student's exam schedule, her roll number slip as a PDF read back, the public copy by
program, semester and registration number, and the slip's QR code verified (genuine,
then revoked by examinations; forged: 404). Bad input is a problem naming the field."""
import datetime as dt
import io

import pypdf

from campus import money, testing
from services import demo
from tests.stack import bearer, login

AYESHA = demo.STUDENT["registration_number"]


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def test_her_exam_schedule_has_the_pinned_shape(http):
    student = bearer(login(http, AYESHA))
    answer = http.get("/api/v1/me/exam-schedule", headers=student)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["semester"], body["roll_number"]) == ("Spring 2026", "BO680724")
    assert {"name", "address"} <= set(body["centre"]) and body["centre"]["name"]
    assert [p["course_code"] for p in body["papers"]] == ["8604", "8605", "8606"]
    assert set(body["papers"][0]) >= {"course_code", "title", "date", "start", "end"}
    assert body["papers"][0]["date"] == "2026-12-09" and body["papers"][0]["start"] == "09:00"
    assert answer.headers["Cache-Control"] == "no-store"
    assert http.get("/api/v1/me/exam-schedule").status_code == 401


def test_a_student_without_a_roll_number_is_told_why(http):
    classmate = bearer(login(http, demo.CLASSMATE["registration_number"]))
    answer = http.get("/api/v1/me/exam-schedule", headers=classmate)
    assert answer.status_code == 404 and "confirmed" in answer.json()["detail"]


def test_her_slip_is_a_pdf_whose_qr_code_verifies_until_examinations_revoke_it(http):
    student = bearer(login(http, AYESHA))
    slip = http.get("/api/v1/me/roll-number-slip.pdf", headers=student)
    assert slip.status_code == 200 and slip.headers["Content-Type"] == "application/pdf"
    text = pdf_text(slip.content)
    for printed in ("Roll Number Slip", "Ayesha Siddiqui", "BO680724", "Research Methods in Education", "/verify/"):
        assert printed in text
    document_id = slip.headers["X-Document-Id"]
    checked = http.get(f"/api/v1/public/verify/{document_id}")
    assert checked.status_code == 200, checked.text
    body = checked.json()
    assert (body["status"], body["document_type"]) == ("genuine", "roll_number_slip") and body["issued_at"]
    facts = {f["name"]: f["value"] for f in body["facts"]}
    assert facts["name"] == "Ay**** Si******" and facts["roll_number"] == "BO680724"

    keys = http.get("/api/v1/public/documents/keys").json()["keys"]
    assert {k["iss"] for k in keys} == {"exams", "finance"} and all("d" not in k for k in keys)  # the issuers

    officer = bearer(login(http, "exams.officer"))
    listed = http.get(f"/api/v1/staff/students/{AYESHA}/documents", headers=officer).json()["documents"]
    assert body["serial"] in [d["serial"] for d in listed]
    refused = http.post(f"/api/v1/staff/documents/{body['serial']}/revoke", headers=student, json={"reason": "x"})
    assert refused.status_code == 403
    blank = http.post(f"/api/v1/staff/documents/{body['serial']}/revoke", headers=officer, json={"reason": ""})
    assert blank.status_code == 400 and blank.json()["errors"][0]["field"] == "reason"
    revoked = http.post(f"/api/v1/staff/documents/{body['serial']}/revoke", headers=officer,
                        json={"reason": "issued in error"})
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"
    assert http.get(f"/api/v1/public/verify/{document_id}").json()["status"] == "revoked"


def test_a_forged_code_is_not_found(http):
    student = bearer(login(http, AYESHA))
    document_id = http.get("/api/v1/me/roll-number-slip.pdf", headers=student).headers["X-Document-Id"]
    header, payload, signature = document_id.split(".")
    for forged in (f"{header}.{payload}.{signature[:-6]}AAAAAA", f"{header}.{payload[:-4]}AAAA.{signature}",
                   "not-a-document", "a.b.c"):
        answer = http.get(f"/api/v1/public/verify/{forged}")
        assert answer.status_code == 404, (forged, answer.text)


def test_anyone_gets_the_slip_with_program_semester_and_registration_number(http):
    query = {"program": "BED15", "semester": "Spring 2026", "registration_number": AYESHA}
    copy = http.get("/api/v1/public/roll-number-slip.pdf", params=query)
    assert copy.status_code == 200 and copy.headers["Content-Type"] == "application/pdf"
    assert "This copy is also valid to appear in exam centres" in pdf_text(copy.content)
    wrong = http.get("/api/v1/public/roll-number-slip.pdf", params={**query, "program": "ADE"})
    assert wrong.status_code == 404
    for field, value in (("semester", "Summer 2026"), ("registration_number", "22P123456"), ("program", "B ED")):
        bad = http.get("/api/v1/public/roll-number-slip.pdf", params={**query, field: value})
        assert bad.status_code == 400, (field, bad.text)
        assert field in bad.text
    assert http.get("/api/v1/public/roll-number-slip.pdf", params={"program": "BED15"}).status_code == 400


def test_examinations_keep_centres_and_date_sheets(http):
    officer = bearer(login(http, "exams.officer"))
    centres = http.get("/api/v1/staff/exam-centres", headers=officer, params={"region": "ISB"})
    assert centres.status_code == 200, centres.text
    assert [c["code"] for c in centres.json()["centres"]][:2] == ["ISB-01", "ISB-02"]
    added = http.put("/api/v1/staff/exam-centres", headers=officer, json={
        "code": "ISB-09", "region": "ISB", "name": "Federal Government College", "address": "H-9, Islamabad",
        "capacity": 300})
    assert added.status_code == 200 and added.json()["seated"] == 0
    bad = http.put("/api/v1/staff/exam-centres", headers=officer, json={
        "code": "ISB-09", "region": "ISB", "name": "x", "address": "y", "capacity": -1})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "capacity"
    moved = http.put("/api/v1/staff/date-sheets/papers", headers=officer, json={
        "semester": "Spring 2027", "program": "BED15", "course_code": "8603", "date": "2027-11-30",
        "start": "14:00", "end": "17:00"})
    assert moved.status_code == 200
    sheet = http.get("/api/v1/public/date-sheets", params={"semester": "Spring 2027", "program": "BED15"}).json()
    assert {"course_code": "8603", "title": "Curriculum Development", "date": "2027-11-30", "start": "14:00",
            "end": "17:00"} in sheet["papers"]
    backwards = http.put("/api/v1/staff/date-sheets/papers", headers=officer, json={
        "semester": "Spring 2027", "program": "BED15", "course_code": "8603", "date": "2027-11-30",
        "start": "17:00", "end": "14:00"})
    assert backwards.status_code == 400 and backwards.json()["errors"][0]["field"] == "end"
    student = bearer(login(http, AYESHA))
    assert http.get("/api/v1/staff/exam-centres", headers=student).status_code == 403


def test_the_public_result_by_roll_number_has_the_pinned_shape_and_revalidates(http):
    answer = http.get("/api/v1/public/results/BM214365")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["roll_number"], body["name"], body["semester"]) == ("BM214365", "Ayesha Siddiqui", "Autumn 2025")
    assert [(c["code"], c["title"], c["grade"]) for c in body["courses"]] == [
        ("8601", "General Methods of Teaching", "B"), ("8602", "Educational Assessment and Evaluation", "A"),
        ("8603", "Curriculum Development", "C")]
    assert body["gpa"] == "2.90" and body["remarks"] == "pass" and "registration_number" not in body
    assert answer.headers["Cache-Control"].startswith("public")
    again = http.get("/api/v1/public/results/bm214365", headers={"If-None-Match": answer.headers["ETag"]})
    assert again.status_code == 304
    assert http.get("/api/v1/public/results/ZZ999999").status_code == 404
    bad = http.get("/api/v1/public/results/B0680724")
    assert bad.status_code == 400 and "roll_number" in bad.text


def test_her_results_carry_cgpa_and_her_transcript_verifies(http):
    student = bearer(login(http, AYESHA))
    results = http.get("/api/v1/me/results", headers=student).json()
    assert results["data"]["cgpa"] == "2.90"
    transcript = http.get("/api/v1/me/transcript.pdf", headers=student)
    assert transcript.status_code == 200 and transcript.headers["Content-Type"] == "application/pdf"
    text = pdf_text(transcript.content)
    assert "CGPA: 2.90" in text and "Ayesha Siddiqui" in text and "UNOFFICIAL" in text
    checked = http.get(f"/api/v1/public/verify/{transcript.headers['X-Document-Id']}").json()
    assert (checked["status"], checked["document_type"]) == ("genuine", "transcript")
    nothing = http.get("/api/v1/me/transcript.pdf", headers=bearer(login(http, demo.CLASSMATE["registration_number"])))
    assert nothing.status_code == 404


def test_examinations_publish_a_program_once(http):
    officer = bearer(login(http, "exams.officer"))
    listed = http.get("/api/v1/staff/results/publications", headers=officer, params={"semester": "Autumn 2025"})
    assert [(p["semester"], p["program_code"]) for p in listed.json()["publications"]] == [("Autumn 2025", "BED15")]
    again = http.post("/api/v1/staff/results/publications", headers=officer,
                      json={"semester": "Autumn 2025", "program": "BED15"})
    assert again.status_code == 409 and "re-checking" in again.json()["detail"]
    nobody = http.post("/api/v1/staff/results/publications", headers=officer,
                       json={"semester": "Autumn 2030", "program": "BSENG"})
    assert nobody.status_code == 409 and nobody.json()["errors"][0]["field"] == "program_code"
    bad = http.post("/api/v1/staff/results/publications", headers=officer, json={"semester": "Winter 2030",
                                                                                 "program": "BSENG"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "semester"


def test_examinations_enter_marks_by_hand_and_by_file_and_see_the_figures(http):
    officer = bearer(login(http, "exams.officer"))
    one = http.post("/api/v1/staff/marks", headers=officer, json={
        "roll_number": "BO680724", "course_code": "8604", "assignment_marks": 82, "final_exam_marks": 74,
        "workshop_attendance": 95})
    assert one.status_code == 200, one.text
    assert (one.json()["grade"], one.json()["remarks"], one.json()["total_marks"]) == ("B", "pass", 76)
    out_of_range = http.post("/api/v1/staff/marks", headers=officer, json={
        "roll_number": "BO680724", "course_code": "8604", "final_exam_marks": 101})
    assert out_of_range.status_code == 400 and out_of_range.json()["errors"][0]["field"] == "final_exam_marks"
    nobody = http.post("/api/v1/staff/marks", headers=officer, json={"roll_number": "ZZ999999", "course_code": "8604"})
    assert nobody.status_code == 404 and nobody.json()["errors"][0]["field"] == "roll_number"

    header = "roll_number,course_code,assignment_marks,final_exam_marks,workshop_attendance\n"
    bad = http.post("/api/v1/staff/marks/files", headers=officer, json={
        "file_name": "bad.csv",
        "csv": header + "BO680724,8605,70,60,90\nZZ999999,8606,70,60,90\nBO680724,8605,1,1,90\n"})
    assert bad.status_code == 201 and bad.json()["status"] == "refused" and bad.json()["refused"] == 2
    report = http.get(f"/api/v1/staff/marks/files/{bad.json()['file_id']}/report", headers=officer)
    assert report.status_code == 200 and report.headers["Content-Type"].startswith("text/csv")
    assert "3,roll_number,no candidate has this roll number" in report.text and "4,course_code" in report.text

    good = http.post("/api/v1/staff/marks/files", headers=officer, json={
        "file_name": "spring-2026.csv", "csv": header + "BO680724,8605,70,60,90\nBO680724,8606,66,58,90\n"})
    assert good.status_code == 201 and good.json()["status"] == "queued", good.text
    location = good.headers["Location"]
    testing.wait_until(lambda: http.get(location, headers=officer).json()["status"] == "applied", timeout=30,
                       what="the marks file to be applied by exams' relay")
    assert http.get(location, headers=officer).json()["processed"] == 2
    figures = http.get("/api/v1/staff/results/statistics", headers=officer,
                       params={"semester": "Spring 2026", "program": "BED15"}).json()
    assert figures["candidates"] >= 1 and figures["published"] is False
    assert {c["key"] for c in figures["courses"]} >= {"8604", "8605", "8606"}
    by_course = {c["key"]: c for c in figures["courses"]}
    assert by_course["8604"]["passed"] >= 1 and by_course["8604"]["pass_rate"] is not None
    student = bearer(login(http, AYESHA))
    assert http.post("/api/v1/staff/marks", headers=student, json={"roll_number": "BO680724",
                                                                    "course_code": "8604"}).status_code == 403


def _file_and_pay(http, student, subtype, details, tran_auth_id):
    filed = http.post("/api/v1/me/requests", headers=student, json={
        "category": "other_fee_challan", "subtype": subtype, "details": details})
    assert filed.status_code == 201, filed.text
    request = filed.json()
    now = dt.datetime.now(dt.timezone(dt.timedelta(hours=5)))
    paid = http.post("/api/v1/bank/bill-payment", auth=("ABL", "Demo@2026"), json={
        "consumer_number": request["challan"]["consumer_number"], "bank_mnemonic": "ABL",
        "tran_auth_id": tran_auth_id, "transaction_amount": money.to_one_link(request["challan"]["amount"]),
        "tran_date": now.strftime("%Y%m%d"), "tran_time": now.strftime("%H%M%S")}).json()
    assert paid["response_Code"] == "00"
    return request["request_number"]


def test_paid_rechecking_and_centre_change_requests_reach_examinations_and_come_back_decided(http):
    """requests -> request_paid -> exams opens a case -> examinations decide -> exam_case_decided ->
    requests closes the request, the student reads the outcome."""
    student = bearer(login(http, AYESHA))
    officer = bearer(login(http, "exams.officer"))
    recheck = _file_and_pay(http, student, "answer_script_rechecking", "8603: please re-check my paper", "EXC001")
    move = _file_and_pay(http, student, "exam_centre_change", "Transferred to Karachi", "EXC002")

    def open_cases():
        return {c["request_number"]: c for c in http.get("/api/v1/staff/exam-cases", headers=officer).json()["cases"]}
    testing.wait_until(lambda: {recheck, move} <= set(open_cases()), timeout=30, what="exams to open both cases")
    case = open_cases()[recheck]
    # Her latest published candidature (Autumn 2025, roll number BM214365), not Spring 2026's.
    assert (case["kind"], case["roll_number"], case["semester"], case["details"]) == (
        "rechecking", "BM214365", "Autumn 2025", "8603: please re-check my paper")
    not_sat = http.post(f"/api/v1/staff/exam-cases/{recheck}/recheck", headers=officer,
                        json={"course_code": "8604", "changed": False})
    assert not_sat.status_code == 400 and not_sat.json()["errors"][0]["field"] == "course_code"
    stands = http.post(f"/api/v1/staff/exam-cases/{recheck}/recheck", headers=officer,
                       json={"course_code": "8603", "changed": False})
    assert stands.status_code == 200 and stands.json()["status"] == "unchanged"
    refused = http.post(f"/api/v1/staff/exam-cases/{move}/centre-change", headers=officer,
                        json={"approve": False, "note": "Attested transfer order missing"})
    assert refused.status_code == 200 and refused.json()["status"] == "rejected"
    again = http.post(f"/api/v1/staff/exam-cases/{move}/centre-change", headers=officer,
                      json={"approve": False, "note": "again"})
    assert again.status_code == 409

    done = f"/api/v1/me/requests/{recheck}"
    testing.wait_until(lambda: http.get(done, headers=student).json()["status"] == "resolved", timeout=30,
                       what="requests to close the re-check")
    assert "the marks stand as they were" in http.get(done, headers=student).text
    url = f"/api/v1/me/requests/{move}"
    testing.wait_until(lambda: http.get(url, headers=student).json()["status"] == "rejected", timeout=30,
                       what="requests to close the refused change of centre")
    assert "Attested transfer order missing" in http.get(url, headers=student).text
