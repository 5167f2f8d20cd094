"""The FAQ knowledge base: answers to frequent questions in English and Urdu, searched with
the database's own full-text search, counted (views, "was this answer helpful?") and kept
by student services.

PostgreSQL: each language's title and body as a stored `tsvector` (English stemmed, Urdu
word by word; migration 0009's generated, GIN-indexed columns), matched by
`websearch_to_tsquery`, ranked by `ts_rank`, the snippet by `ts_headline`. SQLite (the local launcher): the FTS5 table
`faq_search`, one row per article and language, rewritten here whenever an article is saved."""
from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa

from campus import audit, clock, identifiers
from campus.auth import Caller
from campus.db import Database
from campus.errors import InvalidArgument, NotFound
from services.requests.models import faq_articles

CATEGORIES = ("portal", "login", "requests", "fees", "exams", "registration", "books", "degrees")
LANGUAGES = ("en", "ur")
QUERY_MAX = 200
#: PostgreSQL text search configuration for each language's columns.
CONFIG = {"en": "english", "ur": "simple"}
SNIPPET_WORDS = 24


@dataclass(frozen=True)
class Found:
    article_id: int
    title: str
    snippet: str
    category: str


@dataclass(frozen=True)
class Article:
    category: str
    title_en: str
    body_en: str
    title_ur: str = ""
    body_ur: str = ""
    published: bool = True


def _columns(lang: str) -> tuple[sa.Column, sa.Column]:
    return (faq_articles.c.title_ur, faq_articles.c.body_ur) if lang == "ur" else (
        faq_articles.c.title_en, faq_articles.c.body_en)


def _language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise InvalidArgument("lang must be en or ur", field="lang")
    return lang


def search(db: Database, words: str, lang: str = "en", *, category: str = "", limit: int = 10) -> list[Found]:
    """Published articles matching `words` in `lang`, best first; with no words, the
    category's (or every) article, most viewed first. An Urdu article without Urdu text is
    found by its English."""
    words = identifiers.text(words, "q", max_length=QUERY_MAX)
    lang = _language(lang)
    if category and category not in CATEGORIES:
        raise InvalidArgument("unknown category", field="category")
    if not words.strip():
        return _browse(db, lang, category, limit)
    with db.sessions() as session:
        if session.bind.dialect.name == "postgresql":
            found = _search_postgresql(session, words, lang, category, limit)
        else:
            found = _search_sqlite(session, words, lang, category, limit)
    if lang == "ur" and not found:
        return search(db, words, "en", category=category, limit=limit)
    return found


def _title(row, lang: str) -> str:
    return (row.title_ur if lang == "ur" and row.title_ur else row.title_en)


def _browse(db: Database, lang: str, category: str, limit: int) -> list[Found]:
    query = sa.select(faq_articles).where(faq_articles.c.published.is_(True))
    if category:
        query = query.where(faq_articles.c.category == category)
    with db.sessions() as session:
        rows = session.execute(query.order_by(faq_articles.c.views.desc(), faq_articles.c.id).limit(limit)).all()
    return [Found(r.id, _title(r, lang), _excerpt(r.body_ur if lang == "ur" and r.body_ur else r.body_en), r.category)
            for r in rows]


def _excerpt(body: str) -> str:
    words = body.split()
    return " ".join(words[:SNIPPET_WORDS]) + (" …" if len(words) > SNIPPET_WORDS else "")


def _search_postgresql(session, words: str, lang: str, category: str, limit: int) -> list[Found]:
    title, body = _columns(lang)
    config = CONFIG[lang]
    vector = sa.literal_column(f"search_{lang}")  # migration 0009's stored, GIN-indexed vector
    query = sa.func.websearch_to_tsquery(sa.literal_column(f"'{config}'"), words)
    snippet = sa.func.ts_headline(sa.literal_column(f"'{config}'"), body, query,
                                  f'MaxWords={SNIPPET_WORDS}, MinWords=8, StartSel="", StopSel=""')
    statement = (sa.select(faq_articles.c.id, title.label("title"), snippet.label("snippet"), faq_articles.c.category)
                 .where(vector.op("@@")(query), faq_articles.c.published.is_(True))
                 .order_by(sa.func.ts_rank(vector, query).desc(), faq_articles.c.id).limit(limit))
    if category:
        statement = statement.where(faq_articles.c.category == category)
    return [Found(r.id, r.title, r.snippet, r.category) for r in session.execute(statement)]


def _fts5_query(words: str) -> str:
    """Each word quoted: what a person types never reaches FTS5's query syntax."""
    terms = re.findall(r"\w+", words)
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in terms[:20])


