"""Quotes in a headline, which UN News sets in single marks: "Ban ‘dismayed’ over …",
"UN envoy 'optimistic' about …", "… ‘with no end in sight’: UN rights office".

A headline quote counts only when the headline says whose words they are: a source named
after a dash or colon at the end ("… – UN rights chief"), or the subject just before the
opening mark ("UN chief ‘outraged’", "WFP: ‘Urgent action is needed’", "UN relief chief
implores ‘we have to do better’"). Anything else in marks is a term or a title.
"""

from __future__ import annotations

import re

from .speakers import MASK, Mention

# An opening mark at the start or after a space; the closing one before a space, punctuation
# or the end. An apostrophe inside a word ("Liberia’s") does not close the quote.
_SPAN_RE = re.compile(
    r"(?:(?<=^)|(?<=[\s(:–—-]))[‘'“\"](?P<text>(?:[^‘’'“”\"]|[’'](?=\w))+?)[’'”\"]"
    r"(?=$|[\s,.:;!?–—-])"
)
# Between a subject and the opening mark: nothing, a colon, or a verb ("implores", "says").
_LEAD_GAP_RE = re.compile(r"\s*(?::\s*|\s+[a-z]+s\s+(?:that\s+)?|,\s*)?\s*")
# A headline that opens with its speaker and a verb: "UN rights chief calls for …".
_VERB_AFTER_RE = re.compile(r"\s+[a-z]+s\b")
_PLACE_BEFORE_RE = re.compile(r"(?:[^:–—‘“'\"]{1,40}:\s*)?")  # "Haiti: UN relief chief …"
# Before a source at the end: a dash or a colon, or "says" ("…, says UN envoy").
_SOURCE_BEFORE_RE = re.compile(r"(?:\s*[–—-]\s*|:\s+|,?\s+says\s+)$")
_SOURCE_AFTER_RE = re.compile(r"\s*(?:(?:says|warns|tells|urges|reports)\b.*)?$")
_SAYS_AFTER_RE = re.compile(r"\s+(?:says|warns|tells)\b")
_WARNS_BEFORE_RE = re.compile(r",?\s+(?:warns|urges|urge|insists|stresses)\s+$")


def headline_spans(title: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks in the headline."""
    return [match.span("text") for match in _SPAN_RE.finditer(title)]


def masked(title: str, spans: list[tuple[int, int]]) -> str:
    """The headline with quoted words masked, so a name inside a quote is nobody's mention."""
    for start, end in spans:
        title = title[:start] + MASK * (end - start) + title[end:]
    return title


def headline_source(title: str, spans, mentions: list[Mention]) -> Mention | None:
    """The mention the headline gives as the source of its quotes, or None."""
    if not spans or not mentions:
        return None
    opening, last_end = spans[0][0] - 1, spans[-1][1] + 1
    for mention in mentions:  # the subject the headline opens with
        if mention.end > opening:
            break
        if _PLACE_BEFORE_RE.fullmatch(title, 0, mention.start) and (
            _LEAD_GAP_RE.fullmatch(title, mention.end, opening)
            or _VERB_AFTER_RE.match(title, mention.end)
        ):
            return mention
    for mention in reversed(mentions):  # a source at the end, or "…, UN envoy says …"
        if mention.start <= last_end:
            break
        at_end = _SOURCE_BEFORE_RE.search(title, last_end, mention.start) and (
            _SOURCE_AFTER_RE.match(title, mention.end)
        )
        if at_end or _SAYS_AFTER_RE.match(title, mention.end):
            return mention
        person = mention.kind in ("person", "title")
        if person and _WARNS_BEFORE_RE.search(title, last_end, mention.start):
            return mention  # "… ‘a long road’ warns Rashid Omar" (but "warns the Council")
    return None


# A bulletin's item headline inside the story: short, and no sentence ("COVID-19: Lift
# sanctions ‘bringing suffering and death’, urge UN experts").
ITEM_HEADLINE_MAX_WORDS = 25
_SENTENCE_END_RE = re.compile(r"[.!?…][”\"’)]*$")


def is_item_headline(text: str) -> bool:
    """Whether a paragraph is a bulletin's item headline: short, and no sentence."""
    stripped = text.rstrip()
    return (
        bool(stripped)
        and not _SENTENCE_END_RE.search(stripped)
        and (len(text.split()) <= ITEM_HEADLINE_MAX_WORDS)
    )


def item_headline_spans(text: str) -> list[tuple[int, int]]:
    """The single-marked quotes of a paragraph that is an item headline, else none."""
    if not is_item_headline(text):
        return []
    return [span for span in headline_spans(text) if text[span[0] - 1] in "‘'"]
