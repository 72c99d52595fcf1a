"""Quotes and their speakers in a story's own text (lede and body, never subheads).

A quote is a span inside double quotation marks, curly or straight. One that runs over several
paragraphs (a paragraph opens “ without closing it and the next reopens it) is one quote, its
pieces joined by a space; single marks inside it are nested quotes and stay in its text. Single
marks outside double ones are terms or headline style, never quotes. Short spans that nobody is
said to have said ("so-called “sticky floor”"), and names of reports and campaigns, are terms.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import islice

from .attribution import (
    Attribution,
    attribution_after,
    attribution_before,
    attribution_later,
    continues_after,
    first_named,
    sentence_bounds,
    sentence_starts,
)
from .headline import (
    headline_source,
    headline_spans,
    is_item_headline,
    item_headline_spans,
    masked,
)
from .lexicon import SCARE_MARKERS, TITLE_SMALL_WORDS
from .organizations import defined_organizations
from .records import ParsedArticle, ParsedQuote, ParsedSpeaker
from .speakers import (
    MASK,
    EndAnchoredPattern,
    Entity,
    Mention,
    find_mentions,
    resolve_mentions,
    speaker_record,
    titles_in,
)

_MARK_RE = re.compile(r"[“”\"„]")
_OPENS_AFTER = frozenset(" \t\n([{—–-/:")
# "GENEVA, 8 March –" or "TACLOBAN, Philippines, 12 November 2013 –" before the first sentence.
_DATELINE_RE = re.compile(
    r"^\s*[A-Z][A-ZÀ-Þ .'’/-]+(?:,\s*[^,–—\d]{2,40})?,\s*\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?"
    r"\s*[–—-]\s*"
)
_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")
_SCARE_BEFORE_RE = EndAnchoredPattern(  # "this year’s theme, “Picture It!”"
    rf"(?:{'|'.join(re.escape(marker) for marker in SCARE_MARKERS)})[\s,]*$",
    last_words=SCARE_MARKERS,
    flags=re.IGNORECASE,
    trailing=r"[\s,]*",
)
# A thing being named, not somebody speaking: "a process called “localization”", "what is
# known as", "was dubbed" (but "what he called “…”" is the speaker's own words).
_NAMING_VERBS = ("called", "dubbed", "termed", "labelled", "labeled", "named")
_NAMED_AS_RE = EndAnchoredPattern(
    r"(?:\b(?:is|are|was|were|be|being|been)\s+(?:[\w’'-]+\s+)?"
    rf"|\b(?:a|an)\s+(?:[\w’'-]+\s+){{0,2}}?)(?:{'|'.join(_NAMING_VERBS)})\s*$"
    r"|\bknown\s+(?:[\w’'-]+\s+){0,5}?as\s*$",  # "known in many national laws as"
    last_words=(*_NAMING_VERBS, "as"),
    flags=re.IGNORECASE,
    trailing=r"\s*",
)
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|this|that|these|those)\s+$", re.IGNORECASE)
_WORD_AFTER_RE = re.compile(r"\s+[a-z]")
_REPORTED_CLAUSE_RE = re.compile(r"\b(?:said|says|that|warned|noted)\s+the\s+$")
# Spans this short are terms unless the story says somebody said them.
SHORT_QUOTE_WORDS = 4


@dataclass(frozen=True)
class QuoteSpan:
    """Where a quote's words are: (paragraph, start, end) inside the marks, one per paragraph."""

    pieces: tuple[tuple[int, int, int], ...]
    closed: bool

    def text(self, paragraphs: tuple[str, ...]) -> str:
        if len(self.pieces) == 1:
            paragraph, start, end = self.pieces[0]
            return paragraphs[paragraph][start:end]
        return " ".join(paragraphs[p][s:e].strip() for p, s, e in self.pieces)


def _opens(text: str, position: int, mark: str) -> bool:
    if mark in "“„":
        return True
    return mark == '"' and (position == 0 or text[position - 1] in _OPENS_AFTER)


def _reopens(text: str, marks: list[re.Match[str]]) -> bool:
    """Whether a paragraph starts by reopening a quote left open by the one before."""
    first = marks[0] if marks else None
    leading = len(text) - len(text.lstrip())
    return first is not None and first.start() == leading and _opens(text, leading, first.group())


