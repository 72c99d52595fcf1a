"""Which mention a quote belongs to: the attribution rules of UN News copy.

A quote is attributed, in this order, by the words right after it ("…,” Mr. Ban said",
"…,” said the UN chief", "…”, according to UNICEF"), by the narrator's words before it in the
same sentence ("the Secretary-General described the shortfall as “…”", "told journalists: “…”",
"…, saying he was “deeply frustrated”"), by a clause closing the sentence ("… “in constant
fear” of shelling, the UN warned on Friday") or by a paragraph ending in a colon. A subject the
story does not name ("the spokesperson said") still attributes the words, to nobody in
particular. Quotes with none of these are follow-ons, dealt with in quotes.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from string import ascii_uppercase

from .lexicon import ABBREVIATIONS, SPEECH_VERBS
from .speakers import (
    GAP_RE,
    MASK,
    PARTICIPLE_RE,
    VERB_RE,
    EndAnchoredPattern,
    Mention,
    subject_gap,
)


@dataclass(frozen=True)
class Attribution:
    """The mention a quote hangs on and the attributing words as the story writes them."""

    mention: Mention | None  # None: the text attributes the words to somebody it does not name
    words: str


_SENTENCE_END_RE = re.compile(rf"[.!?][”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9À-ÞØ{MASK}])")
_ABBREVIATION_RE = EndAnchoredPattern(
    rf"(?:\b(?:{'|'.join(map(re.escape, ABBREVIATIONS))})|\b[A-Z])$",
    last_words=(*ABBREVIATIONS, *ascii_uppercase),
    trailing=r"\n?",  # `$` also matches before a final newline
)
# "according to the latest assessment from the World Health Organization (WHO)": its source
_SOURCE_OF_RE = (
    r"(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:assessment|report|estimates?|figures|data|"
    r"analysis|statement|survey|update|study|findings)\s+(?:from|by|of)\s+)?"
)
_ACCORDING_RE = re.compile(rf"\s*,?\s*according\s+to\s+{_SOURCE_OF_RE}")
_LEAD_IN_RE = re.compile(r"\s*[,;–—-]?\s*")
_AS_RE = re.compile(r"as\s+")  # "…,” as one aid worker put it"
# Words a subject may follow: "members of the Council", "a top UN official", "Foreign Minister X"
_CAPITALISED_LEAD_RE = re.compile(
    r"(?:(?:members|some|many|most|several|one)\s+of\s+)?(?:(?:a|an|the)\s+)?(?:[A-Z][\w’'-]*\s+){0,2}"
)
_CONTINUES_RE = re.compile(r"\s*(?:[,;–—(]|[a-z])")
_OPENING_RE = re.compile(r"[“\"]")
_COMMA_RE = re.compile(",")
_WORD_CHAR_RE = re.compile(r"\w")


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the sentence of `text` holding `position` (masked quotes count as
    words, so a full stop inside a quote ends nothing)."""
    ends = _sentence_ends(text)
    # the first full stop after `position` ends it (a quote's own full stop included)
    following = bisect_left(ends, position + 1, key=lambda end: end[1])
    start = ends[following - 1][1] if following else 0
    end = ends[following][0] + 1 if following < len(ends) else len(text)
    return start, end


def sentence_starts(text: str) -> list[int]:
    """Where each sentence of `text` starts, first at 0."""
    return [0, *(after for _, after in _sentence_ends(text))]


@lru_cache(maxsize=256)
def _sentence_ends(text: str) -> tuple[tuple[int, int], ...]:
    """(position of the stop, where the next sentence starts) for each sentence end of
    `text`, read once for every quote of the paragraph."""
    return tuple(
        (match.start(), match.end())
        for match in _SENTENCE_END_RE.finditer(text)
        if not _ABBREVIATION_RE.search(text, max(0, match.start() - 12), match.start())
    )


def _mention_at(mentions: list[Mention], position: int, limit: int = 4) -> Mention | None:
    return next((m for m in mentions if position <= m.start <= position + limit), None)


