"""news.un.org story pages, 2023+ and 2017–2023 layouts, including broken pages."""

import json
from datetime import date

import pytest

from articles.extraction.formats import read_documents
from articles.extraction.html import newsroom_date
from articles.extraction.records import ParseError, RelatedLink

NAV = """
<nav><ul class="menu">
  <li><a href="/en/news/topic/peace-and-security">Peace and Security</a></li>
  <li><a href="/en/news/topic/health">Health</a></li>
  <li><a href="/en/news/topic/women">Women</a></li>
  <li><a href="/en/news/region/europe">Europe</a></li>
  <li><a href="/en/news/region/americas">Americas</a></li>
</ul></nav>
"""

PAGE_2023 = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8" />
<link rel="canonical" href="https://news.un.org/en/story/2023/05/1136952" />
<meta property="og:image" content="https://example.org/lead.jpg" />
<title>Floods: UN rushes aid to South Kivu | UN News</title>
<script type="application/ld+json">{{"headline": "Floods: UN rushes aid to South Kivu"}}</script>
</head><body>{NAV}
<main><article class="node node--type-news-story">
  <div class="views-row">
    <span class="views-field views-field-field-news-date"><span class="field-content">
      <time datetime="2023-05-25T01:40:00Z" class="datetime">24 May 2023</time></span></span>
    <span class="views-field views-field-field-news-topics"><span class="field-content">
      <a href="/en/news/topic/humanitarian-aid">Humanitarian Aid</a>,
      <a href="/en/news/topic/climate-change">Climate and Environment</a></span></span>
    <span class="views-field views-field-field-news-region"><span class="field-content">
      <a href="/en/news/region/africa">Africa</a></span></span>
  </div>
  <h1 class="page-title"><span class="field field--name-title"
    >Floods: UN rushes aid to South Kivu</span></h1>
  <div class="node__media"><figure class="media"><img src="/files/kivu.jpg" />
    <figcaption><span class="media-caption">Residents search through debris.</span>
    <span class="media-credit">© UNICEF/Josué Mulumba</span></figcaption></figure></div>
  <div class="clearfix text-formatted field field--name-field-news-story-lead"><p>Three weeks after
    the floods, <a href="/en/tags/floods">aid</a> is arriving.</p></div>
  <div class="clearfix text-formatted field field--name-field-text-column field__item">
    <p>More than 400 people were killed.</p>
    <div class="media media--type-image"><p>Photo essay caption</p></div>
    <blockquote class="type-twitter"><p>Tweet text</p></blockquote>
    <h3>Food and shelter</h3>
    <p>“Families are still digging,” said a <strong>UNICEF</strong> officer.</p>
    <script>var x = "not text";</script>
    <h4>What next</h4>
    <p>Rains are forecast.<br/>More aid is planned.</p>
  </div>
  <div class="field field--name-field-tags">
    <a href="/en/tags/democratic-republic-congo">Democratic Republic of the Congo</a>
    <a href="/en/tags/floods">floods</a>
  </div>
</article>
<div id="block-related-stories"><div class="views-row">
  <h2 class="node__title"><a href="/en/story/2023/05/1136522">DR Congo: UN condemns attack</a></h2>
  <div class="field--name-field-news-story-lead"><p>“They shot at us,” a survivor said.</p></div>
</div></div></main></body></html>
"""

PAGE_2017 = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta property="og:url" content="http://news.un.org//en/story/2018/03/1004312?utm_source=x" />
<title>Rohingya refugees face monsoon risk | UN News</title></head>
<body>{NAV}
<section class="col-sm-9"><h1 class="title" id="page-title">Rohingya refugees face monsoon risk</h1>
<div class="region region-content"><section id="block-system-main">
<div class="node node-news-story">
  <div class="story-header">
    <span class="date-display-single" content="2018-03-06T00:00:00-05:00">6 March 2018</span>
    <div class="field field-name-field-news-topics"><div class="field-items">
      <div class="field-item"><a href="/en/news/topic/migrants-and-refugees"
        >Migrants and Refugees</a></div>
    </div></div>
    <div class="field field-name-field-news-region"><div class="field-items">
      <div class="field-item"><a href="/en/news/region/asia-pacific">Asia Pacific</a></div>
    </div></div>
  </div>
  <div class="field field-name-field-image-single"><div class="field-items"><div class="field-item">
    <img src="https://example.org/camp.jpg" />
    <div class="image-caption">Refugees carry bamboo poles.
      <span class="photo-credit">UN Photo/Nasrin Falk</span></div>
  </div></div></div>
  <div class="field field-name-field-news-story-lead">
    <div class="field-items"><div class="field-item">
    <p>More than 100,000 refugees are at risk of landslides.</p></div></div></div>
  <div class="field field-name-field-text-column"><div class="field-items"><div class="field-item">
    <p>The refugees fled violence in Myanmar.</p>
    <p>“The camps were built in a hurry,” the agency said.</p>
  </div></div></div>
  <div class="field field-name-field-tags"><a href="/en/tags/rohingya">Rohingya</a></div>
  <div class="related-stories"><ul>
    <li><a href="/en/story/2018/03/1004162">Joint response plan</a></li></ul></div>
</div></section></div></section></body></html>
"""


