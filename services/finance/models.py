"""Finance tables: fee schedule, challans, bank payments and their reversals, each student's
ledger, and the registry of the challans printed (campus.documents)."""
import sqlalchemy as sa

from campus import documents
from campus.db import new_metadata

metadata = new_metadata()

Money = sa.BigInteger  # paisa

fee_schedule = sa.Table(
    "fee_schedule", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("fee_code", sa.String(40), nullable=False),
    sa.Column("level", sa.String(20), nullable=False),         # program level, or "*"
    sa.Column("title", sa.String(120), nullable=False),
    sa.Column("amount_paisa", Money, nullable=False),
    sa.Column("late_fee_paisa", Money, nullable=False, server_default="0"),
    sa.UniqueConstraint("fee_code", "level"),
    sa.CheckConstraint("amount_paisa >= 0 AND late_fee_paisa >= 0", name="fee_not_negative"),
)

challans = sa.Table(
    "challans", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # Assigned from the id inside the issuing transaction, hence nullable.
    sa.Column("consumer_number", sa.String(18), unique=True),
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
    sa.Column("payer_name", sa.String(120), nullable=False, server_default=""),
    sa.Column("fee_code", sa.String(40), nullable=False),
    sa.Column("description", sa.String(200), nullable=False),
    sa.Column("reference", sa.String(60), nullable=False, unique=True),
    sa.Column("amount_paisa", Money, nullable=False),
    sa.Column("amount_after_due_paisa", Money, nullable=False),
    sa.Column("due_date", sa.Date, nullable=False),
    sa.Column("expires_on", sa.Date, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),       # unpaid | paid | blocked
    sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("paid_at", sa.DateTime(timezone=True)),
    sa.Column("paid_amount_paisa", Money),
    sa.Column("bank_mnemonic", sa.String(8)),
    sa.Column("tran_auth_id", sa.String(6)),
    # Why a challan was blocked before it was paid: expired unpaid, cancelled or superseded.
    sa.Column("closed_reason", sa.String(200), nullable=False, server_default=""),
    sa.Column("closed_at", sa.DateTime(timezone=True)),
    sa.CheckConstraint("amount_paisa > 0", name="amount_positive"),
)

bank_payments = sa.Table(
    "bank_payments", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("bank_mnemonic", sa.String(8), nullable=False),
    sa.Column("tran_auth_id", sa.String(6), nullable=False),
    sa.Column("consumer_number", sa.String(18), nullable=False),
    sa.Column("amount_paisa", Money, nullable=False),
    sa.Column("tran_date", sa.String(8), nullable=False),
    sa.Column("tran_time", sa.String(6), nullable=False),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("response_code", sa.String(2), nullable=False),
    sa.Column("identification_parameter", sa.String(20), nullable=False),
    # A payment the bank that took it voided (1LINK's reversal), within the reversal window.
    sa.Column("reversed_at", sa.DateTime(timezone=True)),
    sa.Column("reversal_tran_date", sa.String(8)),
    sa.Column("reversal_tran_time", sa.String(6)),
    # A payment is recorded exactly once per bank authorisation.
    sa.UniqueConstraint("bank_mnemonic", "tran_auth_id"),
)

# Each student's account. An entry is never changed or deleted (the database refuses it:
# migration 0006's triggers); a mistake is undone by a reversing entry that names it.
ledger_entries = sa.Table(
    "ledger_entries", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
    sa.Column("consumer_number", sa.String(18), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),          # domain.LEDGER_KINDS
    sa.Column("amount_paisa", Money, nullable=False),          # debits positive, credits negative
    sa.Column("description", sa.String(200), nullable=False),
    sa.Column("posted_at", sa.DateTime(timezone=True), nullable=False),
    # Who posted it ("bank:ABL", "staff:<login>@treasury", "system") and why.
    sa.Column("posted_by", sa.String(200), nullable=False, server_default="system"),
    sa.Column("reason", sa.String(300), nullable=False, server_default=""),
    # The entry this one undoes: each entry is undone at most once.
    sa.Column("reverses_entry_id", sa.Integer, sa.ForeignKey("ledger_entries.id"), unique=True),
)

issued_documents = documents.registry_table(metadata)