def find_quote_spans(paragraphs: tuple[str, ...], headings: frozenset[int]) -> list[QuoteSpan]:
    """Every double-quoted span of the paragraphs, in reading order, skipping `headings`."""
    spans: list[QuoteSpan] = []
    pieces: list[list[int]] | None = None
    for index, text in enumerate(paragraphs):
        if index in headings:
            continue
        marks = list(_MARK_RE.finditer(text))
        if pieces is not None:
            if _reopens(text, marks):
                pieces.append([index, marks.pop(0).end(), len(text)])
            else:
                spans.append(QuoteSpan(tuple(map(tuple, pieces)), closed=False))
                pieces = None
        for mark in marks:
            if pieces is None:
                if _opens(text, mark.start(), mark.group()):
                    pieces = [[index, mark.end(), len(text)]]
            elif mark.group() == "“" and pieces[-1][0] == index and len(pieces) == 1:
                pieces = [[index, mark.end(), len(text)]]  # an unclosed mark: start again
            elif mark.group() != "“":
                pieces[-1][2] = mark.start()
                spans.append(QuoteSpan(tuple(map(tuple, pieces)), closed=True))
                pieces = None
        if pieces is not None:
            pieces[-1][2] = len(text.rstrip())
    if pieces is not None and not _cut_off(paragraphs, pieces[-1]):
        spans.append(QuoteSpan(tuple(map(tuple, pieces)), closed=False))
    return spans


def _cut_off(paragraphs: tuple[str, ...], piece: list[int]) -> bool:
    """Whether a quote left open at the very end of the text stops mid-sentence ("… whereas
    we only"): a copy cut short, whose last words are not a quote anyone finished."""
    paragraph, _, end = piece
    return not paragraphs[paragraph][:end].rstrip().endswith((".", "!", "?", "…"))


def narration(paragraphs: tuple[str, ...], headings: frozenset[int], spans: list[QuoteSpan]):
    """The paragraphs with quoted words masked (keeping a quote's final punctuation, which
    says whether the sentence goes on), subheads blanked and the dateline removed."""
    texts = ["" if i in headings else text for i, text in enumerate(paragraphs)]
    for span in spans:
        for paragraph, start, end in span.pieces:
            keep = end - 1 if end > start and paragraphs[paragraph][end - 1] in ".,?!;:–—" else end
            if keep > start:
                text = texts[paragraph]
                texts[paragraph] = text[:start] + MASK * (keep - start) + text[keep:]
    first = next((i for i in range(len(texts)) if i not in headings), None)
    if first is not None:
        dateline = _DATELINE_RE.match(texts[first])
        if dateline:
            texts[first] = " " * dateline.end() + texts[first][dateline.end() :]
    return texts


def _is_title(text: str) -> bool:
    """Title Case with no closing punctuation: a report, bulletin or campaign name."""
    if text.rstrip().endswith((".", "!", "?", ",")):
        return False
    words = _WORD_RE.findall(text)
    significant = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in significant)


def _count_words(text: str, up_to: int) -> int:
    """How many words `text` has, counting no further than `up_to`: only short spans need a
    count, and quotes run to hundreds of words."""
    return sum(1 for _ in islice(_WORD_RE.finditer(text), up_to))


def is_term(text: str, before: str, after: str, attributed: bool) -> bool:
    """Whether a quoted span is a term or a title rather than somebody's words: marked as one
    ("so-called", "entitled"), Title Case, a short span inside a noun phrase ("the “glass
    ceiling” in boardrooms"), or a short span nobody is said to have said."""
    if _SCARE_BEFORE_RE.search(before[-30:]) or _NAMED_AS_RE.search(before[-40:]):
        return True
    if _is_title(text):
        return True
    words = _count_words(text, up_to=SHORT_QUOTE_WORDS + 1)
    inside_noun_phrase = _DETERMINER_BEFORE_RE.search(before[-8:]) and _WORD_AFTER_RE.match(after)
    # "briefed the Council on the “very serious” situation" gives the speaker's words; "said
    # the “digital divide” meant …" opens what was reported with a term
    reported = not attributed or _REPORTED_CLAUSE_RE.search(before[-20:]) is not None
    if words <= 3 and inside_noun_phrase and reported:
        return True
    short = words <= SHORT_QUOTE_WORDS
    return short and not attributed and not text.rstrip().endswith((".", "!", "?"))


