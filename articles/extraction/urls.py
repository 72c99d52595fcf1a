"""UN News URLs: one canonical spelling per story, its id and language, feed labels.

The same story reaches us as `https://news.un.org/feed/view/en/story/2023/05/1136642`
(RSS), `http://news.un.org//en/story/2023/05/1136642-slug?utm=…` (scraped lists) and
`https://news.un.org/en/story/2023/05/1136642` (canonical link); all become the last.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from .taxonomy import REGION_BY_SLUG, TOPIC_BY_SLUG

UN_NEWS_HOSTS = ("news.un.org", "www.news.un.org")

# /<lang>/story/<yyyy>/<mm>/<id>[-slug]; the feed prefix /feed/view is dropped.
STORY_PATH = re.compile(
    r"^(?:/feed/view)?/(?P<lang>[a-z]{2}(?:-[a-z]{2,4})?)/story/"
    r"(?P<year>\d{4})/(?P<month>\d{2})/(?P<id>\d+)(?P<slug>-[^/]*)?/?$"
)
LABEL_PATH = re.compile(r"/news/(?P<kind>topic|region)/(?P<slug>[a-z-]+)")


_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f<>\"'`\\]")


def web_url(url: str | None) -> str:
    """`url` when it is an absolute http(s) address with a host, else "": imported links
    are hostile until checked ("javascript:alert(1)", "data:…", "//evil", "http:/x")."""
    url = (url or "").strip()
    if not url or _UNSAFE_URL_CHARS.search(url):
        return ""
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else ""


def normalise_story_url(url: str) -> str:
    """The canonical https URL of a UN News story; other URLs are only tidied.

    Removes the `/feed/view` prefix, a title slug after the id, doubled slashes, the
    query and fragment, and upgrades http to https on news.un.org.
    """
    url = web_url(url)
    if not url:
        return ""
    parts = urlsplit(url)
    host = parts.netloc.lower()
    path = re.sub(r"/{2,}", "/", parts.path)
    if host not in UN_NEWS_HOSTS:
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
    match = STORY_PATH.match(path)
    if match:
        path = "/{lang}/story/{year}/{month}/{id}".format(**match.groupdict())
    return urlunsplit(("https", "news.un.org", path, "", ""))


def story_key(url: str | None) -> tuple[str | None, str | None]:
    """(story id, language) from a story URL: `/en/story/2023/05/1136642` -> ("1136642", "en")."""
    if not url:
        return None, None
    parts = urlsplit(url.strip())
    if parts.netloc and parts.netloc.lower() not in UN_NEWS_HOSTS:
        return None, None
    match = STORY_PATH.match(re.sub(r"/{2,}", "/", parts.path))
    if not match:
        return None, None
    return match.group("id"), match.group("lang")


def label_from_url(url: str) -> tuple[str | None, str | None]:
    """(topic, region) named by a topic or region page or feed URL, else (None, None).

    `.../news/topic/climate-change/feed/rss.xml` -> ("Climate Change", None).
    """
    match = LABEL_PATH.search(url or "")
    if not match:
        return None, None
    if match.group("kind") == "topic":
        return TOPIC_BY_SLUG.get(match.group("slug")), None
    return None, REGION_BY_SLUG.get(match.group("slug"))
