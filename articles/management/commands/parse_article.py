"""Print what the importer would read from story files, without touching the database.

For checking extraction by eye and for scoring it: `--format jsonl` over a directory
gives one line per story, the shape `score_extraction.py` reads.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from articles.extraction import ParseError, parse
from articles.extraction.serialize import article_to_json
from articles.sources import InputError, iter_inputs, read_file


class Command(BaseCommand):
    help = "Parse story files and print them as JSON (no database)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files, directories or globs.")
        parser.add_argument("--format", choices=["json", "jsonl"], default="json")
        parser.add_argument(
            "--input-format", choices=["text", "html", "rss", "plain"], help="Skip detection."
        )

    def handle(self, *args, **options):
        failed = 0
        for item in iter_inputs(options["paths"]):
            if item.error:
                self.stderr.write(self.style.ERROR(f"{item.name}: {item.error}"))
                failed += 1
                continue
            if item.skipped or item.path is None:
                continue
            try:
                articles = parse(
                    read_file(item.path), name=item.path.name, format=options["input_format"]
                )
            except (InputError, ParseError) as error:
                self.stderr.write(self.style.ERROR(f"{item.name}: {error}"))
                failed += 1
                continue
            for index, article in enumerate(articles):
                key = (
                    Path(item.name).stem
                    if len(articles) == 1
                    else f"{Path(item.name).stem}#{index + 1}"
                )
                self._print(article_to_json(article, key), options["format"])
        if failed:
            sys.exit(1)

    def _print(self, contract, output_format):
        if output_format == "jsonl":
            self.stdout.write(json.dumps(contract, ensure_ascii=False))
        else:
            self.stdout.write(json.dumps(contract, ensure_ascii=False, indent=2))
