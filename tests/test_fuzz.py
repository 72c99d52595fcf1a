"""Fuzzing: every parser survives any input (a `ParseError` or stories, nothing else), and
every filter view survives any query string (never a server error)."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.extraction import ParseError, parse
from tests.factories import ArticleFactory, SpeakerFactory

# Pieces that steer inputs into each reader and through its edge cases.
SNIPPETS = st.sampled_from(
    [
        "UN NEWS CENTRE\n\n",
        "Global perspective Human stories\n\n",
        "4 May 2012 –",
        "\n\n",
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "said",
        " he said",
        "Mr. ",
        "Secretary-General ",
        "<html>",
        "<body>",
        "<p>",
        "</p>",
        '<rss version="2.0"><channel>',
        "<item>",
        "<title>",
        "</title>",
        "<link>",
        "</link>",
        "</item></channel></rss>",
        '<link rel="canonical" href="javascript:alert(1)">',
        "<!DOCTYPE x [<!ENTITY a 'b'>]>",
        "\x00",
        "\ufeff",
        "\u202e",
        "[text](#)",
        "News Tracker: past stories on this issue\n",
    ]
)
TEXTS = st.lists(st.one_of(SNIPPETS, st.text(max_size=40)), max_size=30).map("".join)
NAMES = st.sampled_from(["story.txt", "page.html", "feed.xml", "notes", "x.rss"])
SETTINGS = settings(max_examples=400, deadline=None, derandomize=True)


@SETTINGS
@given(
    data=st.one_of(TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary()),
    name=NAMES,
    format=st.sampled_from([None, "text", "html", "rss", "plain"]),
)
def test_every_reader_survives_any_input(data, name, format):
    try:
        stories = parse(data, name=name, format=format)
    except ParseError as error:
        assert str(error) and "\n" not in str(error)
        return
    for story in stories:
        for quote in story.quotes:
            assert quote.text  # a quote always has words


FILTER_PAGES = [
    "/articles/",
    "/quotes/",
    "/speakers/",
    "/speakers/ban-ki-moon/",
    "/topics/health/",
    "/speakers/autocomplete/",
    "/",
]
VALUES = st.one_of(
    st.text(max_size=30),
    st.text(max_size=10).map(lambda t: f"{t}\x00{t}"),  # NUL, which PostgreSQL refuses
    st.sampled_from(
        [
            "",
            "\x00",
            "2012-13-45",
            "99999",
            "-1",
            "health",
            "ban-ki-moon",
            "-name",
            "bogus",
            "0",
            "%",
            "'",
            "\\",
            "a" * 500,
        ]
    ),
)
PARAMS = st.dictionaries(
    st.sampled_from(
        [
            "q",
            "topic",
            "region",
            "speaker",
            "date_from",
            "date_to",
            "sort",
            "page",
            "format",
            "kind",
        ]
    ),
    VALUES,
    max_size=5,
)


@pytest.fixture
def archive(db):
    ban = SpeakerFactory(name="Ban Ki-moon")
    ArticleFactory(title="Health story", topics=["health"], quotes=[(ban, "We must act")])
    return ban


@pytest.mark.parametrize("page", FILTER_PAGES)
@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(params=PARAMS)
def test_every_filter_view_survives_any_query(client, archive, page, params):
    query = urlencode({k: v.encode("utf-8", "surrogatepass") for k, v in params.items()})
    response = client.get(f"{page}?{query}")
    assert response.status_code in (200, 301, 302, 404), (page, params)
