"""The tamper-evident audit log: a hash chain per service database.

A service appends a record for every change it audits, in the same transaction as the
change itself (so a change and its record commit together or not at all):

    with db.unit_of_work() as uow:
        ...change things...
        audit.append(uow.session, entity="invoice", entity_id="42", action="paid",
                     payload={"amount_paisa": 1200})
        uow.commit()

Each record carries a sequence number, what changed (entity, id, action, the new values
as canonical JSON), who changed it (the verified caller of the RPC, or "system" for the
seed and event consumers), the request ID, when, the previous record's hash, and its
own hash = sha256(prev_hash || canonical record). Altering, deleting or inserting a row
breaks a link the verifier finds:

    python -m campus.audit verify <service>     # exit 0: intact; 1: the first broken link

Appenders are serialised on the one-row `audit_chain_head` (locked FOR UPDATE on
PostgreSQL; SQLite's units of work already hold the database's write lock), so
concurrent writers queue for a moment at the end of their transactions instead of
forking the chain. Append last, just before commit, to hold that lock briefly.

A chain proves that nobody edited it without also rewriting every later record and the
head. To catch a wholesale rewrite too, keep the head the verifier prints somewhere the
database's users cannot write (a ticket, a signed mail) and compare later with --expect.
"""
from __future__ import annotations

import argparse
import datetime as dt
import decimal
import hashlib
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from campus import auth, clock

GENESIS = "0" * 64   # the prev_hash of the first record
HEAD_ID = 1
SYSTEM = "system"    # the actor when no caller is in context (seed, event consumers)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return clock.as_utc(value).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} has no canonical JSON form")


def canonical(value: Any) -> str:
    """One JSON text per value: sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_plain)


def link_hash(prev_hash: str, *, seq: int, entity: str, entity_id: str, action: str, payload: str, actor: str,
              request_id: str, at: str) -> str:
    record = canonical({"seq": seq, "entity": entity, "entity_id": entity_id, "action": action,
                        "payload": payload, "actor": actor, "request_id": request_id, "at": at})
    return hashlib.sha256((prev_hash + record).encode("utf-8")).hexdigest()


def actor_of(caller: auth.Caller | None) -> str:
    """Who did it: "staff:<login>@<department>", "student:<regno>", "bank:<mnemonic>" or
    "service:<name>", with " via <service>" when another service made the call."""
    if caller is None:
        return SYSTEM
    who = f"{caller.kind}:{caller.subject}" + (f"@{caller.department}" if caller.department else "")
    if caller.service and caller.service != caller.subject:
        who += f" via {caller.service}"
    return who[:200]


def current_actor() -> str:
    """Who is doing what this call does: its verified caller, or "system" outside a call."""
    try:
        return actor_of(auth.current_caller())
    except auth.Unauthenticated:
        return SYSTEM


def _chain_table(metadata: sa.MetaData) -> sa.Table:
    return sa.Table("audit_chain", metadata, sa.Column("seq", sa.BigInteger, primary_key=True),
                    *(sa.Column(name, sa.String) for name in (
                        "entity", "entity_id", "action", "payload", "actor", "request_id", "at", "prev_hash", "hash")))


def _head_table(metadata: sa.MetaData) -> sa.Table:
    return sa.Table("audit_chain_head", metadata, sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("seq", sa.BigInteger), sa.Column("hash", sa.String))


# Table clauses of our own: campus.db.new_metadata defines the real tables, platform_v2 creates them.
_META = sa.MetaData()
_CHAIN, _HEAD = _chain_table(_META), _head_table(_META)


def append(session: Session, *, entity: str, entity_id: Any, action: str, payload: Mapping[str, Any],
           actor: str | None = None) -> str:
    """Append one record to the chain in `session`'s transaction; returns its hash."""
    if actor is None:
        actor = current_actor()
    request_id = auth.request_id.get()
    request_id = "" if request_id == "-" else request_id[:64]
    head = session.execute(sa.select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == HEAD_ID)
                           .with_for_update()).first()
    if head is None:
        raise RuntimeError("the audit chain has no head row: is the database migrated (platform_v2)?")
    record = dict(seq=int(head.seq) + 1, entity=entity, entity_id=str(entity_id), action=action,
                  payload=canonical(dict(payload)), actor=actor, request_id=request_id,
                  at=clock.utcnow().isoformat(timespec="microseconds"))
    digest = link_hash(head.hash, **record)
    session.execute(sa.insert(_CHAIN).values(**record, prev_hash=head.hash, hash=digest))
    session.execute(sa.update(_HEAD).where(_HEAD.c.id == HEAD_ID).values(seq=record["seq"], hash=digest))
    return digest


