"""The audit hash chain on real PostgreSQL: appends verify, tampering with SQL is found,
and concurrent writers leave one valid chain."""
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from campus import audit, auth, testing
from campus.db import Database, new_metadata


@pytest.fixture
def db():
    name = testing.unique_name("cms_test_audit")
    metadata = new_metadata()
    database = Database("audit_test", testing.create_database(name), metadata, pool_size=12)
    metadata.create_all(database.engine)
    with database.engine.begin() as connection:  # what platform_v2 inserts
        connection.execute(sa.insert(metadata.tables["audit_chain_head"]).values(id=1, seq=0, hash=audit.GENESIS))
    try:
        yield database
    finally:
        database.dispose()
        testing.drop_database(name)


def append(db, n, entity="grade", **payload):
    with db.unit_of_work() as uow:
        digest = audit.append(uow.session, entity=entity, entity_id=n, action="changed",
                              payload={"marks": n, **payload})
        uow.commit()
    return digest


def sql(db, statement):
    with db.engine.begin() as connection:
        connection.exec_driver_sql(statement)


def test_appends_verify_and_link_to_each_other(db):
    hashes = [append(db, n) for n in range(1, 6)]
    verdict = audit.verify(db.engine)
    assert verdict.intact and verdict.checked == 5
    assert (verdict.head_seq, verdict.head_hash) == (5, hashes[-1])
    with db.sessions() as session:
        rows = session.execute(sa.select(db.metadata.tables["audit_chain"]).order_by(sa.text("seq"))).all()
    assert [r.prev_hash for r in rows] == [audit.GENESIS, *hashes[:-1]]
    assert rows[0].actor == audit.SYSTEM and rows[0].payload == '{"marks":1}'


def test_a_rolled_back_change_leaves_no_record(db):
    append(db, 1)
    with db.unit_of_work() as uow:
        audit.append(uow.session, entity="grade", entity_id=2, action="changed", payload={})
        uow.rollback()
    assert audit.verify(db.engine).checked == 1


def test_the_actor_is_the_verified_caller(db):
    users = testing.TestUsers()
    token = auth.set_caller(users.staff("exam.officer", "dept_x"))
    try:
        append(db, 1)
    finally:
        auth.reset_caller(token)
    with db.sessions() as session:
        assert audit.history(session, "grade", 1)[0].actor == "staff:exam.officer@dept_x via gateway"


@pytest.mark.parametrize("tamper, broken_at, words", [
    ("UPDATE audit_chain SET payload = '{\"marks\":99}' WHERE seq = 3", 3, "altered"),
    ("DELETE FROM audit_chain WHERE seq = 2", 2, "missing"),
    ("UPDATE audit_chain SET actor = 'someone else' WHERE seq = 1", 1, "altered"),
    ("DELETE FROM audit_chain WHERE seq = 5", 5, "removed from its end"),
    ("UPDATE audit_chain_head SET seq = 4", 5, "head"),
])
def test_tampering_is_found(db, tamper, broken_at, words):
    for n in range(1, 6):
        append(db, n)
    sql(db, tamper)
    verdict = audit.verify(db.engine)
    assert not verdict.intact
    assert verdict.broken_at == broken_at and words in verdict.reason


def test_a_record_inserted_with_a_forged_link_is_found(db):
    for n in range(1, 4):
        append(db, n)
    # Make room and insert a record whose own hash is right: the next record's link breaks.
    sql(db, "UPDATE audit_chain SET seq = seq + 100 WHERE seq >= 2")
    sql(db, "UPDATE audit_chain SET seq = seq - 99 WHERE seq >= 102")
    with db.engine.connect() as connection:
        first = connection.execute(sa.text("SELECT hash FROM audit_chain WHERE seq = 1")).scalar_one()
    fields = dict(seq=2, entity="grade", entity_id="9", action="changed", payload='{"marks":9}', actor="x",
                  request_id="", at="2026-01-01T00:00:00.000000+00:00")
    forged = audit.link_hash(first, **fields)
    with db.engine.begin() as connection:
        connection.execute(sa.insert(db.metadata.tables["audit_chain"]).values(**fields, prev_hash=first, hash=forged))
    verdict = audit.verify(db.engine)
    assert verdict.broken_at == 3 and "prev_hash" in verdict.reason


def test_concurrent_appends_leave_one_valid_chain(db):
    with ThreadPoolExecutor(10) as pool:
        hashes = list(pool.map(lambda n: append(db, n), range(200)))
    verdict = audit.verify(db.engine, batch=37)  # several pages
    assert verdict.intact and verdict.checked == 200 and len(set(hashes)) == 200
