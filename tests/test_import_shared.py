"""The importer on the shared real feed, development set and bad inputs (read in place)."""

import json

import pytest

from articles.importing import import_sources
from articles.models import Article, Quote
from tests.test_extraction_bad_inputs import REFUSED

pytestmark = pytest.mark.django_db


def test_real_europe_feed_gives_30_europe_stories_then_30_unchanged(shared_dir):
    feed_dir = shared_dir / "corpus" / "raw" / "feedverse-unnews-rss-europe-2022"
    report = import_sources([str(feed_dir)])
    assert (report.created, report.failed) == (30, 0)
    articles = Article.objects.prefetch_related("topics")
    assert articles.count() == 30
    for article in articles:
        assert "Europe" in {topic.name for topic in article.topics.all()}
        assert article.url.startswith("https://news.un.org/en/story/2022/0")
        assert article.url.endswith(article.story_id)
        assert article.published.year == 2022
    again = import_sources([str(feed_dir)])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 30)


def test_development_set_gives_one_article_per_story_with_feeds_merged(shared_dir):
    dev = shared_dir / "extraction-dev"
    report = import_sources([str(dev)])
    assert report.failed == 0, report.failures
    assert Article.objects.count() == 58  # 42 gold stories + 16 feed items without a page
    expected = json.loads((dev / "feeds" / "feeds_expected.json").read_text())
    for feed in expected["feeds"]:
        for item in feed["items"]:
            article = Article.objects.get(story_id=item["story_id"])
            names = set(article.topics.values_list("name", flat=True))
            assert feed["label"] in names, (item["story_id"], names)
            if item["html_file"]:
                assert article.source_format.startswith("html"), item["html_file"]
            assert article.published.isoformat() == item["published"]


def test_damaged_pages_keep_the_gold_title_and_date(shared_dir):
    dev = shared_dir / "extraction-dev"
    import_sources([str(dev / "html")])
    gold = {
        line["id"]: line for line in map(json.loads, (dev / "gold.jsonl").read_text().splitlines())
    }
    for story in ("h11_haiti_gangs_broken", "h12_yemen_pledges_truncated"):
        article = Article.objects.get(raw_name=f"{story}.html")
        assert article.title == gold[story]["title"]
        published = article.published.isoformat() if article.published else None
        assert published == gold[story]["published"]
        assert article.paragraphs


def test_bad_inputs_fail_one_by_one_and_only_the_two_valid_stories_land(shared_dir):
    report = import_sources([str(shared_dir / "bad-inputs")])
    assert (report.created, report.failed, report.skipped) == (2, 8, 1)
    reasons = {name.rsplit("/", 1)[-1]: reason for name, reason in report.failures}
    for name, reason in REFUSED.items():
        assert reasons[name].startswith(reason), (name, reasons[name])
        assert "\n" not in reasons[name]
    assert Article.objects.count() == 2
    cp1252 = Article.objects.get(raw_name="cp1252-undeclared.txt")
    assert "\ufffd" not in cp1252.body and "“" in cp1252.body
    assert Quote.objects.filter(article=cp1252, speaker__name="Marta Quillón").exists()
    with_nul = Article.objects.get(raw_name="nul-bytes.txt")
    assert "\x00" not in with_nul.body
