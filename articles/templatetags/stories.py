"""Template filters that lay a story out: paragraphs with their quotes marked."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..extraction.urls import web_url as _web_url
from ..models import HIT_START, HIT_STOP, Attribution

HEADLINE = Attribution.HEADLINE

register = template.Library()

OPENING_MARKS = '“"‘«'
CLOSING_MARKS = '”"’»'


@dataclass(frozen=True)
class Segment:
    """A run of a paragraph's text; `quote` is set when the run is quoted speech."""

    text: str
    quote: object | None = None
    opens: bool = False  # the quote's first run: it carries the #quote-<id> anchor
    closes: bool = False  # the quote's last run: the speaker is named after it
    closing_mark: str = ""  # the closing quotation mark, kept before the speaker's name


@dataclass(frozen=True)
class Paragraph:
    index: int
    heading: bool
    segments: tuple[Segment, ...] = field(default=())


@register.filter
def marked_paragraphs(article) -> list[Paragraph]:
    """The story's paragraphs (lede first) split into plain and quoted runs.

    Uses the prefetched quotes; a quote whose offsets fall outside the text, or overlap
    an earlier quote, is left unmarked rather than garbling the paragraph.
    """
    return _marked(article, [q for q in article.quotes.all() if q.attribution != HEADLINE])


@register.filter
def quote_in_context(quote) -> list[Paragraph]:
    """The paragraphs a quote spans, with only that quote marked (for its permalink); none
    for a headline's quote, which the page shows in its headline."""
    if quote.attribution == HEADLINE:
        return []
    paragraphs = _marked(quote.article, [quote])
    return paragraphs[quote.paragraph : max(quote.end_paragraph, quote.paragraph) + 1]


def _marked(article, quotes) -> list[Paragraph]:
    paragraphs = article.paragraphs
    spans: dict[int, list[tuple[int, int, object, bool, bool]]] = {}
    for quote in sorted(quotes, key=lambda q: (q.paragraph, q.start)):
        for index, start, end, opens, closes in _quote_spans(quote, paragraphs):
            spans.setdefault(index, []).append((start, end, quote, opens, closes))
    headings = set(article.headings or [])
    return [
        Paragraph(index, index in headings, tuple(_segments(text, spans.get(index, []))))
        for index, text in enumerate(paragraphs)
    ]


def _quote_spans(quote, paragraphs):
    last = max(quote.end_paragraph, quote.paragraph)
    if last >= len(paragraphs):
        return []
    spans = []
    for index in range(quote.paragraph, last + 1):
        length = len(paragraphs[index])
        start = quote.start if index == quote.paragraph else _reopening(paragraphs[index])
        end = quote.end if index == last else length
        if not 0 <= start < end <= length:
            return []
        spans.append((index, start, end, index == quote.paragraph, index == last))
    return spans


def _reopening(text: str) -> int:
    """Where a quote continued from the previous paragraph starts: after its reopening mark."""
    return 1 if text[:1] in OPENING_MARKS else 0


def _segments(text: str, spans):
    position = 0
    for start, end, quote, opens, closes in spans:
        if start < position:
            continue  # overlaps the previous quote
        if start > position:
            yield Segment(text[position:start])
        mark = text[end : end + 1] if closes and text[end : end + 1] in CLOSING_MARKS else ""
        yield Segment(text[start:end], quote, opens, closes, mark)
        position = end + len(mark)
    if position < len(text):
        yield Segment(text[position:])


@dataclass(frozen=True)
class QuotedSpeaker:
    speaker: object | None
    quotes: tuple


@register.filter
def quoted_speakers(article) -> list[QuotedSpeaker]:
    """Who is quoted in the story, most quoted first; unattributed quotes last."""
    grouped: dict[int | None, list] = {}
    speakers = {}
    for quote in article.quotes.all():
        grouped.setdefault(quote.speaker_id, []).append(quote)
        speakers[quote.speaker_id] = quote.speaker
    ordered = sorted(grouped, key=lambda key: (key is None, -len(grouped[key])))
    return [QuotedSpeaker(speakers[key], tuple(grouped[key])) for key in ordered]


@register.filter
def highlighted(snippet: str) -> str:
    """A search snippet, escaped, with its hits wrapped in <mark>."""
    html = escape(snippet).replace(HIT_START, "<mark>").replace(HIT_STOP, "</mark>")
    return mark_safe(html)


@register.filter
def web_url(url: str) -> str:
    """Only http(s) addresses become links, whatever was stored before imports checked."""
    return _web_url(url)
