"""One read per service that a signed-in student may make, to put a token in front of every
service: chosen from the declarations (a NO_SIDE_EFFECTS method whose policy admits
students), so a new service is probed the day it exists."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from google.protobuf import descriptor_pb2

from campus import policy, registry

NO_SIDE_EFFECTS = descriptor_pb2.MethodOptions.NO_SIDE_EFFECTS


@dataclass(frozen=True)
class Probe:
    service: str
    method: str
    owner_field: str
    students: str

    def request(self, owner: str):
        definition = registry.definition(self.service)
        message = definition.request_type(self.method)()
        if self.owner_field in message.DESCRIPTOR.fields_by_name:
            setattr(message, self.owner_field, owner)
        return message


@functools.cache
def student_probes() -> tuple[Probe, ...]:
    found = []
    for definition in registry.definitions():
        servicer = definition.servicer_class()
        candidates = []
        for method in definition.api.methods:
            rule = policy.policy_of(servicer, method.name)
            if rule and rule.students and method.GetOptions().idempotency_level == NO_SIDE_EFFECTS:
                candidates.append(Probe(definition.name, method.name, rule.owner_field, rule.students))
        # OWN first: the interceptor decides it from the request alone.
        candidates.sort(key=lambda p: p.students != policy.OWN)
        assert candidates, f"{definition.name}: no read a student may make, nothing to probe tokens with"
        found.append(candidates[0])
    return tuple(found)
