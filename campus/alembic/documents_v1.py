"""The registry of issued documents (campus.documents), version 1: created by the migration
of each service that starts issuing documents. Frozen: a later change is a documents_v2."""
import sqlalchemy as sa
from alembic import op


def create_tables() -> None:
    op.create_table('issued_documents',
    sa.Column('serial', sa.String(length=32), nullable=False),
    sa.Column('document_type', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=40), nullable=False),
    sa.Column('copy_of', sa.String(length=200), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('document_id', sa.Text(), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_by', sa.String(length=120), server_default='', nullable=False),
    sa.Column('revocation_reason', sa.String(length=300), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('serial', name=op.f('pk_issued_documents'))
    )
    op.create_index('ix_issued_documents_copy_of', 'issued_documents', ['copy_of'], unique=False)
    op.create_index('ix_issued_documents_subject', 'issued_documents', ['subject', 'issued_at'], unique=False)


def drop_tables() -> None:
    op.drop_index('ix_issued_documents_subject', table_name='issued_documents')
    op.drop_index('ix_issued_documents_copy_of', table_name='issued_documents')
    op.drop_table('issued_documents')
