"""Fetching URLs: bounded, polite, one clear FetchError per failure.

Every server here listens on 127.0.0.1: pytest-httpserver for ordinary answers, a small
threaded `http.server` for the misbehaving ones (silent, trickling, endless).
Runs without Django: `pytest tests/test_fetching.py -p no:django`.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from articles.fetching import USER_AGENT, Fetcher, FetchError, looks_like_url, read_url_list

PAGE = b"<html><body><h1>Guterres urges ceasefire</h1></body></html>"
HTML = "text/html; charset=utf-8"
Handler = Callable[[BaseHTTPRequestHandler], None]


# The test servers listen on the loopback address, which only an allowed host may reach.
TEST_HOSTS = ("localhost", "127.0.0.1")


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy from the environment would route 127.0.0.1 traffic away from our servers."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def make_fetcher() -> Iterator[Callable[..., Fetcher]]:
    """Fetchers with test-sized defaults (no delay, no retries), closed afterwards."""
    made: list[Fetcher] = []

    def make(**options: object) -> Fetcher:
        settings = {"timeout": 2.0, "deadline": 5.0, "retries": 0, "backoff_factor": 0.0}
        settings["delay"] = 0.0
        settings["allowed_hosts"] = TEST_HOSTS
        fetcher = Fetcher(**(settings | options))  # type: ignore[arg-type]
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


@pytest.fixture
def raw_server() -> Iterator[Callable[[Handler], str]]:
    """Start a threaded HTTP/1.1 server whose GET is `handler`; returns its base URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(handler: Handler) -> str:
        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                # The fetcher hanging up on us is what these tests want.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    handler(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), RequestHandler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def send_head(request: BaseHTTPRequestHandler, headers: dict[str, str]) -> None:
    request.send_response(200)
    for name, value in headers.items():
        request.send_header(name, value)
    request.end_headers()
    request.wfile.flush()


# --- ordinary answers -----------------------------------------------------------------


