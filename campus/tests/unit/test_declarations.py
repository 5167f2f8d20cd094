"""The platform derives everything from each service's own definition: it names no
service itself, and every RPC of every service says who may call it and whether a
client may retry it."""
import io
import json
import pathlib
import re
import tokenize

import pytest

from campus import policy, registry
from campus.config import ROOT
from campus.grpc_client import _service_config

CAMPUS = ROOT / "campus"


def _code_words(path: pathlib.Path):
    """Names and string literals of a module's code; comments and docstrings are prose."""
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text()).readline))
    previous = tokenize.NEWLINE
    for token in tokens:
        if token.type == tokenize.NAME:
            yield token.start[0], token.string
        elif token.type == tokenize.STRING and previous not in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT,
                                                                   tokenize.DEDENT):
            yield token.start[0], token.string
        if token.type not in (tokenize.COMMENT, tokenize.NL):
            previous = token.type


def test_the_registry_finds_every_service_folder_in_port_order():
    names = registry.names()
    folders = {p.parent.name for p in (ROOT / "services").glob("*/bootstrap.py")}
    assert set(names) == folders and len(names) >= 6
    ports = [registry.definition(n).port for n in names]
    assert ports == sorted(ports) and len(set(ports)) == len(ports)


def test_no_service_is_named_in_the_platform():
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, registry.names())) + r")\b")
    departments = re.compile(r"\b(" + "|".join(map(re.escape, registry.departments())) + r")\b")
    found = []
    for path in sorted(CAMPUS.rglob("*.py")):
        if "tests" in path.relative_to(CAMPUS).parts:
            continue
        for line, word in _code_words(path):
            if pattern.search(word) or departments.search(word):
                found.append(f"{path.relative_to(ROOT)}:{line}: {word}")
    assert not found, "campus/ must derive these from the services' definitions:\n" + "\n".join(found)


@pytest.mark.parametrize("name", registry.names())
def test_every_rpc_declares_its_callers(name):
    definition = registry.definition(name)
    servicer = definition.servicer_class()
    methods = definition.method_names()
    assert methods
    assert policy.undeclared(servicer, methods) == []
    assert policy.unknown_departments(servicer, methods, registry.departments()) == []


@pytest.mark.parametrize("name", registry.names())
def test_retries_are_built_from_the_proto_idempotency_level(name):
    definition = registry.definition(name)
    config = json.loads(_service_config(definition))
    retried = {m["method"] for block in config.get("methodConfig", []) for m in block["name"]}
    levels = {m.name: m.GetOptions().idempotency_level for m in definition.api.methods}
    assert retried == {method for method, level in levels.items() if level != 0}
    for block in config.get("methodConfig", []):
        assert block["retryPolicy"]["retryableStatusCodes"] == ["UNAVAILABLE"]


def test_writes_are_retried_only_where_the_proto_says_so():
    retried = {n: set(registry.definition(n).idempotent_methods()) for n in registry.names()}
    assert "BillPayment" in retried["finance"] and "IssueChallan" in retried["finance"]
    assert "FileRequest" not in retried["requests"] and "Login" not in retried["identity"]
    assert "GetRequest" in retried["requests"] and "ListDepartmentQueue" in retried["requests"]


def test_one_service_signs_access_tokens_and_one_names_the_departments():
    assert registry.token_issuer().public_keys
    assert len([d for d in registry.definitions() if d.departments]) == 1


def test_a_server_will_not_serve_a_method_without_a_declared_policy():
    from campus import testing
    from campus.grpc_server import GrpcServer

    definition = registry.definition(registry.names()[0])

    class Undeclared(definition.servicer_class().__mro__[1]):   # the generated base: no @rpc at all
        pass

    server = GrpcServer(bind="127.0.0.1:0", workers=1, access=None,
                        service_tokens=testing.service_tokens("test"))
    with pytest.raises(SystemExit, match="no caller policy"):
        server.add(definition, Undeclared())
