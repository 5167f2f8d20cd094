"""Degree tracking: the public look-up by roll number and a student's case timeline, each
next to a floor measured in the same run.

    python -m tests.perf.bench_tracking             # 100,000 students' applications, 10 s, 8 clients
    python -m tests.perf.bench_tracking --students 100000 --seconds 3 --concurrency 4

Starts the whole stack on PostgreSQL (as the e2e suite does) and writes `--students`
roll numbers, each with one or two applications and their stage history, into tracking's
database (not timed); files and pays one urgent degree fee for the demo student, through
the gateway and the bank, and waits for its application (not timed). Then for `--seconds`
each: the floor, /healthz (a bare Flask endpoint of the same gateway); the public look-up
GET /api/v1/public/degree-tracking?roll_number=<one of them> (gateway, gRPC, PostgreSQL);
and her case GET /api/v1/me/cases/<request> (two rounds of calls across requests,
tracking and finance, with the pace of recent cases). `--concurrency` keep-alive clients.
Prints requests per second, p50 and p99, and each one's ratio to the floor."""
from __future__ import annotations

import argparse
import datetime as dt
import random
import time

import httpx
import sqlalchemy as sa

from campus import clock, money
from services import demo
from services.tracking import domain
from tests.perf.bench_dashboard import drive
from tests.stack import bearer, login

STAGES = ("received", "verification", "printing", "ready", "dispatched", "delivered")
BATCH = 20_000


def roll_of(i: int) -> str:
    return f"ZB{i:06d}"


def write_applications(database_url: str, students: int, seed: int = 5) -> None:
    """`students` roll numbers, each with one application (a third with two), at a random
    stage with its history, filed over the last year."""
    from services.tracking.models import applications, roll_numbers, stage_history
    rng = random.Random(seed)
    now = clock.utcnow()
    engine = sa.create_engine(database_url)
    with engine.begin() as connection:
        next_id = (connection.scalar(sa.select(sa.func.max(applications.c.id))) or 0) + 1
        for start in range(0, students, BATCH):
            rolls, apps, history = [], [], []
            for i in range(start, min(start + BATCH, students)):
                regno = f"{90 + i % 9}B-{i:06d}"
                rolls.append({"roll_number": roll_of(i), "registration_number": regno})
                for _ in range(2 if i % 3 == 0 else 1):
                    reached = rng.randint(0, len(STAGES) - 1)
                    filed = now - dt.timedelta(days=rng.randint(20, 365))
                    stage = STAGES[reached]
                    apps.append({"id": next_id, "tracking_id": domain.new_tracking_id(rng.choice),
                                 "registration_number": regno, "kind": rng.choice(("degree", "transcript")),
                                 "section": domain.section_of(stage), "stage": stage, "urgent": rng.random() < 0.2,
                                 "request_number": f"SR-BENCH-{next_id:08d}", "filed_at": filed,
                                 "updated_at": filed + dt.timedelta(days=3 * reached)})
                    history += [{"application_id": next_id, "section": domain.section_of(s), "stage": s,
                                 "changed_at": filed + dt.timedelta(days=3 * n), "note": "", "changed_by": "bench"}
                                for n, s in enumerate(STAGES[:reached + 1])]
                    next_id += 1
            connection.execute(sa.insert(roll_numbers), rolls)
            connection.execute(sa.insert(applications), apps)
            connection.execute(sa.insert(stage_history), history)
        # The rows above named their ids: the sequence must step past them for the service's own.
        connection.execute(sa.text("SELECT setval(pg_get_serial_sequence('applications', 'id'), "
                                   "(SELECT max(id) FROM applications))"))
        for table in ("roll_numbers", "applications", "stage_history"):
            connection.execute(sa.text(f"ANALYZE {table}"))
    engine.dispose()


def paid_degree_request(base_url: str) -> tuple[str, dict]:
    """The demo student's urgent degree fee, filed and paid; (request number, her headers)."""
    with httpx.Client(base_url=base_url, timeout=15) as http:
        student = bearer(login(http, demo.STUDENT["registration_number"]))
        filed = http.post("/api/v1/me/requests", headers=student, json={
            "category": "other_fee_challan", "subtype": "degree_fee_urgent", "details": "Benchmark"}).json()
        challan = filed["challan"]
        now = dt.datetime.now(dt.timezone(dt.timedelta(hours=5)))
        paid = http.post("/api/v1/bank/bill-payment", auth=("ABL", demo.PASSWORD), json={
            "consumer_number": challan["consumer_number"], "bank_mnemonic": "ABL", "tran_auth_id": "B00001",
            "transaction_amount": money.to_one_link(challan["amount"]), "tran_date": now.strftime("%Y%m%d"),
            "tran_time": now.strftime("%H%M%S")}).json()
        assert paid["response_Code"] == "00", paid
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            case = http.get(f"/api/v1/me/cases/{filed['request_number']}", headers=student).json()
            if case.get("tracking_id"):
                return filed["request_number"], student
            time.sleep(0.5)
    raise RuntimeError("the paid degree fee opened no application within a minute")


def run(stack, *, students: int, seconds: float, concurrency: int) -> tuple[list[str], list]:
    write_applications(stack.env["TRACKING_DATABASE_URL"], students)
    base_url = stack.gateway_url()
    number, student = paid_degree_request(base_url)
    rng = random.Random(13)

    def look_up():
        return f"/api/v1/public/degree-tracking?roll_number={roll_of(rng.randrange(students))}", {}

    floor = drive(base_url, "/healthz", {}, seconds=seconds, concurrency=concurrency, name="floor /healthz")
    public = drive(base_url, "", {}, seconds=seconds, concurrency=concurrency, name="look-up by roll number",
                   choose=look_up)
    case = drive(base_url, f"/api/v1/me/cases/{number}", student, seconds=seconds, concurrency=concurrency,
                 name="her case timeline")
    lines = [f"Degree tracking with {students:,} students' applications, {concurrency} clients, {seconds:g} s each:",
             floor.line(), public.line(), case.line()]
    for figures in (public, case):
        lines.append(f"{figures.name} / floor: {figures.rps / floor.rps:.2f} of the requests per second, "
                     f"p99 {figures.percentile(99) / floor.percentile(99):.1f} times the floor's")
    return lines, [floor, public, case]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=100_000)
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
