"""Where uploaded documents are kept: outside the database, under names we generate.

A service keeps the bytes here and a row (its own table) saying whose they are. Two stores
with one face: a folder on local disk (`<var_dir>/attachments/<service>`: `make up`, one
machine), and S3-compatible object storage (MinIO in compose, any S3 in production, where
containers have read-only file systems and many replicas) when `<SERVICE>_OBJECT_STORE_URL`
is set. Names are ours alone (`new_name`): nothing a person typed reaches a path or a key.
"""
from __future__ import annotations

import io
import os
import pathlib
import re
import uuid
from typing import Protocol
from urllib.parse import unquote, urlsplit

NAME = re.compile(r"^[0-9a-f]{32}$")


def new_name() -> str:
    return uuid.uuid4().hex


def _checked(name: str) -> str:
    if not NAME.match(name):  # a store only ever sees names new_name made
        raise ValueError(f"not a stored name: {name!r}")
    return name


class Store(Protocol):
    def put(self, name: str, content: bytes, content_type: str) -> None: ...

    def get(self, name: str) -> bytes: ...

    def delete(self, name: str) -> None: ...


class FolderStore:
    """A folder, two levels of sub-folders by name so no folder grows to millions of files."""

    def __init__(self, root: pathlib.Path):
        self.root = pathlib.Path(root)

    def _path(self, name: str) -> pathlib.Path:
        name = _checked(name)
        return self.root / name[:2] / name[2:4] / name

    def put(self, name: str, content: bytes, content_type: str) -> None:
        path = self._path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        with open(partial, "wb") as out:  # written whole, then renamed: a reader never sees half a file
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)

    def get(self, name: str) -> bytes:
        return self._path(name).read_bytes()

    def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)


class ObjectStore:
    """S3-compatible object storage through the MinIO client, one bucket per service."""

    def __init__(self, url: str):
        from minio import Minio  # only where object storage is configured

        parts = urlsplit(url)
        self.bucket = parts.path.strip("/")
        self.client = Minio(f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname,
                            access_key=unquote(parts.username or ""), secret_key=unquote(parts.password or ""),
                            secure=parts.scheme == "https")

    def ensure_bucket(self) -> None:
        if not self.client.bucket_exists(self.bucket):
            self.client.make_bucket(self.bucket)

    def put(self, name: str, content: bytes, content_type: str) -> None:
        self.client.put_object(self.bucket, _checked(name), io.BytesIO(content), len(content),
                               content_type=content_type)

    def get(self, name: str) -> bytes:
        response = self.client.get_object(self.bucket, _checked(name))
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()

    def delete(self, name: str) -> None:
        self.client.remove_object(self.bucket, _checked(name))


#: http(s)://ACCESS_KEY:SECRET_KEY@host[:port]/bucket
OBJECT_STORE_URL = r"^https?://[^:@/\s]+:[^@/\s]+@[^/\s]+/[a-z0-9][a-z0-9.-]{2,62}$"


def open_store(folder: pathlib.Path, object_store_url: str = "") -> Store:
    """The object store when one is configured (its bucket made if missing), else the folder."""
    if object_store_url:
        store = ObjectStore(object_store_url)
        store.ensure_bucket()
        return store
    return FolderStore(folder)