def history(session: Session, entity: str, entity_id: Any) -> list[sa.Row]:
    """The records of one entity, oldest first."""
    return list(session.execute(sa.select(_CHAIN).where(_CHAIN.c.entity == entity,
                                                        _CHAIN.c.entity_id == str(entity_id))
                                .order_by(_CHAIN.c.seq)))


# -- verifying -------------------------------------------------------------------------
@dataclass(frozen=True)
class Verdict:
    checked: int           # records whose links held
    head_seq: int
    head_hash: str
    broken_at: int | None = None   # the sequence number of the first broken link
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def _rows(connection: sa.Connection, batch: int) -> Iterator[sa.Row]:
    last = 0
    while True:  # keyset pages: constant memory on a long chain, on every backend
        rows = connection.execute(sa.select(_CHAIN).where(_CHAIN.c.seq > last).order_by(_CHAIN.c.seq)
                                  .limit(batch)).all()
        yield from rows
        if len(rows) < batch:
            return
        last = rows[-1].seq


def verify(engine: sa.Engine, *, batch: int = 5000) -> Verdict:
    """Walk the chain from the first record; stop at the first link that does not hold."""
    with engine.connect() as connection:
        head = connection.execute(sa.select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == HEAD_ID)).first()
        if head is None:
            return Verdict(0, 0, "", broken_at=0, reason="the chain head row is missing")
        expected_seq, running = 1, GENESIS
        checked = 0
        for row in _rows(connection, batch):
            if row.seq != expected_seq:
                reason = (f"record {expected_seq} is missing (next is {row.seq})" if row.seq > expected_seq
                          else f"record {row.seq} is out of order")
                return Verdict(checked, head.seq, head.hash, broken_at=expected_seq, reason=reason)
            if row.prev_hash != running:
                return Verdict(checked, head.seq, head.hash, broken_at=row.seq,
                               reason="its prev_hash is not the previous record's hash "
                                      "(a record before it was removed, replaced or inserted)")
            digest = link_hash(running, seq=row.seq, entity=row.entity, entity_id=row.entity_id, action=row.action,
                               payload=row.payload, actor=row.actor, request_id=row.request_id, at=row.at)
            if digest != row.hash:
                return Verdict(checked, head.seq, head.hash, broken_at=row.seq,
                               reason="its contents do not match its hash (the record was altered)")
            running, checked, expected_seq = digest, checked + 1, expected_seq + 1
        if (head.seq, head.hash) != (checked, running):
            return Verdict(checked, head.seq, head.hash, broken_at=min(head.seq, checked) + 1,
                           reason=f"the head says record {head.seq} ({head.hash[:12]}...), the chain ends at "
                                  f"record {checked} ({running[:12]}...): records were removed from its end "
                                  "or the head was changed")
        return Verdict(checked, head.seq, head.hash)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m campus.audit",
                                     description="Check a service's audit hash chain.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("verify", help="walk the chain and report the first broken link")
    check.add_argument("service", help="the service whose database to check (its configured database URL)")
    check.add_argument("--expect", metavar="HASH",
                       help="a head hash printed earlier: fail unless it is still in the chain at its place")
    args = parser.parse_args(argv)

    from campus import config as config_mod
    from campus import registry
    from campus.db import create_engine
    try:
        definition = registry.definition(args.service)
    except LookupError as error:
        parser.error(str(error))
    config = config_mod.load(definition.config)
    engine = create_engine(config.database_url, pool_size=1)
    try:
        verdict = verify(engine)
        anchored = _anchored(engine, args.expect) if args.expect and verdict.intact else True
    finally:
        engine.dispose()
    if not verdict.intact:
        print(f"{args.service}: audit chain BROKEN at record {verdict.broken_at}: {verdict.reason}; "
              f"{verdict.checked} record(s) checked before it")
        return 1
    if not anchored:
        print(f"{args.service}: audit chain rewritten: the expected head {args.expect} is not in it; "
              f"{verdict.checked} record(s) checked")
        return 1
    print(f"{args.service}: audit chain intact, {verdict.checked} record(s) checked; "
          f"head {verdict.head_seq} {verdict.head_hash}")
    return 0


def _anchored(engine: sa.Engine, expected_hash: str) -> bool:
    with engine.connect() as connection:
        return connection.scalar(sa.select(sa.func.count()).select_from(_CHAIN)
                                 .where(_CHAIN.c.hash == expected_hash.strip().lower())) == 1


if __name__ == "__main__":
    sys.exit(main())
