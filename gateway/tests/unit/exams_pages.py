"""What the unit tests of the examinations pages share: the app, exams' answers faked at the
API's own functions (gateway.blueprints.examinations), and a client signed in as someone."""
from __future__ import annotations

from campus import auth, testing
from campus.grpc_client import ServiceClients
from gateway.app import create_app
from gateway.blueprints import examinations as exams_api
from gateway.config import GatewayConfig
from gateway.context import Gateway
from gateway.portal import session


def page_app(**settings):
    config = GatewayConfig(environment="test", **settings)
    made = create_app(config, Gateway(config, ServiceClients(testing.service_tokens("gateway")),
                                      testing.TestUsers().verifier))
    made.config["WTF_CSRF_ENABLED"] = False  # the CSRF token is the browser tests' (and the battery's)
    return made


def answers(monkeypatch, name: str, answer, sent: list | None = None):
    """Exams' answer to one of the API's functions: a value, an error it raises, or (a function)
    what it answers to the arguments; each call's arguments go to `sent` (keyword ones as a
    dict, else positional ones as a tuple)."""
    def call(*args, **kwargs):
        if sent is not None:
            sent.append(kwargs or args)
        if isinstance(answer, Exception):
            raise answer
        return answer(*args, **kwargs) if callable(answer) else answer
    monkeypatch.setattr(exams_api, name, call)


def signed_in(app, monkeypatch, silent: tuple[str, ...]):
    """`sign_in(who)`: a test client signed in as `who` (None: anyone); the functions named in
    `silent` fail the test if called, unless the test gives their answer."""
    def sign_in(who: auth.Caller | None = None):
        monkeypatch.setattr(session, "page_caller", lambda: who)
        return app.test_client()
    for name in silent:
        answers(monkeypatch, name, AssertionError(f"exams must not be asked ({name})"))
    return sign_in
