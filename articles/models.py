"""Stories, the people and bodies quoted in them, what they said, and what it is about."""

from __future__ import annotations

import json

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connections, models
from django.db.models import Count, F, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower, TruncMonth
from django.urls import reverse
from django.utils.text import slugify

# Weighted full-text search on PostgreSQL: the headline counts most, then the lede.
# The weighted vector is a GIN-indexed column there, kept by a trigger (migrations 0005,
# 0006; an import fills it in bulk, see articles/search.py), not a model field: only
# PostgreSQL has it, and only `ArticleQuerySet.search()` reads it.
SEARCH_CONFIG = "english"
ARTICLE_SEARCH_VECTOR = RawSQL(
    '"articles_article"."search_vector"', [], output_field=SearchVectorField()
)
QUOTE_SEARCH_VECTOR = SearchVector("text", config=SEARCH_CONFIG)
# Snippets mark hits with control characters, never HTML: the story text is escaped
# first and the marks become <mark> afterwards (the `highlighted` template filter).
HIT_START, HIT_STOP = "\x02", "\x03"
HEADLINE_OPTIONS = {"start_sel": HIT_START, "stop_sel": HIT_STOP, "max_words": 40, "min_words": 20}


def _on_postgresql(queryset) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def _alias(text: str, *, whole: bool = False) -> Q:
    """Speakers with an alias containing `text` (or equal to it, when `whole`).

    Aliases are a JSON list matched as JSON text, where each alias sits in double
    quotes; SQLite stores non-ASCII letters escaped ("\\u00e9"), PostgreSQL does not,
    so both spellings are tried.
    """
    spellings = {text, json.dumps(text)[1:-1]}
    query = Q()
    for spelling in spellings:
        query |= Q(aliases__icontains=f'"{spelling}"' if whole else spelling)
    return query


def per_month(queryset, date_field: str) -> list[tuple]:
    """(first day of month, count) rows for a chart, oldest first, in one query."""
    rows = (
        queryset.exclude(**{f"{date_field}__isnull": True})
        .annotate(month=TruncMonth(date_field))
        .order_by()
        .values("month")
        .annotate(count=Count("id", distinct=True))
        .order_by("month")
    )
    return [(row["month"], row["count"]) for row in rows]


class TopicQuerySet(models.QuerySet):
    def topics(self):
        return self.filter(kind=Topic.Kind.TOPIC)

    def regions(self):
        return self.filter(kind=Topic.Kind.REGION)

    def with_counts(self):
        return self.annotate(article_count=Count("articles", distinct=True))

    def spoken_on_by(self, speaker):
        """The topics of the stories quoting `speaker`, with how often they speak on each."""
        return (
            self.filter(articles__quotes__speaker=speaker)
            .annotate(quote_count=Count("articles__quotes", distinct=True))
            .order_by("-quote_count", "name")
        )


class Topic(models.Model):
    """One of the 12 UN News topics or 5 regions, seeded by a data migration."""

    class Kind(models.TextChoices):
        TOPIC = "topic", "Topic"
        REGION = "region", "Region"

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TOPIC)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:topic_detail", args=[self.slug])


class SpeakerQuerySet(models.QuerySet):
    def with_quote_counts(self):
        return self.annotate(quote_count=Count("quotes"))

    def most_quoted(self):
        return self.with_quote_counts().filter(quote_count__gt=0).order_by("-quote_count", "name")

    def most_quoted_since(self, day):
        return (
            self.annotate(
                quote_count=Count("quotes", filter=Q(quotes__article__published__gte=day))
            )
            .filter(quote_count__gt=0)
            .order_by("-quote_count", "name")
        )

    def most_quoted_on(self, topic):
        """Speakers quoted in stories about `topic`, most quoted first."""
        return (
            self.filter(quotes__article__topics=topic)
            .annotate(quote_count=Count("quotes", distinct=True))
            .order_by("-quote_count", "name")
        )

    def matching(self, value: str):
        """The speaker a query-string value names: its slug, name or a whole alias."""
        value = value.strip()
        return self.filter(
            Q(slug=slugify(value)) | Q(name__iexact=value) | _alias(value, whole=True)
        )

    def search(self, text: str):
        """Speakers whose name or aliases match `text` (trigram-similar on PostgreSQL)."""
        text = text.strip()
        matches = Q(name__icontains=text) | _alias(text)
        if not _on_postgresql(self):
            return self.filter(matches)
        # word similarity forgives a misspelt part of a name: "guteres" finds Guterres
        return self.filter(matches | Q(name__trigram_word_similar=text))


