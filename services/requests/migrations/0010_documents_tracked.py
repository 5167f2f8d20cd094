"""Correction and verification of a transcript, certificate or degree are tracked like the
degree itself (issue 12): once paid, each opens an application the examinations department
moves through its stages, so the student follows it and can be asked for documents.

Revision ID: 0010
Revises: 0009
"""
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TRACKED = ("document_correction_fee", "document_verification_fee")


def upgrade() -> None:
    op.execute("UPDATE subtypes SET opens_degree_application = TRUE WHERE code IN "
               f"({', '.join(repr(code) for code in TRACKED)})")


def downgrade() -> None:
    op.execute("UPDATE subtypes SET opens_degree_application = FALSE WHERE code IN "
               f"({', '.join(repr(code) for code in TRACKED)})")