def _attribute(span: QuoteSpan, quote_text: str, texts: list[str], mentions: list[list[Mention]]):
    first, start, _ = span.pieces[0]
    last, _, end = span.pieces[-1]
    found = None
    if span.closed and continues_after(quote_text, texts[last], end):
        found = attribution_after(texts[last], end, mentions[last])
    sentence_start = sentence_bounds(texts[first], start - 1)[0]
    if found is None:
        found = attribution_before(texts[first], sentence_start, start - 1, mentions[first])
    if found is None and span.closed:
        found = attribution_later(texts[last], end, mentions[last])
    if found is None and not texts[first][: start - 1].strip():
        found = _colon_intro(first, texts, mentions)
    if found is None:
        found = _source_after(last, texts, mentions)
    if found is None and first == last and is_item_headline(texts[first]):
        # "“Immediately stop the violence” in CAR urges Secretary-General"
        source = headline_source(texts[first], [(start, end)], mentions[first])
        found = Attribution(source, source.text) if source else None
    if found is None:  # "The statement “unequivocally condemns” …": the statement's words
        lead = texts[first][max(0, start - 120) : start - 1]
        statement = "statement" in lead and _STATEMENT_SUBJECT_RE.search(lead)
        found = Attribution(None, statement.group().strip()) if statement else None
    return found, texts[first][sentence_start : start - 1]


def _colon_intro(paragraph: int, texts: list[str], mentions: list[list[Mention]]):
    """A paragraph that ends "… told the Security Council:" introduces the quote after it,
    and so does a bulletin's "Here's UNHCR's Head of Communications, Melissa Fleming"."""
    previous = next((p for p in range(paragraph - 1, -1, -1) if texts[p].strip()), None)
    if previous is None:
        return None
    text = texts[previous].rstrip()
    if _HERE_IS_RE.match(text) and MASK not in text:
        return _named_in(text, len(text), mentions[previous])
    if not text.endswith(":"):
        return None
    colon = len(text) - 1
    start = sentence_bounds(text, colon)[0]
    return attribution_before(text, start, colon, mentions[previous])


_HERE_IS_RE = re.compile(r"\s*Here(?:[’']s|\s+is)\s")
# After the quotes, a bulletin names their source: "That’s the view of the High Commissioner".
_THATS_SOURCE_RE = re.compile(
    r"\s*That(?:[’']s|\s+is)\s+(?:according\s+to|(?:the\s+)?(?:\w+\s+){0,2}?(?:view|assessment|"
    r"warning|message|verdict|finding|conclusion)s?\s+(?:of|from))\s"
)


def _named_in(text: str, end: int, mentions: list[Mention]) -> Attribution | None:
    subject = first_named(mentions, 0, end)
    return Attribution(subject, text[: subject.end].strip()) if subject else None


def _source_after(paragraph: int, texts: list[str], mentions: list[list[Mention]]):
    """The source a bulletin names in the paragraph after the quote ("That's according to
    the UN migration agency, IOM")."""
    following = next((p for p in range(paragraph + 1, len(texts)) if texts[p].strip()), None)
    source = _THATS_SOURCE_RE.match(texts[following]) if following is not None else None
    if source is None:
        return None
    end = sentence_bounds(texts[following], source.end())[1]
    return _named_in(texts[following], end, mentions[following])


def _speaker(entity: Entity | None) -> str | None:
    return entity.name if entity is not None else None


def _quote_speaker(found, previous, span: QuoteSpan, texts, mentions, before) -> Entity | None:
    """Who said a quote: its attribution's entity; else, for a follow-on, the speaker of the
    quote before it in the paragraph, of the sentence before it, or of the quote ending the
    previous paragraph."""
    if found is not None and found.mention is not None and found.mention.kind == "pronoun":
        return _pronoun_speaker(found.mention, previous)
    if found is not None:
        return found.mention.entity if found.mention else None
    gap = span.pieces[0][0] - previous[0].pieces[-1][0] if previous else None
    if gap == 0:
        return previous[1]
    speaker = _last_sentence_speaker(span, texts, mentions, before)
    if speaker is None and gap == 1:
        return previous[1]
    if speaker is None and not before.strip() and span.pieces[0][1] <= 1:
        speaker = _paraphrase_speaker(span.pieces[0][0] - 1, texts, mentions)
    return speaker


def _pronoun_speaker(mention: Mention, previous) -> Entity | None:
    """Who "he said" means: whom the pronoun resolves to, else – when nobody fitting is
    named nearby – the person quoted last, whose passage it continues."""
    if mention.entity is not None:  # somebody, named or not ("a woman who …")
        return mention.entity
    speaker = previous[1] if previous else None
    person = speaker is not None and speaker.kind == "person" and speaker.name
    return speaker if person and speaker.gender in (mention.gender, None) else None


