"""Benchmarks: parse throughput per format, extraction speed, end-to-end import into the
database, and peak memory. Prints its figures; asserts nothing.

    make bench                       # PostgreSQL at DATABASE_URL (default: local server)
    .venv/bin/python bench/run.py --stories 2000

Inputs are generated from the sample story (real, UN News Centre 2012) with varied
headlines and dates, so every generated story is a distinct article.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SAMPLE = REPO / "articles" / "sample_data" / "2012-05-04-coordinated-global-action-terrorism.txt"
MONTHS = "January February March April May June July August September October November December"


def sample_parts() -> tuple[str, list[str]]:
    text = SAMPLE.read_text(encoding="utf-8")
    body = text.split("4 May 2012 –", 1)[1].split("News Tracker:", 1)[0]
    return text, [p.strip() for p in body.split("\n\n") if p.strip()]


def text_dump(number: int) -> bytes:
    text, _ = sample_parts()
    day = f"{number % 28 + 1} {MONTHS.split()[number % 12]} {2007 + number % 10}"
    title = f"Coordinated global action crucial to defeat terrorism, report {number}"
    text = text.replace("4 May 2012", day)
    text = text.replace(
        "Coordinated global action crucial to defeat terrorism, Ban tells Security Council", title
    )
    return text.encode()


def html_page(number: int) -> bytes:
    _, paragraphs = sample_parts()
    story_id = 1_100_000 + number
    body = "".join(f"<p>{p}</p>" for p in paragraphs[1:])
    nav = "".join(f'<li><a href="/en/news/topic/t{i}">Topic {i}</a></li>' for i in range(12))
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Counter-terrorism story {number} | UN News</title>
<link rel="canonical" href="https://news.un.org/en/story/2023/05/{story_id}">
<meta property="og:image" content="https://example.org/image{number}.jpg"></head>
<body><nav><ul>{nav}</ul></nav><main><article>
<h1><span class="field--name-title">Counter-terrorism story {number}</span></h1>
<span class="views-field-field-news-date"><time class="datetime"
 datetime="2023-05-{number % 28 + 1:02d}T14:00:00Z">{number % 28 + 1} May 2023</time></span>
<span class="views-field-field-news-topics"><span class="field-content">
<a href="/en/news/topic/peace-and-security">Peace and Security</a></span></span>
<div class="views-field-field-news-story-lead"><p>{paragraphs[0]}</p></div>
<div class="clearfix text-formatted field--name-field-text-column field__item">{body}</div>
</article></main><footer>UN News</footer></body></html>"""
    return page.encode()


def rss_feed(first: int, count: int) -> bytes:
    _, paragraphs = sample_parts()
    items = "".join(
        f"""<item><title>Feed story {n}</title>
<link>https://news.un.org/feed/view/en/story/2022/03/{1_200_000 + n}</link>
<guid>https://news.un.org/feed/view/en/story/2022/03/{1_200_000 + n}</guid>
<description><![CDATA[{paragraphs[n % len(paragraphs)]}]]></description>
<pubDate>Wed, {n % 28 + 1:02d} Mar 2022 12:00:00 -0400</pubDate></item>"""
        for n in range(first, first + count)
    )
    return f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>UN News - Europe</title><link>https://news.un.org/feed/subscribe/en/news/region/europe/feed/rss.xml</link>
<description>UN News</description>{items}</channel></rss>""".encode()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:8.0f} stories/s  ({count} in {seconds:.2f} s)"


def bench_parsing(count: int) -> None:
    from articles.extraction import enrich, parse
    from articles.extraction.formats import read_documents

    print(f"Parsing (one core, {count} stories each)")
    for label, make in (("text dump", text_dump), ("html 2023", html_page)):
        inputs = [make(n) for n in range(count)]
        started = time.perf_counter()
        for data in inputs:
            parse(data, name=f"story.{'txt' if label == 'text dump' else 'html'}")
        print(f"  parse {label:<12} {rate(count, time.perf_counter() - started)}")
    feed = rss_feed(0, count)
    started = time.perf_counter()
    parse(feed, name="feed.xml")
    print(f"  parse {'rss items':<12} {rate(count, time.perf_counter() - started)}")
    documents = [read_documents(text_dump(n), name="story.txt")[0] for n in range(count)]
    started = time.perf_counter()
    for document in documents:
        enrich(document)
    print(
        f"  extraction only (quotes, speakers, topics) {rate(count, time.perf_counter() - started)}"
    )


def bench_import(count: int, label: str, make, suffix: str, jobs: int) -> None:
    from articles.importing import import_sources
    from articles.models import Article

    with tempfile.TemporaryDirectory() as directory:
        for n in range(count):
            Path(directory, f"story{n:05d}.{suffix}").write_bytes(make(n))
        before = Article.objects.count()
        started = time.perf_counter()
        report = import_sources([directory], jobs=jobs)
        seconds = time.perf_counter() - started
        assert report.failed == 0, report.failures[:3]
        print(
            f"  import {label:<10} jobs={jobs} {rate(count, seconds)}  peak RSS {peak_mb():.0f} MB"
        )
        started = time.perf_counter()
        again = import_sources([directory], jobs=jobs)
        seconds = time.perf_counter() - started
        print(f"  re-import (all unchanged: {again.unchanged == count}) {rate(count, seconds)}")
        print(
            f"    articles now {Article.objects.count()} (added {Article.objects.count() - before})"
        )


def setup_database(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unnews.settings")
    import django
    from django.core.management import call_command

    django.setup()
    if url.startswith("postgres"):
        recreate_postgres_database(url)
    call_command("migrate", verbosity=0)


def recreate_postgres_database(url: str) -> None:
    import psycopg2
    from django.db import connection

    name = connection.settings_dict["NAME"]
    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10_000, help="stories per import run")
    parser.add_argument("--parse-stories", type=int, default=2_000)
    parser.add_argument("--jobs", type=int, default=1)
    default_url = "postgres://postgres@127.0.0.1:5432/unnews_bench"
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", default_url))
    options = parser.parse_args()

    setup_database(options.database_url)
    print(f"Database: {options.database_url}")
    bench_parsing(options.parse_stories)
    print(f"End-to-end import (parse + save, {options.stories} stories)")
    small = max(1, options.stories // 10)
    bench_import(small, "text dump", text_dump, "txt", options.jobs)
    bench_import(options.stories, "text dump", lambda n: text_dump(n + small), "txt", options.jobs)
    bench_import(options.stories // 5, "html 2023", html_page, "html", options.jobs)
    print(f"Peak memory (max RSS of this process): {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
