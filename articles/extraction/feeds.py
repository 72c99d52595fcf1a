"""UN News RSS 2.0 feeds (source format "rss"): one `ParsedArticle` per item.

Items carry a title, a link, the lead in `description`, a `pubDate` and an image
enclosure, but no body and no category: the topic or region of an item is the feed it
came from ("UN News - Climate Change", `.../news/region/europe/feed/rss.xml`).

The XML is first checked with defusedxml, so entity bombs and external entities are
refused before feedparser (whose parser would expand or resolve them) sees the bytes.
"""

from __future__ import annotations

import io
import re
from datetime import date
from email.utils import parsedate_to_datetime
from xml.etree.ElementTree import ParseError as XMLSyntaxError
from xml.sax.saxutils import escape, quoteattr

import feedparser
from bs4 import BeautifulSoup
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from .records import ParsedArticle, ParseError
from .taxonomy import REGIONS, TOPICS
from .urls import label_from_url, normalise_story_url, story_key

# "UN News - Climate Change", "UN News – Africa": the part after the dash is the label.
CHANNEL_LABEL = re.compile(r"^\s*UN News\s*[-–—:|]\s*(?P<label>.+?)\s*$", re.IGNORECASE)
TOPIC_BY_LOWER = {name.lower(): name for name in TOPICS}
REGION_BY_LOWER = {name.lower(): name for name in REGIONS}
FEED_CLOSING_TAGS = (b"</rss>", b"</feed>", b"</rdf:RDF>")


def read_feed(data: bytes, *, source_url: str = "") -> list[ParsedArticle]:
    """Read every item of an RSS/Atom feed; `source_url` (the feed's address) may name
    its topic or region. Raises `ParseError` for unsafe, malformed or empty feeds."""
    check_xml_is_safe(data)
    feed = feedparser.parse(io.BytesIO(data))  # a stream, so bytes are never taken as a path
    topic, region = feed_label(feed, source_url)
    articles = [article for entry in feed.entries if (article := _read_item(entry, topic, region))]
    if not articles:
        if feed.bozo:
            reason = " ".join(str(feed.get("bozo_exception", "unreadable XML")).split())
            raise ParseError(f"malformed feed: {reason}")
        raise ParseError("no stories: the feed has no items with a title and link")
    return articles


def check_xml_is_safe(data: bytes) -> None:
    """Refuse entity declarations (billion laughs, external entities) and truncated XML."""
    try:
        defused_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ParseError(
            "refused: the feed declares XML entities, which could expand without limit "
            "or read local files"
        ) from None
    except XMLSyntaxError as error:
        # Loose recovery is left to feedparser for complete documents only: a document
        # cut off before its root closes would import a half-written first item.
        if not any(tag in data[-512:] for tag in FEED_CLOSING_TAGS):
            raise ParseError(f"malformed feed: the XML is cut off or broken ({error})") from None


def feed_label(feed: feedparser.FeedParserDict, source_url: str) -> tuple[str | None, str | None]:
    """(topic, region) implied by the feed: its own URL first, then its channel title."""
    urls = [source_url] + [link.get("href", "") for link in feed.feed.get("links", [])]
    for url in urls:
        topic, region = label_from_url(url)
        if topic or region:
            return topic, region
    match = CHANNEL_LABEL.match(feed.feed.get("title", ""))
    if match:
        label = match.group("label").lower()
        return TOPIC_BY_LOWER.get(label), REGION_BY_LOWER.get(label)
    return None, None


def _read_item(entry: dict, topic: str | None, region: str | None) -> ParsedArticle | None:
    title = " ".join(entry.get("title", "").split())
    url = normalise_story_url(entry.get("link", "") or entry.get("id", ""))
    if not title or not url:
        return None
    story_id, language = story_key(url)
    return ParsedArticle(
        source_format="rss",
        title=title,
        url=url,
        story_id=story_id,
        language=language or "en",
        published=item_date(entry),
        lede=html_to_text(entry.get("summary", "")),
        image_url=_item_image(entry),
        topics=(topic,) if topic else (),
        regions=(region,) if region else (),
    )


def item_date(entry: dict) -> date | None:
    """The calendar date of `pubDate` in its own offset (New York time on UN News).

    feedparser's `published_parsed` is in UTC, which moves evening stories a day on.
    """
    raw = entry.get("published") or entry.get("updated") or ""
    try:
        return parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(*parsed[:3]) if parsed else None


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment (feed descriptions), whitespace collapsed."""
    if "<" in markup or "&" in markup:
        # BeautifulSoup never refuses a fragment, however broken a feed's markup is.
        markup = BeautifulSoup(markup, "lxml").get_text()
    return " ".join(markup.split())


def _item_image(entry: dict) -> str:
    for enclosure in entry.get("enclosures", []):
        if enclosure.get("type", "image/").startswith("image/") and enclosure.get("href"):
            return enclosure["href"]
    for media in entry.get("media_content", []) + entry.get("media_thumbnail", []):
        if media.get("url"):
            return media["url"]
    return ""


def item_feed(article: ParsedArticle) -> bytes:
    """One feed item as a feed of its own: what a story read from a feed keeps as its raw
    source (the whole feed under every item would store it once per item), and what a
    reparse reads back. Its channel title carries the feed's topic or region."""
    label = next(iter(article.topics + article.regions), "")
    day = article.published.strftime("%a, %d %b %Y 12:00:00 +0000") if article.published else ""
    image = (
        article.image_url and f'<enclosure url={quoteattr(article.image_url)} type="image/jpeg"/>'
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(f'UN News - {label}' if label else 'UN News')}</title>"
        f"<item><title>{escape(article.title)}</title><link>{escape(article.url or '')}</link>"
        f"<description>{escape(article.lede)}</description>"
        f"{f'<pubDate>{day}</pubDate>' if day else ''}{image or ''}</item></channel></rss>"
    ).encode()