def _paraphrase_speaker(paragraph: int, texts, mentions) -> Entity | None:
    """For a paragraph that opens with a quote nobody is said to say, the speaker whose
    words the paragraph before ends by reporting: "The UN chief said that … / “I call on
    every government …”"."""
    if paragraph < 0 or MASK in texts[paragraph]:
        return None  # a paragraph with quotes of its own hands on through them
    return _sentence_speaker(texts[paragraph], len(texts[paragraph].rstrip()), mentions[paragraph])


def _last_sentence_speaker(span, texts, mentions, before: str) -> Entity | None:
    """For a quote that opens a sentence with no attribution and no quote before it to
    follow, the speaker of the sentence just before it in the paragraph: "Ms. X said the
    camps were full. “We need more tents.”"."""
    first, start, _ = span.pieces[0]
    if before.strip():
        return None
    end = len(texts[first][: start - 1].rstrip())
    return _sentence_speaker(texts[first], end, mentions[first])


def _sentence_speaker(text: str, end: int, mentions) -> Entity | None:
    """Who the sentence of `text` ending at `end` reports as speaking, if anyone."""
    if end == 0:
        return None
    start = sentence_bounds(text, end - 1)[0]
    found = attribution_before(text, start, end, mentions) or _according_at_end(
        text, start, end, mentions
    )
    return found.mention.entity if found and found.mention else None


_ACCORDING_AT_END_RE = re.compile(r"\baccording\s+to\s+")


def _according_at_end(text: str, start: int, end: int, mentions) -> Attribution | None:
    """A sentence closed by its source: "… aid for 35,000 people, according to agency
    spokesperson Jens Laerke." – who the quote paragraph after it goes on to quote."""
    found = _last_match(_ACCORDING_AT_END_RE, text, start, end)
    if found is None:
        return None
    source = next((m for m in mentions if found.end() <= m.start <= found.end() + 4), None)
    closes = source is not None and not text[source.end : end].strip(" .,")
    return Attribution(source, text[found.start() : source.end]) if closes else None


def extract_quotes(
    article: ParsedArticle,
) -> tuple[tuple[ParsedQuote, ...], tuple[ParsedSpeaker, ...]]:
    """The quotes of a story's lede and body, and the speakers they belong to.

    Quote offsets index `article.paragraphs`. Speakers come in order of first quote, each
    under the canonical name used across stories; a quote whose speaker the story does not
    name has speaker None.
    """
    paragraphs, headings = article.paragraphs, frozenset(article.headings)
    spans = find_quote_spans(paragraphs, headings)
    in_title = headline_spans(article.title)
    items = {
        index: found
        for index, text in enumerate(paragraphs)
        if index not in headings and ("‘" in text or "'" in text)
        if (found := item_headline_spans(text))
    }
    if not spans and not in_title and not items:
        return (), ()
    texts = narration(paragraphs, headings, spans)
    # Nothing after the last quote can attribute it, so those paragraphs are not read.
    last = max([*(span.pieces[-1][0] for span in spans), *items], default=-1)
    title = masked(article.title, in_title) if in_title else ""
    # The paragraph after the last quote may name its source ("That's according to …").
    read = last + 2
    # The caption and the paragraph after the last quote only tell who is who.
    caption, *mentions, headline = _story_mentions(
        [article.caption, *texts[:read], title],
        frozenset({-1, *range(last + 1, min(read, len(texts)))}),
    )
    mentions += [[] for _ in texts[read:]]
    anchors = {p: span.pieces[0][0] for span in spans for p, _, _ in span.pieces[1:]}
    # The photo caption often names in full who the story then calls "Mr. Doss": its
    # names are known before the story's first word, though it attributes nothing; the
    # headline is read last, knowing everyone the story names.
    everyone = [*caption, *(m for ms in mentions for m in ms), *headline]
    resolve_mentions(everyone, article.published, anchors, " ".join(texts))
    quotes: list[ParsedQuote] = []
    speakers: dict[str, Entity] = {}
    previous = owner = None
    secretary_general = _secretary_general(everyone)
    for span in spans:
        text = span.text(paragraphs)
        found, before = _attribute(span, text, texts, mentions)
        after = _after_close(span, paragraphs)
        if not text.strip() or is_term(text, before, after, found is not None):
            continue
        entity = _quote_speaker(found, previous, span, texts, mentions, before)
        if entity is not None and entity.name == UNITED_NATIONS:
            entity = _most_specific_body(span.pieces[0][0], [caption, *mentions]) or entity
        owner = _statement_owner(span, texts, mentions, secretary_general) or owner
        speaking_for = owner or secretary_general
        how = None
        if speaking_for is not None and _speaks_for(speaking_for, entity, found, text, owner):
            # a statement issued for somebody: by name when the passage names them
            entity = speaking_for
            named = entity.name.split()[-1] in texts[span.pieces[0][0]]
            how = "named" if named else "title"
        quotes.append(_quote(span, text, found, entity, before, how))
        if entity is not None and entity.name:
            speakers.setdefault(entity.name, entity)
        previous = (span, entity)
    for index, found_spans in items.items():
        source = headline_source(paragraphs[index], found_spans, mentions[index])
        entity = source.entity if source is not None else None
        if entity is None or not entity.name:
            continue
        speakers.setdefault(entity.name, entity)
        how = attribution_kind(Attribution(source, source.text), entity)
        quotes += _marked_quotes(paragraphs[index], found_spans, index, source, entity, how)
    quotes.sort(key=lambda quote: (quote.paragraph, quote.start))
    source = headline_source(article.title, in_title, headline)
    entity = _headline_speaker(source, quotes, speakers)
    if entity is not None:
        speakers = {entity.name: entity, **speakers}
        quotes[:0] = _marked_quotes(article.title, in_title, 0, source, entity, "headline")
    records = tuple(speaker_record(e, article.published) for e in speakers.values())
    return tuple(quotes), records


