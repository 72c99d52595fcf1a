"""The frozen records that extraction produces and the import service consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


class ParseError(ValueError):
    """Input that cannot be read as a story or a feed; the message says why."""


@dataclass(frozen=True)
class RelatedLink:
    title: str
    url: str = ""


@dataclass(frozen=True)
class ParsedSpeaker:
    """One speaker quoted in a story, under the canonical name used across stories."""

    name: str
    title: str | None = None
    kind: str = "person"  # "person" or "organization"
    organization: str | None = None
    aliases: tuple[str, ...] = ()  # other names the story uses: "Mr. Ban", "Ban"


# How a quote came to its speaker: named in its own sentence ("said Mr. Doss"), by a pronoun
# ("she said"), by a title ("the UN chief said"), continuing the speaker before it (a quote
# paragraph with no attribution of its own), or in the headline ("Ban ‘dismayed’ over …").
# A quote nobody is said to have said has none ("").
ATTRIBUTION_KINDS = ("named", "pronoun", "title", "continuation", "headline")


@dataclass(frozen=True)
class ParsedQuote:
    """A quoted span. Offsets index `ParsedArticle.paragraphs`.

    `paragraph`/`start` locate the first character inside the opening mark,
    `end_paragraph`/`end` the character after the last one before the closing mark
    (they differ from `paragraph` only for quotes that run over several paragraphs).
    """

    text: str
    speaker: str | None
    speaker_mention: str | None
    paragraph: int
    start: int
    end: int
    end_paragraph: int | None = None
    partial: bool = False
    attribution: str = ""  # one of ATTRIBUTION_KINDS, "" when nobody is named


@dataclass(frozen=True)
class ParsedArticle:
    """One story as read from any source format."""

    source_format: str  # text | html-2023 | html-2017 | rss | plain
    title: str
    url: str | None = None
    story_id: str | None = None  # UN News story number, e.g. "1136642"
    language: str = "en"
    published: date | None = None
    dateline: str = ""  # the place before the date: "GENEVA", "TACLOBAN, Philippines"
    lede: str = ""
    body: tuple[str, ...] = ()
    # Indexes into `paragraphs` of subheads (h3/h4): shown with the body, never scanned for quotes.
    headings: tuple[int, ...] = ()
    caption: str = ""
    credit: str = ""
    image_url: str = ""
    topics: tuple[str, ...] = ()  # UN News topic names, e.g. "Peace and Security"
    regions: tuple[str, ...] = ()  # UN News region names, e.g. "Asia Pacific"
    tags: tuple[str, ...] = ()
    related: tuple[RelatedLink, ...] = ()
    speakers: tuple[ParsedSpeaker, ...] = ()
    quotes: tuple[ParsedQuote, ...] = field(default=())
    headline_printings: int = 1  # a copy of a page may print the headline twice

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The story's own text, where quotes are looked for: the lede, then the body."""
        return ((self.lede,) if self.lede else ()) + self.body
