"""The FAQ knowledge base: articles in English and Urdu, and their full-text search.

PostgreSQL keeps each language's text search vector in a generated column (English with
stemming, Urdu word by word), GIN-indexed: a search that matches most articles ranks them
from the stored vectors instead of parsing every article again. SQLite (the local launcher)
has an FTS5 table the service keeps in step with the articles. Neither is in the models'
metadata: they are one database's own (the migration test leaves them out by name).

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: The stored search vector of each language: (column, configuration, title, body).
VECTORS = (("search_en", "english", "title_en", "body_en"), ("search_ur", "simple", "title_ur", "body_ur"))


def upgrade() -> None:
    op.create_table(
        "faq_articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("body_en", sa.Text(), nullable=False),
        sa.Column("title_ur", sa.String(length=200), server_default="", nullable=False),
        sa.Column("body_ur", sa.Text(), server_default="", nullable=False),
        sa.Column("published", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("views", sa.Integer(), server_default="0", nullable=False),
        sa.Column("helpful_yes", sa.Integer(), server_default="0", nullable=False),
        sa.Column("helpful_no", sa.Integer(), server_default="0", nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=120), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_articles")),
    )
    op.create_index("ix_faq_articles_category", "faq_articles", ["category"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        for column, config, title, body in VECTORS:
            op.execute(f"ALTER TABLE faq_articles ADD COLUMN {column} tsvector GENERATED ALWAYS AS "
                       f"(to_tsvector('{config}', {title} || ' ' || {body})) STORED")
            op.execute(f"CREATE INDEX ix_faq_articles_{column} ON faq_articles USING gin ({column})")
    else:
        op.execute("CREATE VIRTUAL TABLE faq_search USING fts5(article_id UNINDEXED, lang UNINDEXED, title, body, "
                   "tokenize = 'unicode61')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for column, *_rest in VECTORS:
            op.execute(f"DROP INDEX ix_faq_articles_{column}")
            op.execute(f"ALTER TABLE faq_articles DROP COLUMN {column}")
    else:
        op.execute("DROP TABLE faq_search")
    op.drop_index("ix_faq_articles_category", table_name="faq_articles")
    op.drop_table("faq_articles")
