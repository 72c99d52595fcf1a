"""Where stories come from: files, directories, globs, URLs and lists of URLs.

`iter_inputs` turns what an admin typed into readable inputs, in order, without
reading them; `read_input` returns an input's bytes (fetching URLs politely, with
conditional requests), so a run never holds more than one input in memory.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .extraction.formats import looks_like_story_file
from .fetching import FetchedPage, Fetcher, FetchError, looks_like_url, read_url_list

# Larger files are refused before they are read: no UN News story or feed comes near it.
MAX_INPUT_BYTES = 10 * 1024 * 1024


class InputError(Exception):
    """An input that cannot be read; the message is the reason, for one line."""


@dataclass(frozen=True)
class Input:
    name: str  # what the admin sees in messages: a path or a URL, printable (`display_name`)
    path: Path | None = None
    url: str | None = None
    skip_reason: str = ""  # set for files a directory walk passes over
    error: str = ""  # set for inputs refused before reading (a FIFO, a link leaving the folder)

    @property
    def skipped(self) -> bool:
        return bool(self.skip_reason)


def display_name(name: str) -> str:
    """`name` safe to print on one line: bytes that are not UTF-8 and control characters
    (a newline, an ANSI escape) are shown as escapes, so a file name cannot forge output."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def iter_inputs(sources: Iterable[str]) -> Iterator[Input]:
    """Expand command-line sources into inputs. Unknown sources become failing inputs."""
    for source in sources:
        if looks_like_url(source):
            yield Input(name=display_name(source), url=source)
            continue
        path = Path(source)
        try:
            is_dir, exists = path.is_dir(), path.exists() or path.is_symlink()
        except OSError as error:
            yield _refused(path, error.strerror or str(error))
            continue
        if is_dir:
            yield from _walk(path)
        elif exists:
            yield from _file_or_url_list(path)
        elif glob.has_magic(source):
            for match in sorted(glob.glob(source, recursive=True)):
                found = Path(match)
                yield from _walk(found) if found.is_dir() else _file_or_url_list(found)
        else:
            yield Input(name=display_name(source), path=path)


def _refused(path: Path, reason: str) -> Input:
    return Input(name=display_name(str(path)), path=path, error=reason)


def _walk(directory: Path) -> Iterator[Input]:
    """The files of a folder, in order. Links that lead out of it, links to nowhere,
    FIFOs and devices are refused with a reason; unreadable folders are reported."""
    root = directory.resolve()
    problems: list[Input] = []

    def unreadable(error: OSError) -> None:
        problems.append(_refused(Path(error.filename or directory), error.strerror or "unreadable"))

    found = []
    for folder, folders, files in os.walk(directory, onerror=unreadable):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        found += [Path(folder, name) for name in files if not name.startswith(".")]
    yield from problems
    for path in sorted(found):
        refusal = _not_a_story_file(path, root)
        if refusal:
            yield _refused(path, refusal)
        elif looks_like_story_file(path.name):
            yield Input(name=display_name(str(path)), path=path)
        else:
            yield Input(
                name=display_name(str(path)), path=path, skip_reason="not a story or feed file"
            )


def _not_a_story_file(path: Path, root: Path) -> str:
    """Why a file found in a folder is refused, or ""."""
    try:
        target = path.resolve(strict=True)
        mode = target.stat().st_mode
    except FileNotFoundError:
        return "a symbolic link to nothing"
    except RuntimeError:
        return "a symbolic link that loops"
    except OSError as error:
        return error.strerror or str(error)
    if path.is_symlink() and not target.is_relative_to(root):
        return "a symbolic link that leads out of the folder"
    return "" if stat.S_ISREG(mode) else "not a regular file (a FIFO, socket or device)"


def _file_or_url_list(path: Path) -> Iterator[Input]:
    """A file named on the command line; one that only lists URLs stands for them."""
    urls = _url_list(path)
    if urls:
        yield from (Input(name=url, url=url) for url in urls)
    else:
        yield Input(name=str(path), path=path)


def _url_list(path: Path) -> list[str]:
    try:
        text = read_file(path).decode("utf-8")
    except (InputError, UnicodeDecodeError):
        return []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or not all(looks_like_url(line) or line.startswith("#") for line in lines):
        return []
    return read_url_list(text)


def read_file(path: Path) -> bytes:
    """The bytes of a story file, refused when missing, unreadable, oversized or not a
    regular file. It is opened without blocking (a FIFO cannot hang the run) and read no
    further than the limit (a file whose size lies, like /dev/zero, cannot fill memory)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    with os.fdopen(descriptor, "rb") as file:
        try:
            info = os.fstat(descriptor)
            if stat.S_ISDIR(info.st_mode):
                raise InputError("is a directory")
            if not stat.S_ISREG(info.st_mode):
                raise InputError("not a regular file (a FIFO, socket or device)")
            if info.st_size > MAX_INPUT_BYTES:
                raise InputError(_too_large(f"{info.st_size // (1024 * 1024)} MB"))
            data = file.read(MAX_INPUT_BYTES + 1)
        except OSError as error:
            raise InputError(error.strerror or str(error)) from None
    if len(data) > MAX_INPUT_BYTES:  # it grew, or its size lied
        raise InputError(_too_large("over 10 MB"))
    return data


def _too_large(size: str) -> str:
    return f"file is too large ({size}; the limit is 10 MB)"


def fetch_url(fetcher: Fetcher, url: str) -> FetchedPage | None:
    """Fetch a URL; None when the server says it has not changed since the last import."""
    from .models import FetchedResource

    known = FetchedResource.objects.filter(url=url).first()
    try:
        page = fetcher.fetch(
            url,
            etag=known.etag or None if known else None,
            last_modified=known.last_modified or None if known else None,
        )
    except FetchError as error:
        raise InputError(str(error).removeprefix(f"{url}: ")) from None
    return None if page.status == 304 else page


def remember_validators(page: FetchedPage) -> None:
    """Keep the page's ETag/Last-Modified once its stories are saved, for the next fetch."""
    from .models import FetchedResource

    if page.etag or page.last_modified:
        FetchedResource.objects.update_or_create(
            url=page.url,
            defaults={"etag": page.etag or "", "last_modified": page.last_modified or ""},
        )
