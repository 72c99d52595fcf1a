"""Topics and regions of a story, named as on news.un.org (see `taxonomy.py`).

A source that carries its own labels (a page's header links, the feed an item came from)
is the truth: its labels are kept and nothing is added, except a topic inferred from the
text when the source gave none, because every story has at least one topic. Stories
without labels (text dumps, plain text) are classified from their words: topics from
`topic_vocabulary.TOPIC_TERMS`, regions from the places in `gazetteer.PLACE_REGIONS`.

Both tables are read once at import into whole-word lookups keyed by a phrase's first
word, so classifying a story costs one tokenisation and a set intersection per part.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .gazetteer import PLACE_REGIONS
from .records import ParsedArticle
from .taxonomy import REGIONS, TOPICS
from .topic_vocabulary import TOPIC_TERMS

_WORD = re.compile(r"\w+")

# "GAZIANTEP, Türkiye, 9 February 2023 – ...": the place before an opening date.
_DATELINE = re.compile(r"^(?P<place>[^\d–—\n]{2,80}?),\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*[–—-]")

# How much one mention counts in each part of a story. For topics the headline says what a
# story is about and the lede sums it up; an image caption only describes a photo. For
# regions the headline is judged on its own (it names the story's place), so only the
# text's mentions are counted.
TOPIC_SECTION_WEIGHTS: Mapping[str, float] = {
    "title": 3.0,
    "caption": 0.5,
    "lede": 1.5,
    "body": 1.0,
}
REGION_SECTION_WEIGHTS: Mapping[str, float] = {"caption": 0.5, "lede": 1.0, "body": 1.0}

# A topic is kept when it scores at least this share of the best topic's score.
TOPIC_RELATIVE_THRESHOLD = 0.35
TOPIC_MIN_SCORE = 3.0
MAX_TOPICS = 3
# With no topic word at all, the story is still about the UN itself.
FALLBACK_TOPIC = "UN Affairs"

# A region not named in the headline or dateline needs repeated mentions in the text, and
# must hold most of the place mentions: a list of countries across continents is a global
# story, and a country named once in passing places nothing.
REGION_MIN_MENTIONS = 3.0
REGION_MIN_SHARE = 0.6


@dataclass(frozen=True)
class _PhraseTable:
    """Whole-word phrases found by their first word, the longest phrase winning."""

    phrases: Mapping[tuple[str, ...], str]
    lengths: Mapping[str, tuple[int, ...]]
    first_words: frozenset[str]

    @classmethod
    def build(cls, entries: Mapping[str, str]) -> _PhraseTable:
        phrases = {tuple(_WORD.findall(name)): value for name, value in entries.items()}
        lengths: dict[str, set[int]] = defaultdict(set)
        for words in phrases:
            lengths[words[0]].add(len(words))
        ordered = {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()}
        return cls(phrases, ordered, frozenset(ordered))

    def find(self, words: list[str], distinct: frozenset[str] | None = None) -> list[str]:
        """The values of the phrases in `words`, left to right, without overlaps; `distinct`
        is the set of `words`, when the caller has it (two sets intersect fastest)."""
        found: list[str] = []
        resume = 0
        wanted = self.first_words.intersection(words if distinct is None else distinct)
        for index in _positions(words, wanted):
            if index < resume:
                continue
            word = words[index]
            for size in self.lengths[word]:
                value = self.phrases.get(tuple(words[index : index + size]))
                if value is not None:
                    found.append(value)
                    resume = index + size
                    break
        return found


def _positions(words: list[str], wanted: set[str]) -> list[int]:
    """Where the wanted words occur, in order."""
    return [index for index, word in enumerate(words) if word in wanted] if wanted else []


def _is_acronym(term: str) -> bool:
    return term.isalnum() and len(term) > 1 and term.isupper()


def _term_key(term: str) -> str:
    """The form a term is looked up in: its words, lowered unless it is an acronym."""
    return " ".join(_WORD.findall(term if _is_acronym(term) else term.lower()))


def _topic_weights() -> dict[str, tuple[tuple[str, float], ...]]:
    by_term: dict[str, dict[str, float]] = defaultdict(dict)
    for topic, terms in TOPIC_TERMS.items():
        for term, weight in terms.items():
            by_term[_term_key(term)][topic] = weight
    return {term: tuple(weights.items()) for term, weights in by_term.items()}


# Names that are no place map to "" so the lookup still consumes them ("African Union").
_PLACES = _PhraseTable.build({name: region or "" for name, region in PLACE_REGIONS.items()})
_TOPIC_WEIGHTS = _topic_weights()
# Acronyms match as written ("WHO", not "who"); every other term ignores case.
_ACRONYMS = _PhraseTable.build({term: term for term in _TOPIC_WEIGHTS if _is_acronym(term)})
_TERMS = _PhraseTable.build({term: term for term in _TOPIC_WEIGHTS if not _is_acronym(term)})


@dataclass(frozen=True)
class _Section:
    """One part of a story (title, caption, lede or body) as words, as written and lowered."""

    kind: str
    words: list[str]
    lowered: list[str]
    distinct: frozenset[str]
    distinct_lowered: frozenset[str]


def _sections(article: ParsedArticle) -> list[_Section]:
    """The story's parts, each tokenised once; the first paragraph is the lede."""
    paragraphs = article.paragraphs
    texts = {
        "title": article.title,
        "caption": article.caption,
        "lede": paragraphs[0] if paragraphs else "",
        "body": "\n".join(paragraphs[1:]),
    }
    sections = []
    for kind, text in texts.items():
        words = _WORD.findall(text)
        lowered = list(map(str.lower, words))
        sections.append(_Section(kind, words, lowered, frozenset(words), frozenset(lowered)))
    return sections


