"""The local real development set: check it, and score `parse_article` on it.

Real UN News stories (© United Nations) stay out of git, in `.local/real/` (see
../shared/real-stories/README.md): `stories/<id>.txt`, `manifest.jsonl`, `gold.jsonl`.

    .venv/bin/python bench/real_devset.py            # check the set, then score it
    .venv/bin/python bench/real_devset.py --verbose  # with the scorer's per-story lines
    .venv/bin/python bench/real_devset.py --merge    # first gather .local/real/parts/*/

The check refuses a set with a story from the reserved half, a gold quote that is not in its
story word for word, a line that breaks the scorer's format, or a story outside 2000-2026;
it prints how the set covers the years, topics and regions.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from articles.extraction.taxonomy import REGIONS, TOPICS  # noqa: E402 - after the path

SHARED = REPO.parent / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"
DEFAULT_SET = REPO / ".local" / "real"
GOLD_KEYS = {"id", "format", "url", "title", "published", "topics", "regions", "speakers", "quotes"}
MANIFEST_KEYS = {"id", "url", "site", "year", "title"}
MARKS_BETWEEN = r"[\s“”\"‘’']+"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def partition_half():
    spec = importlib.util.spec_from_file_location("partition", SHARED / "tools" / "partition.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.half


def occurs(quote: str, story: str) -> bool:
    """Whether `quote` is in `story` word for word; the pieces of a quote that runs over
    paragraphs are joined by one space where the story reopens the quote on a new line."""
    if quote in story:
        return True
    words = quote.split()
    return bool(words) and re.search(MARKS_BETWEEN.join(map(re.escape, words)), story) is not None


def merge(folder: Path) -> None:
    """Gather the parts (one folder each, same layout) into the set, one line per headline."""
    seen, gold, manifest = set(), [], []
    (folder / "stories").mkdir(parents=True, exist_ok=True)
    for stale in (folder / "stories").glob("*.txt"):
        stale.unlink()
    for part in sorted((folder / "parts").iterdir()):
        if not (part / "gold.jsonl").is_file() or not (part / "manifest.jsonl").is_file():
            continue
        entries = {line["id"]: line for line in read_jsonl(part / "manifest.jsonl")}
        for line in read_jsonl(part / "gold.jsonl"):
            key = re.sub(r"\W", "", line["title"].casefold())
            story = part / "stories" / f"{line['id']}.txt"
            if key in seen or line["id"] not in entries or not story.is_file():
                continue
            seen.add(key)
            (folder / "stories" / story.name).write_bytes(story.read_bytes())
            gold.append(line)
            manifest.append(entries[line["id"]])
    for name, lines in (("gold.jsonl", gold), ("manifest.jsonl", manifest)):
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        (folder / name).write_text(text, encoding="utf-8")
    print(f"merged {len(gold)} stories from {folder / 'parts'}")


def check(folder: Path) -> list[str]:
    """Problems with the set, one line each; prints its coverage."""
    half = partition_half()
    gold = read_jsonl(folder / "gold.jsonl")
    manifest = {line["id"]: line for line in read_jsonl(folder / "manifest.jsonl")}
    problems = []
    years, topics, regions, quotes = Counter(), Counter(), Counter(), 0
    for line in gold:
        story_id = line.get("id", "?")
        entry = manifest.get(story_id)
        path = folder / "stories" / f"{story_id}.txt"
        if set(line) != GOLD_KEYS:
            problems.append(f"{story_id}: gold keys {sorted(set(line) ^ GOLD_KEYS)}")
        if entry is None or set(entry) != MANIFEST_KEYS:
            problems.append(f"{story_id}: no manifest line with {sorted(MANIFEST_KEYS)}")
            continue
        if not path.is_file():
            problems.append(f"{story_id}: no story file {path.name}")
            continue
        if half(entry["title"]) != "development" or half(line["title"]) != "development":
            problems.append(f"{story_id}: headline is not in the development half")
        if not 2000 <= int(entry["year"]) <= 2026:
            problems.append(f"{story_id}: year {entry['year']} outside 2000-2026")
        unknown = set(line["topics"]) - set(TOPICS) | set(line["regions"]) - set(REGIONS)
        if unknown:
            problems.append(f"{story_id}: unknown topics or regions {sorted(unknown)}")
        story = path.read_text(encoding="utf-8")
        named = {speaker["name"] for speaker in line["speakers"]}
        for quote in line["quotes"]:
            if not occurs(quote["text"], story):
                problems.append(f"{story_id}: quote not in the story: {quote['text'][:60]!r}")
            if quote["speaker"] is not None and quote["speaker"] not in named:
                problems.append(f"{story_id}: speaker {quote['speaker']!r} not in speakers")
        years[int(entry["year"])] += 1
        topics.update(line["topics"])
        regions.update(line["regions"])
        quotes += len(line["quotes"])
    print(f"{len(gold)} stories, {quotes} quotes, years {min(years)}-{max(years)}")
    print("  years:   " + " ".join(f"{y}:{n}" for y, n in sorted(years.items())))
    print("  topics:  " + ", ".join(f"{t} {topics[t]}" for t in TOPICS))
    print("  regions: " + ", ".join(f"{r} {regions[r]}" for r in REGIONS))
    missing = [t for t in (*TOPICS, *REGIONS) if not (topics[t] or regions[t])]
    problems += [f"no story labelled {name}" for name in missing]
    return problems


def score(folder: Path, verbose: bool) -> int:
    """Run `parse_article` over the stories and the shared scorer over its output."""
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", encoding="utf-8") as predictions:
        parsed = subprocess.run(
            [sys.executable, str(REPO / "manage.py"), "parse_article", "--format", "jsonl"]
            + [str(folder / "stories")],
            stdout=predictions,
            check=False,
        )
        if parsed.returncode:
            print(f"parse_article failed on some stories (exit {parsed.returncode})")
        command = [sys.executable, str(SCORER), str(folder / "gold.jsonl"), predictions.name]
        return subprocess.run(command + (["--verbose"] if verbose else []), check=False).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="the set's folder")
    parser.add_argument("--merge", action="store_true", help="gather parts/*/ first")
    parser.add_argument("--verbose", action="store_true", help="the scorer's per-story lines")
    args = parser.parse_args()
    if not (args.set / "parts").is_dir() and not (args.set / "gold.jsonl").is_file():
        print(f"{args.set}: no real development set here (see ../shared/real-stories/README.md)")
        return 2
    if args.merge:
        merge(args.set)
    problems = check(args.set)
    for problem in problems:
        print(f"  problem: {problem}")
    if any(not p.startswith("no story labelled") for p in problems):
        return 1
    return score(args.set, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
