"""Every file in ../shared/bad-inputs gets the outcome its README gives, at parse level."""

import time
import tracemalloc

import pytest

from articles.extraction.formats import looks_like_story_file, read_documents
from articles.extraction.records import ParseError

REFUSED = {
    "empty.txt": "empty",
    "blank.txt": "empty",
    "binary.txt": "not text",
    "image.html": "not text",
    "listing.html": "no story found",
    "bomb.xml": "refused",
    "xxe.xml": "refused",
    "truncated.xml": "malformed feed",
}


@pytest.fixture
def bad_inputs(shared_dir):
    return shared_dir / "bad-inputs"


@pytest.mark.parametrize(("name", "reason"), sorted(REFUSED.items()))
def test_unreadable_input_is_refused_with_a_one_line_reason(bad_inputs, name, reason):
    with pytest.raises(ParseError) as raised:
        read_documents(bad_inputs.joinpath(name).read_bytes(), name=name)

    message = str(raised.value)
    assert message.startswith(reason)
    assert "\n" not in message


def test_entity_bomb_is_refused_quickly_in_little_memory(bad_inputs):
    data = bad_inputs.joinpath("bomb.xml").read_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ParseError, match="entit"):
        read_documents(data, name="bomb.xml")
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    assert elapsed < 1.0
    assert peak < 5_000_000


def test_external_entity_is_never_resolved(bad_inputs):
    with pytest.raises(ParseError) as raised:
        read_documents(bad_inputs.joinpath("xxe.xml").read_bytes(), name="xxe.xml")

    assert "root:" not in str(raised.value)


def test_undeclared_cp1252_dump_decodes_quotes_and_accents(bad_inputs):
    (article,) = read_documents(bad_inputs.joinpath("cp1252-undeclared.txt").read_bytes())

    assert article.source_format == "text"
    assert article.title == "Water points restored in flood-hit district, UN agency reports"
    assert article.credit == "UN Photo/Test Credit"
    assert article.body[1] == (
        "“Every borehole we reopen keeps a clinic from overflowing,” said Marta Quillón, "
        "the agency’s field coordinator."
    )


def test_nul_bytes_are_removed(bad_inputs):
    (article,) = read_documents(bad_inputs.joinpath("nul-bytes.txt").read_bytes())

    assert article.title == "Fishing crews return in flood-hit district, UN agency reports"
    assert not any("\x00" in paragraph for paragraph in article.paragraphs)
    assert article.body[0].startswith(
        "Engineers working with the United Nations restored 12 harbours in a flood-hit district "
        "this week, the agency said"
    )


def test_readme_is_not_a_story_file_but_every_input_is(bad_inputs):
    names = sorted(path.name for path in bad_inputs.iterdir())

    assert [name for name in names if not looks_like_story_file(name)] == ["README.md"]
