"""Hostile files: each refused input gets one safe line, and the run goes on."""

import os
import signal

import pytest

from articles.models import Article
from articles.sources import display_name
from tests.test_import_command import STORY, run_import

pytestmark = pytest.mark.django_db


def story_file(path, day="4 May 2012"):
    path.write_text(STORY.format(day=day), encoding="utf-8")
    return path


def hung(signum, frame):
    raise AssertionError("the import hung on a FIFO")


def test_a_fifo_is_refused_without_hanging_the_run(tmp_path):
    story_file(tmp_path / "good.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    try:
        status, out, err = run_import(str(tmp_path), str(tmp_path / "pipe.txt"))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert status == 1
    assert "pipe.txt: not a regular file" in err
    assert out.strip().startswith("1 created")


def test_links_that_leave_the_folder_or_lead_nowhere_are_refused(tmp_path):
    story_file(tmp_path / "good.txt")
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    status, out, err = run_import(str(tmp_path))
    assert status == 1
    assert "passwd.txt: a symbolic link that leads out of the folder" in err
    assert "gone.txt: a symbolic link to nothing" in err
    assert "loop.txt: a symbolic link that loops" in err
    assert Article.objects.count() == 1
    assert not Article.objects.filter(body__contains="root:").exists()


def test_a_device_named_on_the_command_line_is_refused(tmp_path):
    status, out, err = run_import("/dev/zero", str(story_file(tmp_path / "good.txt")))
    assert status == 1
    assert err.strip() == "/dev/zero: not a regular file (a FIFO, socket or device)"
    assert Article.objects.count() == 1


def test_file_names_that_are_not_utf8_or_hold_controls_are_printed_safely(tmp_path):
    odd = os.fsdecode(bytes(tmp_path) + b"/bad\xff\xfename.txt")
    story_file(type(tmp_path)(odd))
    forged = tmp_path / "x.txt\n1 created, 0 updated, 0 unchanged, 0 failed\x1b[2J.txt"
    forged.write_bytes(b"")
    status, out, err = run_import(str(tmp_path))
    assert status == 1  # the empty file fails; the other is imported
    assert "\n1 created, 0 updated" not in err and "\x1b" not in err
    assert "\\n1 created" in err and "\\x1b[2J" in err
    assert Article.objects.get().raw_name == "bad\\xff\\xfename.txt"


def test_display_name_escapes_what_a_terminal_would_act_on():
    assert display_name("a\nb\x1b[31m\u202ec.txt") == "a\\nb\\x1b[31m\\u202ec.txt"


def test_an_svg_image_is_no_story(tmp_path):
    image = tmp_path / "logo.svg"
    image.write_text(
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><title>Logo</title></svg>'
    )
    status, out, err = run_import(str(image))
    assert status == 1
    assert err.strip() == (
        f"{image}: not a story: an XML document (<svg>) that is neither a feed nor a page"
    )
    assert Article.objects.count() == 0


def test_unreadable_files_and_folders_get_a_line_each(tmp_path, monkeypatch):
    # The tests may run as root, who reads everything: the refusals are simulated.
    import articles.sources

    story_file(tmp_path / "good.txt")
    story_file(tmp_path / "locked.txt", day="5 May 2012")
    (tmp_path / "private").mkdir()
    real_open, real_scandir = os.open, os.scandir

    def open_refusing(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def scandir_refusing(path="."):
        if str(path).endswith("private"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(articles.sources.os, "open", open_refusing)
    monkeypatch.setattr(os, "scandir", scandir_refusing)
    status, out, err = run_import(str(tmp_path))
    assert status == 1
    assert f"{tmp_path / 'locked.txt'}: Permission denied" in err
    assert f"{tmp_path / 'private'}: Permission denied" in err
    assert out.strip().startswith("1 created")


def test_a_path_under_an_unreadable_folder_is_a_line_not_a_traceback(tmp_path, monkeypatch):
    from pathlib import Path

    real_is_dir = Path.is_dir

    def is_dir_refusing(self):
        if "sealed" in str(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir_refusing)
    status, out, err = run_import(str(tmp_path / "sealed" / "story.txt"))
    assert status == 1
    assert err.strip() == f"{tmp_path / 'sealed' / 'story.txt'}: Permission denied"
