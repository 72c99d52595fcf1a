"""Feeds parse as RSS 2.0 and Atom and carry the right items; sitemap.xml lists pages."""

import feedparser
import pytest

from tests.factories import ArticleFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ban():
    return SpeakerFactory(name="Ban Ki-moon", title="Secretary-General")


@pytest.fixture
def stories(ban):
    return [
        ArticleFactory(title="Older health story", published="2012-05-01", topics=["health"]),
        ArticleFactory(
            title="Ban on terrorism",
            published="2012-05-04",
            topics=["peace-and-security", "asia-pacific"],
            quotes=[(ban, "We can greatly reduce this threat")],
        ),
        ArticleFactory(title="Undated story", published=None, topics=["health"]),
    ]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


def test_latest_stories_feed_is_rss_2(client, stories):
    response, feed = parse(client, "/feed/")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.version == "rss20"
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == [
        "Ban on terrorism",
        "Older health story",
        "Undated story",
    ]
    first = feed.entries[0]
    assert first.link == f"http://testserver{stories[1].get_absolute_url()}"
    assert first.published_parsed[:3] == (2012, 5, 4)
    assert {tag.term for tag in first.tags} == {"Peace and Security", "Asia Pacific"}


def test_latest_stories_feed_is_also_atom(client, stories):
    response, feed = parse(client, "/feed/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.version == "atom10"
    assert not feed.bozo
    assert len(feed.entries) == 3


def test_topic_feed_has_only_that_topics_stories(client, stories):
    _, feed = parse(client, "/topics/health/feed/")

    assert feed.version == "rss20"
    assert feed.feed.title == "unnews: Health"
    assert {entry.title for entry in feed.entries} == {"Older health story", "Undated story"}


def test_region_feed_has_only_that_regions_stories(client, stories):
    _, feed = parse(client, "/topics/asia-pacific/feed/")

    assert [entry.title for entry in feed.entries] == ["Ban on terrorism"]


def test_speaker_feed_has_their_quotes_linked_to_the_story(client, stories, ban):
    _, feed = parse(client, "/speakers/ban-ki-moon/feed/")
    quote = stories[1].quotes.get()

    assert feed.version == "rss20"
    assert not feed.bozo
    assert len(feed.entries) == 1
    assert "We can greatly reduce this threat" in feed.entries[0].title
    assert feed.entries[0].link.endswith(f"{stories[1].get_absolute_url()}#quote-{quote.pk}")


def test_feeds_for_unknown_topics_and_speakers_are_404s(client):
    assert client.get("/topics/atlantis/feed/").status_code == 404
    assert client.get("/speakers/nobody/feed/").status_code == 404


def test_feeds_run_a_fixed_number_of_queries(client, ban, django_assert_max_num_queries):
    for index in range(40):
        ArticleFactory(topics=["health"], quotes=[(ban, f"Quote {index}")])

    with django_assert_max_num_queries(2):
        client.get("/feed/")
    with django_assert_max_num_queries(3):
        client.get("/topics/health/feed/")
    with django_assert_max_num_queries(2):
        client.get("/speakers/ban-ki-moon/feed/")


def test_sitemap_lists_stories_speakers_and_topics(client, stories, ban):
    response = client.get("/sitemap.xml")
    xml = response.content.decode()

    assert response.status_code == 200
    assert f"http://testserver{stories[1].get_absolute_url()}" in xml
    assert f"http://testserver{ban.get_absolute_url()}" in xml
    assert "http://testserver/topics/health/" in xml
    assert "http://testserver/quotes/" in xml
