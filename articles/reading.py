"""Read inputs into parsed stories: no database, so it runs in worker processes too."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .extraction import ParsedArticle, ParseError, enrich
from .extraction.feeds import item_feed
from .extraction.formats import read_documents
from .sources import InputError, display_name, read_file

# A feed with more items than this is read up to here, and the importer says so.
MAX_FEED_ITEMS = 1_000


@dataclass(frozen=True)
class ParsedStory:
    """A story ready to save: its extraction, the labels its source gave, its raw bytes
    (a feed item's own, not the whole feed's), and anything the importer should say."""

    article: ParsedArticle
    source_labels: tuple[str, ...]
    raw: bytes
    raw_name: str
    notes: tuple[str, ...] = ()


def parse_stories(data: bytes, *, name: str, format: str | None = None) -> list[ParsedStory]:
    """Read and extract every story in one input. Raises `ParseError`."""
    documents = read_documents(data, name=name, format=format)
    notes = ()
    if len(documents) > MAX_FEED_ITEMS:
        notes = (f"read the first {MAX_FEED_ITEMS:,} of its {len(documents):,} items",)
        documents = documents[:MAX_FEED_ITEMS]
    stories = []
    for index, document in enumerate(documents):
        stories.append(
            ParsedStory(
                article=enrich(document),
                source_labels=document.topics + document.regions,
                raw=item_feed(document) if document.source_format == "rss" else data,
                raw_name=name,
                notes=notes if index == 0 else (),
            )
        )
    return stories


def parse_file(work: tuple[str, str, str | None]) -> list[ParsedStory] | str:
    """Read and parse one file; a failure comes back as its one-line reason."""
    name, path, format = work
    try:
        data = read_file(Path(path))
    except InputError as error:
        return str(error)
    return parse_input(data, display_name(Path(path).name), format)


def parse_input(data: bytes, name: str, format: str | None) -> list[ParsedStory] | str:
    """Parse bytes already in hand (a fetched page); a failure comes back as its reason."""
    try:
        return parse_stories(data, name=name, format=format)
    except ParseError as error:
        return str(error)
    except Exception as error:  # a reader bug must not end the run or show a traceback
        return f"unexpected {type(error).__name__}: {error}"
