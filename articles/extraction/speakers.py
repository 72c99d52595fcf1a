"""Who a story's sentences mention, and which one canonical speaker each mention is.

Mentions are found in the narration – paragraphs whose quoted words are masked out, so a name
inside a quote is never its speaker. A mention is a name ("Mr. Ban", "Solange Ngarmbassa"), a
title ("the UN chief", "the Special Rapporteur"), a body ("UNICEF", "the agency"), a pronoun or an
unnamed person ("a WFP logistics officer"). `resolve_mentions` turns them into `Entity` records,
one per speaker, named the same way in every story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .gazetteer import PLACE_REGIONS
from .lexicon import (
    FILLER_WORDS,
    GENDERED_NOUNS,
    HONORIFIC_GENDER,
    INDIVIDUAL_NOUNS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    PERSON_NOUNS,
    PREPOSITIONS,
    PRONOUN_GENDER,
    REPORTING_PARTICIPLES,
    REPORTING_VERBS,
    ROLE_WORDS,
)
from .officeholders import (
    AMBIGUOUS_OFFICES,
    HEAD_WORDS,
    OFFICE_TITLE_PATTERNS,
    OFFICES,
    gender_of,
    holder_on,
    holders_of,
    known_person,
    name_tokens,
    offices_held,
    person_by_key,
)
from .organizations import (
    DEFAULT_FOR_KIND,
    GENERIC_REFERENCES,
    fold,
    organization_by_acronym,
    organization_kind,
    organization_mentions,
    trie_pattern,
)
from .records import ParsedSpeaker

# Stands in for every character inside quotation marks, so narration keeps its offsets.
MASK = "\u25aa"


@dataclass(slots=True)
class Mention:
    """Words of the narration that refer to someone. `kind` is person, title, organization,
    generic, pronoun (he, she; "it" has no gender and means a body) or anonymous; `entity` is
    filled in by `resolve_mentions`."""

    paragraph: int
    start: int
    end: int
    text: str
    kind: str
    name: str | None = None  # a person's name as written (no honorific), or a body's name
    office: str | None = None  # "SG", "OHCHR", "title:special rapporteur"
    role: str | None = None  # role words the story gives: "OCHA spokesperson"
    gender: str | None = None
    former: bool = False  # "former Secretary-General Kofi Annan" holds the office no more
    kinds: frozenset[str] = frozenset()  # bodies a generic noun may point back to
    alias: str | None = None  # the name as written: "Mr. Ban", "the UN refugee agency"
    organization: str | None = None  # the body a head-of-body title names: "the WHO chief"
    sentence: int = 0  # where the mention's sentence starts in its paragraph
    possessive: bool = False  # "Mr. Ban’s spokesperson": owns what follows, never speaks
    oblique: bool = False  # "led by Amina Mohammed": after a preposition, not a subject
    entity: Entity | None = field(default=None, repr=False)


@dataclass(slots=True)
class Entity:
    """One speaker of a story. `name` is None for somebody the story does not name."""

    kind: str  # person | organization
    name: str | None
    gender: str | None = None
    office: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)


def _words(words) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


class EndAnchoredPattern:
    """A pattern that only matches at the end of a text ("… said "), with the words its
    matches end with. `re` tries such a pattern at every position of the text, which is slow;
    this first matches the last word against the start of the reversed text, once, and skips
    the pattern when that fails. The test ignores case, so it never skips a text that the
    pattern would match."""

    def __init__(self, pattern: str, last_words, flags: int = 0, trailing: str = r"\s+"):
        """`trailing` is what the pattern allows between its last word and the end."""
        self.pattern = re.compile(pattern, flags)
        backwards = {word.split()[-1][::-1] for word in last_words}
        self.reversed_end = re.compile(rf"{trailing}(?:{_words(backwards)})", re.IGNORECASE)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        endpos = len(text) if endpos is None else endpos
        if self.reversed_end.match(text[pos:endpos][::-1]) is None:
            return None
        return self.pattern.search(text, pos, endpos)


_UPPER = "".join(ch for ch in map(chr, range(0x41, 0x250)) if ch.isupper())
_UP = f"[{re.escape(_UPPER)}]"
# One capitalised part of a name: "Ki-moon", "O’Brien", "Ødegaard-Lévy" – not a possessive "’s".
_TOKEN = rf"{_UP}[^\W\d_]*(?:(?:-|['’](?!s\b))[^\W\d_]+)*"
# A family name may open with a lower-case article joined to it: "al-Obeidi", "el-Sayed".
_ARTICLE = r"(?:(?:al|el|ad|an|ar|as|ash|at|az)-)?"
_PART = rf"{_ARTICLE}{_TOKEN}"
_PARTICLES = rf"(?:(?:{_words(NAME_PARTICLES)})\s+){{0,2}}"  # "de", "van der", "bin"
NAME = rf"{_TOKEN}(?:\s+{_UP}\.)?(?:\s+{_PARTICLES}{_PART}){{0,4}}"

# Word lists become prefix trees ("said|says" → "sa(?:id|ys)"), which `re` scans far faster.
VERB_RE = re.compile(rf"(?<![\w-]){trie_pattern(sorted(REPORTING_VERBS))}\b(?!\s+by\b)")
PARTICIPLE_RE = re.compile(rf"(?<![\w-]){trie_pattern(sorted(REPORTING_PARTICIPLES))}\b")
# What may stand between a subject and its verb: "Mr. Ban, who spoke with …, said", "a
# 17-year-old from Eritrea who did not want to give his name, said".
GAP_RE = re.compile(
    rf"(?:\s+(?:in|of|from|at|with|near|for|to|on|based\s+in)\s+[^,;:{MASK}“”\"]{{1,40}}?)?"
    rf"(?:\s+who\s+[^,;:{MASK}“”\"]{{1,80}},\s*)?"
    rf"\s*(?:(?:,[^,;:{MASK}“”\"]{{0,200}}){{1,3}},\s*|,\s*(?:who|which)\s+|,\s*)?"
    rf"(?:(?:{_words(FILLER_WORDS)}|\w+ly)\s+)*"
    # a first verb phrase and "and": "Sarah Crowe has just returned from Greece and told"
    rf"(?:(?:has|have|had|was|is)\s+[^,;:.{MASK}“”\"]{{1,60}}?\s+and\s+(?:(?:{_words(FILLER_WORDS)}|\w+ly)\s+)*)?",
    re.IGNORECASE,
)
# These start with a letter, never a look-behind, so that `re` can skip ahead to candidates;
# whether a match starts a word is checked with `_word_before`.
# After "Mr." or "Ms." the family name keeps its particles: "Mr. de Mistura", "Ms. al-Masri".
_HONORIFIC_RE = re.compile(
    rf"(?P<hon>{_words(HONORIFIC_GENDER)})\.?\s+(?P<name>{_PARTICLES}{_ARTICLE}{NAME})"
)
_NAME_RE = re.compile(NAME)
# Also matches "Se" or "Sim": only words in `PRONOUN_GENDER` count (one leading class is fast).
_PRONOUN_RE = re.compile(r"[HhSs](?:he|e|im|is|imself|er|ers|erself)\b")
# "it" stands for a body only as the subject of a reporting verb: "it said", "it has warned".
_IT_RE = re.compile(
    rf"[Ii]t(?=\s+(?:(?:{_words(FILLER_WORDS)})\s+)*(?:{_words(REPORTING_VERBS)})\b)"
)
# "the agency", "the mission"; and "Council members", who speak for the Council.
# "the agency", "the UN peacekeeping mission": found from the noun, then "the" before it;
# and "Council members", who speak for the Council.
_GENERIC_NOUN_RE = re.compile(
    rf"{trie_pattern(sorted({key.split()[-1] for key in GENERIC_REFERENCES}))}\b(?![-\w])"
)
_GENERIC_LEAD_RE = re.compile(
    r"(?:\b[Tt]he\s+(?:\d+-member\s+|#+\s+)?|(?<![\w#])#+\s+)((?:UN\s+)?(?:peacekeeping\s+)?)$"
)
_MEMBERS_AFTER_RE = re.compile(r"\s+members\b")
# An unnamed person is found from the noun back to its article: "a WFP logistics officer",
# "one mother of four"; looking for every "a" first is much slower.
_PERSON_NOUN_RE = re.compile(  # the leading \b skips positions inside words fastest here
    rf"\b{trie_pattern(sorted((*PERSON_NOUNS, 'year-old')))}\b"
    r"(?:\s+of\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+))?"
)
_AGE_BEFORE_RE = re.compile(r"\d+-$")
_ARTICLE_BEFORE_RE = re.compile(r"(?<![\w’'-])(?:[Aa]n?|[Oo]ne)\s+(?:[\w’'#-]+\s+){0,5}$")
_GENERIC_TITLES = (
    r"Special Rapporteur|Independent Expert|Special Representative|Special Adviser|"
    r"Special Envoy|Special Coordinator|Resident Coordinator|Humanitarian Coordinator|"
    r"Force Commander|Head of Mission"
)
# "the Special Rapporteur on the right to food" runs to the comma, the verb or the name.
_TITLE_TAIL = (
    rf"(?:\s+(?:on|for|of|in)\s+[^,.;:{MASK}“”\"]{{1,90}}?"
    rf"(?=\s*[,.;:]|\s+(?:{_words(REPORTING_VERBS)})\b|\s+(?:Mr|Ms|Mrs|Dr)\b|$"
    # a name between the mandate and its verb: "Special Adviser on Yemen Jamal Benomar told"
    rf"|\s+(?:[A-Z][\w’'-]+\s+){{1,3}}(?:{_words(REPORTING_VERBS)})\b))?"
)


def _anchor(pattern: str) -> str:
    """A word every match of `pattern` contains, to skip paragraphs that cannot match."""
    required = re.sub(r"\((?:[^()]|\([^()]*\))*\)\??", " ", pattern)
    return max(re.findall(r"[A-Za-z][A-Za-z-]+", required), key=len)


def _title_patterns() -> tuple[tuple[str, re.Pattern[str], str | None], ...]:
    """(anchor, pattern, office) for every title; office None for the generic titles.

    One alternation of all titles would be tried at every letter of a story; matching each
    title only where its anchor word occurs is many times faster."""
    titles = [(p, office) for office, ps in OFFICE_TITLE_PATTERNS.items() for p in ps]
    titles += [(rf"{generic}{_TITLE_TAIL}", None) for generic in _GENERIC_TITLES.split("|")]
    return tuple((_anchor(p), re.compile(rf"{p}(?![\w-])"), office) for p, office in titles)


_TITLES = _title_patterns()
# Many titles share an anchor word: each paragraph is checked for each anchor once.
_TITLES_BY_ANCHOR = tuple(
    (anchor, tuple((pattern, office) for a, pattern, office in _TITLES if a == anchor))
    for anchor in dict.fromkeys(anchor for anchor, _, _ in _TITLES)
)
# Read backwards from a title: "the new Secretary-General", "former High Commissioner".
_TITLE_LEAD_RE = re.compile(
    r"(?:\b[Tt]he\s+)?(?:\b(?:UN|United Nations)['’]s\s+)?"
    r"(?:\b(?:new|outgoing|incoming|then|former|late)\s+)?$"
)
# "in Sudan", "for Asia and the Pacific" after a head title: a local head, not the agency's.
_LOCAL_RE = re.compile(r"\s+(?:in|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
_FORMER_RE = re.compile(r"former|late")
_LEADING_THE_RE = re.compile(r"^[Tt]he\s+")
_CLAUSE_ENDS_RE = re.compile(r"\s*(?:[,.;:(–—]|$)")
_AFTER_TITLE_RE = re.compile(r"§\s*,?\s*$")  # titles found so far are blanked with §
_AFTER_NAME_RE = re.compile(r"#\s*,\s*$")  # and names and bodies with #
_SPACE_OR_COMMA_RE = re.compile(r"\s+|\s*,\s*")
_MANDATE_REST_RE = re.compile(r"(?:,(?:\s+[a-z][\w’'-]*){1,8})+,\s*")
_COMMA_RE = re.compile(r"\s*,\s*")
_NOT_THIS_OFFICE_RE = re.compile(r"(?:Assistant|Deputy|Under)[\s-]$")
_HEAD_AFTER_RE = re.compile(rf"(?:['’]s)?\s+(?:{HEAD_WORDS})\b")
_HEAD_BEFORE_RE = re.compile(
    rf"\b(?:[Tt]he\s+)?(?:{HEAD_WORDS})\s+of\s+(?:the\s+)?(?:(?:UN|United Nations)['’]s\s+)?$"
)
# Up to three words of a role before a name, never a verb: "said OCHA spokesperson X".
_ROLE_BEFORE_RE = EndAnchoredPattern(
    rf"(?<![\w-])(?:(?!(?:{_words(REPORTING_VERBS)}|{_words(REPORTING_PARTICIPLES)}|the|a|an|"
    rf"according|to|by|of|for|with|from|Here|That|s)\b)"
    rf"(?:[A-Z][A-Za-z-]+(?:['’]s)?|[a-z][\w-]*)\s+){{0,3}}"
    rf"(?i:{_words(ROLE_WORDS)}|\d+-year-old)\s+$",
    last_words=(*ROLE_WORDS, "year-old"),
)
_APPOSITIVE_RE = re.compile(rf"\s*,\s*(?:(?:a|an|the)\s+(?P<role>[^,.;{MASK}“”\"]{{2,90}})|who\b)")
# "Michele Cohen, UN Women Deputy Executive Director, said": a role with no article.
_BARE_ROLE_RE = re.compile(
    rf"\s*,\s*(?P<role>[^,.;{MASK}“”\"]{{0,60}}\b(?:{_words(ROLE_WORDS)}|Director|Coordinator|"
    rf"Representative|Rapporteur|Envoy|Adviser|Chief|Head)\b[^,.;{MASK}“”\"]{{0,40}})(?=,)"
)
_PREDICATE_BEFORE_RE = re.compile(
    r"\b(?:as|was|is|became|become|named|appointed)\s+(?:the\s+)?(?:(?:UN|United Nations)\s+)?$"
)
# A role just before a name, in either case: "spokesperson Adrian Edwards", "UNICEF Somalia
# Representative Sikander Khan", "17-year-old Marisol Quintero-Batts".
_AGE_OR_ROLE_BEFORE_RE = EndAnchoredPattern(
    rf"(?:\d+-year-old|\b(?:{_words(ROLE_WORDS)}))\s+$",
    last_words=(*ROLE_WORDS, "year-old"),
    flags=re.IGNORECASE,
)
_INVERSION_BEFORE_RE = EndAnchoredPattern(
    rf"\b(?:{_words(REPORTING_VERBS)})\s+$", last_words=REPORTING_VERBS
)
# A capitalised run after a preposition is a place or a thing: "in New York", "to El Geneina".
_PREPOSITION_BEFORE_RE = EndAnchoredPattern(
    rf"\b(?:{'|'.join(PREPOSITIONS)})\s+$", last_words=PREPOSITIONS
)
_ACCORDING_TO_BEFORE_RE = re.compile(r"\b[Aa]ccording\s+to\s+$")
_INDIVIDUAL_RE = re.compile(
    rf"(?:\d+-year-old|(?:[\w-]+\s+){{0,2}}(?:{_words(INDIVIDUAL_NOUNS)})\b)"  # "an Afghan woman"
)
_OWN_PRONOUN_AFTER_RE = re.compile(r"\s+(?:has|had|is|was)\s+[^,.;:“”\"]{0,60}?\b(?:her|his)\b")
_SUBJECT_SLOT_RE = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:In|At|On|Near|Outside|Inside|Across)\s+[^,.;]{1,40},\s*)?$"
)
_AGE_AFTER_RE = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,3}\s*,")
_PERSON_WORD_RE = re.compile(
    rf"\b(?:{_words(PERSON_NOUNS)}|{_words(ROLE_WORDS)}|[a-z]+(?:ist|er|or|ian))s?\b|year-old"
)
_GENDERED_RE = re.compile(rf"\b(?:{_words(GENDERED_NOUNS)})\b")
_ROLE_END_RE = re.compile(r"\s+(?:who|which|speaking|based|working)\b.*$", re.S)


def subject_gap(text: str) -> bool:
    """True when `text` may stand between a subject and its verb ("Mr. Ban, who …, said")."""
    return GAP_RE.fullmatch(text) is not None


def _followed_by_verb(text: str, end: int) -> bool:
    verb = VERB_RE.search(text, end, min(len(text), end + 240))
    return verb is not None and subject_gap(text[end : verb.start()])


def _organization_mentions(paragraph: int, text: str, defined) -> list[Mention]:
    mentions = []
    for start, end, org in organization_mentions(text, defined):
        office = org.acronym or org.name
        head = before = None
        if office in OFFICES:  # a body whose head stories quote
            head = _HEAD_AFTER_RE.match(text, end)
            before = _HEAD_BEFORE_RE.search(text[max(0, start - 40) : start])
        if head or before:
            # "the WHO chief", "the head of the World Health Organization (WHO)"; but the head
            # of WFP "in Sudan" is a country director, known only by the name the story gives
            local = _LOCAL_RE.match(text, head.end() if head else end)
            start = start - len(before.group()) if before else start
            end = local.end() if local else head.end() if head else end
            office = f"title:head of {office}" if local else office
            mentions.append(
                _mention(paragraph, text, start, end, "title", office=office, organization=org.name)
            )
        else:
            written = _LEADING_THE_RE.sub("", text[start:end])
            mentions.append(
                _mention(paragraph, text, start, end, "organization", name=org.name, alias=written)
            )
    return mentions


def _mention(paragraph: int, text: str, start: int, end: int, kind: str, **details) -> Mention:
    return Mention(paragraph, start, end, text[start:end], kind, **details)


def titles_in(text: str):
    """The title patterns, by anchor word, whose anchor occurs in `text` (a whole story), so
    that each paragraph is only searched for titles the story can contain."""
    return tuple((anchor, group) for anchor, group in _TITLES_BY_ANCHOR if anchor in text)


def _title_mentions(paragraph: int, text: str, titles=_TITLES_BY_ANCHOR) -> list[Mention]:
    mentions = []
    matches = [
        (m, office)
        for anchor, group in titles
        if anchor in text
        for pattern, office in group
        for m in pattern.finditer(text)
    ]
    for match, office in matches:
        before = text[max(0, match.start() - 30) : match.start()]
        if _word_before(text, match.start()) or _NOT_THIS_OFFICE_RE.search(before):
            continue
        if _PREDICATE_BEFORE_RE.search(before):
            continue  # "served as UN High Commissioner for Refugees" names nobody here
        lead = _TITLE_LEAD_RE.search(before).group()
        if office is None:
            head = re.split(r"\s+(?:on|for|of|in)\s", match.group())[0]
            office = "title:" + " ".join(head.lower().split())
        start = match.start() - len(lead)
        former = bool(_FORMER_RE.search(lead))
        mentions.append(
            _mention(
                paragraph,
                text,
                start,
                match.end(),
                "title",
                office=office,
                role=match.group(),
                former=former,
            )
        )
    return mentions


def _word_before(text: str, position: int) -> bool:
    """Whether `position` is inside a word (so a match there is no word of its own)."""
    return position > 0 and (text[position - 1].isalnum() or text[position - 1] in "-’'_")


def _names_a_person(role: str) -> bool:
    # § marks a title already found there: "Lise Grande, the UN Humanitarian Coordinator"
    return "§" in role or bool(_PERSON_WORD_RE.search(role))


# A bulletin hands over to a named voice: "Here's …", "That's according to …, David Kaye".
_INTRODUCED_RE = re.compile(
    r"\b(?:Here|That)(?:[’']s|\s+is)\s+(?:according\s+to\s+|the\s+\w+\s+(?:of|from)\s+)?"
    r"(?:[^.;:“”\"]{0,70},\s+)?$"
)
_ROLE_THEN_COMMA_RE = re.compile(
    rf"\b(?i:{_words(ROLE_WORDS)})(?:-[A-Za-z]+)*\b(?:\s+(?:of|for|on|to)\s+[^,.;:“”\"]{{1,40}})?"
    r",\s+$"
)


_SUBJECT_PRONOUNS = frozenset({"He", "She", "It", "They", "We", "I", "You", "This", "That"})
_VERB_NEXT_RE = re.compile(rf"\s+(?:{_words(REPORTING_VERBS)})\b")
_IS_ROLE_AFTER_RE = re.compile(
    rf"\s+(?:is|was)\s+(?:a|an|the)\s+[^.,;]{{0,60}}?\b(?i:{_words(ROLE_WORDS)})\b"
)
_TITLED_APPOSITIVE_RE = re.compile(r"\s*,\s*[#§][^,.;]{0,80}?§")


def _person_context(text: str, start: int, end: int, tokens: int) -> bool:
    """Whether a capitalised run is used as somebody's name where it stands."""
    before = text[max(0, start - 40) : start]
    wider = text[max(0, start - 90) : start]
    introduced = ("Here" in wider or "That" in wider) and _INTRODUCED_RE.search(wider)
    if tokens > 1 and introduced or (wider.endswith(", ") and _ROLE_THEN_COMMA_RE.search(wider)):
        # "Here's Mogens Lykketoft", "That's the view of …", "Head of Communications, X"
        return True
    if _INVERSION_BEFORE_RE.search(before):
        # "said Rasha, a mother of three"; but not "insists Nobel laureate … Geoffrey Hinton"
        return tokens > 1 or _CLAUSE_ENDS_RE.match(text, end) is not None
    if _PREPOSITION_BEFORE_RE.search(before):
        # "according to Ravindra Bajracharya, a WHO officer": a source, not a place; and
        # "put forward by Judi Aubel, a health specialist": a person by their role
        if tokens < 2:
            return False
        appositive = _APPOSITIVE_RE.match(text, end)
        described = appositive is not None and _names_a_person(appositive["role"] or "")
        return described or _ACCORDING_TO_BEFORE_RE.search(before) is not None
    if _AGE_AFTER_RE.match(text, end):
        return True  # "Yelitza Mendoza, 34, crossed the bridge", "Mehmet, 41, spent"
    one_word = (
        tokens < 2 and before.endswith(("” ", '" ')) and text[start:end] not in _SUBJECT_PRONOUNS
    )
    if one_word and _VERB_NEXT_RE.match(text, end):
        return True  # "“…,” Trump said": wire copy's one-word name, right after the quote
    if tokens < 2:
        # "Nour, an 11-year-old in the sixth grade, said": a first name introduced as somebody
        appositive = _APPOSITIVE_RE.match(text, end)
        return bool(appositive and _INDIVIDUAL_RE.match(appositive["role"] or ""))
    if _AFTER_TITLE_RE.search(before):
        # A name right after a title: "Secretary-General Ban Ki-moon", "the Special
        # Rapporteur on the right to food, Anneliese Vorburg"
        return True
    appositive = _APPOSITIVE_RE.match(text, end)
    if appositive and (appositive.group("role") is None or _names_a_person(appositive["role"])):
        return True
    if appositive and _opens_sentence(text, start):
        return True  # "Maria Delgado, a Democrat from New Mexico, disagreed."
    if text.startswith((" is ", " was "), end) and _IS_ROLE_AFTER_RE.match(text, end):
        return True  # "Viktoriya Hrubas is a Public Information Officer with OCHA"
    if text.startswith(",", end) and _TITLED_APPOSITIVE_RE.match(text, end):
        return True  # "Lise Grande, the UN Humanitarian Coordinator for Iraq," (both found)
    if _AGE_OR_ROLE_BEFORE_RE.search(before) or _followed_by_verb(text, end):
        return True
    # "Rosa Elena Quiñónez has not heard from her son since Saturday": the clause names the
    # person by a pronoun of their own
    return _OWN_PRONOUN_AFTER_RE.match(text, end) is not None


