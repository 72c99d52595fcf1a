"""Imported links are hostile until checked: only http(s) addresses are stored and linked,
feed descriptions are plain text, and a NUL byte in a query is no server error."""

import feedparser
import pytest

from articles.extraction.urls import web_url
from articles.importing import import_sources
from articles.models import Article
from tests.factories import ArticleFactory

FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>UN News - Africa</title><link>https://news.un.org/</link><description>UN News</description>
<item><title>Aid reaches the northern towns</title><link>{link}</link>
<description><![CDATA[Convoys reached the towns on Monday.]]></description>
<pubDate>Wed, 24 May 2023 21:40:00 -0400</pubDate></item></channel></rss>"""


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/x",
        "http:/no-host",
        "vbscript:msgbox(1)",
        'https://news.un.org/"onmouseover="alert(1)',
    ],
)
def test_only_absolute_http_addresses_pass(url):
    assert web_url(url) == ""


@pytest.mark.parametrize(
    "url", ["https://news.un.org/en/story/2023/05/1136700", "HTTP://example.org/a?b=1"]
)
def test_web_addresses_are_kept_as_they_are(url):
    assert web_url(url) == url


@pytest.mark.django_db
def test_a_feed_item_linking_to_javascript_is_never_stored_as_a_link(client, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED.format(link="javascript:alert(1)"), encoding="utf-8")
    report = import_sources([str(feed)])
    assert report.created == 0
    assert "no items with a title and link" in report.failures[0][1]
    assert not Article.objects.filter(url__icontains="javascript").exists()


@pytest.mark.django_db
def test_a_text_copy_names_no_link_and_its_page_shows_none(client, tmp_path):
    story = tmp_path / "copy.txt"
    story.write_text(
        "Aid reaches the northern towns\n\n12 March 2009\n\n"
        "[Convoys](javascript:alert(1)) reached the towns on Monday, the agency said.\n",
        encoding="utf-8",
    )
    import_sources([str(story)])
    page = client.get(Article.objects.get().get_absolute_url()).content.decode()
    assert "javascript:" not in page


@pytest.mark.django_db
def test_a_link_stored_before_imports_checked_is_not_rendered(client):
    article = ArticleFactory(title="An old row", url="javascript:alert(1)")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "javascript:" not in page


@pytest.mark.django_db
def test_feed_descriptions_are_plain_text(client):
    ArticleFactory(title="Markup in a lede", lede="<script>alert(1)</script> Aid arrived.")
    feed = feedparser.parse(client.get("/feed/").content)
    # a reader shows the markup as text instead of running it
    assert "<script>" not in feed.entries[0].summary
    assert "&lt;script&gt;" in feed.entries[0].summary


@pytest.mark.django_db
def test_a_nul_byte_in_the_speaker_autocomplete_is_no_server_error(client):
    assert client.get("/speakers/autocomplete/?q=a%00b").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/articles/", "/speakers/", "/topics/", "/quotes/"])
def test_every_page_has_a_policy_with_no_inline_script_or_style(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
