"""Database engine, sessions and the unit of work.

Each service owns one database. A unit of work is one transaction: it rolls back unless
told to commit, and the events it records go into the same transaction's outbox.
"""
from __future__ import annotations

import datetime as dt
import json
import pathlib
import uuid
from typing import Any

import sqlalchemy as sa
from google.protobuf.message import Message
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from campus import clock
from campus.events import envelope_for

#: Constraint names Alembic can diff and drop on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_metadata() -> sa.MetaData:
    """A service's metadata, with the platform's own tables already in it."""
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    sa.Table(
        "outbox", metadata,
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(36), nullable=False, unique=True),
        sa.Column("event_type", sa.String(80), nullable=False),
        sa.Column("envelope", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True)),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.String(500)),
        # The relay reads only what is unpublished; keep that scan small.
        sa.Index("ix_outbox_unpublished", "id", postgresql_where=sa.text("published_at IS NULL"),
                 sqlite_where=sa.text("published_at IS NULL")),
    )
    sa.Table(
        "processed_events", metadata,
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("handler", sa.String(120), primary_key=True),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
    )
    # The tamper-evident log of changes the service audits (campus.audit): each row's hash
    # covers the previous row's hash, and the one-row head is the lock appenders queue on.
    sa.Table(
        "audit_chain", metadata,
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=False),
        sa.Column("entity", sa.String(60), nullable=False),
        sa.Column("entity_id", sa.String(120), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),            # canonical JSON
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("request_id", sa.String(64), nullable=False, server_default=""),
        sa.Column("at", sa.String(32), nullable=False),           # RFC 3339 UTC, exactly as hashed
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
        sa.Index("ix_audit_chain_entity", "entity", "entity_id"),
    )
    sa.Table(
        "audit_chain_head", metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    # Staff reads of a student's records (campus.access_log), for the student to see later.
    sa.Table(
        "record_access", metadata,
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("student", sa.String(40), nullable=False),      # the record's owner
        sa.Column("staff", sa.String(120), nullable=False),       # the staff login
        sa.Column("department", sa.String(40), nullable=False),
        sa.Column("via", sa.String(40), nullable=False),          # the calling service
        sa.Column("method", sa.String(200), nullable=False),      # the RPC's full path
        sa.Column("request_id", sa.String(64), nullable=False),
        sa.Index("ix_record_access_student", "student", "at"),
    )
    return metadata


def _sqlite_setup(engine: sa.Engine) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # let the "begin" hook below open transactions
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # The gRPC server, relay and consumer share one SQLite file. A unit of work takes
        # the write lock up front (a deferred transaction that reads then writes can fail
        # at once with SQLITE_BUSY), which serialises writers and makes SELECT-then-UPDATE
        # safe; reads stay deferred so they never queue behind writers.
        writes = conn.get_execution_options().get("campus_writes", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def create_engine(url: str, *, pool_size: int = 10) -> sa.Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                                  hide_parameters=True)
        _sqlite_setup(engine)
        return engine
    # hide_parameters: errors are logged, and bound values can be hashes, names or mail.
    return sa.create_engine(url, pool_pre_ping=True, pool_size=pool_size, max_overflow=pool_size,
                            hide_parameters=True)


class Database:
    """One service's database: its name (the event source), engine and metadata."""

    def __init__(self, name: str, url: str, metadata: sa.MetaData, *, pool_size: int = 10):
        self.name = name
        self.url = url
        self.metadata = metadata
        self.engine = create_engine(url, pool_size=pool_size)
        #: For reading. Changes go through `unit_of_work()`.
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.write_sessions = sessionmaker(self.engine.execution_options(campus_writes=True),
                                           expire_on_commit=False)
        self.outbox = metadata.tables["outbox"]
        self.processed_events = metadata.tables["processed_events"]

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self)

    def stalled(self, table: sa.Table, status: str, older_than: dt.timedelta, limit: int = 100) -> list[sa.Row]:
        """Rows of `table` left in `status` longer than `older_than` (by their `updated_at`):
        work a process died in the middle of, for a sweep to finish."""
        with self.sessions() as session:
            return session.execute(sa.select(table).where(
                table.c.status == status, table.c.updated_at < clock.utcnow() - older_than).limit(limit)).all()

    def lease(self, query: sa.Select, table: sa.Table, lease: dt.timedelta) -> list[sa.Row]:
        """Claim the rows `query` selects from `table` (an outbox of mails, messages, webhooks:
        rows with an `id` and a `next_attempt_at`) for `lease`: their next attempt moves past it,
        so a sender that dies leaves them to be tried again, and replicas on PostgreSQL skip each
        other's (SKIP LOCKED). A short transaction: the slow sending happens outside it."""
        with self.unit_of_work() as uow:
            if self.is_postgres:
                query = query.with_for_update(of=table, skip_locked=True)
            rows = uow.session.execute(query).all()
            if rows:
                uow.session.execute(sa.update(table).where(table.c.id.in_([r.id for r in rows]))
                                    .values(next_attempt_at=clock.utcnow() + lease))
            uow.commit()
        return rows

    def release(self, table: sa.Table, ids: list) -> None:
        """Give leased rows back at once (a pass that ran out of time before sending them)."""
        with self.unit_of_work() as uow:
            uow.session.execute(sa.update(table).where(table.c.id.in_(ids)).values(next_attempt_at=clock.utcnow()))
            uow.commit()

    def dispose(self) -> None:
        self.engine.dispose()


class UnitOfWork:
    """A transaction that rolls back unless `commit()` is called.

        with db.unit_of_work() as uow:
            ...change things through uow.session...
            uow.record(ChallanPaid(...))   # lands in the outbox, same transaction
            uow.commit()
    """

    def __init__(self, db: Database):
        self.db = db
        self.session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        self.session = self.db.write_sessions()
        return self

    def __exit__(self, *exc_info) -> None:
        self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()

    def record(self, message: Message, *, event_type: str | None = None) -> dict[str, Any]:
        """Write the event into this transaction's outbox; the relay publishes it after commit."""
        envelope = envelope_for(self.db.name, message, event_type=event_type)
        self.session.execute(sa.insert(self.db.outbox).values(
            event_id=envelope["event_id"], event_type=envelope["event_type"],
            envelope=json.dumps(envelope, separators=(",", ":")), created_at=clock.utcnow()))
        return envelope

    def record_many(self, messages: list[Message]) -> None:
        """Write many events into this transaction's outbox in one statement (a bulk file)."""
        if not messages:
            return
        now = clock.utcnow()
        rows = []
        for message in messages:
            envelope = envelope_for(self.db.name, message)
            rows.append({"event_id": envelope["event_id"], "event_type": envelope["event_type"],
                         "envelope": json.dumps(envelope, separators=(",", ":")), "created_at": now})
        self.session.execute(sa.insert(self.db.outbox), rows)

    def claim_event(self, event_id: str, handler: str) -> bool:
        """Record that `handler` handled `event_id`; False when it already did.

        The row is written in the same transaction as the handler's effect, so the
        effect and the record commit together or not at all.
        """
        try:
            with self.session.begin_nested():
                self.session.execute(sa.insert(self.db.processed_events).values(
                    event_id=event_id, handler=handler, processed_at=clock.utcnow()))
        except sa.exc.IntegrityError:
            return False
        return True


def new_id() -> str:
    return str(uuid.uuid4())
