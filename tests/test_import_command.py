"""`import_articles` and `parse_article` as an admin runs them."""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import Article, Quote, Speaker
from tests.conftest import REPO

STORY = """UN NEWS CENTRE

Aid reaches flooded districts

Families wade through water. WFP/Karim Nadeem

{day} –

The World Food Programme (WFP) said it had reached 40,000 people.

“We are racing the next rains,” said Karim Nadeem, a WFP logistics officer.
"""


def run_import(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *args, stdout=out, stderr=err)
        status = 0
    except SystemExit as exit:
        status = exit.code
    return status, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_importing_the_sample_twice_reports_it_unchanged(sample_story):
    status, out, _ = run_import(str(sample_story))
    assert (status, out.strip()) == (0, "1 created, 0 updated, 0 unchanged, 0 failed")
    status, out, _ = run_import(str(sample_story))
    assert (status, out.strip()) == (0, "0 created, 0 updated, 1 unchanged, 0 failed")
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_a_failed_input_gets_one_line_and_exit_status_1(tmp_path):
    (tmp_path / "good.txt").write_text(STORY.format(day="2 June 2019"), encoding="utf-8")
    (tmp_path / "blank.txt").write_text("   \n\n  ")
    status, out, err = run_import(str(tmp_path), str(tmp_path / "missing.txt"))
    assert status == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert any(line.startswith(str(tmp_path / "blank.txt") + ": ") for line in lines)
    assert any("missing.txt: no such file" in line for line in lines)
    assert "Traceback" not in err
    assert out.strip() == "1 created, 0 updated, 0 unchanged, 2 failed"


@pytest.mark.django_db
def test_no_sources_is_a_usage_error():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="at least one"):
        call_command("import_articles", stdout=StringIO())


@pytest.mark.django_db
def test_reparse_rebuilds_quotes_from_the_stored_source(sample_story):
    run_import(str(sample_story))
    extracted = list(Quote.objects.values_list("text", "speaker__name"))
    # As if an older extractor had stored the story: other digest, its quotes lost.
    Article.objects.update(content_hash="from-an-older-extractor")
    Quote.objects.all().delete()
    status, out, _ = run_import("--reparse")
    assert (status, out.strip()) == (0, "0 created, 1 updated, 0 unchanged, 0 failed")
    assert list(Quote.objects.values_list("text", "speaker__name")) == extracted
    status, out, _ = run_import("--reparse")
    assert out.strip() == "0 created, 0 updated, 1 unchanged, 0 failed"


