"""Plain text, including text copies of news.un.org pages (source format "plain").

A copy of a page reads, line by line: the site's own header ("Global perspective Human
stories", "Skip to main content"), the headline (often printed twice, as the page does), an
optional date line, image captions and credits, then the story, one paragraph a line. Other
plain text is a title line and paragraphs; paragraphs hard-wrapped over several lines are
joined, and blank lines always end one.
"""

from __future__ import annotations

import re

from .records import ParsedArticle
from .textdump import DATE_LINE, PHOTO_CREDIT, parse_day_month_year, split_blocks, strip_links

SITE_LINES = frozenset(
    {"global perspective human stories", "skip to main content", "un news", "menu", "search"}
)
_IMAGE_ID_RE = re.compile(r"^media:\S+$")
# A paragraph of the story: a sentence of some length that ends as sentences do.
_SENTENCE_END_RE = re.compile(r"[.!?:][”\"’)]*$")
BODY_MIN_WORDS = 16
# Captions, credits and date lines stand between the headline and the story, never more.
MAX_PREAMBLE_LINES = 6
WRAP_WIDTH = 100
# Headlines run to some twenty words; a longer first line is the story itself.
MAX_TITLE_WORDS = 40
HEADLINE_MIN_WORDS = 4
MAX_CHROME_LINES = 12
TITLE_WORDS_KEPT = 12


def _normal(line: str) -> str:
    return " ".join(line.split()).casefold()


def looks_like_page_copy(text: str) -> bool:
    """True when `text` opens with the site's header or prints its first line twice."""
    lines = [line for line in (_normal(line) for line in text[:3000].split("\n")) if line]
    return bool(lines) and (lines[0] in SITE_LINES or (len(lines) > 1 and lines[0] == lines[1]))


def read_plain_text(text: str) -> ParsedArticle:
    """The title, date, caption and paragraphs of plain text or a copy of a page."""
    lines = _paragraph_lines(text)
    while lines and (_normal(lines[0]) in SITE_LINES or _IMAGE_ID_RE.match(lines[0])):
        lines.pop(0)
    # A reprint's own chrome ("Google Ads", "date 2022-11-19 Left Menu") before the headline
    headline = next(
        (i for i, line in enumerate(lines[:MAX_CHROME_LINES]) if _headline_like(line)), 0
    )
    del lines[:headline]
    title = lines.pop(0) if lines else ""
    if len(title.split()) > MAX_TITLE_WORDS:  # a copy that starts inside the story
        lines.insert(0, title)
        title = " ".join(title.split()[:TITLE_WORDS_KEPT]) + " …"
    printings = 1
    while lines and _normal(lines[0]) == _normal(title):
        lines.pop(0)
        printings += 1
    published, dateline, captions, start = None, "", [], None
    for index, line in enumerate(lines[:MAX_PREAMBLE_LINES]):
        if _normal(line) == _normal(title):  # printed again after its photo
            printings += 1
            lines[index] = ""
            continue
        match = DATE_LINE.match(line)
        day = match and parse_day_month_year(match)
        if day and published is None:
            published, dateline = day, (match.group("place") or "").strip()
            lines[index] = match.group("rest").strip()  # "4 May 2012 – Stressing …"
            line = lines[index]
        # A caption repeats after its credit; a lede printed twice in a row is the story's.
        repeated = line in captions or line in lines[index + 2 : index + 4]
        # after the date line, any sentence starts the story ("“We need trucks,” she said.")
        sentence = published is not None and _SENTENCE_END_RE.search(line) is not None
        # a line quoting somebody is the story's (a bulletin's item headline), never a caption
        quoting = _QUOTING_RE.search(line) is not None
        if (_is_body(line) or sentence or quoting) and not repeated:
            start = index
            break
        if line and not _IMAGE_ID_RE.match(line) and line not in captions:
            captions.append(line)
    if start is None:  # no story line near the top: it is all story
        start, captions = 0, []
    body = [line for line in lines[start:] if line]
    caption = " ".join(c for c in captions if not PHOTO_CREDIT.fullmatch(c))
    credit = " ".join(c for c in captions if PHOTO_CREDIT.fullmatch(c))
    return ParsedArticle(
        source_format="plain",
        title=title,
        published=published,
        dateline=dateline,
        caption=caption,
        credit=credit,
        body=tuple(body),
        headline_printings=printings,
    )


_QUOTING_RE = re.compile(r"[“\"][^“”\"]{2,}[”\"]")
_CHROME_RE = re.compile(r"\d{4}-\d\d-\d\d|\||\bservice provided by\b|\blog in\b", re.IGNORECASE)


def _headline_like(line: str) -> bool:
    """A line that can be a headline: a few words, not a sentence, not site furniture."""
    words = len(line.split())
    return (
        HEADLINE_MIN_WORDS <= words <= MAX_TITLE_WORDS
        and not line.endswith(".")
        and not _CHROME_RE.search(line)
        and not DATE_LINE.match(line)
    )


def _is_body(line: str) -> bool:
    return len(line.split()) >= BODY_MIN_WORDS and _SENTENCE_END_RE.search(line) is not None


def _paragraph_lines(text: str) -> list[str]:
    """One entry a paragraph: each line, unless the text is hard-wrapped (then blank lines
    separate paragraphs after the title line, and the lines between them are joined)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    wrapped = all(len(line) <= WRAP_WIDTH for line in lines) and any(
        lines[i].strip() and lines[i + 1].strip() for i in range(len(lines) - 1)
    )
    if wrapped:  # the first line is the title, whatever follows it
        first = next(index for index, line in enumerate(lines) if line.strip())
        return [" ".join(lines[first].split()), *split_blocks("\n".join(lines[first + 1 :]))]
    return [strip_links(" ".join(line.split())) for line in lines if line.strip()]
