"""PLACEHOLDER until the quotes work lands: finds nothing."""

from .records import ParsedArticle


def extract_quotes(article: ParsedArticle):
    return (), ()