# Role words open a capitalised run as often as sentence words do: "Spokesperson Stéphane
# Dujarric", "Representative Sikander Khan".
_NOT_NAMES = (
    NOT_NAME_WORDS
    | {word.capitalize() for word in ROLE_WORDS}
    | {
        # documents speak for their authors, never as people: "The Presidential Statement said"
        "Statement",
        "Report",
        "Resolution",
        "Declaration",
        "Communiqué",
        "Letter",
        "Appeal",
    }
)


def _trim_name(name: str) -> str:
    """The name at the end of a capitalised run, after words that open a sentence or make a
    title: "Somalia Representative Sikander Khan" → "Sikander Khan". No word of the result is
    in `NOT_NAME_WORDS`."""
    parts = name.split()
    if _NOT_NAMES.isdisjoint(parts):
        return name
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] in _NOT_NAMES:
            return " ".join(parts[index + 1 :])
    return name


def _name_mentions(paragraph: int, text: str, known: set[str]) -> list[Mention]:
    mentions = []
    for match in _HONORIFIC_RE.finditer(text):
        if _word_before(text, match.start()):
            continue
        honorific = match.group("hon")
        mentions.append(
            _from_match(
                paragraph,
                match,
                "person",
                name=match.group("name"),
                gender=HONORIFIC_GENDER[honorific],
                alias=match.group(),
            )
        )
    for match in _NAME_RE.finditer(text):
        if _word_before(text, match.start()):
            continue
        name = _trim_name(match.group())
        if name != match.group() and known_person(match.group()):
            name = match.group()  # "Anthony Lake" is a name, though a lake is a place
        if not name or name in PLACE_REGIONS:
            continue  # "Saudi Arabia said" is a country speaking, not a person
        start = match.end() - len(name)
        tokens = len(name.split())
        if (
            name in known
            or (tokens >= 2 and known_person(name))
            or _person_context(text, start, match.end(), tokens)
        ):
            mentions.append(Mention(paragraph, start, match.end(), name, "person", name=name))
            known = known | {name}  # "Rayan, 12, sits in the front row. “…,” Rayan said."
    return mentions


