"""Reader pages: what each page shows, that filters select exactly, fixed query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ArticleFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ban():
    return SpeakerFactory(name="Ban Ki-moon", title="Secretary-General", aliases=["Mr. Ban"])


@pytest.fixture
def guterres():
    return SpeakerFactory(name="António Guterres", title="Secretary-General")


@pytest.fixture
def stories(ban, guterres):
    """Five stories, each with a distinct mix of topic, region and speaker."""
    return {
        "peace_ban": ArticleFactory(
            title="Ban urges Council unity",
            topics=["peace-and-security", "africa"],
            quotes=[(ban, "We must act together")],
        ),
        "peace_guterres": ArticleFactory(
            title="Guterres briefs on Sahel",
            topics=["peace-and-security", "africa"],
            quotes=[(guterres, "The Sahel needs support")],
        ),
        "health_ban": ArticleFactory(
            title="Ban launches vaccine drive",
            topics=["health", "asia-pacific"],
            quotes=[(ban, "Every child counts")],
        ),
        "climate_none": ArticleFactory(title="Glaciers retreat faster", topics=["climate-change"]),
        "peace_europe": ArticleFactory(
            title="Ceasefire holds in Europe", topics=["peace-and-security", "europe"]
        ),
    }


def listed_titles(response):
    return {article.title for article in response.context["object_list"]}


def titles(*articles):
    return {article.title for article in articles}


# /articles/


def test_list_shows_every_story_newest_first(client, stories):
    response = client.get(reverse("articles:article_list"))

    assert response.status_code == 200
    dates = [a.published for a in response.context["object_list"]]
    assert dates == sorted(dates, reverse=True)
    assert listed_titles(response) == titles(*stories.values())


def test_list_filters_by_topic(client, stories):
    response = client.get("/articles/?topic=peace-and-security")

    assert listed_titles(response) == titles(
        stories["peace_ban"], stories["peace_guterres"], stories["peace_europe"]
    )


def test_list_filters_by_region(client, stories):
    response = client.get("/articles/?region=africa")

    assert listed_titles(response) == titles(stories["peace_ban"], stories["peace_guterres"])


def test_list_filters_by_speaker_slug(client, stories):
    response = client.get("/articles/?speaker=ban-ki-moon")

    assert listed_titles(response) == titles(stories["peace_ban"], stories["health_ban"])


def test_list_filters_by_speaker_name_typed_without_autocomplete(client, stories):
    response = client.get("/articles/?speaker=ban ki-moon")

    assert listed_titles(response) == titles(stories["peace_ban"], stories["health_ban"])


def test_topic_and_speaker_together_return_stories_with_both(client, stories):
    response = client.get("/articles/?topic=peace-and-security&speaker=ban-ki-moon")

    assert listed_titles(response) == titles(stories["peace_ban"])


def test_several_topics_return_stories_with_any_of_them(client, stories):
    response = client.get("/articles/?topic=health&topic=climate-change")

    assert listed_titles(response) == titles(stories["health_ban"], stories["climate_none"])


def test_topic_and_region_together_return_stories_with_both(client, stories):
    response = client.get("/articles/?topic=peace-and-security&region=europe")

    assert listed_titles(response) == titles(stories["peace_europe"])


def test_unknown_speaker_gives_an_empty_list_not_an_error(client, stories):
    response = client.get("/articles/?speaker=nobody-at-all")

    assert response.status_code == 200
    assert listed_titles(response) == set()
    assert "No stories match" in response.content.decode()


def test_pagination_keeps_the_filters(client):
    ArticleFactory.create_batch(25, topics=["health"])
    ArticleFactory.create_batch(3, topics=["women"])

    first = client.get("/articles/?topic=health")
    html = first.content.decode()

    assert first.context["paginator"].count == 25
    assert "?topic=health&amp;page=2" in html
    second = client.get("/articles/?topic=health&page=2")
    assert len(second.context["object_list"]) == 5


# /articles/<slug>/


def test_story_page_shows_title_date_caption_credit_and_topics(client, stories):
    article = stories["peace_ban"]

    html = client.get(article.get_absolute_url()).content.decode()

    assert article.title in html
    assert article.published.strftime("%-d %B %Y") in html
    assert "A health worker at a clinic." in html
    assert "UN Photo/Example" in html
    assert 'href="/topics/peace-and-security/"' in html
    assert 'href="/topics/africa/"' in html


def test_story_page_marks_each_quote_and_links_it_to_its_speaker(client, ban, guterres):
    article = ArticleFactory(
        quotes=[(ban, "We must act together"), (guterres, "Peace is possible"), (None, "Help")]
    )
    quotes = list(article.quotes.order_by("position"))

    html = client.get(article.get_absolute_url()).content.decode()

    for quote, speaker in zip(quotes, [ban, guterres], strict=False):
        marked = re.search(
            rf'<mark [^>]*id="quote-{quote.pk}"[^>]*>{quote.text}</mark>'
            rf'<a class="quote__speaker" href="([^"]+)"',
            html,
        )
        assert marked, f"quote {quote.text!r} is not marked and linked"
        assert marked.group(1) == speaker.get_absolute_url()
    assert f'id="quote-{quotes[2].pk}"' in html
    assert "unattributed" in html


def test_story_page_lists_who_is_quoted(client, ban, guterres):
    article = ArticleFactory(quotes=[(ban, "One"), (ban, "Two"), (guterres, "Three")])

    response = client.get(article.get_absolute_url())
    html = response.content.decode()

    panel = html[html.index('id="who-heading"') :]
    assert panel.index("Ban Ki-moon") < panel.index("António Guterres")


def test_story_page_resolves_news_tracker_links_and_finds_stories_sharing_speakers(client, ban):
    earlier = ArticleFactory(title="Ban opens forum on terrorism", quotes=[(ban, "Earlier")])
    same_speaker = ArticleFactory(title="Ban visits Sahel", quotes=[(ban, "Later")])
    unrelated = ArticleFactory(title="Unrelated story", topics=["women"])
    article = ArticleFactory(
        title="Ban speaks again",
        quotes=[(ban, "Now")],
        related_links=[
            {"title": "Ban Opens Forum on Terrorism", "url": "#"},
            {"title": "A story never imported", "url": "https://news.un.org/en/story/2012/01/1"},
        ],
    )

    response = client.get(article.get_absolute_url())
    html = response.content.decode()

    tracker = response.context["news_tracker"]
    assert [(link.title, link.url) for link in tracker] == [
        (earlier.title, earlier.get_absolute_url()),
        ("A story never imported", "https://news.un.org/en/story/2012/01/1"),
    ]
    assert list(response.context["similar_stories"]) == [same_speaker]
    assert unrelated.title not in html


def test_story_page_links_to_its_source(client):
    article = ArticleFactory(url="https://news.un.org/en/story/2023/05/1136642")

    html = client.get(article.get_absolute_url()).content.decode()

    assert 'href="https://news.un.org/en/story/2023/05/1136642"' in html


def test_story_id_redirects_to_the_slug(client):
    article = ArticleFactory()

    response = client.get(f"/articles/{article.pk}/")

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_a_story_whose_slug_is_a_number_is_served_at_it(client):
    numbered = ArticleFactory(title="2030", slug="2030")

    response = client.get("/articles/2030/")

    assert response.status_code == 200
    assert response.context["article"] == numbered


def test_unknown_story_is_a_404(client):
    assert client.get("/articles/no-such-story/").status_code == 404
    assert client.get("/articles/99999999/").status_code == 404


# Query counts: fixed whatever the number of stories and quotes.


def build_corpus(size, speakers):
    for index in range(size):
        ArticleFactory(
            topics=["health", "africa"],
            quotes=[(speakers[index % len(speakers)], f"Quote {index}-{n}") for n in range(3)],
            related_links=[{"title": "Elsewhere", "url": "https://news.un.org/en/story/1"}],
        )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        "/articles/",
        "/articles/?topic=health&region=africa&speaker=ban-ki-moon&sort=oldest",
        "/articles/?q=Quote&date_from=2019-01-01&date_to=2030-01-01",
    ],
)
def test_story_list_runs_a_fixed_number_of_queries(client, url, ban, guterres):
    build_corpus(3, [ban, guterres])
    small = count_queries(client, url)
    build_corpus(40, [ban, guterres])
    large = count_queries(client, url)

    assert small == large
    assert large <= 8


def test_story_page_runs_a_fixed_number_of_queries(
    client, ban, guterres, django_assert_num_queries
):
    build_corpus(2, [ban])
    few = ArticleFactory(quotes=[(ban, "One")], related_links=[{"title": "X", "url": "#"}])
    many = ArticleFactory(
        quotes=[(ban if n % 2 else guterres, f"Quote number {n}") for n in range(30)],
        topics=["health", "africa", "women"],
        related_links=[{"title": "X", "url": "#"}, {"title": "Y", "url": "#"}],
    )
    build_corpus(20, [ban, guterres])

    with django_assert_num_queries(5):
        client.get(few.get_absolute_url())
    with django_assert_num_queries(5):
        client.get(many.get_absolute_url())


# Home


def test_home_shows_latest_stories_topics_and_most_quoted_speakers(client, stories, ban):
    html = client.get("/").content.decode()

    assert stories["peace_ban"].title in html
    assert 'href="/topics/peace-and-security/"' in html
    assert 'href="/topics/europe/"' in html
    assert f'href="{ban.get_absolute_url()}"' in html
    assert "UN News" in html  # the footer credits the source


# /speakers/


def test_speakers_are_sorted_by_number_of_quotes(client, ban, guterres):
    ArticleFactory(quotes=[(ban, "One"), (ban, "Two"), (guterres, "Three")])

    response = client.get("/speakers/")

    assert [s.name for s in response.context["object_list"]] == ["Ban Ki-moon", "António Guterres"]


def test_speakers_can_be_sorted_by_name(client, ban, guterres):
    ArticleFactory(quotes=[(ban, "One"), (ban, "Two"), (guterres, "Three")])

    response = client.get("/speakers/?sort=name")

    assert [s.name for s in response.context["object_list"]] == ["António Guterres", "Ban Ki-moon"]


def test_speakers_are_searched_by_name_or_alias(client, ban, guterres):
    ArticleFactory(quotes=[(ban, "One"), (guterres, "Two")])

    assert [s.name for s in client.get("/speakers/?q=guterres").context["object_list"]] == [
        "António Guterres"
    ]
    assert [s.name for s in client.get("/speakers/?q=Mr. Ban").context["object_list"]] == [
        "Ban Ki-moon"
    ]


def test_speaker_autocomplete_returns_matching_speakers_as_options(client, ban, guterres):
    ArticleFactory(quotes=[(ban, "One"), (guterres, "Two")])

    html = client.get("/speakers/autocomplete/?speaker=ban").content.decode()
    data = client.get("/speakers/autocomplete/?q=gut&format=json").json()

    assert 'data-value="ban-ki-moon"' in html
    assert "guterres" not in html
    assert data == {
        "results": [
            {
                "slug": "antonio-guterres",
                "name": "António Guterres",
                "title": "Secretary-General",
                "quotes": 1,
            }
        ]
    }


def test_speaker_autocomplete_needs_two_letters(client, ban):
    assert client.get("/speakers/autocomplete/?q=b").content.decode().strip() == ""


def test_speaker_page_shows_role_aliases_count_topics_and_quotes_newest_first(client, ban):
    older = ArticleFactory(published="2012-05-04", topics=["health"], quotes=[(ban, "Older")])
    newer = ArticleFactory(published="2014-01-10", topics=["women"], quotes=[(ban, "Newer")])

    response = client.get("/speakers/ban-ki-moon/")
    html = response.content.decode()

    assert "Secretary-General" in html
    assert "Mr. Ban" in html
    assert response.context["speaker"].quote_count == 2
    assert [q.text for q in response.context["object_list"]] == ["Newer", "Older"]
    assert {t.slug for t in response.context["speaker_topics"]} == {"health", "women"}
    quote = newer.quotes.get()
    assert f'href="{newer.get_absolute_url()}#quote-{quote.pk}"' in html
    assert older.title in html
    assert "<svg" in html


def test_speaker_quotes_filter_by_topic_and_date(client, ban):
    ArticleFactory(published="2012-05-04", topics=["health"], quotes=[(ban, "Health 2012")])
    ArticleFactory(published="2014-01-10", topics=["health"], quotes=[(ban, "Health 2014")])
    ArticleFactory(published="2014-02-10", topics=["women"], quotes=[(ban, "Women 2014")])

    by_topic = client.get("/speakers/ban-ki-moon/?topic=health")
    by_both = client.get("/speakers/ban-ki-moon/?topic=health&date_from=2013-01-01")

    assert [q.text for q in by_topic.context["object_list"]] == ["Health 2014", "Health 2012"]
    assert [q.text for q in by_both.context["object_list"]] == ["Health 2014"]


def test_unknown_speaker_is_a_404(client):
    assert client.get("/speakers/nobody/").status_code == 404


# /topics/


def test_topic_list_shows_topics_and_regions_with_counts(client, stories):
    response = client.get("/topics/")

    counts = {t.slug: t.article_count for t in response.context["topics"]}
    assert counts["peace-and-security"] == 3
    assert {t.slug for t in response.context["regions"]} == {
        "africa",
        "americas",
        "asia-pacific",
        "europe",
        "middle-east",
    }


def test_topic_page_shows_latest_stories_most_quoted_speakers_and_charts(client, stories, ban):
    ArticleFactory(topics=["peace-and-security"], quotes=[(ban, "Again")])

    response = client.get("/topics/peace-and-security/")

    assert response.context["story_count"] == 4
    assert [s.name for s in response.context["speakers"]] == ["Ban Ki-moon", "António Guterres"]
    assert response.context["speakers"][0].quote_count == 2
    assert response.context["story_chart"].total == 4
    assert response.context["quote_chart"].total == 3
    assert stories["peace_europe"].title in response.content.decode()


def test_region_page_works_like_a_topic_page(client, stories):
    response = client.get("/topics/africa/")

    assert response.context["story_count"] == 2


# /quotes/


def test_quotes_are_searched_by_words(client, ban, guterres):
    ArticleFactory(quotes=[(ban, "Climate finance must flow"), (guterres, "Peace in Sudan")])

    response = client.get("/quotes/?q=climate")

    assert [q.text for q in response.context["object_list"]] == ["Climate finance must flow"]


def test_quotes_filter_by_speaker_topic_and_date(client, ban, guterres):
    ArticleFactory(published="2015-03-01", topics=["health"], quotes=[(ban, "A"), (guterres, "B")])
    ArticleFactory(published="2018-03-01", topics=["health"], quotes=[(guterres, "C")])
    ArticleFactory(published="2018-03-01", topics=["women"], quotes=[(guterres, "D")])

    response = client.get(
        "/quotes/?speaker=antonio-guterres&topic=health&date_from=2016-01-01&date_to=2019-01-01"
    )

    assert [q.text for q in response.context["object_list"]] == ["C"]


def test_each_quote_has_a_permalink(client, ban):
    article = ArticleFactory(title="Ban speaks", quotes=[(ban, "We must act together")])
    quote = article.quotes.get()

    listing = client.get("/quotes/").content.decode()
    page = client.get(f"/quotes/{quote.pk}/")

    assert f'href="/quotes/{quote.pk}/"' in listing
    assert page.status_code == 200
    html = page.content.decode()
    assert "We must act together" in html
    assert f'href="{article.get_absolute_url()}#quote-{quote.pk}"' in html
    assert f'href="{ban.get_absolute_url()}"' in html


# Bad query parameters: a 400, a 404 or an empty result, never a 500.

BAD_QUERIES = [
    "?date_from=not-a-date&date_to=2012-13-45",
    "?date_from=99999-01-01",
    "?topic=no-such-topic&region=atlantis",
    "?speaker=" + "x" * 5000,
    "?q=" + "refugees " * 2000,
    "?q=%00%01&speaker=%00",
    "?q=" + "%22%22%22(((&|!:*" * 20,
    "?sort=sideways",
    "?page=-1",
    "?page=0",
    "?page=99999999999999999999999",
    "?page=abc",
    "?topic=health&topic=&topic=" + "%FF" * 10,
]


@pytest.mark.parametrize("path", ["/articles/", "/quotes/", "/speakers/", "/speakers/ban-ki-moon/"])
@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_query_parameters_never_give_a_server_error(client, stories, path, query):
    response = client.get(path + query)

    assert response.status_code in (200, 400, 404)
    if response.status_code == 200 and "page" not in query:
        assert "object_list" in response.context


def test_a_garbage_date_is_reported_and_ignored(client, stories):
    response = client.get("/articles/?date_from=not-a-date")

    assert response.status_code == 200
    # the bad value is shown as an error and left out; the other filters still apply
    assert len(response.context["object_list"]) == len(
        client.get("/articles/").context["object_list"]
    )
    assert "Enter a valid date" in response.content.decode()


def test_a_page_past_the_end_is_a_404(client, stories):
    assert client.get("/articles/?page=99").status_code == 404


def test_unknown_quote_and_topic_are_404s(client):
    assert client.get("/quotes/99999999/").status_code == 404
    assert client.get("/topics/no-such-topic/").status_code == 404
    assert client.get("/quotes/99999999999999999999999/").status_code == 404


# htmx: the same URL answers with just the results


def test_htmx_request_gets_only_the_results_fragment(client, stories):
    response = client.get("/articles/?topic=health", headers={"HX-Request": "true"})
    html = response.content.decode()

    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html
    assert stories["health_ban"].title in html
    assert "HX-Request" in response["Vary"]


# Query counts for every page, at two data sizes


PAGES = [
    "/",
    "/speakers/",
    "/speakers/?q=ban&sort=name",
    "/speakers/ban-ki-moon/",
    "/speakers/ban-ki-moon/?topic=health&date_from=2000-01-01",
    "/speakers/autocomplete/?q=ban",
    "/topics/",
    "/topics/health/",
    "/topics/africa/",
    "/quotes/",
    "/quotes/?q=Quote&speaker=ban-ki-moon&topic=health&region=africa",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_runs_a_fixed_number_of_queries(client, url, ban, guterres):
    build_corpus(3, [ban, guterres])
    small = count_queries(client, url)
    build_corpus(40, [ban, guterres])
    large = count_queries(client, url)

    assert small == large
    assert large <= 8


def test_quote_permalink_runs_a_fixed_number_of_queries(client, ban, django_assert_num_queries):
    few = ArticleFactory(topics=["health"], quotes=[(ban, "One")]).quotes.get()
    many = ArticleFactory(topics=["health", "africa", "women"], quotes=[(ban, "Two")]).quotes.get()

    with django_assert_num_queries(2):
        client.get(f"/quotes/{few.pk}/")
    with django_assert_num_queries(2):
        client.get(f"/quotes/{many.pk}/")


# Acceptance: imported stories, not only factory-built ones


def imported_pairs(topic, speaker):
    """Stories tagged `topic` that quote `speaker`, worked out in Python from the rows."""
    from articles.models import Article

    return {
        article.title
        for article in Article.objects.prefetch_related("topics", "quotes__speaker")
        if topic in {t.slug for t in article.topics.all()}
        and speaker in {q.speaker.slug for q in article.quotes.all() if q.speaker}
    }


def test_seed_story_is_found_by_topic_and_speaker_and_lists_his_quotes(client, sample_story):
    from articles.importing import import_sources
    from articles.models import Quote

    import_sources([str(sample_story)])
    ban = SpeakerFactory(name="Ban Ki-moon")
    ArticleFactory(title="Test story on health", topics=["health"], quotes=[(ban, "Test")])
    ArticleFactory(title="Test story on peace", topics=["peace-and-security"])

    listed = listed_titles(client.get("/articles/?topic=peace-and-security&speaker=ban-ki-moon"))
    speaker_page = client.get("/speakers/ban-ki-moon/")

    assert listed == {
        "Coordinated global action crucial to defeat terrorism, Ban tells Security Council"
    }
    assert listed == imported_pairs("peace-and-security", "ban-ki-moon")
    his_quotes = Quote.objects.filter(speaker__slug="ban-ki-moon")
    assert speaker_page.context["paginator"].count == his_quotes.count() >= 2
    assert "By working together" in speaker_page.content.decode()


def test_filters_over_the_imported_development_stories(client, sample_story, shared_dir):
    from articles.importing import import_sources

    dev = shared_dir / "extraction-dev"
    import_sources([str(sample_story), str(dev / "texts"), str(dev / "html")])

    for topic, speaker in [
        ("peace-and-security", "ban-ki-moon"),
        ("humanitarian-aid", "antonio-guterres"),
        ("health", "tedros-adhanom-ghebreyesus"),
    ]:
        response = client.get(f"/articles/?topic={topic}&speaker={speaker}")
        expected = imported_pairs(topic, speaker)
        assert expected, f"the development set has no {topic} story quoting {speaker}"
        assert listed_titles(response) == expected, (topic, speaker)


# How a story is laid out: quote runs, and quotes whose offsets are off


def test_a_quote_over_two_paragraphs_is_marked_in_both_and_anchored_once(client, ban):
    article = ArticleFactory(lede="", body="“We will act,\n\n“and we will not stop,” he said.")
    quote = article.quotes.create(
        speaker=ban,
        position=0,
        text="We will act, and we will not stop",
        paragraph=0,
        start=1,
        end=len("“and we will not stop,"),
        end_paragraph=1,
    )

    html = client.get(article.get_absolute_url()).content.decode()

    assert (
        f'<mark class="quote quote--attributed" id="quote-{quote.pk}">We will act,</mark>' in html
    )
    assert '“<mark class="quote quote--attributed">and we will not stop,</mark>' in html
    assert html.count(f'id="quote-{quote.pk}"') == 1
    assert html.count('class="quote__speaker"') == 1


def test_the_closing_mark_comes_before_the_speakers_name(client, ban):
    article = ArticleFactory(lede="", body="He said “peace is possible” today.")
    article.quotes.create(
        speaker=ban,
        position=0,
        text="peace is possible",
        paragraph=0,
        start=9,
        end=26,
        end_paragraph=0,
    )

    html = client.get(article.get_absolute_url()).content.decode()

    assert 'peace is possible</mark>”<a class="quote__speaker"' in html
    assert "</a> today." in html


def test_quotes_with_offsets_outside_the_text_are_left_unmarked(client, ban):
    article = ArticleFactory(lede="", body="Short paragraph.")
    article.quotes.create(
        speaker=ban, position=0, text="x", paragraph=0, start=5, end=999, end_paragraph=0
    )
    article.quotes.create(
        speaker=ban, position=1, text="y", paragraph=7, start=0, end=1, end_paragraph=7
    )

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "<mark" not in response.content.decode()
    assert "Short paragraph." in response.content.decode()


# Charts


def test_monthly_chart_fills_empty_months_and_shows_at_least_a_year():
    from datetime import date

    from articles.charts import monthly_bars

    chart = monthly_bars([(date(2020, 3, 1), 2), (date(2020, 6, 1), 4)], "quotes")

    assert len(chart.bars) == 12
    assert [bar.count for bar in chart.bars[-4:]] == [2, 0, 0, 4]
    assert chart.peak == 4 and chart.total == 6
    assert chart.summary == "6 quotes from March 2020 to June 2020; at most 4 in a month."
    tallest = chart.bars[-1]
    assert tallest.y + tallest.height == chart.baseline
    assert monthly_bars([], "quotes").summary == "No quotes."
    assert monthly_bars([(date(2020, 3, 1), 1)], "stories").summary == "1 story, in March 2020."


def test_a_speaker_named_partly_gets_suggestions_in_the_empty_state(client, stories):
    response = client.get("/articles/?speaker=guterres&topic=health")
    html = response.content.decode()

    assert list(response.context["object_list"]) == []
    assert "Did you mean" in html
    assert 'href="?speaker=antonio-guterres&amp;topic=health"' in html


@pytest.mark.parametrize(
    "url", ["/speakers/?q=ban", "/quotes/?q=together", "/speakers/ban-ki-moon/?topic=africa"]
)
def test_every_filtered_page_answers_htmx_with_its_results_only(client, stories, url):
    response = client.get(url, headers={"HX-Request": "true"})
    html = response.content.decode()

    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="results"')
    assert "<form" not in html


def test_htmx_history_restore_gets_the_whole_page(client, stories):
    response = client.get(
        "/articles/?topic=health",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )

    assert "<html" in response.content.decode()


def test_every_quote_of_the_development_set_is_marked_with_exactly_its_words(
    sample_story, shared_dir
):
    from articles.importing import import_sources
    from articles.models import Article
    from articles.templatetags.stories import marked_paragraphs

    dev = shared_dir / "extraction-dev"
    import_sources([str(sample_story), str(dev / "texts"), str(dev / "html")])

    checked = 0
    for article in Article.objects.with_related():
        paragraphs = marked_paragraphs(article)
        for quote in article.quotes.all():
            if quote.attribution == "headline":  # shown in the headline, never in the text
                assert quote.text == article.title[quote.start : quote.end]
                continue
            runs = [s.text for p in paragraphs for s in p.segments if s.quote is quote]
            assert " ".join(" ".join(runs).split()) == " ".join(quote.text.split()), article.slug
            checked += 1
    assert checked > 50


def test_a_speakers_chart_counts_the_quotes_the_filters_select(client, ban):
    ArticleFactory(published="2016-03-02", topics=["africa"], quotes=[(ban, "Sudan needs peace")])
    ArticleFactory(published="2016-05-02", topics=["africa"], quotes=[(ban, "Sudan again")])
    ArticleFactory(published="2016-05-09", topics=["europe"], quotes=[(ban, "Europe")])

    everything = client.get("/speakers/ban-ki-moon/").context["chart"]
    on_sudan = client.get("/speakers/ban-ki-moon/?q=sudan").context["chart"]

    assert everything.total == 3
    assert on_sudan.total == 2
    assert [(bar.month.isoformat(), bar.count) for bar in on_sudan.bars if bar.count] == [
        ("2016-03-01", 1),
        ("2016-05-01", 1),
    ]


def test_quote_search_charts_what_a_speaker_said_about_something_month_by_month(
    client, ban, guterres
):
    ArticleFactory(published="2017-02-01", quotes=[(guterres, "Sudan must not be forgotten")])
    ArticleFactory(published="2017-02-20", quotes=[(guterres, "In Sudan, children suffer")])
    ArticleFactory(published="2017-04-01", quotes=[(ban, "Sudan matters")])

    response = client.get("/quotes/?speaker=antonio-guterres&q=sudan")

    assert response.context["chart"].total == 2
    assert response.context["chart"].peak == 2
    assert "2 quotes, in February 2017." in response.content.decode()


def test_a_quote_permalink_shows_its_paragraph_with_only_that_quote_marked(client, ban, guterres):
    article = ArticleFactory(quotes=[(ban, "First words"), (guterres, "Second words")])
    first = article.quotes.get(position=0)

    html = client.get(f"/quotes/{first.pk}/").content.decode()

    context = html[html.index('id="context-heading"') :]
    assert '<mark class="quote quote--attributed">First words</mark>' in context
    assert "Second words" not in context
