"""Fetch story pages and feeds over HTTP, politely and within bounds.

The importer reads URLs people hand it (a story, a feed, a list of 1,285 stories), so
every fetch is bounded: connect/read timeouts plus a deadline on the whole body, a size
cap, a content-type allow-list, at most five redirects and a few retries with backoff.
Hosts are resolved before connecting, and on every redirect hop: an address that is not
global (loopback, private, link-local, unspecified; however it is spelled) is refused unless
the host is explicitly allowed, so an imported URL cannot reach inside the network.
Requests to one host are spaced by a polite delay. Every failure is one `FetchError`
whose message names the URL and the reason, ready to print on one line.

No Django here: the import service and the management command both use it, and its
tests run without a settings module.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Self
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

__all__ = ["FetchError", "FetchedPage", "Fetcher", "looks_like_url", "read_url_list"]

USER_AGENT = "unnews/0.1 (UN News story importer)"
MAX_REDIRECTS = 5
FETCHABLE_SCHEMES = ("http", "https")
RETRY_STATUSES = (429, 500, 502, 503, 504)
# Story pages, feeds and plain-text dumps; anything else (images, PDFs) is not a story.
ACCEPTED_MEDIA_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "application/xml",
        "text/xml",
        "application/rss+xml",
        "application/atom+xml",
        "text/plain",
    }
)
ACCEPT_HEADER = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8"
)
# read1() returns after at most one socket read, so the deadline is checked often even
# when a server trickles bytes slowly enough never to trip the read timeout.
READ_CHUNK = 64 * 1024
DEADLINE_GRACE = 0.5  # seconds
_URL_PATTERN = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+$")
_ERRNO_PATTERN = re.compile(r"\[Errno -?\d+\][^'\")]*")


class FetchError(Exception):
    """A URL could not be fetched; the message is "<url>: <reason>" on one line."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class FetchedPage:
    """One fetched response: the body on 200, nothing on 304 (not modified).

    `content` is the decoded body (gzip removed), not yet decoded to text;
    `content_type` is the Content-Type header as sent, charset included.
    `etag` and `last_modified` are what to send next time to ask "has it changed?".
    """

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        """True when the server answered 304: the copy the caller holds is current."""
        return self.status == 304

    @property
    def media_type(self) -> str:
        """The content type without parameters, lower-cased ("text/html")."""
        return _media_type(self.content_type)


class _Retry(Retry):
    """Retry connection failures and 429/5xx answers, but never a read timeout.

    A server that accepted the request and then went silent would otherwise cost
    (retries + 1) timeouts per URL; one is enough to call it down.
    """

    def increment(self, *args: object, **kwargs: object) -> Self:  # type: ignore[override]
        error = kwargs.get("error")
        if isinstance(error, ReadTimeoutError):
            raise error
        return super().increment(*args, **kwargs)  # type: ignore[arg-type]


