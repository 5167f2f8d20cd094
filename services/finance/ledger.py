"""Finance's ledger writer: every entry posted under the name of whoever makes the change
(the ledger is attributable: who, when, why), and each written to the audit chain. An entry
is never changed: the database refuses it (migration 0006); a reversing entry undoes one."""
from __future__ import annotations

import sqlalchemy as sa

from campus import audit
from campus.auth import Unauthenticated, current_caller
from services.finance import domain
from services.finance.models import ledger_entries


def post(uow, *, kind: str, amount_paisa: int, reason: str = "", reverses_entry_id: int | None = None,
          **entry) -> dict:
    """Post one ledger entry (`amount_paisa` positive: the kind says debit or credit), posted
    by whoever makes this call; returns it with its id, for the audit chain."""
    entry = {**entry, "kind": kind, "amount_paisa": domain.signed_amount(kind, amount_paisa),
             "posted_by": actor(), "reason": reason[:300], "reverses_entry_id": reverses_entry_id}
    entry_id = uow.session.execute(sa.insert(ledger_entries).values(**entry)).inserted_primary_key[0]
    return {"id": entry_id, **entry}


def actor() -> str:
    """Who is making this change, for the ledger and the treasury's records."""
    try:
        return audit.actor_of(current_caller())
    except Unauthenticated:
        return audit.SYSTEM


def officer() -> str:
    """The staff login making this change, as a student reads it on her request ("system" if none)."""
    try:
        return current_caller().subject
    except Unauthenticated:
        return audit.SYSTEM


def audit_entries(uow, entries: list[dict]) -> None:
    for entry in entries:
        audit.append(uow.session, entity="ledger_entry", entity_id=entry["id"], action="posted", payload=entry)
