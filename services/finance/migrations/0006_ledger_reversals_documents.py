"""The ledger made attributable and unchangeable; bank reversals; the challans printed.

- Every ledger entry says who posted it and why, and may name the one entry it undoes
  (unique: an entry is undone once). Triggers refuse any UPDATE or DELETE of an entry, in
  PostgreSQL and in SQLite alike: a mistake is corrected by a reversing entry, never by
  rewriting the account.
- A bank payment records its reversal (1LINK's void), and a challan why it was closed
  unpaid (expired, cancelled or superseded).
- The registry of printed challans (campus.documents), whose QR codes anyone can verify.

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa

from campus.alembic import documents_v1

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

REFUSAL = "ledger entries cannot be changed or deleted: post a reversing entry"
POSTGRES_TRIGGER = f"""
CREATE FUNCTION ledger_entries_are_final() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{REFUSAL}';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_entries_are_final BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_are_final();
"""
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER ledger_entries_not_updated BEFORE UPDATE ON ledger_entries "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
    f"CREATE TRIGGER ledger_entries_not_deleted BEFORE DELETE ON ledger_entries "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
]


def _make_entries_final() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_TRIGGER)
    else:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def _allow_changes_again() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER ledger_entries_are_final ON ledger_entries")
        op.execute("DROP FUNCTION ledger_entries_are_final()")
    else:
        op.execute("DROP TRIGGER ledger_entries_not_updated")
        op.execute("DROP TRIGGER ledger_entries_not_deleted")


def upgrade() -> None:
    documents_v1.create_tables()
    op.add_column('bank_payments', sa.Column('reversed_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('bank_payments', sa.Column('reversal_tran_date', sa.String(length=8), nullable=True))
    op.add_column('bank_payments', sa.Column('reversal_tran_time', sa.String(length=6), nullable=True))
    op.add_column('challans', sa.Column('closed_reason', sa.String(length=200), server_default='', nullable=False))
    op.add_column('challans', sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('posted_by', sa.String(length=200), server_default='system', nullable=False))
        batch_op.add_column(sa.Column('reason', sa.String(length=300), server_default='', nullable=False))
        batch_op.add_column(sa.Column('reverses_entry_id', sa.Integer(), nullable=True))
        batch_op.alter_column('kind', existing_type=sa.VARCHAR(length=10), type_=sa.String(length=16),
                              existing_nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_ledger_entries_reverses_entry_id'), ['reverses_entry_id'])
        batch_op.create_foreign_key(batch_op.f('fk_ledger_entries_reverses_entry_id_ledger_entries'),
                                    'ledger_entries', ['reverses_entry_id'], ['id'])
    _make_entries_final()  # last: SQLite's batch mode rebuilds the table, which drops triggers


def downgrade() -> None:
    _allow_changes_again()
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_ledger_entries_reverses_entry_id_ledger_entries'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_ledger_entries_reverses_entry_id'), type_='unique')
        batch_op.alter_column('kind', existing_type=sa.String(length=16), type_=sa.VARCHAR(length=10),
                              existing_nullable=False)
        batch_op.drop_column('reverses_entry_id')
        batch_op.drop_column('reason')
        batch_op.drop_column('posted_by')
    with op.batch_alter_table('challans', schema=None) as batch_op:
        batch_op.drop_column('closed_at')
        batch_op.drop_column('closed_reason')
    with op.batch_alter_table('bank_payments', schema=None) as batch_op:
        batch_op.drop_column('reversal_tran_time')
        batch_op.drop_column('reversal_tran_date')
        batch_op.drop_column('reversed_at')
    documents_v1.drop_tables()
