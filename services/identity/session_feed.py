"""The feed of ended sessions (campus.sessions): what identity answers, and the fetch every
process polls it with (identity's own processes read the database instead of calling
themselves)."""
from __future__ import annotations

import datetime as dt

from campus import clock
from campus.sessions import EndedPage
from services.identity import store

PAGE = 5000
#: Sessions ended this recently are listed again in every answer: a transaction that took
#: its sequence number before another's but committed after it is still seen.
OVERLAP = dt.timedelta(seconds=5)
#: Beyond the access tokens' life: the verifiers' clock leeway, and a margin.
LEEWAY_SECONDS = 60
ASK_TIMEOUT_SECONDS = 1.0


def keep_seconds(config) -> int:
    return config.access_token_ttl_seconds + LEEWAY_SECONDS


def page(db, config, after: int) -> EndedPage:
    keep = keep_seconds(config)
    with db.sessions() as session:
        ids, cursor, more = store.ended_since(session, max(0, after), clock.utcnow(),
                                              keep=dt.timedelta(seconds=keep), overlap=OVERLAP, limit=PAGE)
    return EndedPage(ids, cursor, more, keep)


def sweep(runtime) -> bool:
    """Forget ended sessions whose tokens have all expired (a loop of the relay process)."""
    before = clock.utcnow() - dt.timedelta(seconds=keep_seconds(runtime.config)) - OVERLAP
    with runtime.db.unit_of_work() as uow:
        store.forget_ended_sessions(uow.session, before)
        uow.commit()
    return False


def source(clients, own_runtime=None):
    """fetch(after) -> EndedPage for campus.sessions.SessionFeed."""
    if own_runtime is not None:
        return lambda after: page(own_runtime.db, own_runtime.config, after)

    from campus import auth
    from cms.identity.v1 import identity_pb2
    service = auth.Caller(kind=auth.SERVICE, subject=clients.tokens.service)

    def fetch(after: int) -> EndedPage:
        answer = clients.call("identity", "EndedSessions", identity_pb2.EndedSessionsRequest(after=after),
                              timeout=ASK_TIMEOUT_SECONDS, caller=service)
        return EndedPage(list(answer.session_ids), answer.cursor, answer.more, answer.keep_seconds)

    return fetch
