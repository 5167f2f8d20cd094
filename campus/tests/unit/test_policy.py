"""What a declared caller policy lets through (campus.policy)."""
from types import SimpleNamespace

import pytest

from campus import auth
from campus.errors import PermissionDenied, Unauthenticated
from campus.policy import ALL, OWN, RECORD, Policy, rpc

AYESHA = auth.Caller(kind=auth.STUDENT, subject="22P-123456", service="gateway", token="t")
TREASURY = auth.Caller(kind=auth.STAFF, subject="treasury.officer", department="treasury", service="gateway", token="t")
DISPATCH = auth.Caller(kind=auth.STAFF, subject="dispatch.officer", department="dispatch", service="gateway", token="t")
BANK = auth.Caller(kind=auth.BANK, subject="ABL", service="gateway", token="t")
PUBLIC = auth.Caller(kind=auth.PUBLIC, subject="", service="gateway")
SWEEPER = auth.Caller(kind=auth.SERVICE, subject="requests", service="requests")


def own(regno="22P-123456"):
    return SimpleNamespace(registration_number=regno)


def test_a_student_reaches_only_her_own_registration_number():
    p = Policy(students=OWN)
    assert p.allows(AYESHA, own()) and p.allows(AYESHA, own("22p-123456 "))
    assert not p.allows(AYESHA, own("22P-654321")) and not p.allows(AYESHA, own(""))


def test_a_record_policy_leaves_the_owner_check_to_the_method():
    assert Policy(students=RECORD).allows(AYESHA, own("22P-654321"))
    assert not Policy().allows(AYESHA, own())


def test_staff_by_department_or_all():
    assert Policy(staff=frozenset({"treasury"})).allows(TREASURY, own())
    assert not Policy(staff=frozenset({"treasury"})).allows(DISPATCH, own())
    assert Policy(staff=ALL).allows(DISPATCH, own())


def test_a_named_calling_service_passes_whoever_the_user_is():
    p = Policy(services=frozenset({"requests"}))
    assert p.allows(SWEEPER, own()) and p.allows(auth.Caller(kind=auth.STUDENT, subject="x", service="requests"),
                                                  own("22P-654321"))
    assert not p.allows(AYESHA, own())


def test_banks_and_the_public():
    assert Policy(banks=True).allows(BANK, own()) and not Policy(staff=ALL).allows(BANK, own())
    assert Policy(public=True).allows(PUBLIC, own())


def test_refusals_say_sign_in_to_the_public_and_forbidden_to_the_signed_in():
    with pytest.raises(Unauthenticated):
        Policy(staff=ALL).check(PUBLIC, own())
    for caller in (AYESHA, BANK, SWEEPER):
        with pytest.raises(PermissionDenied):
            Policy(staff=ALL).check(caller, own())


def test_the_decorator_refuses_a_misspelt_student_rule():
    with pytest.raises(ValueError):
        rpc(students="mine")
