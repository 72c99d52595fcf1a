"""The import service: the one place that turns parsed stories into rows.

Each story is saved in its own transaction, keyed on a natural key (`Article.story_key`),
so running an import twice changes nothing and two imports at once create no duplicates:
the unique constraints decide, and a writer that loses a race retries against the winner.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import unicodedata
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import islice

from django.conf import settings
from django.db import (
    DatabaseError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    connection,
    transaction,
)
from django.db.models import Q
from django.utils.text import slugify

from .extraction import ParsedArticle, ParsedSpeaker, ParseError
from .extraction.serialize import article_to_json
from .extraction.taxonomy import REGIONS, TOPICS
from .extraction.topics import classify
from .extraction.urls import web_url
from .fetching import Fetcher
from .models import Article, Quote, Speaker, Topic
from .reading import ParsedStory, parse_file, parse_input, parse_stories
from .search import search_vectors_later
from .sources import Input, InputError, fetch_url, iter_inputs, remember_validators
from .story_insert import insert_story

# Which source wins when one story arrives in several shapes: a full page beats a text
# dump, which beats plain text, which beats a feed item (a lede only).
SOURCE_RANK = {"html-2023": 4, "html-2017": 4, "text": 3, "plain": 2, "rss": 1}
# Parsed inputs saved as one batch, whose stored copies are read in one query.
LOOK_AHEAD = 100
PARSED_AHEAD = 2 * LOOK_AHEAD


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    skipped_names: list[str] = field(default_factory=list)  # files a folder walk passed over
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def fail(self, name: str, reason: str) -> None:
        self.failures.append((name, reason))

    def summary(self) -> str:
        line = (
            f"{self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.failed} failed"
        )
        return f"{line}, {self.skipped} skipped" if self.skipped else line


def story_key(article: ParsedArticle) -> str:
    """The natural key: language and UN News id, else the digest of headline and date."""
    if article.story_id:
        return f"{article.language}/{article.story_id}"
    return f"sha1:{fingerprint(article)}"


def fingerprint(article: ParsedArticle) -> str:
    """Digest of the case-folded headline and the date, the same for every copy of a story."""
    folded = " ".join(unicodedata.normalize("NFKC", article.title).casefold().split())
    return hashlib.sha1(f"{folded}|{article.published or ''}".encode()).hexdigest()


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


class ThinnerCopy(Exception):
    """A re-import that would make a stored story worse; the message says how."""


def _thinner(stored: Article, parsed: ParsedArticle) -> str:
    """How a new copy of a stored story is worse (a truncated page, an error page), or ""."""
    body = len("\n\n".join(parsed.body))
    had = len(stored.body)
    if had and not body:
        return f"no body where the stored copy has {had:,} characters"
    if body < had / 2:
        return f"{body:,} characters of body where the stored copy has {had:,}"
    quotes = stored.quotes.count()
    if quotes >= 2 and len(parsed.quotes) < quotes / 2:
        return f"{len(parsed.quotes)} quotes where the stored copy has {quotes}"
    return ""


def save_story(story: ParsedStory, *, dry_run: bool = False, writer: StoryWriter | None = None):
    """Create or update the story's rows in one transaction; report what happened.

    A dry run does the same work and rolls it back, so its report is exact.
    Returns an `Outcome`.
    """
    writer = writer or StoryWriter()
    for attempt in range(2):
        try:
            with transaction.atomic():
                outcome = writer.save(story)
                if dry_run:
                    raise _DryRun
            return outcome
        except _DryRun:
            writer.forget()
            return outcome
        except BaseException as error:
            writer.forget()  # what it read or wrote inside the rolled-back transaction
            # Another import created the same story, slug or speaker first: the second
            # attempt finds its row and updates or leaves it.
            if attempt or not isinstance(error, IntegrityError):
                raise
    raise AssertionError("unreachable")


class StoryWriter:
    """Writes stories for one import run, keeping what it read between stories.

    It keeps the topic table's ids, the speaker rows it has met, and the stored copies of
    the stories of the batch being saved (`look_ahead` reads them in one query). When a
    story's transaction rolls back (a dry run, a lost race) it forgets all but the topic
    ids, so nothing it remembers can differ from the database.
    """

    SPEAKERS_KEPT = 20_000  # speaker rows remembered at most, so memory stays flat

    def __init__(self, *, one_statement: bool | None = None, force: bool = False):
        """`one_statement`: write new stories with `insert_story` (default: on PostgreSQL);
        `force`: replace a stored story even with a thinner copy (`ThinnerCopy`)."""
        if one_statement is None:
            one_statement = connection.vendor == "postgresql"
        self.one_statement = one_statement
        self.force = force
        self._topic_ids: dict[str, int] | None = None
        self._speakers: dict[str, Speaker] = {}
        self._stored = StoredArticles()

    def forget(self) -> None:
        self._speakers.clear()
        self._stored = StoredArticles()

    def look_ahead(self, stories: Iterable[ParsedStory]) -> None:
        """Read the stored copies of these stories, which are saved next, in one query."""
        self._stored = StoredArticles.read([lookup_values(s.article) for s in stories])

    def save(self, story: ParsedStory) -> Outcome:
        parsed = story.article
        existing, slug_taken = self._stored.find(lookup_values(parsed))
        if existing is None:  # a racing creator is stopped by the unique constraints
            article = Article(slug=_slug_for(parsed, taken=slug_taken))
            self._write(article, story, created=True)
            self._stored.add(article)
            return Outcome.CREATED
        # Most stories of a re-run are unchanged: compare without locking, and lock the
        # row only when something will be written.
        if self._unchanged(existing, story):
            return Outcome.UNCHANGED
        existing, _ = _find_existing(lookup_values(parsed), lock=True)
        if SOURCE_RANK[parsed.source_format] < SOURCE_RANK[existing.source_format]:
            outcome = self._merge_labels(existing, story.source_labels)
        else:
            thinner = None if self.force else _thinner(existing, parsed)
            if thinner:
                raise ThinnerCopy(thinner)
            self._write(existing, story, created=False)
            outcome = Outcome.UPDATED
        self._stored.add(existing)
        return outcome

    def _unchanged(self, existing: Article, story: ParsedStory) -> bool:
        if SOURCE_RANK[story.article.source_format] < SOURCE_RANK[existing.source_format]:
            return set(story.source_labels) <= set(existing.source_labels)
        labels = _labels(existing, story)
        return existing.story_key == story_key(story.article) and (
            existing.content_hash == _content_hash(story.article, _topic_names(story, labels))
        )

    def _write(self, article: Article, story: ParsedStory, *, created: bool) -> None:
        labels = _labels(article, story)
        topic_names = _topic_names(story, labels)
        _fill_article(article, story, labels, _content_hash(story.article, topic_names))
        parsed = story.article
        speakers = self.resolve_speakers(parsed.speakers, parsed.published)
        if created and self.one_statement:  # one statement instead of three
            insert_story(article, self.topic_ids(topic_names), _quotes(article, parsed, speakers))
            return
        article.save()
        self._set_topics(article, topic_names, replace=not created)
        quotes = _quotes(article, parsed, speakers)
        if not created:
            _keep_corrections(article, quotes)
            article.quotes.all().delete()
        Quote.objects.bulk_create(quotes)

    def topic_ids(self, names) -> list[int]:
        if self._topic_ids is None:
            self._topic_ids = dict(Topic.objects.values_list("name", "id"))
        return [self._topic_ids[name] for name in names if name in self._topic_ids]

    def _set_topics(self, article: Article, names, *, replace: bool) -> None:
        through = Article.topics.through
        if replace:
            through.objects.filter(article=article).delete()
        through.objects.bulk_create(
            through(article=article, topic_id=topic_id) for topic_id in self.topic_ids(names)
        )

    def _merge_labels(self, article: Article, labels: tuple[str, ...]) -> Outcome:
        merged = sorted(set(article.source_labels) | set(labels))
        if merged == sorted(article.source_labels):
            return Outcome.UNCHANGED
        article.source_labels = merged
        article.save(update_fields=["source_labels", "updated"])
        article.topics.add(*self.topic_ids(labels))
        return Outcome.UPDATED

    def resolve_speakers(self, parsed_speakers, published) -> dict[str, Speaker]:
        """The one Speaker row for each name across all stories, created if new.

        Canonical names map to one slug; a bare family name ("Ngarmbassa") joins the single
        known person of that family name, if there is exactly one. Keyed by parsed name.
        """
        slugs = {s.name: slugify(s.name) or "unnamed" for s in parsed_speakers}
        self._read_speakers(set(slugs.values()) - self._speakers.keys())
        known = self._speakers
        resolved = {s.name: known.get(slugs[s.name]) or _by_family_name(s) for s in parsed_speakers}
        new = {}
        for parsed in parsed_speakers:
            if resolved[parsed.name] is None:
                speaker = new.setdefault(slugs[parsed.name], Speaker(slug=slugs[parsed.name]))
                speaker.name, speaker.kind = parsed.name, parsed.kind
                _update_speaker(speaker, parsed, published)
            elif changed := _update_speaker(resolved[parsed.name], parsed, published):
                resolved[parsed.name].save(update_fields=changed)
        if new:
            # A concurrent import may create the same speakers: keep whichever row won.
            Speaker.objects.bulk_create(new.values(), ignore_conflicts=True)
            self._read_speakers(new.keys())
            resolved.update({name: known[slugs[name]] for name, row in resolved.items() if not row})
        return resolved

    def _read_speakers(self, slugs) -> None:
        if not slugs:
            return
        if len(self._speakers) > self.SPEAKERS_KEPT:
            self._speakers.clear()
        self._speakers.update(Speaker.objects.in_bulk(slugs, field_name="slug"))


def _quotes(article: Article, parsed: ParsedArticle, speakers: dict[str, Speaker]) -> list[Quote]:
    """The story's quotes as unsaved rows, in order, each with its resolved speaker."""
    return [
        Quote(
            article=article,
            speaker=speakers.get(q.speaker) if q.speaker else None,
            position=position,
            text=q.text,
            speaker_mention=(q.speaker_mention or "")[: _limit(Quote, "speaker_mention")],
            paragraph=q.paragraph,
            start=q.start,
            end=q.end,
            end_paragraph=q.paragraph if q.end_paragraph is None else q.end_paragraph,
            partial=q.partial,
            attribution=q.attribution,
        )
        for position, q in enumerate(parsed.quotes)
    ]


