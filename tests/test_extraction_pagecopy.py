"""Text copies of news.un.org pages and other plain text: headline, date, captions, body."""

from datetime import date

from articles.extraction import parse
from articles.extraction.formats import detect_format

COPY = """Global perspective Human stories

Envoy warns of ‘fragile calm’ in border region

Envoy warns of ‘fragile calm’ in border region

Special Representative Mara Kell
{first}

“We cannot mistake a pause for peace,” Ms. Kell said.
""".format(
    first="The top United Nations official in the border region today told the Security Council "
    "that the calm of recent weeks was fragile and that the mission needed more patrols."
)

DATED = """Ministers pledge new funds for river basin schools

12 March 2009

Children in a flooded village school.
UN Photo/Ana Ruiz
Children in a flooded village school.

{first}
""".format(
    first="Ministers from six countries today pledged new funds to rebuild schools along the "
    "river basin, the United Nations education agency said."
)


def test_a_page_copy_reads_the_headline_not_the_site_header():
    assert detect_format(COPY) == "plain"
    (story,) = parse(COPY.encode(), name="copy.txt")
    assert story.title == "Envoy warns of ‘fragile calm’ in border region"
    assert story.headline_printings == 2
    assert story.caption == "Special Representative Mara Kell"
    assert story.body[0].startswith("The top United Nations official")


def test_a_page_copy_reads_its_date_line_and_a_repeated_caption_with_its_credit():
    (story,) = parse(DATED.encode(), name="dated.txt", format="plain")
    assert story.published == date(2009, 3, 12)
    assert story.caption == "Children in a flooded village school."
    assert story.credit == "UN Photo/Ana Ruiz"
    assert story.body == (
        "Ministers from six countries today pledged new funds to rebuild schools along the "
        "river basin, the United Nations education agency said.",
    )


def test_each_line_of_a_copy_is_a_paragraph_so_a_quote_paragraph_stands_alone():
    (story,) = parse(COPY.encode(), name="copy.txt")
    assert story.body[-1] == "“We cannot mistake a pause for peace,” Ms. Kell said."
    assert [q.speaker for q in story.quotes][-1] == "Mara Kell"


def test_hard_wrapped_plain_text_joins_the_lines_of_a_paragraph():
    text = "A title line\n\nThe first paragraph runs\nover two lines.\n\nA second one.\n"
    (story,) = parse(text.encode(), name="notes.txt", format="plain")
    assert story.title == "A title line"
    assert story.body == ("The first paragraph runs over two lines.", "A second one.")


def test_a_dated_copy_without_the_centre_header_reads_its_dateline_and_first_paragraph():
    text = "Envoy urges calm in the capital\n\nGENEVA, 8 March 2011 – The envoy urged calm.\n"
    (story,) = parse(text.encode(), name="dated.txt")
    assert (story.title, story.published, story.dateline) == (
        "Envoy urges calm in the capital",
        date(2011, 3, 8),
        "GENEVA",
    )
    assert story.body == ("The envoy urged calm.",)


def test_a_reprints_furniture_before_the_headline_is_skipped():
    text = "Google Ads\n\ndate 2022-11-19 Left Menu\n\nEnvoy urges calm in the capital\n\n" + (
        "The envoy urged calm today as talks resumed between the two sides in the capital city."
    )
    (story,) = parse(text.encode(), name="reprint.txt")
    assert story.title == "Envoy urges calm in the capital"
