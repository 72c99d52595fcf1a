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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import DatabaseError, IntegrityError, transaction
from django.utils.text import slugify

from .extraction import ParsedArticle, ParsedSpeaker, ParseError
from .extraction.serialize import article_to_json
from .fetching import Fetcher
from .models import Article, Quote, Speaker, Topic
from .reading import ParsedStory, parse_file, parse_input, parse_stories
from .sources import Input, InputError, fetch_url, iter_inputs, remember_validators

# Which source wins when one story arrives in several shapes: a full page beats a text
# dump, which beats plain text, which beats a feed item (a lede only).
SOURCE_RANK = {"html-2023": 4, "html-2017": 4, "text": 3, "plain": 2, "rss": 1}


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
    """The natural key: language and UN News id, else a digest of title and date."""
    if article.story_id:
        return f"{article.language}/{article.story_id}"
    return (
        "sha1:" + hashlib.sha1(_fingerprint(article.title, article.published).encode()).hexdigest()
    )


def _fingerprint(title: str, published) -> str:
    folded = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(folded.split()) + f"|{published or ''}"


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def save_story(story: ParsedStory, *, dry_run: bool = False) -> Outcome:
    """Create or update the story's rows in one transaction; report what happened.

    A dry run does the same work and rolls it back, so its report is exact.
    """
    for attempt in range(2):
        try:
            with transaction.atomic():
                outcome = _save(story)
                if dry_run:
                    raise _DryRun
            return outcome
        except _DryRun:
            return outcome
        except IntegrityError:
            # Another import created the same story, slug or speaker first: the
            # second attempt finds its row and updates or leaves it.
            if attempt:
                raise
    raise AssertionError("unreachable")


def _save(story: ParsedStory) -> Outcome:
    parsed = story.article
    existing = _find_existing(parsed)
    if existing and SOURCE_RANK[parsed.source_format] < SOURCE_RANK[existing.source_format]:
        return _merge_labels(existing, story.source_labels)
    labels = sorted(set(story.source_labels) | set(existing.source_labels if existing else ()))
    topic_names = sorted(set(parsed.topics) | set(parsed.regions) | set(labels))
    digest = _content_hash(parsed, topic_names)
    if existing and existing.content_hash == digest and existing.story_key == story_key(parsed):
        return Outcome.UNCHANGED
    article = existing or Article()
    _fill_article(article, story, labels, digest)
    article.save()
    article.topics.set(Topic.objects.filter(name__in=topic_names))
    _replace_quotes(article, parsed)
    return Outcome.UPDATED if existing else Outcome.CREATED


def _find_existing(parsed: ParsedArticle) -> Article | None:
    key = story_key(parsed)
    found = Article.objects.select_for_update().filter(story_key=key).first()
    if found or not parsed.title:
        return found
    # The same story may be stored under a digest key (a text dump) or under its id
    # (a page): match on headline and date to keep one row.
    return (
        Article.objects.select_for_update()
        .filter(title__iexact=parsed.title, published=parsed.published)
        .order_by("id")
        .first()
    )


def _merge_labels(article: Article, labels: tuple[str, ...]) -> Outcome:
    merged = sorted(set(article.source_labels) | set(labels))
    if merged == sorted(article.source_labels):
        return Outcome.UNCHANGED
    article.source_labels = merged
    article.save(update_fields=["source_labels", "updated"])
    article.topics.add(*Topic.objects.filter(name__in=labels))
    return Outcome.UPDATED