class Speaker(models.Model):
    """A person or organisation quoted in stories: one row across all stories."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organisation"

    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    title = models.CharField("title or role", max_length=255, blank=True)
    title_as_of = models.DateField(null=True, blank=True, editable=False)
    organization = models.CharField(max_length=255, blank=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names stories use.")

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:speaker_detail", args=[self.slug])


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.order_by(models.F("published").desc(nulls_last=True), "-id")

    def for_list(self):
        """What a list row shows: its topics, nothing heavier."""
        return self.defer("body", "raw_source").prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("kind", "name"))
        )

    def with_related(self):
        """Everything a story page shows, in a fixed number of queries."""
        return self.prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("kind", "name")),
            Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
        )

    def with_topic(self, slugs):
        return self.filter(topics__slug__in=slugs)

    def quoting(self, speakers):
        """Stories quoting any of `speakers` (a Speaker QuerySet or list)."""
        return self.filter(quotes__speaker__in=speakers).distinct()

    def search(self, text):
        """Stories matching `text`: ranked, with a highlighted snippet, on PostgreSQL.

        Annotates `rank` and `snippet` there; elsewhere a plain case-insensitive match
        on title, lede and body (`rank` 0, no snippet).
        """
        if not _on_postgresql(self):
            return self.filter(
                Q(title__icontains=text) | Q(lede__icontains=text) | Q(body__icontains=text)
            ).annotate(rank=models.Value(0.0), snippet=models.Value(""))
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        return (
            self.alias(search=ARTICLE_SEARCH_VECTOR)
            .filter(search=query)
            .annotate(
                rank=SearchRank(ARTICLE_SEARCH_VECTOR, query),
                snippet=SearchHeadline(
                    models.functions.Concat(
                        "lede", models.Value(" "), "body", output_field=models.TextField()
                    ),
                    query,
                    config=SEARCH_CONFIG,
                    **HEADLINE_OPTIONS,
                ),
            )
        )

    def sorted_by(self, sort: str):
        """`newest`, `oldest` or `relevance` (relevance needs `search()` first)."""
        if sort == "oldest":
            return self.order_by(F("published").asc(nulls_last=True), "id")
        if sort == "relevance" and "rank" in self.query.annotations:
            return self.order_by("-rank", F("published").desc(nulls_last=True), "-id")
        return self.published()

    def linked_from(self, article):
        """Imported stories that `article`'s News Tracker links point to (url or title)."""
        links = article.related_links or []
        urls = [link["url"] for link in links if link.get("url", "").startswith("http")]
        titles = [link["title"].casefold() for link in links if link.get("title")]
        if not (urls or titles):
            return self.none()
        return (
            self.alias(folded_title=Lower("title"))
            .filter(Q(url__in=urls) | Q(folded_title__in=titles))
            .exclude(pk=article.pk)
        )

    def sharing_with(self, article, speaker_ids, topic_ids):
        """Other stories sharing speakers, then topics, with `article`; closest first."""
        return (
            self.exclude(pk=article.pk)
            .filter(Q(quotes__speaker__in=speaker_ids) | Q(topics__in=topic_ids))
            .annotate(
                shared_speakers=Count(
                    "quotes__speaker", filter=Q(quotes__speaker__in=speaker_ids), distinct=True
                ),
                shared_topics=Count("topics", filter=Q(topics__in=topic_ids), distinct=True),
            )
            .order_by(
                "-shared_speakers", "-shared_topics", F("published").desc(nulls_last=True), "-id"
            )
            .defer("body", "raw_source")
        )

    def per_month(self):
        return per_month(self, "published")


