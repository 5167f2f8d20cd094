"""Access and service tokens: what is accepted, what is refused, and that caching a
verified token never outlives the token."""
import json
import time

import jwt
import pytest

from campus import auth, service_keys
from campus.errors import Unauthenticated

SECRET = "s" * 40


@pytest.fixture
def signer():
    return auth.AccessTokenSigner(auth.AccessTokenSigner.generate_pem())


def test_a_signed_token_gives_its_caller(signer):
    verifier = auth.AccessTokenVerifier(signer.jwks_json)
    token = signer.sign(subject="22P-123456", kind=auth.STUDENT, ttl_seconds=60, session_id="abc")
    caller = verifier.caller(token, via="gateway")
    assert (caller.kind, caller.subject, caller.session_id) == ("student", "22P-123456", "abc")
    assert caller.service == "gateway"
    assert verifier.caller(token, via="requests").service == "requests"  # cached claims, fresh caller


def test_a_staff_token_carries_her_centre_and_only_staff_get_one(signer):
    verifier = auth.AccessTokenVerifier(signer.jwks_json)
    staff = signer.sign(subject="officer", kind=auth.STAFF, department="dept_x", centre="ISB", ttl_seconds=60)
    assert jwt.decode(staff, options={"verify_signature": False})["centre"] == "ISB"
    assert (verifier.caller(staff).department, verifier.caller(staff).centre) == ("dept_x", "ISB")
    assert verifier.caller(signer.sign(subject="officer", kind=auth.STAFF, ttl_seconds=60)).centre == ""
    student = signer.sign(subject="22P-123456", kind=auth.STUDENT, centre="ISB", ttl_seconds=60)
    assert verifier.caller(student).centre == ""


def test_another_algorithm_or_key_is_refused(signer):
    verifier = auth.AccessTokenVerifier(signer.jwks_json)
    forged = jwt.encode({"sub": "22P-123456", "kind": "student", "iat": 0, "exp": 2**31,
                         "iss": auth.access_issuer(), "aud": auth.ACCESS_AUDIENCE}, "k" * 32, algorithm="HS256",
                        headers={"kid": signer.kid})
    with pytest.raises(Unauthenticated):
        verifier.caller(forged)
    stranger = auth.AccessTokenSigner(auth.AccessTokenSigner.generate_pem())
    with pytest.raises(Unauthenticated):
        verifier.caller(stranger.sign(subject="x", kind=auth.STUDENT, ttl_seconds=60))


def test_an_expired_token_is_refused_even_after_it_was_cached(signer):
    verifier = auth.AccessTokenVerifier(signer.jwks_json, leeway=0)
    token = signer.sign(subject="22P-123456", kind=auth.STUDENT, ttl_seconds=1)
    verifier.caller(token)
    time.sleep(1.1)
    with pytest.raises(Unauthenticated) as expired:
        verifier.caller(token)
    assert expired.value.reason == "TOKEN_EXPIRED"


def _keys(**named_pems) -> tuple[dict, service_keys.ServiceKeyDirectory]:
    published = {name: [service_keys.public_jwk(service_keys.load_private(pem))] for name, pem in named_pems.items()}
    text = service_keys.document(published)
    return published, service_keys.ServiceKeyDirectory(lambda: text)


def test_service_tokens_are_verified_with_the_key_registered_for_their_service():
    requests_pem, finance_pem = service_keys.generate_pem(), service_keys.generate_pem()
    _, directory = _keys(requests=requests_pem, finance=finance_pem)
    mine = auth.ServiceTokens("requests", requests_pem, directory)
    assert auth.ServiceTokens("finance", finance_pem, directory).verify(mine.token()) == "requests"
    assert jwt.get_unverified_header(mine.token())["alg"] == "EdDSA"


def test_a_token_for_one_service_signed_with_another_services_key_is_refused():
    requests_pem, finance_pem = service_keys.generate_pem(), service_keys.generate_pem()
    _, directory = _keys(requests=requests_pem, finance=finance_pem)
    finance = auth.ServiceTokens("finance", finance_pem, directory)
    # requests holds its own key only, and tries to speak as finance (or the other way round).
    posing = auth.ServiceTokens("finance", requests_pem, directory)
    with pytest.raises(Unauthenticated):
        finance.verify(posing.token())
    # The same, with finance's kid copied into the header: the signature does not match.
    kid = service_keys.kid_of(service_keys.load_private(finance_pem).public_key())
    claims = {"iss": auth.SERVICE_ISSUER, "aud": auth.SERVICE_AUDIENCE, "sub": "finance",
              "iat": int(time.time()), "exp": int(time.time()) + 60}
    forged = jwt.encode(claims, service_keys.load_private(requests_pem), algorithm="EdDSA", headers={"kid": kid})
    with pytest.raises(Unauthenticated):
        finance.verify(forged)
    # A key nobody registered, and a service nobody registered.
    with pytest.raises(Unauthenticated):
        finance.verify(auth.ServiceTokens("requests", service_keys.generate_pem(), directory).token())
    with pytest.raises(Unauthenticated):
        finance.verify(auth.ServiceTokens("bursary", requests_pem, directory).token())


