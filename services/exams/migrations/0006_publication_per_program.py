"""Publication per program and semester: what was published kept as each candidate's card
(read by the public result look-up), and each result's program.

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('result_publications',
    sa.Column('semester', sa.String(length=20), nullable=False),
    sa.Column('program_code', sa.String(length=20), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('published_by', sa.String(length=120), nullable=False),
    sa.Column('candidates', sa.Integer(), nullable=False),
    sa.Column('results', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('semester', 'program_code', name=op.f('pk_result_publications'))
    )
    op.create_table('published_cards',
    sa.Column('roll_number', sa.String(length=8), nullable=False),
    sa.Column('registration_number', sa.String(length=20), nullable=False),
    sa.Column('semester', sa.String(length=20), nullable=False),
    sa.Column('program_code', sa.String(length=20), nullable=False),
    sa.Column('card', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('published_on', sa.Date(), nullable=False),
    sa.Column('revised_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['roll_number'], ['candidates.roll_number'], name=op.f('fk_published_cards_roll_number_candidates')),
    sa.PrimaryKeyConstraint('roll_number', name=op.f('pk_published_cards'))
    )
    with op.batch_alter_table('published_cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_published_cards_registration_number'), ['registration_number'], unique=False)

    op.add_column('results', sa.Column('program_code', sa.String(length=20), server_default='', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('results', schema=None) as batch_op:
        batch_op.drop_column('program_code')

    with op.batch_alter_table('published_cards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_published_cards_registration_number'))

    op.drop_table('published_cards')
    op.drop_table('result_publications')
