"""The import service: one article per story, idempotent, attributed quotes."""

from dataclasses import replace
from datetime import date

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from articles.extraction import ParsedArticle, ParsedQuote, ParsedSpeaker
from articles.importing import Outcome, StoryWriter, import_sources, parse_stories, save_story
from articles.models import Article, Quote, Speaker
from articles.reading import ParsedStory

pytestmark = pytest.mark.django_db

STORY = """With breaking stories and
newswire products from

UN NEWS CENTRE

{title}

A health worker in Goma. UNICEF/Amina Diallo

{day} –

The UN Children's Fund (UNICEF) said today that measles cases in the [region](#) had doubled.

“Every child we miss is a child at risk,” said Amina Diallo, the agency’s representative.

News Tracker: past stories on this issue

[Earlier story about vaccines](#)
"""


def write_story(directory, name="story.txt", title="Measles cases double", day="3 March 2015"):
    path = directory / name
    path.write_text(STORY.format(title=title, day=day), encoding="utf-8")
    return path


def import_path(path):
    return save_story(parse_stories(path.read_bytes(), name=path.name)[0])


def test_seed_import_keeps_the_story_fields(sample_story):
    assert import_path(sample_story) is Outcome.CREATED
    article = Article.objects.get()
    assert article.title == (
        "Coordinated global action crucial to defeat terrorism, Ban tells Security Council"
    )
    assert article.published == date(2012, 5, 4)
    assert article.caption == "Secretary-General Ban Ki-moon."
    assert article.credit == "UN Photo/Paulo Filgueiras"
    paragraphs = article.paragraphs
    assert len(paragraphs) == 12
    assert paragraphs[0].startswith("Stressing the need for an integrated response to terrorism, ")
    assert "[Secretary-General](#)" not in article.body
    assert "Secretary-General Ban Ki-moon said today" in paragraphs[0]
    assert article.related_links == [
        {
            "title": "Ban opens UN forum with call for enhanced global cooperation "
            "against terrorism",
            "url": "",
        }
    ]
    assert bytes(article.raw_source).startswith(b"\n")


def test_seed_quotes_belong_to_ban_ki_moon_but_not_the_council_statement(sample_story):
    import_path(sample_story)
    ban = Speaker.objects.get(slug="ban-ki-moon")
    assert ban.name == "Ban Ki-moon"
    assert "Secretary-General" in ban.title
    texts = list(ban.quotes.values_list("text", flat=True))
    assert len(texts) >= 4
    assert any(text.startswith("By working together") for text in texts)  # "Mr. Ban told"
    assert any(text.startswith("That means countering") for text in texts)  # "he said"
    council_quote = Quote.objects.get(text__startswith="the scourge of terrorism")
    assert council_quote.speaker is not None
    assert council_quote.speaker != ban
    assert "Council" in council_quote.speaker.name


def test_a_second_import_changes_nothing(sample_story):
    import_path(sample_story)
    before = list(Quote.objects.values_list("id", "text"))
    assert import_path(sample_story) is Outcome.UNCHANGED
    assert Article.objects.count() == 1
    assert list(Quote.objects.values_list("id", "text")) == before


def test_a_changed_story_is_updated_in_place(tmp_path):
    path = write_story(tmp_path)
    assert import_path(path) is Outcome.CREATED
    article_id = Article.objects.get().id
    path.write_text(path.read_text().replace("had doubled", "had tripled"), encoding="utf-8")
    assert import_path(path) is Outcome.UPDATED
    article = Article.objects.get()
    assert article.id == article_id
    assert "had tripled" in article.body


def test_same_headline_on_another_day_is_another_story(tmp_path):
    import_path(write_story(tmp_path, "a.txt", day="3 March 2015"))
    import_path(write_story(tmp_path, "b.txt", day="4 March 2015"))
    assert Article.objects.count() == 2
    assert Article.objects.values("slug").distinct().count() == 2


def test_a_speaker_is_one_row_across_stories(tmp_path):
    import_path(write_story(tmp_path, "a.txt", title="Measles cases double"))
    import_path(write_story(tmp_path, "b.txt", title="Measles cases fall", day="9 May 2016"))
    assert Speaker.objects.filter(name="Amina Diallo").count() == 1
    assert Quote.objects.filter(speaker__name="Amina Diallo").count() == 2


def test_dry_run_writes_nothing(tmp_path):
    report = import_sources([str(write_story(tmp_path))], dry_run=True)
    assert (report.created, report.failed) == (1, 0)
    assert Article.objects.count() == 0
    assert Speaker.objects.count() == 0