# An official the story refers to by role: "the top UN envoy", "the Mission chief", "a senior
# United Nations official". Resolved to the person in focus who holds a role (see `_resolve`).
_ROLE_NOUNS = (
    "envoy",
    "official",
    "chief",
    "head",
    "representative",
    "adviser",
    "mediator",
    "coordinator",
    "expert",
)
_ROLE_NOUN_RE = re.compile(
    rf"\b(?:{'|'.join(_ROLE_NOUNS)})\b"
    r"(?!\s+of\b)"
)
_ROLE_LEAD_RE = re.compile(
    r"(?<![\w-])(?:(?:[Tt]he|[Aa])\s+|(?=(?:#+|[Tt]op)\s))(?:(?:[\w.-]+|[#§]+)\s+){0,4}$"
)


# A person after one of these is an object, not who the next "he" or "she" is.
_OBLIQUE_WORDS = frozenset(("by", "with", "of", "to", "from", "for", "against", "between", "among"))


def _role_references(paragraph: int, text: str) -> list[Mention]:
    """Officials the story refers to by role: the noun first, then the words before it."""
    mentions = []
    if not any(noun in text for noun in _ROLE_NOUNS):
        return mentions
    for noun in _ROLE_NOUN_RE.finditer(text):
        lead = _ROLE_LEAD_RE.search(text, max(0, noun.start() - 60), noun.start())
        if lead is not None:
            office = "title:" + noun.group()
            mentions.append(
                _mention(paragraph, text, lead.start(), noun.end(), "title", office=office)
            )
    return mentions


