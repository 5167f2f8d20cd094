"""Registration opening day and a bulk admission, next to floors measured in the same run.

    make bench                                   # 10,000 rows, 400 students registering
    python -m tests.perf.bench_registration --rows 2000 --students 200 --seconds 5

Starts the whole stack on PostgreSQL (as the e2e suite does), then:

1. Bulk admission: admissions upload a CSV of `--rows` students; the file is checked, then
   applied whole by enrollment's relay; its progress is polled until `applied`. Rows per
   second, from the upload to `applied`, beside the floor: the same number of rows of the
   same width inserted by one bare executemany into a scratch table of the same database.
   Then identity opens their accounts (enrollment's sweep): accounts per second.
2. Opening day: `--students` of them sign in (argon2 is made cheap in this stack: sign-in is
   not what is measured) and all register at once for Spring 2027's first-semester courses,
   `--concurrency` at a time: registrations per second and p99, each a call to exams for
   her results and to finance for her challan. Then the registration page's read (GET
   /api/v1/me/registration) for `--seconds`, beside the floors: /healthz (the gateway
   alone) and the JSON dashboard (an RPC per tile, eight to seven services).

Load generator and stack share this machine's cores: the figures are a floor, comparable
run to run on one machine."""
from __future__ import annotations

import argparse
import csv
import http.client
import io
import json
import queue
import threading
import time
from urllib.parse import urlparse

import sqlalchemy as sa

from services.enrollment.domain import ADMISSION_FIELDS
from tests.perf.bench_dashboard import Figures, drive

FIELDS = ADMISSION_FIELDS
CENTRES = ("ISB", "LHR", "KHI", "PSH", "QTA", "MUL", "FSD")
PASSWORD = "Opening-Day-2027"
FIRST_SEMESTER = ["8601", "8602", "8603"]
#: Sign-in is not what is measured: this stack hashes passwords cheaply.
CHEAP_ARGON2 = {"IDENTITY_ARGON2_TIME_COST": "1", "IDENTITY_ARGON2_MEMORY_KIB": "8192",
                "IDENTITY_ARGON2_PARALLELISM": "1"}


def admission_file(rows: int) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    for i in range(rows):
        writer.writerow({"full_name": f"Bench Student {i}", "father_name": "Bench Father",
                         "cnic": f"41000-{i:07d}-{i % 10}", "date_of_birth": "2000-01-01",
                         "gender": ("female", "male")[i % 2],
                         "postal_address": f"House {i}, Street {i % 50}, Sector G-9/{i % 4 + 1}",
                         "mobile": f"0300{i:07d}", "email": f"bench{i}@example.pk", "program_code": "BED15",
                         "centre_code": CENTRES[i % len(CENTRES)], "admission_semester": "Spring 2027"})
    return out.getvalue()


def bulk_admission(http, admissions: dict, rows: int) -> tuple[float, list[str], list[tuple[float, int]]]:
    """(seconds from upload to applied, the registration numbers, progress samples)."""
    text = admission_file(rows)
    started = time.perf_counter()
    submitted = http.post("/api/v1/staff/admissions/files", headers=admissions,
                          json={"file_name": "bench.csv", "csv": text}, timeout=120)
    assert submitted.status_code == 201 and submitted.json()["status"] == "queued", submitted.text[:500]
    url, samples = submitted.headers["Location"], []
    while True:
        batch = http.get(url, headers=admissions).json()
        samples.append((time.perf_counter() - started, batch["processed"]))
        if batch["status"] in ("applied", "failed"):
            break
        time.sleep(0.25)
    elapsed = time.perf_counter() - started
    assert batch["status"] == "applied", batch
    report = http.get(f"{url}/report", headers=admissions, timeout=60).text
    return elapsed, [r["registration_number"] for r in csv.DictReader(io.StringIO(report))], samples


def insert_floor(database_url: str, rows: int) -> float:
    """Seconds for one bare executemany of `rows` rows as wide as a student's, in the same database."""
    engine = sa.create_engine(database_url)
    scratch = sa.Table("bench_floor", sa.MetaData(), *(sa.Column(f, sa.String(300)) for f in FIELDS),
                       prefixes=["TEMPORARY"])
    values = list(csv.DictReader(io.StringIO(admission_file(rows))))
    with engine.begin() as connection:
        scratch.create(connection)
        started = time.perf_counter()
        connection.execute(scratch.insert(), values)
        elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed


def wait_for_accounts(database_url: str, numbers: list[str], timeout: float = 900) -> float:
    """Seconds until identity has opened every account (enrollment marks each one)."""
    engine = sa.create_engine(database_url)
    started = time.perf_counter()
    try:
        while time.perf_counter() - started < timeout:
            with engine.connect() as connection:
                waiting = connection.execute(sa.text(
                    "SELECT count(*) FROM students WHERE account_opened_at IS NULL")).scalar()
            if not waiting:
                return time.perf_counter() - started
            time.sleep(0.5)
        raise AssertionError(f"{waiting} accounts still unopened after {timeout}s")
    finally:
        engine.dispose()


