"""sitemap.xml: every story, every quoted speaker, every topic and region, the main pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Speaker, Topic


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated")

    def lastmod(self, article):
        return article.updated


class SpeakerSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Speaker.objects.most_quoted().only("slug")


class TopicSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Topic.objects.all()


class PageSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return [
            "articles:home",
            "articles:article_list",
            "articles:speaker_list",
            "articles:topic_list",
            "articles:quote_list",
        ]

    def location(self, name):
        return reverse(name)


sitemaps = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "speakers": SpeakerSitemap,
    "topics": TopicSitemap,
}