def _other_mentions(paragraph: int, text: str) -> list[Mention]:
    mentions = _role_references(paragraph, text)
    for match in _PRONOUN_RE.finditer(text):
        gender = PRONOUN_GENDER.get(match.group().lower())
        if gender and not _word_before(text, match.start()):
            mentions.append(_from_match(paragraph, match, "pronoun", gender=gender))
    for match in _IT_RE.finditer(text):
        if not _word_before(text, match.start()):
            mentions.append(_from_match(paragraph, match, "pronoun"))
    for match in _GENERIC_NOUN_RE.finditer(text):
        lead = _GENERIC_LEAD_RE.search(text, max(0, match.start() - 30), match.start())
        members = match.group() == "Council" and _MEMBERS_AFTER_RE.match(text, match.end())
        if lead or members:
            start = lead.start() if lead else match.start()
            key = " ".join(f"{lead.group(1) if lead else ''}{match.group()}".split())
            kinds = GENERIC_REFERENCES.get(key) or GENERIC_REFERENCES[match.group()]
            mentions.append(_mention(paragraph, text, start, match.end(), "generic", kinds=kinds))
    for start, end in _unnamed_people(text):
        if _AFTER_NAME_RE.search(text, max(0, start - 5), start):
            continue  # "Inês Macuácua, a WFP programme officer": describes the name before it
        inverted = _INVERSION_BEFORE_RE.search(text, max(0, start - 30), start)
        if inverted or _followed_by_verb(text, end) or _opens_sentence(text, start):
            gendered = _GENDERED_RE.search(text, start, end)
            gender = GENDERED_NOUNS[gendered.group()] if gendered else None
            mentions.append(_mention(paragraph, text, start, end, "anonymous", gender=gender))
    return mentions


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a phrase at `start` is its sentence's subject, after at most a place: "In
    Herat, a woman who used to teach English now runs a tailoring workshop"."""
    return _SUBJECT_SLOT_RE.search(text, max(0, start - 60), start) is not None


