"""The reading side in a real browser: Debian's headless Chromium driven by Playwright.

Stories here are the real seed story plus clearly labelled test stories with invented
speakers, so screenshots never show invented words as news. Screenshots of the main
pages, desktop and phone width, go to artifacts/screenshots/ (CI keeps them).
"""

import os
import re
import shutil
from pathlib import Path

import pytest

from articles.importing import import_sources
from tests.factories import ArticleFactory, SpeakerFactory, ensure_topics

# Playwright's sync API runs an event loop; Django's ORM must be allowed under it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

playwright_sync = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="session", autouse=True)
def plain_http_live_server():
    """The live server speaks plain HTTP: no HTTPS redirect when its handler is built.

    SecurityMiddleware reads SECURE_SSL_REDIRECT once, when the session-wide live server
    loads its middleware, so the per-test setting in conftest.py comes too late; a
    session-scoped autouse fixture is set up before the live server.
    """
    from django.conf import settings

    redirect = settings.SECURE_SSL_REDIRECT
    settings.SECURE_SSL_REDIRECT = False
    yield
    settings.SECURE_SSL_REDIRECT = redirect


@pytest.fixture
def browser(transactional_db):
    """A browser per test, started after the test database is set up and closed
    before it is flushed: Playwright's event loop must not be running around
    Django's own setup and teardown of the database."""
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


def failure(request) -> list[str]:
    # A request cut short by the next navigation (net::ERR_ABORTED) is not a failure.
    if request.failure == "net::ERR_ABORTED":
        return []
    return [f"{request.url}: {request.failure}"]


@pytest.fixture
def page(browser, live_server):
    """A desktop-sized page that records console errors; the test fails on any."""
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: errors.extend(failure(request)))
    yield page
    context.close()
    assert errors == [], f"the browser reported errors: {errors}"


@pytest.fixture
def corpus(sample_story):
    """The real seed story, plus test stories quoting two invented speakers."""
    ensure_topics()  # an earlier transactional test may have flushed the seeded rows
    import_sources([str(sample_story)])
    rosa = SpeakerFactory(name="Rosa Testperson", title="Test Envoy", aliases=["Ms. Testperson"])
    omar = SpeakerFactory(name="Omar Placeholder", title="Test Coordinator")
    for n in range(24):
        ArticleFactory(
            title=f"Test story {n}: clinics reopen",
            topics=["health", "africa"],
            quotes=[(rosa if n % 3 else omar, f"Test quotation number {n}")],
        )
    ArticleFactory(
        title="Test story: relief convoy arrives",
        topics=["humanitarian-aid", "middle-east"],
        lede="A test lede about a relief convoy, for the browser tests.",
        quotes=[(rosa, "Test words about the convoy"), (omar, "Test words about access")],
        related_links=[{"title": "Test story 3: clinics reopen", "url": "#"}],
    )
    return {"rosa": rosa, "omar": omar}


def results_count(page):
    return int(re.match(r"\d+", page.locator(".results__count").inner_text()).group())


def chips(page):
    return [" ".join(text.split()) for text in page.locator(".chip").all_inner_texts()]


