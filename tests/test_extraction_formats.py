"""Decoding and format detection: bytes in, the right reader chosen, plain text last."""

import json
from datetime import date

import pytest

from articles.extraction.decoding import decode
from articles.extraction.formats import (
    detect_format,
    looks_like_story_file,
    read_documents,
)
from articles.extraction.records import ParseError

DUMP = (
    "With breaking stories and\nnewswire products from\n\nUN NEWS CENTRE\n\n"
    "Headline of the story\n\n4 May 2012 –\n\nFirst paragraph.\n"
)
PAGE = (
    "<!DOCTYPE html><html><body><article><h1>Headline</h1>"
    '<div class="field-name-field-text-column"><div class="field-item"><p>Body.</p></div></div>'
    "</article></body></html>"
)
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>UN News</title>'
    "<item><title>A story</title><link>https://news.un.org/en/story/2023/05/1</link>"
    "<pubDate>Fri, 26 May 2023 10:00:00 -0400</pubDate></item></channel></rss>"
)


def test_decode_normalises_line_ends_and_removes_nul_bytes():
    assert decode(b"a\r\nb\rc\nd\x00e") == "a\nb\nc\nde"


def test_decode_drops_the_utf8_byte_order_mark():
    assert decode("\ufeffTitre – été".encode()) == "Titre – été"


def test_decode_falls_back_to_cp1252_for_undeclared_legacy_text():
    assert decode("“Quillón’s”".encode("cp1252")) == "“Quillón’s”"


def test_decode_reads_a_latin1_declaration_as_windows_1252_like_browsers():
    page = '<meta charset="ISO-8859-1"><p>“Quillón”</p>'.encode("cp1252")

    assert decode(page) == '<meta charset="ISO-8859-1"><p>“Quillón”</p>'


def test_decode_does_not_force_cp1252_on_other_scripts():
    russian = "Генеральный секретарь ООН заявил сегодня, что мир должен действовать"

    assert decode(russian.encode("cp1251")) == russian


def test_decode_follows_a_declared_charset_when_the_bytes_are_not_utf8():
    page = '<meta charset="iso-8859-15"><p>50 €</p>'.encode("iso-8859-15")

    assert decode(page) == '<meta charset="iso-8859-15"><p>50 €</p>'


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \n\t\r\n ", "empty"),
        (b"\x00\x00\x00\n", "not text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not text"),
        (bytes(range(256)) * 4, "not text"),
    ],
)
def test_decode_refuses_empty_and_binary_input(data, reason):
    with pytest.raises(ParseError, match=f"^{reason}"):
        decode(data)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (DUMP, "text"),
        # without the Centre's header, a dated story is a copy of a page, read line by line
        ("Headline\n\nGENEVA, 8 March 2011 – Text follows.\n", "plain"),
        (PAGE, "html"),
        ("<html><head><title>x</title></head></html>", "html"),
        (RSS, "rss"),
        ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', "rss"),
        ('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "rss"),
        ('<?xml version="1.0"?>\n<!-- cached -->\n<!DOCTYPE rss [ ]>\n<rss version="2.0">', "rss"),
        ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "html"),
        ("A title\n\nJust some notes.\n", "plain"),
    ],
)
def test_format_is_sniffed_from_content(text, expected):
    assert detect_format(text) == expected


def test_each_format_goes_to_its_reader():
    assert read_documents(DUMP.encode())[0].source_format == "text"
    assert read_documents(PAGE.encode())[0].source_format == "html-2017"
    assert read_documents(RSS.encode())[0].source_format == "rss"
    assert read_documents(b"A title\n\nNotes.")[0].source_format == "plain"


def test_format_argument_overrides_detection():
    (article,) = read_documents(DUMP.encode(), format="plain")

    assert article.source_format == "plain"
    assert article.title == "With breaking stories and"


def test_forced_format_still_refuses_empty_input():
    with pytest.raises(ParseError, match="^empty"):
        read_documents(b"  \n", format="rss")


def test_unknown_format_argument_is_an_error():
    with pytest.raises(ParseError, match="unknown format 'pdf'"):
        read_documents(DUMP.encode(), format="pdf")


def test_plain_text_first_line_is_the_title_and_blank_lines_split_paragraphs():
    (article,) = read_documents(
        b"\n\nA plain title\nFirst paragraph\ncontinues here.\n\n\nSecond one.\n", name="notes.txt"
    )

    assert article.source_format == "plain"
    assert article.title == "A plain title"
    assert article.body == ("First paragraph continues here.", "Second one.")
    assert article.published is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("story.txt", True),
        ("dir/page.HTML", True),
        ("page.htm", True),
        ("feed.xml", True),
        ("feed.rss", True),
        ("README.md", False),
        ("feeds_expected.json", False),
        ("un_news.csv", False),
        ("photo.png", False),
        (".hidden.txt", False),
        ("Makefile", False),
    ],
)
def test_looks_like_story_file(name, expected):
    assert looks_like_story_file(name) is expected


def test_whole_development_set_has_gold_titles_and_dates(shared_dir):
    dev = shared_dir / "extraction-dev"
    gold = {
        record["id"]: record
        for record in map(json.loads, dev.joinpath("gold.jsonl").read_text("utf-8").splitlines())
    }
    paths = sorted([*dev.glob("texts/*.txt"), *dev.glob("html/*.html")])
    assert len(paths) == len(gold) == 42
    for path in paths:
        (article,) = read_documents(path.read_bytes(), name=path.name)
        published = article.published.isoformat() if article.published else None
        assert (article.title, published) == (
            gold[path.stem]["title"],
            gold[path.stem]["published"],
        ), path.name


def test_development_text_dumps_are_text_with_credits_and_no_lede(shared_dir):
    for path in sorted((shared_dir / "extraction-dev" / "texts").glob("*.txt")):
        (article,) = read_documents(path.read_bytes(), name=path.name)
        assert article.source_format == "text", path.name
        assert article.credit.startswith("UN Photo/"), path.name
        assert article.lede == "" and len(article.body) >= 8, path.name
        assert article.related, path.name
        assert isinstance(article.published, date), path.name


def test_story_without_its_own_url_takes_the_address_it_was_fetched_from():
    fetched = "http://news.un.org//en/story/2012/05/410392-slug?from=list"
    (from_url,) = read_documents(DUMP.encode(), name=fetched)
    (from_file,) = read_documents(DUMP.encode(), name="dump.txt")

    assert from_url.url == "https://news.un.org/en/story/2012/05/410392"
    assert (from_url.story_id, from_url.language) == ("410392", "en")
    assert from_file.url is None