def _from_match(paragraph: int, match: re.Match[str], kind: str, **details) -> Mention:
    return Mention(paragraph, match.start(), match.end(), match.group(), kind, **details)


def _unnamed_people(text: str) -> list[tuple[int, int]]:
    """(start, end) of indefinite phrases ending in a person noun: "a WFP logistics officer"."""
    found: list[tuple[int, int]] = []
    for noun in _PERSON_NOUN_RE.finditer(text):
        start = noun.start()
        if noun.group().startswith("year-old"):  # "a 17-year-old": the age is the noun
            age = _AGE_BEFORE_RE.search(text, max(0, start - 5), start)
            start = age.start() if age else start
        if _word_before(text, start) or (found and start < found[-1][1]):
            continue
        article = _ARTICLE_BEFORE_RE.search(text, max(0, start - 60), start)
        if article is not None:
            found.append((article.start(), noun.end()))
    return found


def _blank(text: str, mentions: list[Mention]) -> str:
    """`text` with the mentions found so far blanked out: titles with §, the rest with #."""
    for mention in mentions:
        mark = "§" if mention.kind == "title" else "#"
        text = text[: mention.start] + mark * (mention.end - mention.start) + text[mention.end :]
    return text


def _keep_longest(mentions: list[Mention]) -> list[Mention]:
    if len(mentions) < 2:
        return mentions  # nothing to overlap; most paragraphs have few mentions of each kind
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, m.start - m.end)):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _attach_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join a title or role to the name it goes with: "Secretary-General Ban Ki-moon",
    "the Special Rapporteur on the right to food, Anneliese Vorburg," "OCHA spokesperson X",
    "Volker Türk, the UN High Commissioner for Human Rights," – one person each."""
    joined: list[Mention] = []
    for index, mention in enumerate(mentions):
        previous = joined[-1] if joined else None
        gap = text[previous.end : mention.start] if previous else ""
        if _title_then_name(previous, mention, gap):
            joined[-1] = _titled_person(text, previous, mention)
        elif _name_then_title(previous, mention, gap) and not _held_by_another(
            text, mention, mentions[index + 1 : index + 2]
        ):
            previous.end, previous.text = mention.end, text[previous.start : mention.end]
            previous.office, previous.role = mention.office, mention.role
            previous.organization = previous.organization or mention.organization
        else:
            if mention.kind == "person" and mention.role is None:
                _add_role(text, mention)
            joined.append(mention)
    return joined


def _title_then_name(title: Mention | None, person: Mention, gap: str) -> bool:
    return (
        title is not None
        and title.kind == "title"
        and person.kind == "person"
        and (
            _SPACE_OR_COMMA_RE.fullmatch(gap) is not None
            # the rest of a mandate: "Special Rapporteur on the promotion of truth, justice,
            # reparation and guarantees of non-recurrence, Ingrid Sæterdal Moe"
            or (title.office.startswith("title:") and _MANDATE_REST_RE.fullmatch(gap) is not None)
        )
    )


def _held_by_another(text: str, title: Mention, following: list[Mention]) -> bool:
    """Whether a title after a name is somebody else's: "Jacques Paul Klein, Secretary-General
    Kofi Annan’s Special Representative", "Alvaro de Soto, the Secretary-General's adviser"."""
    if text.startswith(("’s", "'s"), title.end) or _VERB_NEXT_RE.match(text, title.end):
        return True  # "…, Muhammad Nawaz Sharif, the Secretary-General reiterated"
    after = following[0] if following else None
    return (
        after is not None and after.kind == "person" and not text[title.end : after.start].strip()
    )


