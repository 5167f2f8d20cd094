"""Books mailing against the whole stack, in a real browser: dispatch uploads a semester's
registry numbers (a file with a bad line sends nothing and names it), the student is told,
a parcel comes back, she confirms her address and it can go again; anyone finds books by
roll number or admission challan number, in Urdu on a phone."""
from playwright.sync_api import expect

from campus import testing
from services import demo
from tests import browser
from tests.e2e.test_portal_finance import no_serious_violations, overflow, sign_out
from tests.stack import bearer, login

AYESHA = demo.STUDENT
SEMESTER = "Spring 2027"


def upload(page, base_url, csv: str, tmp_path, name: str) -> None:
    path = tmp_path / name
    path.write_text(csv)
    page.goto(f"{base_url}/staff/parcels")
    page.fill("input[name=semester]", SEMESTER)
    page.fill("input[name=note]", "Pakistan Post, batch 12")
    page.set_input_files("input[name=file]", str(path))
    page.click("form[data-dispatch] button[type=submit]")


def test_a_semester_s_books_go_out_come_back_and_go_again(page, base_url, http, tmp_path):
    dispatch = bearer(login(http, "dispatch.officer"))
    refused = http.post("/api/v1/staff/parcels/dispatch", headers=dispatch, data={"semester": SEMESTER},
                        files={"file": ("books.csv", b"registry_number\nZZ999999\n", "text/csv")})
    assert refused.status_code == 400 and refused.json()["errors"][0]["message"].startswith("line 2:"), refused.text

    browser.sign_in(page, base_url, "dispatch.officer")
    upload(page, base_url, f"registry_number\n{AYESHA['roll_number']}\nXX12\n", tmp_path, "bad.csv")
    expect(page.locator("[data-refused] li[data-line='3']")).to_be_visible()
    expect(page.locator("[data-report]")).to_have_count(0)
    upload(page, base_url, f"registry_number\n{AYESHA['roll_number']}\n", tmp_path, "good.csv")
    expect(page.locator("[data-report]")).to_contain_text("1 parcels dispatched for Spring 2027")
    no_serious_violations(page, "books mailing for dispatch")
    row = page.locator(f'[data-parcels] tr[data-parcel="{AYESHA["roll_number"]}"][data-status="dispatched"]',
                       has_text=SEMESTER)
    row.locator("button[data-outcome=returned]").click()
    expect(page.locator("[data-done]")).to_be_visible()
    sign_out(page)

    ayesha = bearer(login(http, AYESHA["registration_number"]))
    def told(words):
        return [n for n in http.get("/api/v1/me/notifications", headers=ayesha).json()["notifications"]
                if n["title"].startswith(f"Books for {SEMESTER}") and words in n["body"]]
    testing.wait_until(lambda: told("dispatched by post"), timeout=30, what="the message that her books left")
    testing.wait_until(lambda: told("returned by the post"), timeout=30, what="the message that they came back")

    browser.sign_in(page, base_url, AYESHA["registration_number"])
    page.goto(f"{base_url}/student/tracking")
    parcel = page.locator(f'[data-parcels] li[data-parcel="{SEMESTER}"]')
    expect(parcel).to_have_attribute("data-status", "returned")
    expect(parcel.locator("a[href$='/student/requests/correction']")).to_be_visible()
    no_serious_violations(page, "her returned books")
    parcel.locator("form[data-confirm-address] button").click()
    expect(page.locator("[data-done]")).to_be_visible()
    expect(page.locator(f'[data-parcels] li[data-parcel="{SEMESTER}"]')).to_have_attribute("data-status", "prepared")

    # Anyone, by roll number or by her admission challan's number; nothing personal.
    by_roll = http.get("/api/v1/public/books", params={"roll_number": AYESHA["roll_number"]}).json()["parcels"]
    assert {p["semester"] for p in by_roll} >= {SEMESTER, "Spring 2026"}
    admission = next(c["consumer_number"] for c in http.get("/api/v1/me/finance", headers=ayesha).json()[
        "data"]["challans"] if c["reference"].startswith("ADM-"))
    by_challan = testing.wait_until(lambda: http.get("/api/v1/public/books", params={
        "challan_number": admission}).json()["parcels"], timeout=30, what="books by admission challan")
    assert {p["semester"] for p in by_challan} == {p["semester"] for p in by_roll}
    assert http.get("/api/v1/public/books").status_code == 400

    page.set_viewport_size(browser.PHONE)
    page.goto(f"{base_url}/books?lang=ur&roll_number={AYESHA['roll_number']}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(f'[data-parcels] li[data-parcel="{SEMESTER}"]')).to_be_visible()
    assert AYESHA["full_name"] not in page.content()
    assert overflow(page) <= 0, f"the books look-up is {overflow(page)}px wider than a 360px phone"
    no_serious_violations(page, "the books look-up in Urdu on a phone")
    page.goto(f"{base_url}/books?lang=en&roll_number=12")
    expect(page.locator("#roll_number-error")).to_be_visible()
