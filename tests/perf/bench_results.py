"""Result day and a file of marks, next to floors measured in the same run.

    make bench                                            # 1,400,000 results, 100,000 marks rows
    python -m tests.perf.bench_results --results 150000 --marks 20000 --seconds 5

Starts the whole stack on PostgreSQL (as the e2e suite does), then:

1. Loads `--results` published results (three papers per candidate, so a third as many
   candidates, each with her published card) straight into exams' database with COPY, and
   gives `--students` of those candidates an account in identity.
2. Result day: the public look-up by roll number (GET /api/v1/public/results/<roll>), each
   request a candidate drawn at random from `--pool` of them (students refreshing their
   result), and GET /api/v1/me/results for the signed-in students in turn; each beside the
   floor measured in the same run, /healthz (a bare Flask endpoint of the same gateway).
   The goal: at least half the floor's requests per second.
3. A file of `--marks` rows for candidates of a semester not yet published, uploaded through
   the API, checked and applied whole by exams' relay; rows per second from the upload to
   `applied`, beside a bare executemany of as many rows as wide into the same database.

Load generator and stack share this machine's cores: the figures are a floor, comparable
run to run on one machine."""
from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import random
import time

import sqlalchemy as sa

from campus import clock
from tests.perf.bench_dashboard import Figures, drive
from tests.stack import bearer, login

PASSWORD = "Result-Day-2027"
RESULT_DAY = "Spring 2026"
MARKS_SEMESTER = "Autumn 2026"
PAPERS = (("8604", "Research Methods in Education"), ("8605", "Educational Leadership and Management"),
          ("8606", "Citizenship Education and Community Engagement"))
#: Students refreshing their result on result day.
REFRESHING = 300
CHEAP_ARGON2 = {"IDENTITY_ARGON2_TIME_COST": "1", "IDENTITY_ARGON2_MEMORY_KIB": "8192",
                "IDENTITY_ARGON2_PARALLELISM": "1"}


def roll(prefix: str, n: int) -> str:
    return f"{prefix}{100000 + n:06d}"


def regno(n: int, year: str = "25") -> str:
    return f"{year}R-{n:06d}"


def _copy(connection, table: str, columns: tuple[str, ...], rows) -> None:
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def load_published(exams_url: str, results: int) -> list[str]:
    """`results` published results of RESULT_DAY (three papers per candidate), with each
    candidate's card; the roll numbers."""
    candidates = results // len(PAPERS)
    now, published_on = "2027-02-10T09:00:00+00:00", "2027-02-10"
    engine = sa.create_engine(exams_url)
    raw = engine.raw_connection()
    try:
        connection = raw.driver_connection
        _copy(connection, "candidates", ("roll_number", "registration_number", "semester", "program_code",
                                         "program_title", "level", "region", "centre_code", "full_name",
                                         "father_name", "allocated_at"),
              ((roll("RD", n), regno(n), RESULT_DAY, "BED15", "B.Ed (1.5 Years)", "bed", "ISB", "ISB-01",
                f"Result Student {n}", "Father", now) for n in range(candidates)))
        _copy(connection, "candidate_papers", ("roll_number", "course_code", "course_title", "credit_hours"),
              ((roll("RD", n), code, title, 3) for n in range(candidates) for code, title in PAPERS))
        _copy(connection, "results", ("registration_number", "semester", "course_code", "course_title",
                                      "credit_hours", "level", "program_code", "assignment_marks",
                                      "final_exam_marks", "workshop_attendance", "total_marks", "grade", "remarks",
                                      "published_on", "recorded_at"),
              ((regno(n), RESULT_DAY, code, title, 3, "bed", "BED15", 80, 70, 90, 73, "B", "pass", published_on, now)
               for n in range(candidates) for code, title in PAPERS))
        _copy(connection, "published_cards", ("roll_number", "registration_number", "semester", "program_code",
                                              "card", "version", "published_on"),
              ((roll("RD", n), regno(n), RESULT_DAY, "BED15", _card(n, published_on), 1, published_on)
               for n in range(candidates)))
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO result_publications VALUES (%s, 'BED15', %s, %s, 'bench', %s, %s)",
                           (RESULT_DAY, published_on, now, candidates, results))
            cursor.execute("ANALYZE")
        connection.commit()
    finally:
        raw.close()
        engine.dispose()
    return [roll("RD", n) for n in range(candidates)]