def give_passwords(identity_url: str, numbers: list[str]) -> None:
    """Activate the students' accounts with one password, hashed as this stack's identity
    hashes (activation by mail is tested elsewhere; here it would only cost time)."""
    from services.identity.passwords import Passwords
    hashed = Passwords(time_cost=1, memory_kib=8192, parallelism=1).hash(PASSWORD)
    engine = sa.create_engine(identity_url)
    with engine.begin() as connection:
        connection.execute(sa.text(
            "UPDATE accounts SET status = 'active', password_hash = :hashed, activation_code_hash = NULL, "
            "activation_expires_at = NULL, password_changed_at = now() WHERE username = ANY(:numbers)"),
            {"hashed": hashed, "numbers": numbers})
    engine.dispose()


def sign_in_all(base_url: str, numbers: list[str], concurrency: int) -> dict[str, str]:
    import httpx
    tokens: dict[str, str] = {}
    todo: queue.Queue[str] = queue.Queue()
    for regno in numbers:
        todo.put(regno)

    def worker():
        with httpx.Client(base_url=base_url, timeout=30) as http:
            while True:
                try:
                    regno = todo.get_nowait()
                except queue.Empty:
                    return
                answer = http.post("/api/v1/auth/login", json={"username": regno, "password": PASSWORD})
                assert answer.status_code == 200, answer.text[:300]
                tokens[regno] = answer.json()["access_token"]

    _run(worker, concurrency)
    return tokens


def _run(worker, concurrency: int) -> None:
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def register_all(base_url: str, tokens: dict[str, str], concurrency: int) -> Figures:
    """Every student registers once, `concurrency` at a time; a non-201 is an error."""
    target = urlparse(base_url)
    todo: queue.Queue[str] = queue.Queue()
    for regno in tokens:
        todo.put(regno)
    latencies: list[float] = []
    errors = [0]
    body = json.dumps({"courses": FIRST_SEMESTER})

    def worker():
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        while True:
            try:
                regno = todo.get_nowait()
            except queue.Empty:
                break
            started = time.perf_counter()
            connection.request("POST", "/api/v1/me/registration", body=body, headers={
                "Authorization": f"Bearer {tokens[regno]}", "Content-Type": "application/json"})
            response = connection.getresponse()
            answer = response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status != 201 or b'"awaiting_payment"' not in answer:
                errors[0] += 1
        connection.close()

    began = time.perf_counter()
    _run(worker, concurrency)
    return Figures("registrations (POST)", len(latencies), errors[0], time.perf_counter() - began, latencies)


def run(stack, *, rows: int, students: int, seconds: float, concurrency: int) -> list[str]:
    import httpx
    base_url = stack.gateway_url()
    lines = []
    with httpx.Client(base_url=base_url, timeout=60) as http:
        officer = http.post("/api/v1/auth/login", json={"username": "admissions.officer", "password": "Demo@2026"})
        admissions = {"Authorization": f"Bearer {officer.json()['access_token']}"}
        applied, numbers, samples = bulk_admission(http, admissions, rows)
        floor = insert_floor(stack.env["ENROLLMENT_DATABASE_URL"], rows)
        accounts = wait_for_accounts(stack.env["ENROLLMENT_DATABASE_URL"], numbers)
        lines += [
            f"bulk admission: {rows} rows checked and applied in {applied:.1f} s = {rows / applied:.0f} rows/s "
            f"(progress seen at {', '.join(f'{n}' for _t, n in samples[1:-1:max(1, len(samples) // 5)]) or 'the end'})",
            f"  floor: a bare insert of {rows} rows into the same database: {rows / floor:.0f} rows/s; "
            f"admission runs at {floor / applied:.1%} of it (validation, serials, events, the relay's poll)",
            f"  identity opened every account {accounts:.1f} s later ({rows / accounts:.0f} accounts/s)"]
        student = {"Authorization": "Bearer " + http.post("/api/v1/auth/login", json={
            "username": "22P-123456", "password": "Demo@2026"}).json()["access_token"]}
    chosen = numbers[:students]
    give_passwords(stack.env["IDENTITY_DATABASE_URL"], chosen)
    tokens = sign_in_all(base_url, chosen, concurrency)
    healthz = drive(base_url, "/healthz", {}, seconds=seconds, concurrency=concurrency, name="floor /healthz")
    dashboard = drive(base_url, "/api/v1/me/dashboard", student, seconds=seconds, concurrency=concurrency,
                      name="floor dashboard")
    registered = register_all(base_url, tokens, concurrency)
    reading = drive(base_url, "/api/v1/me/registration", {"Authorization": f"Bearer {next(iter(tokens.values()))}"},
                    seconds=seconds, concurrency=concurrency, name="registration (GET)")
    lines += [f"opening day: {len(tokens)} students registering at once, {concurrency} at a time",
              *(f.line() for f in (healthz, dashboard, registered, reading)),
              f"registrations run at {registered.rps / dashboard.rps:.0%} of the dashboard's requests per second "
              f"and {registered.rps / healthz.rps:.1%} of /healthz's (each: exams' results, finance's challan, "
              "two transactions)",
              f"the registration page's read runs at {reading.rps / dashboard.rps:.0%} of the dashboard's"]
    assert registered.errors == 0 and reading.errors == 0, (registered.line(), reading.line())
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--students", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    from tests.stack import running_stack
    with running_stack("bench", extra_env={"LOG_LEVEL": "WARNING", **CHEAP_ARGON2}) as stack:
        print("\n".join(run(stack, rows=args.rows, students=args.students, seconds=args.seconds,
                            concurrency=args.concurrency)))


if __name__ == "__main__":
    main()
