"""The failed-sign-in budget per client group across every account name, on PostgreSQL:
one address spraying one password over many account names is held back (and audited),
while students behind the same carrier address who sign in, even after a typo, are not."""
import pytest

from campus import testing
from campus.definition import resolve
from campus.errors import TooManyAttempts, Unauthenticated
from services import demo
from services.identity.bootstrap import SERVICE
from services.identity.tests.integration import support
from services.identity.tests.integration.support import NEW_PASSWORD, unique_ip, unique_regno

BUDGET = 8


@pytest.fixture(scope="module")
def idp(tmp_path_factory):
    with testing.service_runtime(SERVICE, testing.TestUsers(), var_dir=tmp_path_factory.mktemp("budget"),
                                 address_failed_accounts=BUDGET, **support.FAST_ARGON2) as runtime:
        runtime.access = resolve(SERVICE.access_verifier)(runtime)
        SERVICE.seed_function()(runtime)
        with testing.grpc_server(SERVICE, runtime) as address:
            clients = testing.clients_as("gateway", {"identity": address})
            yield support.Gateway(clients, runtime)
            clients.close()


def test_spraying_one_password_over_many_accounts_runs_out_of_the_budget(idp):
    sprayer = unique_ip()
    answers = []
    for _ in range(BUDGET + 3):
        try:
            idp.login(unique_regno(), "Pakistan@123", ip=sprayer)
            answers.append("OK")
        except (Unauthenticated, TooManyAttempts) as refused:
            answers.append(type(refused).__name__)
    assert answers == ["Unauthenticated"] * BUDGET + ["TooManyAttempts"] * 3
    with pytest.raises(TooManyAttempts) as held:  # even the right password of a real account
        idp.login("22P-123456", demo.PASSWORD, ip=sprayer)
    assert 0 < held.value.retry_after <= 15 * 60
    assert any(e.event == "login_throttled" and "address" in e.detail for e in idp.audit("22P-123456"))
    assert idp.login("22P-123456", demo.PASSWORD, ip=unique_ip()).account.username == "22P-123456"


def test_students_behind_one_carrier_address_who_sign_in_spend_nothing(idp):
    carrier = unique_ip()
    for _ in range(BUDGET * 2):
        username, _ = idp.active_student()
        with pytest.raises(Unauthenticated):  # a typo first...
            idp.login(username, NEW_PASSWORD + "x", ip=carrier)
        idp.login(username, NEW_PASSWORD, ip=carrier)  # ...then the right password
    username, _ = idp.active_student()
    assert idp.login(username, NEW_PASSWORD, ip=carrier).account.username == username


def test_attempts_from_no_known_address_are_not_pooled_into_one_budget(idp):
    for _ in range(BUDGET):
        with pytest.raises(Unauthenticated):
            idp.login(unique_regno(), "Pakistan@123", ip="")
    assert idp.login("22P-123456", demo.PASSWORD, ip="").account.username == "22P-123456"
