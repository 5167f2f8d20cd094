"""The FAQ knowledge base: full-text search in English and Urdu on PostgreSQL (its text
search) and on SQLite (FTS5, the local launcher's), views and votes, kept by student
services. Real databases; the API over real gRPC."""
import pytest

from campus import migrations
from campus.db import Database
from campus.errors import InvalidArgument, NotFound, PermissionDenied
from cms.requests.v1 import requests_pb2 as pb
from services.requests import faq, seed
from services.requests.models import metadata

pytestmark = pytest.mark.integration

LOCKED = faq.Article(category="login", title_en="My account is locked after wrong passwords",
                     body_en="Wait fifteen minutes, or ask the help desk to unlock the account.",
                     title_ur="غلط پاس ورڈ کے بعد میرا اکاؤنٹ بند ہو گیا",
                     body_ur="پندرہ منٹ انتظار کریں یا ہیلپ ڈیسک سے کہیں۔")
DRAFT = faq.Article(category="fees", title_en="Draft about refunds", body_en="Refunds of the semester fee.",
                    published=False)


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory):
    db = Database("requests", f"sqlite:///{tmp_path_factory.mktemp('faq') / 'requests.sqlite3'}", metadata)
    migrations.upgrade(db)
    yield db
    db.engine.dispose()


@pytest.fixture(params=["postgresql", "sqlite"])
def db(request, requests_runtime, sqlite_db):
    found = requests_runtime.db if request.param == "postgresql" else sqlite_db
    if not faq.search(found, "overview"):
        seed.seed(type("Runtime", (), {"db": found})())
        faq.save(found, None, LOCKED)
        faq.save(found, None, DRAFT)
    return found


def test_words_find_the_article_with_a_snippet(db):
    found = faq.search(db, "locked fifteen minutes")
    assert found[0].title == "My account is locked after wrong passwords"
    assert "fifteen minutes" in found[0].snippet
    overview = faq.search(db, "registration number login")
    assert "AIOU CMS Portal an Overview" in [f.title for f in overview]
    assert "Draft about refunds" not in [f.title for f in faq.search(db, "refunds draft")]  # unpublished


def test_urdu_words_find_the_urdu_text(db):
    found = faq.search(db, "پاس ورڈ", "ur")
    assert found and all(f.title for f in found)
    assert "غلط پاس ورڈ کے بعد میرا اکاؤنٹ بند ہو گیا" in [f.title for f in found]


def test_what_a_person_types_never_breaks_the_search(db):
    for words in ('"unbalanced', "a AND OR NOT (", "*", "NEAR(", "-- ;DROP TABLE faq_articles", "ü ß 漢字"):
        faq.search(db, words)  # no error: at worst, nothing found
    with pytest.raises(InvalidArgument):
        faq.search(db, "x" * 201)


def test_views_and_votes_count(db):
    article_id = faq.search(db, "locked fifteen minutes")[0].article_id
    before = faq.article(db, article_id, count_view=False)
    faq.article(db, article_id)
    voted = faq.vote(db, article_id, True)
    faq.vote(db, article_id, False)
    after = faq.article(db, article_id, count_view=False)
    assert after.views == before.views + 1 and voted.helpful_yes == before.helpful_yes + 1
    assert after.helpful_no == before.helpful_no + 1
    with pytest.raises(NotFound):
        faq.vote(db, 999999, True)


def test_student_services_keep_the_articles_over_grpc(gateway, users, requests_runtime):
    officer = users.staff("services.officer", "student_services")
    saved = gateway.call("requests", "SaveFaqArticle", pb.SaveFaqArticleRequest(
        category="exams", title_en="Where is my roll number slip?", body_en="Download it from Exam Schedule.",
        published=True), caller=officer)
    assert saved.updated_by.startswith("staff:services.officer")
    hits = gateway.call("requests", "SearchFaq", pb.SearchFaqRequest(q="roll number slip", lang="en"))
    assert saved.article_id in [h.article_id for h in hits.hits]
    edited = gateway.call("requests", "SaveFaqArticle", pb.SaveFaqArticleRequest(
        article_id=saved.article_id, category="exams", title_en="Where is my roll number slip?",
        body_en="Download it from Exam Schedule, or from the public look-up.", published=False), caller=officer)
    assert not edited.published
    with pytest.raises(NotFound):  # unpublished: nobody reads it
        gateway.call("requests", "GetFaqArticle", pb.GetFaqArticleRequest(article_id=saved.article_id))
    with pytest.raises(InvalidArgument) as refused:
        gateway.call("requests", "SaveFaqArticle", pb.SaveFaqArticleRequest(category="lunch", title_en="x",
                                                                            body_en="y"), caller=officer)
    assert refused.value.field == "category"
    with pytest.raises(PermissionDenied):
        gateway.call("requests", "SaveFaqArticle", pb.SaveFaqArticleRequest(category="exams", title_en="x",
                                                                            body_en="y"),
                     caller=users.staff("exams.officer", "examinations"))