def test_returns_page_with_its_headers(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_request("/en/story/2023/10/1142562").respond_with_data(
        PAGE,
        content_type=HTML,
        headers={"ETag": '"v1"', "Last-Modified": "Tue, 03 Oct 2023 10:00:00 GMT"},
    )
    url = httpserver.url_for("/en/story/2023/10/1142562")

    page = make_fetcher().fetch(url)

    assert page.url == url
    assert page.final_url == url
    assert page.status == 200
    assert page.content == PAGE
    assert page.content_type == HTML
    assert page.media_type == "text/html"
    assert page.etag == '"v1"'
    assert page.last_modified == "Tue, 03 Oct 2023 10:00:00 GMT"
    assert not page.not_modified


@pytest.mark.parametrize(
    "content_type",
    ["application/rss+xml", "application/atom+xml", "text/xml", "text/plain; charset=ascii"],
)
def test_accepts_feeds_and_plain_text(httpserver: HTTPServer, make_fetcher, content_type) -> None:
    httpserver.expect_request("/feed").respond_with_data(b"<rss/>", content_type=content_type)

    page = make_fetcher().fetch(httpserver.url_for("/feed"))

    assert page.content == b"<rss/>"
    assert page.content_type == content_type


def test_gzip_body_is_decompressed(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_request("/zipped").respond_with_data(
        gzip.compress(PAGE), content_type=HTML, headers={"Content-Encoding": "gzip"}
    )

    assert make_fetcher().fetch(httpserver.url_for("/zipped")).content == PAGE


def test_sends_identifying_user_agent(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_request("/").respond_with_data(PAGE, content_type=HTML)

    make_fetcher().fetch(httpserver.url_for("/"))
    make_fetcher(user_agent="unnews-tests/1").fetch(httpserver.url_for("/"))

    sent = [request.headers["User-Agent"] for request, _ in httpserver.log]
    assert sent == ["unnews/0.1 (UN News story importer)", "unnews-tests/1"]
    assert sent[0] == USER_AGENT


# --- conditional requests -----------------------------------------------------------


def test_matching_etag_gets_empty_304(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_request("/story", headers={"If-None-Match": '"v1"'}).respond_with_data(
        b"", status=304, headers={"ETag": '"v1"'}
    )

    page = make_fetcher().fetch(httpserver.url_for("/story"), etag='"v1"')

    assert page.status == 304
    assert page.not_modified
    assert page.content == b""
    assert page.etag == '"v1"'
    request, _ = httpserver.log[0]
    assert request.headers["If-None-Match"] == '"v1"'
    assert "If-Modified-Since" not in request.headers


def test_last_modified_is_sent_and_kept_on_304(httpserver: HTTPServer, make_fetcher) -> None:
    stamp = "Tue, 03 Oct 2023 10:00:00 GMT"
    httpserver.expect_request("/story").respond_with_data(b"", status=304)

    page = make_fetcher().fetch(httpserver.url_for("/story"), last_modified=stamp)

    assert page.status == 304
    assert page.last_modified == stamp  # the server did not repeat it; keep the caller's
    request, _ = httpserver.log[0]
    assert request.headers["If-Modified-Since"] == stamp


# --- retries -------------------------------------------------------------------------


def test_retries_then_succeeds_after_two_503s(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_oneshot_request("/flaky").respond_with_data("busy", status=503)
    httpserver.expect_oneshot_request("/flaky").respond_with_data("busy", status=503)
    httpserver.expect_request("/flaky").respond_with_data(PAGE, content_type=HTML)

    page = make_fetcher(retries=3, backoff_factor=0.01).fetch(httpserver.url_for("/flaky"))

    assert page.content == PAGE
    assert len(httpserver.log) == 3


def test_gives_up_after_retries(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_request("/down").respond_with_data("busy", status=503)
    url = httpserver.url_for("/down")

    with pytest.raises(FetchError) as raised:
        make_fetcher(retries=2, backoff_factor=0.01).fetch(url)

    assert str(raised.value) == f"{url}: HTTP 503 (gave up after 2 retries)"
    assert len(httpserver.log) == 3


def test_honours_retry_after(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_oneshot_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"}
    )
    httpserver.expect_request("/busy").respond_with_data(PAGE, content_type=HTML)

    started = time.monotonic()
    page = make_fetcher(retries=1).fetch(httpserver.url_for("/busy"))

    assert page.content == PAGE
    assert time.monotonic() - started >= 1.0


def test_caps_a_long_retry_after(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_oneshot_request("/busy").respond_with_data(
        "come back in an hour", status=503, headers={"Retry-After": "3600"}
    )
    httpserver.expect_request("/busy").respond_with_data(PAGE, content_type=HTML)

    started = time.monotonic()
    page = make_fetcher(retries=1, max_retry_after=0.1).fetch(httpserver.url_for("/busy"))

    assert page.content == PAGE
    assert time.monotonic() - started < 2


def test_connection_refused_after_retries(make_fetcher) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"

    with pytest.raises(FetchError) as raised:
        make_fetcher(retries=2, backoff_factor=0.01).fetch(url)

    assert str(raised.value).startswith(f"{url}: connection failed ([Errno 111]")
    assert str(raised.value).endswith("(gave up after 2 retries)")


# --- statuses and redirects --------------------------------------------------------


def test_not_found_names_the_status(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    url = httpserver.url_for("/missing")

    with pytest.raises(FetchError) as raised:
        make_fetcher(retries=3).fetch(url)

    assert str(raised.value) == f"{url}: HTTP 404"
    assert raised.value.url == url
    assert len(httpserver.log) == 1  # a 404 is an answer, not a hiccup: no retries


def test_follows_redirect_and_reports_final_url(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_request("/feed/view/en/story/2023/10/1").respond_with_data(
        "", status=301, headers={"Location": "/en/story/2023/10/1"}
    )
    httpserver.expect_request("/en/story/2023/10/1").respond_with_data(PAGE, content_type=HTML)
    url = httpserver.url_for("/feed/view/en/story/2023/10/1")

    page = make_fetcher().fetch(url)

    assert page.url == url
    assert page.final_url == httpserver.url_for("/en/story/2023/10/1")
    assert page.content == PAGE


def test_redirect_loop_fails(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_request("/loop").respond_with_data(
        "", status=302, headers={"Location": "/loop"}
    )
    url = httpserver.url_for("/loop")

    with pytest.raises(FetchError) as raised:
        make_fetcher().fetch(url)

    assert str(raised.value) == f"{url}: too many redirects"
    assert len(httpserver.log) == 6  # the first request and five redirects


def test_redirect_to_ftp_fails(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_request("/away").respond_with_data(
        "", status=302, headers={"Location": "ftp://example.org/story.txt"}
    )

    with pytest.raises(FetchError, match="redirected to a URL that is not http or https"):
        make_fetcher().fetch(httpserver.url_for("/away"))


# --- what is refused ---------------------------------------------------------------


@pytest.mark.parametrize("url", ["ftp://news.un.org/story.txt", "file:///etc/passwd"])
def test_only_http_and_https_are_fetched(make_fetcher, url: str) -> None:
    with pytest.raises(FetchError) as raised:
        make_fetcher().fetch(url)

    assert str(raised.value) == f"{url}: only http and https URLs can be fetched"


def test_unsupported_content_type_fails(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_request("/photo").respond_with_data(b"\x89PNG", content_type="image/png")
    url = httpserver.url_for("/photo")

    with pytest.raises(FetchError) as raised:
        make_fetcher().fetch(url)

    assert str(raised.value) == f"{url}: unsupported content type image/png"


def test_body_over_the_cap_fails(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 5000, content_type=HTML)
    url = httpserver.url_for("/big")

    with pytest.raises(FetchError) as raised:
        make_fetcher(max_bytes=1000).fetch(url)

    assert str(raised.value) == f"{url}: larger than 1,000 bytes"


def test_declared_length_over_10_mb_is_refused_before_reading(raw_server, make_fetcher) -> None:
    def announce_50_mb_then_send_nothing(request: BaseHTTPRequestHandler) -> None:
        send_head(request, {"Content-Type": HTML, "Content-Length": str(50 * 1024 * 1024)})

    url = raw_server(announce_50_mb_then_send_nothing) + "/huge"

    started = time.monotonic()
    with pytest.raises(FetchError) as raised:
        make_fetcher().fetch(url)

    assert str(raised.value) == f"{url}: larger than 10 MB"
    assert time.monotonic() - started < 1  # refused on the header, not after a read timeout


def test_endless_chunked_body_stops_at_the_cap(raw_server, make_fetcher) -> None:
    def chunks_forever(request: BaseHTTPRequestHandler) -> None:
        send_head(request, {"Content-Type": HTML, "Transfer-Encoding": "chunked"})
        for _ in range(10_000):
            request.wfile.write(b"400\r\n" + b"x" * 1024 + b"\r\n")

    url = raw_server(chunks_forever) + "/endless"

    with pytest.raises(FetchError) as raised:
        make_fetcher(max_bytes=64 * 1024).fetch(url)

    assert str(raised.value) == f"{url}: larger than 64 KB"


def test_body_cut_short_fails(raw_server, make_fetcher) -> None:
    def promise_1000_bytes_send_10(request: BaseHTTPRequestHandler) -> None:
        send_head(request, {"Content-Type": HTML, "Content-Length": "1000"})
        request.wfile.write(b"<html><bo")
        request.close_connection = True

    url = raw_server(promise_1000_bytes_send_10) + "/cut"

    with pytest.raises(FetchError) as raised:
        make_fetcher().fetch(url)

    assert str(raised.value) == (
        f"{url}: connection broke while reading (IncompleteRead(9 bytes read, 991 more expected))"
    )


# --- time limits -------------------------------------------------------------------


def test_server_that_never_answers_times_out(make_fetcher) -> None:
    # A listening socket that never accepts: the kernel completes the handshake, nobody
    # ever reads the request.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/story"

        started = time.monotonic()
        with pytest.raises(FetchError) as raised:
            make_fetcher(timeout=0.5, retries=3).fetch(url)
        elapsed = time.monotonic() - started

    assert str(raised.value) == f"{url}: timed out after 0.5s"
    assert 0.5 <= elapsed < 1.5  # one timeout: a silent server is not retried


def test_trickling_server_hits_the_deadline(raw_server, make_fetcher) -> None:
    def trickle(request: BaseHTTPRequestHandler) -> None:
        send_head(request, {"Content-Type": HTML, "Content-Length": "100000"})
        for _ in range(200):  # one byte every 50 ms never trips a 0.5 s read timeout
            request.wfile.write(b"x")
            request.wfile.flush()
            time.sleep(0.05)

    url = raw_server(trickle) + "/slow"

    started = time.monotonic()
    with pytest.raises(FetchError) as raised:
        make_fetcher(timeout=0.5, deadline=1.0).fetch(url)
    elapsed = time.monotonic() - started

    assert str(raised.value) == f"{url}: timed out after 1s reading the body"
    assert 1.0 <= elapsed < 3.0


def test_headers_sent_slowly_hit_the_same_deadline(raw_server, make_fetcher) -> None:
    def trickle_headers(request: BaseHTTPRequestHandler) -> None:
        request.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for _ in range(200):  # a header byte every 50 ms: the socket timeout never trips
            request.wfile.write(b"X")
            request.wfile.flush()
            time.sleep(0.05)

    url = raw_server(trickle_headers) + "/slow-headers"

    started = time.monotonic()
    with pytest.raises(FetchError) as raised:
        make_fetcher(timeout=0.5, deadline=1.0).fetch(url)
    elapsed = time.monotonic() - started

    assert str(raised.value).startswith(f"{url}: timed out after")
    assert 1.0 <= elapsed < 3.0


def test_waits_the_polite_delay_between_requests_to_one_host(
    httpserver: HTTPServer, make_fetcher
) -> None:
    arrivals: list[float] = []

    def record(request: Request) -> Response:
        arrivals.append(time.monotonic())
        return Response(PAGE, content_type=HTML)

    httpserver.expect_request("/story").respond_with_handler(record)
    fetcher = make_fetcher(delay=0.3)

    fetcher.fetch(httpserver.url_for("/story"))
    fetcher.fetch(httpserver.url_for("/story"))

    assert len(arrivals) == 2
    assert arrivals[1] - arrivals[0] >= 0.3


def test_no_delay_before_the_first_request(httpserver: HTTPServer, make_fetcher) -> None:
    httpserver.expect_request("/story").respond_with_data(PAGE, content_type=HTML)

    started = time.monotonic()
    make_fetcher(delay=5.0).fetch(httpserver.url_for("/story"))

    assert time.monotonic() - started < 1


def test_context_manager_closes_the_session(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/story").respond_with_data(PAGE, content_type=HTML)

    with Fetcher(delay=0, allowed_hosts=TEST_HOSTS) as fetcher:
        assert fetcher.fetch(httpserver.url_for("/story")).content == PAGE

    assert len(fetcher._session.adapters["http://"].poolmanager.pools) == 0


# --- URL lists ---------------------------------------------------------------------


def test_read_url_list(tmp_path) -> None:
    listing = tmp_path / "url_list.txt"
    listing.write_text(
        "# climate change stories\n"
        "https://news.un.org//en/story/2023/10/1142562\n"
        "\n"
        "   https://news.un.org//en/story/2023/10/1142552  \n"
        "https://news.un.org/en/story/2023/10/1142562\n"
        "ftp://news.un.org/story.txt\n"
        "not a url at all\n"
        "http://example.org/feed.xml?lang=en#top\n"
        "https://news.un.org//en/story/2023/10/1142552\n",
        encoding="utf-8",
    )

    urls = read_url_list(listing.read_text(encoding="utf-8"))

    assert urls == [
        "https://news.un.org/en/story/2023/10/1142562",
        "https://news.un.org/en/story/2023/10/1142552",
        "http://example.org/feed.xml?lang=en",
    ]


def test_read_url_list_of_nothing() -> None:
    assert read_url_list("") == []
    assert read_url_list("# only a comment\n\n") == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("https://news.un.org/en/story/2023/10/1142562", True),
        ("http://127.0.0.1:8000/feed.xml", True),
        ("  https://news.un.org/feed/subscribe/en/news/all/rss.xml\n", True),
        ("ftp://news.un.org/story.txt", True),  # a URL, refused later with a reason
        ("stories/2012-05-04.txt", False),
        ("/work/shared/seeds/story.txt", False),
        ("C:\\stories\\story.txt", False),
        ("news.un.org/en/story/2023/10/1142562", False),
        ("", False),
    ],
)
def test_looks_like_url(source: str, expected: bool) -> None:
    assert looks_like_url(source) is expected


# --- internal addresses --------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "2130706433",
        "0177.0.0.1",
        "0x7f000001",
        "127.1",
        "[::ffff:127.0.0.1]",
        "[::1]",
        "0.0.0.0",
        "10.0.0.1",
        "192.168.1.1",
        "169.254.169.254",
    ],
)
def test_internal_addresses_are_refused_before_connecting(
    httpserver: HTTPServer, host: str
) -> None:
    httpserver.expect_request("/story").respond_with_data(PAGE, content_type=HTML)
    url = f"http://{host}:{httpserver.port}/story"

    with Fetcher(delay=0, retries=0) as fetcher, pytest.raises(FetchError) as raised:
        fetcher.fetch(url)

    assert "is an internal address" in str(raised.value)
    assert len(httpserver.log) == 0  # nothing was sent


def test_a_user_name_in_the_url_is_refused(httpserver: HTTPServer) -> None:
    url = f"http://news.un.org@127.0.0.1:{httpserver.port}/story"
    with Fetcher(delay=0, allowed_hosts=TEST_HOSTS) as fetcher, pytest.raises(FetchError) as raised:
        fetcher.fetch(url)
    assert raised.value.reason == "URLs with a user name are not fetched"


def test_a_redirect_to_an_internal_address_is_refused(httpserver: HTTPServer) -> None:
    inside = f"http://127.0.0.1:{httpserver.port}/secret"
    httpserver.expect_request("/away").respond_with_data(
        "", status=302, headers={"Location": inside}
    )
    httpserver.expect_request("/secret").respond_with_data("internal", content_type="text/plain")

    fetcher = Fetcher(delay=0, retries=0, allowed_hosts=["localhost"])
    with fetcher, pytest.raises(FetchError) as raised:
        fetcher.fetch(httpserver.url_for("/away"))

    assert f"{inside} (redirected) is an internal address" in str(raised.value)
    assert [request.path for request, _ in httpserver.log] == ["/away"]
