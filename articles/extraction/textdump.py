"""Text dumps of old UN News Centre pages (source format "text").

A dump reads, block by block (blocks are separated by blank lines):
the "... UN NEWS CENTRE" header, the headline, an optional image caption ending in a
photo credit, a date line ("4 May 2012 –", "GENEVA, 8 March 2011 –", sometimes running
on into the first paragraph), the body with `[text](#)` links, and an optional
"News Tracker: past stories on this issue" block of related-story links.
"""

from __future__ import annotations

import re
from datetime import date

from .records import ParsedArticle, RelatedLink

HEADER_LINES = ("with breaking stories and", "newswire products from", "un news centre")
TRACKER_PREFIX = "news tracker"

MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_MONTH = "|".join(name.capitalize() for name in MONTHS)

# "4 May 2012 –" with an optional "CITY, Country, " before it and, when the dateline
# runs into the story, the first paragraph after the dash.
DATE_LINE = re.compile(
    rf"^(?:(?P<place>[A-Z][^\n,–—]{{0,40}}(?:,[^\n,–—]{{1,40}})?),\s+)?"
    rf"(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>\d{{4}})"
    rf"\s*(?:[–—]|-{{1,2}}|$)\s*(?P<rest>.*)$",
    re.DOTALL,
)
# A caption is only this far from the title; further down, a date line is in the body.
MAX_BLOCKS_BEFORE_DATE = 3

MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")

# A photo credit ends the caption: "UN Photo/Paulo Filgueiras", "© UNICEF/Name",
# "UN News/Name". Agency part: "UN Photo"/"UN News"/"UN Women" or one agency word.
PHOTO_CREDIT = re.compile(
    r"(?:^|(?<=\s))(?P<credit>(?:©\s*)?(?:UN\s(?:Photo|News|Women)|[A-Z][A-Za-z&.-]*)"
    r"\s?/\s?[^/\s][^/]{0,60})$"
)


def looks_like_text_dump(text: str) -> bool:
    """True when `text` has the UN News Centre header. (Other text with a date line near
    its top is a copy of a page, read line by line by the plain reader.)"""
    return "un news centre" in text[:1500].lower()


def read_text_dump(text: str) -> ParsedArticle:
    """Read one decoded text dump into a `ParsedArticle` (body in `body`, lede empty)."""
    blocks = split_blocks(_drop_header(text))
    story, tracker = _split_tracker(blocks)
    title = story[0] if story else ""
    caption_blocks, published, dateline, body = _split_at_date_line(story[1:])
    caption, credit = split_caption(" ".join(caption_blocks))
    return ParsedArticle(
        source_format="text",
        title=strip_links(title),
        published=published,
        dateline=dateline,
        caption=caption,
        credit=credit,
        body=tuple(strip_links(block) for block in body),
        related=tuple(read_related(tracker)),
    )


def split_blocks(text: str) -> list[str]:
    """Blocks of non-blank lines, each joined into one line with single spaces."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            current.append(line)
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def _drop_header(text: str) -> str:
    """The dump without its leading "UN NEWS CENTRE" header lines, however they are spaced."""
    lines = text.split("\n")
    index = 0
    while index < len(lines) and (
        not lines[index].strip() or " ".join(lines[index].split()).lower() in HEADER_LINES
    ):
        index += 1
    return "\n".join(lines[index:])


def _split_tracker(blocks: list[str]) -> tuple[list[str], list[str]]:
    for index, block in enumerate(blocks):
        if block.lower().startswith(TRACKER_PREFIX):
            return blocks[:index], blocks[index + 1 :]
    return blocks, []


def _split_at_date_line(
    blocks: list[str],
) -> tuple[list[str], date | None, str, list[str]]:
    """(caption blocks, published, dateline place, body) around the first date line."""
    for index, block in enumerate(blocks[: MAX_BLOCKS_BEFORE_DATE + 1]):
        match = DATE_LINE.match(block)
        published = match and parse_day_month_year(match)
        if published:
            rest = match.group("rest").strip()
            body = ([rest] if rest else []) + blocks[index + 1 :]
            return blocks[:index], published, (match.group("place") or "").strip(), body
    return [], None, "", blocks


def parse_day_month_year(match: re.Match[str]) -> date | None:
    """The date in a `DATE_LINE` match, or None if it is not a real calendar day."""
    try:
        return date(
            int(match.group("year")), MONTHS[match.group("month").lower()], int(match.group("day"))
        )
    except ValueError:
        return None


def split_caption(caption: str) -> tuple[str, str]:
    """Split "Text. UN Photo/Name" into ("Text.", "UN Photo/Name"); no credit -> ""."""
    caption = strip_links(caption).strip()
    match = PHOTO_CREDIT.search(caption)
    if not match:
        return caption, ""
    return caption[: match.start("credit")].strip(), match.group("credit").strip()


def strip_links(text: str) -> str:
    """Reduce markdown links `[text](url)` to their text."""
    return MARKDOWN_LINK.sub(r"\1", text)


def read_related(blocks: list[str]) -> list[RelatedLink]:
    """Related stories from the News Tracker: one link per block, `#` meaning no URL."""
    related = []
    for block in blocks:
        for title, url in MARKDOWN_LINK.findall(block):
            if title.strip():
                related.append(RelatedLink(title=title.strip(), url="" if url == "#" else url))
    return related
