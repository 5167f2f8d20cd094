"""Extract every message of the portal, translate it from the Urdu table, write .po and .mo.

    python -m gateway.translations           write the catalogue
    python -m gateway.translations --check   exit 1 if a message has no Urdu, or the files are stale
"""
from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from gateway.translations.urdu import URDU

GATEWAY = Path(__file__).resolve().parent.parent
OUT = GATEWAY / "translations" / "ur" / "LC_MESSAGES"
# The case timeline writes its sentences in the JSON API too (in the asker's language).
METHODS = [("portal/**.py", "python"), ("blueprints/case_timeline.py", "python"), ("templates/**.html", "jinja2")]
KEYWORDS = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None}


def messages() -> list[str]:
    found = extract_from_dir(str(GATEWAY), METHODS, keywords=KEYWORDS, comment_tags=(),
                             strip_comment_tags=True)
    return sorted({message for _file, _line, message, _comments, _context in found if message})


def catalogue() -> tuple[Catalog, list[str]]:
    # Fixed dates: the files must come out the same on every run, or --check could never pass.
    epoch = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    catalog = Catalog(locale="ur", project="campus-portal", fuzzy=False, creation_date=epoch, revision_date=epoch)
    missing = []
    for message in messages():
        if message not in URDU:
            missing.append(message)
        catalog.add(message, URDU.get(message, ""))
    return catalog, missing


def _bytes(catalog: Catalog) -> tuple[bytes, bytes]:
    po, mo = io.BytesIO(), io.BytesIO()
    write_po(po, catalog, omit_header=True, sort_output=True, width=0)
    write_mo(mo, catalog)
    return po.getvalue(), mo.getvalue()


def main(argv: list[str]) -> int:
    catalog, missing = catalogue()
    for message in missing:
        print(f"no Urdu for: {message!r}", file=sys.stderr)
    po, mo = _bytes(catalog)
    paths = {OUT / "messages.po": po, OUT / "messages.mo": mo}
    if "--check" in argv:
        stale = [str(p.relative_to(GATEWAY.parent)) for p, data in paths.items()
                 if not p.is_file() or p.read_bytes() != data]
        for path in stale:
            print(f"out of date: {path} (run make translations)", file=sys.stderr)
        return 1 if missing or stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for path, data in paths.items():
        path.write_bytes(data)
    print(f"wrote {len(catalog)} messages ({len(missing)} without Urdu)")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