def classify(article: ParsedArticle) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The story's (topics, regions) as taxonomy names.

    Labels the source carried are returned unchanged (a labelled story with no region is
    global); a labelled story without a topic gets the best topic inferred from its text.
    Unlabelled stories get 1-3 topics, best first, and the regions their text supports,
    in taxonomy order. Every story gets at least one topic.
    """
    sections = _sections(article)
    if article.topics or article.regions:
        return article.topics or _best_topics(sections)[:1], article.regions
    return _best_topics(sections), _supported_regions(sections, dateline_places(article))


def infer_topics(article: ParsedArticle) -> tuple[str, ...]:
    """Topics from the vocabulary: the best one, and up to two others close enough to it."""
    return _best_topics(_sections(article))


def infer_regions(article: ParsedArticle) -> tuple[str, ...]:
    """Regions named in the headline or dateline, or mentioned repeatedly and mostly."""
    return _supported_regions(_sections(article), dateline_places(article))


def topic_scores(article: ParsedArticle) -> dict[str, float]:
    """Each topic's evidence: its terms' weights times the square root of how often (and
    where) each occurs, so breadth of vocabulary counts for more than one repeated word."""
    return _topic_scores(_sections(article))


def _topic_scores(sections: Iterable[_Section]) -> dict[str, float]:
    occurrences: dict[str, float] = defaultdict(float)
    for section in sections:
        weight = TOPIC_SECTION_WEIGHTS[section.kind]
        terms = _TERMS.find(section.lowered, section.distinct_lowered)
        for term in terms + _ACRONYMS.find(section.words, section.distinct):
            occurrences[term] += weight
    scores = dict.fromkeys(TOPICS, 0.0)
    for term, count in occurrences.items():
        for topic, weight in _TOPIC_WEIGHTS[term]:
            scores[topic] += weight * math.sqrt(count)
    return scores


def _best_topics(sections: Iterable[_Section]) -> tuple[str, ...]:
    scores = _topic_scores(sections)
    ranked = sorted(TOPICS, key=lambda topic: -scores[topic])
    best = scores[ranked[0]]
    if best <= 0:
        return (FALLBACK_TOPIC,)
    threshold = max(best * TOPIC_RELATIVE_THRESHOLD, TOPIC_MIN_SCORE)
    kept = [topic for topic in ranked[1:MAX_TOPICS] if scores[topic] >= threshold]
    return (ranked[0], *kept)


def dateline_places(article: ParsedArticle) -> tuple[str, ...]:
    """Place names of the story's dateline ("BENI, Democratic Republic of the Congo"), as
    written and in title case for the capitalised city. Reads `article.dateline`, else a
    dateline opening the first paragraph."""
    place = article.dateline
    if not place:
        match = _DATELINE.match(article.paragraphs[0]) if article.paragraphs else None
        place = match["place"] if match else ""
    parts = [part.strip() for part in place.split(",") if part.strip()]
    return tuple(part.title() if part.isupper() else part for part in parts)


def _supported_regions(sections: Iterable[_Section], dateline: Iterable[str]) -> tuple[str, ...]:
    anchored = {region for place in dateline for region in _PLACES.find(_WORD.findall(place))}
    mentions = dict.fromkeys(REGIONS, 0.0)
    for section in sections:
        found = _PLACES.find(section.words, section.distinct)
        if section.kind == "title":
            anchored.update(found)
            continue
        for region in found:
            if region:
                mentions[region] += REGION_SECTION_WEIGHTS[section.kind]
    total = sum(mentions.values())
    return tuple(
        region
        for region in REGIONS
        if region in anchored
        or (
            mentions[region] >= REGION_MIN_MENTIONS and mentions[region] >= REGION_MIN_SHARE * total
        )
    )