def _card(n: int, published_on: str) -> str:
    return json.dumps({"roll_number": roll("RD", n), "registration_number": regno(n), "name": f"Result Student {n}",
                       "semester": RESULT_DAY, "program_code": "BED15", "program": "B.Ed (1.5 Years)",
                       "courses": [{"code": code, "title": title, "credit_hours": 3, "assignment_marks": 80,
                                    "final_exam_marks": 70, "total_marks": 73, "grade": "B", "remarks": "pass"}
                                   for code, title in PAPERS],
                       "published_on": published_on, "gpa": "3.00", "remarks": "pass"})


def give_accounts(identity_url: str, numbers: list[str]) -> None:
    from services.identity.models import accounts
    from services.identity.passwords import Passwords
    hashed = Passwords(time_cost=1, memory_kib=8192, parallelism=1).hash(PASSWORD)
    engine, now = sa.create_engine(identity_url), clock.utcnow()
    with engine.begin() as connection:
        connection.execute(sa.insert(accounts), [
            {"username": n, "kind": "student", "full_name": "Result Student", "status": "active",
             "password_hash": hashed, "created_at": now, "password_changed_at": now} for n in numbers])
    engine.dispose()


def sign_in(http, numbers: list[str]) -> list[dict]:
    headers = []
    for number in numbers:
        answer = http.post("/api/v1/auth/login", json={"username": number, "password": PASSWORD})
        assert answer.status_code == 200, answer.text[:300]
        headers.append({"Authorization": f"Bearer {answer.json()['access_token']}"})
    return headers