class Fetcher:
    """Fetch http(s) URLs with one pooled session; close it with `close()` or `with`.

    Options (keywords, all optional):
      timeout: seconds to connect and between two bytes read (default 10).
      deadline: seconds allowed for the whole exchange – connecting, headers, redirects and
        body (default 30) – so a server trickling bytes forever still ends.
      retries: retries after connection errors and 429/5xx answers (default 3), with
        exponential backoff (`backoff_factor`, default 1.0 s) and Retry-After honoured
        up to `max_retry_after` seconds (default 30).
      max_bytes: largest body accepted (default 10 MB).
      delay: minimum seconds between two requests to the same host (default 1.0).
      user_agent: the User-Agent header (default `USER_AGENT`).
      allowed_hosts: host names fetched even though they resolve to an address that is not
        global (default none): every other host must resolve only to public addresses,
        checked before connecting and again on every redirect hop.

    Not thread-safe: give each thread its own Fetcher.
    """

    def __init__(
        self,
        *,
        timeout: float = 10.0,
        deadline: float = 30.0,
        retries: int = 3,
        backoff_factor: float = 1.0,
        max_retry_after: float = 30.0,
        max_bytes: int = 10 * 1024 * 1024,
        delay: float = 1.0,
        user_agent: str = USER_AGENT,
        allowed_hosts: Iterable[str] = (),
    ) -> None:
        self.timeout = timeout
        self.deadline = deadline
        self.retries = retries
        self.max_bytes = max_bytes
        self.delay = delay
        self.user_agent = user_agent
        self.allowed_hosts = frozenset(host.lower() for host in allowed_hosts)
        self._last_request: dict[str, float] = {}
        self._session = _build_session(retries, backoff_factor, max_retry_after, user_agent)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the session and its pooled connections."""
        self._session.close()

    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchedPage:
        """GET `url` and return its body, or an empty 304 page if it has not changed.

        `etag` / `last_modified` (from an earlier `FetchedPage`) are sent as
        If-None-Match / If-Modified-Since. Raises `FetchError` for a non-http(s) URL,
        timeouts, connection failures after retries, too many redirects, any status but
        200 or 304, an unaccepted content type, or a body larger than `max_bytes`.
        """
        # One deadline over the whole exchange: connecting, headers (which a server may
        # trickle byte by byte, never tripping the socket timeout), redirects and body.
        # The body's own check (which says "reading the body") comes first when it can.
        whole = self.deadline + DEADLINE_GRACE
        return _within(whole, url, lambda: self._exchange(url, etag, last_modified))

    def _exchange(self, url: str, etag: str | None, last_modified: str | None) -> FetchedPage:
        headers = _conditional_headers(etag, last_modified)
        target = url
        for _ in range(MAX_REDIRECTS + 1):
            self._check_address(url, target)
            self._wait_for_turn(target)
            try:
                with self._send(target, headers) as response:
                    location = response.headers.get("Location")
                    if response.is_redirect and location:
                        target = urljoin(target, location)
                        continue
                    return self._read_page(url, response, etag, last_modified)
            finally:
                # Counted from the end of the exchange, so a slow answer also earns a rest.
                self._last_request[_host_key(target)] = time.monotonic()
        raise FetchError(url, "too many redirects")

    def _check_address(self, url: str, target: str) -> None:
        """Refuse a URL (or a redirect's target) that is not http(s), names a user, or whose
        host resolves to an address that is not global (loopback, private, link-local,
        unspecified, IPv4-mapped; numeric spellings like 2130706433 resolve too)."""
        parts = urlsplit(target)
        redirected = target != url
        if parts.scheme.lower() not in FETCHABLE_SCHEMES:
            reason = (
                "redirected to a URL that is not http or https"
                if redirected
                else ("only http and https URLs can be fetched")
            )
            raise FetchError(url, reason)
        if not parts.hostname:
            raise FetchError(url, "no host name in the URL")
        if parts.username is not None or parts.password is not None:
            raise FetchError(url, "URLs with a user name are not fetched")
        host = parts.hostname.lower()
        if host in self.allowed_hosts:
            return
        for address in _addresses(url, host, parts.port):
            if not address.is_global:
                where = f"{target} (redirected)" if redirected else host
                raise FetchError(url, f"refused: {where} is an internal address ({address})")

    def _wait_for_turn(self, url: str) -> None:
        """Sleep until `delay` seconds have passed since the last request to this host."""
        last = self._last_request.get(_host_key(url))
        if last is not None:
            remaining = last + self.delay - time.monotonic()
            if remaining > 0:
                time.sleep(remaining)

    def _send(self, url: str, headers: dict[str, str]) -> requests.Response:
        """Send the GET, turning every transport failure into a FetchError."""
        try:
            return self._session.get(
                url, headers=headers, timeout=self.timeout, stream=True, allow_redirects=False
            )
        except requests.exceptions.ConnectTimeout as exc:
            reason = f"timed out connecting after {self.timeout:g}s{self._gave_up()}"
            raise FetchError(url, reason) from exc
        except requests.exceptions.ReadTimeout as exc:
            raise FetchError(url, f"timed out after {self.timeout:g}s") from exc
        except requests.exceptions.ConnectionError as exc:
            raise FetchError(url, f"{_connection_failure(exc)}{self._gave_up()}") from exc
        except requests.exceptions.RequestException as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}") from exc

    def _read_page(
        self,
        url: str,
        response: requests.Response,
        etag: str | None,
        last_modified: str | None,
    ) -> FetchedPage:
        """Check the status and headers, then read a bounded body into a FetchedPage."""
        status = response.status_code
        content = b""
        if status == 200:
            self._check_headers(url, response)
            content = self._read_body(url, response)
        elif status != 304:
            raise FetchError(url, self._describe_status(status))
        return FetchedPage(
            url=url,
            final_url=response.url,
            status=status,
            content=content,
            content_type=response.headers.get("Content-Type", ""),
            etag=response.headers.get("ETag", etag),
            last_modified=response.headers.get("Last-Modified", last_modified),
        )

    def _describe_status(self, status: int) -> str:
        if status in RETRY_STATUSES:
            return f"HTTP {status}{self._gave_up()}"
        return f"HTTP {status}"

    def _gave_up(self) -> str:
        if not self.retries:
            return ""
        return f" (gave up after {self.retries} {'retry' if self.retries == 1 else 'retries'})"

    def _check_headers(self, url: str, response: requests.Response) -> None:
        """Refuse unaccepted content types and declared lengths before reading a byte."""
        media_type = _media_type(response.headers.get("Content-Type", ""))
        if not media_type:
            raise FetchError(url, "no content type given")
        if media_type not in ACCEPTED_MEDIA_TYPES:
            raise FetchError(url, f"unsupported content type {media_type}")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(url, f"larger than {_format_size(self.max_bytes)}")

    def _read_body(self, url: str, response: requests.Response) -> bytes:
        """Stream the body, stopping at `max_bytes` or when the deadline passes."""
        deadline = time.monotonic() + self.deadline
        chunks: list[bytes] = []
        size = 0
        while chunk := self._read_chunk(url, response):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"larger than {_format_size(self.max_bytes)}")
            if time.monotonic() > deadline:
                raise FetchError(url, f"timed out after {self.deadline:g}s reading the body")
            chunks.append(chunk)
        return b"".join(chunks)

    def _read_chunk(self, url: str, response: requests.Response) -> bytes:
        """Read what one socket read gives (decompressed); b"" at the end."""
        try:
            return response.raw.read1(READ_CHUNK, decode_content=True)
        except ReadTimeoutError as exc:
            raise FetchError(url, f"timed out after {self.timeout:g}s") from exc
        except (Urllib3HTTPError, OSError) as exc:
            detail = _first_arg(exc).removeprefix("Connection broken: ")
            raise FetchError(url, f"connection broke while reading ({detail})") from exc


def read_url_list(text: str) -> list[str]:
    """Return the http(s) URLs listed one per line in `text`, in order, each once.

    Blank lines, `#` comments and lines that are not http(s) URLs are skipped. Runs of
    slashes in a path ("https://news.un.org//en/story/...", as in the UN News URL
    lists) are collapsed and fragments dropped, so one story is listed once.
    """
    urls: dict[str, None] = {}
    for line in text.splitlines():
        candidate = line.strip()
        if candidate and not candidate.startswith("#") and _is_http_url(candidate):
            urls.setdefault(_tidy_url(candidate), None)
    return list(urls)


def looks_like_url(source: str) -> bool:
    """True when `source` is written as a URL ("scheme://..."), not a file path.

    Any scheme counts, so a caller hands "ftp://..." to `Fetcher.fetch`, which refuses
    it with a clear reason, instead of looking for a file of that name.
    """
    return bool(_URL_PATTERN.match(source.strip()))


def _build_session(
    retries: int, backoff_factor: float, max_retry_after: float, user_agent: str
) -> requests.Session:
    retry = _Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        other=0,
        allowed_methods=frozenset({"GET"}),
        status_forcelist=RETRY_STATUSES,
        backoff_factor=backoff_factor,
        retry_after_max=max_retry_after,
        raise_on_status=False,
    )
    session = requests.Session()
    session.headers.update({"User-Agent": user_agent, "Accept": ACCEPT_HEADER})
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _within(seconds: float, url: str, work):
    """`work()`'s result, or a FetchError once `seconds` have passed. The work runs in a
    daemon thread, left to end with its socket's own timeout; the import goes on."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["page"] = work()
        except BaseException as error:  # handed to the caller's thread
            outcome["error"] = error

    worker = threading.Thread(target=run, name="fetch", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise FetchError(url, f"timed out after {seconds:g}s")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["page"]


def _addresses(
    url: str, host: str, port: int | None
) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Every address `host` resolves to, IPv4-mapped IPv6 addresses as their IPv4 form."""
    try:
        found = socket.getaddrinfo(host, port or 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(url, f"host {host} not found") from error
    addresses = []
    for *_, sockaddr in found:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        addresses.append(address)
    return addresses


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _host_key(url: str) -> str:
    # The host name, not host:port: politeness is owed to the machine.
    return urlsplit(url).hostname or ""


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _format_size(size: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale and size % scale == 0:
            return f"{size // scale} {unit}"
    return f"{size:,} bytes"


def _connection_failure(exc: requests.exceptions.ConnectionError) -> str:
    """A short reason from urllib3's long wrapped message ("[Errno 111] ...")."""
    message = str(exc)
    found = _ERRNO_PATTERN.search(message)
    if found:
        return f"connection failed ({found.group(0).strip()})"
    if "RemoteDisconnected" in message or "Connection aborted" in message:
        return "the server closed the connection without answering"
    return "connection failed"


def _first_arg(exc: Exception) -> str:
    # urllib3 wraps errors as (message, cause); the message alone reads better.
    return str(exc.args[0]) if exc.args else type(exc).__name__


def _is_http_url(candidate: str) -> bool:
    parts = urlsplit(candidate)
    return parts.scheme.lower() in FETCHABLE_SCHEMES and bool(parts.netloc) and " " not in candidate


def _tidy_url(url: str) -> str:
    parts = urlsplit(url)
    path = re.sub(r"/{2,}", "/", parts.path)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
