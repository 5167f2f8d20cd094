"""The feed of ended sessions, through identity's real gRPC server on PostgreSQL: every way
a session ends lands in it (and publishes session_ended), every service may read it, and a
server fed by it refuses an ended session's token at once."""
import pytest

from campus import auth, registry, service_keys, sessions, testing
from campus.errors import Unauthenticated
from campus.grpc_client import ServiceClients
from campus.grpc_server import GrpcServer
from cms.identity.v1 import identity_pb2 as pb
from services.identity.bootstrap import SERVICE
from services.identity.tests.integration.support import NEW_PASSWORD


def ended(clients, after=0) -> pb.EndedSessionsResponse:
    return clients.call("identity", "EndedSessions", pb.EndedSessionsRequest(after=after))


def test_every_way_a_session_ends_is_in_the_feed_and_published(idp, gateway, identity_runtime):
    username, activated = idp.active_student()
    other = idp.login(username, NEW_PASSWORD)
    before = ended(gateway)
    logout = idp.login(username, NEW_PASSWORD)
    idp.call("Logout", pb.LogoutRequest(), caller=idp.caller(logout))
    changed = idp.call("ChangePassword", pb.ChangePasswordRequest(
        current_password=NEW_PASSWORD, new_password="Another-Start-2027"), caller=idp.caller(other))
    idp.call("LockAccount", pb.LockAccountRequest(username=username, reason="phone stolen"),
             caller=idp.staff("student_services"))
    sids = {name: idp.caller(t).session_id for name, t in
            (("logout", logout), ("activated", activated), ("other", other), ("changed", changed))}
    after = ended(gateway, before.cursor)
    assert set(sids.values()) <= set(after.session_ids)
    assert after.cursor > before.cursor and after.keep_seconds >= identity_runtime.config.access_token_ttl_seconds
    events = {e["data"]["session_id"]: e["data"] for e in idp.outbox("session_ended")
              if e["data"]["username"] == username}
    assert {events[sids[n]]["reason"] for n in sids} == {"logout", "password_change", "account_locked"}
    assert events[sids["logout"]]["reason"] == "logout" and events[sids["changed"]]["reason"] == "account_locked"
    assert all(e["kind"] == "student" for e in events.values())


def test_every_service_and_the_gateway_may_read_it_nobody_else(identity_addr, idp):
    for name in ("gateway", *registry.names()):
        clients = testing.clients_as(name, {"identity": identity_addr})
        try:
            assert ended(clients).cursor >= 0
        finally:
            clients.close()
    # A process that is none of ours holds no published key: refused before any policy.
    outsider = ServiceClients(auth.ServiceTokens("printer", service_keys.generate_pem()),
                              addresses={"identity": identity_addr})
    try:
        with pytest.raises(Unauthenticated):
            ended(outsider)
    finally:
        outsider.close()


@pytest.fixture(scope="module")
def fed_identity(identity_runtime):
    """Identity's server as `serve` runs it: fed by its own database."""
    feed = sessions.feed_for(identity_runtime.clients, own_runtime=identity_runtime, poll_seconds=0.1).start()
    server = GrpcServer(bind="127.0.0.1:0", workers=4, service_tokens=identity_runtime.service_tokens,
                        access=identity_runtime.access, grace_seconds=0, sessions=feed)
    server.add(SERVICE, SERVICE.servicer_class()(identity_runtime))
    port = server.start()
    assert feed.wait_fresh(5)
    clients = testing.clients_as("gateway", {"identity": f"127.0.0.1:{port}"})
    yield clients
    clients.close()
    server.stop()
    feed.stop()


def test_a_fed_server_refuses_an_ended_session_within_a_second(fed_identity, idp):
    import time
    username, tokens = idp.active_student()
    caller = idp.caller(tokens)
    get = pb.GetAccountRequest(username=username)
    assert fed_identity.call("identity", "GetAccount", get, caller=caller).username == username
    idp.call("Logout", pb.LogoutRequest(), caller=caller)  # through another server
    started = time.monotonic()
    testing.wait_until(lambda: _refused(fed_identity, get, caller), timeout=1.0, interval=0.02,
                       what="the ended session to be refused")
    assert time.monotonic() - started < 1.0


def _refused(clients, request, caller) -> bool:
    try:
        clients.call("identity", "GetAccount", request, caller=caller)
    except Unauthenticated as refused:
        return refused.reason == "SESSION_ENDED"
    return False
