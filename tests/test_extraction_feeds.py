"""UN News RSS feeds: one story per item, links normalised, local dates, feed labels."""

import json
from datetime import date

import pytest

from articles.extraction.feeds import read_feed
from articles.extraction.formats import read_documents
from articles.extraction.records import ParseError
from articles.extraction.urls import label_from_url, normalise_story_url, story_key

FEED = """<?xml version="1.0" encoding="utf-8" ?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
 <title>{channel}</title>
 <link>https://news.un.org/en/</link>
 {self_link}
 <item>
  <title>Sahel: child recruitment rises sharply</title>
  <link>https://news.un.org/feed/view/en/story/2023/05/1137002</link>
  <description><![CDATA[<p>Verified cases rose by <b>more than a third</b>,
   a report says.</p>]]></description>
  <enclosure url="https://example.org/sahel.jpg" length="100" type="image/jpeg" />
  <guid isPermaLink="true">https://news.un.org/feed/view/en/story/2023/05/1137002</guid>
  <pubDate>Wed, 24 May 2023 21:40:00 -0400</pubDate>
 </item>
 <item>
  <title>Second story</title>
  <link>http://news.un.org//en/story/2023/05/1136991?utm_source=rss#top</link>
  <description>Plain lead &amp; more.</description>
  <pubDate>Mon, 01 May 2023 08:00:00 -0400</pubDate>
 </item>
</channel></rss>
"""


def feed(channel: str = "UN News - Africa", self_link: str = "") -> bytes:
    return FEED.format(channel=channel, self_link=self_link).encode("utf-8")


def test_every_item_becomes_a_story():
    first, second = read_documents(feed(), name="region_africa.xml")

    assert first.source_format == "rss"
    assert first.title == "Sahel: child recruitment rises sharply"
    assert first.url == "https://news.un.org/en/story/2023/05/1137002"
    assert (first.story_id, first.language) == ("1137002", "en")
    assert first.lede == "Verified cases rose by more than a third, a report says."
    assert first.image_url == "https://example.org/sahel.jpg"
    assert first.body == ()
    assert second.url == "https://news.un.org/en/story/2023/05/1136991"
    assert second.lede == "Plain lead & more."
    assert second.image_url == ""


def test_published_is_the_date_in_the_pubdate_offset_not_utc():
    first, second = read_documents(feed())

    assert first.published == date(2023, 5, 24)  # already 25 May in UTC
    assert second.published == date(2023, 5, 1)


def test_channel_title_gives_the_region_or_topic():
    africa = read_documents(feed("UN News - Africa"))
    climate = read_documents(feed("UN News - Climate Change"))
    everything = read_documents(feed("UN News"))

    assert {(a.topics, a.regions) for a in africa} == {((), ("Africa",))}
    assert {(a.topics, a.regions) for a in climate} == {(("Climate Change",), ())}
    assert {(a.topics, a.regions) for a in everything} == {((), ())}


def test_feed_url_gives_the_label_before_the_channel_title():
    self_link = (
        '<atom:link rel="self" '
        'href="https://news.un.org/feed/subscribe/en/news/region/europe/feed/rss.xml" />'
    )
    from_self_link = read_documents(feed("UN News", self_link))
    from_source = read_feed(
        feed("UN News"),
        source_url="https://news.un.org/feed/subscribe/en/news/topic/health/feed/rss.xml",
    )

    assert from_self_link[0].regions == ("Europe",)
    assert from_source[0].topics == ("Health",)


def test_feed_without_items_is_refused():
    empty = feed().split(b"<item>")[0] + b"</channel></rss>"

    with pytest.raises(ParseError, match="no stories"):
        read_documents(empty, name="empty.xml")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://news.un.org/feed/view/en/story/2023/05/1136642",
            "https://news.un.org/en/story/2023/05/1136642",
        ),
        (
            "https://news.un.org//en/story/2021/08/1098282",
            "https://news.un.org/en/story/2021/08/1098282",
        ),
        (
            "http://news.un.org/en/story/2007/12/242842-accepting-nobel-prize-gore?x=1#c",
            "https://news.un.org/en/story/2007/12/242842",
        ),
        (
            "https://news.un.org/fr/story/2023/05/1135992",
            "https://news.un.org/fr/story/2023/05/1135992",
        ),
        (
            "https://news.un.org/en/interview/2019/02/1033071",
            "https://news.un.org/en/interview/2019/02/1033071",
        ),
    ],
)
def test_story_urls_are_normalised(url, expected):
    assert normalise_story_url(url) == expected


def test_story_key_and_labels_from_urls():
    assert story_key("https://news.un.org/en/story/2023/05/1136642") == ("1136642", "en")
    assert story_key("https://news.un.org/feed/view/fr/story/2023/05/1135992") == ("1135992", "fr")
    assert story_key("https://example.org/en/story/2023/05/1") == (None, None)
    assert story_key(None) == (None, None)
    assert label_from_url("/en/news/topic/climate-change") == ("Climate Change", None)
    assert label_from_url(
        "https://news.un.org/feed/subscribe/en/news/region/middle-east/feed/rss.xml"
    ) == (
        None,
        "Middle East",
    )
    assert label_from_url("/en/news/topic/no-such-topic") == (None, None)


def test_development_feeds_match_the_expected_parse(shared_dir):
    feeds = shared_dir / "extraction-dev" / "feeds"
    expected = json.loads(feeds.joinpath("feeds_expected.json").read_text("utf-8"))
    for spec in expected["feeds"]:
        articles = read_documents(feeds.joinpath(spec["file"]).read_bytes(), name=spec["file"])
        assert [(a.story_id, a.url, a.title, a.published.isoformat()) for a in articles] == [
            (item["story_id"], item["story_url"], item["title"], item["published"])
            for item in spec["items"]
        ]
        labels = {a.topics + a.regions for a in articles}
        assert labels == {(spec["label"],)}


def test_real_europe_feed_reads_thirty_european_stories(shared_dir):
    folder = shared_dir / "corpus" / "raw" / "feedverse-unnews-rss-europe-2022"
    (path,) = folder.glob("*.xml")
    articles = read_documents(path.read_bytes(), name=path.name)

    assert len(articles) == 30
    assert {a.regions for a in articles} == {("Europe",)}
    assert all(a.url.startswith("https://news.un.org/en/story/2022/0") for a in articles)
    assert len({a.story_id for a in articles}) == 30
    assert articles[0].published == date(2022, 4, 1)
    assert all(a.lede and a.image_url for a in articles)