def test_directory_import_counts_skipped_files_and_reports_failures(tmp_path):
    write_story(tmp_path, "good.txt")
    (tmp_path / "README.md").write_text("# not a story\n")
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / ".git").mkdir()
    write_story(tmp_path / ".git", "hidden.txt")  # hidden folders are not walked
    report = import_sources([str(tmp_path)])
    assert (report.created, report.skipped, report.failed) == (1, 2, 1)
    [(name, reason)] = report.failures
    assert name.endswith("empty.txt")
    assert "empty" in reason
    assert report.summary() == "1 created, 0 updated, 0 unchanged, 1 failed, 2 skipped"


def test_parallel_parsing_gives_the_same_result(tmp_path):
    for number in range(6):
        write_story(tmp_path, f"s{number}.txt", title=f"Story number {number}")
    report = import_sources([str(tmp_path)], jobs=2)
    assert (report.created, report.failed) == (6, 0)
    assert Article.objects.count() == 6


def parsed_story(title, day, speakers, quotes):
    article = ParsedArticle(
        source_format="text",
        title=title,
        published=day,
        body=tuple(f"“{text},” said someone." for text, _ in quotes),
        speakers=tuple(speakers),
        quotes=tuple(
            ParsedQuote(text, speaker, "said someone", index, 1, 1 + len(text))
            for index, (text, speaker) in enumerate(quotes)
        ),
    )
    return ParsedStory(article=article, source_labels=(), raw=b"", raw_name="test")


@pytest.mark.parametrize("one_run", [False, True], ids=["separate runs", "one run"])
def test_speakers_keep_one_row_gather_aliases_and_take_the_newest_title(one_run):
    older = parsed_story(
        "Refugee chief visits camps",
        date(2010, 6, 20),
        [
            ParsedSpeaker(
                "António Guterres", "UN High Commissioner for Refugees", aliases=("Mr. Guterres",)
            )
        ],
        [("We must do more", "António Guterres")],
    )
    newer = parsed_story(
        "Secretary-General opens session",
        date(2017, 9, 19),
        [ParsedSpeaker("António Guterres", "UN Secretary-General", aliases=("the UN chief",))],
        [("Peace is our goal", "António Guterres")],
    )
    writer = StoryWriter() if one_run else None  # one run remembers the rows it has met
    save_story(newer, writer=writer)
    save_story(older, writer=writer)
    guterres = Speaker.objects.get()
    assert guterres.slug == "antonio-guterres"
    assert guterres.title == "UN Secretary-General"  # the older story does not overwrite it
    assert guterres.aliases == ["the UN chief", "Mr. Guterres"]
    assert guterres.quotes.count() == 2


def test_a_bare_family_name_joins_the_one_person_who_has_it():
    save_story(
        parsed_story(
            "Floods in the north",
            date(2023, 5, 1),
            [ParsedSpeaker("Solange Ngarmbassa", "UNHCR Representative in Chad")],
            [("Rains are coming", "Solange Ngarmbassa")],
        )
    )
    save_story(
        parsed_story(
            "Floods recede",
            date(2023, 6, 1),
            [ParsedSpeaker("Ngarmbassa")],
            [("Water is falling", "Ngarmbassa")],
        )
    )
    speaker = Speaker.objects.get()
    assert speaker.name == "Solange Ngarmbassa"
    assert "Ngarmbassa" in speaker.aliases
    assert speaker.quotes.count() == 2


def test_a_story_that_fails_leaves_nothing_behind_for_the_next_one():
    writer = StoryWriter()
    speakers = [ParsedSpeaker("Amina Diallo", "UNICEF Representative")]
    story = parsed_story("Measles cases double", date(2015, 3, 3), speakers, [("We act", None)])
    # The database refuses the quote (a negative offset) after the speaker row is written.
    quotes = (replace(story.article.quotes[0], speaker="Amina Diallo", start=-1),)
    broken = replace(story, article=replace(story.article, quotes=quotes))
    with pytest.raises(IntegrityError):
        save_story(broken, writer=writer)
    assert not Speaker.objects.exists()
    story = parsed_story(
        "Measles cases fall", date(2016, 5, 9), speakers, [("We did", "Amina Diallo")]
    )
    assert save_story(story, writer=writer) is Outcome.CREATED
    assert Quote.objects.get().speaker == Speaker.objects.get(name="Amina Diallo")


def test_copies_of_one_story_in_one_run_are_one_article(tmp_path):
    write_story(tmp_path, "first.txt")
    copy = write_story(tmp_path, "second.txt")
    copy.write_text(copy.read_text().replace("had doubled", "had tripled"), encoding="utf-8")
    with CaptureQueriesContext(connection) as queries:
        report = import_sources([str(tmp_path)])  # saved as one batch, looked up together
    assert (report.created, report.updated, report.failed) == (1, 1, 0)
    assert "had tripled" in Article.objects.get().body
    # The batch is read once and the first copy is remembered as written: the second is
    # found without another lookup (only the re-read that locks its row), not through a
    # failed insert and a retry.
    lookups = [q["sql"] for q in queries if q["sql"].startswith('SELECT "articles_article"')]
    assert len(lookups) == 2