def _search_sqlite(session, words: str, lang: str, category: str, limit: int) -> list[Found]:
    match = _fts5_query(words)
    if not match:
        return []
    rows = session.execute(sa.text(
        "SELECT s.article_id AS id, s.title AS title, snippet(faq_search, 3, '', '', ' … ', :words) AS snippet, "
        "a.category AS category FROM faq_search s JOIN faq_articles a ON a.id = s.article_id "
        "WHERE faq_search MATCH :match AND s.lang = :lang AND a.published "
        "AND (:category = '' OR a.category = :category) ORDER BY rank LIMIT :limit"),
        {"match": match, "lang": lang, "category": category, "limit": limit, "words": SNIPPET_WORDS}).all()
    return [Found(int(r.id), r.title, r.snippet, r.category) for r in rows]


def _reindex_sqlite(uow, article_id: int) -> None:
    if uow.session.bind.dialect.name == "postgresql":
        return  # PostgreSQL's indexes follow the rows by themselves
    row = uow.session.execute(sa.select(faq_articles).where(faq_articles.c.id == article_id)).one()
    uow.session.execute(sa.text("DELETE FROM faq_search WHERE article_id = :id"), {"id": article_id})
    for lang in LANGUAGES:
        title, body = (row.title_ur, row.body_ur) if lang == "ur" else (row.title_en, row.body_en)
        if title or body:
            uow.session.execute(sa.text("INSERT INTO faq_search (article_id, lang, title, body) "
                                        "VALUES (:id, :lang, :title, :body)"),
                                {"id": article_id, "lang": lang, "title": title, "body": body})


# -- reading, counting ------------------------------------------------------------------------
def article(db: Database, article_id: int, *, count_view: bool = True, published_only: bool = True) -> sa.Row:
    """An article; reading it counts a view (one UPDATE, no read-modify-write)."""
    where = [faq_articles.c.id == article_id] + ([faq_articles.c.published.is_(True)] if published_only else [])
    with db.unit_of_work() as uow:
        if count_view:
            uow.session.execute(sa.update(faq_articles).where(*where).values(views=faq_articles.c.views + 1))
        row = uow.session.execute(sa.select(faq_articles).where(*where)).first()
        uow.commit()
    if row is None:
        raise NotFound("no such article", field="article_id")
    return row


def vote(db: Database, article_id: int, helpful: bool) -> sa.Row:
    """"Was this answer helpful?": counted, yes or no."""
    column = "helpful_yes" if helpful else "helpful_no"
    with db.unit_of_work() as uow:
        done = uow.session.execute(sa.update(faq_articles).where(
            faq_articles.c.id == article_id, faq_articles.c.published.is_(True)).values(
            {column: getattr(faq_articles.c, column) + 1})).rowcount
        uow.commit()
    if not done:
        raise NotFound("no such article", field="article_id")
    return article(db, article_id, count_view=False)


# -- student services keep them ---------------------------------------------------------------
def _checked(given: Article) -> Article:
    if given.category not in CATEGORIES:
        raise InvalidArgument(f"category must be one of {', '.join(CATEGORIES)}", field="category")
    return Article(
        category=given.category,
        title_en=identifiers.text(given.title_en, "title_en", max_length=200, required=True),
        body_en=identifiers.text(given.body_en, "body_en", max_length=20000, required=True),
        title_ur=identifiers.text(given.title_ur, "title_ur", max_length=200),
        body_ur=identifiers.text(given.body_ur, "body_ur", max_length=20000),
        published=given.published)


def save(db: Database, caller: Caller | None, given: Article, article_id: int | None = None) -> sa.Row:
    """A new article (no id) or a new text for one: the search follows in the same unit of work."""
    given = _checked(given)
    values = {**given.__dict__, "updated_at": clock.utcnow(), "updated_by": audit.actor_of(caller)}
    with db.unit_of_work() as uow:
        if article_id is None:
            article_id = uow.session.execute(sa.insert(faq_articles).values(**values)).inserted_primary_key[0]
        elif not uow.session.execute(sa.update(faq_articles).where(faq_articles.c.id == article_id)
                                     .values(**values)).rowcount:
            raise NotFound("no such article", field="article_id")
        _reindex_sqlite(uow, article_id)
        uow.commit()
    return article(db, article_id, count_view=False, published_only=False)


def listed(db: Database) -> list[sa.Row]:
    with db.sessions() as session:
        return list(session.execute(sa.select(faq_articles).order_by(faq_articles.c.category, faq_articles.c.id)))