def load_marks_candidates(exams_url: str, rows: int) -> list[tuple[str, str]]:
    """Candidates of MARKS_SEMESTER (not published) for `rows` papers: their (roll, paper)s."""
    candidates = -(-rows // len(PAPERS))
    engine = sa.create_engine(exams_url)
    raw = engine.raw_connection()
    try:
        connection = raw.driver_connection
        _copy(connection, "candidates", ("roll_number", "registration_number", "semester", "program_code",
                                         "program_title", "level", "region", "centre_code", "full_name",
                                         "father_name", "allocated_at"),
              ((roll("MK", n), regno(n, "26"), MARKS_SEMESTER, "BED15", "B.Ed (1.5 Years)", "bed", "LHR", "LHR-01",
                f"Marks Student {n}", "Father", "2026-12-06T09:00:00+00:00") for n in range(candidates)))
        _copy(connection, "candidate_papers", ("roll_number", "course_code", "course_title", "credit_hours"),
              ((roll("MK", n), code, title, 3) for n in range(candidates) for code, title in PAPERS))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        connection.commit()
    finally:
        raw.close()
        engine.dispose()
    return list(itertools.islice(((roll("MK", n), code) for n in range(candidates) for code, _t in PAPERS), rows))


def marks_file(papers: list[tuple[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["roll_number", "course_code", "assignment_marks", "final_exam_marks", "workshop_attendance"])
    writer.writerows((r, c, 40 + i % 60, 30 + i * 7 % 70, 80 + i % 21) for i, (r, c) in enumerate(papers))
    return out.getvalue()


def upload_marks(http, officer: dict, text: str, rows: int) -> tuple[float, list[int]]:
    """(seconds from the upload to applied, the progress seen meanwhile)."""
    started = time.perf_counter()
    submitted = http.post("/api/v1/staff/marks/files", headers=officer,
                          json={"file_name": "bench-marks.csv", "csv": text}, timeout=300)
    assert submitted.status_code == 201 and submitted.json()["status"] == "queued", submitted.text[:500]
    url, seen = submitted.headers["Location"], []
    while True:
        state = http.get(url, headers=officer).json()
        seen.append(state["processed"])
        if state["status"] in ("applied", "failed"):
            break
        time.sleep(0.25)
    assert state["status"] == "applied" and state["processed"] == rows, state
    return time.perf_counter() - started, seen


def insert_floor(exams_url: str, text: str) -> float:
    """Seconds for one bare executemany of the file's rows into a scratch table of the same database."""
    engine = sa.create_engine(exams_url)
    scratch = sa.Table("bench_marks_floor", sa.MetaData(), sa.Column("roll_number", sa.String(8)),
                       sa.Column("course_code", sa.String(12)), sa.Column("assignment_marks", sa.Integer),
                       sa.Column("final_exam_marks", sa.Integer), sa.Column("workshop_attendance", sa.Integer),
                       prefixes=["TEMPORARY"])
    values = [{**r, **{k: int(r[k]) for k in ("assignment_marks", "final_exam_marks", "workshop_attendance")}}
              for r in csv.DictReader(io.StringIO(text))]
    with engine.begin() as connection:
        scratch.create(connection)
        started = time.perf_counter()
        connection.execute(scratch.insert(), values)
        elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed


def run(stack, *, results: int, students: int, pool: int, marks: int, seconds: float,
        concurrency: int) -> tuple[list[str], list[Figures]]:
    import httpx
    base_url = stack.gateway_url()
    exams_url = stack.env["EXAMS_DATABASE_URL"]
    started = time.perf_counter()
    rolls = load_published(exams_url, results)
    loaded = time.perf_counter() - started
    give_accounts(stack.env["IDENTITY_DATABASE_URL"], [regno(n) for n in range(students)])
    lines = [f"result day: {results:,} published results of {len(rolls):,} candidates loaded in {loaded:.0f} s"]
    with httpx.Client(base_url=base_url, timeout=60) as http:
        heads = sign_in(http, [regno(n) for n in range(students)])
        shuffled = random.Random(2027).sample(rolls, min(pool + REFRESHING, len(rolls)))
        firsts, refreshing = iter(shuffled[REFRESHING:]), shuffled[:REFRESHING]
        pick = random.Random(7)
        # First looks: each request a candidate nobody has asked for yet (a miss, asked of exams).
        first_look = lambda: (f"/api/v1/public/results/{next(firsts, pick.choice(refreshing))}", {})  # noqa: E731
        # Refreshes: the same few hundred candidates again and again (answered from memory).
        refresh = lambda: (f"/api/v1/public/results/{pick.choice(refreshing)}", {})  # noqa: E731
        cycle = itertools.cycle(heads)
        mine = lambda: ("/api/v1/me/results", next(cycle))  # noqa: E731
        drive(base_url, "", {}, seconds=1, concurrency=concurrency, name="warm-up", choose=refresh)
        figures = [drive(base_url, "/healthz", {}, seconds=seconds, concurrency=concurrency, name="floor /healthz"),
                   drive(base_url, "", {}, seconds=seconds, concurrency=concurrency, name="look-up, refreshes",
                         choose=refresh),
                   drive(base_url, "", {}, seconds=seconds, concurrency=concurrency, name="look-up, first looks",
                         choose=first_look),
                   drive(base_url, "", {}, seconds=seconds, concurrency=concurrency, name="/me/results",
                         choose=mine)]
        floor, refreshes, firsts_seen, own = figures
        lines += [*(f.line() for f in figures),
                  f"the public look-up runs at {refreshes.rps / floor.rps:.0%} of the floor for refreshes "
                  f"({REFRESHING} candidates, from the gateway's memory) and at {firsts_seen.rps / floor.rps:.0%} for "
                  f"first looks (each a card read from exams); /me/results ({students} students) at "
                  f"{own.rps / floor.rps:.0%} (goal: 50%)"]
        officer = bearer(login(http, "exams.officer"))
        papers = load_marks_candidates(exams_url, marks)
        text = marks_file(papers)
        applied, seen = upload_marks(http, officer, text, marks)
    bare = insert_floor(exams_url, text)
    progress = ", ".join(str(n) for n in seen[1:-1:max(1, len(seen) // 5)]) or "the end"
    lines += [f"marks file: {marks:,} rows checked and applied in {applied:.1f} s = {marks / applied:,.0f} rows/s "
              f"(progress seen at {progress})",
              f"  floor: a bare insert of {marks:,} rows into the same database: {marks / bare:,.0f} rows/s; "
              f"the file runs at {bare / applied:.1%} of it (checking every row, grading, the relay's poll)"]
    return lines, figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", type=int, default=1_400_000)
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--pool", type=int, default=20_000)
    parser.add_argument("--marks", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    from tests.stack import running_stack
    with running_stack("bench", extra_env={"LOG_LEVEL": "WARNING", **CHEAP_ARGON2}) as stack:
        lines, _figures = run(stack, results=args.results, students=args.students, pool=args.pool,
                              marks=args.marks, seconds=args.seconds, concurrency=args.concurrency)
        print("\n".join(lines))


if __name__ == "__main__":
    main()
