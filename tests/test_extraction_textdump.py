"""Text dumps of UN News Centre pages: header, headline, caption and credit, date line,
body with markdown links, and the News Tracker of related stories."""

from datetime import date

import pytest

from articles.extraction.formats import read_documents
from articles.extraction.records import RelatedLink
from articles.extraction.textdump import split_caption

DUMP = """



With breaking stories and
newswire products from

UN NEWS CENTRE



Floods displace thousands in river valley, UN agency says



Families wade through flood water near a relief camp. UNICEF/Amira Haddad

{dateline}

The UN [Children’s Fund](#) (UNICEF) said today that floods had displaced 12,000 people.

“We are moving water tanks in by boat,” the agency said in a statement.

Relief flights resumed on Tuesday.

News Tracker: past stories on this issue

[UNICEF warns of rising cholera risk](#)

[Rains expected to continue, says WMO](https://news.un.org/en/story/2020/01/1000001)
"""


def read_one(text: str, encoding: str = "utf-8") -> object:
    (article,) = read_documents(text.encode(encoding), name="story.txt")
    return article


def dump(dateline: str = "9 June 2011 –") -> str:
    return DUMP.format(dateline=dateline)


def test_seed_story_fields(sample_story):
    article = read_one(sample_story.read_text(encoding="utf-8"))

    assert article.source_format == "text"
    assert article.title == (
        "Coordinated global action crucial to defeat terrorism, Ban tells Security Council"
    )
    assert article.published == date(2012, 5, 4)
    assert article.caption == "Secretary-General Ban Ki-moon."
    assert article.credit == "UN Photo/Paulo Filgueiras"
    assert article.url is None
    assert article.lede == ""
    assert len(article.body) == 12
    assert article.related == (
        RelatedLink(
            title="Ban opens UN forum with call for enhanced global cooperation against terrorism",
            url="",
        ),
    )


def test_seed_body_has_markdown_links_reduced_to_their_text(sample_story):
    article = read_one(sample_story.read_text(encoding="utf-8"))

    assert article.body[0].startswith(
        "Stressing the need for an integrated response to terrorism, Secretary-General "
        "Ban Ki-moon said today"
    )
    assert article.body[1].endswith(
        "Mr. Ban told the Security Council, during its debate "
        "on threats to international peace and security caused "
        "by terrorist acts."
    )
    assert not any("](" in paragraph for paragraph in article.body)


def test_seed_body_stops_before_the_news_tracker(sample_story):
    article = read_one(sample_story.read_text(encoding="utf-8"))

    assert article.body[-1].startswith("It also emphasized the need for more enhanced cooperation")
    assert not any("News Tracker" in paragraph for paragraph in article.body)


def test_date_line_splits_caption_from_body():
    article = read_one(dump())

    assert article.title == "Floods displace thousands in river valley, UN agency says"
    assert article.published == date(2011, 6, 9)
    assert article.caption == "Families wade through flood water near a relief camp."
    assert article.credit == "UNICEF/Amira Haddad"
    assert article.body == (
        "The UN Children’s Fund (UNICEF) said today that floods had displaced 12,000 people.",
        "“We are moving water tanks in by boat,” the agency said in a statement.",
        "Relief flights resumed on Tuesday.",
    )


def test_tracker_links_become_related_stories_with_hash_as_no_url():
    article = read_one(dump())

    assert article.related == (
        RelatedLink(title="UNICEF warns of rising cholera risk", url=""),
        RelatedLink(
            title="Rains expected to continue, says WMO",
            url="https://news.un.org/en/story/2020/01/1000001",
        ),
    )


@pytest.mark.parametrize(
    "dateline",
    ["GENEVA, 8 March 2011 –", "TACLOBAN, Philippines, 12 November 2013 –", "8 March 2011 -"],
)
def test_city_datelines_are_date_lines(dateline):
    article = read_one(dump(dateline))

    assert article.published in (date(2011, 3, 8), date(2013, 11, 12))
    assert article.body[0].startswith("The UN Children’s Fund")
    assert article.caption == "Families wade through flood water near a relief camp."


