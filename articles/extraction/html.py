"""news.un.org story pages: the 2023+ Drupal 10 site ("html-2023") and the 2017–2023
Drupal 7 site ("html-2017").

Everything is read inside the story's own container, because the navigation menu links
all twelve topics and five regions and the related-story blocks reuse the lead's class.
Pages may be broken (unclosed tags, cut off mid-attribute): text is collected so that an
unclosed element never swallows the blocks after it.

The page is parsed once with lxml's HTML parser (libxml2, the parser behind
BeautifulSoup's "lxml" builder, so broken pages come out the same way) and queried with
XPath: building a BeautifulSoup tree costs 8–10 ms for a small page, several times more
for a real one, which the importer's 100-stories-a-second budget cannot afford.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import lxml.html
from lxml import etree

from .records import ParsedArticle, ParseError, RelatedLink
from .taxonomy import REGION_BY_SLUG, TOPIC_BY_SLUG, slug_for
from .textdump import DATE_LINE, parse_day_month_year, split_caption
from .urls import label_from_url, normalise_story_url, story_key

SITE_ROOT = "https://news.un.org/"
TITLE_SUFFIX = re.compile(r"\s*\|\s*UN News\s*$")
# lxml refuses str input that carries an XML encoding declaration (XHTML pages).
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# The date UN News shows under a story is the New York date of its publication time.
try:
    NEWSROOM_TZ: ZoneInfo | None = ZoneInfo("America/New_York")
except ZoneInfoNotFoundError:  # no tz database: keep the offset the page gives
    NEWSROOM_TZ = None


def has_class(name: str) -> str:
    """XPath predicate body: the element's class list contains `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def by_class(name: str, tag: str = "*") -> str:
    """Relative XPath to descendants `tag` with class `name` (CSS `tag.name`)."""
    return f".//{tag}[{has_class(name)}]"


# Listing pages show stories as teasers of the same node type.
NOT_TEASER = "[not(contains(@class, 'teaser'))]"


@dataclass(frozen=True)
class Layout:
    """Relative XPath expressions of one site generation, each list tried in order.

    `story[0]` finds the full story node itself; the rest are looser containers.
    """

    source_format: str
    story: tuple[str, ...]
    title: tuple[str, ...]
    date: tuple[tuple[str, str], ...]  # (element, attribute holding the ISO timestamp)
    topics: tuple[str, ...]  # header fields listing the story's topics
    regions: tuple[str, ...]
    lede: tuple[str, ...]
    body: tuple[str, ...]
    caption: tuple[str, ...]
    credit: tuple[str, ...]
    image: tuple[str, ...]  # img elements
    related: tuple[str, ...]  # links


LAYOUT_2023 = Layout(
    source_format="html-2023",
    story=(by_class("node--type-news-story", "article") + NOT_TEASER, ".//article", ".//main"),
    title=(f".//h1//span[{has_class('field--name-title')}]", ".//h1"),
    date=(
        (by_class("views-field-field-news-date") + "//time[@datetime]", "datetime"),
        (by_class("datetime", "time") + "[@datetime]", "datetime"),
    ),
    topics=(by_class("views-field-field-news-topics"),),
    regions=(by_class("views-field-field-news-region"),),
    lede=(
        by_class("views-field-field-news-story-lead"),
        by_class("field--name-field-news-story-lead"),
    ),
    body=(by_class("field--name-field-text-column"), by_class("field--name-body")),
    caption=(
        by_class("node__media") + by_class("media-caption")[1:],
        by_class("node__media") + "//figcaption",
    ),
    credit=(by_class("node__media") + by_class("media-credit")[1:], by_class("media-credit")),
    image=(by_class("node__media") + "//img[@src]",),
    related=(
        "//*[@id='block-related-stories']" + by_class("node__title")[1:] + "//a[@href]",
        by_class("view-related-stories") + by_class("node__title")[1:] + "//a[@href]",
    ),
)

LAYOUT_2017 = Layout(
    source_format="html-2017",
    story=(
        by_class("node-news-story", "div") + NOT_TEASER,
        ".//*[@id='block-system-main']",
        by_class("region-content"),
        ".//main",
    ),
    title=(by_class("title", "h1"), ".//h1[@id='page-title']", ".//h1"),
    date=((by_class("date-display-single", "span") + "[@content]", "content"),),
    topics=(by_class("field-name-field-news-topics"),),
    regions=(by_class("field-name-field-news-region"),),
    lede=(by_class("field-name-field-news-story-lead"),),
    body=(
        by_class("field-name-field-text-column") + by_class("field-item")[1:],
        by_class("field-name-body") + by_class("field-item")[1:],
    ),
    caption=(by_class("image-caption"),),
    credit=(by_class("photo-credit"),),
    image=(by_class("field-name-field-image-single") + "//img[@src]",),
    related=(by_class("related-stories") + "//a[@href]",),
)

# Markers of the Drupal 10 theme: BEM-style double-hyphen field classes.
LAYOUT_2023_MARKERS = ("field--name-", "views-field-field-news", "node--type-news-story")