def _subject_before(
    mentions: list[Mention], text: str, verb_start: int, floor: int, latest: int | None = None
):
    """The mention that is the subject of a verb at `verb_start`: the nearest one before it
    with nothing but a clause or an adverb between ("Mr. Ban, who …, said"), starting between
    `floor` and `latest`."""
    ends = {m.end for m in mentions}
    found = None
    for mention in reversed(mentions):
        if mention.end > verb_start or mention.start < floor:
            continue
        if latest is not None and mention.start > latest:
            continue
        if _in_apposition(text, mention, ends) or mention.possessive:
            continue  # "Filippo Grandi, head of the UN refugee agency, UNHCR, said"
        if _DELIVERED_BY_RE.search(text, max(0, mention.start - 40), mention.start):
            continue  # "Mr. Ban, in a message delivered by his deputy, said": Mr. Ban says it
        gap = text[mention.end : verb_start]
        if subject_gap(gap):
            # past a title, only a person it stands in apposition to: "Alan Doss, the …
            # Special Representative, said" (not "With Prime Minister X, the Secretary-
            # General said")
            apposed = found is None or found.oblique or gap.rstrip().endswith(",")
            if mention.kind == "person" and apposed:
                return mention
            # "Alan Doss, the Secretary-General’s Special Representative, said": a title or
            # body in an appositive describes the person named before it, who speaks
            found = found or mention
    return found


_COMMA_BEFORE_RE = re.compile(r",\s*$")
_DELIVERED_BY_RE = re.compile(
    r"\b(?:delivered|read(?:\s+out)?|presented|conveyed)\s+(?:by|on\s+(?:his|her)\s+behalf\s+by)"
    r"\s+(?:the\s+)?$"
)


def _in_apposition(text: str, mention: Mention, ends: set[int]) -> bool:
    """Whether a body's name only restates the mention just before it: "…agency, UNHCR,"."""
    comma = _COMMA_BEFORE_RE.search(text, max(0, mention.start - 4), mention.start)
    return (
        mention.kind == "organization"
        and comma is not None
        and mention.start - len(comma.group()) in ends
    )


def attribution_after(text: str, close: int, mentions: list[Mention]) -> Attribution | None:
    """An attribution opening the words after a closing mark at `close`, if the sentence
    goes on there: "…,” Mr. Ban told reporters", "said the UN chief", "according to WFP"."""
    start, end = close + 1, _sentence_end_after(text, close)
    following = text[start:end].split(MASK)[0]
    limit = start + len(_OPENING_RE.split(following)[0])
    return _clause_attribution(text, start, limit, mentions, VERB_RE.search(text, start, limit))


def _sentence_end_after(text: str, close: int) -> int:
    """Where the narrator's sentence ends after a closing mark. A quote ending in "?" or "!"
    does not end it ("“…by when?” Mr. Guterres asked"); one ending in "." does."""
    ends_question = close > 0 and text[close - 1] in "?!"
    return sentence_bounds(text, min(len(text), close + (2 if ends_question else 1)))[1]


def attribution_later(text: str, close: int, mentions: list[Mention]) -> Attribution | None:
    """An attribution closing the sentence after a quote, at a later clause: "… left millions
    “in constant fear” of shelling, the UN warned on Friday", "…, Volker Türk has said"."""
    start, end = close + 1, _sentence_end_after(text, close)
    # The verbs are found once: a long sentence may have many commas to try.
    verbs = list(VERB_RE.finditer(text, start, end))
    verb_starts = [verb.start() for verb in verbs]
    for comma in _COMMA_RE.finditer(text, start, end):
        following = bisect_left(verb_starts, comma.end())
        verb = verbs[following] if following < len(verbs) else None
        found = _clause_attribution(text, comma.end(), end, mentions, verb)
        if found is not None:
            return found
    return None


_CLAUSE_END_RE = re.compile(r"[,.;:]|$")
# A short noun phrase for a speaker the story does not name: "the spokesperson", "one nurse".
_UNNAMED_SUBJECT_RE = re.compile(
    r"(?!(?:as|while|and|but|when|where|which|who|that|if|because|after|before|since)\b)"
    r"(?:[\w’'-]+\s+){1,6}"
)


# Up to four words after the verb complete the attributing words: "told reporters in
# Islamabad", "said in a statement" – but not what follows "that" or a participle.
_VERB_OBJECT_RE = re.compile(
    r"(?:\s+(?!(?:that|adding|saying|noting|warning|urging|calling|as|while|and|but|when|"
    r"after|before)\b)[\w’'-]+){0,4}"
)


def _verb_phrase_end(text: str, verb_end: int, limit: int) -> int:
    return _VERB_OBJECT_RE.match(text, verb_end, limit).end()