def test_an_unattributed_quote_is_kept_without_a_speaker():
    save_story(parsed_story("Night in the camp", date(2023, 5, 1), [], [("We wait", None)]))
    quote = Quote.objects.get()
    assert (quote.text, quote.speaker) == ("We wait", None)


FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>UN News - {label}</title><link>https://news.un.org/feed/subscribe/en/news/{kind}/{slug}/feed/rss.xml</link>
<description>UN News</description><item><title>Drought deepens across the Horn</title>
<link>https://news.un.org/feed/view/en/story/2023/05/1136700</link>
<description><![CDATA[Millions face hunger as a sixth rainy season fails.]]></description>
<pubDate>Wed, 24 May 2023 21:40:00 -0400</pubDate></item></channel></rss>"""


def test_a_story_in_two_feeds_is_one_article_with_both_labels(tmp_path):
    africa = tmp_path / "africa.xml"
    africa.write_text(FEED.format(label="Africa", kind="region", slug="africa"))
    climate = tmp_path / "climate.xml"
    climate.write_text(FEED.format(label="Climate Change", kind="topic", slug="climate-change"))
    import_sources([str(africa)])
    report = import_sources([str(climate)])
    assert (report.created, report.updated) == (0, 1)
    article = Article.objects.get()
    assert article.url == "https://news.un.org/en/story/2023/05/1136700"
    assert article.published == date(2023, 5, 24)  # New York date, not UTC's 25 May
    assert {"Africa", "Climate Change"} <= set(article.topics.values_list("name", flat=True))
    again = import_sources([str(africa), str(climate)])
    assert (again.updated, again.unchanged) == (0, 2)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the one-statement insert is PostgreSQL's"
)
def test_a_new_story_in_one_statement_gives_the_rows_the_orm_gives(sample_story):
    story = parse_stories(sample_story.read_bytes(), name=sample_story.name)[0]

    def rows(article):
        fields = {f.attname for f in Article._meta.concrete_fields} - {"id", "imported", "updated"}
        quotes = article.quotes.order_by("position").values(
            "speaker_id",
            "position",
            "text",
            "speaker_mention",
            "paragraph",
            "start",
            "end",
            "end_paragraph",
            "partial",
        )
        values = Article.objects.filter(pk=article.pk).values(*fields).get()
        topics = sorted(article.topics.values_list("slug", flat=True))
        return values, topics, list(quotes)

    save_story(story, writer=StoryWriter(one_statement=True))
    fast = Article.objects.get()
    fast_rows = rows(fast)
    fast.delete()
    save_story(story, writer=StoryWriter(one_statement=False))
    assert rows(Article.objects.get()) == fast_rows
    assert len(fast_rows[2]) >= 5 and fast_rows[1]  # the story has quotes and topics


def three_item_feed(tmp_path):
    items = "".join(
        f"<item><title>Story number {n} on the drought</title>"
        f"<link>https://news.un.org/feed/view/en/story/2023/05/11367{n:02d}</link>"
        f"<description><![CDATA[Millions face hunger &amp; thirst, item {n}.]]></description>"
        f"<pubDate>Wed, 24 May 2023 21:40:00 -0400</pubDate></item>"
        for n in range(3)
    )
    feed = tmp_path / "africa.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>UN News - Africa</title><description>UN News</description>{items}"
        "</channel></rss>"
    )
    return feed


def test_each_feed_item_keeps_its_own_source_not_the_whole_feed(tmp_path):
    feed = three_item_feed(tmp_path)
    assert import_sources([str(feed)]).created == 3
    for article in Article.objects.all():
        raw = bytes(article.raw_source).decode()
        assert article.title in raw and raw.count("<item>") == 1
        assert len(raw) < feed.stat().st_size
    # a reparse reads each item back from its own source: nothing changes
    Article.objects.update(content_hash="from-an-older-extractor")
    from articles.importing import reextract_articles

    report = reextract_articles(Article.objects.all())
    assert (report.updated, report.failed) == (3, 0)
    assert set(Article.objects.values_list("published", flat=True)) == {date(2023, 5, 24)}
    assert all("Africa" in a.topics.values_list("name", flat=True) for a in Article.objects.all())
    assert Article.objects.filter(lede="Millions face hunger & thirst, item 1.").exists()


def test_a_feed_over_the_item_cap_is_read_up_to_it_and_says_so(tmp_path, monkeypatch):
    import articles.reading

    monkeypatch.setattr(articles.reading, "MAX_FEED_ITEMS", 2)
    said = []
    report = import_sources(
        [str(three_item_feed(tmp_path))],
        notify=lambda name, reason, warning=False: said.append(reason),
    )
    assert report.created == 2
    assert "read the first 2 of its 3 items" in said
