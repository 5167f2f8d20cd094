"""The CSV files staff upload (admissions, marks, a bank's settlement): read whole and checked
whole before anything is applied, so a file is applied entirely or not at all.

This module reads the file: its header names the columns (any order, any case), a UTF-8
byte-order mark (Excel's) is ignored, and a file that is not CSV, lacks a column, has no
rows or too many is refused whole, naming `file`. Each service then checks the rows and
lists every refused one (line, field, reason), line 1 being the header.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from campus.errors import InvalidArgument

#: The line of a file's first row (line 1 is the header), for the refusal report.
FIRST_LINE = 2


def decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidArgument("the file is not UTF-8 text: save it as CSV (UTF-8)", field="file") from None


def csv_rows(text: str, columns: Sequence[str], *, max_rows: int) -> list[dict[str, str]]:
    """The file's rows by (lower-case) column name."""
    text = (text or "").lstrip("\ufeff")  # Excel saves UTF-8 with a byte-order mark
    try:
        reader = csv.DictReader(io.StringIO(text))
        header = [h.strip().lower() for h in reader.fieldnames or []]
        missing = [c for c in columns if c not in header]
        if missing:
            raise InvalidArgument(f"the file's first line must name the columns; missing: {', '.join(missing)}",
                                  field="file")
        reader.fieldnames = header
        rows = list(reader)
    except csv.Error as error:
        raise InvalidArgument(f"not a CSV file: {error}", field="file") from None
    if not rows:
        raise InvalidArgument("the file has no rows under its header", field="file")
    if len(rows) > max_rows:
        raise InvalidArgument(f"a file may have at most {max_rows} rows; split it", field="file")
    return rows