def _keep_corrections(article: Article, quotes: list[Quote]) -> None:
    """Give the new quotes the speakers staff set by hand on the stored ones: the same words
    (spacing aside) keep their corrected speaker, however extraction reads them now."""
    corrected = {
        " ".join(text.split()): speaker_id
        for text, speaker_id in article.quotes.filter(speaker_corrected=True).values_list(
            "text", "speaker_id"
        )
    }
    for quote in quotes if corrected else ():
        words = " ".join(quote.text.split())
        if words in corrected:
            quote.speaker, quote.speaker_id = None, corrected[words]
            quote.speaker_corrected = True


def lookup_values(parsed: ParsedArticle) -> tuple[str, str, str]:
    """What finds a story's stored copy: its key, its headline-and-date digest, its slug."""
    return story_key(parsed), fingerprint(parsed), _base_slug(parsed)


class StoredArticles:
    """The stored copies of a batch of stories, read in one query and kept current as the
    batch is written. Stories outside the batch are looked up in the database."""

    FIELDS = ("story_key", "fingerprint", "slug")

    def __init__(self):
        self._covered: set[tuple[str, str, str]] = set()
        self._articles: dict[int, Article] = {}
        self._ids: dict[tuple[str, str], set[int]] = defaultdict(set)

    @classmethod
    def read(cls, values: list[tuple[str, str, str]]) -> StoredArticles:
        stored = cls()
        stored._covered.update(values)
        if not values:
            return stored
        keys, digests, slugs = (set(column) for column in zip(*values, strict=True))
        for article in _candidates(keys, digests, slugs):
            stored.add(article)
        return stored

    def add(self, article: Article) -> None:
        """Remember the article as it is now stored (its latest copy wins)."""
        self._articles[article.id] = article
        for name in self.FIELDS:
            self._ids[name, getattr(article, name)].add(article.id)

    def find(self, values: tuple[str, str, str]) -> tuple[Article | None, bool]:
        if values not in self._covered:
            return _find_existing(values)
        ids = set().union(
            *(self._ids.get(pair, ()) for pair in zip(self.FIELDS, values, strict=True))
        )
        return _pick((self._articles[i] for i in ids), *values)


