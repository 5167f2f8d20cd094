"""Who may call an RPC, declared on the servicer method and enforced by the gRPC server.

    class BursaryServicer(...):
        @rpc(students=OWN, staff={"treasury"}, services={"enrolment-desk"})
        def GetGrant(self, request, context): ...

Before the method runs, the server's interceptor checks the verified caller against the
declaration: a student only with `students=OWN` and her own registration number in the
request's `owner_field`, staff of the listed departments (or ALL), the listed calling
services whoever the end user is, banks with `banks=True`, and everyone with
`public=True`. A method with no declaration is refused, and a server will not start
with one (GrpcServer.add checks every method of the proto).

Rules that depend on a stored record (whose challan this is, which department handles a
request) stay in the method, with `authorize`: the declaration says who may ask at all.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from campus import auth
from campus.errors import PermissionDenied, Unauthenticated

OWN = "own"          # a student, for the registration number in the request's owner_field
RECORD = "record"    # a student, for a record the method looks up and checks itself
ALL = "*"            # every staff department


@dataclass(frozen=True)
class Policy:
    public: bool = False
    students: str | None = None
    staff: frozenset[str] | str = frozenset()
    services: frozenset[str] = frozenset()
    banks: bool = False
    owner_field: str = "registration_number"

    def departments(self) -> frozenset[str]:
        return frozenset() if self.staff == ALL else frozenset(self.staff)

    def allows(self, caller: auth.Caller, request) -> bool:
        if self.public or (caller.service and caller.service in self.services):
            return True
        if caller.kind == auth.STUDENT:
            return self.students == RECORD or (self.students == OWN and self._owns(caller, request))
        if caller.kind == auth.STAFF:
            return self.staff == ALL or caller.department in self.staff
        return caller.kind == auth.BANK and self.banks

    def _owns(self, caller: auth.Caller, request) -> bool:
        owner = str(getattr(request, self.owner_field, "") or "").strip()
        return bool(owner) and owner.casefold() == caller.subject.casefold()

    def check(self, caller: auth.Caller, request) -> None:
        if self.allows(caller, request):
            return
        if caller.kind == auth.PUBLIC:  # nobody signed in: that, not a lack of rights, is the problem
            raise Unauthenticated("sign in first")
        raise PermissionDenied("this caller may not do that")


def rpc(*, public: bool = False, students: str | None = None, staff: Iterable[str] | str = (),
        services: Iterable[str] = (), banks: bool = False, owner_field: str = "registration_number"):
    """Declare who may call the decorated servicer method."""
    if students not in (None, OWN, RECORD):
        raise ValueError(f"students must be None, OWN or RECORD, not {students!r}")
    policy = Policy(public=public, students=students, staff=ALL if staff == ALL else frozenset(staff),
                    services=frozenset(services), banks=banks, owner_field=owner_field)

    def declare(method):
        method.__rpc_policy__ = policy
        return method

    return declare


def policy_of(servicer, method: str) -> Policy | None:
    return getattr(getattr(servicer, method, None), "__rpc_policy__", None)


def undeclared(servicer, methods: Iterable[str]) -> list[str]:
    """The methods of the API that have no declared policy."""
    return [name for name in methods if policy_of(servicer, name) is None]


def unknown_departments(servicer, methods: Iterable[str], known: Iterable[str]) -> list[str]:
    """Departments a policy names that no service declares (a typo would lock staff out)."""
    known = set(known)
    named = {dept for name in methods if (p := policy_of(servicer, name)) for dept in p.departments()}
    return sorted(named - known)
