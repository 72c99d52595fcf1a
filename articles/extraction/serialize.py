"""The JSON shape of a parse, as `parse_article` prints it and the scorer reads it."""

from __future__ import annotations

from .records import ParsedArticle


def article_to_json(article: ParsedArticle, story_key: str) -> dict:
    """The contract of DESIGN.md for one story; `story_key` becomes its `id`."""
    return {
        "id": story_key,
        "format": article.source_format,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "lede": article.lede,
        "body": list(article.body),
        "caption": article.caption,
        "credit": article.credit,
        "topics": list(article.topics),
        "regions": list(article.regions),
        "tags": list(article.tags),
        "speakers": [{"name": s.name, "title": s.title} for s in article.speakers],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "speaker_mention": q.speaker_mention,
                "paragraph": None if q.attribution == "headline" else q.paragraph,
                "partial": q.partial,
                "attribution": q.attribution or None,
            }
            for q in _as_printed(article)
        ],
        "related": [{"title": r.title, "url": r.url} for r in article.related],
    }


def _as_printed(article: ParsedArticle):
    """The quotes in the order the source prints them: a headline's once per printing (a
    copy of a page may print the headline twice; the story keeps one of each)."""
    headline = [q for q in article.quotes if q.attribution == "headline"]
    rest = [q for q in article.quotes if q.attribution != "headline"]
    return headline * article.headline_printings + rest