def _content_hash(parsed: ParsedArticle, topic_names: list[str]) -> str:
    contract = article_to_json(parsed, "")
    contract.pop("topics"), contract.pop("regions")
    contract["labels"] = topic_names
    encoded = json.dumps(contract, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def _fill_article(article: Article, story: ParsedStory, labels: list[str], digest: str) -> None:
    parsed = story.article
    article.story_key = story_key(parsed)
    article.url = parsed.url or ""
    article.story_id = parsed.story_id or ""
    article.language = parsed.language
    article.title = parsed.title
    article.published = parsed.published
    article.lede = parsed.lede
    article.body = "\n\n".join(parsed.body)
    article.headings = list(parsed.headings)
    article.caption = parsed.caption
    article.credit = parsed.credit
    article.image_url = parsed.image_url
    article.tags = list(parsed.tags)
    article.related_links = [{"title": r.title, "url": r.url} for r in parsed.related]
    article.source_format = parsed.source_format
    article.source_labels = labels
    article.raw_source = story.raw
    article.raw_name = story.raw_name
    article.content_hash = digest
    if not article.slug:
        article.slug = _free_slug(parsed)


def _free_slug(parsed: ParsedArticle) -> str:
    base = slugify(parsed.title)[:100].strip("-") or "story"
    if not Article.objects.filter(slug=base).exists():
        return base
    suffix = parsed.story_id or story_key(parsed)[5:13]
    return f"{base}-{suffix}"


def _replace_quotes(article: Article, parsed: ParsedArticle) -> None:
    speakers = {s.name: resolve_speaker(s, parsed.published) for s in parsed.speakers}
    article.quotes.all().delete()
    Quote.objects.bulk_create(
        Quote(
            article=article,
            speaker=speakers.get(q.speaker) if q.speaker else None,
            position=position,
            text=q.text,
            speaker_mention=q.speaker_mention or "",
            paragraph=q.paragraph,
            start=q.start,
            end=q.end,
            end_paragraph=q.paragraph if q.end_paragraph is None else q.end_paragraph,
            partial=q.partial,
        )
        for position, q in enumerate(parsed.quotes)
    )


def resolve_speaker(parsed: ParsedSpeaker, published) -> Speaker:
    """The one Speaker row for this name across all stories, created if new.

    Canonical names map to one slug; a bare family name ("Ngarmbassa") joins the single
    known person of that family name, if there is exactly one.
    """
    speaker = Speaker.objects.filter(slug=slugify(parsed.name)).first() or _by_family_name(parsed)
    if speaker is None:
        speaker, _ = Speaker.objects.get_or_create(
            slug=slugify(parsed.name) or "unnamed",
            defaults={"name": parsed.name, "kind": parsed.kind},
        )
    _update_speaker(speaker, parsed, published)
    return speaker


def _by_family_name(parsed: ParsedSpeaker) -> Speaker | None:
    if parsed.kind != Speaker.Kind.PERSON or len(parsed.name.split()) != 1:
        return None
    matches = list(
        Speaker.objects.filter(kind=Speaker.Kind.PERSON, slug__endswith=f"-{slugify(parsed.name)}")[
            :2
        ]
    )
    return matches[0] if len(matches) == 1 else None


def _update_speaker(speaker: Speaker, parsed: ParsedSpeaker, published) -> None:
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
    if changed:
        speaker.save(update_fields=changed)


def reextract(article: Article) -> Outcome:
    """Re-run extraction on a stored article's raw source, without fetching anything."""
    stories = parse_stories(bytes(article.raw_source), name=article.raw_name)
    matching = [s for s in stories if story_key(s.article) == article.story_key]
    story = (matching or stories)[0]
    return save_story(story)


Notify = Callable[[str, str | None], None]


def import_sources(
    sources: Iterable[str],
    *,
    format: str | None = None,
    dry_run: bool = False,
    jobs: int = 1,
    fetch_pages: bool = False,
    fetcher: Fetcher | None = None,
    notify: Notify | None = None,
) -> ImportReport:
    """Import every story in `sources` (paths, directories, globs, URLs, URL lists).

    Files are parsed in `jobs` processes and saved one story per transaction; URLs are
    fetched one at a time. `notify(name, reason)` is called as each input finishes,
    `reason` None on success. Returns the counts and each failure's reason.
    """
    report = ImportReport()
    notify = notify or (lambda name, reason: None)
    inputs = list(iter_inputs(sources))
    report.skipped = sum(1 for item in inputs if item.skipped)
    files = [item for item in inputs if item.path and not item.skipped]
    for item, result in _parse_files(files, format, jobs):
        _save_all(item.name, result, report, notify, dry_run)
    urls = [item.url for item in inputs if item.url]
    if urls:
        with fetcher or Fetcher() as active_fetcher:
            for url in urls:
                _import_url(active_fetcher, url, format, fetch_pages, report, notify, dry_run)
    return report


def _parse_files(files: list[Input], format: str | None, jobs: int):
    work = [(item.name, str(item.path), format) for item in files]
    if jobs <= 1 or len(work) < 2:
        yield from zip(files, map(parse_file, work), strict=True)
        return
    # Workers start from a clean interpreter: they never share the database connection.
    with multiprocessing.get_context("forkserver").Pool(jobs) as pool:
        yield from zip(files, pool.imap(parse_file, work, chunksize=8), strict=True)


def _save_all(name, result, report: ImportReport, notify: Notify, dry_run: bool) -> bool:
    if isinstance(result, str):
        report.fail(name, result)
        notify(name, result)
        return False
    problems = []
    for story in result:
        try:
            report.count(save_story(story, dry_run=dry_run))
        except DatabaseError as error:
            reason = f"{story.article.title[:60]!r} not saved: {str(error).splitlines()[0]}"
            report.fail(name, reason)
            problems.append(reason)
    notify(name, "; ".join(problems) or None)
    return not problems


def _import_url(fetcher, url, format, fetch_pages, report, notify, dry_run) -> None:
    try:
        page = fetch_url(fetcher, url)
    except InputError as error:
        report.fail(url, str(error))
        notify(url, str(error))
        return
    if page is None:  # not modified since the last import
        report.unchanged += 1
        notify(url, None)
        return
    result = parse_input(page.content, page.final_url, format)
    if _save_all(url, result, report, notify, dry_run) and not dry_run:
        remember_validators(page)
    if fetch_pages and not isinstance(result, str):
        for story in result:
            if story.article.source_format == "rss" and story.article.url:
                _import_url(fetcher, story.article.url, None, False, report, notify, dry_run)


def reextract_articles(articles: Iterable[Article]) -> ImportReport:
    """Re-run extraction over stored articles; counts what changed."""
    report = ImportReport()
    for article in articles:
        try:
            report.count(reextract(article))
        except (ParseError, DatabaseError) as error:
            report.fail(article.raw_name or article.story_key, str(error).splitlines()[0])
    return report
