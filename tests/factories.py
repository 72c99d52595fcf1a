"""Factories for reader-page tests: stories with quotes located in their own text.

Topics are seeded by migration 0002; factories look them up by slug, never create them.
"""

import datetime

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from articles.models import Article, Quote, Speaker, Topic


class SpeakerFactory(DjangoModelFactory):
    class Meta:
        model = Speaker
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Speaker Number{n}")
    slug = factory.LazyAttribute(lambda speaker: slugify(speaker.name))
    title = "Special Envoy"


class ArticleFactory(DjangoModelFactory):
    """A story; `topics=[slugs]` tags it, `quotes=[(speaker, text), ...]` quotes people.

    Each quote becomes a body paragraph “text,” said <name>. with offsets pointing at it.
    """

    class Meta:
        model = Article
        skip_postgeneration_save = True

    story_key = factory.Sequence(lambda n: f"test/{n}")
    title = factory.Sequence(lambda n: f"Security Council hears briefing number {n}")
    slug = factory.LazyAttribute(lambda article: slugify(article.title)[:100])
    published = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    lede = "The United Nations said today that the situation remained serious."
    body = "Aid agencies continued their work across the region."
    caption = "A health worker at a clinic."
    credit = "UN Photo/Example"
    source_format = Article.Format.TEXT
    raw_source = b""
    content_hash = factory.Sequence(lambda n: f"hash{n}")

    @factory.post_generation
    def topics(self, create, slugs, **kwargs):
        if create and slugs:
            self.topics.set(Topic.objects.filter(slug__in=slugs))

    @factory.post_generation
    def quotes(self, create, quoted, **kwargs):
        if not (create and quoted):
            return
        paragraphs = self.body.split("\n\n") if self.body else []
        offset = 1 if self.lede else 0
        rows = []
        for position, (speaker, text) in enumerate(quoted):
            name = speaker.name if speaker else "an official"
            paragraphs.append(f"“{text},” said {name}.")
            rows.append(
                Quote(
                    article=self,
                    speaker=speaker,
                    position=position,
                    text=text,
                    speaker_mention=name,
                    paragraph=offset + len(paragraphs) - 1,
                    start=1,
                    end=1 + len(text),
                    end_paragraph=offset + len(paragraphs) - 1,
                )
            )
        self.body = "\n\n".join(paragraphs)
        self.save(update_fields=["body"])
        Quote.objects.bulk_create(rows)


def ensure_topics() -> None:
    """Put back the seeded topics after a transactional test flushed the tables.

    Idempotent, keyed on the slug like migration 0002, so it never duplicates a topic.
    """
    from articles.extraction.taxonomy import REGIONS, TOPICS, slug_for

    for kind, names in ((Topic.Kind.TOPIC, TOPICS), (Topic.Kind.REGION, REGIONS)):
        for name in names:
            Topic.objects.update_or_create(
                slug=slug_for(name), defaults={"name": name, "kind": kind}
            )