# Removed from the body before reading it: embeds, media, scripts.
BODY_CLUTTER = (
    ".//script | .//style | .//figure | .//iframe | .//noscript"
    f" | .//*[{has_class('media')}] | .//*[{has_class('type-twitter')}]"
    f" | .//*[{has_class('embedded-entity')}]"
)
BODY_BLOCKS = ".//p | .//h2 | .//h3 | .//h4 | .//li"
HEADING_TAGS = frozenset({"h2", "h3", "h4"})
# Elements that start a new block of text; an unclosed `<p>` stops at the first of them.
BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "aside", "figure", "ul", "ol", "li", "table", "blockquote"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav", "form", "audio", "video"}
)
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
# Tag links of both sites' tag field (body text may link tag pages too).
TAG_FIELD_LINKS = (
    f".//*[{has_class('field--name-field-tags')} or {has_class('field-name-field-tags')}]"
    "//a[contains(@href, '/tags/')]"
)


def read_html_page(text: str) -> ParsedArticle:
    """Read one decoded news.un.org story page. Raises `ParseError("no story found")`."""
    layout = LAYOUT_2023 if any(m in text for m in LAYOUT_2023_MARKERS) else LAYOUT_2017
    page = parse_html(text)
    story_nodes = page.xpath(layout.story[0])
    story = story_nodes[0] if story_nodes else _first(page, layout.story[1:])
    if story is None:
        story = page
    title = _read_title(page, layout)
    lede_block = _first(story, layout.lede)
    lede = _lede_text(lede_block) if lede_block is not None else ""
    body, headings = _read_body(_body_containers(story, layout), offset=1 if lede else 0)
    # A lead without body counts only inside a story node (audio stories): listing pages
    # also show leads under a headline.
    if not title or not (body or (lede and story_nodes)):
        raise ParseError("no story found: the page has no headline with a story body or lead")
    url = _read_url(page)
    story_id, language = story_key(url)
    caption, credit = _read_caption(story, layout)
    return ParsedArticle(
        source_format=layout.source_format,
        title=title,
        url=url or None,
        story_id=story_id,
        language=language or _page_language(page),
        published=_read_published(story, layout),
        lede=lede,
        body=body,
        headings=headings,
        caption=caption,
        credit=credit,
        image_url=_meta(page, "og:image") or _story_image(story, layout),
        topics=_labels(story, layout.topics, kind="topic"),
        regions=_labels(story, layout.regions, kind="region"),
        tags=_tags(story),
        related=_related(page, layout),
    )


def parse_html(text: str) -> etree._Element:
    """The lxml document tree of `text`; ParseError when nothing parses."""
    try:
        return lxml.html.document_fromstring(XML_DECLARATION.sub("", text, count=1))
    except (etree.ParserError, ValueError) as error:
        raise ParseError(f"no story found: the HTML cannot be parsed ({error})") from None


def _first(root: etree._Element, paths: tuple[str, ...]) -> etree._Element | None:
    for path in paths:
        found = root.xpath(path)
        if found:
            return found[0]
    return None


def _all(root: etree._Element, paths: tuple[str, ...]) -> list[etree._Element]:
    return [element for path in paths for element in root.xpath(path)]


def block_text(element: etree._Element) -> str:
    """The text of `element` up to its first nested block, whitespace collapsed.

    A broken page's unclosed `<p>` can end up holding the rest of the story; stopping at
    nested block elements keeps each paragraph to its own words.
    """
    parts: list[str] = []
    _collect_inline(element, parts)
    return " ".join("".join(parts).split())


def _collect_inline(element: etree._Element, parts: list[str]) -> bool:
    """Append inline text; return False once a nested block element is reached."""
    if element.text and isinstance(element.tag, str):
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
            return False
        if child.tag == "br":
            parts.append(" ")
        elif (
            isinstance(child.tag, str)
            and child.tag not in SKIPPED_TAGS
            and not _collect_inline(child, parts)
        ):
            return False
        if child.tail:
            parts.append(child.tail)
    return True


def _all_text(element: etree._Element) -> str:
    return " ".join(element.text_content().split())


def _read_title(page: etree._Element, layout: Layout) -> str:
    """The printed headline (h1); og:title or `<title>` only when a page has no h1."""
    heading = _first(page, layout.title)
    if heading is not None:
        title = block_text(heading) or _all_text(heading)
        if title:
            return title
    fallback = _meta(page, "og:title") or " ".join(page.xpath("string(//head/title)").split())
    return TITLE_SUFFIX.sub("", fallback)


def _lede_text(block: etree._Element) -> str:
    """The first text in the lead field, wherever its wrappers put it, up to a block."""
    for element in block.iter():
        if isinstance(element.tag, str) and element.tag not in SKIPPED_TAGS:
            text = block_text(element)
            if text:
                return text
    return ""


