"""Every service of the system, found by its definition: `services/<name>/bootstrap.py`.

The platform and deploy ask here instead of keeping tables of their own, so a new
service is a new folder and nothing else. Order is by port, which is also the order
the launcher migrates and seeds in (the accounts service comes first).
"""
from __future__ import annotations

import functools
import importlib

from campus.config import ROOT
from campus.definition import ServiceDefinition

SERVICES_DIR = ROOT / "services"


@functools.cache
def names() -> tuple[str, ...]:
    found = [path.parent.name for path in SERVICES_DIR.glob("*/bootstrap.py")]
    return tuple(sorted(found, key=lambda name: definition(name).port))


@functools.cache
def definition(name: str) -> ServiceDefinition:
    try:
        module = importlib.import_module(f"services.{name}.bootstrap")
    except ModuleNotFoundError as error:
        if error.name in (f"services.{name}", f"services.{name}.bootstrap"):
            raise LookupError(f"no service named {name!r} (no services/{name}/bootstrap.py)") from None
        raise
    found = module.SERVICE
    if found.name != name:
        raise ValueError(f"services/{name}/bootstrap.py declares the service {found.name!r}")
    return found


def definitions() -> list[ServiceDefinition]:
    return [definition(name) for name in names()]


def with_consumers() -> list[ServiceDefinition]:
    return [d for d in definitions() if d.consumer]


def with_seed() -> list[ServiceDefinition]:
    return [d for d in definitions() if d.seed]


def token_issuer() -> ServiceDefinition:
    """The one service that signs access tokens (it declares `public_keys`)."""
    issuers = [d for d in definitions() if d.public_keys]
    if len(issuers) != 1:
        raise LookupError(f"exactly one service must declare public_keys, found {len(issuers)}")
    return issuers[0]


@functools.cache
def departments() -> tuple[str, ...]:
    """The staff departments, as the service that owns staff accounts declares them."""
    return tuple(dept for d in definitions() for dept in d.departments)


@functools.cache
def centre_bound() -> frozenset[str]:
    """The departments that work for one regional centre, as the service that owns staff
    accounts declares them: every service limits their staff to that centre's students."""
    return frozenset(dept for d in definitions() for dept in d.centre_bound)