def _labels(article: Article, story: ParsedStory) -> list[str]:
    """Labels the sources gave: this one's and those of sources met before."""
    return sorted(set(story.source_labels) | set(article.source_labels))


def _topic_names(story: ParsedStory, labels: list[str]) -> list[str]:
    """The story's topics and regions: every source's own labels, the rest inferred.

    Classifying against the merged labels gives one answer whichever source came last.
    """
    parsed = story.article
    if set(labels) != set(story.source_labels):
        merged = replace(
            parsed,
            topics=tuple(name for name in labels if name in TOPICS),
            regions=tuple(name for name in labels if name in REGIONS),
        )
        topics, regions = classify(merged)
    else:
        topics, regions = parsed.topics, parsed.regions
    return sorted(set(topics) | set(regions))


def _find_existing(
    values: tuple[str, str, str], *, lock: bool = False
) -> tuple[Article | None, bool]:
    """The stored copy of a story, and whether its would-be slug is taken, in one query.

    A story is found by its key, else by headline and date: the second joins a text dump
    (digest key) and a page (id key) of one story.
    """
    key, digest, slug = values
    candidates = _candidates({key}, {digest}, {slug})
    if lock:
        candidates = candidates.select_for_update()
    return _pick(candidates[:10], key, digest, slug)