def _marked_quotes(text: str, spans, paragraph: int, source: Mention, entity: Entity, how: str):
    """The quotes a headline (or a bulletin's item headline) gives its source."""
    return [
        ParsedQuote(
            text=text[start:end],
            speaker=entity.name,
            speaker_mention=source.text,
            paragraph=paragraph,
            start=start,
            end=end,
            end_paragraph=paragraph,
            attribution=how,
        )
        for start, end in spans
    ]


def _headline_speaker(source: Mention | None, quotes, speakers) -> Entity | None:
    """Who the headline's source is: its mention's entity, or for a title the story does
    not bind to a name ("UN envoy ‘optimistic’"), the person the story quotes most."""
    if source is None:
        return None
    if source.entity is not None and source.entity.name:
        return source.entity
    if source.kind != "title":
        return None
    counts = Counter(q.speaker for q in quotes if q.speaker in speakers)
    people = [name for name, _ in counts.most_common() if speakers[name].kind == "person"]
    return speakers[people[0]] if people else None


# "according to a statement issued by the Secretary-General’s spokesperson", "said a statement
# issued by the spokesperson for Secretary-General António Guterres", "… by his Spokesperson".
_STATEMENT_RE = re.compile(
    r"\bstatement\b[^.;]{0,60}?\b(?:by|from)\s+(?:the\s+|his\s+|her\s+)?(?P<owner>[^.;]{0,60}?)"
    r"[Ss]pokes(?:person|man|woman)(?:\s+for\s+)?"
)
_STATEMENT_SUBJECT_RE = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts)\s+statement\b(?:[^.;:“”\"]{0,80}\b(?:to|on|for))?\s*$"
)
_STATEMENT_WORDS_RE = re.compile(r"\b(?:statement|spokes(?:person|man|woman))\b", re.IGNORECASE)
_SECRETARY_GENERAL_RE = re.compile(r"\bthe Secretary-General\b", re.IGNORECASE)


def _statement_owner(span: QuoteSpan, texts, mentions, secretary_general) -> Entity | None:
    """Whose statement a quote's sentence says it comes from: the person whose spokesperson
    issued it (a statement on somebody's behalf is theirs), else "his spokesperson"'s
    Secretary-General."""
    paragraph, start, _ = span.pieces[0]
    text = texts[paragraph]
    first, last = sentence_bounds(text, start - 1)
    found = None
    if "tatement" in text:
        found = _STATEMENT_RE.search(text, first, max(last, span.pieces[-1][2] + 1))
    for earlier in range(paragraph - 1, max(-1, paragraph - 3), -1):
        if found is not None:
            break
        # "… according to a statement issued by his spokesperson." / "“…,” the statement said."
        if "tatement" in texts[earlier]:
            paragraph, found = earlier, _last_match(_STATEMENT_RE, texts[earlier])
    if found is None:
        return None
    near = [m for m in mentions[paragraph] if found.start("owner") <= m.start < found.end() + 40]
    named = next((m.entity for m in near if m.entity is not None and m.entity.name), None)
    return named or secretary_general


def _last_match(pattern: re.Pattern[str], text: str, start=0, end=None) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text, start, len(text) if end is None else end):  # noqa: B007
        pass  # the last one is wanted
    return found


