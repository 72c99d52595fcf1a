"""RSS 2.0 and Atom feeds: the latest stories, per topic or region, a speaker's quotes."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .models import Article, Speaker, Topic

FEED_LENGTH = 30


class ArticleItemsMixin:
    """How a story reads as a feed item."""

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.summary)  # plain text: readers take a description as HTML

    def item_pubdate(self, item):
        return item.imported if item.published is None else _midday(item.published)

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


def _midday(day):
    """Stories carry a date, feeds want a time: noon in New York, where UN News dates them."""
    return timezone.make_aware(datetime.combine(day, time(12)))


class LatestArticlesFeed(ArticleItemsMixin, Feed):
    title = "unnews: latest UN News stories"
    description = "The latest stories imported from UN News, with who is quoted in them."

    def link(self):
        return reverse("articles:article_list")

    def items(self):
        return Article.objects.published().for_list()[:FEED_LENGTH]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class TopicArticlesFeed(ArticleItemsMixin, Feed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic):
        return f"unnews: {topic.name}"

    def description(self, topic):
        return f"The latest UN News stories on {topic.name}."

    def link(self, topic):
        return topic.get_absolute_url()

    def items(self, topic):
        return Article.objects.filter(topics=topic).published().for_list()[:FEED_LENGTH]


class SpeakerQuotesFeed(Feed):
    def get_object(self, request, slug):
        return get_object_or_404(Speaker, slug=slug)

    def title(self, speaker):
        return f"unnews: quotes from {speaker.name}"

    def description(self, speaker):
        return f"What {speaker.name} said in UN News stories, newest first."

    def link(self, speaker):
        return speaker.get_absolute_url()

    def items(self, speaker):
        return speaker.quotes.with_context().newest_first()[:FEED_LENGTH]

    def item_title(self, quote):
        return f"{quote.speaker.name}: “{quote.text[:100]}{'…' if len(quote.text) > 100 else ''}”"

    def item_description(self, quote):
        return escape(f"“{quote.text}” — {quote.speaker.name}, in “{quote.article.title}”")

    def item_link(self, quote):
        return quote.get_absolute_url()

    def item_pubdate(self, quote):
        published = quote.article.published
        return quote.article.imported if published is None else _midday(published)