def _body_containers(story: etree._Element, layout: Layout) -> list[etree._Element]:
    """Every body field of the first kind the page has, outermost only, in page order.

    Long stories split their text over several fields between photos and embeds.
    """
    for path in layout.body:
        found = story.xpath(path)
        if found:
            outermost = set(found)
            return [c for c in found if not any(a in outermost for a in c.iterancestors())]
    return []


def _read_body(
    containers: list[etree._Element], *, offset: int
) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Body paragraphs and subheads, and the indexes of the subheads in `paragraphs`."""
    body: list[str] = []
    headings: list[int] = []
    for container in containers:
        for clutter in container.xpath(BODY_CLUTTER):
            clutter.drop_tree()
        for element in container.xpath(BODY_BLOCKS):
            text = block_text(element)
            if not text:
                continue
            if element.tag in HEADING_TAGS:
                headings.append(offset + len(body))
            body.append(text)
    return tuple(body), tuple(headings)


def _read_url(page: etree._Element) -> str:
    hrefs = page.xpath("//link[@rel='canonical']/@href")
    url = hrefs[0].strip() if hrefs else _meta(page, "og:url")
    return normalise_story_url(urljoin(SITE_ROOT, url)) if url else ""


def _meta(page: etree._Element, name: str) -> str:
    values = page.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")
    return values[0].strip() if values else ""


def _page_language(page: etree._Element) -> str:
    language = page.get("lang") or "en"
    return language.split("-")[0].lower()


def _read_published(story: etree._Element, layout: Layout) -> date | None:
    for path, attribute in layout.date:
        for element in story.xpath(path):
            published = newsroom_date(element.get(attribute, "")) or displayed_date(
                _all_text(element)
            )
            if published:
                return published
    # Not in the dev pages' markup, but current pages also carry it in their metadata.
    return newsroom_date(_meta(story.getroottree().getroot(), "article:published_time"))


def newsroom_date(value: str) -> date | None:
    """The New York date of an ISO 8601 timestamp; a naive timestamp keeps its own date.

    `2023-05-25T01:40:00Z` -> 2023-05-24, the date the site displayed.
    """
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None and NEWSROOM_TZ is not None:
        moment = moment.astimezone(NEWSROOM_TZ)
    return moment.date()


def displayed_date(text: str) -> date | None:
    """A date written as "16 May 2023", or None."""
    match = DATE_LINE.match(" ".join(text.split()))
    return parse_day_month_year(match) if match else None


def _read_caption(story: etree._Element, layout: Layout) -> tuple[str, str]:
    caption_element = _first(story, layout.caption)
    credit_element = _first(story, layout.credit)
    credit = _all_text(credit_element) if credit_element is not None else ""
    if caption_element is None:
        return "", credit
    caption = _all_text(caption_element)
    if credit and caption.endswith(credit):
        caption = caption[: -len(credit)].strip()
    if not credit:
        caption, credit = split_caption(caption)
    return caption, credit


def _story_image(story: etree._Element, layout: Layout) -> str:
    image = _first(story, layout.image)
    return urljoin(SITE_ROOT, image.get("src")) if image is not None else ""


def _labels(story: etree._Element, paths: tuple[str, ...], *, kind: str) -> tuple[str, ...]:
    """Topic or region names from the story header's fields.

    A link's URL slug names the label whatever its text says ("Climate and Environment"
    links to /news/topic/climate-change); otherwise the link text, or for a field without
    links its comma-separated text, is matched against the UN News names.
    """
    known = TOPIC_BY_SLUG if kind == "topic" else REGION_BY_SLUG
    names: list[str] = []
    for field in _all(story, paths):
        links = field.xpath(".//a")
        candidates = [_link_label(link, kind) for link in links] or [
            known.get(slug_for(text)) for text in _all_text(field).split(",")
        ]
        names += [name for name in candidates if name]
    return tuple(dict.fromkeys(names))  # first mention wins, no repeats


def _link_label(link: etree._Element, kind: str) -> str | None:
    topic, region = label_from_url(link.get("href", ""))
    by_url = topic if kind == "topic" else region
    known = TOPIC_BY_SLUG if kind == "topic" else REGION_BY_SLUG
    return by_url or known.get(slug_for(_all_text(link)))


def _tags(story: etree._Element) -> tuple[str, ...]:
    """The story's tag field; any `/tags/` link in the story only when it has none."""
    links = story.xpath(TAG_FIELD_LINKS) or story.xpath(".//a[contains(@href, '/tags/')]")
    tags: list[str] = []
    for link in links:
        name = _all_text(link)
        if name and name not in tags:
            tags.append(name)
    return tuple(tags)


def _related(page: etree._Element, layout: Layout) -> tuple[RelatedLink, ...]:
    related: list[RelatedLink] = []
    for link in _all(page, layout.related):
        title = _all_text(link)
        url = normalise_story_url(urljoin(SITE_ROOT, link.get("href", "")))
        if title and RelatedLink(title=title, url=url) not in related:
            related.append(RelatedLink(title=title, url=url))
    return tuple(related)
