"""Each process's own credential: one Ed25519 key per service (and one for the gateway).

A process holds only its own private key (`<PREFIX>_SERVICE_KEY_FILE`, PEM). Receivers
verify the service token a caller sends with the public key registered for the service
the token claims (`sub`), read from the public keys document (`SERVICE_PUBLIC_KEYS_FILE`):

    {"services": {"finance": [{"kty": "OKP", "crv": "Ed25519", "x": "...", "kid": "...",
                               "alg": "EdDSA", "use": "sig"}], ...},
     "development": true}          # only in keys made for `make up` and tests

A token for finance signed with requests' key names requests' kid, which is not among
finance's keys: refused. Several keys per service allow rotation (publish the new public
key, roll out the private one, then remove the old). Production refuses a document marked
`development` (campus.config).

    python -m campus.service_keys new DIR [--development]   # DIR/<name>-service-key.pem each, and
                                                             # DIR/service-public-keys.json
    python -m campus.service_keys check FILE                 # reads a public keys document
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import pathlib
import secrets
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterable

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from jwt import PyJWK
from jwt.algorithms import OKPAlgorithm

#: The one caller that is not a service: its credential says "the public, through the gateway".
GATEWAY = "gateway"
PUBLIC_FILE = "service-public-keys.json"
#: Where `make up` keeps them: <CAMPUS_VAR_DIR>/service-keys/.
LOCAL_DIR = "service-keys"


def key_file_name(name: str) -> str:
    """`<name>-service-key.pem`: the same name in var/service-keys/, deploy/secrets/ (compose)
    and the `<name>-service-key` Secret (Kubernetes)."""
    return f"{name}-service-key.pem"


class ServiceKeyError(Exception):
    """A key or public keys document that cannot be used (the message says why)."""


def generate_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def load_private(pem: bytes) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as exc:
        raise ServiceKeyError(f"not a PEM private key ({type(exc).__name__})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ServiceKeyError("not an Ed25519 key")
    return key


def kid_of(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_jwk(private: Ed25519PrivateKey) -> dict:
    public = private.public_key()
    return {**json.loads(OKPAlgorithm.to_jwk(public)), "kid": kid_of(public), "alg": "EdDSA", "use": "sig"}


def document(public_keys: dict[str, list[dict]], *, development: bool = False) -> str:
    body: dict = {"services": {name: list(keys) for name, keys in sorted(public_keys.items())}}
    if development:
        body["development"] = True
    return json.dumps(body, indent=2) + "\n"


def parse(text: str) -> tuple[dict[str, dict[str, PyJWK]], bool]:
    """{service: {kid: key}} and whether the document is marked development."""
    try:
        body = json.loads(text)
        services = body["services"]
        if not isinstance(services, dict):
            raise TypeError("services is not an object")
        keys = {}
        for name, jwks in services.items():
            for jwk in jwks:
                if "d" in jwk:
                    raise ServiceKeyError(f"the key of {name} is a private key; publish only the public part")
                if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519" or not jwk.get("kid"):
                    raise ServiceKeyError(f"every key of {name} must be an Ed25519 JWK with a kid")
            keys[name] = {jwk["kid"]: PyJWK(jwk, algorithm="EdDSA") for jwk in jwks}
        return keys, bool(body.get("development", False))
    except ServiceKeyError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ServiceKeyError(f'not a public keys document {{"services": {{name: [JWK, ...]}}}} '
                        f"({type(exc).__name__})") from None


class ServiceKeyDirectory:
    """The public key(s) of every service, by name and kid, read from the document.

    Loaded on first use; read again when a token names a kid it does not know (a key was
    added by a rotation: a Kubernetes ConfigMap volume updates the file in place), at most
    every `refresh_floor` seconds."""

    def __init__(self, load: Callable[[], str], *, refresh_floor: float = 10.0):
        self._load = load
        self._floor = refresh_floor
        self._keys: dict[str, dict[str, PyJWK]] = {}
        self._development = False
        self._loaded_at: float | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_file(cls, path: pathlib.Path, **kwargs) -> ServiceKeyDirectory:
        def load() -> str:
            try:
                return pathlib.Path(path).read_text()
            except OSError as exc:
                raise ServiceKeyError(f"cannot read the public keys document {path}: {exc.strerror}") from None
        return cls(load, **kwargs)

    def _refresh(self, force: bool) -> None:
        with self._lock:
            if self._loaded_at is not None and (
                    not force or time.monotonic() - self._loaded_at < self._floor):
                return
            self._keys, self._development = parse(self._load())
            self._loaded_at = time.monotonic()

    def key(self, service: str, kid: str) -> PyJWK | None:
        self._refresh(force=False)
        found = self._keys.get(service, {}).get(kid)
        if found is None:
            self._refresh(force=True)
            found = self._keys.get(service, {}).get(kid)
        return found

    def services(self) -> set[str]:
        self._refresh(force=False)
        return set(self._keys)

    @property
    def development(self) -> bool:
        self._refresh(force=False)
        return self._development

    def kids(self, service: str) -> set[str]:
        self._refresh(force=False)
        return set(self._keys.get(service, {}))

    def keys_of(self, service: str) -> dict[str, PyJWK]:
        """{kid: key} of one service (campus.documents publishes the issuers' keys)."""
        self._refresh(force=False)
        return dict(self._keys.get(service, {}))


# -- making keys ----------------------------------------------------------------------
def owners() -> list[str]:
    """Everyone who needs a credential: each service of the registry, and the gateway."""
    from campus import registry
    return [*registry.names(), GATEWAY]


def _write_private(path: pathlib.Path, pem: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)


def new(directory: pathlib.Path, names: Iterable[str], *, development: bool) -> None:
    """A fresh private key per name (`<name>-service-key.pem`, 0600) and their public keys document."""
    directory.mkdir(parents=True, exist_ok=True)
    published = {}
    for name in names:
        pem = generate_pem()
        _write_private(directory / key_file_name(name), pem)
        published[name] = [public_jwk(load_private(pem))]
    (directory / PUBLIC_FILE).write_text(document(published, development=development))


def ensure_local(directory: pathlib.Path, names: Iterable[str] | None = None) -> bool:
    """Development keys for `make up` (and the test stacks): made once, in one step, if
    missing or incomplete; True when it made them. Each key is a throwaway for this machine,
    marked development so that production refuses them."""
    names = list(owners() if names is None else names)
    if (directory / PUBLIC_FILE).is_file() and all((directory / key_file_name(n)).is_file() for n in names):
        return False
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = directory.with_name(f".{directory.name}.{secrets.token_hex(4)}")
    new(staging, names, development=True)
    if directory.exists():  # incomplete (a service was added): replace the whole set
        shutil.rmtree(directory)
    try:
        os.rename(staging, directory)
    except OSError:  # another launcher won the race: use its keys
        shutil.rmtree(staging, ignore_errors=True)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m campus.service_keys", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("new", help="a private key per service and the gateway, and their public keys document")
    make.add_argument("directory", type=pathlib.Path)
    make.add_argument("--development", action="store_true", help="mark them development (production refuses them)")
    check = sub.add_parser("check", help="read a public keys document")
    check.add_argument("file", type=pathlib.Path)
    args = parser.parse_args(argv)
    if args.command == "new":
        files = [key_file_name(n) for n in owners()] + [PUBLIC_FILE]
        present = [f for f in files if (args.directory / f).exists()]
        if present:
            print(f"refusing to overwrite {', '.join(present)} in {args.directory}", file=sys.stderr)
            return 1
        new(args.directory, owners(), development=args.development)
        print(f"wrote {', '.join(files)} in {args.directory}")
        return 0
    try:
        keys, development = parse(args.file.read_text())
    except (ServiceKeyError, OSError) as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    missing = sorted(set(owners()) - set(keys))
    print(f"{args.file}: keys for {', '.join(sorted(keys))}" + (" (development)" if development else ""))
    if missing:
        print(f"  no key for {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
