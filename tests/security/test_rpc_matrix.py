"""Every RPC of every service against every credential and every kind of signed-in user,
called directly over gRPC as an attacker holding a stolen credential would: each call its
declared policy (campus.policy) does not admit is refused by the running server - not by
the gateway, which is not in the way here.

Generated from the registry and the servicers' declarations, so a new service or method
is in the matrix the day it exists. Calls a policy admits are not made (they would act);
the other suites exercise those."""
from __future__ import annotations

import jwt
import pytest

from campus import auth, policy, registry
from campus.errors import PermissionDenied, Unauthenticated
from tests.stack import service_clients as clients_as

pytestmark = pytest.mark.security
USERS = ["owner", "another student", "staff admissions", "staff examinations", "staff treasury", "staff regional",
         "staff of another centre", "staff dispatch", "staff student_services", "bank ABL"]


def _methods():
    for definition in registry.definitions():
        servicer = definition.servicer_class()
        for method in definition.api.methods:
            yield definition, method, policy.policy_of(servicer, method.name)


def _request(definition, method):
    return definition.request_type(method.name)()


def _user(caller, stack, http) -> auth.Caller:
    """The verified caller a service would see for this user: her real access token."""
    if caller.auth:  # a bank: its token, as the gateway gets it from identity
        from tests.security.callers import bank_token
        token = bank_token(stack, http, caller)
    else:
        token = caller.headers["Authorization"].split(" ", 1)[1]
    claims = jwt.decode(token, options={"verify_signature": False})
    return auth.Caller(kind=claims["kind"], subject=claims["sub"], department=claims.get("dept", ""),
                       session_id=claims.get("sid", ""), service="gateway", token=token)


def _refused(clients, definition, method, caller) -> str | None:
    """None when refused as it must be; otherwise what happened instead."""
    try:
        clients.call(definition.name, method.name, _request(definition, method), caller=caller)
    except (PermissionDenied, Unauthenticated):
        return None
    except Exception as error:  # noqa: BLE001 - the method ran: the policy let it through
        return f"ran ({type(error).__name__}: {str(error)[:80]})"
    return "answered"


def test_every_service_credential_reaches_only_what_its_grants_name(stack):
    wrong = []
    for service in ("gateway", *registry.names()):
        clients = clients_as(stack, service)
        alone = auth.Caller(kind=auth.PUBLIC if service == "gateway" else auth.SERVICE, subject=service,
                            service=service)
        for definition, method, declared in _methods():
            if declared.allows(alone, _request(definition, method)):
                continue
            outcome = _refused(clients, definition, method, None)
            if outcome:
                wrong.append(f"{service} -> {definition.name}.{method.name}: {outcome}")
        clients.close()
    assert not wrong, "\n".join(wrong)


def test_every_user_reaches_only_what_the_policies_admit(stack, callers, http):
    clients = clients_as(stack, "gateway")
    wrong = []
    for name in USERS:
        user = _user(callers[name], stack, http)
        for definition, method, declared in _methods():
            request = _request(definition, method)
            if declared.allows(user, request):
                continue
            outcome = _refused(clients, definition, method, user)
            if outcome:
                wrong.append(f"{name} -> {definition.name}.{method.name}: {outcome}")
    clients.close()
    assert not wrong, "\n".join(wrong)


def test_a_student_cannot_name_another_students_record(stack, callers, http):
    """OWN methods: the registration number in the request must be the caller's own."""
    clients = clients_as(stack, "gateway")
    other = _user(callers["another student"], stack, http)
    owner = callers["owner"].subject
    wrong = []
    for definition, method, declared in _methods():
        if declared.students != policy.OWN:
            continue
        request = _request(definition, method)
        setattr(request, declared.owner_field, owner)
        if declared.allows(other, request):
            wrong.append(f"{definition.name}.{method.name}: the policy admits another student")
            continue
        outcome = _refused(clients, definition, method, other)
        if outcome:
            wrong.append(f"{definition.name}.{method.name}: {outcome}")
    clients.close()
    assert not wrong, "\n".join(wrong)