def read_page(markup: str | bytes, name: str = "story.html"):
    data = markup.encode("utf-8") if isinstance(markup, str) else markup
    (article,) = read_documents(data, name=name)
    return article


def test_2023_page_structure():
    article = read_page(PAGE_2023)

    assert article.source_format == "html-2023"
    assert article.title == "Floods: UN rushes aid to South Kivu"
    assert article.url == "https://news.un.org/en/story/2023/05/1136952"
    assert (article.story_id, article.language) == ("1136952", "en")
    assert article.lede == "Three weeks after the floods, aid is arriving."
    assert article.caption == "Residents search through debris."
    assert article.credit == "© UNICEF/Josué Mulumba"
    assert article.image_url == "https://example.org/lead.jpg"
    assert article.tags == ("Democratic Republic of the Congo", "floods")  # not body links


def test_2023_body_keeps_paragraphs_and_subheads_without_media_tweets_or_scripts():
    article = read_page(PAGE_2023)

    assert article.body == (
        "More than 400 people were killed.",
        "Food and shelter",
        "“Families are still digging,” said a UNICEF officer.",
        "What next",
        "Rains are forecast. More aid is planned.",
    )
    # Heading indexes point into `paragraphs`, which starts with the lede.
    assert article.headings == (2, 4)
    assert [article.paragraphs[i] for i in article.headings] == ["Food and shelter", "What next"]


def test_published_is_the_new_york_date_not_the_utc_date():
    assert read_page(PAGE_2023).published == date(2023, 5, 24)
    assert newsroom_date("2023-05-25T01:40:00Z") == date(2023, 5, 24)
    assert newsroom_date("2023-07-01T03:59:00+00:00") == date(2023, 6, 30)
    assert newsroom_date("2023-12-01T04:59:00Z") == date(2023, 11, 30)  # EST, not EDT
    assert newsroom_date("2018-03-06T00:00:00-05:00") == date(2018, 3, 6)
    assert newsroom_date("not a date") is None


def test_topics_and_regions_come_from_the_story_header_not_the_menu():
    article = read_page(PAGE_2023)

    # The URL slug names the topic, whatever the link text says.
    assert article.topics == ("Humanitarian Aid", "Climate Change")
    assert article.regions == ("Africa",)


def test_related_story_leads_are_not_the_lede_but_related_links():
    article = read_page(PAGE_2023)

    assert "They shot at us" not in " ".join(article.paragraphs)
    assert article.related == (
        RelatedLink(
            title="DR Congo: UN condemns attack", url="https://news.un.org/en/story/2023/05/1136522"
        ),
    )


def test_2017_page_structure():
    article = read_page(PAGE_2017)

    assert article.source_format == "html-2017"
    assert article.title == "Rohingya refugees face monsoon risk"
    assert article.url == "https://news.un.org/en/story/2018/03/1004312"  # from og:url, tidied
    assert article.story_id == "1004312"
    assert article.published == date(2018, 3, 6)
    assert article.lede == "More than 100,000 refugees are at risk of landslides."
    assert article.body == (
        "The refugees fled violence in Myanmar.",
        "“The camps were built in a hurry,” the agency said.",
    )
    assert article.headings == ()
    assert article.topics == ("Migrants and Refugees",)
    assert article.regions == ("Asia Pacific",)
    assert article.caption == "Refugees carry bamboo poles."
    assert article.credit == "UN Photo/Nasrin Falk"
    assert article.image_url == "https://example.org/camp.jpg"
    assert article.tags == ("Rohingya",)
    assert article.related[0].url == "https://news.un.org/en/story/2018/03/1004162"


def test_page_with_cp1252_declared_in_meta_decodes_curly_quotes_and_accents():
    page = PAGE_2017.replace("charset=utf-8", "charset=windows-1252").replace(
        "the agency said.", "said António Vitorino."
    )
    article = read_page(page.encode("cp1252"))

    assert article.body[1] == "“The camps were built in a hurry,” said António Vitorino."


def test_unclosed_lead_paragraph_does_not_swallow_the_body():
    broken = (
        '<html><body><article class="node node--type-news-story">'
        '<h1><span class="field--name-title">Haiti: violence at unbearable levels'
        '<div class="views-field views-field-field-news-story-lead"><div class="field-content">'
        "<p>Killings have reached unbearable levels."
        '<div class="clearfix text-formatted field field--name-field-text-column field__item">'
        "<p>More than 1,500 people were killed.<p>“No one is untouched,” Mr. Türk said."
        "</span></div>"
    )
    article = read_page(broken)

    assert article.title == "Haiti: violence at unbearable levels"
    assert article.lede == "Killings have reached unbearable levels."
    assert article.body == (
        "More than 1,500 people were killed.",
        "“No one is untouched,” Mr. Türk said.",
    )
    assert article.published is None


