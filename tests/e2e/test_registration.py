"""Course registration over HTTP against the whole stack (issue 8's pinned contract): the
registrant sees her open semester with her failed course required, registers, gets one
challan however often she posts, the bank pays it, and GET shows `confirmed` within
seconds (finance -> challan_paid -> enrollment's consumer). Refusals are problem details
naming their reason; holds and courses of any semester answer too."""
import datetime as dt

from campus import money, testing
from services import demo
from tests.stack import bearer, login

REGISTRANT = demo.REGISTRANT["registration_number"]
BANK = ("ABL", "Demo@2026")


def karachi_now():
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=5)))


def test_the_registrant_registers_pays_and_is_confirmed(http):
    student = bearer(login(http, REGISTRANT))
    seen = http.get("/api/v1/me/registration", headers=student)
    assert seen.status_code == 200, seen.text
    body = seen.json()
    assert body["semester"] == "Spring 2027" and body["eligible"] is True and body["reasons"] == []
    assert set(body["window"]) == {"opens", "closes"} and body["registration"] is None
    required = [c["code"] for c in body["courses"] if c["required"]]
    assert required == ["8602"]
    assert {"code", "title", "credit_hours", "required"} <= set(body["courses"][0])

    left_out = http.post("/api/v1/me/registration", headers=student, json={"courses": ["8604"]})
    assert left_out.status_code == 400
    assert left_out.json()["code"] == "FAILED_COURSE_LEFT_OUT"
    assert left_out.json()["errors"][0]["field"] == "courses"
    not_offered = http.post("/api/v1/me/registration", headers=student, json={"courses": ["8602", "8601"]})
    assert (not_offered.status_code, not_offered.json()["code"]) == (400, "COURSE_NOT_OFFERED")

    chosen = ["8602", "8604", "8605", "8606"]
    made = http.post("/api/v1/me/registration", headers=student, json={"courses": chosen})
    assert made.status_code == 201, made.text
    registration = made.json()["registration"]
    assert registration["status"] == "awaiting_payment"
    challan = registration["challan"]
    assert challan["amount"] == 12 * 108750 and challan["due_date"] and len(challan["consumer_number"]) == 18
    again = http.post("/api/v1/me/registration", headers=student, json={"courses": list(reversed(chosen))})
    assert again.status_code == 201
    assert again.json()["registration"]["challan"]["consumer_number"] == challan["consumer_number"]
    other = http.post("/api/v1/me/registration", headers=student, json={"courses": ["8602"]})
    assert (other.status_code, other.json()["code"]) == (409, "ALREADY_REGISTERED")

    now = karachi_now()
    paid = http.post("/api/v1/bank/bill-payment", auth=BANK, json={
        "consumer_number": challan["consumer_number"], "bank_mnemonic": "ABL", "tran_auth_id": "REG001",
        "transaction_amount": money.to_one_link(challan["amount"]), "tran_date": now.strftime("%Y%m%d"),
        "tran_time": now.strftime("%H%M%S")}).json()
    assert paid["response_Code"] == "00"
    testing.wait_until(
        lambda: http.get("/api/v1/me/registration", headers=student).json()["registration"]["status"] == "confirmed",
        timeout=30, what="the registration to be confirmed")

    courses = http.get("/api/v1/me/courses", headers=student, params={"semester": "Spring 2027"}).json()
    assert courses["status"] == "ok"
    assert [c["code"] for c in courses["data"]["courses"]] == sorted(chosen)
    assert courses["data"]["semesters"][:2] == ["Spring 2027", "Autumn 2025"]
    earlier = http.get("/api/v1/me/courses", headers=student, params={"semester": "autumn 2025"}).json()
    assert [c["code"] for c in earlier["data"]["courses"]] == ["8601", "8602", "8603"]

    # registration_confirmed -> exams' consumer: a roll number, a Faisalabad centre, her papers.
    testing.wait_until(lambda: http.get("/api/v1/me/exam-schedule", headers=student).json().get("semester")
                       == "Spring 2027", timeout=30, what="a roll number for Spring 2027")
    schedule = http.get("/api/v1/me/exam-schedule", headers=student).json()
    assert schedule["semester"] == "Spring 2027" and schedule["centre"]["name"]
    assert schedule["roll_number"][:2].isalpha() and schedule["roll_number"][2:].isdigit()
    assert [p["course_code"] for p in schedule["papers"]] == chosen  # in the date sheet's order


def test_a_student_not_eligible_is_told_every_reason_and_refused_with_it(http):
    student = bearer(login(http, "22P-123456"))
    body = http.get("/api/v1/me/registration", headers=student).json()
    assert body["eligible"] is False
    assert [r["code"] for r in body["reasons"]] == ["previous_semester_incomplete"]
    refused = http.post("/api/v1/me/registration", headers=student, json={"courses": ["8604"]})
    assert (refused.status_code, refused.json()["code"]) == (409, "NOT_ELIGIBLE")
    assert refused.headers["Content-Type"].startswith("application/problem+json")


def test_bad_registration_input_is_a_problem_naming_the_field_never_a_500(http):
    student = bearer(login(http, "22P-123456"))
    for body in ({"courses": "8604"}, {"courses": ["86 04"]}, {"course": ["8604"]}, {"courses": ["8604"] * 21}):
        answer = http.post("/api/v1/me/registration", headers=student, json=body)
        assert answer.status_code == 400, (body, answer.text)
    for semester in ("Summer 2026", "Spring 1900"):
        answer = http.get("/api/v1/me/registration", headers=student, params={"semester": semester})
        assert answer.status_code == 400, (semester, answer.text)
    unknown = http.get("/api/v1/me/registration", headers=student, params={"semester": "Autumn 2040"})
    assert unknown.status_code == 404


def test_holds_answer_with_what_to_do(http):
    student = bearer(login(http, "22P-123456"))
    answer = http.get("/api/v1/me/holds", headers=student)
    assert answer.status_code == 200 and answer.json() == {"holds": []}
    assert http.get("/api/v1/me/holds").status_code == 401
