"""Topics and regions of a story, named as on news.un.org (see `taxonomy.py`).

A source that carries its own labels (a page's header links, the feed an item came from)
is the truth: its labels are kept and nothing is added, except a topic inferred from the
text when the source gave none, because every story has at least one topic. Stories
without labels (text dumps, plain text) are classified from their words: topics from
`topic_vocabulary.TOPIC_TERMS`, regions from the places in `gazetteer.PLACE_REGIONS`.

Both tables are read once at import into whole-word lookups keyed by a phrase's first
word, so classifying a story costs one tokenisation and a dictionary probe per word.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .gazetteer import PLACE_REGIONS
from .records import ParsedArticle
from .taxonomy import REGIONS, TOPICS
from .topic_vocabulary import TOPIC_TERMS

_WORD = re.compile(r"\w+")

# "GAZIANTEP, Türkiye, 9 February 2023 – ...": the place before an opening date.
_DATELINE = re.compile(r"^(?P<place>[^\d–—\n]{2,80}?),\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*[–—-]")


@dataclass(frozen=True)
class SectionWeights:
    """How much one mention counts in each part of a story."""

    title: float
    caption: float
    lede: float
    body: float


# For topics the headline says what a story is about and the lede sums it up; an image
# caption only describes a photo.
TOPIC_SECTION_WEIGHTS = SectionWeights(title=3.0, caption=0.5, lede=1.5, body=1.0)
# For regions the headline is judged on its own (it names the story's place), so only the
# text's mentions are counted here.
REGION_SECTION_WEIGHTS = SectionWeights(title=0.0, caption=0.5, lede=1.0, body=1.0)

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


def _fold_case(word: str) -> str:
    """Lowercase except acronyms, so "WHO" (the agency) never matches "who"."""
    return word if len(word) > 1 and word.isupper() else word.lower()


def _keep_case(word: str) -> str:
    return word


@dataclass(frozen=True)
class _PhraseTable:
    """Whole-word phrases found by their first word, the longest phrase winning."""

    phrases: Mapping[tuple[str, ...], object]
    lengths: Mapping[str, tuple[int, ...]]
    fold: Callable[[str], str]

    @classmethod
    def build(cls, entries: Mapping[str, object], fold: Callable[[str], str]) -> _PhraseTable:
        phrases = {tuple(map(fold, _WORD.findall(name))): value for name, value in entries.items()}
        lengths: dict[str, set[int]] = defaultdict(set)
        for words in phrases:
            lengths[words[0]].add(len(words))
        ordered = {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()}
        return cls(phrases, ordered, fold)

    def find(self, text: str) -> list[object]:
        """The values of the phrases in `text`, left to right, without overlaps."""
        words = [self.fold(word) for word in _WORD.findall(text)]
        found, index = [], 0
        while index < len(words):
            step = 1
            for size in self.lengths.get(words[index], ()):
                value = self.phrases.get(tuple(words[index : index + size]))
                if value is not None:
                    found.append(value)
                    step = size
                    break
            index += step
        return found


def _topic_weights() -> dict[str, tuple[tuple[str, float], ...]]:
    by_term: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for topic, terms in TOPIC_TERMS.items():
        for term, weight in terms.items():
            by_term[term].append((topic, weight))
    return {term: tuple(weights) for term, weights in by_term.items()}


# Names that are no place map to "" so the lookup still consumes them ("African Union").
_PLACES = _PhraseTable.build(
    {name: region or "" for name, region in PLACE_REGIONS.items()}, _keep_case
)
_TOPIC_WEIGHTS = _topic_weights()
_TERMS = _PhraseTable.build({term: term for term in _TOPIC_WEIGHTS}, _fold_case)


def classify(article: ParsedArticle) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The story's (topics, regions) as taxonomy names.

    Labels the source carried are returned unchanged (a labelled story with no region is
    global); a labelled story without a topic gets the best topic inferred from its text.
    Unlabelled stories get 1-3 topics, best first, and the regions their text supports,
    in taxonomy order. Every story gets at least one topic.
    """
    if article.topics or article.regions:
        return article.topics or infer_topics(article)[:1], article.regions
    return infer_topics(article), infer_regions(article)


def _weighted_sections(
    article: ParsedArticle, weights: SectionWeights
) -> Iterable[tuple[str, float]]:
    """The story's texts with their weights; the first paragraph is the lede."""
    sections = [(article.title, weights.title), (article.caption, weights.caption)]
    sections += [
        (paragraph, weights.lede if index == 0 else weights.body)
        for index, paragraph in enumerate(article.paragraphs)
    ]
    return [(text, weight) for text, weight in sections if text and weight]


def topic_scores(article: ParsedArticle) -> dict[str, float]:
    """Each topic's evidence: its terms' weights times the square root of how often (and
    where) each occurs, so breadth of vocabulary counts for more than one repeated word."""
    occurrences: dict[str, float] = defaultdict(float)
    for text, section_weight in _weighted_sections(article, TOPIC_SECTION_WEIGHTS):
        for term in _TERMS.find(text):
            occurrences[term] += section_weight
    scores = dict.fromkeys(TOPICS, 0.0)
    for term, count in occurrences.items():
        for topic, weight in _TOPIC_WEIGHTS[term]:
            scores[topic] += weight * math.sqrt(count)
    return scores


def infer_topics(article: ParsedArticle) -> tuple[str, ...]:
    """Topics from the vocabulary: the best one, and others close enough to it."""
    scores = topic_scores(article)
    ranked = sorted(TOPICS, key=lambda topic: -scores[topic])
    best = scores[ranked[0]]
    if best <= 0:
        return (FALLBACK_TOPIC,)
    threshold = max(best * TOPIC_RELATIVE_THRESHOLD, TOPIC_MIN_SCORE)
    kept = [topic for topic in ranked[1:MAX_TOPICS] if scores[topic] >= threshold]
    return (ranked[0], *kept)


def dateline_places(article: ParsedArticle) -> tuple[str, ...]:
    """Place names of a dateline opening the first paragraph ("BENI, Democratic Republic of
    the Congo, 10 August 2018 –"), as written and in title case for the capitalised city."""
    match = _DATELINE.match(article.paragraphs[0]) if article.paragraphs else None
    if not match:
        return ()
    parts = [part.strip() for part in match["place"].split(",")]
    return tuple(part.title() if part.isupper() else part for part in parts)


def infer_regions(article: ParsedArticle) -> tuple[str, ...]:
    """Regions named in the headline or dateline, or mentioned repeatedly and mostly."""
    anchored = set(_PLACES.find(article.title))
    for place in dateline_places(article):
        anchored.update(_PLACES.find(place))
    mentions = dict.fromkeys(REGIONS, 0.0)
    for text, section_weight in _weighted_sections(article, REGION_SECTION_WEIGHTS):
        for region in _PLACES.find(text):
            if region:
                mentions[region] += section_weight
    total = sum(mentions.values())
    return tuple(
        region
        for region in REGIONS
        if region in anchored
        or (
            mentions[region] >= REGION_MIN_MENTIONS and mentions[region] >= REGION_MIN_SHARE * total
        )
    )
