"""Pure extraction: bytes of a story, page or feed in, frozen `ParsedArticle` records out.

Nothing here touches the database, the network or file paths; the import service and
the `parse_article` command call `parse()` and decide what to do with the records.
"""

from __future__ import annotations

from dataclasses import replace

from .formats import read_documents
from .quotes import extract_quotes
from .records import ParsedArticle, ParsedQuote, ParsedSpeaker, ParseError, RelatedLink
from .topics import classify

__all__ = [
    "ParseError",
    "ParsedArticle",
    "ParsedQuote",
    "ParsedSpeaker",
    "RelatedLink",
    "enrich",
    "parse",
]


def parse(data: bytes, *, name: str = "", format: str | None = None) -> list[ParsedArticle]:
    """Read every story in `data` (one for a page or dump, many for a feed).

    `name` is the input's file name or URL, used to guess the format and in errors;
    `format` forces one of `text`, `html`, `rss`, `plain`. Raises `ParseError`.
    """
    return [enrich(article) for article in read_documents(data, name=name, format=format)]


def enrich(article: ParsedArticle) -> ParsedArticle:
    """Add quotes, speakers, topics and regions to a story read by `read_documents`."""
    quotes, speakers = extract_quotes(article)
    topics, regions = classify(article)
    return replace(article, quotes=quotes, speakers=speakers, topics=topics, regions=regions)