def _candidates(keys, digests, slugs):
    return (
        Article.objects.filter(
            Q(story_key__in=keys) | Q(fingerprint__in=digests) | Q(slug__in=slugs)
        )
        .defer("raw_source")
        .order_by()
    )


def _pick(found: Iterable[Article], key: str, digest: str, slug: str):
    found = list(found)
    same_story = sorted(
        (a for a in found if a.story_key == key or a.fingerprint == digest),
        key=lambda a: (a.story_key != key, a.id),
    )
    slug_taken = any(a.slug == slug for a in found)
    return (same_story[0] if same_story else None), slug_taken


def _content_hash(parsed: ParsedArticle, topic_names: list[str]) -> str:
    contract = article_to_json(parsed, "")
    contract.pop("topics"), contract.pop("regions")
    contract["labels"] = topic_names
    encoded = json.dumps(contract, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def _fill_article(article: Article, story: ParsedStory, labels: list[str], digest: str) -> None:
    parsed = story.article
    article.story_key = story_key(parsed)
    article.fingerprint = fingerprint(parsed)
    article.url = web_url(parsed.url)
    article.story_id = parsed.story_id or ""
    article.language = parsed.language
    article.title = parsed.title
    article.published = parsed.published
    article.lede = parsed.lede
    article.body = "\n\n".join(parsed.body)
    article.headings = list(parsed.headings)
    article.caption = parsed.caption
    article.credit = parsed.credit
    article.image_url = web_url(parsed.image_url)
    article.tags = list(parsed.tags)
    article.related_links = [{"title": r.title, "url": web_url(r.url)} for r in parsed.related]
    article.source_format = parsed.source_format
    article.source_labels = labels
    article.raw_source = story.raw
    article.raw_name = story.raw_name[: _limit(Article, "raw_name")]
    article.content_hash = digest


def _base_slug(parsed: ParsedArticle) -> str:
    return slugify(parsed.title)[:100].strip("-") or "story"


def _slug_for(parsed: ParsedArticle, *, taken: bool) -> str:
    """The headline's slug, made unique with the story id or digest when another has it."""
    if not taken:
        return _base_slug(parsed)
    return f"{_base_slug(parsed)}-{parsed.story_id or fingerprint(parsed)[:8]}"


def _by_family_name(parsed: ParsedSpeaker) -> Speaker | None:
    if parsed.kind != Speaker.Kind.PERSON or len(parsed.name.split()) != 1:
        return None
    family = f"-{slugify(parsed.name)}"
    matches = Speaker.objects.filter(kind=Speaker.Kind.PERSON, slug__endswith=family)[:2]
    return matches[0] if len(matches) == 1 else None


def _update_speaker(speaker: Speaker, parsed: ParsedSpeaker, published) -> list[str]:
    """Add what this story tells about the speaker; returns the fields it changed."""
    changed = []
    aliases = [a for a in parsed.aliases if a != speaker.name and a not in speaker.aliases]
    if parsed.name != speaker.name and parsed.name not in speaker.aliases:
        aliases.append(parsed.name)
    if aliases:
        speaker.aliases = speaker.aliases + aliases
        changed.append("aliases")
    newer = published and (speaker.title_as_of is None or published >= speaker.title_as_of)
    if parsed.title and (not speaker.title or newer) and parsed.title != speaker.title:
        speaker.title, speaker.title_as_of = parsed.title, published
        changed += ["title", "title_as_of"]
    if parsed.organization and not speaker.organization:
        speaker.organization = parsed.organization
        changed.append("organization")
    return changed


def reextract(article: Article) -> Outcome:
    """Re-run extraction on a stored article's raw source, without fetching anything."""
    stories = parse_stories(bytes(article.raw_source), name=article.raw_name)
    matching = [s for s in stories if story_key(s.article) == article.story_key]
    story = (matching or stories)[0]
    # the same source read again: a newer extractor may find less, and that is its answer
    return save_story(story, writer=StoryWriter(force=True))


# notify(input name, reason or None when it went well, warning=False)
Notify = Callable[..., None]


def import_sources(
    sources: Iterable[str],
    *,
    format: str | None = None,
    dry_run: bool = False,
    jobs: int = 1,
    fetch_pages: bool = False,
    fetcher: Fetcher | None = None,
    notify: Notify | None = None,
    force: bool = False,
) -> ImportReport:
    """Import every story in `sources` (paths, directories, globs, URLs, URL lists).

    Files are parsed in `jobs` processes and saved one story per transaction; URLs are
    fetched one at a time. `notify(name, reason)` is called as each input finishes,
    `reason` None on success. Returns the counts and each failure's reason.
    """
    run = ImportRun(format=format, dry_run=dry_run, notify=notify, force=force)
    inputs = list(iter_inputs(sources))
    run.report.skipped = sum(1 for item in inputs if item.skipped)
    run.report.skipped_names = [item.name for item in inputs if item.skipped]
    for refused in (item for item in inputs if item.error):
        run._fail(refused.name, refused.error)
    files = [item for item in inputs if item.path and not item.skipped and not item.error]
    urls = [item.url for item in inputs if item.url]
    try:
        with _bulk_writing():
            parsed = _parse_files(files, format, jobs)
            while batch := list(islice(parsed, LOOK_AHEAD)):
                run.save_batch(batch)
            if urls:
                allowed = settings.FETCH_ALLOWED_HOSTS
                with fetcher or Fetcher(allowed_hosts=allowed) as active_fetcher:
                    for url in urls:
                        run.import_url(active_fetcher, url, fetch_pages=fetch_pages)
    except (OperationalError, InterfaceError) as error:
        # The database went away (stopped, restarted, network): every story saved so far
        # is whole, each in its own transaction; a re-run imports the rest.
        run._fail("database", f"lost the connection ({_first_line(error)}); run the import again")
    return run.report


@contextmanager
def _bulk_writing():
    """The database session of an import, on PostgreSQL.

    Commits are acknowledged before their WAL reaches the disk: every story still
    commits atomically, and a crash can only lose the last few commits, which the next
    (idempotent) run imports again; it saves a disk flush per story. And the stories'
    search vectors are filled from a second connection (`search_vectors_later`).
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        with search_vectors_later():
            yield
    finally:
        with suppress(OperationalError, InterfaceError), connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")  # a lost connection resets itself


def _parse_files(files: list[Input], format: str | None, jobs: int):
    """(input, parse result) in input order.

    With several jobs, worker processes started from a clean interpreter (they never
    share the database connection) parse ahead of the saving; at most `PARSED_AHEAD`
    results wait, so memory does not grow with the number of inputs.
    """
    work = ((item, (item.name, str(item.path), format)) for item in files)
    if jobs <= 1:
        yield from ((item, parse_file(args)) for item, args in work)
        return
    context = multiprocessing.get_context("forkserver")
    waiting: deque[tuple[Input, Future]] = deque()
    executor = ProcessPoolExecutor(jobs, mp_context=context)
    try:
        for item, args in work:
            waiting.append((item, executor.submit(parse_file, args)))
            if len(waiting) >= PARSED_AHEAD:
                item, parsing = waiting.popleft()
                yield item, parsing.result()
        while waiting:
            item, parsing = waiting.popleft()
            yield item, parsing.result()
    finally:  # a run cut short drops the inputs not yet parsed
        executor.shutdown(cancel_futures=True)


class ImportRun:
    """One run of the importer: saves parsed inputs and keeps the report."""

    def __init__(self, *, format=None, dry_run=False, notify: Notify | None = None, force=False):
        self.format = format
        self.dry_run = dry_run
        self.notify = notify or (lambda name, reason, warning=False: None)
        self.report = ImportReport()
        self.writer = StoryWriter(force=force)

    def save_batch(self, parsed: list[tuple[Input, list[ParsedStory] | str]]) -> None:
        """Save the stories of several inputs, having read their stored copies at once."""
        if not self.dry_run:
            stories = [
                story for _, result in parsed if not isinstance(result, str) for story in result
            ]
            self.writer.look_ahead(stories)
        for item, result in parsed:
            self.save_all(item.name, result)

    def save_all(self, name: str, result: list[ParsedStory] | str) -> bool:
        """Save every story parsed from one input; False when anything failed."""
        if isinstance(result, str):
            self._fail(name, result)
            return False
        problems = []
        for story in result:
            story, cuts = fit_story(story)
            for note in (*story.notes, *cuts):
                self.notify(name, note, warning=True)
            try:
                self.report.count(save_story(story, dry_run=self.dry_run, writer=self.writer))
            except (OperationalError, InterfaceError):
                raise  # the database is gone: no use trying the next story
            except ThinnerCopy as thinner:
                problems.append(
                    f"kept the stored copy, this one is thinner: {thinner} (--force replaces it)"
                )
            except DatabaseError as error:
                problems.append(f"{story.article.title[:60]!r} not saved: {_first_line(error)}")
        for reason in problems:
            self.report.fail(name, reason)
        self.notify(name, "; ".join(problems) or None)
        return not problems

    def import_url(self, fetcher: Fetcher, url: str, *, fetch_pages: bool = False) -> None:
        try:
            page = fetch_url(fetcher, url)
        except InputError as error:
            self._fail(url, str(error))
            return
        if page is None:  # not modified since the last import
            self.report.unchanged += 1
            self.notify(url, None)
            return
        result = parse_input(page.content, page.final_url, self.format)
        if self.save_all(url, result) and not self.dry_run:
            remember_validators(page)
        if fetch_pages and not isinstance(result, str):
            for story in result:
                if story.article.source_format == "rss" and story.article.url:
                    self.import_url(fetcher, story.article.url)

    def _fail(self, name: str, reason: str) -> None:
        self.report.fail(name, reason)
        self.notify(name, reason)


def fit_story(story: ParsedStory) -> tuple[ParsedStory, list[str]]:
    """The story with every field cut to fit its column, and a line for each cut: an
    overlong headline or speaker name must not lose the story."""
    article, cuts, changes = story.article, [], {}
    for name in ("title", "caption", "credit"):
        limit, value = _limit(Article, name), getattr(article, name)
        if len(value) > limit:
            changes[name] = _cut(value, limit)
            cuts.append(f"{name} cut to {limit} characters (it had {len(value)})")
    for name in ("url", "image_url"):
        limit, value = _limit(Article, name), getattr(article, name) or ""
        if len(value) > limit:
            changes[name] = None if name == "url" else ""
            cuts.append(f"{name} left out: longer than {limit} characters")
    renamed = {}
    speakers = []
    for speaker in article.speakers:
        fitted = replace(
            speaker,
            name=_cut(speaker.name, _limit(Speaker, "name")),
            title=_cut(speaker.title, _limit(Speaker, "title")),
            organization=_cut(speaker.organization, _limit(Speaker, "organization")),
        )
        if fitted != speaker:
            renamed[speaker.name] = fitted.name
            cuts.append(f"speaker {fitted.name[:40]!r}… cut to fit")
        speakers.append(fitted)
    if renamed:
        changes["speakers"] = tuple(speakers)
        changes["quotes"] = tuple(
            replace(q, speaker=renamed.get(q.speaker, q.speaker)) for q in article.quotes
        )
    if not changes:
        return story, []
    return replace(story, article=replace(article, **changes)), cuts


def _limit(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def _cut(value: str | None, limit: int) -> str | None:
    return value[: limit - 1].rstrip() + "…" if value and len(value) > limit else value


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def reextract_articles(articles: Iterable[Article]) -> ImportReport:
    """Re-run extraction over stored articles; counts what changed."""
    report = ImportReport()
    for article in articles:
        try:
            report.count(reextract(article))
        except (ParseError, DatabaseError) as error:
            report.fail(article.raw_name or article.story_key, _first_line(error))
    return report
