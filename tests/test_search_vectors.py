"""Stories' search vectors on PostgreSQL: kept by a trigger, or filled after a bulk import."""

import time

import pytest
from django.db import connection

from articles.importing import import_sources
from articles.models import Article
from articles.search import search_vectors_later
from tests.factories import ArticleFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="search vectors are PostgreSQL's"),
]


def missing_vectors() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM articles_article WHERE search_vector IS NULL")
        return cursor.fetchone()[0]


def found(words: str) -> list[str]:
    return list(Article.objects.search(words).values_list("title", flat=True))


def test_a_story_written_anywhere_is_searchable_at_once():
    article = ArticleFactory(title="Locust swarms reach the Horn of Africa")
    assert found("locust") == [article.title]
    article.title = "Desert rains bring relief to herders"
    article.save()
    assert found("herders") == [article.title]
    assert found("locust") == []


def test_inside_a_bulk_import_vectors_wait_and_are_all_filled_at_its_end():
    with search_vectors_later():
        ArticleFactory.create_batch(3, body="Cholera vaccines arrived in the port.")
        assert missing_vectors() == 3
        assert found("cholera") == []
    assert missing_vectors() == 0
    assert len(found("cholera")) == 3
    ArticleFactory(body="Cholera cases fell after the campaign.")  # later writers: at once
    assert len(found("cholera")) == 4


def test_imported_stories_are_searchable_when_the_import_returns(sample_story):
    report = import_sources([str(sample_story)])
    assert report.created == 1
    assert missing_vectors() == 0
    assert found("terrorism") == [Article.objects.get().title]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_connection_fills_committed_stories_while_the_import_goes_on():
    with search_vectors_later():
        ArticleFactory.create_batch(3, body="Cholera vaccines arrived in the port.")
        deadline = time.monotonic() + 10
        while missing_vectors() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert missing_vectors() == 0  # before the block ends: the helper did it
    assert len(found("cholera")) == 3