def _clause_attribution(text: str, start: int, limit: int, mentions: list[Mention], verb):
    """ "Mention verb" or "verb mention" opening the clause that starts at `start`; `verb` is
    the first reporting verb between `start` and `limit`, or None."""
    according = _ACCORDING_RE.match(text, start)
    if according:
        # "…,” according to Mr. Ban’s spokesperson": the source of the report, not the
        # speaker; the sentence's own subject (before the quote) is looked for instead
        mention = _mention_at(mentions, according.end())
        if mention is None or mention.possessive:
            return None
        return Attribution(mention, text[according.start() : mention.end].strip(" ,"))
    if verb is None:
        return None
    lead = _LEAD_IN_RE.match(text, start).end()
    after_as = _AS_RE.match(text, lead)
    latest = after_as.end() if after_as else lead
    owner = next((m for m in mentions if m.start == latest and m.possessive), None)
    if owner is not None:  # "Secretary-General Ban Ki-moon’s Special Representative X said"
        latest = owner.end + 3
    latest = _CAPITALISED_LEAD_RE.match(text, latest).end()  # "Foreign Minister Jean Ping"
    subject = _subject_before(mentions, text, verb.start(), start, latest=latest)
    if subject is not None:
        return Attribution(subject, text[subject.start : _verb_phrase_end(text, verb.end(), limit)])
    if _LEAD_IN_RE.fullmatch(text, start, verb.start()):
        clause_end = _CLAUSE_END_RE.search(text, verb.end(), limit).start()
        inverted = next((m for m in mentions if verb.end() < m.start < clause_end), None)
        if inverted is not None and _inverts(text, verb, inverted):
            inverted = _apposed_person(text, inverted, mentions) or inverted
            return Attribution(inverted, text[verb.start() : inverted.end])
    if verb.group() in SPEECH_VERBS and _UNNAMED_SUBJECT_RE.fullmatch(text, lead, verb.start()):
        # "…,” the spokesperson said": somebody the story does not name said it
        return Attribution(None, text[lead : verb.end()])
    return None


# Verbs whose next noun is who was spoken to: "told the Council", "urged the parties".
_OBJECT_VERBS = frozenset(
    {
        "told",
        "tells",
        "tell",
        "asked",
        "urged",
        "urges",
        "briefed",
        "reminded",
        "assured",
        "called on",
        "encouraged",
        "welcomed",
        "welcomes",
        "praised",
        "hailed",
        "condemned",
    }
)
_INVERSION_GAP_RE = re.compile(
    r"\s*(?:(?:today|yesterday|also|again|then|later|earlier|this\s+week|on\s+\w+day)[\s,]+)*"
)


_APPOSITION_GAP_RE = re.compile(r"[^,.;:“”\"]{0,90},\s*")


def _apposed_person(text: str, mention: Mention, mentions: list[Mention]) -> Mention | None:
    """The person a title or body is the role of: "said the UN Under-Secretary-General for
    Peacekeeping Operations, Hervé Ladsous"."""
    if mention.kind == "person":
        return None
    return next(
        (
            m
            for m in mentions
            if m.kind == "person"
            and m.start > mention.end
            and _APPOSITION_GAP_RE.fullmatch(text, mention.end, m.start)
        ),
        None,
    )


def _inverts(text: str, verb, mention: Mention) -> bool:
    """Whether a mention right after a reporting verb is its subject ("said the UN chief",
    "added Ms. Fore"), not the verb's object ("told the Council") or a place ("at UN")."""
    return verb.group() not in _OBJECT_VERBS and bool(
        _INVERSION_GAP_RE.fullmatch(text, verb.end(), mention.start)
    )


def attribution_before(text: str, start: int, opening: int, mentions: list[Mention]):
    """An attribution in the narrator's words from `start` (the sentence's start) up to the
    opening mark at `opening`: the subject of the last reporting verb, or for a participle
    ("saying", "adding that") the subject of the sentence."""
    according = _according_before(text, start, opening, mentions)
    if according is not None:
        return according
    verbs = sorted(
        [*VERB_RE.finditer(text, start, opening), *PARTICIPLE_RE.finditer(text, start, opening)],
        key=lambda v: v.start(),
    )
    for verb in reversed(verbs):
        found = _verb_subject(text, start, verb, mentions)
        if found is not None:
            return found
    if verbs:
        first = next((m for m in mentions if start <= m.start and m.end <= verbs[0].start()), None)
        if first is not None:
            return Attribution(first, verbs[-1].group())
    return _according_opening(text, start, mentions) or _colon_subject(
        text, start, opening, mentions
    )


def _colon_subject(text: str, start: int, opening: int, mentions: list[Mention]):
    """The subject of a sentence that introduces the quote with a colon and no reporting
    verb: "The Humanitarian Coordinator, Anjali Menon, summed up the challenge: “…”". The
    first person the sentence names, else the first body."""
    lead = text[start:opening].rstrip()
    if not lead.endswith(":"):
        return None
    subject = first_named(mentions, start, opening)
    return Attribution(subject, text[subject.start : start + len(lead)]) if subject else None