def test_parse_article_prints_the_contract_without_a_database(sample_story, capsys):
    call_command("parse_article", str(sample_story), "--format", "jsonl")
    [line] = capsys.readouterr().out.splitlines()
    parsed = json.loads(line)
    assert parsed["id"] == sample_story.stem
    assert parsed["title"].startswith("Coordinated global action crucial to defeat terrorism")
    assert parsed["published"] == "2012-05-04"
    assert parsed["url"] is None
    assert len(parsed["body"]) == 12
    for key in ("lede", "topics", "regions", "speakers", "quotes", "related"):
        assert key in parsed
    for quote in parsed["quotes"]:
        assert set(quote) >= {"text", "speaker", "speaker_mention", "paragraph", "partial"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_imports_create_no_duplicates(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers are a PostgreSQL matter; SQLite serialises them")
    for number in range(12):
        day = f"{number + 1} June 2019"
        (tmp_path / f"s{number}.txt").write_text(STORY.format(day=day), encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": _test_database_url()}
    command = [sys.executable, "manage.py", "import_articles", str(tmp_path)]
    runs = [subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE) for _ in "ab"]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    assert Article.objects.count() == 12
    assert Speaker.objects.filter(name="Karim Nadeem").count() == 1


def _test_database_url() -> str:
    settings = connection.settings_dict
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{settings['USER']}@{host}:{port}/{settings['NAME']}"


@pytest.mark.django_db
def test_a_file_over_the_size_cap_is_refused_without_being_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # 50 MB, sparse: the importer must not read it
    status, out, err = run_import(str(huge))
    assert status == 1
    assert err.strip() == f"{huge}: file is too large (50 MB; the limit is 10 MB)"
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_globs_pick_their_files_and_dry_run_writes_nothing(tmp_path):
    for name in ("a.txt", "b.txt", "c.html"):
        day = {"a.txt": "1 June 2019", "b.txt": "2 June 2019", "c.html": "3 June 2019"}[name]
        (tmp_path / name).write_text(STORY.format(day=day), encoding="utf-8")
    status, out, _ = run_import(str(tmp_path / "*.txt"), "--dry-run")
    assert (status, out.strip()) == (0, "Dry run: 2 created, 0 updated, 0 unchanged, 0 failed")
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_overlong_fields_are_cut_to_fit_and_said_so(tmp_path):
    name = "Amara " + "Okonkwo-" * 40 + "Adeyemi"
    story = tmp_path / "long.txt"
    story.write_text(
        "UN NEWS CENTRE\n\n"
        + "A very long headline " * 30
        + "\n\n"
        + "A caption. " * 120
        + "UN Photo/A. Person\n\n4 May 2012 –\n\n"
        + f"“We will not give up,” said {name}, a teacher in the town.\n",
        encoding="utf-8",
    )
    status, out, err = run_import(str(story))
    assert (status, out.strip()) == (0, "1 created, 0 updated, 0 unchanged, 0 failed")
    assert "title cut to 500 characters" in err
    assert "caption cut to 1000 characters" in err
    article = Article.objects.get()
    assert len(article.title) == 500 and article.title.endswith("…")
    assert len(article.caption) <= 1000
    assert all(len(s.name) <= 255 for s in Speaker.objects.all())


def test_a_speaker_name_longer_than_its_column_is_cut_and_its_quotes_follow():
    from articles.extraction.records import ParsedArticle, ParsedQuote, ParsedSpeaker
    from articles.importing import fit_story
    from articles.reading import ParsedStory

    name = "Amara " + "Okonkwo " * 40
    article = ParsedArticle(
        source_format="text",
        title="A short headline",
        speakers=(ParsedSpeaker(name),),
        quotes=(ParsedQuote("We will not give up", name, "said Amara", 0, 1, 5),),
    )
    fitted, cuts = fit_story(ParsedStory(article, (), b"", "long.txt"))
    (speaker,) = fitted.article.speakers
    assert len(speaker.name) <= 255 and speaker.name.endswith("…")
    assert fitted.article.quotes[0].speaker == speaker.name
    assert len(cuts) == 1 and cuts[0].startswith("speaker")


THICK = """UN NEWS CENTRE

Aid reaches flooded districts

4 May 2012 –

The World Food Programme (WFP) said it had reached 40,000 people in the flooded districts.

“We are racing the next rains,” said Karim Nadeem, a WFP logistics officer.

“Every road we open now is a road the water cannot close,” Mr. Nadeem added.

The agency said boats and trucks would carry food to the last cut-off villages this week.
"""


@pytest.mark.django_db
def test_a_thinner_copy_keeps_the_stored_story_unless_forced(tmp_path):
    full = tmp_path / "full.txt"
    full.write_text(THICK, encoding="utf-8")
    truncated = tmp_path / "truncated.txt"
    truncated.write_text(THICK.split("“We are racing")[0], encoding="utf-8")
    run_import(str(full))
    stored = Article.objects.get()
    status, out, err = run_import(str(truncated))
    assert status == 1
    assert "kept the stored copy, this one is thinner" in err and "--force" in err
    assert out.strip() == "0 created, 0 updated, 0 unchanged, 1 failed"
    kept = Article.objects.get()
    assert (kept.body, kept.quotes.count()) == (stored.body, 2)
    status, out, _ = run_import(str(truncated), "--force")
    assert (status, out.strip()) == (0, "0 created, 1 updated, 0 unchanged, 0 failed")
    assert Article.objects.get().quotes.count() == 0


@pytest.mark.django_db
def test_a_lost_database_ends_the_run_with_one_line_and_the_summary(tmp_path, monkeypatch):
    from django.db import OperationalError

    import articles.importing

    for day in range(1, 6):
        (tmp_path / f"story{day}.txt").write_text(STORY.format(day=f"{day} May 2012"))
    real_save, calls = articles.importing.save_story, []

    def save_until_the_server_stops(story, **options):
        calls.append(story)
        if len(calls) > 2:
            raise OperationalError("server closed the connection unexpectedly")
        return real_save(story, **options)

    monkeypatch.setattr(articles.importing, "save_story", save_until_the_server_stops)
    status, out, err = run_import(str(tmp_path))
    assert status == 1
    assert err.strip().splitlines() == [
        "database: lost the connection (server closed the connection unexpectedly); "
        "run the import again"
    ]
    assert out.strip() == "2 created, 0 updated, 0 unchanged, 1 failed"
    assert len(calls) == 3  # it stopped at the first failure, not once per story
    monkeypatch.setattr(articles.importing, "save_story", real_save)
    status, out, _ = run_import(str(tmp_path))
    assert (status, out.strip()) == (0, "3 created, 0 updated, 2 unchanged, 0 failed")


def _rows():
    """Everything an import writes, without ids and timestamps."""
    articles = sorted(
        Article.objects.values_list("story_key", "slug", "title", "body", "content_hash")
    )
    quotes = sorted(
        Quote.objects.values_list("article__story_key", "position", "text", "speaker__name")
    )
    return articles, quotes, sorted(Speaker.objects.values_list("name", "slug"))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_import_killed_mid_run_leaves_whole_stories_and_a_rerun_completes(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the fault test drives a second process against PostgreSQL")
    import signal
    import time

    months = "January February March April May June July August September October November December"
    for number in range(400):
        day = f"{number % 28 + 1} {months.split()[number % 12]} {1990 + number // 12 % 30}"
        (tmp_path / f"s{number:03d}.txt").write_text(STORY.format(day=day), encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": _test_database_url()}
    command = [sys.executable, "manage.py", "import_articles", str(tmp_path)]
    subprocess.run(command, cwd=REPO, env=env, capture_output=True, check=True, timeout=300)
    uninterrupted = _rows()
    assert len(uninterrupted[0]) == 400
    Article.objects.all().delete()
    Speaker.objects.all().delete()

    run = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    while Article.objects.count() < 40 and run.poll() is None:
        time.sleep(0.01)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    articles, quotes, _ = _rows()
    assert 0 < len(articles) < 400, "the import was not killed mid-run"
    # every story it left is whole: the same row and the same quotes as the full run's
    assert set(articles) <= set(uninterrupted[0])
    keys = {article[0] for article in articles}
    assert quotes == [q for q in uninterrupted[1] if q[0] in keys]

    subprocess.run(command, cwd=REPO, env=env, capture_output=True, check=True, timeout=300)
    assert _rows() == uninterrupted


def test_an_overlong_url_is_left_out_and_said_so():
    from articles.extraction.records import ParsedArticle
    from articles.importing import fit_story
    from articles.reading import ParsedStory

    long_url = "https://news.un.org/en/story/2023/05/1136642?" + "x" * 600
    article = ParsedArticle(source_format="html-2023", title="A headline", url=long_url)
    fitted, cuts = fit_story(ParsedStory(article, (), b"", "page.html"))
    assert fitted.article.url is None
    assert cuts == ["url left out: longer than 500 characters"]


@pytest.mark.django_db
def test_skipped_files_are_counted_and_named_at_verbosity_2(tmp_path):
    (tmp_path / "story.txt").write_text(STORY.format(day="4 May 2012"), encoding="utf-8")
    (tmp_path / "README.md").write_text("Notes about this folder.")
    status, out, _ = run_import(str(tmp_path), "-v", "2")
    assert status == 0
    assert f"{tmp_path / 'README.md'}: skipped (not a story or feed file)" in out
    assert out.strip().endswith("1 created, 0 updated, 0 unchanged, 0 failed, 1 skipped")