def wait_for_count(page, count):
    page.wait_for_function(
        "n => document.querySelector('.results__count').textContent.startsWith(n + ' ')", arg=count
    )


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.reload()  # the page lays itself out for the width it loads at
        page.screenshot(path=SCREENSHOTS / f"{name}-{label}.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def test_choosing_a_topic_changes_the_results_and_the_url(page, corpus):
    page.goto("/articles/")
    everything = results_count(page)

    page.locator("summary", has_text="Topics").click()
    page.get_by_label("Humanitarian Aid").check()

    page.wait_for_url(re.compile(r"topic=humanitarian-aid"))
    wait_for_count(page, 1)
    assert results_count(page) == 1 < everything
    assert page.locator(".story__title").all_inner_texts() == ["Test story: relief convoy arrives"]
    assert chips(page) == ["Topics: Humanitarian Aid ×"]
    assert page.get_by_role("status").inner_text() == "1 story"
    assert "q=" not in page.url  # empty fields stay out of the shareable URL


def test_the_speaker_autocomplete_picks_a_speaker(page, corpus):
    page.goto("/articles/")

    page.get_by_role("searchbox", name="Speaker").press_sequentially("Testper", delay=30)
    option = page.locator(".autocomplete__option", has_text="Rosa Testperson")
    option.click()

    page.wait_for_url(re.compile(r"speaker=rosa-testperson"))
    assert page.get_by_role("searchbox", name="Speaker").input_value() == "rosa-testperson"
    page.wait_for_function(
        "document.querySelector('.results__count').textContent.startsWith('17 ')"
    )
    assert chips(page) == ["Speaker: Rosa Testperson ×"]


def test_pagination_keeps_the_filters(page, corpus):
    page.goto("/articles/?topic=health&region=africa")
    assert results_count(page) == 24

    page.get_by_role("link", name="Next →").click()

    page.wait_for_url(re.compile(r"page=2"))
    assert "topic=health" in page.url and "region=africa" in page.url
    assert page.locator(".story").count() == 4
    page.locator("summary", has_text="Topics").click()
    assert page.get_by_label("Health", exact=True).is_checked()


def test_a_quotes_speaker_link_opens_the_speaker_page(page, corpus):
    page.goto("/articles/test-story-relief-convoy-arrives/")
    assert page.locator("mark.quote").count() == 2

    page.locator("a.quote__speaker", has_text="Rosa Testperson").click()

    page.wait_for_url(re.compile(r"/speakers/rosa-testperson/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Rosa Testperson"
    assert page.locator(".quote-card").count() == 17


def test_the_filter_form_works_from_the_keyboard_alone(page, corpus):
    page.goto("/articles/")

    def tab_to(selector, limit=40):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("#id_q")
    page.keyboard.type("convoy")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=convoy"))
    wait_for_count(page, 1)

    tab_to("#id_speaker")
    page.keyboard.type("Placeh")
    page.locator(".autocomplete__option").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"speaker=omar-placeholder"))

    tab_to("details.choices summary")
    page.keyboard.press("Enter")
    tab_to("input[name=topic]")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"topic="))
    assert "q=convoy" in page.url and "speaker=omar-placeholder" in page.url


def test_back_restores_the_previous_results(page, corpus):
    page.goto("/articles/")
    everything = results_count(page)
    page.locator("summary", has_text="Regions").click()
    page.get_by_label("Middle East").check()
    page.wait_for_url(re.compile(r"region=middle-east"))
    wait_for_count(page, 1)

    page.go_back()

    page.wait_for_url(re.compile(r"/articles/$"))
    wait_for_count(page, everything)


def test_on_a_phone_the_filters_fold_away_until_asked_for(page, corpus):
    page.set_viewport_size(PHONE)
    page.goto("/articles/")

    assert not page.get_by_role("searchbox", name="Search stories").is_visible()
    assert page.locator(".story").first.is_visible()
    page.get_by_text("Filters", exact=True).click()
    assert page.get_by_role("searchbox", name="Search stories").is_visible()


def test_the_page_works_without_javascript(browser, live_server, corpus):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto("/articles/")
    page.get_by_label("Search stories").fill("convoy")
    page.get_by_role("button", name="Apply filters").click()

    page.wait_for_url(re.compile(r"q=convoy"))
    assert page.locator(".story__title").all_inner_texts() == ["Test story: relief convoy arrives"]
    context.close()


def test_screenshots_of_the_main_pages(page, corpus):
    pages = {
        "home": "/",
        "articles": "/articles/",
        "articles-filtered": "/articles/?topic=health&speaker=rosa-testperson&date_from=2019-01-01",
        "articles-empty": "/articles/?q=nothingmatchesthis",
        "articles-search": "/articles/?q=terrorism%20cooperation&sort=relevance",
        "story-seed": "/articles/coordinated-global-action-crucial-to-defeat-terrorism-ban-tells"
        "-security-council/",
        "story-quotes": "/articles/test-story-relief-convoy-arrives/",
        "speakers": "/speakers/",
        "speaker": "/speakers/rosa-testperson/",
        "topics": "/topics/",
        "topic": "/topics/health/",
        "quotes": "/quotes/?q=convoy",
        "quote": f"/quotes/{corpus['rosa'].quotes.order_by('pk').first().pk}/",
    }
    for name, url in pages.items():
        response = page.goto(url)
        assert response.status == 200, url
        shoot(page, name)
