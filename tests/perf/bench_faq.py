"""FAQ search: p99 over 1,000 articles, next to a floor measured in the same run.

    python -m tests.perf.bench_faq                  # 1,000 articles, 10 s, 8 clients
    python -m tests.perf.bench_faq --articles 1000 --seconds 3 --concurrency 4

Starts the whole stack on PostgreSQL (as the e2e suite does), writes `--articles` articles
of a few hundred words each into the requests database (not timed), then for `--seconds`
each: the floor, /healthz (a bare Flask endpoint of the same gateway), and the public
search GET /api/v1/public/faq?q=<two or three words> with words drawn from the articles'
vocabulary (PostgreSQL full-text search through the gateway and gRPC), `--concurrency`
keep-alive clients. Prints requests per second, p50 and p99, and the ratio to the floor."""
from __future__ import annotations

import argparse
import random
from urllib.parse import quote

import sqlalchemy as sa

from campus import clock
from tests.perf.bench_dashboard import drive

VOCABULARY = ("admission semester challan fee bank degree transcript urgent courier tutor assignment workshop "
              "result grade roll number slip exam centre password login account email mobile refund aid "
              "scholarship books parcel dispatch registration course programme verification correction "
              "certificate duplicate regional office helpline portal dashboard request attachment thread").split()


def write_articles(database_url: str, count: int, seed: int = 7) -> None:
    """`count` articles of 150 to 400 words (the demo's own stay)."""
    from services.requests.models import faq_articles
    rng = random.Random(seed)
    now = clock.utcnow()
    rows = [{"category": rng.choice(("portal", "login", "requests", "fees", "exams", "registration", "books",
                                     "degrees")),
             "title_en": " ".join(rng.choices(VOCABULARY, k=6)).capitalize(),
             "body_en": " ".join(rng.choices(VOCABULARY, k=rng.randint(150, 400))) + ".",
             "title_ur": "", "body_ur": "", "published": True, "updated_at": now, "updated_by": "bench"}
            for _ in range(count)]
    engine = sa.create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(sa.insert(faq_articles), rows)
        connection.execute(sa.text("ANALYZE faq_articles"))
    engine.dispose()


def run(stack, *, articles: int, seconds: float, concurrency: int) -> tuple[list[str], list]:
    write_articles(stack.env["REQUESTS_DATABASE_URL"], articles)
    base_url = stack.gateway_url()
    rng = random.Random(11)

    def search():
        words = " ".join(rng.sample(VOCABULARY, rng.randint(2, 3)))
        return f"/api/v1/public/faq?q={quote(words)}", {}

    floor = drive(base_url, "/healthz", {}, seconds=seconds, concurrency=concurrency, name="floor /healthz")
    searched = drive(base_url, "", {}, seconds=seconds, concurrency=concurrency, name="FAQ search",
                     choose=search)
    lines = [f"FAQ search over {articles:,} articles, {concurrency} clients, {seconds:g} s each:",
             floor.line(), searched.line(),
             f"search / floor: {searched.rps / floor.rps:.2f} of the requests per second, "
             f"p99 {searched.percentile(99) / floor.percentile(99):.1f} times the floor's"]
    return lines, [floor, searched]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=8)
    arguments = parser.parse_args()
    from tests.stack import running_stack
    with running_stack("bench", extra_env={"LOG_LEVEL": "WARNING"}) as stack:
        lines, _figures = run(stack, articles=arguments.articles, seconds=arguments.seconds,
                              concurrency=arguments.concurrency)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