def _name_then_title(person: Mention | None, title: Mention, gap: str) -> bool:
    return (
        person is not None
        and person.kind == "person"
        and title.kind == "title"
        and person.office is None
        and not title.former
        and _COMMA_RE.fullmatch(gap) is not None
    )


def _titled_person(text: str, title: Mention, person: Mention) -> Mention:
    return Mention(
        title.paragraph,
        title.start,
        person.end,
        text[title.start : person.end],
        "person",
        name=person.name,
        office=title.office,
        role=title.role,
        gender=person.gender,
        former=title.former,
        alias=person.alias,
        organization=title.organization,
    )


def _add_role(text: str, mention: Mention) -> None:
    before = _ROLE_BEFORE_RE.search(text[max(0, mention.start - 60) : mention.start])
    if before:
        mention.role = before.group().strip()
        mention.start -= len(before.group())
        mention.text = text[mention.start : mention.end]
    appositive = _APPOSITIVE_RE.match(text, mention.end) or _BARE_ROLE_RE.match(text, mention.end)
    if appositive and appositive.group("role"):
        role = _ROLE_END_RE.sub("", appositive.group("role")).strip()
        mention.role = mention.role or role
        gendered = _GENDERED_RE.search(role)
        if gendered and mention.gender is None:
            mention.gender = GENDERED_NOUNS[gendered.group()]