def _personal_pronoun(mention: Mention) -> bool:
    return mention.kind == "pronoun" and mention.gender is not None  # "Here he is now:"


def first_named(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The first person named between `start` and `end` (not the owner of somebody else's
    title), else the first body: who a sentence with no reporting verb gives words to."""
    named = [m for m in mentions if start <= m.start and m.end <= end and not m.possessive]
    people = [m for m in named if m.kind in ("person", "title") or _personal_pronoun(m)]
    return (people or [m for m in named if m.kind == "organization"] or [None])[0]


def _according_opening(text: str, start: int, mentions: list[Mention]):
    """The source of a sentence that opens "According to UNICEF, …" and quotes further on
    with no reporting verb of its own: the source speaks for the whole sentence."""
    according = _ACCORDING_BEFORE_RE.match(text, _LEAD_IN_RE.match(text, start).end())
    mention = _mention_at(mentions, according.end()) if according else None
    if mention is None or not _COMMA_RE.match(text, mention.end):
        return None
    return Attribution(mention, text[according.start() : mention.end])


_ACCORDING_BEFORE_RE = re.compile(
    r"\b(?:according\s+to|in\s+the\s+words\s+of|in(?=\s+(?:his|her|its)\s+(?:own\s+)?words\b))"
    rf"\s+{_SOURCE_OF_RE}",
    re.IGNORECASE,
)
_TO_COMMA_RE = re.compile(r"[^,]*,\s*")


def _according_before(text: str, start: int, opening: int, mentions: list[Mention]):
    """A source named before the quote: "According to UNICEF, “…”", "In the words of
    Mr. Ban, “…”", "In her words, “…”"."""
    according = list(_ACCORDING_BEFORE_RE.finditer(text, start, opening))
    if according and _TO_COMMA_RE.fullmatch(text, according[-1].end(), opening):
        mention = _mention_at(mentions, according[-1].end())
        if mention:
            return Attribution(mention, text[according[-1].start() : mention.end])
    return None


_CLAUSE_BREAK_RE = re.compile(r"[,;:–—]|\b(?:while|and|but|as|whereas)\b")
# A clause ending in one of these has no subject before the verb: "alarmed by reports",
# "describing continued investment".
_NO_SUBJECT_RE = re.compile(
    r"\b(?:by|of|in|on|for|with|the|a|an|to|from|at|that|as|\w+ing)\s*$", re.IGNORECASE
)
_FILLER_ONLY_RE = re.compile(rf"(?:\s|{GAP_RE.pattern})*", re.IGNORECASE)


def _verb_subject(text: str, start: int, verb: re.Match[str], mentions: list[Mention]):
    """The attribution a reporting verb gives: its subject's mention, None for a participle
    with no subject of its own (the sentence's subject then speaks), or an attribution with
    no mention when the subject is somebody the story does not name ("demining experts
    warned that they’ve “…”")."""
    subject = _subject_before(mentions, text, verb.start(), start)
    if PARTICIPLE_RE.fullmatch(verb.group()):
        # "with the UN chief calling on nations to …": a participle's own subject
        if subject is not None and not text[subject.end : verb.start()].strip():
            return Attribution(subject, text[subject.start : verb.end()])
        return None
    if subject is not None:
        return Attribution(subject, text[subject.start : verb.end()])
    clause = _CLAUSE_BREAK_RE.split(text[start : verb.start()])[-1]
    unnamed = not _FILLER_ONLY_RE.fullmatch(clause) and not _NO_SUBJECT_RE.search(clause)
    # "… said the numbers reflected “…”": words after an earlier reporting verb are what was
    # reported, not an unnamed speaker; that verb's subject speaks
    unnamed = unnamed and VERB_RE.search(clause) is None
    # "“…,” said Ms. X, “…”": a closing mark before the verb is no subject at all
    unnamed = unnamed and _WORD_CHAR_RE.search(clause) is not None
    if MASK not in clause and unnamed:
        return Attribution(None, (clause + verb.group()).strip())
    return None


def continues_after(quote_text: str, text: str, close: int) -> bool:
    """Whether the narrator's sentence goes on after a closing mark (so an attribution may
    follow): the quote ends in a comma, or the next words are lower case or punctuation."""
    if quote_text.rstrip()[-1:] in (",", "–", "—", "-", "?", "!"):
        return True
    return bool(_CONTINUES_RE.match(text, close + 1))
