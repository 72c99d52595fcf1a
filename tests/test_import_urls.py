"""Importing from URLs, served by a local HTTP server (tests never reach the internet)."""

import socket

import pytest

from articles.fetching import Fetcher
from articles.importing import import_sources
from articles.models import Article, FetchedResource

pytestmark = pytest.mark.django_db

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | UN News</title>
<link rel="canonical" href="https://news.un.org/en/story/2023/05/{story_id}"></head>
<body><main><article>
<h1><span class="field--name-title">{title}</span></h1>
<span class="views-field-field-news-date"><time class="datetime"
 datetime="2023-05-16T14:00:00Z">16 May 2023</time></span>
<span class="views-field-field-news-topics"><span class="field-content">
<a href="/en/news/topic/humanitarian-aid">Humanitarian Aid</a></span></span>
<div class="views-field-field-news-story-lead"><p>Aid convoys reached the border town.</p></div>
<div class="clearfix text-formatted field--name-field-text-column field__item">
<p>“We need access now,” said Lina Haddad, a spokesperson for the agency.</p></div>
</article></main></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>UN News - Africa</title>
<link>https://news.un.org/feed/subscribe/en/news/region/africa/feed/rss.xml</link>
<description>UN News</description>{items}</channel></rss>"""

ITEM = """<item><title>{title}</title><link>{link}</link><guid>{link}</guid>
<description><![CDATA[Aid convoys reached the border town.]]></description>
<pubDate>Tue, 16 May 2023 10:00:00 -0400</pubDate></item>"""


@pytest.fixture
def fetcher():
    allowed = ("localhost", "127.0.0.1")  # the test server's loopback address, allowed here
    with Fetcher(
        delay=0, retries=0, timeout=2, deadline=5, allowed_hosts=allowed
    ) as polite_enough_for_tests:
        yield polite_enough_for_tests


def serve_page(httpserver, path, title, story_id):
    body = PAGE.format(title=title, story_id=story_id)
    httpserver.expect_request(path).respond_with_data(
        body, content_type="text/html; charset=utf-8", headers={"ETag": f'"v-{story_id}"'}
    )
    return httpserver.url_for(path)


def test_a_story_url_is_imported_then_not_fetched_again_when_unchanged(httpserver, fetcher):
    url = serve_page(httpserver, "/en/story/2023/05/1136642", "Convoys reach border", "1136642")
    report = import_sources([url], fetcher=fetcher)
    assert (report.created, report.failed) == (1, 0)
    article = Article.objects.get()
    assert (article.story_id, article.title) == ("1136642", "Convoys reach border")
    assert FetchedResource.objects.get(url=url).etag == '"v-1136642"'

    httpserver.clear()
    httpserver.expect_request(
        "/en/story/2023/05/1136642", headers={"If-None-Match": '"v-1136642"'}
    ).respond_with_data("", status=304)
    again = import_sources([url], fetcher=fetcher)
    assert (again.created, again.updated, again.unchanged, again.failed) == (0, 0, 1, 0)


def test_a_feed_url_with_pages_gives_one_article_per_story(httpserver, fetcher):
    items = "".join(
        ITEM.format(title=title, link=serve_page(httpserver, f"/en/story/{n}", title, n))
        for n, title in ((1136001, "Convoys reach border"), (1136002, "Clinics reopen"))
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        FEED.format(items=items), content_type="application/rss+xml"
    )
    report = import_sources([httpserver.url_for("/feed.xml")], fetch_pages=True, fetcher=fetcher)
    assert report.failed == 0, report.failures
    assert Article.objects.count() == 2
    for article in Article.objects.prefetch_related("topics"):
        assert article.source_format == "html-2023"
        names = {topic.name for topic in article.topics.all()}
        assert {"Africa", "Humanitarian Aid"} <= names  # the feed's region, the page's topic


def test_a_file_listing_urls_imports_each_and_reports_the_unreachable(
    httpserver, fetcher, tmp_path
):
    good = serve_page(httpserver, "/en/story/a", "Convoys reach border", "1136003")
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{closed.getsockname()[1]}/en/story/b"
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# stories to import\n{good}\n\n{dead}\n{good}\n")
    report = import_sources([str(listing)], fetcher=fetcher)
    assert (report.created, report.failed) == (1, 1)
    [(name, reason)] = report.failures
    assert name == dead
    assert "connection" in reason
