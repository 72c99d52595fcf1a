"""Which mention a quote belongs to: the attribution rules of UN News copy.

A quote is attributed, in this order, by the words right after it ("…,” Mr. Ban said",
"…,” said the UN chief", "…”, according to UNICEF"), by the narrator's words before it in the
same sentence ("the Secretary-General described the shortfall as “…”", "told journalists: “…”",
"…, saying he was “deeply frustrated”"), and otherwise by the quote just before it, whose
speaker a follow-on quote keeps (with no mention of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import ABBREVIATIONS
from .speakers import MASK, PARTICIPLE_RE, VERB_RE, Mention, subject_gap


@dataclass(frozen=True)
class Attribution:
    """The mention a quote hangs on and the attributing words as the story writes them."""

    mention: Mention
    words: str


_SENTENCE_END_RE = re.compile(rf"[.!?][”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9À-ÞØ{MASK}])")
_ABBREVIATION_RE = re.compile(rf"(?:\b(?:{'|'.join(map(re.escape, ABBREVIATIONS))})|\b[A-Z])$")
_ACCORDING_RE = re.compile(r"\s*,?\s*according\s+to\s+")
_LEAD_IN_RE = re.compile(r"\s*[,;–—-]?\s*")
_CONTINUES_RE = re.compile(r"\s*(?:[,;–—(]|[a-z])")


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the sentence of `text` holding `position` (masked quotes count as
    words, so a full stop inside a quote ends nothing)."""
    start, end = 0, len(text)
    for match in _SENTENCE_END_RE.finditer(text):
        if _ABBREVIATION_RE.search(text, 0, match.start()):
            continue
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start() + 1
            break
    return start, end


def _mention_at(mentions: list[Mention], position: int, limit: int = 4) -> Mention | None:
    return next((m for m in mentions if position <= m.start <= position + limit), None)


def _subject_before(mentions: list[Mention], text: str, verb_start: int, floor: int):
    """The mention that is the subject of a verb at `verb_start`: the nearest one before it
    with nothing but a clause or an adverb between ("Mr. Ban, who …, said")."""
    for mention in reversed(mentions):
        if mention.end > verb_start or mention.start < floor:
            continue
        if subject_gap(text[mention.end : verb_start]):
            return mention
    return None


def attribution_after(text: str, close: int, mentions: list[Mention]) -> Attribution | None:
    """An attribution opening the words after a closing mark at `close`, if the sentence
    goes on there: "…,” Mr. Ban told reporters", "said the UN chief", "according to WFP"."""
    start, end = close + 1, sentence_bounds(text, close + 1)[1]
    following = text[start:end].split(MASK)[0]
    limit = start + len(following.split("“")[0].split('"')[0])
    according = _ACCORDING_RE.match(text, start)
    if according:
        mention = _mention_at(mentions, according.end())
        if mention:
            return Attribution(mention, text[according.start() : mention.end].strip(" ,"))
    verb = VERB_RE.search(text, start, limit)
    if verb is None:
        return None
    subject = _subject_before(mentions, text, verb.start(), start)
    lead = _LEAD_IN_RE.match(text, start).end()
    if subject is not None and subject.start <= lead:
        return Attribution(subject, text[subject.start : verb.end()])
    if _LEAD_IN_RE.fullmatch(text, start, verb.start()):
        inverted = _mention_at(mentions, verb.end() + 1)
        if inverted is not None:
            return Attribution(inverted, text[verb.start() : inverted.end])
    return None


def attribution_before(text: str, start: int, opening: int, mentions: list[Mention]):
    """An attribution in the narrator's words from `start` (the sentence's start) up to the
    opening mark at `opening`: the subject of the last reporting verb, or for a participle
    ("saying", "adding that") the subject of the sentence."""
    before = text[start:opening]
    according = list(re.finditer(r"\baccording\s+to\s+", before, re.IGNORECASE))
    if according and re.fullmatch(r"[^,]*,\s*", before[according[-1].end() :]):
        mention = _mention_at(mentions, start + according[-1].end())
        if mention:
            return Attribution(mention, text[start + according[-1].start() : mention.end])
    verbs = sorted(
        [*VERB_RE.finditer(text, start, opening), *PARTICIPLE_RE.finditer(text, start, opening)],
        key=lambda v: v.start(),
    )
    for verb in reversed(verbs):
        if PARTICIPLE_RE.fullmatch(verb.group()):
            continue
        subject = _subject_before(mentions, text, verb.start(), start)
        if subject is not None:
            return Attribution(subject, text[subject.start : verb.end()])
    if verbs:
        first = next((m for m in mentions if start <= m.start and m.end <= verbs[0].start()), None)
        if first is not None:
            return Attribution(first, verbs[-1].group())
    return None


def continues_after(quote_text: str, text: str, close: int) -> bool:
    """Whether the narrator's sentence goes on after a closing mark (so an attribution may
    follow): the quote ends in a comma, or the next words are lower case or punctuation."""
    if quote_text.rstrip()[-1:] in (",", "–", "—", "-", "?", "!"):
        return True
    return bool(_CONTINUES_RE.match(text, close + 1))
