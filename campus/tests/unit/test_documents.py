"""Signing and reading document IDs (campus.documents): what verifies offline, what a forger
cannot make, and that a document and a service token are never taken for each other."""
import datetime as dt
import json

import jwt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from campus import auth, documents, service_keys
from campus.errors import Unauthenticated

ISSUED = dt.datetime(2026, 12, 6, 8, 30, tzinfo=dt.UTC)
FACTS = (("name", "Ay**** Si******"), ("registration_number", "22P-123456"), ("roll_number", "BO680724"))


def _directory(**named_pems) -> service_keys.ServiceKeyDirectory:
    published = {name: [service_keys.public_jwk(service_keys.load_private(pem))] for name, pem in named_pems.items()}
    text = service_keys.document(published, development=True)
    return service_keys.ServiceKeyDirectory(lambda: text)


@pytest.fixture(scope="module")
def pems():
    return {"exams": service_keys.generate_pem(), "finance": service_keys.generate_pem()}


@pytest.fixture(scope="module")
def keys(pems):
    return _directory(**pems)


@pytest.fixture(scope="module")
def exams(pems, keys):
    return auth.ServiceTokens("exams", pems["exams"], keys)


def _sign(tokens, facts=FACTS, serial="RNS0001"):
    return documents.sign(tokens, serial=serial, document_type="roll_number_slip", issued_at=ISSUED, facts=facts)


def test_a_document_reads_back_with_its_facts_in_order(exams, keys):
    document = documents.read(_sign(exams), keys)
    assert (document.issuer, document.serial, document.document_type) == ("exams", "RNS0001", "roll_number_slip")
    assert document.issued_at == ISSUED and document.facts == FACTS


def test_it_verifies_offline_with_any_jose_library_and_the_published_key(exams, pems):
    jwk = service_keys.public_jwk(service_keys.load_private(pems["exams"]))
    claims = jwt.decode(_sign(exams), jwt.PyJWK(jwk, algorithm="EdDSA"), algorithms=["EdDSA"])
    assert claims["f"]["roll_number"] == "BO680724"


def test_signing_is_deterministic_so_a_reprint_carries_the_same_code(exams):
    assert _sign(exams) == _sign(exams)


def _altered(document_id: str, change) -> str:
    header, payload, signature = document_id.split(".")
    claims = json.loads(jwt.utils.base64url_decode(payload))
    change(claims)
    return f"{header}.{jwt.utils.base64url_encode(json.dumps(claims).encode()).decode()}.{signature}"


@pytest.mark.parametrize("change", [
    lambda c: c["f"].update(roll_number="BO000001"),
    lambda c: c.update(dt="transcript"),
    lambda c: c.update(jti="RNS0002"),
    lambda c: c.update(iss="finance"),
])
def test_an_altered_fact_fails(exams, keys, change):
    with pytest.raises(documents.Forged):
        documents.read(_altered(_sign(exams), change), keys)


def test_a_document_signed_with_another_services_key_fails(pems, keys):
    posing = auth.ServiceTokens("exams", pems["finance"], keys)  # finance's key, claiming exams
    with pytest.raises(documents.Forged):
        documents.read(_sign(posing), keys)


def test_an_unknown_key_fails(keys):
    stranger = auth.ServiceTokens("exams", service_keys.generate_pem(), keys)
    with pytest.raises(documents.Forged):
        documents.read(_sign(stranger), keys)


def test_a_service_token_is_not_a_document_and_a_document_is_not_a_service_token(exams, pems, keys):
    with pytest.raises(documents.Forged):
        documents.read(exams.token(), keys)
    finance = auth.ServiceTokens("finance", pems["finance"], keys)
    with pytest.raises(Unauthenticated):
        finance.verify(_sign(exams))


def test_an_unsigned_document_fails(keys):
    unsigned = jwt.encode({"iss": "exams", "jti": "X", "dt": "roll_number_slip", "iat": 1, "f": {}}, None,
                          algorithm="none", headers={"typ": documents.TYP})
    with pytest.raises(documents.Forged):
        documents.read(unsigned, keys)


@given(st.text(max_size=300))
def test_no_text_is_taken_for_a_document(keys, text):
    with pytest.raises(documents.Forged):
        documents.read(text, keys)


def test_an_overlong_id_is_refused_before_parsing(keys):
    with pytest.raises(documents.Forged):
        documents.read("a." * 2000, keys)


@pytest.mark.parametrize("name, masked", [
    ("Ayesha Siddiqui", "Ay**** Si******"), ("Bilal", "Bi***"), ("Al", "Al"),
    ("Muhammad  Ali Khan", "Mu****** Al* Kh**")])
def test_the_name_is_masked_word_by_word(name, masked):
    assert documents.mask_name(name) == masked


def test_the_public_keys_name_their_issuer(keys):
    published = documents.public_jwks(keys, ["exams"])
    assert [k["iss"] for k in published["keys"]] == ["exams"]
    assert {"kty", "crv", "x", "kid", "alg", "use"} <= set(published["keys"][0])
    assert "d" not in published["keys"][0]


def test_the_issuers_are_the_services_that_answer_verify_document():
    assert documents.issuers() == ["exams", "finance"]
