"""Which reader an input needs, and the dispatch to it.

`read_documents` decodes the bytes once, sniffs the content (the file name only breaks
ties a sniff cannot), and hands the text to the text-dump, HTML, RSS or plain reader.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath

from .decoding import decode
from .feeds import read_feed
from .html import read_html_page
from .pagecopy import looks_like_page_copy, read_plain_text
from .records import ParsedArticle, ParseError
from .textdump import looks_like_text_dump, read_text_dump
from .urls import normalise_story_url, story_key

FORMATS = ("text", "html", "rss", "plain")

# Extensions an importer walking a directory should read; everything else
# (README.md, .json, .csv, images) is skipped without being an error.
STORY_FILE_EXTENSIONS = frozenset({".txt", ".html", ".htm", ".xml", ".rss"})

# The root element after any XML declaration, comments and doctype (with its subset).
FEED_ROOT = re.compile(
    r"^(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*"
    r"<(?:rss|feed|rdf:RDF)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
SNIFF_WINDOW = 4096
# Any other XML (an SVG image, a sitemap, an office file's part) is no story.
_XML_ROOT = re.compile(
    r"^(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?P<root>[A-Za-z][\w:.-]*)[\s>/]",
    re.DOTALL,
)


def looks_like_story_file(name: str) -> bool:
    """True for file names an import should read (`.txt`, `.html`, `.htm`, `.xml`, `.rss`)."""
    path = PurePosixPath(name.replace("\\", "/"))
    return path.suffix.lower() in STORY_FILE_EXTENSIONS and not path.name.startswith(".")


def read_documents(
    data: bytes, *, name: str = "", format: str | None = None
) -> list[ParsedArticle]:
    """Read every story in `data`: one for a page or text dump, one per item for a feed.

    `format` ("text", "html", "rss", "plain") overrides detection; `name` is only used to
    break ties. Topics and regions are filled only from the source's own labels.
    Raises `ParseError` with a one-line reason (empty, not text, no story found, ...).
    """
    if format is not None and format not in FORMATS:
        raise ParseError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    text = decode(data)  # also refuses empty and binary input, feeds included
    kind = format or detect_format(text, name=name)
    if kind == "plain" and (other := _XML_ROOT.match(text.lstrip("\ufeff \t\n"))):
        raise ParseError(
            f"not a story: an XML document (<{other.group('root')}>) that is neither a feed "
            "nor a page"
        )
    if kind == "rss":
        # Feeds are handed over as bytes so that XML's own encoding rules apply.
        return read_feed(data, source_url=name)
    if kind == "html":
        article = read_html_page(text)
    elif kind == "text":
        article = read_text_dump(text)
    else:
        article = read_plain_text(text)
    return [with_source_url(article, name)]


def with_source_url(article: ParsedArticle, source: str) -> ParsedArticle:
    """Give a story without a URL of its own the address it was fetched from."""
    if article.url or not source.lower().startswith(("http://", "https://")):
        return article
    url = normalise_story_url(source)
    story_id, language = story_key(url)
    return replace(article, url=url, story_id=story_id, language=language or article.language)


def detect_format(text: str, *, name: str = "") -> str:
    """Guess "rss", "html", "text" or "plain" from the decoded content."""
    head = text[:SNIFF_WINDOW].lstrip("\ufeff \t\n")
    if FEED_ROOT.match(head):
        return "rss"
    if HTML_ROOT.search(head) or head.lower().startswith("<!doctype html"):
        return "html"
    if looks_like_text_dump(text) and not looks_like_page_copy(text):
        return "text"
    if head.startswith("<") and PurePosixPath(name).suffix.lower() in {".html", ".htm"}:
        return "html"
    return "plain"
