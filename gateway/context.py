"""The gateway's per-process state: clients to the services and the caches in front of them.

Built once per worker process (after gunicorn's fork, as grpcio requires), reached from
views through `current()`."""
from __future__ import annotations

import hashlib
import logging
import time
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from flask import current_app

from campus import auth
from campus.cache import TtlCache
from campus.errors import DeadlineExceeded, DomainError, Unavailable
from campus.grpc_client import ServiceClients
from campus.runtime import public_keys, service_tokens
from campus.service_keys import ServiceKeyDirectory, ServiceKeyError
from campus.sessions import SessionCheckUnavailable, SessionFeed, feed_for
from cms.identity.v1 import identity_pb2
from gateway.config import GatewayConfig

log = logging.getLogger(__name__)


@dataclass
class Gateway:
    config: GatewayConfig
    clients: ServiceClients
    verifier: auth.AccessTokenVerifier
    #: The sessions identity has ended, polled a few times a second (campus.sessions);
    #: a Gateway built by hand (tests) has one nobody feeds, so it always asks identity.
    feed: SessionFeed = field(default_factory=SessionFeed)
    sessions: TtlCache = field(default_factory=TtlCache)
    bank_tokens: TtlCache = field(default_factory=TtlCache)
    catalogue: TtlCache = field(default_factory=lambda: TtlCache(16))
    results: TtlCache = field(default_factory=TtlCache)
    #: Published cards by roll number (the public result look-up), and the roll numbers
    #: with none yet (refreshed by thousands before results are out), for a few seconds.
    public_results: TtlCache = field(default_factory=lambda: TtlCache(200_000))
    readiness: TtlCache = field(default_factory=lambda: TtlCache(1))
    #: Blocking calls on long-lived threads, for the dashboard's tiles and readiness:
    #: grpcio's `.future()` starts a thread per call, which cost more CPU than the calls.
    #: Sized so every request thread can have every tile in flight at once.
    askers: ThreadPoolExecutor = None

    def __post_init__(self):
        if self.askers is None:
            self.askers = ThreadPoolExecutor(max_workers=self.config.threads * 8, thread_name_prefix="ask")
    #: The last answer identity gave per session, used only while identity cannot answer.
    last_known: dict = field(default_factory=dict)
    #: Every service's public keys: a document ID is checked here before its issuer is asked.
    document_keys: ServiceKeyDirectory | None = None

    def ask_all(self, calls: dict, timeout: float | None = None) -> dict:
        """Several calls at once on the askers: {name: (service, method, message, caller)} →
        {name: its answer, or the DomainError it raised, or TimeoutError when it was late}."""
        timeout = timeout or self.clients.default_timeout
        pending = {self.askers.submit(self.clients.call, service, method, message, caller=caller, timeout=timeout):
                   name for name, (service, method, message, caller) in calls.items()}
        done, late = wait(pending, timeout=timeout + 0.5)
        answers: dict = {pending[future]: TimeoutError(pending[future]) for future in late}
        for future in done:
            try:
                answers[pending[future]] = future.result()
            except DomainError as error:
                answers[pending[future]] = error
        return answers

    def documents_keys(self) -> ServiceKeyDirectory:
        if self.document_keys is None:
            self.document_keys = ServiceKeyDirectory.from_file(self.config.service_public_keys_file)
        return self.document_keys

    @classmethod
    def build(cls, config: GatewayConfig, clients: ServiceClients | None = None) -> Gateway:
        if clients is None:
            tokens = service_tokens("gateway", config)
            try:
                tokens.check(verifying=False)  # its own key, read now: a missing one stops the worker
            except ServiceKeyError as error:
                raise SystemExit(f"gateway: {error}") from None
            clients = ServiceClients(tokens, default_timeout=config.grpc_timeout_seconds)
        feed = feed_for(clients, poll_seconds=config.session_feed_poll_seconds,
                        stale_seconds=config.session_feed_stale_seconds)
        return cls(config, clients, auth.AccessTokenVerifier(public_keys(clients)), feed)

    def session_active(self, caller: auth.Caller, *, write: bool = False) -> bool:
        """Whether identity still honours the caller's session (logout, password change and
        locking end it). `write`: the request changes something (any method but GET/HEAD).

        The feed of ended sessions answers without a call while it is fresh. While it is
        stale, identity is asked directly (an answer trusted `session_check_ttl_seconds`);
        if it cannot answer either, a student's reads go on by the verified token alone
        (`session_check_fail_open`, result day), and staff and writes get a 503: revocation
        fails closed where an ended session could do harm."""
        if not caller.session_id:
            return True  # bank tokens: no session, five-minute life
        if self.feed.ended(caller.session_id):
            return False
        if self.feed.fresh():
            return True
        known = self.sessions.get(caller.session_id)
        if known is None:
            try:
                known = self.clients.call("identity", "CheckSession", identity_pb2.CheckSessionRequest(
                    session_id=caller.session_id), caller=auth.Caller(kind=auth.PUBLIC, subject=""),
                    timeout=min(1.0, self.config.grpc_timeout_seconds)).active
            except (Unavailable, DeadlineExceeded):
                if not (self.config.session_check_fail_open and SessionFeed.open_when_stale(caller, write=write)):
                    raise SessionCheckUnavailable() from None
                # Identity is down. The token's signature and expiry were verified here, so
                # the dashboard keeps working on the last answer (or on the token alone, at
                # most for its 15-minute life) rather than failing everyone on result day.
                log.warning("identity unavailable; session %s checked by its token only", caller.session_id[:8])
                return self.last_known.get(caller.session_id, True)
            self.sessions.put(caller.session_id, known, self.config.session_check_ttl_seconds)
            if len(self.last_known) > 200_000:
                self.last_known.clear()
            self.last_known[caller.session_id] = known
        return known

    def warm_up(self, attempts: int = 60) -> None:
        """Fetch identity's public keys before the first signed-in request needs them."""
        for _ in range(attempts):
            try:
                self.verifier.refresh()
                return
            except Exception:  # noqa: BLE001 - identity may start after us; try again
                time.sleep(1)

    def forget_session(self, session_id: str) -> None:
        """This worker ended the session (a logout through it): refused here at once."""
        self.feed.end(session_id)
        self.sessions.drop(session_id)
        self.last_known[session_id] = False

    def bank_caller(self, mnemonic: str, secret: str, client: identity_pb2.ClientInfo) -> auth.Caller:
        """A bank's verified caller for its HTTP Basic credential. Verified once by identity,
        then remembered (by a hash, never the secret) until shortly before its token expires."""
        key = hashlib.sha256(f"{mnemonic}\0{secret}".encode()).hexdigest()
        caller = self.bank_tokens.get(key)
        if caller is None:
            pair = self.clients.call("identity", "AuthenticateBank", identity_pb2.AuthenticateBankRequest(
                bank_mnemonic=mnemonic, secret=secret, client=client), caller=auth.Caller(kind=auth.PUBLIC, subject=""))
            caller = self.verifier.caller(pair.access_token, via="gateway")
            self.bank_tokens.put(key, caller, max(1, pair.expires_in - 30))
        return caller


def current() -> Gateway:
    return current_app.extensions["cms_gateway"]
