"""Which reader an input needs, and the dispatch to it.

`read_documents` decodes the bytes once, sniffs the content (the file name only breaks
ties a sniff cannot), and hands the text to the text-dump, HTML, RSS or plain reader.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from .decoding import decode
from .records import ParsedArticle, ParseError
from .textdump import looks_like_text_dump, read_text_dump, split_blocks

FORMATS = ("text", "html", "rss", "plain")

# Extensions an importer walking a directory should read; everything else
# (README.md, .json, .csv, images) is skipped without being an error.
STORY_FILE_EXTENSIONS = frozenset({".txt", ".html", ".htm", ".xml", ".rss"})

FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
SNIFF_WINDOW = 4096


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
    if format == "rss" or (format is None and _sniff_bytes(data) == "rss"):
        from .feeds import read_feed

        return read_feed(data, source_url=name)
    text = decode(data)
    kind = format or detect_format(text, name=name)
    if kind == "rss":
        from .feeds import read_feed

        return read_feed(data, source_url=name)
    if kind == "html":
        from .html import read_html_page

        return [read_html_page(text)]
    if kind == "text":
        return [read_text_dump(text)]
    return [read_plain_text(text)]


def detect_format(text: str, *, name: str = "") -> str:
    """Guess "rss", "html", "text" or "plain" from the decoded content."""
    head = text[:SNIFF_WINDOW].lstrip("\ufeff \t\n")
    if FEED_ROOT.search(head) and (head.startswith("<?xml") or head.startswith("<rss")):
        return "rss"
    if HTML_ROOT.search(head) or head.lower().startswith("<!doctype html"):
        return "html"
    if looks_like_text_dump(text):
        return "text"
    if head.startswith("<") and PurePosixPath(name).suffix.lower() in {".html", ".htm"}:
        return "html"
    return "plain"


def _sniff_bytes(data: bytes) -> str | None:
    # Feeds are handed to the XML reader as bytes so their own encoding rules apply.
    head = data[:SNIFF_WINDOW].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<rss", b"<!DOCTYPE rss", b"<feed")) and re.search(
        rb"<(?:rss|feed|rdf:RDF)[\s>]", head, re.IGNORECASE
    ):
        return "rss"
    return None


def read_plain_text(text: str) -> ParsedArticle:
    """Plain text: the first non-empty line is the title, blank lines separate paragraphs."""
    lines = text.strip().split("\n")
    title = " ".join(lines[0].split())
    return ParsedArticle(
        source_format="plain",
        title=title,
        body=tuple(split_blocks("\n".join(lines[1:]))),
    )