def test_the_old_shared_secret_and_other_algorithms_are_refused():
    pem = service_keys.generate_pem()
    _, directory = _keys(gateway=pem)
    receiver = auth.ServiceTokens("finance", None, directory)
    kid = service_keys.kid_of(service_keys.load_private(pem).public_key())
    claims = {"iss": auth.SERVICE_ISSUER, "aud": auth.SERVICE_AUDIENCE, "sub": "gateway",
              "iat": int(time.time()), "exp": int(time.time()) + 60}
    for token in (jwt.encode(claims, SECRET, algorithm="HS256", headers={"kid": kid}),
                  jwt.encode(claims, None, algorithm="none", headers={"kid": kid}),
                  jwt.encode({**claims, "exp": int(time.time()) - 120}, service_keys.load_private(pem),
                             algorithm="EdDSA", headers={"kid": kid}),
                  jwt.encode({**claims, "aud": auth.ACCESS_AUDIENCE}, service_keys.load_private(pem),
                             algorithm="EdDSA", headers={"kid": kid})):
        with pytest.raises(Unauthenticated):
            receiver.verify(token)


def test_the_gateways_credential_alone_is_the_public_and_a_service_is_a_service():
    gateway_pem, requests_pem = service_keys.generate_pem(), service_keys.generate_pem()
    _, directory = _keys(gateway=gateway_pem, requests=requests_pem)
    receiver = auth.ServiceTokens("finance", None, directory)
    public = auth.caller_from_metadata(
        {"x-service-token": auth.ServiceTokens("gateway", gateway_pem).token()}, receiver, None)
    assert (public.kind, public.subject, public.service) == (auth.PUBLIC, "", "gateway")
    service = auth.caller_from_metadata(
        {"x-service-token": auth.ServiceTokens("requests", requests_pem).token()}, receiver, None)
    assert (service.kind, service.subject) == (auth.SERVICE, "requests")


def test_a_key_added_later_is_found_by_reading_the_document_again(tmp_path):
    pem, later = service_keys.generate_pem(), service_keys.generate_pem()
    path = tmp_path / "public.json"
    path.write_text(service_keys.document({"gateway": [service_keys.public_jwk(service_keys.load_private(pem))]}))
    receiver = auth.ServiceTokens("finance", None, service_keys.ServiceKeyDirectory.from_file(path, refresh_floor=0))
    assert receiver.verify(auth.ServiceTokens("gateway", pem).token()) == "gateway"
    path.write_text(service_keys.document({"gateway": [service_keys.public_jwk(service_keys.load_private(k))
                                                       for k in (pem, later)]}))  # a rotation
    assert receiver.verify(auth.ServiceTokens("gateway", later).token()) == "gateway"


def test_check_refuses_a_key_the_document_does_not_publish():
    pem = service_keys.generate_pem()
    _, directory = _keys(finance=service_keys.generate_pem())
    with pytest.raises(service_keys.ServiceKeyError, match="no key"):
        auth.ServiceTokens("finance", pem, directory).check()
    auth.ServiceTokens("finance", pem, directory).check(verifying=False)  # the gateway's case


def test_a_public_keys_document_with_a_private_key_is_refused():
    private = service_keys.public_jwk(service_keys.load_private(service_keys.generate_pem()))
    with pytest.raises(service_keys.ServiceKeyError, match="private"):
        service_keys.parse(json.dumps({"services": {"finance": [{**private, "d": "secret"}]}}))
    with pytest.raises(service_keys.ServiceKeyError):
        service_keys.parse('{"keys": []}')


def test_authorize():
    student = auth.Caller(kind=auth.STUDENT, subject="22P-123456", service="gateway")
    auth.authorize(student, owner="22P-123456")
    with pytest.raises(auth.PermissionDenied):
        auth.authorize(student, owner="23A-654321")
    staff = auth.Caller(kind=auth.STAFF, subject="exams.officer", department="examinations", service="gateway")
    auth.authorize(staff, departments={"examinations"})
    with pytest.raises(auth.PermissionDenied):
        auth.authorize(staff, departments={"treasury"})
    relayed = auth.Caller(kind=auth.STUDENT, subject="22P-123456", service="requests")
    auth.authorize(relayed, services={"requests"}, owner="someone-else")