def _secretary_general(mentions: list[Mention]) -> Entity | None:
    """The Secretary-General the story means, if it names the office at all."""
    return next(
        (m.entity for m in mentions if m.office == "SG" and m.entity and m.entity.name), None
    )


def _speaks_for(owner: Entity, entity: Entity | None, found, text: str, statement) -> bool:
    """Whether a quote is the words of a statement issued for `owner`: after a statement
    (`statement` is its owner), attributed to nobody or to the statement; or, from a
    spokesperson, speaking of the Secretary-General in the third person."""
    if entity is owner:
        return False
    if entity is None or not entity.name:
        if statement is None:
            return False
        return found is None or _STATEMENT_WORDS_RE.search(found.words or "") is not None
    spokesperson = _STATEMENT_WORDS_RE.search(f"{entity.role} {entity.name}") is not None
    return spokesperson and _SECRETARY_GENERAL_RE.search(text) is not None


UNITED_NATIONS = "United Nations"
# Bodies that speak as themselves, never as "the UN" of a story about an agency's work.
_NOT_FOR_THE_UN = frozenset({UNITED_NATIONS, "UN Security Council", "UN General Assembly"})


def _most_specific_body(paragraph: int, mentions: list[list[Mention]]) -> Entity | None:
    """For "the UN said", the UN body the story is about: the one named nearest the quote
    (its own paragraph first, then outwards), as a reader would take it. `mentions` starts
    with the caption's, so the quote's paragraph is at `paragraph + 1`."""
    paragraph += 1
    order = sorted(range(len(mentions)), key=lambda p: (abs(p - paragraph), p > paragraph))
    for index in order:
        for mention in mentions[index]:
            entity = mention.entity
            if (
                mention.kind == "organization"
                and entity is not None
                and entity.name not in _NOT_FOR_THE_UN
            ):
                return entity
    return None


def _after_close(span: QuoteSpan, paragraphs: tuple[str, ...]) -> str:
    """A few characters after a quote's closing mark."""
    paragraph, _, end = span.pieces[-1]
    return paragraphs[paragraph][end + 1 : end + 12] if span.closed else ""


def _story_mentions(texts: list[str], named_only: frozenset[int]) -> list[list[Mention]]:
    """The mentions of each text in order; the first text (the caption) is paragraph -1.
    Texts at `named_only` only need the people and bodies they name."""
    known: set[str] = set()
    mentions = []
    story = "\n".join(texts)
    titles, bodies = titles_in(story), defined_organizations(story)
    for index, text in enumerate(texts, start=-1):
        only = index in named_only
        found = find_mentions(index, text, known, titles, bodies, named_only=only)
        starts = sentence_starts(text) if found else []
        for mention in found:
            mention.sentence = starts[bisect_right(starts, mention.start) - 1]
        # Full names, and first names a story introduces ("Zahra, an Afghan woman"), are
        # found again wherever they stand; "Mr. Ban" makes no "Ban" a name elsewhere.
        known |= {
            m.name
            for m in found
            if m.kind == "person" and (len(m.name.split()) > 1 or m.alias is None)
        }
        mentions.append(found)
    return mentions


def _quote(span: QuoteSpan, text: str, found: Attribution | None, entity, before: str, how=None):
    first, start, _ = span.pieces[0]
    last, _, end = span.pieces[-1]
    lead_in = before.strip()
    partial = bool(lead_in) and not lead_in.endswith(":") and not lead_in.startswith(("“", '"'))
    return ParsedQuote(
        text=text,
        speaker=_speaker(entity),
        speaker_mention=found.words if found else None,
        paragraph=first,
        start=start,
        end=end,
        end_paragraph=last,
        partial=partial,
        attribution=how or attribution_kind(found, entity),
    )


# A mention's kind, as the reader is told how the quote came to its speaker.
_KIND_OF_MENTION = {"pronoun": "pronoun", "title": "title", "generic": "title"}


def attribution_kind(found: Attribution | None, entity: Entity | None) -> str:
    """How a quote came to its speaker: one of `ATTRIBUTION_KINDS`, "" for nobody named."""
    if entity is None or not entity.name:
        return ""
    if found is None or found.mention is None:
        return "continuation"
    return _KIND_OF_MENTION.get(found.mention.kind, "named")
