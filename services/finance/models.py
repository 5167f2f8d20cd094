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
    # Days after the due date from which the fee is doubled (0: never).
    sa.Column("double_after_days", sa.Integer, nullable=False, server_default="0"),
    # From when this row applies: a change is a new row from its date, the old one kept.
    sa.Column("applies_from", sa.Date, nullable=False, server_default="2020-01-01"),
    sa.Column("set_by", sa.String(200), nullable=False, server_default="migration"),
    sa.UniqueConstraint("fee_code", "level", "applies_from"),
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
    # The double fee stage (where the fee has one): from this day the challan asks for double.
    sa.Column("double_fee_from", sa.Date),
    sa.Column("amount_double_paisa", Money),
    sa.Column("expires_on", sa.Date, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),       # unpaid | paid | blocked
    sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("paid_at", sa.DateTime(timezone=True)),
    sa.Column("paid_amount_paisa", Money),
    sa.Column("bank_mnemonic", sa.String(8)),
    sa.Column("tran_auth_id", sa.String(6)),
    # Whose programme and level it was issued at: treasury's dues by programme.
    sa.Column("program_code", sa.String(20), nullable=False, server_default=""),
    sa.Column("level", sa.String(20), nullable=False, server_default=""),
    # Why a challan was blocked before it was paid: expired unpaid, cancelled or superseded.
    sa.Column("closed_reason", sa.String(200), nullable=False, server_default=""),
    sa.Column("closed_at", sa.DateTime(timezone=True)),
    # The challan that replaced this one (treasury superseded it).
    sa.Column("superseded_by", sa.String(18)),
    sa.CheckConstraint("amount_paisa > 0", name="amount_positive"),
    sa.Index("ix_challans_status_program", "status", "program_code"),
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

# The refund rules (data: migration 0009), each from the date it applies: the share of a
# paid fee the university keeps on each ground. A request's subtype names its grounds.
refund_rules = sa.Table(
    "refund_rules", metadata,
    sa.Column("ground", sa.String(40), primary_key=True),
    sa.Column("applies_from", sa.Date, primary_key=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("deduction_percent", sa.Integer, nullable=False),
    sa.Column("subtype", sa.String(60), nullable=False),   # the request subtype it decides
    sa.CheckConstraint("deduction_percent BETWEEN 0 AND 100", name="deduction_is_a_percentage"),
)

# A "Refund of Fee" request as treasury's case: opened from requests' event, decided once.
refund_cases = sa.Table(
    "refund_cases", metadata,
    sa.Column("request_number", sa.String(20), primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
    sa.Column("subtype", sa.String(60), nullable=False),
    sa.Column("details", sa.Text, nullable=False, server_default=""),
    sa.Column("status", sa.String(10), nullable=False),      # open | approved | rejected
    sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("consumer_number", sa.String(18)),             # approved: the challan refunded
    sa.Column("ground", sa.String(40)),
    sa.Column("base_paisa", Money),
    sa.Column("amount_paisa", Money),
    sa.Column("decided_by", sa.String(200), nullable=False, server_default=""),
    sa.Column("decided_at", sa.DateTime(timezone=True)),
    sa.Column("note", sa.String(500), nullable=False, server_default=""),
    # A challan is refunded once.
    sa.UniqueConstraint("consumer_number"),
)

# An "Apply for Financial Aid / Scholarship" request as a case: awarded (its amount refunded
# from a paid fee, or waiting, `remaining_paisa`, for her next semester fee) or refused.
aid_cases = sa.Table(
    "aid_cases", metadata,
    sa.Column("request_number", sa.String(20), primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False, index=True),
    sa.Column("subtype", sa.String(60), nullable=False),
    sa.Column("details", sa.Text, nullable=False, server_default=""),
    sa.Column("status", sa.String(10), nullable=False),      # open | awarded | rejected
    sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("award_paisa", Money),
    sa.Column("refunded_paisa", Money),
    sa.Column("remaining_paisa", Money, nullable=False, server_default="0"),
    sa.Column("consumer_number", sa.String(18)),             # the paid challan refunded from
    sa.Column("decided_by", sa.String(200), nullable=False, server_default=""),
    sa.Column("decided_at", sa.DateTime(timezone=True)),
    sa.Column("note", sa.String(500), nullable=False, server_default=""),
    sa.CheckConstraint("remaining_paisa >= 0", name="remaining_not_negative"),
)

# A payment the bank reversed after what it paid for was decided (requests' event): the fee
# is treasury's to recover; kept until treasury says it is recovered.
recoveries = sa.Table(
    "recoveries", metadata,
    sa.Column("request_number", sa.String(20), primary_key=True),
    sa.Column("registration_number", sa.String(20), nullable=False),
    sa.Column("consumer_number", sa.String(18), nullable=False),
    sa.Column("request_status", sa.String(20), nullable=False),
    sa.Column("bank_mnemonic", sa.String(8), nullable=False),
    sa.Column("reversed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("recovered_at", sa.DateTime(timezone=True)),
    sa.Column("recovered_by", sa.String(200), nullable=False, server_default=""),
    sa.Column("note", sa.String(300), nullable=False, server_default=""),
)

# The banks that collect fees (data: migration 0007). Each signs in with its own credential
# (identity's bank accounts) and acts only on its own payments.
banks = sa.Table(
    "banks", metadata,
    sa.Column("mnemonic", sa.String(8), primary_key=True),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
)

# Each bank's daily settlement file as treasury uploaded it, with the report it gave: the
# same file again (same bank, same SHA-256) answers the same report.
settlements = sa.Table(
    "settlements", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("bank_mnemonic", sa.String(8), nullable=False),
    sa.Column("file_name", sa.String(200), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("uploaded_by", sa.String(200), nullable=False),
    sa.Column("first_tran_date", sa.String(8), nullable=False),
    sa.Column("last_tran_date", sa.String(8), nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("matched", sa.Integer, nullable=False),
    sa.Column("report", sa.Text, nullable=False),           # JSON: unrecorded, missing, mismatched
    sa.UniqueConstraint("bank_mnemonic", "sha256"),
)

# Money a bank's settlement says it took that no bill-payment call told us of: kept until
# treasury posts it to its challan or refunds it, never dropped (one row per authorisation).
unmatched_payments = sa.Table(
    "unmatched_payments", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("bank_mnemonic", sa.String(8), nullable=False),
    sa.Column("tran_auth_id", sa.String(6), nullable=False),
    sa.Column("consumer_number", sa.String(18), nullable=False),
    sa.Column("amount_paisa", Money, nullable=False),
    sa.Column("tran_date", sa.String(8), nullable=False),
    sa.Column("status", sa.String(10), nullable=False),    # open | posted | refunded
    sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("settlement_id", sa.Integer, sa.ForeignKey("settlements.id"), nullable=False),
    sa.Column("resolved_at", sa.DateTime(timezone=True)),
    sa.Column("resolved_by", sa.String(200), nullable=False, server_default=""),
    sa.Column("note", sa.String(300), nullable=False, server_default=""),
    sa.UniqueConstraint("bank_mnemonic", "tran_auth_id"),
)
