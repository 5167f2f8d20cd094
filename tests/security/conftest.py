"""The security battery's stack: the whole system, with the sign-in budgets production has
(the other suites raise them), and every kind of caller signed in once."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from campus import clock
from services import demo
from services.identity.config import IdentityConfig
from services.identity.models import accounts
from services.identity.passwords import Passwords
from tests.security.callers import Caller, anonymous_pages, api_sign_in, fresh_address, page_sign_in
from tests.stack import activated_student, bearer, client, running_stack, service_tokens

#: Production's sign-in failure budgets; general limits stay raised for the fuzzer.
PRODUCTION_BUDGETS = {"GATEWAY_SIGN_IN_FAILURES_PER_ADDRESS": "600/hour",
                      "GATEWAY_SIGN_IN_FAILURES_PER_PASSWORD": "10/hour", "IDENTITY_ADDRESS_FAILED_ACCOUNTS": "30"}
OWNER = demo.STUDENT["registration_number"]
ANOTHER_CENTRE = "staff of another centre"


@pytest.fixture(scope="session")
def stack():
    with running_stack("security", extra_env=PRODUCTION_BUDGETS) as stack:
        yield stack


@pytest.fixture
def http(stack):
    with client(stack) as http:
        http.headers["X-Forwarded-For"] = fresh_address()
        yield http


@pytest.fixture(scope="session")
def records(stack):
    """The owner's records every path parameter names, and a throwaway student for the
    staff account tools (locking the demo student would break the other tests)."""
    with client(stack) as http:
        owner = bearer(api_sign_in(http, OWNER))
        filed = http.post("/api/v1/me/requests", headers=owner, json={
            "category": "general_query", "subtype": "general_query", "details": "Security battery"})
        assert filed.status_code == 201, filed.text
        regional = http.post("/api/v1/me/requests", headers=owner, json={
            "category": "helpdesk_complaint", "subtype": "tutor_not_allocated", "details": "Security battery"})
        assert regional.status_code == 201, regional.text
        finance = http.get("/api/v1/me/finance", headers=owner).json()["data"]
        admissions = bearer(api_sign_in(http, "admissions.officer"))
        throwaway, _, _, _ = activated_student(http, stack, admissions)
        return {"request_number": filed.json()["request_number"],
                "regional_request_number": regional.json()["request_number"],
                "consumer_number": finance["challans"][0]["consumer_number"],
                "tracking_id": _tracking_id(http, owner), "username": throwaway, "registration_number": OWNER,
                "batch_id": "00000000-0000-4000-8000-000000000000",
                "document_id": "eyJhbGciOiJFZERTQSJ9.e30.AAAA", "serial": "RNS0000000000000000",
                "roll_number": "BM214365", "file_id": "00000000-0000-4000-8000-000000000000",
                "settlement_id": "1", "unmatched_id": "1", "attachment_id": "1",
                "complaint_number": "HD-2026-000001", "article_id": "1", "notification_id": "n1",
                "announcement_id": "1", "delivery_id": "1", "partner_id": "1",
                "webhook_delivery_id": "whd_" + "0" * 32, "answer_document_id": "1",
                "registry_number": demo.STUDENT["roll_number"]}


def _tracking_id(http, owner: dict) -> str:
    tracking = http.get("/api/v1/me/tracking", headers=owner).json()["data"]
    ids = [a["tracking_id"] for a in tracking.get("applications", [])]
    return ids[0] if ids else "EBN-AGZ-2G33"


@pytest.fixture(scope="session")
def callers(stack) -> dict[str, Caller]:
    base = stack.gateway_url()
    with client(stack) as http:
        other = demo.CLASSMATE["registration_number"]  # a record of her own, at another centre
        other_tokens = api_sign_in(http, other)
        found = {
            "anonymous": Caller("anonymous", frozenset(), pages=anonymous_pages(base)),
            "owner": Caller("owner", frozenset({"student"}), headers=bearer(api_sign_in(http, OWNER)),
                            pages=page_sign_in(base, OWNER), subject=OWNER),
            "another student": Caller("another student", frozenset({"student"}), headers=bearer(other_tokens),
                                      pages=page_sign_in(base, other), subject=other),
        }
        owner_centre = demo.STUDENT.get("centre", "ISB")
        for staff in demo.STAFF:
            name, dept = staff["username"], staff["department"]
            # A regional officer of a centre other than the owner's is a caller of her own.
            label = ANOTHER_CENTRE if staff.get("centre", owner_centre) != owner_centre else f"staff {dept}"
            found[label] = Caller(label, frozenset({"staff", f"staff:{dept}"}), headers=bearer(api_sign_in(http, name)),
                                  pages=page_sign_in(base, name), subject=name)
        for bank in demo.BANKS:
            found[f"bank {bank['mnemonic']}"] = Caller(f"bank {bank['mnemonic']}", frozenset({"bank"}),
                                                       auth=(bank["mnemonic"], demo.PASSWORD),
                                                       pages=anonymous_pages(base), subject=bank["mnemonic"])
        found["stolen service credential"] = Caller(
            "stolen service credential", frozenset(),
            headers={"Authorization": f"Bearer {service_tokens(stack, 'gateway').token()}"},
            pages=anonymous_pages(base))
    yield found
    for caller in found.values():
        if caller.pages is not None:
            caller.pages.close()


BULK_PASSWORD = "Jazz-Carrier-2026"


@pytest.fixture(scope="session")
def bulk_students(stack) -> list[str]:
    """1,000 real, active student accounts (inserted directly: the admission flow is not
    what uses them), with a password hashed as identity hashes them."""
    config = IdentityConfig(database_url=stack.env["IDENTITY_DATABASE_URL"], environment="test")
    hashed = Passwords(time_cost=config.argon2_time_cost, memory_kib=config.argon2_memory_kib,
                       parallelism=config.argon2_parallelism).hash(BULK_PASSWORD)
    usernames = [f"23C-{n:06d}" for n in range(1000)]
    now = clock.utcnow()
    engine = sa.create_engine(stack.env["IDENTITY_DATABASE_URL"])
    with engine.begin() as db:
        db.execute(sa.insert(accounts), [
            {"username": u, "kind": "student", "full_name": f"Carrier Student {i}", "status": "active",
             "password_hash": hashed, "created_at": now, "password_changed_at": now}
            for i, u in enumerate(usernames)])
    engine.dispose()
    return usernames
