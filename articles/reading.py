"""Read inputs into parsed stories: no database, so it runs in worker processes too."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .extraction import ParsedArticle, ParseError, enrich
from .extraction.formats import read_documents
from .sources import InputError, display_name, read_file


@dataclass(frozen=True)
class ParsedStory:
    """A story ready to save: its extraction, the labels its source gave, its raw bytes."""

    article: ParsedArticle
    source_labels: tuple[str, ...]
    raw: bytes
    raw_name: str


def parse_stories(data: bytes, *, name: str, format: str | None = None) -> list[ParsedStory]:
    """Read and extract every story in one input. Raises `ParseError`."""
    stories = []
    for document in read_documents(data, name=name, format=format):
        stories.append(
            ParsedStory(
                article=enrich(document),
                source_labels=document.topics + document.regions,
                raw=data,
                raw_name=name,
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
