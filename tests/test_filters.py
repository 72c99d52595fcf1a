"""The FilterSets on their own: search, sorting, speakers by name, removable chips."""

import datetime

import pytest
from django.db import connection
from django.http import QueryDict

from articles.filters import ArticleFilter, QuoteFilter
from articles.models import Article, Quote
from tests.factories import ArticleFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def filtered(query, queryset=None, filterset=ArticleFilter):
    queryset = Article.objects.published() if queryset is None else queryset
    return filterset(QueryDict(query), queryset=queryset)


def titles(filterset):
    return [article.title for article in filterset.qs]


@pytest.fixture
def stories():
    return [
        ArticleFactory(
            title="Refugees cross into Chad",
            lede="Thousands of refugees from Sudan arrived this week.",
            published=datetime.date(2023, 5, 1),
        ),
        ArticleFactory(
            title="Health workers in Sudan",
            lede="Clinics reopened; refugees were treated.",
            published=datetime.date(2023, 6, 1),
        ),
        ArticleFactory(
            title="Coral reefs bleach",
            lede="Warming seas damage reefs.",
            published=datetime.date(2023, 7, 1),
        ),
    ]


def test_search_finds_words_in_title_lede_and_body(stories):
    assert set(titles(filtered("q=refugees"))) == {
        "Refugees cross into Chad",
        "Health workers in Sudan",
    }


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranked search is PostgreSQL's")
def test_relevance_puts_headline_matches_first_and_highlights_a_snippet(stories):
    result = filtered("q=refugees&sort=relevance").qs

    assert [a.title for a in result] == ["Refugees cross into Chad", "Health workers in Sudan"]
    assert "\x02refugees\x03" in result[0].snippet.lower()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="websearch syntax is PostgreSQL's")
def test_search_understands_web_search_syntax(stories):
    assert titles(filtered('q=refugees -"Chad"')) == ["Health workers in Sudan"]
    assert titles(filtered('q="coral reefs"')) == ["Coral reefs bleach"]


def test_sort_oldest_first_and_newest_first(stories):
    assert titles(filtered("sort=oldest"))[0] == "Refugees cross into Chad"
    assert titles(filtered("sort=newest"))[0] == "Coral reefs bleach"


def test_relevance_without_words_falls_back_to_newest_first(stories):
    assert titles(filtered("sort=relevance"))[0] == "Coral reefs bleach"


def test_date_range_is_inclusive(stories):
    assert titles(filtered("date_from=2023-06-01&date_to=2023-07-01")) == [
        "Coral reefs bleach",
        "Health workers in Sudan",
    ]


def test_speaker_is_found_by_slug_name_or_alias():
    ban = SpeakerFactory(name="Ban Ki-moon", aliases=["Mr. Ban"])
    story = ArticleFactory(quotes=[(ban, "Act now")])
    ArticleFactory(quotes=[(SpeakerFactory(name="Someone Else"), "Other")])

    for value in ("ban-ki-moon", "Ban Ki-moon", "mr. ban"):
        assert titles(filtered(f"speaker={value}")) == [story.title], value


def test_a_story_quoting_a_speaker_twice_is_listed_once():
    ban = SpeakerFactory(name="Ban Ki-moon")
    ArticleFactory(topics=["health", "women"], quotes=[(ban, "One"), (ban, "Two")])

    assert len(titles(filtered("speaker=ban-ki-moon&topic=health&topic=women"))) == 1


def test_chips_name_each_active_filter_and_remove_only_it():
    SpeakerFactory(name="Ban Ki-moon")
    filterset = filtered("topic=health&topic=women&speaker=ban-ki-moon&q=aid&page=3&sort=oldest")

    chips = {(chip.label, chip.value): chip.remove_query for chip in filterset.chips()}

    assert set(chips) == {
        ("Topics", "Health"),
        ("Topics", "Women"),
        ("Speaker", "Ban Ki-moon"),
        ("Search stories", "aid"),
    }
    assert chips[("Topics", "Health")] == "topic=women&speaker=ban-ki-moon&q=aid&sort=oldest"
    assert chips[("Speaker", "Ban Ki-moon")] == "topic=health&topic=women&q=aid&sort=oldest"


def test_quote_filter_searches_inside_quotes_only():
    ban = SpeakerFactory(name="Ban Ki-moon")
    ArticleFactory(title="Climate story", quotes=[(ban, "Peace is possible")])

    result = filtered("q=climate", Quote.objects.all(), QuoteFilter).qs

    assert list(result) == []
    assert [q.text for q in filtered("q=peace", Quote.objects.all(), QuoteFilter).qs] == [
        "Peace is possible"
    ]


def test_speaker_alias_must_match_whole_not_in_part():
    tedros = SpeakerFactory(name="Tedros Adhanom Ghebreyesus", aliases=["Dr. Tedros", "Tédros"])
    other = SpeakerFactory(name="Ted Example")
    quoted = ArticleFactory(quotes=[(tedros, "Health for all")])
    ArticleFactory(quotes=[(other, "Something else")])

    assert titles(filtered("speaker=dr. tedros")) == [quoted.title]
    assert titles(filtered("speaker=tédros")) == [quoted.title]
    assert titles(filtered("speaker=ted")) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="snippets are PostgreSQL's")
def test_snippets_escape_the_story_text_and_mark_only_the_hits(client):
    ArticleFactory(title="Markup", lede="Refugees: 5 < 6 & <script>alert(1)</script> x<y")

    html = client.get("/articles/?q=refugees").content.decode()

    assert "<mark>Refugees</mark>" in html
    assert "<script>alert" not in html
    assert "5 &lt; 6 &amp;" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN indexes are PostgreSQL's")
def test_story_and_quote_search_can_use_their_gin_indexes(stories):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        story_plan = Article.objects.search("refugees").explain()
        quote_plan = Quote.objects.search("refugees").explain()

    assert "articles_article_search_vector_gin" in story_plan
    assert "articles_quote_search_gin" in quote_plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram matching is PostgreSQL's")
def test_speaker_search_forgives_a_misspelt_name():
    from articles.models import Speaker

    SpeakerFactory(name="António Guterres")
    SpeakerFactory(name="Ban Ki-moon")

    assert [s.name for s in Speaker.objects.search("guteres")] == ["António Guterres"]