def test_dateline_running_into_the_first_paragraph_keeps_the_paragraph_only():
    text = dump("GAZIANTEP, Türkiye, 9 February 2023 – Aid convoys crossed the border today.")
    article = read_one(text)

    assert article.published == date(2023, 2, 9)
    assert article.body[0] == "Aid convoys crossed the border today."
    assert len(article.body) == 4


def test_dump_without_caption_reads_the_date_right_after_the_title():
    text = dump().replace(
        "Families wade through flood water near a relief camp. UNICEF/Amira Haddad\n", ""
    )
    article = read_one(text)

    assert article.caption == ""
    assert article.credit == ""
    assert article.published == date(2011, 6, 9)
    assert len(article.body) == 3


def test_dump_without_news_tracker_keeps_every_paragraph_in_the_body():
    text = dump().split("News Tracker")[0]
    article = read_one(text)

    assert article.related == ()
    assert article.body[-1] == "Relief flights resumed on Tuesday."


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_read_like_lf(line_end):
    article = read_one(dump().replace("\n", line_end))

    assert article == read_one(dump())


def test_byte_order_mark_is_not_part_of_the_text():
    (article,) = read_documents(b"\xef\xbb\xbf" + dump().encode(), name="story.txt")

    assert article.source_format == "text"
    assert article.title == "Floods displace thousands in river valley, UN agency says"


def test_straight_quotes_are_kept_as_written():
    text = dump().replace("“", '"').replace("”", '"').replace("’", "'")
    article = read_one(text)

    assert (
        article.body[1] == '"We are moving water tanks in by boat," the agency said in a statement.'
    )
    assert article.body[0].startswith("The UN Children's Fund")


def test_paragraph_wrapped_over_lines_is_joined_with_spaces():
    text = dump().replace(
        "Relief flights resumed on Tuesday.", "Relief flights\nresumed on Tuesday."
    )
    article = read_one(text)

    assert article.body[-1] == "Relief flights resumed on Tuesday."


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "Secretary-General Ban Ki-moon. UN Photo/Paulo Filgueiras",
            ("Secretary-General Ban Ki-moon.", "UN Photo/Paulo Filgueiras"),
        ),
        ("A girl at school. UNICEF/Nadia Bseiso", ("A girl at school.", "UNICEF/Nadia Bseiso")),
        ("Food aid in Gaza. © WFP/Ali Jadallah", ("Food aid in Gaza.", "© WFP/Ali Jadallah")),
        (
            "Reporters at a briefing. UN News/Daniel Johnson",
            ("Reporters at a briefing.", "UN News/Daniel Johnson"),
        ),
        (
            "Convoy on the Rafah/Kerem road. OCHA/Themba Linden",
            ("Convoy on the Rafah/Kerem road.", "OCHA/Themba Linden"),
        ),
        ("A market in Juba.", ("A market in Juba.", "")),
    ],
)
def test_caption_credit_split(caption, expected):
    assert split_caption(caption) == expected


def test_development_dumps_have_their_variants_read(shared_dir):
    texts = shared_dir / "extraction-dev" / "texts"
    crlf = read_one(texts.joinpath("t16_2017_guterres_prevention.txt").read_text("utf-8"))
    inline = read_one(texts.joinpath("t26_2023_turkiye_syria_quake.txt").read_text("utf-8"))
    city = read_one(texts.joinpath("t11_2013_typhoon_children.txt").read_text("utf-8"))

    assert crlf.credit == "UN Photo/Mirela Kovač"
    assert not any("\r" in paragraph for paragraph in crlf.body)
    assert inline.body[0].startswith("United Nations agencies today stepped up relief efforts")
    assert city.published == date(2013, 11, 12)
    assert city.caption == "A child sits amid debris in Tacloban after the typhoon."


def test_header_without_blank_lines_is_still_not_the_title():
    text = dump().replace(
        "newswire products from\n\nUN NEWS CENTRE\n\n\n\n",
        "newswire products from\nUN NEWS CENTRE\n",
    )
    article = read_one(text)

    assert article.title == "Floods displace thousands in river valley, UN agency says"
    assert article.caption == "Families wade through flood water near a relief camp."
