"""Import UN News stories from files, directories, globs, URLs, feeds and URL lists.

This is how stories get into unnews: an admin points it at an archive or at the live
site, and it reports what it created, updated or left unchanged, and why anything failed.
Exit status 0 when every input succeeded, 1 when any failed.
"""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.importing import import_sources, reextract_articles
from articles.models import Article


class Command(BaseCommand):
    help = "Import UN News stories (text dumps, news.un.org pages, RSS feeds, URLs)."

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="*", help="Files, directories, globs or URLs.")
        parser.add_argument(
            "--format",
            choices=["text", "html", "rss", "plain"],
            help="Read every input as this format instead of detecting it.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Parse and report only.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace stored stories even with a thinner copy (less body or fewer quotes).",
        )
        parser.add_argument("--jobs", type=int, default=1, help="Parse in N processes.")
        parser.add_argument(
            "--fetch-pages",
            action="store_true",
            help="For feed URLs, also fetch each item's story page and merge it.",
        )
        parser.add_argument(
            "--reparse",
            action="store_true",
            help="Re-run extraction over stored articles (no sources, no fetching).",
        )

    def handle(self, *args, **options):
        if options["reparse"]:
            report = reextract_articles(Article.objects.order_by("id").iterator(chunk_size=200))
        elif options["sources"]:
            report = self._import(options)
        else:
            raise CommandError("Name at least one file, directory, glob or URL (or --reparse).")
        for name, reason in report.failures if options["reparse"] else ():
            self.stderr.write(f"{name}: {reason}")
        style = self.style.ERROR if report.failed else self.style.SUCCESS
        if options["verbosity"] >= 2:
            for name in report.skipped_names:
                self.stdout.write(f"{name}: skipped (not a story or feed file)")
        prefix = "Dry run: " if options["dry_run"] else ""
        self.stdout.write(style(prefix + report.summary()))
        if report.failed:
            sys.exit(1)

    def _import(self, options):
        bar = tqdm(unit="input", file=sys.stderr) if sys.stderr.isatty() else None

        def notify(name, reason, warning=False):
            if reason:
                line = (self.style.WARNING if warning else self.style.ERROR)(f"{name}: {reason}")
                bar.write(line, file=sys.stderr) if bar else self.stderr.write(line)
            elif options["verbosity"] >= 2:
                self.stdout.write(f"{name}: ok")
            if bar and not warning:
                bar.update()

        try:
            return import_sources(
                options["sources"],
                format=options["format"],
                dry_run=options["dry_run"],
                jobs=max(1, options["jobs"]),
                fetch_pages=options["fetch_pages"],
                notify=notify,
                force=options["force"],
            )
        finally:
            if bar:
                bar.close()
