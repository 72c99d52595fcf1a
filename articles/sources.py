"""Where stories come from: files, directories, globs, URLs and lists of URLs.

`iter_inputs` turns what an admin typed into readable inputs, in order, without
reading them; `read_input` returns an input's bytes (fetching URLs politely, with
conditional requests), so a run never holds more than one input in memory.
"""

from __future__ import annotations

import glob
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
    name: str  # what the admin sees in messages: a path or a URL
    path: Path | None = None
    url: str | None = None
    skip_reason: str = ""  # set for files a directory walk passes over

    @property
    def skipped(self) -> bool:
        return bool(self.skip_reason)


def iter_inputs(sources: Iterable[str]) -> Iterator[Input]:
    """Expand command-line sources into inputs. Unknown sources become failing inputs."""
    for source in sources:
        if looks_like_url(source):
            yield Input(name=source, url=source)
        elif Path(source).is_dir():
            yield from _walk(Path(source))
        elif Path(source).is_file():
            yield from _file_or_url_list(Path(source))
        elif glob.has_magic(source):
            for match in sorted(glob.glob(source, recursive=True)):
                path = Path(match)
                yield from _walk(path) if path.is_dir() else _file_or_url_list(path)
        else:
            yield Input(name=source, path=Path(source))


def _walk(directory: Path) -> Iterator[Input]:
    for path in sorted(directory.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(directory).parts)
        if hidden or not path.is_file():
            continue
        if looks_like_story_file(path.name):
            yield Input(name=str(path), path=path)
        else:
            yield Input(name=str(path), path=path, skip_reason="not a story or feed file")


def _file_or_url_list(path: Path) -> Iterator[Input]:
    """A file named on the command line; one that only lists URLs stands for them."""
    urls = _url_list(path)
    if urls:
        yield from (Input(name=url, url=url) for url in urls)
    else:
        yield Input(name=str(path), path=path)


def _url_list(path: Path) -> list[str]:
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            return []
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or not all(looks_like_url(line) or line.startswith("#") for line in lines):
        return []
    return read_url_list(text)


def read_file(path: Path) -> bytes:
    """The bytes of a story file, refused when missing, unreadable or oversized."""
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"file is too large ({size // (1024 * 1024)} MB; the limit is 10 MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None


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