def find_mentions(
    paragraph: int,
    text: str,
    known: set[str],
    titles=_TITLES_BY_ANCHOR,
    bodies=(),
    *,
    named_only: bool = False,
) -> list[Mention]:
    """Every mention of a possible speaker in one paragraph of narration, in order.

    `known` holds names already seen as people in the story, found again wherever they stand;
    `titles` may narrow the titles looked for to those of `titles_in(story)`; `bodies` are
    the bodies the story introduces itself (`defined_organizations`). `named_only` leaves out
    pronouns, roles and unnamed people, for text that only tells who is who (a caption).
    """
    found = _keep_longest(
        _organization_mentions(paragraph, text, bodies) + _title_mentions(paragraph, text, titles)
    )
    rest = _blank(text, found)
    names = _keep_longest(_name_mentions(paragraph, rest, known))
    rest = _blank(rest, names)
    others = [] if named_only else _keep_longest(_other_mentions(paragraph, rest))
    joined = _outermost(_attach_titles(text, sorted(found + names + others, key=lambda m: m.start)))
    for mention in joined:
        mention.text = text[mention.start : mention.end]  # as written, not as blanked
        mention.possessive = text.startswith(("’s ", "'s ", "’ ", "' "), mention.end)
        before = text[max(0, mention.start - 12) : mention.start].split()
        mention.oblique = bool(before) and before[-1] in _OBLIQUE_WORDS  # "led by …"
    return joined


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop a body named inside a person's role ("OCHA" in "OCHA spokesperson Jens Laerke"),
    keeping it as the body that person speaks for."""
    people = [m for m in mentions if m.kind == "person"]
    if not people:
        return mentions
    kept: list[Mention] = []
    for mention in mentions:
        outer = next(
            (
                p
                for p in people
                if p is not mention and p.start <= mention.start and mention.end <= p.end
            ),
            None,
        )
        if outer is None:
            kept.append(mention)
        elif mention.kind == "organization":
            outer.organization = outer.organization or mention.name
    return kept


@dataclass
class _Story:
    """What resolution knows about one story while it walks its mentions in order."""

    published: date | None
    full_names: list[str]
    bindings: dict[str, str]  # office → name, from "Secretary-General Ban Ki-moon" and the like
    offices_named: list[str]
    text: str  # the narration, for the rare title only the story's own words can settle
    entities: dict[str, Entity] = field(default_factory=dict)
    # (who, paragraph, sentence start, aside) for every mention of a person, in reading
    # order; aside: after a preposition or owning something ("led by X", "X’s remarks")
    people: list[tuple[Entity, int, int, bool]] = field(default_factory=list)
    bodies: list[Entity] = field(default_factory=list)
    _written_names: list[str] | None = None

    def written_names(self) -> list[str]:
        """Every capitalised run of two or more words in the narration, read once."""
        if self._written_names is None:
            runs = (_trim_name(match.group()) for match in _NAME_RE.finditer(self.text))
            self._written_names = [run for run in runs if len(run.split()) > 1]
        return self._written_names


def _contains(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    size = len(part)
    return any(whole[i : i + size] == part for i in range(len(whole) - size + 1))


MIN_TYPO_NAME = 4


def _one_letter_short(short: str, full: str) -> bool:
    return len(full) == len(short) + 1 and full.startswith(short)


def _canonical_person(name: str, story: _Story) -> str:
    """The one name a person gets in every story: the office-holder table's, else the fullest
    the story gives ("Ms. Ngarmbassa" → "Solange Ngarmbassa")."""
    tokens = name_tokens(name)
    fuller = [
        n
        for n in story.full_names
        if len(name_tokens(n)) > len(tokens) and _contains(name_tokens(n), tokens)
    ]
    if not fuller and len(tokens) == 1 and len(tokens[0]) >= MIN_TYPO_NAME:
        # "Mr. Anna voices deep regret" in a story about Kofi Annan: a letter dropped
        fuller = [n for n in story.full_names if _one_letter_short(tokens[0], name_tokens(n)[-1])]
    if not fuller and name[:1].islower():
        # "Ms. da Silva" after "In Recife, Ana Cláudia da Silva gave birth": a family name
        # with its particle, named in full where nothing said she was a person yet
        fuller = [n for n in story.written_names() if name_tokens(n)[-len(tokens) :] == tokens]
    if fuller:  # the person the story names in full, before any namesake in the table
        longest = max(fuller, key=lambda n: len(name_tokens(n)))
        return known_person(longest).name if known_person(longest) else longest
    holder = known_person(name)
    if holder:
        return holder.name
    if len(tokens) == 1:
        holder = person_by_key(name, story.published)
        if holder:
            return holder.name
    return name


def _choose_office(office: str, story: _Story) -> str:
    """Which office an ambiguous title ("the High Commissioner") means in this story."""
    choices = AMBIGUOUS_OFFICES.get(office)
    if not choices:
        return office
    for named in reversed(story.offices_named):
        if named in choices:
            return named
    text = story.text.lower()
    scores = {choice: text.count(choice.lower()) for choice in choices}
    scores["UNHCR"] += text.count("refugee")
    scores["OHCHR"] += text.count("human rights")
    return max(choices, key=lambda choice: scores[choice])


def _office_holder(written: str, story: _Story) -> str | None:
    office = _choose_office(written, story)
    bound = story.bindings.get(office) or story.bindings.get(written)
    if bound:
        return bound
    if office.startswith("title:") or office not in OFFICES:
        return None
    if story.published is not None:
        holder = holder_on(office, story.published)
        return holder.name if holder else None
    # No date: only a holder the story itself names can be meant.
    folded = fold(story.text)
    for holder in reversed(holders_of(office)):
        if name_tokens(holder.name)[-1] in folded:
            return holder.name
    return None


def _person(name: str, story: _Story, gender: str | None = None) -> Entity:
    entity = story.entities.get(name)
    if entity is None:
        entity = Entity("person", name, gender=gender_of(name) or gender)
        story.entities[name] = entity
    entity.gender = entity.gender or gender
    return entity


def _pronoun_antecedent(gender: str, anchor: int, story: _Story) -> Entity | None:
    """The person "he" or "she" means: in the latest sentence that names someone fitting,
    the first such person (the subject, as a rule, comes first: "Mr. Ban met President
    Obama. “…,” he said"). Someone of unknown gender fits only while close by (same or
    previous paragraph); further back, the last person known to fit is preferred."""
    fallback = None
    for sentence in _sentences_backwards(story.people):
        # the sentence's subjects first, then people after a preposition or possessive
        for group in _subjects_then_aside(sentence):
            known = next((e for e, _ in group if e.gender == gender), None)
            if known is not None:
                return known
            near = next((e for e, p in group if e.gender is None and anchor - p <= 1), None)
            if near is not None:
                near.gender = gender
                return near
        fallback = fallback or next((e for e, _, _ in sentence if e.gender is None), None)
    if fallback is not None:
        fallback.gender = gender
    return fallback


def _sentences_backwards(people: list[tuple[Entity, int, int, bool]]):
    """The (person, paragraph, aside) of each sentence, latest sentence first, each sentence
    in reading order; `aside` marks a person after a preposition or owning something ("led
    by …", "X’s remarks"), an antecedent only when the sentence has no other."""
    group: list[tuple[Entity, int, bool]] = []
    key = None
    for entity, paragraph, sentence, aside in reversed(people):
        if (paragraph, sentence) != key and group:
            yield group[::-1]
            group = []
        key = (paragraph, sentence)
        group.append((entity, paragraph, aside))
    if group:
        yield group[::-1]


def _subjects_then_aside(sentence: list[tuple[Entity, int, bool]]):
    yield [(e, p) for e, p, aside in sentence if not aside]
    yield [(e, p) for e, p, aside in sentence if aside]


def _is_kind(name: str, kinds: frozenset[str]) -> bool:
    """Whether the body `name` is one a generic noun of `kinds` can mean: by its kind, or
    ("named:Network") by the noun its own name ends in."""
    own = name.split(" (")[0].split()
    return organization_kind(name) in kinds or any(f"named:{word}" in kinds for word in own)


def _body(mention: Mention, story: _Story) -> Entity | None:
    if mention.kind == "organization":
        name = mention.name
    else:
        kinds = mention.kinds
        last = next((b for b in reversed(story.bodies) if _is_kind(b.name, kinds)), None)
        if last is not None:
            return last
        name = next((DEFAULT_FOR_KIND[k] for k in kinds if k in DEFAULT_FOR_KIND), None)
        if name is None:
            return None
    entity = story.entities.setdefault(name, Entity("organization", name))
    story.bodies.append(entity)
    return entity


def _resolve(mention: Mention, story: _Story, anchor: int) -> Entity | None:
    if mention.kind in ("organization", "generic"):
        return _body(mention, story)
    if mention.kind == "pronoun" and mention.gender is None:
        return story.bodies[-1] if story.bodies else None  # "it said": the last body named
    if mention.kind == "pronoun":
        return _pronoun_antecedent(mention.gender, anchor, story)
    if mention.kind == "anonymous":
        return Entity("person", None, gender=mention.gender, role=mention.text)
    if mention.organization:  # "the head of the World Health Organization (WHO)" names it too
        _body(
            Mention(mention.paragraph, 0, 0, "", "organization", name=mention.organization), story
        )
    if mention.kind == "title":
        if mention.former:
            return None
        name = _office_holder(mention.office, story)
        if name is None:
            return _in_focus(mention, story) or Entity("person", None, role=mention.role)
        entity = _person(name, story)
        entity.office = entity.office or _choose_office(mention.office, story)
        return entity
    entity = _person(_canonical_person(mention.name, story), story, mention.gender)
    if mention.office and not mention.former:
        entity.office = entity.office or _choose_office(mention.office, story)
    entity.role = entity.role or mention.role
    return entity


def _in_focus(mention: Mention, story: _Story) -> Entity | None:
    """For a role the story gives no name to ("the envoy", "the Special Adviser"), the
    person the passage is about: the subject of the latest sentence naming somebody, one
    holding such a role if that sentence has several."""
    if not mention.office.startswith("title:"):
        return None
    words = _ROLE_SYNONYMS.get(mention.office[6:], {mention.office[6:]})
    for sentence in _sentences_backwards(story.people):
        # the subject of the latest sentence that has one: "Mr. Ngongi also announced …
        # in the presence of the Force Commander, Major-General X. “…,” the Mission chief said"
        subjects = [e for e, _, aside in sentence if e.name and not aside]
        fitting = [e for e in subjects if any(w in f"{e.office} {e.role}".lower() for w in words)]
        if subjects:
            return (fitting or subjects)[0]
    return None


# The same post in other words: "the Mission chief" is the story's "head of the Mission".
_ROLE_SYNONYMS = {
    "chief": {"chief", "head"},
    "head": {"chief", "head"},
    "envoy": {"envoy", "representative", "adviser", "coordinator", "mediator"},
}


def _named_later(mentions: list[Mention]) -> None:
    """A role named before any person ("The top UN envoy to Liberia today told the
    Council …") is the person with a role named next, within two paragraphs."""
    for index, mention in enumerate(mentions):
        entity = mention.entity
        if mention.kind != "title" or entity is None or entity.name:
            continue
        mention.entity = next(
            (
                later.entity
                for later in mentions[index + 1 :]
                if later.paragraph - mention.paragraph <= 2
                and later.kind == "person"
                and later.entity is not None
                and later.entity.name
            ),
            entity,
        )


def _story_context(mentions: list[Mention], published: date | None, text: str) -> _Story:
    full_names = [m.name for m in mentions if m.kind == "person" and len(m.name.split()) > 1]
    bindings = {
        m.office: m.name for m in mentions if m.kind == "person" and m.office and not m.former
    }
    named = [m.office for m in mentions if m.office and m.office not in AMBIGUOUS_OFFICES]
    named += [m.name.split("(")[-1].rstrip(")") for m in mentions if m.kind == "organization"]
    story = _Story(published, full_names, {}, named, text)
    story.bindings = {office: _canonical_person(name, story) for office, name in bindings.items()}
    return story


def resolve_mentions(
    mentions: list[Mention], published: date | None, anchors: dict[int, int], text: str
) -> None:
    """Point every mention at its `Entity`, walking the story in reading order.

    `anchors` maps a paragraph that continues an earlier quote to the paragraph the quote
    began in, so "… she told UN News" at its end looks back from where the quote started;
    `text` is the story's narration, used to settle titles when the story has no date.
    """
    story = _story_context(mentions, published, text)
    for mention in mentions:
        anchor = anchors.get(mention.paragraph, mention.paragraph)
        entity = _resolve(mention, story, anchor)
        mention.entity = entity
        if entity is None:
            continue
        if entity.kind == "person":
            aside = mention.oblique or mention.possessive  # "led by X", "X’s remarks"
            story.people.append((entity, mention.paragraph, mention.sentence, aside))
        written = [mention.alias, mention.name if mention.kind == "person" else None]
        for alias in written:
            if alias and entity.name and alias != entity.name and alias not in entity.aliases:
                entity.aliases.append(alias)
    _named_later(mentions)


def speaker_record(entity: Entity, published: date | None) -> ParsedSpeaker:
    """The `ParsedSpeaker` for a resolved entity, with its title at the story's date."""
    if entity.kind == "organization":
        return ParsedSpeaker(entity.name, None, "organization", None, tuple(entity.aliases))
    held = offices_held(entity.name, published)
    office = entity.office if published is None else None
    if held:
        office = next((h.office for h in held if h.office == entity.office), held[0].office)
    title = OFFICES[office].title if office in OFFICES else entity.role
    return ParsedSpeaker(
        entity.name, title, "person", _employer(office, title), tuple(entity.aliases)
    )


def _employer(office: str | None, title: str | None) -> str | None:
    """The UN body a person speaks for: the one they head ("WHO Director-General"), or the
    one their role names ("OCHA spokesperson"); None when neither says."""
    body = organization_by_acronym(office) if office else None
    if body is None and title:
        named = organization_mentions(title)
        body = named[0][2] if named else None
    return body.name if body else None