def test_truncated_page_without_body_gives_the_lead_only():
    truncated = PAGE_2017.split('<div class="field field-name-field-text-column">')[0]
    truncated += '<aside><a href="/en/story/2019/02/10'
    article = read_page(truncated)

    assert article.lede == "More than 100,000 refugees are at risk of landslides."
    assert article.body == ()
    assert article.paragraphs == ("More than 100,000 refugees are at risk of landslides.",)


def test_page_without_a_story_is_refused():
    listing = (
        '<!DOCTYPE html><html><body><nav><a href="/en/news/topic/health">Health</a></nav>'
        "<main><h2>Latest News</h2></main></body></html>"
    )
    with pytest.raises(ParseError, match="no story found"):
        read_page(listing)


def test_development_pages_agree_with_gold(shared_dir):
    dev = shared_dir / "extraction-dev"
    gold = {
        record["id"]: record
        for record in map(json.loads, dev.joinpath("gold.jsonl").read_text("utf-8").splitlines())
    }
    for path in sorted(dev.glob("html/*.html")):
        article = read_page(path.read_bytes(), name=path.name)
        expected = gold[path.stem]
        published = article.published.isoformat() if article.published else None
        assert (article.title, published, article.url) == (
            expected["title"],
            expected["published"],
            expected["url"],
        ), path.name
        assert list(article.topics) == expected["topics"], path.name
        assert list(article.regions) == expected["regions"], path.name
        assert article.story_id == expected["url"].rsplit("/", 1)[1], path.name


def test_development_broken_pages(shared_dir):
    html = shared_dir / "extraction-dev" / "html"
    haiti = read_page(html.joinpath("h11_haiti_gangs_broken.html").read_bytes())
    yemen = read_page(html.joinpath("h12_yemen_pledges_truncated.html").read_bytes())

    assert haiti.published is None
    assert len(haiti.body) == 6
    assert haiti.lede.startswith("Killings, kidnappings and sexual violence by armed gangs")
    assert not any(paragraph.startswith("Killings") for paragraph in haiti.body)
    assert yemen.body == ()
    assert yemen.lede.startswith("Donors pledged $2.6 billion")


def test_body_split_over_several_text_fields_is_read_in_page_order():
    page = PAGE_2023.replace(
        "<h4>What next</h4>",
        '</div><figure class="media"><img src="/x.jpg"/></figure>'
        '<div class="field--name-field-text-column"><h4>What next</h4>'
        "<ul><li>Water tanks</li><li>Shelter kits</li></ul>",
    )
    article = read_page(page)

    assert article.body[-5:] == (
        "“Families are still digging,” said a UNICEF officer.",
        "What next",
        "Water tanks",
        "Shelter kits",
        "Rains are forecast. More aid is planned.",
    )
    assert article.headings == (2, 4)


def test_page_without_h1_or_date_field_falls_back_to_its_metadata():
    page = (
        PAGE_2023.replace('<h1 class="page-title">', "<div>")
        .replace("</span></h1>", "</span></div>")
        .replace('class="views-field views-field-field-news-date"', "")
        .replace('class="datetime"', "")
        .replace(
            "<title>",
            '<meta property="article:published_time" content="2023-05-26T09:50:47-04:00" /><title>',
        )
    )
    article = read_page(page)

    assert article.title == "Floods: UN rushes aid to South Kivu"  # <title> without the suffix
    assert article.published == date(2023, 5, 26)


def test_listing_of_teasers_under_a_headline_is_not_a_story():
    listing = (
        "<html><body><main><h1>Health</h1>"
        '<article class="node node--type-news-story node--view-mode-teaser">'
        '<h2 class="node__title"><a href="/en/story/2023/05/1">A story</a></h2>'
        '<div class="field--name-field-news-story-lead"><p>Its lead.</p></div></article>'
        '<div class="views-row"><div class="field--name-field-news-story-lead"><p>Another.</p>'
        "</div></div></main></body></html>"
    )
    with pytest.raises(ParseError, match="no story found"):
        read_page(listing)


def test_lead_without_a_paragraph_tag_stops_before_the_body():
    page = PAGE_2023.replace(
        '<div class="clearfix text-formatted field field--name-field-news-story-lead"><p>',
        '<div class="views-field views-field-field-news-story-lead"><div class="field-content">',
    ).replace("is arriving.</p></div>", "is arriving.")
    article = read_page(page)

    assert article.lede == "Three weeks after the floods, aid is arriving."
    assert article.body[0] == "More than 400 people were killed."


def test_header_labels_without_topic_urls_are_matched_by_name():
    page = PAGE_2017.replace(
        'href="/en/news/topic/migrants-and-refugees"', 'href="/taxonomy/term/22"'
    )
    page = page.replace(
        '<div class="field-item"><a href="/en/news/region/asia-pacific">Asia Pacific</a></div>',
        '<div class="field-item">Asia Pacific, Nowhere</div>',
    )
    article = read_page(page)

    assert article.topics == ("Migrants and Refugees",)
    assert article.regions == ("Asia Pacific",)
