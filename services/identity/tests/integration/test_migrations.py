"""Identity's hand-written migrations on PostgreSQL: they build exactly the tables of
models.py, and 0002 gives students still on the legacy password a deadline."""
import datetime as dt

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from campus import clock, migrations, testing
from services.identity.models import accounts, metadata


@pytest.fixture
def empty_db():
    with testing.empty_database("identity", metadata) as db:
        yield db


def test_the_migrations_build_the_models_tables(empty_db):
    migrations.upgrade(empty_db)
    with empty_db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), metadata) == []
    assert migrations.is_current(empty_db)


def test_students_on_the_legacy_password_get_a_deadline_from_the_upgrade(empty_db):
    migrations.upgrade(empty_db, "0001")
    now = clock.utcnow()
    code_deadline = now + dt.timedelta(days=3)
    rows = [  # username, kind, status, status_before_lock, password_hash, activation_expires_at
        ("26L-000001", "student", "password_change_required", None, "$argon2id$legacy", None),
        ("26L-000002", "student", "locked", "password_change_required", "$argon2id$legacy", None),
        ("26L-000003", "student", "active", None, "$argon2id$own", None),
        ("26L-000004", "student", "locked", "active", "$argon2id$own", None),
        ("26L-000005", "student", "activation_pending", None, None, code_deadline),
        ("ABL", "bank", "active", None, "$argon2id$secret", None),
    ]
    with empty_db.engine.begin() as connection:
        connection.execute(sa.insert(accounts), [
            {"username": u, "kind": k, "status": s, "status_before_lock": b, "password_hash": h,
             "activation_expires_at": e, "full_name": "Test", "created_at": now - dt.timedelta(days=400)}
            for u, k, s, b, h, e in rows])
    migrations.upgrade(empty_db)
    with empty_db.engine.connect() as connection:
        deadlines = dict(connection.execute(sa.select(accounts.c.username, accounts.c.activation_expires_at)).all())
    for username in ("26L-000001", "26L-000002"):
        assert now + dt.timedelta(days=30) <= deadlines[username] <= clock.utcnow() + dt.timedelta(days=30)
    assert deadlines["26L-000005"] == code_deadline
    assert [deadlines[u] for u in ("26L-000003", "26L-000004", "ABL")] == [None, None, None]
