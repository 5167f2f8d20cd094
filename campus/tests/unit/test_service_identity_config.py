"""What production accepts as a service's credential, and settings that need CAMPUS_ENV."""
import pytest

from campus import service_keys, testing
from campus.config import BrokerConfig
from gateway.config import GatewayConfig
from services.finance.config import FinanceConfig

BROKER = {"amqp_url": "amqps://finance:secret@rabbitmq:5671/%2F"}


def test_each_process_defaults_to_its_own_key_under_var(tmp_path):
    config = FinanceConfig(var_dir=tmp_path)
    assert config.service_key_file == tmp_path / "service-keys" / "finance-service-key.pem"
    assert config.service_public_keys_file == tmp_path / "service-keys" / "service-public-keys.json"
    assert GatewayConfig(var_dir=tmp_path).service_key_file == tmp_path / "service-keys" / "gateway-service-key.pem"


def test_each_service_reads_its_key_from_its_own_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("FINANCE_SERVICE_KEY_FILE", str(tmp_path / "mine.pem"))
    assert FinanceConfig().service_key_file == tmp_path / "mine.pem"
    assert GatewayConfig().service_key_file != tmp_path / "mine.pem"


def test_production_accepts_provisioned_keys():
    assert FinanceConfig(environment="production", **testing.PRODUCTION_KEYS.settings("finance"), **BROKER)
    assert GatewayConfig(environment="production", session_secret="p" * 40,
                         service_key_file=testing.PRODUCTION_KEYS.key_file("gateway"))


def test_production_refuses_the_development_keys():
    with pytest.raises(ValueError, match="development keys"):
        FinanceConfig(environment="production", **testing.SERVICE_KEYS.settings("finance"), **BROKER)


def test_production_refuses_a_missing_key_or_public_keys_document(tmp_path):
    with pytest.raises(ValueError, match="FINANCE_SERVICE_KEY_FILE"):
        FinanceConfig(environment="production", service_key_file=tmp_path / "none.pem",
                      service_public_keys_file=testing.PRODUCTION_KEYS.public_file, **BROKER)
    with pytest.raises(ValueError, match="SERVICE_PUBLIC_KEYS_FILE"):
        FinanceConfig(environment="production", service_key_file=testing.PRODUCTION_KEYS.key_file("finance"),
                      service_public_keys_file=tmp_path / "none.json", **BROKER)
    with pytest.raises(ValueError, match="GATEWAY_SERVICE_KEY_FILE"):
        GatewayConfig(environment="production", session_secret="p" * 40, var_dir=tmp_path)


def test_production_refuses_a_document_without_this_services_key(tmp_path):
    path = tmp_path / "public.json"
    path.write_text(service_keys.document({"gateway": [service_keys.public_jwk(
        service_keys.load_private(service_keys.generate_pem()))]}))
    with pytest.raises(ValueError, match="no key for finance"):
        FinanceConfig(environment="production", service_key_file=testing.PRODUCTION_KEYS.key_file("finance"),
                      service_public_keys_file=path, **BROKER)


def test_production_refuses_the_retired_shared_secret(monkeypatch):
    monkeypatch.setenv("SERVICE_TOKEN_SECRET", "s" * 40)
    with pytest.raises(ValueError, match="SERVICE_TOKEN_SECRET is no longer used"):
        FinanceConfig(environment="production", **testing.PRODUCTION_KEYS.settings("finance"), **BROKER)


@pytest.mark.parametrize(("variable", "value"), [
    ("AMQP_URL", "amqps://finance:secret@rabbitmq.example.internal:5671/%2F"),
    ("FINANCE_DATABASE_URL", "postgresql+psycopg://finance:pw@db.example.internal:5432/finance"),
    ("GRPC_BIND_HOST", "0.0.0.0"),
])
def test_deployed_looking_settings_without_campus_env_are_refused(monkeypatch, variable, value):
    monkeypatch.delenv("CAMPUS_ENV", raising=False)
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValueError, match="CAMPUS_ENV must be set"):
        FinanceConfig()
    monkeypatch.setenv("CAMPUS_ENV", "test")  # said on purpose: fine
    assert FinanceConfig().environment == "test"


def test_the_gateway_needs_campus_env_when_it_listens_beyond_this_machine(monkeypatch):
    monkeypatch.delenv("CAMPUS_ENV", raising=False)
    monkeypatch.setenv("GATEWAY_BIND_HOST", "0.0.0.0")
    with pytest.raises(ValueError, match="CAMPUS_ENV must be set"):
        GatewayConfig()


def test_the_local_defaults_need_no_campus_env(monkeypatch):
    monkeypatch.delenv("CAMPUS_ENV", raising=False)
    assert FinanceConfig().environment == "local"
    assert BrokerConfig().environment == "local"


def test_the_gateway_has_no_broker_settings():
    assert "amqp_url" not in GatewayConfig.model_fields


def test_the_gateways_credential_alone_opens_public_and_pre_sign_in_methods_only():
    """A stolen gateway credential is the public: every method it opens without a user's
    token is public, or one of the sign-in service's calls made before anyone signs in."""
    from campus import auth, policy, registry
    gateway_only = auth.Caller(kind=auth.PUBLIC, subject="", service=service_keys.GATEWAY)
    opened = {}
    for definition in registry.definitions():
        servicer = definition.servicer_class()
        for name in definition.method_names():
            declared = policy.policy_of(servicer, name)
            if declared.allows(gateway_only, None) and not declared.public:
                opened[f"{definition.name}.{name}"] = declared
    assert all(name.startswith(f"{registry.token_issuer().name}.") for name in opened), sorted(opened)
    assert sorted(opened) == sorted(f"identity.{m}" for m in (
        "Login", "Refresh", "Activate", "RequestPasswordReset", "ResetPassword", "AuthenticateBank",
        # Ids of sessions that have ended: random, and of no use once ended.
        "EndedSessions")), \
        "a new gateway-only grant: make sure it is safe for anyone on the internet to call"


def test_calls_declare_every_service_a_service_calls_and_every_grant_names_a_declared_caller():
    """`calls=` feeds the NetworkPolicies: a call the code makes, or a `services=` grant,
    to a service not declared there would be cut off in the cluster."""
    import re

    from campus import policy, registry
    from campus.config import ROOT
    issuer = registry.token_issuer().name
    for caller in registry.definitions():
        assert set(caller.calls) <= set(registry.names()), caller.name
        code = "\n".join(path.read_text() for path in (ROOT / "services" / caller.name).glob("*.py"))
        called = set(re.findall(r'\.call\(\s*"([a-z_]+)"', code))
        assert called <= {*caller.calls, issuer}, f"{caller.name} calls {called - {*caller.calls, issuer}}"
    for callee in registry.definitions():
        servicer = callee.servicer_class()
        granted = {name for method in callee.method_names() for name in policy.policy_of(servicer, method).services}
        for name in granted - {service_keys.GATEWAY}:
            if (callee.name, name) in UNUSED_GRANTS:
                assert callee.name not in registry.definition(name).calls, "no longer unused: drop it from the list"
                continue
            assert callee.name == issuer or callee.name in registry.definition(name).calls, \
                f"{callee.name} grants {name}, which does not declare calls={callee.name!r}"


#: Grants no code uses (so the NetworkPolicies rightly let no such call through); the
#: least-privilege part of issue 7 removes unused grants.
UNUSED_GRANTS = {("enrollment", "tracking"), ("exams", "requests")}
