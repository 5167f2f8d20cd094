"""How long cases stay at each stage, from a service's own history table: for the most
recent cases of a kind, the time from entering each stage to leaving it, as a median and a
90th percentile in days. A case still at a stage says nothing about it yet, so only stages
left are counted. The case timeline turns these into "usually within N days".

    spreads = durations.by_stage(session, status_history, case="request_id", stage="status",
                                 at="changed_at", cases=sa.select(service_requests.c.id).where(...))
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

RECENT = 200   # cases: recent enough to follow a change of pace, enough to be steady
DAY = 86400.0


@dataclass(frozen=True)
class Spread:
    median_days: float
    p90_days: float
    cases: int


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest rank: the smallest value at or above `fraction` of them."""
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def spreads(samples: dict[str, list[float]]) -> dict[str, Spread]:
    found = {}
    for stage, values in samples.items():
        values = sorted(values)
        found[stage] = Spread(round(percentile(values, 0.5), 2), round(percentile(values, 0.9), 2), len(values))
    return found


def by_stage(session: Session, history: sa.Table, *, case: str, stage: str, at: str,
             cases: sa.Select) -> dict[str, Spread]:
    """Median and 90th percentile days at each stage, over the cases `cases` selects (the
    caller orders and limits them: the most recent RECENT of a kind)."""
    chosen = cases.subquery()
    rows = session.execute(sa.select(history.c[case], history.c[stage], history.c[at])
                           .where(history.c[case].in_(sa.select(chosen.c[0])))
                           .order_by(history.c[case], history.c[at], history.c.id)).all()
    samples: dict[str, list[float]] = defaultdict(list)
    for previous, current in zip(rows, rows[1:], strict=False):
        if previous[0] == current[0] and previous[1] != current[1]:
            samples[previous[1]].append(max(0.0, (current[2] - previous[2]).total_seconds() / DAY))
    return spreads(samples)


def to_message(found: dict[str, Spread]):
    from cms.cases.v1 import cases_pb2 as pb
    return pb.StageDurations(stages=[pb.StageDuration(stage=s, median_days=v.median_days, p90_days=v.p90_days,
                                                      cases=v.cases) for s, v in sorted(found.items())])
