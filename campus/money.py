"""Money is an integer number of paisa. The bill-payment network writes amounts as a
sign and 13 digits, the last two paisa: Rs 120.00 is `+0000000012000`."""
from __future__ import annotations

import re

ONE_LINK_AMOUNT = re.compile(r"^[+-]\d{13}$")


def to_one_link(paisa: int) -> str:
    return f"{'-' if paisa < 0 else '+'}{abs(paisa):013d}"


def from_one_link(text: str) -> int:
    if not isinstance(text, str) or not ONE_LINK_AMOUNT.match(text):
        raise ValueError("amount must be a sign and 13 digits, e.g. +0000000012000")
    value = int(text[1:])
    return -value if text[0] == "-" else value


RUPEES = re.compile(r"^[0-9]{1,11}(\.[0-9]{1,2})?$")


def from_rupees(text: str | None) -> int | None:
    """Rupees as people and banks' files write them ("2000.00", "2000", "2000.5") in paisa,
    or None for anything else (no sign, no thousands commas)."""
    text = (text or "").strip()
    if not RUPEES.match(text):
        return None
    whole, _, fraction = text.partition(".")
    return int(whole) * 100 + int((fraction + "00")[:2])


def rupees(paisa: int) -> str:
    """For people: `Rs 2,400` or `Rs 2,400.50`."""
    whole, fraction = divmod(abs(paisa), 100)
    text = f"Rs {whole:,}" + (f".{fraction:02d}" if fraction else "")
    return f"-{text}" if paisa < 0 else text