class Article(models.Model):
    """One UN News story, whichever way it arrived."""

    class Format(models.TextChoices):
        TEXT = "text", "UN News Centre text dump"
        HTML_2023 = "html-2023", "news.un.org page (2023+)"
        HTML_2017 = "html-2017", "news.un.org page (2017–2023)"
        RSS = "rss", "RSS feed item"
        PLAIN = "plain", "Plain text"

    # The natural key: "en/1136642" when the UN News story id is known, otherwise
    # "sha1:<digest of title and date>" (text dumps carry no id).
    story_key = models.CharField(max_length=64, unique=True)
    # Digest of the folded headline and date: finds one story met as a dump and as a page.
    fingerprint = models.CharField(max_length=40, db_index=True, editable=False)
    url = models.URLField(max_length=500, blank=True)
    story_id = models.CharField("UN News story id", max_length=20, blank=True)
    language = models.CharField(max_length=8, default="en")
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=120, unique=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    lede = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="Paragraphs separated by blank lines.")
    headings = models.JSONField(default=list, blank=True, editable=False)
    caption = models.CharField(max_length=1000, blank=True)
    credit = models.CharField(max_length=255, blank=True)
    image_url = models.URLField(max_length=500, blank=True)
    tags = models.JSONField(default=list, blank=True)
    related_links = models.JSONField(default=list, blank=True)
    topics = models.ManyToManyField(Topic, related_name="articles", blank=True)
    source_format = models.CharField(max_length=20, choices=Format.choices)
    # Labels the sources themselves gave (feed membership, page links), kept so that
    # re-extraction and a later merge with another source never lose them.
    source_labels = models.JSONField(default=list, blank=True, editable=False)
    raw_source = models.BinaryField(editable=False)
    raw_name = models.CharField(max_length=500, blank=True)
    content_hash = models.CharField(max_length=64, editable=False)
    imported = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = [models.F("published").desc(nulls_last=True), "-id"]
        indexes = [models.Index(fields=["title", "published"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:article_detail", args=[self.slug])

    @property
    def paragraphs(self) -> list[str]:
        """Lede then body: the text that quote offsets index."""
        body = self.body.split("\n\n") if self.body else []
        return ([self.lede] if self.lede else []) + body

    @property
    def summary(self) -> str:
        return self.lede or (self.body.split("\n\n", 1)[0] if self.body else "")


class QuoteQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by(
            F("article__published").desc(nulls_last=True), "-article_id", "position"
        )

    def with_context(self):
        """What a quote row shows: its speaker and its story (without the story's text)."""
        return self.select_related("speaker", "article").defer(
            "article__body", "article__raw_source", "article__lede"
        )

    def search(self, text):
        """Quotes matching `text`: full-text on PostgreSQL, substring elsewhere."""
        if not _on_postgresql(self):
            return self.filter(text__icontains=text)
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        return self.annotate(search=QUOTE_SEARCH_VECTOR).filter(search=query)

    def per_month(self):
        return per_month(self, "article__published")


class Attribution(models.TextChoices):
    """How a quote came to its speaker (the values of `ATTRIBUTION_KINDS`)."""

    NAMED = "named", "by name"
    PRONOUN = "pronoun", "by a pronoun"
    TITLE = "title", "by title"
    CONTINUATION = "continuation", "from the previous quote"
    HEADLINE = "headline", "in the headline"
    NONE = "", "to nobody"


class Quote(models.Model):
    """What a speaker said in a story, located in the story's paragraphs."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(
        Speaker, on_delete=models.SET_NULL, null=True, blank=True, related_name="quotes"
    )
    position = models.PositiveIntegerField(help_text="Order of the quote in the story.")
    text = models.TextField()
    speaker_mention = models.CharField(max_length=500, blank=True)
    paragraph = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    end_paragraph = models.PositiveIntegerField()
    partial = models.BooleanField(default=False)
    attribution = models.CharField(
        max_length=12,
        choices=Attribution.choices,
        blank=True,
        help_text="How the story gives the speaker; offsets of a headline quote index the title.",
    )
    speaker_corrected = models.BooleanField(
        default=False,
        help_text="Staff set the speaker by hand; a re-import keeps it.",
    )

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="unique_quote_position")
        ]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#quote-{self.pk}"

    @property
    def how_attributed(self) -> str:
        """What the reader is told about how the quote came to its speaker."""
        if self.speaker_corrected:
            return "by staff correction"
        return self.get_attribution_display()


class FetchedResource(models.Model):
    """Validators from the last fetch of a URL, for conditional requests."""

    url = models.URLField(max_length=500, unique=True)
    etag = models.CharField(max_length=255, blank=True)
    last_modified = models.CharField(max_length=64, blank=True)
    fetched = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.url
