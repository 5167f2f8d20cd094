"""An announcement to 1.4 million students: how long until the last inbox has it, and the
inbox's speed at that scale, next to a floor measured in the same run.

    python -m tests.perf.bench_announcements                    # 1,400,000 students, 10 s, 8 clients
    python -m tests.perf.bench_announcements --students 200000 --seconds 3 --concurrency 4

Starts the whole stack on PostgreSQL (as the e2e suite does) and writes `--students`
students into notifications' roster (programs, regional centres, semesters; not timed).
Student services then announce to every student through the gateway (POST
/api/v1/staff/announcements): the figures are the publication's latency, the time until the
*last* student of the roster (and each demo student, through the gateway) reads it in her
inbox, and so how many students a second it reached. An announcement is one row that every
inbox reads (not a copy per student), so it reaches the whole roster at its commit; the
cost moves to reading, measured next: GET /api/v1/me/notifications for the demo students,
`--concurrency` keep-alive clients for `--seconds`, beside the floor /healthz."""
from __future__ import annotations

import argparse
import time

import sqlalchemy as sa

from campus import clock
from tests.perf.bench_dashboard import drive

CENTRES = ("ISB", "LHR", "KHI", "PSH", "QTA", "MUL", "FSD", "HYD", "SKT", "GRW")
PROGRAMS = ("BED15", "ADE", "BA", "BSCS", "MBA", "MED", "BS", "MA")
SEMESTERS = ("Autumn 2025", "Spring 2026", "Autumn 2026")


def write_roster(database_url: str, count: int) -> float:
    """`count` students (registration numbers 90X-000000 ... ); returns the seconds it took."""
    started = time.perf_counter()
    engine = sa.create_engine(database_url)
    centres = "ARRAY[" + ",".join(f"'{c}'" for c in CENTRES) + "]"
    programs = "ARRAY[" + ",".join(f"'{p}'" for p in PROGRAMS) + "]"
    semesters = "ARRAY[" + ",".join(f"'{s}'" for s in SEMESTERS) + "]"
    with engine.begin() as connection:
        connection.execute(sa.text(
            f"INSERT INTO students (registration_number, full_name, email, mobile, program_code, regional_centre, "
            f"semester, updated_at) SELECT '9' || lpad((n / 1000000)::text, 1, '0') || 'X-' || "
            f"lpad((n % 1000000)::text, 6, '0'), 'Student ' || n, 's' || n || '@example.pk', "
            f"'0300' || lpad(n::text, 7, '0'), ({programs})[1 + n % {len(PROGRAMS)}], "
            f"({centres})[1 + n % {len(CENTRES)}], ({semesters})[1 + n % {len(SEMESTERS)}], now() "
            f"FROM generate_series(0, :last) AS n"), {"last": count - 1})
        connection.execute(sa.text("ANALYZE students"))
    engine.dispose()
    return time.perf_counter() - started


def last_student(count: int) -> str:
    n = count - 1
    return f"9{n // 1000000}X-{n % 1000000:06d}"


def run(stack, *, students: int, seconds: float, concurrency: int) -> tuple[list[str], list]:
    from services import demo
    from services.notifications import service
    from services.notifications.bootstrap import SERVICE
    from tests.stack import bearer, client, login
    url = stack.env["NOTIFICATIONS_DATABASE_URL"]
    wrote = write_roster(url, students)
    db = SERVICE.database(SERVICE.config(database_url=url, environment="test"))
    readers = [s["registration_number"] for s in (demo.STUDENT, demo.CLASSMATE, *demo.REGISTRANTS)]
    with client(stack) as http:
        services = bearer(login(http, "student.services"))
        tokens = [bearer(login(http, regno)) for regno in readers]
        title = f"Result day {clock.utcnow():%H%M%S}"
        started = time.perf_counter()
        posted = http.post("/api/v1/staff/announcements", headers=services, json={
            "audience": "all", "title_en": title, "body_en": "Results of Autumn 2026 are published at noon."})
        published = time.perf_counter() - started
        assert posted.status_code == 201, posted.text
        reached = posted.json()["audience_size"]
        last = last_student(students)
        while not any(i.text["title_en"] == title for i in service.inbox_of(db, last, limit=5)[0]):
            time.sleep(0.001)
        last_has_it = time.perf_counter() - started
        for who in tokens:
            while title not in http.get("/api/v1/me/notifications", headers=who, params={"limit": 5}).text:
                time.sleep(0.001)
        demo_have_it = time.perf_counter() - started
    db.dispose()
    base_url = stack.gateway_url()
    turn = iter(range(10**12))

    def read_inbox():
        return "/api/v1/me/notifications", tokens[next(turn) % len(tokens)]

    floor = drive(base_url, "/healthz", {}, seconds=seconds, concurrency=concurrency, name="floor /healthz")
    inbox = drive(base_url, "", {}, seconds=seconds, concurrency=concurrency, name="inbox (GET)", choose=read_inbox)
    lines = [f"An announcement to {reached:,} students (roster written in {wrote:.1f} s, not timed):",
             f"published in {published * 1000:.1f} ms; the last student of the roster has it after "
             f"{last_has_it * 1000:.1f} ms, every demo student through the gateway after {demo_have_it * 1000:.1f} ms",
             f"reached {reached / last_has_it:,.0f} students a second (one row that every inbox reads)",
             f"inboxes read with {reached:,} students on the roster, {concurrency} clients, {seconds:g} s each:",
             floor.line(), inbox.line(),
             f"inbox / floor: {inbox.rps / floor.rps:.2f} of the requests per second, "
             f"p99 {inbox.percentile(99) / floor.percentile(99):.1f} times the floor's"]
    return lines, [floor, inbox]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=1_400_000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=8)
    arguments = parser.parse_args()
    from tests.stack import running_stack
    with running_stack("bench", extra_env={"LOG_LEVEL": "WARNING"}) as stack:
        lines, _figures = run(stack, students=arguments.students, seconds=arguments.seconds,
                              concurrency=arguments.concurrency)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
