"""PLACEHOLDER until the topics work lands: keeps the page's own labels."""

from .records import ParsedArticle


def classify(article: ParsedArticle):
    return article.topics, article.regions
