"""Where uploaded documents are kept: outside the database, under names we generate.

A service keeps the bytes here and a row (its own table) saying whose they are. The
store is a folder (`<var_dir>/attachments/<service>` unless configured); the Store
protocol is the face an S3-compatible store will wear too. Names are ours alone
(`new_name`): nothing a person typed ever reaches a path or a key.
"""
from __future__ import annotations

import os
import pathlib
import re
import uuid
from typing import Protocol

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


def open_store(folder: pathlib.Path) -> Store:
    return FolderStore(folder)
